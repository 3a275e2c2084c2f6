// A statement's pool share and budget cut are formulas with the employee's numbers; when the
// amount paid is not the formula's result to the fen (shares rounded down to the unit, the units
// left over going to the largest remainders), it says both rather than a false equation.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

// one rating indicator (score = rating), pay in jiao, a 1 % GMV pool per team for B and above,
// and a budget the result is scaled down to
const POLICY = `policy: jiao-pool
title: 角为单位的奖金池
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money }
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
stages:
  only: { title: 常规 }
roles:
  host: { title: 主播, pay_base: 1000, indicators: { r: { metric: rating, scoring: rating, weight: 100 } } }
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.1, mode: half_up }
pools:
  p:
    title: 团队池
    per: team
    fund: { share_of: { metric: gmv, rate: 0.01 } }
    weight: score
    min_grade: B
budget:
  total: 3000.05
  fit: scale_variable
`;
const DATA = `工号,姓名,岗位,团队,阶段,月份,GMV,评分
E1,甲,主播,一组,常规,2026-10,33333,70
E2,乙,主播,一组,常规,2026-10,33333,70
E3,丙,主播,一组,常规,2026-10,33334,70
E4,丁,主播,二组,常规,2026-10,0,95
E5,戊,主播,二组,常规,2026-10,100,50
`;

let out: string;
const calc = (id: string) =>
  [...readFileSync(join(out, `${id}.html`), 'utf8').matchAll(/<ul class="calc">(.*?)<\/ul>/g)]
    .flatMap((m) => [...m[1]!.matchAll(/<li>(.*?)<\/li>/g)].map((l) => l[1]!))
    .filter((l) => l.startsWith('团队池') || l.startsWith('预算缩减'));

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-jiao-pool-'));
  writeFileSync(join(dir, 'p.yaml'), POLICY);
  writeFileSync(join(dir, 'd.csv'), DATA);
  out = join(dir, 'st');
  const r = await yardstick('statements', join(dir, 'p.yaml'), '--data', join(dir, 'd.csv'), '--out', out);
  expect(r.code).toBe(0);
});

// By hand. 一组's pool: 1 % of 100,000 = ¥1,000.00 = 10,000 jiao for three equal weights of 70:
// 3,333.33… jiao each, 3,333 each and the 1 jiao left to the smallest id, E1 (¥333.40; E2, E3 ¥333.30).
// 二组's pool: 1 % of 100 = ¥1.00, all to E4 (E5 is C). Variable pay 700 × 3 + 950 + 500 = ¥3,550.00;
// room 3,000.05 − 1,001.00 = 1,999.05 → 1,999.0 at jiao; ratio 1,999 / 3,550 = 0.563099 (6 decimals);
// in jiao 3,941.69 × 3, 5,349.44, 2,815.49: floors add up to 19,987, the 3 left go to E1, E2, E3 (.69).
describe('a statement in jiao with a pool and a budget', () => {
  it('E1: the share and the cut, each ≈ its formula and the amount paid', () => {
    expect(calc('E1')).toEqual([
      '团队池（一组）：你的份额 = 奖金池 ¥1,000.00 × 你的权重 70（score）/ 权重合计 210 ≈ ¥333.33，取整后为 ¥333.40（各份额先向下取整，余下的零头按余数从大到小逐个分配（余数相同时工号小者优先），使各份额之和等于奖金池）',
      '预算缩减：浮动薪酬 ¥700.00 × 0.563099 ≈ ¥394.17，取整后为 ¥394.20（全体浮动薪酬按同一比例缩减以符合预算；各人先向下取整，余下的零头按余数从大到小逐个分配）',
    ]);
  });

  it('E4: a share that is its formula exactly is an equation; 950 × 0.563099 ≈ 534.94 paid as 534.90', () => {
    expect(calc('E4')).toEqual([
      '团队池（二组）：你的份额 = 奖金池 ¥1.00 × 你的权重 95（score）/ 权重合计 95 = ¥1.00',
      '预算缩减：浮动薪酬 ¥950.00 × 0.563099 ≈ ¥534.94，取整后为 ¥534.90（全体浮动薪酬按同一比例缩减以符合预算；各人先向下取整，余下的零头按余数从大到小逐个分配）',
    ]);
  });
});
