// An indicator weighted 0 in a stage does not count that stage (docs/policy-language.md), so its
// metric is not required of that stage's records when nothing else reads it: a startup team's export
// without a GMV column, or with an empty GMV cell, is scored; the stage where GMV counts still
// refuses both. A value given is shown and scored at weight 0; an absent one is an indicator with
// no actual value, 0 points and 0 weighted points. Computed by hand:
//
//   rating: scoring rating (points = the rating), weight startup 100, mature 60
//   gmv:    linear, threshold ¥60,000 → 60, target ¥100,000 → 100 (the slope goes on above, cap 120),
//           weight startup 0, mature 40
//   grades A ≥ 80, B ≥ 60, C; pay = ¥10,000 × score / 100
//
//   S1 startup rating 85, GMV 120,000: 85 × 100 % = 85; GMV 100 + 40 × 20,000 / 40,000 = 120 × 0 % = 0
//                                      → 85, A, ¥8,500.00
//   S2 startup rating 70, GMV empty:   70 × 100 % = 70; GMV not given, 0 × 0 % = 0 → 70, B, ¥7,000.00
//   M1 mature  rating 90, GMV 80,000:  90 × 60 % = 54; GMV 60 + 40 × 20,000 / 40,000 = 80 × 40 % = 32
//                                      → 86, A, ¥8,600.00
//   M2 mature  rating 90, GMV empty:   refused (GMV counts 40 % in mature)

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRecordSync, loadPolicy, readRecords, runPolicy, type CompiledPolicy } from '../../engine/index.js';
import { TWO_STAGE_GMV_POLICY as POLICY } from '../builders.js';
import { yardstick } from '../yardstick.js';

