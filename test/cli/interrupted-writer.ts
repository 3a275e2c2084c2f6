// A run stopped while it writes its output, for atomic-interrupted.test.ts: it starts the atomic
// file TARGET, writes a first piece, prints `ready` and waits for a signal.
// Usage: node --import tsx test/cli/interrupted-writer.ts TARGET

import { AtomicFile } from '../../node/files.js';

const file = new AtomicFile(process.argv[2]!);
file.write(Buffer.from('employee_id,name\nE1,林小雨\n'));
process.stdout.write(`ready ${file.temp}\n`);
setInterval(() => {}, 1000);
