// Pools and the budget in `yardstick run`'s outputs. The month (test/money/fixtures): one role,
// pay = 10,000 × score / 100, a ¥1,000 award at rating 90 and above, a ¥1,000 pool per team
// split by score × pay base among grade B and above, a ¥17,000 budget for 一组 and ¥40,000 in all.
//
// By hand: 一组 E1 90 → ¥9,000 + ¥1,000 award; E2 60 → ¥6,000; E3 50 → ¥5,000 (C: no share).
//   Pool 一组: weights 900,000 : 600,000 → ¥600 and ¥400. Team total 10,600 + 6,400 + 5,000 = ¥22,000.
// 二组 E4, E5, E6 70 → ¥7,000 each; pool ¥1,000 / 3 = 333.33… → ¥333.34 (E4, smallest id), ¥333.33, ¥333.33.
//   Team total ¥22,000. All: ¥44,000 against ¥40,000 → ¥4,000 over; 一组 ¥5,000 over ¥17,000.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/universal';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const POLICY = 'test/money/fixtures/pool-policy.yaml';
const DATA = 'test/money/fixtures/month.csv';

describe('run with pools and a budget', () => {
  it('prints each pool and how far the result is over the budget (table, Chinese)', async () => {
    const { code, stdout } = await yardstick('run', POLICY, '--data', DATA, '--lang', 'zh');
    expect(code).toBe(0);
    const tail = stdout.trimEnd().split('\n').slice(-8);
    expect(tail).toEqual([
      '员工：6 人',
      '等级分布：A 1 · B 4 · C 1',
      '应发合计：¥44,000.00（可发 ¥44,000.00，暂扣 ¥0.00，0 人）',
      '触发：无',
      '奖金池 团队奖金池（一组）：¥1,000.00，分给 2 人 ¥1,000.00，1 人不参与',
      '奖金池 团队奖金池（二组）：¥1,000.00，分给 3 人 ¥1,000.00',
      '团队 一组 预算 ¥17,000.00：应发 ¥22,000.00，超出 ¥5,000.00',
      '预算 ¥40,000.00：应发 ¥44,000.00，超出 ¥4,000.00',
    ]);
    expect(stdout).toContain('E4    员工E4  二组  主播  常规  70.00  B            ¥7,333.34');
  });

  it('says the same in English', async () => {
    const { stdout } = await yardstick('run', POLICY, '--data', DATA, '--lang', 'en');
    expect(stdout).toContain('pool 团队奖金池 (一组): ¥1,000.00, ¥1,000.00 to 2 people, 1 not taking part\n');
    expect(stdout).toContain('budget ¥40,000.00: payout ¥44,000.00, ¥4,000.00 over\n');
  });

  it('adds a pool share column to the CSV', async () => {
    const { stdout } = await yardstick('run', POLICY, '--data', DATA, '--format', 'csv', '--lang', 'en');
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFemployee_id,name,team,role,stage,base_score,score,grade,tier,payout,status,holds,triggers,pool_share',
    );
    expect(lines.slice(1, 7).map((l) => l.split(',').slice(-5).join(','))).toEqual([
      '10600.00,payable,,,600.00',
      '6400.00,payable,,,400.00',
      '5000.00,payable,,,0.00',
      '7333.34,payable,,,333.34',
      '7333.33,payable,,,333.33',
      '7333.33,payable,,,333.33',
    ]);
  });

  it('adds the same pool share column to the workbook, as numbers', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'yardstick-pool-xlsx-')), 'r.xlsx');
    expect(
      (await yardstick('run', POLICY, '--data', DATA, '--format', 'xlsx', '--out', out, '--lang', 'en')).code,
    ).toBe(0);
    const bytes = readFileSync(out);
    const [results] = await readXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(results!.data[0]!.slice(-5)).toEqual(['payout', 'status', 'holds', 'triggers', 'pool_share']);
    expect(results!.data.slice(1, 7).map((row) => [row[0], row[9], row[13]])).toEqual([
      ['E1', 10600, 600],
      ['E2', 6400, 400],
      ['E3', 5000, 0],
      ['E4', 7333.34, 333.34],
      ['E5', 7333.33, 333.33],
      ['E6', 7333.33, 333.33],
    ]);
  });

  it('puts the pools and the budget in the JSON, in yuan, valid against the result schema', async () => {
    const { stdout } = await yardstick('run', POLICY, '--data', DATA, '--format', 'json');
    const result = JSON.parse(stdout);
    expect(
      result.pools.map((p: { group: string; amount: number; allocated: number }) => [p.group, p.amount, p.allocated]),
    ).toEqual([
      ['一组', 1000, 1000],
      ['二组', 1000, 1000],
    ]);
    expect(result.budget.lines).toEqual([
      { scope: 'team', team: '一组', budget: 17000, before: 22000, result: 22000, over: 5000, period: '2026-10' },
      { scope: 'total', budget: 40000, before: 44000, result: 44000, over: 4000, period: '2026-10' },
    ]);
    expect(result.scorecards[0].pools[0]).toMatchObject({
      share: 600,
      pool_amount: 1000,
      weight: 900000,
      free_weight: 1500000,
    });
    expect(result.scorecards[0].payout.lines.at(-1)).toEqual({
      kind: 'pool_share',
      source: 'team',
      label: '团队奖金池',
      amount: 600,
    });
    const schema = JSON.parse(readFileSync('schemas/result.schema.json', 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false, multipleOfPrecision: 9 });
    ajv.validate(schema, result);
    expect(ajv.errors ?? []).toEqual([]);
  });
});

