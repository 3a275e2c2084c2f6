// `explain` of one person in a month where another record cannot be scored. `run` refuses such a
// month; explain printed the person's pool share computed without the other (a share of a smaller
// pool, not what the month will pay), exit 0, not a word about the other record. With a pool, a
// budget or a forced distribution it is refused as `run` refuses it, unless --exclude-invalid;
// without one the explanation is the person's own, and the record left out is named.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const POLICY = `policy: pooled
title: 奖金池
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
stages:
  only: { title: 常规 }
roles:
  host:
    title: 主播
    pay_base: 1000
    indicators:
      rating: { metric: rating, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;
const POOL = `pools:
  p:
    title: 全员奖金池
    per: all
    fund: { fixed: 1000 }
    weight: score
`;
// E2's 评分 is not a number (row 3)
const DATA =
  '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,主播,一组,常规,2026-10,90\nE2,乙,主播,一组,常规,2026-10,八十\nE3,丙,主播,一组,常规,2026-10,60\n';

function files(policy: string, data = DATA) {
  const dir = mkdtempSync(join(tmpdir(), 'explain-others-'));
  writeFileSync(join(dir, 'p.yaml'), policy);
  writeFileSync(join(dir, 'd.csv'), data);
  return { policy: join(dir, 'p.yaml'), data: join(dir, 'd.csv') };
}
const cell = (data: string) =>
  `${data}:3: error[data_not_a_number]: \`八十\` is not a number\n  at row 3, column \`评分\`, value \`八十\``;

describe('explain while another record of the month cannot be scored', () => {
  it('with a pool: refused as run refuses the month (exit 1, nothing on stdout), naming the cell', async () => {
    const f = files(POLICY + POOL);
    const r = await yardstick('explain', f.policy, '--data', f.data, '--employee', 'E1', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: 1 record(s) have data problems, and nothing is written:\n${cell(f.data)}`);
    expect(r.stderr).toContain(
      'error: 1 record(s) cannot be scored; fix the data, or run again with --exclude-invalid to leave them out of the results and totals',
    );
  });

  it('with a pool and --exclude-invalid: the share without E2 (¥1,000 × 90 / 150 = ¥600.00), E2 named on stderr', async () => {
    const f = files(POLICY + POOL);
    const r = await yardstick(
      'explain',
      f.policy,
      '--data',
      f.data,
      '--employee',
      'E1',
      '--lang',
      'en',
      '--exclude-invalid',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '    全员奖金池: your share = pool ¥1,000.00 × your weight 90 (score) / total weight 150 = ¥600.00\ntotal ¥1,500.00',
    );
    expect(r.stderr).toBe(
      `warning: 1 record(s) have data problems and are left out of the results and totals:\n${cell(f.data)}\n  help: write a number such as 1234, 1,234, 1.2万 or 3.5w`,
    );
  });

  it('without a pool, budget or forced distribution: E1 explained (¥900.00), E2 named on stderr, exit 0', async () => {
    const f = files(POLICY);
    const r = await yardstick('explain', f.policy, '--data', f.data, '--employee', 'E1', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('total ¥900.00');
    expect(r.stderr).toContain(
      `warning: 1 record(s) have data problems and are left out of the results and totals:\n${cell(f.data)}`,
    );
  });
});

// `diff --data` measured the change without such a record and said only "Excluded records 1 → 1"
describe('diff --data while a record cannot be scored by either version', () => {
  it('names the record and its cell on stderr; the impact is measured without it', async () => {
    const f = files(POLICY + POOL);
    const dir = join(f.policy, '..');
    writeFileSync(
      join(dir, 'q.yaml'),
      (POLICY + POOL).replace('fixed: 1000', 'fixed: 2000').replace('version: 1.0.0', 'version: 1.1.0'),
    );
    const r = await yardstick('diff', f.policy, join(dir, 'q.yaml'), '--data', f.data, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `warning: 1 record(s) have data problems and are left out of the results and totals:\n${cell(f.data)}`,
    );
  });
});

// the rows of another month than --period names are left out of that month, not unscorable: the
// check above refused a valid file of two months, and without a pool named them as data problems
/** `explain` of E1 in one month of a two-month file, in English. */
const explainMonth = (policy: string, data: string, period: string) => {
  const f = files(policy, `工号,姓名,岗位,团队,阶段,月份,评分\n${data}`);
  return yardstick('explain', f.policy, '--data', f.data, '--employee', 'E1', '--period', period, '--lang', 'en');
};

describe('explain --period on a file of two months', () => {
  it('explains October with its pools, each share under its own line, and says nothing of November', async () => {
    const teamPool = '  q:\n    title: 团队奖金池\n    per: team\n    fund: { fixed: 10 }\n    weight: score\n';
    const r = await explainMonth(
      POLICY + POOL + teamPool,
      'E1,甲,主播,一组,常规,2026-10,90\nE3,丙,主播,一组,常规,2026-10,60\n' +
        'E1,甲,主播,一组,常规,2026-11,80\nE3,丙,主播,一组,常规,2026-11,70\n',
      '2026-10',
    );
    expect([r.code, r.stderr]).toEqual([0, '']);
    // October: ¥1,000 × 90 / 150 = ¥600.00 and ¥10 × 90 / 150 = ¥6.00, each under its line
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('  全员奖金池 ¥600.00');
    expect(lines.slice(at, at + 4)).toEqual([
      '  全员奖金池 ¥600.00',
      '    全员奖金池: your share = pool ¥1,000.00 × your weight 90 (score) / total weight 150 = ¥600.00',
      '  团队奖金池 ¥6.00',
      '    团队奖金池 (一组): your share = pool ¥10.00 × your weight 90 (score) / total weight 150 = ¥6.00',
    ]);
  });

  it("a bad cell in November's row does not stop October: ¥1,000 × 90 / 220 = ¥409.09", async () => {
    const r = await explainMonth(
      POLICY + POOL,
      'E1,甲,主播,一组,常规,2026-10,90\nE2,乙,主播,一组,常规,2026-10,70\nE3,丙,主播,一组,常规,2026-10,60\n' +
        'E1,甲,主播,一组,常规,2026-11,90\nE2,乙,主播,一组,常规,2026-11,八十\n',
      '2026-10',
    );
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('your share = pool ¥1,000.00 × your weight 90 (score) / total weight 220 = ¥409.09');
  });

  it('without a pool, says nothing of the other month either', async () => {
    const r = await explainMonth(
      POLICY,
      'E1,甲,主播,一组,常规,2026-10,90\nE1,甲,主播,一组,常规,2026-11,80\n',
      '2026-11',
    );
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('total ¥800.00');
  });
});

describe('explain of a month whose file cannot be read as a whole', () => {
  it('says why, at the cell, as run says it (it said only "the data cannot be read, or does not fit the policy")', async () => {
    // a ratio column written two ways: E1's 0.9 is a fraction, E2's 45 percent points (the cell named)
    const ratio = POLICY.replace(
      'rating: { label: 评分, unit: score, range: [0, 100] }',
      'rating: { label: 评分, unit: ratio }',
    ).replace('scoring: rating, weight: 100', 'scoring: linear, target: 1, weight: 100');
    const f = files(
      ratio,
      '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,主播,一组,常规,2026-10,0.9\nE2,乙,主播,一组,常规,2026-10,45\n',
    );
    const r = await yardstick('explain', f.policy, '--data', f.data, '--employee', 'E1', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${f.data}:3: error[data_mixed_ratio_notation]: column \`评分\` (rating) writes ratios two ways: \`0.9\` (row 2) is a fraction, \`45\` (row 3) is percent points\n` +
        '  at row 3, column `评分`, value `45`\n' +
        '  help: write every cell one way: as a fraction (0.453) or with a % sign (45.3%); if the export writes percent points, set `ratio_format: percent_points` and fix the fraction cells\n' +
        `error: ${f.data}: the data cannot be read, or does not fit the policy`,
    );
  });
});