const HEAD = '工号,姓名,岗位,团队,阶段,月份,上级评分';
const load = (text = POLICY): CompiledPolicy => {
  const r = loadPolicy(text, 'policy.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.policy;
};

async function run(csv: string, policy = load()) {
  const read = readRecords(csv, 'csv', policy.contract, { file: 'm.csv' });
  const result = await runPolicy(policy, { records: read.records, excluded: read.excluded }, { lang: 'zh' });
  return { read, result };
}

const outcome = (r: Awaited<ReturnType<typeof run>>['result']) =>
  r.scorecards.map((c) => [c.employee_id, c.score, c.grade, c.payout.totalFen]);

describe('an indicator weighted 0 in a stage', () => {
  it('with the GMV column: an empty cell is scored in startup and refused in mature', async () => {
    const { read, result } = await run(
      [
        `${HEAD},GMV`,
        'S1,甲,主播,一组,初创期,2026-10,85,120000',
        'S2,乙,主播,一组,初创期,2026-10,70,',
        'M1,丙,主播,二组,成熟期,2026-10,90,80000',
        'M2,丁,主播,二组,成熟期,2026-10,90,',
        '',
      ].join('\n'),
    );
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(outcome(result)).toEqual([
      ['S1', 85, 'A', 850000],
      ['S2', 70, 'B', 700000],
      ['M1', 86, 'A', 860000],
    ]);
    // M2: row 5, column GMV (H), the empty cell
    expect(
      result.excluded.map((x) => [x.employee_id, x.reasons.map((d) => [d.code, d.cell?.row, d.cell?.column])]),
    ).toEqual([['M2', [['data_missing_metric', 5, 'GMV']]]]);
  });

  it('a value given is shown and scored at weight 0; an absent one has no actual value and 0 points', async () => {
    const { result } = await run(
      [`${HEAD},GMV`, 'S1,甲,主播,一组,初创期,2026-10,85,120000', 'S2,乙,主播,一组,初创期,2026-10,70,', ''].join('\n'),
    );
    const gmv = (id: string) => {
      const i = result.scorecards.find((c) => c.employee_id === id)!.indicators.find((x) => x.id === 'gmv')!;
      return JSON.parse(JSON.stringify(i)) as Record<string, unknown>;
    };
    expect(gmv('S1')).toMatchObject({ actual: 120000, points: 120, weight: 0, weighted_points: 0 });
    expect(gmv('S2')).toMatchObject({ points: 0, weight: 0, weighted_points: 0 });
    // the JSON holds no actual value for S2's GMV (not 0, not null)
    expect('actual' in gmv('S2')).toBe(false);
  });

  it('a startup month without the GMV column is scored; with a mature row it is refused for the column', async () => {
    const startup = [HEAD, 'S1,甲,主播,一组,初创期,2026-10,85', 'S2,乙,主播,一组,初创期,2026-10,70', ''];
    const { read, result } = await run(startup.join('\n'));
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(outcome(result)).toEqual([
      ['S1', 85, 'A', 850000],
      ['S2', 70, 'B', 700000],
    ]);
    const mixed = await run([...startup.slice(0, 3), 'M1,丙,主播,二组,成熟期,2026-10,90', ''].join('\n'));
    expect(mixed.read.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.message])).toEqual([
      ['data_missing_column', 'the file has no column for `GMV` (gmv), which 主播 need'],
    ]);
    expect(mixed.read.records).toEqual([]);
  });

  it('the engine refuses a mature record without GMV, and scores a startup one', () => {
    const policy = load();
    const record = (stage: string) => ({
      employee_id: 'X',
      name: '某',
      role: 'host',
      team: '一组',
      stage,
      period: '2026-10',
      metrics: { rating: 80 },
    });
    const startup = evaluateRecordSync(policy, record('startup'), { lang: 'en' });
    expect(startup.ok && [startup.scorecard.score, startup.scorecard.grade]).toEqual([80, 'A']);
    const mature = evaluateRecordSync(policy, record('mature'), { lang: 'en' });
    expect(!mature.ok && mature.reasons.map((d) => [d.code, d.message])).toEqual([
      ['eval_missing_metric', 'missing `GMV` (gmv) for role `主播`'],
    ]);
  });

  it('stays required in every stage when a rule reads it (a hold on GMV)', async () => {
    const held = `${POLICY}holds:\n  low_gmv:\n    title: GMV 核查\n    when: { all: [ { fact: gmv, operator: lessThan, value: 1000 } ] }\n`;
    const { result } = await run([`${HEAD},GMV`, 'S2,乙,主播,一组,初创期,2026-10,70,', ''].join('\n'), load(held));
    expect(result.excluded.map((x) => [x.employee_id, x.reasons.map((d) => d.code)])).toEqual([
      ['S2', ['data_missing_metric']],
    ]);
  });

  it('stays required when a rule reads the indicator by its path (indicator_points)', async () => {
    const capped = `${POLICY}adjustments:\n  gmv_zero:\n    title: GMV 零分\n    when: { all: [ { fact: indicator_points, params: { indicator: gmv }, operator: equal, value: 0 } ] }\n    grade_cap: B\n`;
    const { result } = await run([`${HEAD},GMV`, 'S2,乙,主播,一组,初创期,2026-10,70,', ''].join('\n'), load(capped));
    expect(result.excluded.map((x) => [x.employee_id, x.reasons.map((d) => d.code)])).toEqual([
      ['S2', ['data_missing_metric']],
    ]);
  });

  it('yardstick run of a startup month without the column, as JSON (the streamed read)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-zero-weight-'));
    writeFileSync(join(dir, 'p.yaml'), POLICY);
    writeFileSync(
      join(dir, 'm.csv'),
      [HEAD, 'S1,甲,主播,一组,初创期,2026-10,85', 'S2,乙,主播,一组,初创期,2026-10,70', ''].join('\n'),
    );
    const r = await yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, 'm.csv'), '--format', 'json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const cards = JSON.parse(r.stdout).scorecards as {
      employee_id: string;
      score: number;
      indicators: { id: string; points: number; weight: number; weighted_points: number; actual?: number }[];
    }[];
    expect(cards.map((c) => [c.employee_id, c.score])).toEqual([
      ['S1', 85],
      ['S2', 70],
    ]);
    expect(cards[0]!.indicators.find((i) => i.id === 'gmv')).toMatchObject({
      points: 0,
      weight: 0,
      weighted_points: 0,
    });
    expect('actual' in cards[0]!.indicators.find((i) => i.id === 'gmv')!).toBe(false);
  });
});

// An indicator with no actual value was explained as if the value were below the threshold
// (「GMV （无），低于门槛 ¥60,000.00 → 0 分 × 权重 0% = 0 分」): it says the value was not given and the
// indicator does not count this stage.
describe('the explanation of an indicator with no actual value', () => {
  it('says the value was not given and does not count this stage, not that it is below the threshold', async () => {
    const { result } = await run([`${HEAD},GMV`, 'S2,乙,主播,一组,初创期,2026-10,70,', ''].join('\n'));
    const line = result.scorecards[0]!.explanation.find((l) => l.trim().startsWith('GMV'))!;
    expect(line).toBe('  GMV （无），本阶段不计 → 0 分 × 权重 0% = 0 分');
    expect(result.scorecards[0]!.indicators.find((i) => i.id === 'gmv')!.reason).toBe('本阶段不计');
  });
});
