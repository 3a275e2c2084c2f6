// `per: role` with `roles: [host]`: one pool per role, and only hosts take part. The run made a pool
// for every role it scored — a ¥1,000 pool for 运营 too, which no 运营 can take — and reported it
// each month as ¥1,000 left unallocated, with a warning: money the policy never set aside. A role
// pool is made for the roles that take part only.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { loadPolicy, poolLines, runPolicy } from '../../engine/index.js';
import { readRecords } from '../../engine/data/index.js';

const POLICY = `policy: role-pool
title: 岗位奖金池
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
  ops:
    title: 运营
    pay_base: 1000
    indicators:
      rating: { metric: rating, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
pools:
  p:
    title: 主播奖金池
    per: role
    fund: { fixed: 1000 }
    weight: score
    roles: [host]
`;

describe('a pool per role for some roles', () => {
  it('is made for the hosts only: E1 and E3 share ¥1,000, the 运营 E2 has no pool and nothing is unallocated', async () => {
    // hosts E1 (90 points) and E3 (60): ¥1,000 × 90 / 150 = ¥600.00 and × 60 / 150 = ¥400.00
    const loaded = loadPolicy(POLICY, 'p.yaml');
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
    const csv = [
      '工号,姓名,岗位,团队,阶段,月份,评分',
      'E1,甲,主播,一组,常规,2026-10,90',
      'E2,乙,运营,一组,常规,2026-10,80',
      'E3,丙,主播,一组,常规,2026-10,60',
      '',
    ].join('\n');
    const read = readRecords(csv, 'csv', loaded.policy.contract, { file: 'd.csv' });
    const r = await runPolicy(loaded.policy, { records: read.records }, { lang: 'en' });
    expect(r.pools!.map((p) => [p.group, p.poolFen, p.eligible, p.allocatedFen, p.unallocatedFen])).toEqual([
      ['host', 100_000, 2, 100_000, 0],
    ]);
    expect(r.warnings.filter((w) => w.code.startsWith('eval_pool'))).toEqual([]);
    const pay = Object.fromEntries(r.scorecards.map((c) => [c.employee_id, c.payout.totalFen]));
    // E1 ¥900 + ¥600, E2 ¥800 and no share, E3 ¥600 + ¥400
    expect(pay).toEqual({ E1: 150_000, E2: 80_000, E3: 100_000 });
    expect(r.scorecards.find((c) => c.employee_id === 'E2')!.pools ?? []).toEqual([]);
  });

  it("is named by the role's title (主播, not `host`), and each card's explanation shows how its share was computed", async () => {
    const loaded = loadPolicy(POLICY, 'p.yaml');
    if (!loaded.ok) throw new Error('the policy should load');
    const csv =
      '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,主播,一组,常规,2026-10,90\nE3,丙,主播,一组,常规,2026-10,60\n';
    const read = readRecords(csv, 'csv', loaded.policy.contract, { file: 'd.csv' });
    const zh = await runPolicy(loaded.policy, { records: read.records }, { lang: 'zh' });
    expect(zh.pools!.map((p) => [p.group, p.group_title])).toEqual([['host', '主播']]);
    expect(poolLines(zh, 'zh')).toEqual(['奖金池 主播奖金池（主播）：¥1,000.00，分给 2 人 ¥1,000.00']);
    // E1: ¥1,000 × 90 / (90 + 60) = ¥600.00, on the line below the pool's payout line
    const e1 = zh.scorecards.find((c) => c.employee_id === 'E1')!.explanation;
    expect(e1.slice(e1.indexOf('  主播奖金池 ¥600.00'), e1.indexOf('  主播奖金池 ¥600.00') + 2)).toEqual([
      '  主播奖金池 ¥600.00',
      '    主播奖金池（主播）：你的份额 = 奖金池 ¥1,000.00 × 你的权重 90（score）/ 权重合计 150 = ¥600.00',
    ]);
    const en = await runPolicy(loaded.policy, { records: read.records }, { lang: 'en' });
    expect(en.scorecards.find((c) => c.employee_id === 'E3')!.explanation).toContain(
      '    主播奖金池 (主播): your share = pool ¥1,000.00 × your weight 60 (score) / total weight 150 = ¥400.00',
    );
  });

  it('writes the title beside the id in the JSON (`group_title`), valid against the result schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'role-pool-'));
    writeFileSync(join(dir, 'p.yaml'), POLICY);
    writeFileSync(join(dir, 'd.csv'), '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,主播,一组,常规,2026-10,90\n');
    const { code, stdout } = await yardstick(
      'run',
      join(dir, 'p.yaml'),
      '--data',
      join(dir, 'd.csv'),
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.pools.map((p: { group: string; group_title: string }) => [p.group, p.group_title])).toEqual([
      ['host', '主播'],
    ]);
    expect(result.scorecards[0].pools[0]).toMatchObject({ group: 'host', group_title: '主播', share: 1000 });
    const ajv = new Ajv2020({ allErrors: true, strict: false, multipleOfPrecision: 9 });
    ajv.validate(JSON.parse(readFileSync('schemas/result.schema.json', 'utf8')), result);
    expect(ajv.errors ?? []).toEqual([]);
  });
});
