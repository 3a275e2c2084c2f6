// The month as the company counts it: its UTC offsets in the declared time zone, and its weeks
// (Monday to Sunday) and days. Weeks and days are computed here, once, and written into the SQL
// as date literals, so the SQL needs no time zone database. A zone with daylight saving (America/
// Los_Angeles, Europe/Berlin) has its changes listed as instants with the offset after each, from
// a day before the month before to a day after the month, so a time written with `Z` or an offset
// becomes local time with the offset in force at that instant; days and weeks are local days.

export interface MonthCalendar {
  period: string;
  /** Minutes east of UTC at the start of the span (a day before the month before). */
  offsetMinutes: number;
  /**
   * The zone's offset changes in the span (daylight saving), in order: the UTC instant
   * (`YYYY-MM-DD HH:MM:SS`) from which `minutes` applies. Empty for a zone with one offset.
   */
  changes: { at: string; minutes: number }[];
  /** First day of the month and of the next, `YYYY-MM-DD`. */
  start: string;
  end: string;
  /** First day of the month before (for month-over-month growth). */
  previousStart: string;
  /** Whether the zone's UTC offset in the month before is the month's (a fixed offset spans both). */
  previousSameOffset: boolean;
  /** Monday of every week touching the month, and whether all seven of its days lie in it. */
  weeks: { start: string; full: boolean }[];
  days: string[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

const formats = new Map<string, Intl.DateTimeFormat | undefined>();

/** Minutes east of UTC of `zone` at the instant `utc`; undefined for an unknown zone. */
export function zoneOffset(zone: string, utc: Date): number | undefined {
  if (!formats.has(zone)) {
    let format: Intl.DateTimeFormat | undefined;
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch {
      format = undefined;
    }
    formats.set(zone, format);
  }
  const format = formats.get(zone);
  if (!format) return undefined;
  const parts = format.formatToParts(utc);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(utc.getTime() / 60000) * 60000) / 60000);
}

/** The month's last full week (Monday to Sunday inside the month) and the week before it, by their Mondays. */
export function growthWeeks(calendar: MonthCalendar): { current: string; previous: string } {
  const full = calendar.weeks.filter((w) => w.full);
  // every month has at least 28 days, so at least three full weeks
  const current = full[full.length - 1]!.start;
  const previous = full[full.length - 2]!.start;
  return { current, previous };
}

export function addDays(day: string, n: number): string {
  return iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));
}

export type CalendarResult = { ok: true; calendar: MonthCalendar } | { ok: false; problem: string; problem_zh: string };

export function monthCalendar(period: string, zone: string): CalendarResult {
  const [y, m] = period.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const next = new Date(Date.UTC(y, m, 1));
  const offsets = new Set<number | undefined>();
  // every six hours from a day before to a day after: a daylight-saving change shows as two offsets
  for (let t = first.getTime() - 86_400_000; t <= next.getTime() + 86_400_000; t += 6 * 3_600_000)
    offsets.add(zoneOffset(zone, new Date(t)));
  if (offsets.has(undefined)) return { ok: false, problem: 'is not a known time zone', problem_zh: '不是已知的时区' };
  const previous = new Date(Date.UTC(y, m - 2, 1));
  // the offset changes from a day before the month before to a day after the month, to the minute
  const from = previous.getTime() - 86_400_000;
  const startOffset = zoneOffset(zone, new Date(from))!;
  const changes: MonthCalendar['changes'] = [];
  let current = startOffset;
  for (let t = from; t < next.getTime() + 86_400_000; t += 3_600_000) {
    const after = zoneOffset(zone, new Date(t + 3_600_000))!;
    if (after === current) continue;
    // the first minute in (t, t + 1 h] with the new offset
    let lo = t;
    let hi = t + 3_600_000;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (zoneOffset(zone, new Date(mid)) === current) lo = mid;
      else hi = mid;
    }
    changes.push({ at: new Date(hi).toISOString().slice(0, 19).replace('T', ' '), minutes: after });
    current = after;
  }
  const before = new Set<number | undefined>();
  for (let t = previous.getTime() - 86_400_000; t < first.getTime(); t += 6 * 3_600_000)
    before.add(zoneOffset(zone, new Date(t)));
  const days: string[] = [];
  for (let d = first; d < next; d = new Date(d.getTime() + 86_400_000)) days.push(iso(d));
  const weeks: MonthCalendar['weeks'] = [];
  const monday = new Date(first.getTime() - ((first.getUTCDay() + 6) % 7) * 86_400_000);
  for (let w = monday; w < next; w = new Date(w.getTime() + 7 * 86_400_000)) {
    weeks.push({ start: iso(w), full: w >= first && new Date(w.getTime() + 7 * 86_400_000) <= next });
  }
  return {
    ok: true,
    calendar: {
      period,
      offsetMinutes: startOffset,
      changes,
      start: iso(first),
      end: iso(next),
      previousStart: iso(previous),
      previousSameOffset: before.size === 1 && before.has([...offsets][0]),
      weeks,
      days,
    },
  };
}
