// `yardstick diff --data` of a change to the forced distribution's quotas alone, worked out by hand
// (docs/policy-language.md, "calibration"; docs/review.md, "What each change costs"). E1 99 is held
// (评分 > 98: not ranked), E2 95 and E3 91 are A; the team is ranked as a team of two, small_teams
// round (half up):
//   A max 25 %: 0.25 × 2 = 0.5 → 1 place → E2 A, E3 B
//   A max 75 %: 0.75 × 2 = 1.5 → 2 places → E2 A, E3 A
// (A max 50 % would change nothing: 0.5 × 2 = 1 place either way.)
// Pay does not move, so the review's money is ¥0.00; but E3's calibrated grade moves B → A:
// calibrated A 1 → 2, B 1 → 0 (E1, held, is in neither count).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../../yardstick.js';

const policy = (max: string, version: string) => `policy: spec-diff-quota
title: 强制分布配额
version: ${version}
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
holds:
  too_good:
    title: 待核实
    when: { fact: rating, operator: greaterThan, value: 98 }
    reason: 评分高于98，请核实后再发放
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 70 }
  - { grade: C, min: 0 }
calibration:
  within: team
  quotas: { A: { max: ${max} } }
  small_teams: round
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const dir = mkdtempSync(join(tmpdir(), 'yardstick-hand17-diff-quota-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const before = file('before.yaml', policy('0.25', '1.0.0'));
const after = file('after.yaml', policy('0.75', '1.1.0'));
const month = file(
  'month.csv',
  '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,staff,一组,s,2026-10,99\nE2,乙,staff,一组,s,2026-10,95\nE3,丙,staff,一组,s,2026-10,91\n',
);

describe('a quota change that moves nobody’s pay', () => {
  it('costs ¥0.00 and says the quota in words', async () => {
    const r = await yardstick('diff', before, after, '--data', month);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('    ~ 强制分布 A 至多 25% → 75%');
    expect(lines).toContain('    应发合计 ¥2,850.00 → ¥2,850.00 (¥0.00)');
    expect(lines).toContain('    1. 强制分布 A 至多 25% → 75%: ¥0.00, 0 人');
  });

  it('shows the calibrated distribution before and after: A 1 → 2, B 1 → 0 (E1, held, in neither)', async () => {
    // it showed only 「等级分布 A 3→3 · B 0→0 · C 0→0」, the grades before calibration
    const r = await yardstick('diff', before, after, '--data', month);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('    等级分布 A 3→3 · B 0→0 · C 0→0');
    expect(lines).toContain('    校准后等级分布 A 1→2 · B 1→0 · C 0→0');
    const json = JSON.parse((await yardstick('diff', before, after, '--data', month, '--format', 'json')).stdout);
    expect([json[0].impact.by_calibrated_grade_before, json[0].impact.by_calibrated_grade_after]).toEqual([
      { A: 1, B: 1, C: 0 },
      { A: 2, B: 0, C: 0 },
    ]);
    const md = await yardstick('diff', before, after, '--data', month, '--format', 'md');
    expect(md.stdout.split('\n')).toContain('| 校准等级 A | 1 | 2 | +1 |');
  });

  it('shows one side when the change adds forced distribution, never a row of 0s before it', async () => {
    // without calibration nobody has a calibrated grade: it read 「校准后等级分布 A 0→1 · B 0→1 · C 0→0」
    const none = file('none.yaml', policy('0.25', '0.9.0').replace(/calibration:\n(?: {2}.*\n)+/, ''));
    const r = await yardstick('diff', none, before, '--data', month);
    // the section in words; it was `+ calibration — → {within: team, quotas: {A: {max: 0.25}}, small_teams: round}`
    expect(r.stdout.split('\n')).toContain('    + 强制分布 — → 按团队，A 至多 25%，小团队人数取整 四舍五入');
    expect(r.stdout.split('\n')).toContain('    校准后等级分布 — → A 1 · B 1 · C 0');
    const back = await yardstick('diff', before, none, '--data', month);
    expect(back.stdout.split('\n')).toContain('    校准后等级分布 A 1 · B 1 · C 0 → —');
    const json = JSON.parse((await yardstick('diff', none, before, '--data', month, '--format', 'json')).stdout);
    expect(json[0].impact.by_calibrated_grade_before).toBeUndefined();
    expect(json[0].impact.by_calibrated_grade_after).toEqual({ A: 1, B: 1, C: 0 });
    const md = await yardstick('diff', none, before, '--data', month, '--format', 'md');
    expect(md.stdout.split('\n')).toContain('| 校准等级 A | — | 1 |  |');
  });

  // E3's grade is A before and after; only the calibrated grade moves, B → A. The review listed
  // nobody (「没有人的等级、档位、应发、暂扣或触发发生变化」) while the distribution line said A 1→2.
  it('lists E3, whose calibrated grade moves B → A, and nobody else', async () => {
    const r = await yardstick('diff', before, after, '--data', month, '--format', 'json');
    const impact = JSON.parse(r.stdout)[0].impact;
    expect(impact.changes.map((c: { employee_id: string; kinds: string[] }) => [c.employee_id, c.kinds])).toEqual([
      ['E3', ['calibrated']],
    ]);
    // 1,000 × 91 / 100 = ¥910.00 on both sides
    expect([impact.changes[0].before, impact.changes[0].after]).toEqual([
      { score: 91, grade: 'A', calibrated: 'B', total: 910, status: 'payable', holds: [], triggers: [] },
      { score: 91, grade: 'A', calibrated: 'A', total: 910, status: 'payable', holds: [], triggers: [] },
    ]);
    const text = await yardstick('diff', before, after, '--data', month);
    expect(text.stdout.split('\n')).toContain('    E3 丙 一组: A → A（校准 B → A）, ¥910.00 → ¥910.00 (¥0.00)');
    const md = await yardstick('diff', before, after, '--data', month, '--format', 'md');
    expect(md.stdout.split('\n')).toContain('| E3 | 丙 | 一组 | A → A（校准 B → A） | ¥910.00 → ¥910.00 | ¥0.00 |');
  });
});
