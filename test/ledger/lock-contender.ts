// One contender for a ledger's lock, for lock.test.ts: says it is ready, waits for the go file so
// that all contenders ask at once, takes the lock, logs entering and leaving it, and releases it.
// Between finding a lock stale and removing it, it pauses 1 s, so that every contender finds the
// stale lock before any removes it: only one of them may then remove it.
// Usage: node --import tsx test/ledger/lock-contender.ts LEDGER GO_FILE LOG

import { appendFileSync, existsSync } from 'node:fs';
import { lockLedger } from '../../node/cli/ledger-lock.js';

const [ledger, go, log] = process.argv.slice(2);
const nap = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
appendFileSync(log, `ready ${process.pid}\n`);
while (!existsSync(go)) nap(1);
const lock = await lockLedger(ledger, (line) => appendFileSync(log, `said ${line}\n`), 'en', {
  beforeTakeover: () => new Promise((done) => setTimeout(done, 1000)),
});
appendFileSync(log, `in ${process.pid}\n`);
// hold the lock a moment, as a run does
nap(20);
appendFileSync(log, `out ${process.pid}\n`);
lock.release();
