// `run` on a data file of two months scores each month on its own, so a person has a card a month.
// The table's summary said 「员工：8 人」 for 4 people over 2 months, and the team table 人数 4 for a
// team of 2. Such counts are of person-months (人次) and now say so, with the people and the months
// they are made of. The JSON keeps its fields (`summary.employees` is still the count of cards).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { directorPolicy } from '../builders.js';
import { yardstick } from '../yardstick.js';

const POLICY = directorPolicy({ id: 'person-months', title: '人次测试' });
const OCTOBER = `E1,甲,编导,甲组,初创期,2026-10,95
E2,乙,编导,甲组,初创期,2026-10,85
E3,丙,编导,乙组,初创期,2026-10,77.7
E4,丁,编导,乙组,初创期,2026-10,91
`;
const NOVEMBER = `E1,甲,编导,甲组,初创期,2026-11,95
E2,乙,编导,甲组,初创期,2026-11,85
E3,丙,编导,乙组,初创期,2026-11,77.7
`;
const HEAD = '工号,姓名,岗位,团队,阶段,月份,上级评分\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-person-months-'));
  writeFileSync(join(dir, 'p.yaml'), POLICY);
  writeFileSync(join(dir, 'one.csv'), HEAD + OCTOBER);
  // E4 left in November: 4 + 3 = 7 person-months
  writeFileSync(join(dir, 'two.csv'), HEAD + OCTOBER + NOVEMBER);
  writeFileSync(join(dir, 'full.csv'), `${HEAD}${OCTOBER}${NOVEMBER}E4,丁,编导,乙组,初创期,2026-11,91\n`);
});

const run = async (data: string, ...extra: string[]) => {
  const r = await yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, data), ...extra);
  expect(r.code).toBe(0);
  return r.stdout.split('\n');
};

// By hand: 甲组 is E1 and E2, 乙组 E3 and E4. Pay 1,000 × rating / 100: E1 950, E2 850, E3 777, E4 910.
// Two full months: 甲组 2 people × 2 months = 4 cards, 1,800 × 2 = ¥3,600.00; 乙组 4 cards,
// 1,687 × 2 = ¥3,374.00; 8 person-months of 4 people.
describe('a run over two months counts person-months', () => {
  it('says 8 人次（4 人 × 2 个月） and 人次 per team', async () => {
    const lines = await run('full.csv');
    expect(lines).toContain('员工：8 人次（4 人 × 2 个月）');
    const at = lines.findIndex((l) => l.startsWith('团队'));
    expect(lines.slice(at, at + 4)).toEqual([
      '团队                人次       应发',
      '────  ──────────────────  ─────────',
      '甲组  4（2 人 × 2 个月）  ¥3,600.00',
      '乙组  4（2 人 × 2 个月）  ¥3,374.00',
    ]);
    expect(lines).toContain('应发合计：¥6,974.00（可发 ¥6,974.00，暂扣 ¥0.00，0 人次）');
  });

  it('in English', async () => {
    const lines = await run('full.csv', '--lang', 'en');
    expect(lines).toContain('employees: 8 person-months (4 people × 2 months)');
    expect(lines).toContain('甲组  4 (2 people × 2 months)  ¥3,600.00');
  });

  // E4 has October only: 7 cards of 4 people over 2 months, not 4 × 2; 乙组 3 cards of 2 people,
  // 777 × 2 + 910 = ¥2,464.00
  it('does not write a product that is not the count: 7 人次（4 人，2 个月）', async () => {
    const lines = await run('two.csv');
    expect(lines).toContain('员工：7 人次（4 人，2 个月）');
    expect(lines.some((l) => /^乙组 +3（2 人，2 个月） +¥2,464\.00$/.test(l))).toBe(true);
  });

  it('keeps the JSON fields: summary.employees 8, by_team employees 4', async () => {
    const r = await yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, 'full.csv'), '--format', 'json');
    const json = JSON.parse(r.stdout);
    expect(json.summary.employees).toBe(8);
    expect(json.summary.by_team['甲组']).toEqual({ employees: 4, payout_total: 3600 });
  });

  it('one month is counted in people as before', async () => {
    const lines = await run('one.csv');
    expect(lines).toContain('员工：4 人');
    expect(lines.some((l) => l.startsWith('团队  人数'))).toBe(true);
  });
});