describe('diff with pools and a budget', () => {
  it('shows each pool and the budget before and after the change', async () => {
    // the pool doubles to ¥2,000 a team: +¥1,000 in each team, ¥46,000 in all, ¥6,000 over ¥40,000.
    // 二组: 200,000 fen / 3 = 66,666.67 → floors 199,998, 2 fen to E4 and E5 (ties, smaller ids)
    const { code, stdout } = await yardstick(
      'diff',
      POLICY,
      'test/money/fixtures/pool-policy-2000.yaml',
      '--data',
      DATA,
      '--lang',
      'zh',
    );
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const from = lines.indexOf('    修改前：奖金池 团队奖金池（一组）：¥1,000.00，分给 2 人 ¥1,000.00，1 人不参与');
    expect(lines.slice(from, from + 8)).toEqual([
      '    修改前：奖金池 团队奖金池（一组）：¥1,000.00，分给 2 人 ¥1,000.00，1 人不参与',
      '    修改前：奖金池 团队奖金池（二组）：¥1,000.00，分给 3 人 ¥1,000.00',
      '    修改前：团队 一组 预算 ¥17,000.00：应发 ¥22,000.00，超出 ¥5,000.00',
      '    修改前：预算 ¥40,000.00：应发 ¥44,000.00，超出 ¥4,000.00',
      '    修改后：奖金池 团队奖金池（一组）：¥2,000.00，分给 2 人 ¥2,000.00，1 人不参与',
      '    修改后：奖金池 团队奖金池（二组）：¥2,000.00，分给 3 人 ¥2,000.00',
      '    修改后：团队 一组 预算 ¥17,000.00：应发 ¥23,000.00，超出 ¥6,000.00',
      '    修改后：预算 ¥40,000.00：应发 ¥46,000.00，超出 ¥6,000.00',
    ]);
    expect(stdout).toContain('    E6 员工E6 二组: B → B, ¥7,333.33 → ¥7,666.66 (+¥333.33)\n');
  });

  it('puts both sides in the JSON report', async () => {
    const { stdout } = await yardstick(
      'diff',
      POLICY,
      'test/money/fixtures/pool-policy-2000.yaml',
      '--data',
      DATA,
      '--format',
      'json',
    );
    const [review] = JSON.parse(stdout);
    expect(review.impact.budget.after.lines.at(-1)).toEqual({
      scope: 'total',
      budget: 40000,
      before: 46000,
      result: 46000,
      over: 6000,
      period: '2026-10',
    });
    expect(review.impact.pools.before.map((p: { amount: number }) => p.amount)).toEqual([1000, 1000]);
  });
});

describe('statements with a pool', () => {
  it('says how each share was computed, or why there is none', async () => {
    const { mkdtempSync, readFileSync: read } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const out = mkdtempSync(join(tmpdir(), 'yardstick-pool-statements-'));
    const { code } = await yardstick('statements', POLICY, '--data', DATA, '--out', out, '--lang', 'zh');
    expect(code).toBe(0);
    const calc = (id: string) =>
      [...read(join(out, `${id}.html`), 'utf8').matchAll(/<ul class="calc">(.*?)<\/ul>/g)]
        .flatMap((m) => [...m[1]!.matchAll(/<li>(.*?)<\/li>/g)].map((l) => l[1]))
        .map((l) => l!.replace(/&#39;/g, "'"));
    // E1: 1,000 × 900,000 / 1,500,000 = 600
    expect(calc('E1')).toEqual([
      '绩效工资 = pay_base * score / 100 = 10,000 × 90 / 100 = ¥9,000.00（绩效基数 ¥10,000.00，总分 90）',
      '团队奖金池（一组）：你的份额 = 奖金池 ¥1,000.00 × 你的权重 900,000（score * pay_base）/ 权重合计 1,500,000 = ¥600.00',
    ]);
    // E4: 1,000 × 700,000 / 2,100,000 = 333.33…, the left-over fen to the smallest id: the statement
    // says both, never `= ¥333.34` (a formula whose result is 333.33)
    expect(calc('E4')[1]).toBe(
      '团队奖金池（二组）：你的份额 = 奖金池 ¥1,000.00 × 你的权重 700,000（score * pay_base）/ 权重合计 2,100,000 ≈ ¥333.33，取整后为 ¥333.34（各份额先向下取整，余下的零头按余数从大到小逐个分配（余数相同时工号小者优先），使各份额之和等于奖金池）',
    );
    expect(calc('E3')[1]).toBe('团队奖金池（一组）：不参与分配（等级低于参与线）');
  });
});

describe('diff words pool and budget changes', () => {
  it('writes a new pool in full and a budget change with its amounts', async () => {
    // pool-policy-gmv.yaml adds a 2 % GMV pool for everyone with a ¥100 minimum, raises the
    // total budget to ¥45,000 and asks for scaling
    const { stdout } = await yardstick('diff', POLICY, 'test/money/fixtures/pool-policy-gmv.yaml', '--lang', 'zh');
    expect(stdout.split('\n').slice(2, 6)).toEqual([
      '    ~ 版本 1.0.0 → 1.2.0',
      '    + 新增 奖金池「GMV 提成池」：全体共用 GMV 合计 × 2%，按 score 分配，最低份额 ¥100.00',
      '    ~ 预算 总额 ¥40,000.00 → ¥45,000.00',
      '    + 预算 超出时 — → 按比例缩减浮动薪酬',
    ]);
  });

  it('names a pool amount change in English', async () => {
    const { stdout } = await yardstick('diff', POLICY, 'test/money/fixtures/pool-policy-2000.yaml', '--lang', 'en');
    expect(stdout).toContain('    ~ pool 团队奖金池 amount ¥1,000.00 → ¥2,000.00\n');
  });
});
