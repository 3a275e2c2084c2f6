// A statement and the index page of a policy with forced distribution (docs/policy-language.md,
// "calibration"): the statement said only the grade before calibration, so someone a quota moved
// from B to C was handed a statement saying B; the index listed B too.

import { describe, expect, it } from 'vitest';
import { renderIndex, renderStatement, runPolicy } from '../../engine/index.js';
import { compiledPolicy } from '../builders.js';

const POLICY = `policy: spec-quota
title: 月度考核
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
holds:
  perfect: { title: 满分待核实, when: { fact: rating, operator: greaterThan, value: 99 } }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
calibration:
  within: team
  quotas:
    C: { min: 0.25 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

const PROVENANCE = {
  policy: { file: 'p.yaml', id: 'spec-quota', version: '1.0.0', hash: 'abc' },
  data: [],
  engine: '1.0.0',
};
const record = (id: string, rating: number) => ({
  employee_id: id,
  name: `某${id}`,
  role: 'staff',
  team: '一组',
  stage: 's',
  period: '2026-08',
  metrics: { rating },
});

// 一组: E1 90 A, E2 85 A, E3 70 B, E4 65 B, E5 100 A but held (100 > 99): not ranked. Of the four
// ranked, C needs at least 25 % of 4 = 1 person: the lowest-ranked above C, E4, moves from B to C.
async function month() {
  const compiled = compiledPolicy(POLICY, 'p.yaml');
  const result = await runPolicy(compiled, {
    records: [record('E1', 90), record('E2', 85), record('E3', 70), record('E4', 65), record('E5', 100)],
  });
  const card = (id: string) => result.scorecards.find((c) => c.employee_id === id)!;
  return { compiled, result, card };
}

describe('a statement under forced distribution', () => {
  it('shows the grade a quota moved to, and says why, as explain does', async () => {
    const { compiled, card } = await month();
    const html = renderStatement(compiled, card('E4'), PROVENANCE);
    expect(html).toContain('<div class="k">等级</div><div class="v">B → C</div>');
    expect(html).toContain(
      '<p class="calc">总分 65 ≥ 60（B 的下限）→ 等级 B；校准（团队 一组，第 4/4 名）：B → C，因 C min 25%</p>',
    );
    // pay is not changed by calibration: 1000 × 65 / 100
    expect(html).toContain('<tr class="group"><td>合计</td><td class="num">¥650.00</td></tr>');
  });

  it('shows one grade for someone calibration leaves where they were, with their place', async () => {
    const { compiled, card } = await month();
    const html = renderStatement(compiled, card('E3'), PROVENANCE, 'en');
    expect(html).toContain('<div class="v">B</div>');
    expect(html).toContain('score 70 ≥ 60 (the lower bound of B) → grade B; calibration (team 一组, rank 3/4): B</p>');
  });

  it('says nothing of calibration for someone held (not ranked)', async () => {
    const { compiled, card } = await month();
    const html = renderStatement(compiled, card('E5'), PROVENANCE);
    expect(html).toContain('<div class="v">A</div>');
    expect(html).not.toContain('校准');
  });

  it('lists the calibrated grade beside the grade on the index page, — for the held, and explains the *', async () => {
    const { compiled, result } = await month();
    const html = renderIndex(compiled, result, PROVENANCE, (c) => `${c.employee_id}.html`);
    expect(html).toContain('<th>等级</th><th>校准后</th><th class="num">本月绩效应发</th>');
    expect(html).toContain('<td class="num">65</td><td>B</td><td>C</td><td class="num">¥650.00</td>');
    expect(html).toContain('<td class="num">100</td><td>A</td><td>—</td><td class="num">¥1,000.00 *</td>');
    expect(html).toContain('<p class="meta">* 暂扣，待核实后发放</p>');
  });

  // the chart drew the grades before calibration (A 3, B 2, C 0) above a list of calibrated ones
  it('draws the grades people ended with: A 2 (E1, E2), B 1 (E3), C 1 (E4); E5 held, not ranked', async () => {
    const { compiled, result } = await month();
    const html = renderIndex(compiled, result, PROVENANCE, (c) => `${c.employee_id}.html`);
    const bars = [...html.matchAll(/font-size="12">(\d+)<\/text><text[^>]*>([^<]+)<\/text>/g)].map((m) => [
      m[2],
      Number(m[1]),
    ]);
    expect(bars).toEqual([
      ['A', 2],
      ['B', 1],
      ['C', 1],
    ]);
    expect(html).toContain('<h2>等级分布（强制分布后；暂扣者不排名，不计入）</h2>');
  });
});
