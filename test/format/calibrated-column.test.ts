// With forced distribution (`calibration:`), every output a person reads says the calibrated grade
// beside the grade: the terminal table, Markdown, CSV and the workbook, and the summary gives the
// calibrated distribution. Calibration changes neither pay nor the grade column (docs/policy-language.md,
// calibration). Before, only JSON and the statements said it: the table showed 郑雨 as A+ with no
// word that the team's quota made her A.
//
// The bundled livestream policy on its month. 直播三组 has 15 people; `A+: { max: 0.1 }` with
// `small_teams: round_down` gives it ⌊15 × 0.1⌋ = ⌊1.5⌋ = 1 A+ place. Its three A+ by score are
// LS0034 (112.29), LS0032 (105.64) and LS0031 (100.02): LS0034 keeps A+, the other two are A.
// The month: A+ 5 · A 9 · B 30 · C 15 (59 people). Calibrated: A+ 5 − 2 = 3, A 9 + 2 = 11, and the
// one person whose pay is held (LS0006, B) is not ranked: B 30 − 1 = 29; C stays 15 (every team has
// at least its ⌊n × 0.1⌋ = 1 C already). 3 + 11 + 29 + 15 = 58 = 59 − 1.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { yardstickAsIs } from '../yardstick.js';

const RUN = ['run', 'policies/livestream-team.yaml', '--data', 'examples/livestream-2026-10.csv', '--exclude-invalid'];

describe('the calibrated grade in the outputs of a policy with forced distribution', () => {
  it('CSV: a 校准等级 column after 等级, empty for someone held', async () => {
    const r = await yardstickAsIs(...RUN, '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFF工号,姓名,团队,岗位,阶段,基础得分,得分,等级,校准等级,档位,应发,状态,暂扣原因,触发');
    const row = (id: string) =>
      lines
        .find((l) => l.startsWith(`${id},`))!
        .split(',')
        .slice(6, 10);
    expect(row('LS0034')).toEqual(['112.29', 'A+', 'A+', '金牌']);
    expect(row('LS0032')).toEqual(['105.64', 'A+', 'A', '金牌']);
    expect(row('LS0031')).toEqual(['100.02', 'A+', 'A', '金牌']);
    expect(row('LS0006')).toEqual(['65.84', 'B', '', '铜牌']);
  });

  it('CSV in English: calibrated_grade', async () => {
    const r = await yardstickAsIs(...RUN, '--format', 'csv', '--lang', 'en');
    expect(r.stdout.split('\r\n')[0]).toBe(
      '\uFEFFemployee_id,name,team,role,stage,base_score,score,grade,calibrated_grade,tier,payout,status,holds,triggers',
    );
  });

  it('the table: a column after 等级 (— for the held), and the calibrated distribution with the held counted apart', async () => {
    const r = await yardstickAsIs(...RUN);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[2]!.split(/ {2,}/)).toEqual([
      '工号',
      '姓名',
      '团队',
      '岗位',
      '阶段',
      '得分',
      '等级',
      '校准等级',
      '档位',
      '应发',
      '状态',
      '触发',
    ]);
    const cells = (id: string) => lines.find((l) => l.startsWith(`${id} `))!.split(/ {2,}/);
    expect(cells('LS0031').slice(5, 8)).toEqual(['100.02', 'A+', 'A']);
    expect(cells('LS0006').slice(5, 8)).toEqual(['65.84', 'B', '—']);
    expect(lines).toContain('等级分布：A+ 5 · A 9 · B 30 · C 15');
    expect(lines).toContain('校准后等级分布（强制分布）：A+ 3 · A 11 · B 29 · C 15（另有 1 人暂扣，不参与排名）');
    const en = await yardstickAsIs(...RUN, '--lang', 'en');
    expect(en.stdout.split('\n')).toContain(
      'calibrated grades (forced distribution): A+ 3 · A 11 · B 29 · C 15 (1 held, not ranked)',
    );
  });

  it('Markdown: the column, with the payout still right-aligned', async () => {
    const r = await yardstickAsIs(...RUN, '--format', 'md');
    const lines = r.stdout.split('\n');
    const head = lines.findIndex((l) => l.startsWith('| 工号 |'));
    expect(lines[head]).toBe(
      '| 工号 | 姓名 | 团队 | 岗位 | 阶段 | 得分 | 等级 | 校准等级 | 档位 | 应发 | 状态 | 触发 |',
    );
    expect(lines[head + 1]).toBe('| --- | --- | --- | --- | --- | ---: | --- | --- | --- | ---: | --- | --- |');
    expect(lines).toContain('- 校准后等级分布（强制分布）：A+ 3 · A 11 · B 29 · C 15（另有 1 人暂扣，不参与排名）');
  });

  it('the workbook: the column in 结果 (empty for the held), the calibrated counts in 汇总', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'yardstick-calibrated-')), 'r.xlsx');
    expect((await yardstickAsIs(...RUN, '--format', 'xlsx', '--out', out)).code).toBe(0);
    const bytes = readFileSync(out);
    const [results, summary] = await readXlsxFile(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
    expect(results!.data[0]!.slice(6, 10)).toEqual(['得分', '等级', '校准等级', '档位']);
    const row = (id: string) => results!.data.find((r) => r[0] === id)!.slice(6, 10);
    expect(row('LS0031')).toEqual([100.02, 'A+', 'A', '金牌']);
    expect(row('LS0006')).toEqual([65.84, 'B', null, '铜牌']);
    const at = summary!.data.findIndex((r) => r[0] === '校准等级');
    expect(summary!.data.slice(at, at + 5).map((r) => r.slice(0, 2))).toEqual([
      ['校准等级', '人数'],
      ['A+', 3],
      ['A', 11],
      ['B', 29],
      ['C', 15],
    ]);
  });

  it('a policy without calibration keeps its columns as they were', async () => {
    const r = await yardstickAsIs(
      'run',
      'policies/short-video-team.yaml',
      '--data',
      'examples/sample-2026-10.csv',
      '--exclude-invalid',
      '--format',
      'csv',
    );
    expect(r.stdout.split('\r\n')[0]).toBe(
      '\uFEFF工号,姓名,团队,岗位,阶段,基础得分,得分,等级,档位,应发,状态,暂扣原因,触发',
    );
    const table = await yardstickAsIs(
      'run',
      'policies/short-video-team.yaml',
      '--data',
      'examples/sample-2026-10.csv',
      '--exclude-invalid',
    );
    expect(table.stdout).not.toContain('校准');
  });
});

