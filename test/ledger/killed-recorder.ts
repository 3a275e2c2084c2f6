// A recording run stopped at its most delicate moment, for ledger.test.ts and lock.test.ts: it
// takes the ledger's lock, scores the month, adds it to the ledger and writes the new ledger file
// beside the old one; just before the rename it dies, `kill` of SIGKILL (nothing of it runs
// after), `exit` by process.exit(137) (its exit handlers run, as on a crash that Node sees).
// `wait` stops before saving instead: it prints `ready` and waits, lock held, for a signal.
// Usage: node --import tsx test/ledger/killed-recorder.ts POLICY DATA LEDGER kill|exit|wait

import { lockLedger } from '../../node/cli/ledger-lock.js';
import { Ledger } from '../../node/cli/ledger.js';
import { dryRun } from '../../node/cli/pipeline.js';

const [policy, data, ledgerPath, how] = process.argv.slice(2);
if (how !== 'kill' && how !== 'exit' && how !== 'wait')
  throw new Error('usage: killed-recorder.ts POLICY DATA LEDGER kill|exit|wait');
const lock = await lockLedger(ledgerPath, () => {}, 'en');
const { result } = await dryRun({ policy, data, ledger: ledgerPath, lang: 'zh', explain: true, stderr: () => {} });
const ledger = await Ledger.open(ledgerPath);
ledger.record(
  result,
  {
    policyId: 'short-video-team',
    version: result.policy.version,
    policyHash: 'killed-recorder',
    dataFiles: [],
    engine: 'test',
    recordedAt: '2026-11-30T00:00:00.000Z',
  },
  false,
);
if (how === 'wait') {
  process.stdout.write('ready\n');
  // the signal's handler (ledger-lock.ts) releases the lock and ends the process
  setInterval(() => {}, 60_000);
  await new Promise(() => {});
}
ledger.save(lock, {
  beforeRename: () => {
    if (how === 'exit') process.exit(137);
    process.kill(process.pid, 'SIGKILL');
    // a SIGKILL sent to oneself is delivered before kill() returns; were it not, never rename
    throw new Error('still running after SIGKILL');
  },
});
