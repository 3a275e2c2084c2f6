// Exit codes and the typed error commands throw; only main.ts turns them into process exit codes
// and prints the error's diagnostics, in the language and format the command line asks for.

import { type Diagnostic, diagnostic } from '../../engine/index.js';

export const EXIT = {
  ok: 0,
  /** The policy or the data has problems: the user's input is wrong. */
  input: 1,
  /** The command line itself is wrong. */
  usage: 2,
  /** `init` would overwrite a file that exists: nothing was written. */
  exists: 3,
  /** Our bug. */
  internal: 70,
} as const;

export class ExitError extends Error {
  /** The problem first, then the diagnostics behind it (a policy's YAML errors, a data file's). */
  readonly diagnostics: Diagnostic[];

  constructor(
    readonly code: number,
    problem: Diagnostic,
    details: readonly Diagnostic[] = [],
  ) {
    super(problem.message);
    this.diagnostics = [problem, ...details];
  }

  /** The problem with its help on an indented line, as a summary line of `check` shows it. */
  get withHelp(): string {
    const help = this.diagnostics[0]?.help;
    return help === undefined ? this.message : `${this.message}\n  help: ${help}`;
  }
}

/**
 * A policy that does not load: `cli_policy_invalid`, counting its errors (not its warnings), with
 * every diagnostic of the policy said after it. `file` is the name the message gives (`HEAD:x.yaml`
 * for a version from git), `at` the file it is placed at.
 */
export function policyInvalid(file: string, diagnostics: Diagnostic[], at = file): ExitError {
  return new ExitError(
    EXIT.input,
    diagnostic(
      'cli_policy_invalid',
      { file, count: diagnostics.filter((d) => d.severity === 'error').length },
      { file: at },
    ),
    diagnostics,
  );
}
