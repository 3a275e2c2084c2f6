// A month written into stdout's file (stdoutFileSink) and stopped while a write of it is under way
// on Node's thread pool, for stdout-file.test.ts: with stdout redirected after `before\n`, it starts
// writing 64 MiB, takes the month back at once (as the run's signal handler does), waits for that,
// and says on stderr whether a write was under way when it was taken back.
// Usage: node --import tsx test/cli/stdout-interrupted-writer.ts > FILE   (FILE holding `before\n`)

import { stdoutFileSink } from '../../node/cli/io.js';

const sink = stdoutFileSink();
if (!sink) throw new Error('stdout is not a file this run can write straight into');
const writing = sink.writeAsync(new Uint8Array(64 << 20).fill(0x7b));
const back = sink.interrupt();
process.stderr.write(back ? 'taken back while a write was under way\n' : 'taken back with no write under way\n');
await back;
await writing.catch(() => {});
