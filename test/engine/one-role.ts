// A builder for the small one-role, one-stage policies engine tests run a month through.

import { loadPolicy, runPolicy, type Lang, type RunResult } from '../../engine/index.js';
import { readRecords } from '../../engine/data/index.js';

export interface OneRole {
  /** YAML lines under `metrics:` (indented two spaces). */
  metrics: string;
  payBase: number;
  /** YAML lines under the role's `indicators:` (indented six spaces). */
  indicators: string;
  /** YAML lines under `adjustments:` (indented two spaces). */
  adjustments: string;
  /** Grades, best first: [grade, min]. */
  grades: [string, number][];
  performancePay: string;
}

export function oneRolePolicy(o: OneRole): string {
  return [
    'policy: one-role',
    'title: 测试',
    'version: 1.0.0',
    'metrics:',
    o.metrics,
    'stages:',
    '  only: { title: 常规 }',
    'roles:',
    '  staff:',
    '    title: 员工',
    `    pay_base: ${o.payBase}`,
    '    indicators:',
    o.indicators,
    'adjustments:',
    o.adjustments,
    'grades:',
    ...o.grades.map(([grade, min]) => `  - { grade: ${grade}, min: ${min} }`),
    'payout:',
    `  performance_pay: ${o.performancePay}`,
    '  rounding: { to: 0.01, mode: half_up }',
    '',
  ].join('\n');
}

/** Runs `csv` (header 工号,姓名,岗位,团队,阶段,月份, then the metrics) through the policy. */
export async function runMonth(policy: string, csv: string, lang: Lang = 'zh'): Promise<RunResult> {
  const loaded = loadPolicy(policy, 'policy.yaml');
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  const read = readRecords(csv, 'csv', loaded.policy.contract, { file: 'd.csv' });
  return runPolicy(loaded.policy, { records: read.records }, { lang });
}
