// The `yardstick` command run in-process for tests: its exit code and what it printed.

import { main } from '../node/cli/main.js';

/**
 * Commands that printed English errors and warnings before `--lang` decided them (Chinese by
 * default): the tests written for them run with `--lang en` unless they name a language.
 */
const ENGLISH_BEFORE_LANG = new Set(['validate', 'history', 'data', 'fmt', 'test', 'check']);

export async function yardstick(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const english = ENGLISH_BEFORE_LANG.has(argv[0]) && !argv.some((a) => a === '--lang' || a.startsWith('--lang=')) && !argv.includes('--');
  return yardstickAsIs(...argv, ...(english ? ['--lang', 'en'] : []));
}

/** The command exactly as given: the defaults a user gets. */
export async function yardstickAsIs(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => stderr.push(s) });
  return { code, stdout, stderr: stderr.join('\n') };
}
