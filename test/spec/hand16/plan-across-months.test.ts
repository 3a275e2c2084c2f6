// An improvement plan opened in September and judged in October, recorded through the ledger as an
// analyst runs it: September's 月份 written `2026/9`, October's `2026年10月`, and E1 typed `Ｅ１ ` in
// October. The ids and months are one person and one month each however written, so the plan is
// carried; 69.995 points are 70.00 at score.decimals 2 and meet `score ≥ 70`.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../../yardstick.js';

const POLICY = `policy: pip-months
title: 改进计划
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 3000
    indicators:
      r: { metric: rating, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
triggers:
  pip:
    title: 绩效改进计划
    when: { all: [ { fact: grade, operator: equal, value: C } ] }
    action:
      type: improvement_plan
      days: 30
      close_when: { all: [ { fact: score, operator: greaterThanInclusive, value: 70 } ] }
      extensions: 0
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const HEAD = '工号,姓名,岗位,团队,阶段,月份,评分';
const SEPTEMBER = `${HEAD}\nE1,甲,staff,一组,s,2026/9,50\nE2,乙,staff,一组,s,2026/9,50\nE3,丙,staff,一组,s,2026/9,50\n`;
const OCTOBER = `${HEAD}\nＥ１ ,甲,staff,一组,s,2026年10月,69.995\nE2,乙,staff,一组,s,2026年10月,65\nE3,丙,staff,一组,s,2026年10月,75\n`;

type Card = {
  employee_id: string;
  score: number;
  grade: string;
  plan?: { status: string; opened: string; window_ends: string };
  triggers?: { id: string }[];
  payout: { total: number };
};

describe('an improvement plan across two months written two ways', () => {
  it('closes when met (69.995 is 70.00) and escalates when not, at the end of its one-month window', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-hand16-pip-'));
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const policy = file('p.yaml', POLICY);
    const ledger = join(dir, 'ledger.db');
    const sep = await yardstick('run', policy, '--data', file('9.csv', SEPTEMBER), '--record', '--ledger', ledger);
    expect(sep.code).toBe(0);
    const oct = await yardstick(
      'run',
      policy,
      '--data',
      file('10.csv', OCTOBER),
      '--ledger',
      ledger,
      '--format',
      'json',
    );
    expect(oct.code).toBe(0);
    const cards = (JSON.parse(oct.stdout) as { scorecards: Card[] }).scorecards;
    // September: everyone 50 → C → a plan opens in 2026-09; days 30 is one month → window_ends 2026-10.
    // October, the window's last month:
    //   E1 (Ｅ１ ): 69.995 → 70.00 (half up at 2 decimals) ≥ 70 → closed; B; 3,000 × 70 % = 2,100.00
    //   E2: 65 < 70, window over, no extension → escalated, pip_escalated added; B; 3,000 × 65 % = 1,950.00
    //   E3: 75 ≥ 70 → closed; B; 3,000 × 75 % = 2,250.00
    expect(
      cards.map((c) => [
        c.employee_id,
        c.score,
        c.grade,
        c.plan?.status,
        c.plan?.opened,
        c.plan?.window_ends,
        c.payout.total,
      ]),
    ).toEqual([
      ['E1', 70, 'B', 'closed', '2026-09', '2026-10', 2100],
      ['E2', 65, 'B', 'escalated', '2026-09', '2026-10', 1950],
      ['E3', 75, 'B', 'closed', '2026-09', '2026-10', 2250],
    ]);
    expect(cards.map((c) => (c.triggers ?? []).map((t) => t.id))).toEqual([[], ['pip_escalated'], []]);
  });
});
