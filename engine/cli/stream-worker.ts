// A worker thread of a streaming run: compiles the policy once, then evaluates the batches of
// rows the main thread sends and returns each batch's CSV lines, totals and left-out records.

import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { loadPolicy } from '../index.js';
import { BatchEvaluator, type ByteChunk, type WorkerSetup } from './stream-batch.js';
import { Ledger } from './ledger.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;

try {
  const loaded = loadPolicy(readFileSync(setup.policyFile, 'utf8').replace(/^\uFEFF/, ''), setup.policyFile);
  if (!loaded.ok) throw new Error(`${setup.policyFile}: the policy no longer loads`);
  const history = setup.ledger ? (await Ledger.open(setup.ledger)).history(loaded.policy.doc.policy, setup.beforePeriod) : undefined;
  const evaluator = new BatchEvaluator(loaded.policy, setup, history);
  port.on('message', (m: { seq: number; chunk: ByteChunk }) => {
    evaluator.evaluateChunk(m.chunk).then(
      (result) => port.postMessage({ seq: m.seq, result }, [result.keys.rows.buffer as ArrayBuffer, result.csv.buffer as ArrayBuffer]),
      (error: Error) => port.postMessage({ seq: m.seq, error: error.stack ?? String(error) }),
    );
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: (error as Error).stack ?? String(error) });
}
