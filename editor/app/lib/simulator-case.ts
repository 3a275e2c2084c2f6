// The case the simulator saves: the expected values offered for confirmation, and the case built
// from only the confirmed ones. Pure (no page, no worker), so it is tested on its own.

import type { EmployeeRecord } from '../../../engine/index.js';
import type { SimExpectation } from './simulator-engine.js';

export type ExpectKey = keyof SimExpectation;
export const EXPECT_KEYS: ExpectKey[] = ['score', 'grade', 'tier', 'payout', 'status', 'holds', 'triggers'];

/** One expected value as offered for confirmation; `id` changes with the value, so a new value is unconfirmed. */
export interface Offered {
  key: ExpectKey;
  value: SimExpectation[ExpectKey];
  id: string;
}

export function offered(expect: SimExpectation): Offered[] {
  return EXPECT_KEYS.map((key) => ({ key, value: expect[key], id: `${key}=${JSON.stringify(expect[key])}` }));
}

/** The case the server receives: the record written out and only the values whose current `id` is confirmed. */
export function confirmedCase(
  name: string,
  record: EmployeeRecord,
  history: string[],
  expect: SimExpectation,
  confirmed: ReadonlySet<string>,
): {
  name: string;
  record: Omit<EmployeeRecord, 'source'>;
  history?: string[];
  expect: Partial<SimExpectation>;
} {
  const chosen = offered(expect).filter((o) => confirmed.has(o.id));
  const { source: _source, ...plain } = record;
  const grades = history.map((g) => g.trim()).filter(Boolean);
  return {
    name: name.trim(),
    record: plain,
    ...(grades.length ? { history: grades } : {}),
    expect: Object.fromEntries(chosen.map((o) => [o.key, o.value])) as Partial<SimExpectation>,
  };
}

/** The earlier grades as typed: `A+, B` or `A+ B` or `A+，B`, most recent first. */
export function readHistory(text: string): string[] {
  return text
    .split(/[\s,，、]+/)
    .map((g) => g.trim())
    .filter(Boolean);
}
