// The specifications in this folder are written from docs/policy-language.md alone, as a customer's
// HR analyst writes a policy: a small policy, a handful of people, every number worked out by hand
// in a comment. This runs one the way `yardstick run` does: the policy loaded, the CSV read by the
// data reader, the month evaluated whole.

import { loadPolicy, runPolicy, type RunResult, type Scorecard } from '../../engine/index.js';
import { readRecords } from '../../engine/data/index.js';

/** A month's result; an error naming every problem when the policy is refused or a row is left out. */
export async function runMonth(policy: string, csv: string): Promise<RunResult> {
  const loaded = loadPolicy(policy, 'spec.yaml');
  if (!loaded.ok)
    throw new Error(
      loaded.diagnostics.map((d) => `${d.span?.line}:${d.span?.column} ${d.code}: ${d.message}`).join('\n'),
    );
  const read = readRecords(csv, 'csv', loaded.policy.contract, { file: 'month.csv' });
  if (read.excluded?.length) throw new Error(JSON.stringify(read.excluded));
  return runPolicy(loaded.policy, { records: read.records }, { lang: 'en' });
}

/**
 * A month's CSV of people in role `staff`, team 一组, stage `s`, 2026-10: the record fields, then
 * `columns` (`评分,GMV`); each row is an id and its cells under `columns`.
 */
export function staffCsv(columns: string, rows: (string | number)[][]): string {
  const lines = rows.map(([id, ...cells]) => [id, '某', 'staff', '一组', 's', '2026-10', ...cells].join(','));
  return `${[`工号,姓名,岗位,团队,阶段,月份,${columns}`, ...lines].join('\n')}\n`;
}

/** Each scorecard by employee id. */
export function byId(r: RunResult): Record<string, Scorecard> {
  return Object.fromEntries(r.scorecards.map((c) => [c.employee_id, c]));
}

/** `{ id: value }` of one figure of every scorecard, in the data's order. */
export function each<T>(r: RunResult, figure: (c: Scorecard) => T): Record<string, T> {
  return Object.fromEntries(r.scorecards.map((c) => [c.employee_id, figure(c)]));
}

/** The payout lines of a scorecard as `[kind, fen]`, in order. */
export function lines(c: Scorecard): [string, number][] {
  return c.payout.lines.map((l) => [l.kind, l.amountFen]);
}

/** The diagnostics of a policy text as `line:column code`, sorted by position, errors and warnings alike. */
export function problemsAt(text: string, file = 'spec.yaml'): string[] {
  return loadPolicy(text, file).diagnostics.map((d) => `${d.span?.line}:${d.span?.column} ${d.code}`);
}
