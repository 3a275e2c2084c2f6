// `score.max` limits the total after adjustments (docs/policy-language.md, "How a record is
// evaluated", step 5). The explanation and the statement used to print 基础得分 98, 高分加分 +15,
// 总分 110 with nothing saying where the 3 points went.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const POLICY = `policy: score-max
title: 封顶测试
version: 1.0.0
score:
  max: 110
metrics:
  rating: { label: 上级评分, unit: score, range: [ 0, 100 ] }
  violations: { label: 违规次数, unit: count, default: 0 }
stages:
  s: { title: 初创期 }
roles:
  r:
    title: 编导
    pay_base: 1000
    indicators:
      att: { metric: rating, scoring: rating, weight: 100 }
adjustments:
  bonus:
    title: 高分加分
    when: { fact: rating, operator: greaterThanInclusive, value: 95 }
    points: 15
  veto:
    title: 违规否决
    when: { fact: violations, operator: greaterThan, value: 0 }
    score_cap: 60
grades:
  - { grade: A+, min: 100 }
  - { grade: A, min: 81 }
  - { grade: B, min: 61 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * min(score, 120) / 100
  rounding: { to: 0.01, mode: half_up }
`;
const DATA = `工号,姓名,岗位,团队,阶段,月份,上级评分,违规次数
E1,甲,编导,一组,初创期,2026-10,100,1
E2,乙,编导,一组,初创期,2026-10,98,0
E3,丙,编导,一组,初创期,2026-10,90,0
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-score-max-'));
  writeFileSync(join(dir, 'p.yaml'), POLICY);
  writeFileSync(join(dir, 'd.csv'), DATA);
});

async function explain(employee: string, ...extra: string[]): Promise<string[]> {
  const r = await yardstick(
    'explain',
    join(dir, 'p.yaml'),
    '--data',
    join(dir, 'd.csv'),
    '--employee',
    employee,
    ...extra,
  );
  expect(r.code).toBe(0);
  return r.stdout.split('\n');
}

// By hand. E2: rating 98 → base score 98; 98 ≥ 95 adds 15 → 113; score.max 110 → 110.
// E1: 100 + 15 = 115 → 110 by the maximum, then 违规否决 caps it at 60.
// E3: 90, no adjustment, 90 ≤ 110: the maximum does not apply.
describe('score.max is said when it limits the score', () => {
  it('explain E2: 113 limited to 110, between the adjustments and the score', async () => {
    const lines = await explain('E2');
    const at = lines.indexOf('基础得分与加减分合计 113，超过政策的总分上限 110（`score.max`），按 110 计');
    expect(at).toBeGreaterThan(0);
    expect(lines[at - 1]).toBe('高分加分：上级评分 98 ≥ 95 → 加 15 分');
    expect(lines[at + 1]).toBe('总分 110 → 等级 A+，已是最高等级');
  });

  it('explain E2 in English', async () => {
    expect(await explain('E2', '--lang', 'en')).toContain(
      "base score and adjustments add up to 113, above the policy's score maximum 110 (`score.max`): counted as 110",
    );
  });

  it('explain E1: 115 limited to 110, and the score cap of 60 after it', async () => {
    const lines = await explain('E1');
    expect(lines).toContain('违规否决：违规次数 1 > 0 → 总分封顶 60');
    expect(lines).toContain('基础得分与加减分合计 115，超过政策的总分上限 110（`score.max`），按 110 计');
    expect(lines.some((l) => l.startsWith('总分 60 → 等级 C'))).toBe(true);
  });

  it('explain E3: under the maximum, no such line', async () => {
    expect((await explain('E3')).some((l) => l.includes('score.max'))).toBe(false);
  });

  it('the statement of E2 says it under the adjustments', async () => {
    const out = join(dir, 'st');
    const r = await yardstick('statements', join(dir, 'p.yaml'), '--data', join(dir, 'd.csv'), '--out', out);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'E2.html'), 'utf8');
    expect(html).toContain(
      '<td>高分加分</td><td>上级评分 98 ≥ 95</td><td>+15 分</td></tr></tbody></table>\n<p class="calc">基础得分与加减分合计 113，超过政策的总分上限 110（`score.max`），按 110 计</p>',
    );
    expect(readFileSync(join(out, 'E3.html'), 'utf8')).not.toContain('score.max');
  });
});
