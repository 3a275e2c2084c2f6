// A pool share's formula names what the free claimants do not split for what it is: the shares paid
// at the minimum or maximum, and the part of the pool below one rounding unit that nobody is paid
// (docs/policy-language.md, "pools"). It used to put both under 「按最低/最高份额发放的」: ¥301.83 for
// three minimum shares of ¥100.60 (¥301.80), and ¥0.50 when nobody was at a bound at all.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { directorPolicy } from '../builders.js';
import { yardstick } from '../yardstick.js';

const policy = (id: string, rounding: string, pool: string) =>
  directorPolicy({
    id,
    title: '奖金池测试',
    rounding,
    after: `pools:\n  tb:\n    title: 团队奖金池\n    per: all\n${pool}\n`,
  });

// pay in jiao; min ¥100.55 is raised to ¥100.60, max ¥700.04 lowered to ¥700.00
const BOUNDS = policy(
  'bounds',
  '{ to: 0.1, mode: half_up }',
  '    fund: { fixed: 1000.33 }\n    weight: score\n    min_share: 100.55\n    max_share: 700.04',
);
const BOUNDS_DATA = `工号,姓名,岗位,团队,阶段,月份,上级评分
E1,甲,编导,一组,初创期,2026-10,98
E2,乙,编导,一组,初创期,2026-10,1
E3,丙,编导,一组,初创期,2026-10,1
E4,丁,编导,一组,初创期,2026-10,1
`;
// pay in whole yuan, equal weights, nobody at a bound
const NO_BOUND = policy(
  'no-bound',
  '{ to: 1, mode: half_even }',
  '    fund: { fixed: 1000.5 }\n    weight: "1"\n    min_grade: B\n    min_share: 100.5\n    max_share: 400',
);
const NO_BOUND_DATA = `工号,姓名,岗位,团队,阶段,月份,上级评分,绩效基数
E9,甲,编导,一组,初创期,2026-10,70,1005
E2,乙,编导,一组,初创期,2026-10,70,1003
E10,丙,编导,一组,初创期,2026-10,70,1001
E5,戊,编导,一组,初创期,2026-10,50,1000
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-pool-unallocated-words-'));
  writeFileSync(join(dir, 'bounds.yaml'), BOUNDS);
  writeFileSync(join(dir, 'bounds.csv'), BOUNDS_DATA);
  writeFileSync(join(dir, 'no-bound.yaml'), NO_BOUND);
  writeFileSync(join(dir, 'no-bound.csv'), NO_BOUND_DATA);
});

async function shareLine(name: string, employee: string, ...extra: string[]): Promise<string> {
  const r = await yardstick(
    'explain',
    join(dir, `${name}.yaml`),
    '--data',
    join(dir, `${name}.csv`),
    '--employee',
    employee,
    ...extra,
  );
  expect(r.code).toBe(0);
  const line = r.stdout.split('\n').find((l) => l.includes('你的份额') || l.includes('your share'));
  return line!.trim();
}

/** The yuan amounts of a text, in fen, in order. */
const fen = (text: string) =>
  [...text.matchAll(/¥([\d,]+\.\d\d)/g)].map((m) => Math.round(Number(m[1]!.replace(/,/g, '')) * 100));

// By hand. Weights 98, 1, 1, 1: by weight E2–E4 would get ¥9.90 each, below the minimum ¥100.60, so
// they get it: 3 × ¥100.60 = ¥301.80. E1 takes the rest, ¥1,000.33 − ¥301.80 = ¥698.53, below the
// maximum ¥700.00; in whole jiao ¥698.50, and ¥0.03 (below one jiao) is paid to nobody.
describe('a share beside minimum shares and a remainder below one jiao', () => {
  it('names ¥301.80 as paid at the bounds and ¥0.03 as unallocated; the formula gives ¥698.50', async () => {
    const line = await shareLine('bounds', 'E1');
    expect(line).toBe(
      '团队奖金池：你的份额 = (奖金池 ¥1,000.33 − 按最低/最高份额发放的 ¥301.80 − 未分配的 ¥0.03（不足一个发放单位 ¥0.10）) × 你的权重 98（score）/ 权重合计 98 = ¥698.50',
    );
    // the arithmetic as printed: (1000.33 − 301.80 − 0.03) × 98 / 98 = 698.50
    const [pool, bound, rest, , share] = fen(line);
    expect([pool, bound, rest, share]).toEqual([100033, 30180, 3, 69850]);
    expect(((pool! - bound! - rest!) * 98) / 98).toBe(share);
  });

  it('in English', async () => {
    expect(await shareLine('bounds', 'E1', '--lang', 'en')).toBe(
      '团队奖金池: your share = (pool ¥1,000.33 − ¥301.80 paid at the minimum/maximum − ¥0.03 left unallocated (less than one unit of ¥0.10)) × your weight 98 (score) / total weight 98 = ¥698.50',
    );
  });
});

// By hand. E5 (50, grade C) takes no share; E9, E2, E10 weigh 1 each: ¥333.50 by weight, inside
// [¥101, ¥400], so nobody is at a bound. In whole yuan ¥1,000 is shared and ¥0.50 is left: 333 each
// and the yuan left over to the smallest id in code-point order, E10 (¥334).
describe('a share with no bound reached and a remainder below one yuan', () => {
  it('says nothing was paid at a bound: ¥0.50 is unallocated, (1000.50 − 0.50) × 1 / 3 ≈ ¥333.33', async () => {
    const line = await shareLine('no-bound', 'E10');
    expect(line).toBe(
      '团队奖金池：你的份额 = (奖金池 ¥1,000.50 − 未分配的 ¥0.50（不足一个发放单位 ¥1.00）) × 你的权重 1（1）/ 权重合计 3 ≈ ¥333.33，取整后为 ¥334.00（各份额先向下取整，余下的零头按余数从大到小逐个分配（余数相同时工号小者优先），使各份额之和等于奖金池减去未分配的部分）',
    );
    const [pool, rest, , exact, share] = fen(line);
    expect([pool, rest, exact, share]).toEqual([100050, 50, 33333, 33400]);
    expect(Math.round((pool! - rest!) / 3)).toBe(exact);
  });

  it('in English', async () => {
    expect(await shareLine('no-bound', 'E10', '--lang', 'en')).toBe(
      '团队奖金池: your share = (pool ¥1,000.50 − ¥0.50 left unallocated (less than one unit of ¥1.00)) × your weight 1 (1) / total weight 3 ≈ ¥333.33, ¥334.00 once rounded (every share is rounded down and the units left over go one each to the largest remainders, ties to the smaller employee id, so the shares add up to the pool less what is left unallocated)',
    );
  });

  it('the statement says the same', async () => {
    const out = join(dir, 'st');
    const r = await yardstick(
      'statements',
      join(dir, 'no-bound.yaml'),
      '--data',
      join(dir, 'no-bound.csv'),
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'E10.html'), 'utf8');
    expect(html).toContain(
      '<li>团队奖金池：你的份额 = (奖金池 ¥1,000.50 − 未分配的 ¥0.50（不足一个发放单位 ¥1.00）) × 你的权重 1（1）/ 权重合计 3 ≈ ¥333.33，取整后为 ¥334.00',
    );
    expect(html).not.toContain('按最低/最高份额发放');
  });
});
