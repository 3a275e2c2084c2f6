// Pay is never netted or printed from numbers the engine cannot hold exactly
// (docs/policy-language.md, "Numbers"): a payout line below 0 that the policy does not make
// (performance pay, a cap) is an evaluation error naming the employee and the formula's place;
// money above ¥100,000,000 per person, and data cells beyond 2^53 − 1 or infinite, are refused.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPolicy } from '../../engine/index.js';
import { readRecords } from '../../engine/data/index.js';
import { main } from '../../node/cli/main.js';
import { compiledPolicy, csvText } from '../builders.js';

const WORKED = readFileSync('docs/worked-example.yaml', 'utf8');
const HEADER = '工号,姓名,岗位,团队,阶段,月份,发布视频数,完播率,上级评分,单条最高播放,绩效基数';
// E1 of the worked example: score 96.96 (A, silver × 1.2, viral award 1000): ¥5,654.08
const E1 = (payBase = '', videos = '28') =>
  `E1,林小雨,编导,短视频一组,初创期,2026-10,${videos},43.7%,85,"1,250,000",${payBase}`;

async function run(policyText: string, rows: string[]) {
  const compiled = compiledPolicy(policyText, 'w.yaml');
  const read = readRecords(csvText(HEADER, ...rows), 'csv', compiled.contract, { file: 'd.csv' });
  return runPolicy(compiled, { records: read.records, excluded: read.excluded });
}

const reasons = (r: Awaited<ReturnType<typeof run>>) =>
  r.excluded.flatMap((x) => x.reasons.map((d) => [x.employee_id, d.code, d.message]));

describe('a payout line below 0 is an error, never netted', () => {
  it('the worked example still pays E1 ¥5,654.08', async () => {
    const r = await run(WORKED, [E1()]);
    expect(r.scorecards[0].payout.totalFen).toBe(565408);
  });

  it('performance pay that evaluates below 0 names the employee and the formula', async () => {
    // 4000 × (96.96 − 100) / 100 = −121.60
    const r = await run(WORKED.replace('pay_base * min(score, 120) / 100', 'pay_base * (score - 100) / 100'), [E1()]);
    expect(r.scorecards).toEqual([]);
    expect(reasons(r)).toEqual([
      [
        'E1',
        'eval_negative_pay',
        'performance pay `pay_base * (score - 100) / 100` is -¥121.60 for `E1` (w.yaml:47:20): it cannot be below 0 (only the caps and a tier multiplier below 1 lower pay)',
      ],
    ]);
    expect(r.summary.payout_total_fen).toBe(0);
  });

  it('performance_pay: -pay_base is refused for everyone, not netted against the others', async () => {
    // −4000 for E1; before, the run total was −4000 + the others' pay, exit 0
    const r = await run(WORKED.replace('pay_base * min(score, 120) / 100', '-pay_base'), [E1()]);
    expect(reasons(r)).toEqual([
      [
        'E1',
        'eval_negative_pay',
        'performance pay `-pay_base` is -¥4,000.00 for `E1` (w.yaml:47:20): it cannot be below 0 (only the caps and a tier multiplier below 1 lower pay)',
      ],
    ]);
  });

  it('a cap that evaluates below 0', async () => {
    // cap 4000 − 5000 = −1000; the cap is inserted as line 52 (where `rounding:` was), column 8
    const text = WORKED.replace(
      '  rounding: { to: 0.01, mode: half_up }',
      '  cap: pay_base - 5000\n  rounding: { to: 0.01, mode: half_up }',
    );
    const r = await run(text, [E1()]);
    expect(reasons(r)).toEqual([
      [
        'E1',
        'eval_negative_pay',
        'the payout cap `pay_base - 5000` is -¥1,000.00 for `E1` (w.yaml:52:8): it cannot be below 0 (only the caps and a tier multiplier below 1 lower pay)',
      ],
    ]);
  });

  it('the command refuses the run (exit 1) and prints the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-negative-'));
    writeFileSync(join(dir, 'p.yaml'), WORKED.replace('pay_base * min(score, 120) / 100', '-pay_base'));
    writeFileSync(join(dir, 'd.csv'), `${HEADER}\n${E1()}\n`);
    const stderr: string[] = [];
    const code = await main(['run', join(dir, 'p.yaml'), '--data', join(dir, 'd.csv'), '--lang', 'en'], {
      stdout: () => {},
      stderr: (s) => stderr.push(s),
    });
    expect(code).toBe(1);
    expect(stderr.join('\n')).toContain(
      `error[eval_negative_pay]: performance pay \`-pay_base\` is -¥4,000.00 for \`E1\` (${join(dir, 'p.yaml')}:47:20)`,
    );
  });
});

