// The versions view's dates: the month a new version applies from by default, a commit's date as shown.

/** `2026-10` plus `n` months. */
export function addMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/**
 * The month a new version applies from unless the author says otherwise: the month after the
 * published version's, or next month when that is later (a version is not published for a month
 * already paid; a correction of one is a choice the author makes, with `retroactive`).
 */
export function defaultEffectiveFrom(previous: string, today: Date): string {
  const next = addMonths(`${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`, 1);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(previous)) return next;
  // YYYY-MM sorts as text: the later of the two
  return [addMonths(previous, 1), next].sort()[1]!;
}

/** `2026-12-01T10:04:00+08:00` as the interface shows a date: `2026-12-01 10:04`. */
export function shownDate(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}
