// The `yardstick` command run in-process for tests: its exit code and what it printed.

import { main } from '../node/cli/main.js';

export async function yardstick(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => stderr.push(s) });
  return { code, stdout, stderr: stderr.join('\n') };
}
