// A small two-team month for the pool and budget tests: one role whose score is the manager's
// rating (rating 85 → 85 points), performance pay = pay_base × score / 100, and a GMV column.

import { loadPolicy, runPolicy, type Lang, type RunResult } from '../../engine/index.js';
import { readRecords } from '../../engine/data/index.js';

/** The policy, with `extra` YAML (top-level sections such as `pools:` or `budget:`) appended. */
export function moneyPolicy(
  extra: string,
  opts: { holdBelow?: number; award?: boolean; rounding?: string } = {},
): string {
  return [
    'policy: money-test',
    'title: 奖金池测试',
    'version: 1.0.0',
    'metrics:',
    '  rating: { label: 上级评分, unit: score, range: [0, 100] }',
    '  gmv: { label: GMV, unit: money, default: 0 }',
    'stages:',
    '  only: { title: 常规 }',
    'roles:',
    '  host:',
    '    title: 主播',
    '    pay_base: 10000',
    '    indicators:',
    '      rating: { metric: rating, scoring: rating, weight: 100 }',
    ...(opts.holdBelow !== undefined
      ? [
          'holds:',
          '  low_gmv:',
          '    title: GMV 核查',
          `    when: { all: [{ fact: gmv, operator: lessThan, value: ${opts.holdBelow} }] }`,
        ]
      : []),
    ...(opts.award
      ? [
          'adjustments:',
          '  star:',
          '    title: 明星奖',
          '    when: { all: [{ fact: rating, operator: greaterThanInclusive, value: 90 }] }',
          '    award: 1000',
        ]
      : []),
    'grades:',
    '  - { grade: A, min: 80 }',
    '  - { grade: B, min: 60 }',
    '  - { grade: C, min: 0 }',
    'payout:',
    '  performance_pay: pay_base * score / 100',
    `  rounding: ${opts.rounding ?? '{ to: 0.01, mode: half_up }'}`,
    extra,
    '',
  ].join('\n');
}

/** An adjustment 上月为C: `points` (negative to deduct) when last month's grade was C. */
export const AFTER_C = (points: number): string =>
  [
    'adjustments:',
    '  after_c:',
    '    title: 上月为C',
    '    when: { all: [ { fact: previous_grade, operator: equal, value: C } ] }',
    `    points: ${points}`,
  ].join('\n');

/** A trigger 连续两月C: two C in a row (this month included) ask for an exit review. */
export const TWO_C = [
  'triggers:',
  '  two_c:',
  '    title: 连续两月C',
  '    when: { all: [ { fact: consecutive_grade, params: { grade: C }, operator: greaterThanInclusive, value: 2 } ] }',
  '    action: { type: exit_review }',
].join('\n');

/** One CSV row per [id, team, rating, gmv]. */
export function monthCsv(rows: [string, string, number, number][]): string {
  return [
    '工号,姓名,岗位,团队,阶段,月份,上级评分,GMV',
    ...rows.map(([id, team, rating, gmv]) => `${id},员工${id},主播,${team},常规,2026-10,${rating},${gmv}`),
    '',
  ].join('\n');
}

/** One CSV row per [id, month, rating] in team 一组 with GMV 0: a file of several months. */
export function monthsCsv(rows: [string, string, number][]): string {
  return [
    '工号,姓名,岗位,团队,阶段,月份,上级评分,GMV',
    ...rows.map(([id, month, rating]) => `${id},员工${id},主播,一组,常规,${month},${rating},0`),
    '',
  ].join('\n');
}

export async function runMoney(policy: string, csv: string, lang: Lang = 'zh'): Promise<RunResult> {
  const loaded = loadPolicy(policy, 'policy.yaml');
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
  const read = readRecords(csv, 'csv', loaded.policy.contract, { file: 'd.csv' });
  if (read.excluded?.length) throw new Error(JSON.stringify(read.excluded));
  return runPolicy(loaded.policy, { records: read.records }, { lang });
}

/** The pool shares of a run by employee id, in fen. */
export function poolShares(r: RunResult, pool: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of r.scorecards) {
    const line = c.payout.lines.find((l) => l.kind === 'pool_share' && l.source === pool);
    if (line) out[c.employee_id] = line.amountFen;
  }
  return out;
}
