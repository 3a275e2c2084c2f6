// `yardstick diff OLD NEW --data` on one month, every amount worked out by hand: the rounding moved
// from the fen to the yuan, half up to half even (banker's), a ¥5 award added and a hold added. The
// change per person, per step and in total, to the fen; the steps add up to the total (docs/review.md,
// "What each change costs"); a person whose pay is newly held says so on their line.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../../yardstick.js';

const OLD = `policy: spec-diff
title: 改舍入
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [0, 100] }
stages:
  s: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      r: { metric: rating, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 70 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const NEW = `${OLD.replace('version: 1.0.0', 'version: 1.1.0').replace(
  'rounding: { to: 0.01, mode: half_up }',
  'rounding: { to: 1, mode: half_even }',
)}adjustments:
  top:
    title: 优秀奖
    when: { fact: rating, operator: greaterThanInclusive, value: 90 }
    award: 5
`;

const HELD = `${NEW}holds:
  check:
    title: 待核实
    when: { fact: rating, operator: greaterThan, value: 91 }
    reason: 评分高于91，请核实
`;

const MONTH = `工号,姓名,岗位,团队,阶段,月份,评分
E1,甲,staff,一组,s,2026-10,91.21
E2,乙,staff,一组,s,2026-10,82.32
E3,丙,staff,一组,s,2026-10,70
E4,丁,staff,一组,s,2026-10,87.65
`;

const dir = mkdtempSync(join(tmpdir(), 'yardstick-hand17-diff-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const old = file('old.yaml', OLD);
const next = file('new.yaml', NEW);
const held = file('held.yaml', HELD);
const month = file('month.csv', MONTH);

// Before (pay_base 1,000 × score %, to the fen):
//   E1 912.10 (A) · E2 823.20 · E3 700.00 · E4 876.50 → 3,311.80
// After (to the yuan, half even; ¥5 for 评分 ≥ 90):
//   E1 912.10 → 912 + 5 = 917.00 (+4.90) · E2 823.20 → 823.00 (−0.20) · E3 700.00 (0)
//   E4 876.50 → 876 (half even: 876 is even) = 876.00 (−0.50) → 3,316.00, +4.20
// Steps, in the order listed:
//   1. to 1, still half up: E1 −0.10, E2 −0.20, E4 876.50 → 877 +0.50 → +0.20, 3 people
//   2. half up → half even: E4 877 → 876 −1.00 → −1.00, 1 person
//   3. the award: E1 +5.00 → +5.00, 1 person
//   0.20 − 1.00 + 5.00 = 4.20, the total change
describe('rounding to the yuan and an award, on four people', () => {
  it('says the change per person, per step and in total, to the fen', async () => {
    const r = await yardstick('diff', old, next, '--data', month);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('    应发合计 ¥3,311.80 → ¥3,316.00 (+¥4.20)');
    expect(lines).toContain('    1. 舍入到 分 → 元: +¥0.20, 3 人');
    expect(lines).toContain('    2. 舍入方式 四舍五入 → 银行家舍入: -¥1.00, 1 人');
    expect(lines).toContain('    3. 新增 调整 「优秀奖」：当 评分 ≥ 90 时，奖励 ¥5.00: +¥5.00, 1 人');
    // E3 is paid ¥700.00 either way: not listed
    expect(lines.slice(lines.indexOf('  受影响的员工 (3):'))).toEqual([
      '  受影响的员工 (3):',
      '    E1 甲 一组: A → A, ¥912.10 → ¥917.00 (+¥4.90)',
      '    E4 丁 一组: B → B, ¥876.50 → ¥876.00 (-¥0.50)',
      '    E2 乙 一组: B → B, ¥823.20 → ¥823.00 (-¥0.20)',
      '',
    ]);
  });

  it('gives the same in yuan in json, each step exact and the steps adding up to the total', async () => {
    const r = await yardstick('diff', old, next, '--data', month, '--format', 'json');
    const impact = JSON.parse(r.stdout)[0].impact;
    expect([impact.total_before, impact.total_after, impact.delta]).toEqual([3311.8, 3316, 4.2]);
    expect(impact.per_change.map((s: { delta: number; people: number }) => [s.delta, s.people])).toEqual([
      [0.2, 3],
      [-1, 1],
      [5, 1],
    ]);
    expect(impact.changes.map((c: { employee_id: string; delta: number }) => [c.employee_id, c.delta])).toEqual([
      ['E1', 4.9],
      ['E4', -0.5],
      ['E2', -0.2],
    ]);
  });
});

describe('a hold added as well', () => {
  // E1 (91.21 > 91) is held: the payout total still counts held pay (payable + held), so the total
  // and the steps are as above with a fourth step of ¥0.00; but E1's ¥917.00 is no longer payable.
  it('costs ¥0.00 as a step, and says on E1’s line that the pay is now held', async () => {
    const r = await yardstick('diff', old, held, '--data', month);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('    应发合计 ¥3,311.80 → ¥3,316.00 (+¥4.20)');
    expect(lines).toContain(
      '    4. 新增 暂扣 「待核实」：当 评分 > 91 时，暂扣应发（评分高于91，请核实）: ¥0.00, 0 人',
    );
    expect(lines).toContain('  暂扣 0 → 1 · 绩效改进计划 0 → 0 · 排除的记录 0 → 0');
    // it read `E1 甲 一组: A → A, ¥912.10 → ¥917.00 (+¥4.90)`, nothing about the hold
    expect(lines).toContain('    E1 甲 一组: A → A, ¥912.10 → ¥917.00 (+¥4.90)；暂扣 — → 待核实');
  });

  it('says it in English and in the Markdown table too', async () => {
    const en = await yardstick('diff', old, held, '--data', month, '--lang', 'en');
    expect(en.stdout.split('\n')).toContain('    E1 甲 一组: A → A, ¥912.10 → ¥917.00 (+¥4.90); held — → 待核实');
    const md = await yardstick('diff', old, held, '--data', month, '--format', 'md');
    expect(md.stdout.split('\n')).toContain('| E1 | 甲 | 一组 | A → A | ¥912.10 → ¥917.00；暂扣 — → 待核实 | +¥4.90 |');
  });
});

describe('a pool raised by two fen among three equal weights', () => {
  const POOL = `${OLD.replace('payout:', 'pools:\n  pot:\n    title: 团队奖金池\n    per: team\n    fund: { fixed: 1000 }\n    weight: score\npayout:')}`;
  const before = file('pool-old.yaml', POOL);
  const after = file(
    'pool-new.yaml',
    POOL.replace('version: 1.0.0', 'version: 1.0.1').replace('fixed: 1000 }', 'fixed: 1000.02 }'),
  );
  const three = file(
    'three.csv',
    '工号,姓名,岗位,团队,阶段,月份,评分\nE3,丙,staff,一组,s,2026-10,80\nE1,甲,staff,一组,s,2026-10,80\nE2,乙,staff,一组,s,2026-10,80\n',
  );

  // Each is paid 1,000 × 80 % = 800.00 plus a third of the pool.
  // ¥1,000.00 / 3 = 333.333… → 333.33 × 3 = 999.99, the fen left to the smallest id: E1 333.34.
  // ¥1,000.02 / 3 = 333.34 exactly: E1 keeps 333.34, E2 and E3 gain a fen each.
  it('moves E2 and E3 by a fen and E1 not at all: +¥0.02 in total', async () => {
    const r = await yardstick('diff', before, after, '--data', three);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('    应发合计 ¥3,400.00 → ¥3,400.02 (+¥0.02)');
    expect(lines).toContain('    1. 奖金池 团队奖金池 金额 ¥1,000.00 → ¥1,000.02: +¥0.02, 2 人');
    expect(lines.slice(lines.indexOf('  受影响的员工 (2):'))).toEqual([
      '  受影响的员工 (2):',
      '    E2 乙 一组: B → B, ¥1,133.33 → ¥1,133.34 (+¥0.01)',
      '    E3 丙 一组: B → B, ¥1,133.33 → ¥1,133.34 (+¥0.01)',
      '',
    ]);
  });
});

describe('a hold added to a pooled team', () => {
  // weights = score: E1 90, E2 80, E3 80 (sum 250) share ¥1,000: E1 360.00, E2 and E3 320.00 each.
  // Pay: E1 900.00 + 360.00 = 1,260.00; E2, E3 800.00 + 320.00 = 1,120.00 → ¥3,500.00.
  // The hold (评分 > 85) holds E1's pay and, held people taking no share by default, leaves E1 out
  // of the pool: E2 and E3 take ¥500.00 each → ¥1,300.00; E1 ¥900.00 (held) → still ¥3,500.00.
  const POOL = `${OLD.replace('payout:', 'pools:\n  pot:\n    title: 团队奖金池\n    per: team\n    fund: { fixed: 1000 }\n    weight: score\npayout:')}`;
  const before = file('pooled.yaml', POOL);
  const after = file(
    'pooled-held.yaml',
    `${POOL.replace('version: 1.0.0', 'version: 1.1.0')}holds:\n  check:\n    title: 待核实\n    when: { fact: rating, operator: greaterThan, value: 85 }\n    reason: 评分高于85，请核实\n`,
  );
  const three = file(
    'pooled.csv',
    '工号,姓名,岗位,团队,阶段,月份,评分\nE3,丙,staff,一组,s,2026-10,80\nE1,甲,staff,一组,s,2026-10,90\nE2,乙,staff,一组,s,2026-10,80\n',
  );

  it('moves ¥360.00 from E1 (now held) to E2 and E3, ¥0.00 in total, the step touching all three', async () => {
    const r = await yardstick('diff', before, after, '--data', three);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('    应发合计 ¥3,500.00 → ¥3,500.00 (¥0.00)');
    expect(lines).toContain('    修改后：奖金池 团队奖金池（一组）：¥1,000.00，分给 2 人 ¥1,000.00，1 人不参与');
    expect(lines).toContain(
      '    1. 新增 暂扣 「待核实」：当 评分 > 85 时，暂扣应发（评分高于85，请核实）: ¥0.00, 3 人',
    );
    expect(lines.slice(lines.indexOf('  受影响的员工 (3):'))).toEqual([
      '  受影响的员工 (3):',
      '    E1 甲 一组: A → A, ¥1,260.00 → ¥900.00 (-¥360.00)；暂扣 — → 待核实',
      '    E2 乙 一组: B → B, ¥1,120.00 → ¥1,300.00 (+¥180.00)',
      '    E3 丙 一组: B → B, ¥1,120.00 → ¥1,300.00 (+¥180.00)',
      '',
    ]);
  });
});