describe('a file of two months: the held are counted as the rest of the summary counts them', () => {
  // E1 (95) is held in 2026-10 (刷量标记 1) and ranked in 2026-11; E2 (80, B) both months. 2026-10:
  // a cohort of 1 (E2 only): A max 50 % of 1 = 0.5 → nobody, E2 stays B. 2026-11: a cohort of 2, A max
  // 1 person: E1 keeps A. Calibrated: A 1 · B 2 · C 0, and one person-month held, said as 人次 as
  // the payout line beside it says it (it said 「另有 1 人暂扣」 under 「… 1 人次」)
  const policy = `policy: two-months
title: 两个月
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
  flagged: { label: 刷量标记, unit: count, default: 0 }
stages:
  s: { title: 常规 }
roles:
  staff: { title: 员工, pay_base: 1000, indicators: { r: { metric: rating, scoring: rating, weight: 100 } } }
holds:
  fake:
    title: 疑似刷量
    when: { all: [ { fact: flagged, operator: greaterThan, value: 0 } ] }
    reason: 请核实数据
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 70 }
  - { grade: C, min: 0 }
calibration:
  within: team
  quotas:
    A: { max: 0.5 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;
  const csv = `工号,姓名,岗位,团队,阶段,月份,评分,刷量标记
E1,甲,员工,一组,常规,2026-10,95,1
E2,乙,员工,一组,常规,2026-10,80,0
E1,甲,员工,一组,常规,2026-11,95,0
E2,乙,员工,一组,常规,2026-11,80,0
`;

  it('「另有 1 人次暂扣」 beside 「1 人次」', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-calibrated-months-'));
    writeFileSync(join(dir, 'p.yaml'), policy);
    writeFileSync(join(dir, 'm.csv'), csv);
    const r = await yardstickAsIs('run', join(dir, 'p.yaml'), '--data', join(dir, 'm.csv'));
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('校准后等级分布（强制分布）：A 1 · B 2 · C 0（另有 1 人次暂扣，不参与排名）');
    // the payout line: 950 + 800 + 950 + 800 = ¥3,500.00, E1's October ¥950.00 held
    expect(lines).toContain('应发合计：¥3,500.00（可发 ¥2,550.00，暂扣 ¥950.00，1 人次）');
  });
});
