// Lookups the engine built itself (a compiled rule's id, a grade index, a column it found) that
// cannot miss unless the engine has a bug: a miss throws, it is never read as a missing value.

/** `value`, which an index or key the engine made must find; throws (our bug) when it is undefined. */
export function known<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal error: no ${what}`);
  return value;
}

/** `known` for a lookup by `kind` and `id` (`hold viral_hit`): the message is built only on a miss (hot paths). */
export function knownId<T>(value: T | undefined, kind: string, id: string): T {
  if (value === undefined) throw new Error(`internal error: no ${kind} ${id}`);
  return value;
}
