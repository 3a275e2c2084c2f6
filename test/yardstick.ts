// The `yardstick` command run in-process for tests: its exit code and what it printed.

import { main } from '../node/cli/main.js';

/**
 * The command with its errors in English unless `--lang` is given: the tests written before errors
 * followed `--lang` (Chinese by default) expect English. `yardstickAsIs` runs the defaults a user gets.
 */
export function yardstick(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(argv, 'en');
}

/** The command exactly as a user runs it: errors in Chinese unless `--lang en`. */
export function yardstickAsIs(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(argv, undefined);
}

async function run(
  argv: string[],
  errorLang: 'en' | undefined,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  const stderr: string[] = [];
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => stderr.push(s),
    ...(errorLang ? { errorLang } : {}),
  });
  return { code, stdout, stderr: stderr.join('\n') };
}