describe('money beyond ¥100,000,000 per person is refused', () => {
  it('a pay base cell above the limit', async () => {
    const r = await run(WORKED, [E1('200000000')]);
    expect(reasons(r)).toEqual([
      [
        'E1',
        'eval_pay_base_out_of_range',
        'pay base `200000000` of `E1` is above the limit of ¥100,000,000.00 per person',
      ],
    ]);
  });

  it('a total above the limit, even when each line is within it', async () => {
    // pay base 100,000,000 (the limit itself): 96,960,000 + 19,392,000 (× 1.2) + 1,000 = 116,353,000
    const r = await run(WORKED, [E1('100000000')]);
    expect(reasons(r)).toEqual([
      [
        'E1',
        'eval_money_out_of_range',
        'the total is ¥116,353,000.00 for `E1`: above the limit of ¥100,000,000.00 per person',
      ],
    ]);
  });

  it('a pay base of 1e17 is a cell error, not a wrong figure', async () => {
    const r = await run(WORKED, [E1('100000000000000000')]);
    expect(r.excluded.map((x) => [x.employee_id, x.reasons.map((d) => [d.code, d.cell?.column])])).toEqual([
      ['E1', [['data_bad_pay_base', '绩效基数']]],
    ]);
  });
});

describe('a data cell that is not a usable number is an error at the cell', () => {
  it('400 digits do not become Infinity and full points', async () => {
    const r = await run(WORKED, [E1('', '9'.repeat(400))]);
    expect(r.excluded.map((x) => x.reasons.map((d) => [d.code, d.message, d.cell?.row, d.cell?.column]))).toEqual([
      [
        [
          'data_not_a_number',
          '`999999999999999999999999…` is too large to be a figure (at most 9007199254740991)',
          2,
          '发布视频数',
        ],
      ],
    ]);
  });

  it('a count beyond 2^53 − 1 is refused; 2^53 − 1 itself is read', async () => {
    const over = await run(WORKED, [E1('', '9007199254740993')]);
    expect(over.excluded.map((x) => x.reasons.map((d) => d.code))).toEqual([['data_not_a_number']]);
    const at = await run(WORKED, [E1('', '9007199254740991')]);
    expect(at.excluded).toEqual([]);
  });
});

describe('a record built without the data layer', () => {
  it.each([NaN, Infinity, -Infinity, 2 ** 53])('a metric of %d is an evaluation error, not a score', async (bad) => {
    const record = {
      employee_id: 'E1',
      name: '林小雨',
      role: 'director',
      team: '短视频一组',
      stage: 'startup',
      period: '2026-10',
      metrics: { videos_published: bad, completion_rate: 0.437, manager_rating: 85, max_video_plays: 1250000 },
    };
    const r = await runPolicy(compiledPolicy(WORKED, 'w.yaml'), { records: [record] });
    expect(r.scorecards).toEqual([]);
    expect(reasons(r)).toEqual([
      [
        'E1',
        'eval_not_a_usable_number',
        `\`发布视频数\` (videos_published) of \`E1\` is \`${bad}\`, not a finite number of at most 9007199254740991`,
      ],
    ]);
  });
});
