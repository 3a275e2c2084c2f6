// Builders for event-source tests: a temporary folder with a roster and event files, and the
// aggregation of a mapping's `events:` written as YAML (checked as `readMapping` checks it).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { readCsv, type Table } from '../../engine/data/index.js';
import { aggregateEvents, type EventsResult } from '../../node/cli/events/aggregate.js';
import { checkEvents, type EventSource } from '../../node/cli/events/spec.js';
import type { UnitOf } from '../../node/cli/events/sql.js';

export const ROSTER =
  '工号,姓名,岗位,团队,阶段,抖音账号\nE1,甲,编导,一组,startup,acc_a\nE2,乙,编导,一组,startup,acc_b\nE3,丙,编导,一组,startup,acc_c\n';

export function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-events-test-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

export function rosterTable(text = ROSTER): Table {
  const t = readCsv(text);
  if (!t.ok) throw new Error('bad roster');
  return t.table;
}

/** `events:` as YAML → the checked sources (throws on a shape problem: tests of shapes call checkEvents). */
export function eventsOf(yaml: string): EventSource[] {
  const lines = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: lines });
  const value = doc.toJS().events;
  const problems = checkEvents(value, doc, lines, 'm.yaml');
  if (problems.length) throw new Error(problems.map((p) => p.message).join('\n'));
  return value as EventSource[];
}

export async function aggregate(
  dir: string,
  yaml: string,
  o: { period?: string; timeZone?: string; roster?: string; unitOf?: UnitOf } = {},
): Promise<EventsResult> {
  return aggregateEvents({
    unitOf: o.unitOf,
    here: dir,
    mappingFile: 'm.yaml',
    events: eventsOf(yaml),
    period: o.period ?? '2026-10',
    timeZone: o.timeZone,
    roster: { file: 'roster.csv', table: rosterTable(o.roster) },
  });
}

/** The per-employee table of the first source as { key: { metric: value } }. */
export function byKey(result: EventsResult, i = 0): Record<string, Record<string, string>> {
  const t = result.sources[i].table;
  return Object.fromEntries(
    t.rows.map((r) => [r[0], Object.fromEntries(t.header.slice(1).map((h, j) => [h, r[j + 1]]))]),
  );
}
