// Exit codes and the typed error commands throw; only main.ts turns them into process exit codes.

export const EXIT = {
  ok: 0,
  /** The policy or the data has problems: the user's input is wrong. */
  input: 1,
  /** The command line itself is wrong. */
  usage: 2,
  /** Our bug. */
  internal: 70,
} as const;

export class ExitError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
