// A worker thread of a streaming run. It starts loading at once, while the main thread still reads
// the file's header; the first message brings the run's setup (the policy is compiled here, once),
// every later one a chunk of rows, answered with its output bytes, totals and left-out records.

import { parentPort } from 'node:worker_threads';
import { loadPolicy } from '../../engine/index.js';
import { BatchEvaluator, type ByteChunk, type WorkerSetup } from './stream-batch.js';

const port = parentPort!;
let evaluator: BatchEvaluator | undefined;

async function setUp(setup: WorkerSetup): Promise<void> {
  // the text the reading thread loaded: it passed the schema there, so the schema is not compiled here
  const loaded = loadPolicy(setup.policyText, setup.policyFile, { schemaChecked: true });
  if (!loaded.ok) throw new Error(`internal: ${setup.policyFile} loads on the reading thread but not in a worker`);
  // the ledger (sql.js) is loaded only by runs that read history
  const history = setup.ledger
    ? (await (await import('./ledger.js')).Ledger.open(setup.ledger)).history(
        loaded.policy.doc.policy,
        setup.beforePeriod,
      )
    : undefined;
  evaluator = new BatchEvaluator(loaded.policy, setup, history);
}

port.on('message', (m: { setup: WorkerSetup } | { seq: number; chunk: ByteChunk } | { spare: ArrayBuffer }) => {
  // a chunk's output buffer, written by the reading thread: filled again with a later chunk's
  if ('spare' in m) {
    evaluator?.recycle(new Uint8Array(m.spare));
    return;
  }
  if ('setup' in m) {
    setUp(m.setup).then(
      () => port.postMessage({ ready: true }),
      (error: Error) => port.postMessage({ ready: false, error: error.stack ?? String(error) }),
    );
    return;
  }
  try {
    const result = evaluator!.evaluateChunk(m.chunk);
    port.postMessage({ seq: m.seq, result }, [
      result.keys.rows.buffer as ArrayBuffer,
      result.out.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    port.postMessage({ seq: m.seq, error: (error as Error).stack ?? String(error) });
  }
});
port.postMessage({ loaded: true });
