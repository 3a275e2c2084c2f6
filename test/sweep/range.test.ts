// `--set PATH=FROM..TO/STEP` read one way or refused: the values are counted in the decimals the
// range writes (never by dividing binary fractions), a step that does not land on TO is refused
// rather than silently stopping short of it, and a number compared with a ratio — a tier band's
// `min`, a condition's `value`, an indicator's goal — written as percent points is refused.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadPolicy, parseSweep, type SweepSpec } from '../../engine/index.js';
import { moneyPolicy } from '../money/month.js';

function sweepOf(file: string, set: string, text = readFileSync(file, 'utf8')) {
  const loaded = loadPolicy(text, file);
  if (!loaded.ok) throw new Error(file);
  return parseSweep(set, text, loaded.policy);
}

const values = (s: ReturnType<typeof sweepOf>) => (s as SweepSpec).values;
const message = (s: ReturnType<typeof sweepOf>) => {
  if (!('code' in s)) throw new Error(`not refused: ${JSON.stringify(s.values)}`);
  return formatDiagnostic(s, 'en').split('\n');
};

const POOL = 'test/money/fixtures/pool-policy.yaml';
const LIVESTREAM = 'policies/livestream-team.yaml';
const SHORT_VIDEO = 'policies/short-video-team.yaml';

describe('the values of a range', () => {
  it('reaches TO when the step divides the range, however large the numbers', () => {
    // 100,000,000 + 0.1 k for k = 0..3: four values. Divided in binary,
    // (100,000,000.3 − 100,000,000) / 0.1 = 2.99999997…, which gave three and left TO out
    expect(values(sweepOf(POOL, 'pools.team.fund.fixed=100000000..100000000.3/0.1'))).toEqual([
      100_000_000, 100_000_000.1, 100_000_000.2, 100_000_000.3,
    ]);
    // the budget's own limit, by the fen: 99,999,999,999.97 .. 100,000,000,000 is four values
    expect(values(sweepOf(POOL, 'budget.total=99999999999.97..100000000000/0.01'))).toEqual([
      99_999_999_999.97, 99_999_999_999.98, 99_999_999_999.99, 100_000_000_000,
    ]);
  });

  it('counts percentages in the decimals they write: 35%..50%/1% is 16 values from 0.35 to 0.5', () => {
    const v = values(sweepOf(SHORT_VIDEO, 'roles.director.indicators.completion.target=35%..50%/1%'));
    expect(v).toHaveLength(16);
    expect(v[0]).toBe(0.35);
    expect(v[7]).toBe(0.42);
    expect(v[15]).toBe(0.5);
  });

  it('refuses a step that does not land on TO, naming where it stops and the two ranges that would', () => {
    // 0.35, 0.37, 0.39 — 0.41 is past 0.40: the sweep printed three rows and never the current 0.40
    expect(message(sweepOf(SHORT_VIDEO, 'roles.director.indicators.completion.target=0.35..0.40/0.02'))).toEqual([
      'error[cli_sweep_range]: `--set roles.director.indicators.completion.target=0.35..0.40/0.02`: steps of 0.02 from 0.35 do not land on 0.40 (the last would be 0.39)',
      '  help: end the range on a step, e.g. `0.35..0.39/0.02` or `0.35..0.41/0.02`',
    ]);
    // in percent: 35 %, 38 %, 41 %, 44 %, 47 %, then 50 % is past 48 %
    expect(message(sweepOf(SHORT_VIDEO, 'roles.director.indicators.completion.target=35%..48%/3%'))).toEqual([
      'error[cli_sweep_range]: `--set roles.director.indicators.completion.target=35%..48%/3%`: steps of 3% from 35% do not land on 48% (the last would be 47%)',
      '  help: end the range on a step, e.g. `35%..47%/3%` or `35%..50%/3%`',
    ]);
  });

  it('refuses a step of 0, a range backwards and a range of more than 501 values', () => {
    expect(message(sweepOf(POOL, 'pools.team.fund.fixed=1000..1000/0'))[0]).toBe(
      'error[cli_sweep_range]: `--set pools.team.fund.fixed=1000..1000/0`: the step must be above 0 and FROM at most TO',
    );
    expect(message(sweepOf(POOL, 'pools.team.fund.fixed=2000..1000/100'))[0]).toBe(
      'error[cli_sweep_range]: `--set pools.team.fund.fixed=2000..1000/100`: the step must be above 0 and FROM at most TO',
    );
    // 0 .. 100,000,000,000 by the fen: 10,000,000,000,001 values
    expect(message(sweepOf(POOL, 'pools.team.fund.fixed=0..100000000000/0.01'))[0]).toBe(
      'error[cli_sweep_range]: `--set pools.team.fund.fixed=0..100000000000/0.01` gives 10000000000001 values, more than 501',
    );
    // one value is a range: FROM = TO with any step above 0
    expect(values(sweepOf(POOL, 'pools.team.fund.fixed=1000..1000/1'))).toEqual([1000]);
  });
});

describe('a ratio written as percent points', () => {
  it('is refused for a tier band on a ratio (GMV completion: gold from 110 would be 11,000%)', () => {
    // the sweep ran 110, 120 and 130 as 11,000 % to 13,000 %: nobody gold, ¥22,500 less, no word
    expect(message(sweepOf(LIVESTREAM, 'payout.tiers.bands.0.min=110..130/10'))[0]).toBe(
      'error[cli_sweep_ratio]: `payout.tiers.bands.0.min` is a ratio (now 1.1): 110 would be 11000%, which is ambiguous',
    );
    expect(values(sweepOf(LIVESTREAM, 'payout.tiers.bands.0.min=110%..130%/10%'))).toEqual([1.1, 1.2, 1.3]);
    // as fractions within 0 to 1 (bronze from 70 % to 80 %)
    expect(values(sweepOf(LIVESTREAM, 'payout.tiers.bands.2.min=0.7..0.8/0.05'))).toEqual([0.7, 0.75, 0.8]);
  });

  it("is refused for a condition's value compared with a ratio (点赞率 below 1 … 5)", () => {
    expect(message(sweepOf(SHORT_VIDEO, 'holds.suspected_fake_traffic.when.all.1.value=1..5/1'))[0]).toBe(
      'error[cli_sweep_ratio]: `holds.suspected_fake_traffic.when.all.1.value` is a ratio (now 0.005): 2 would be 200%, which is ambiguous',
    );
    // the count beside it is no ratio: 100,000 plays and up
    expect(values(sweepOf(SHORT_VIDEO, 'holds.suspected_fake_traffic.when.all.0.value=100000..300000/100000'))).toEqual(
      [100_000, 200_000, 300_000],
    );
  });

  it("is refused for a pool's share_of rate: 1..3/1 ran 100 % of GMV into the pool, then stopped at 2", () => {
    const text = moneyPolicy(
      'pools:\n  p:\n    title: 奖金池\n    per: team\n    fund: { share_of: { metric: gmv, rate: 0.02 } }\n    weight: score',
    );
    expect(message(sweepOf('policy.yaml', 'pools.p.fund.share_of.rate=1..3/1', text))[0]).toBe(
      'error[cli_sweep_ratio]: `pools.p.fund.share_of.rate` is a ratio (now 0.02): 2 would be 200%, which is ambiguous',
    );
    expect(values(sweepOf('policy.yaml', 'pools.p.fund.share_of.rate=1%..3%/1%', text))).toEqual([0.01, 0.02, 0.03]);
  });
});

describe('a percentage of something that is not a ratio', () => {
  it("is refused for a pool's amount: 10%..20%/5% swept a pool of ¥0.10 to ¥0.20", () => {
    // `10%` of a yuan amount could be 0.1 (yuan) or 10 (yuan, "ten per cent" typed for 10)
    expect(message(sweepOf(POOL, 'pools.team.fund.fixed=10%..20%/5%'))).toEqual([
      'error[cli_sweep_ratio]: `pools.team.fund.fixed` is not a ratio (now 1000): `10%` could mean 0.1 or 10, which is ambiguous',
      '  help: write the range in the unit the policy writes the number in, without `%` (`10..20/5`)',
    ]);
  });

  it("is refused for a grade's points and the budget: 80%..90%/5% would have been 0.8 to 0.9 points", () => {
    expect(message(sweepOf(LIVESTREAM, 'grades.0.min=80%..90%/5%'))[0]).toBe(
      'error[cli_sweep_ratio]: `grades.0.min` is not a ratio (now 100): `80%` could mean 0.8 or 80, which is ambiguous',
    );
    expect(message(sweepOf(POOL, 'budget.total=1.5%..2.5%/0.5%'))[1]).toBe(
      '  help: write the range in the unit the policy writes the number in, without `%` (`1.5..2.5/0.5`)',
    );
  });

  it('is still read for a ratio: a completion target of 35%..37%/1%', () => {
    expect(values(sweepOf(SHORT_VIDEO, 'roles.director.indicators.completion.target=35%..37%/1%'))).toEqual([
      0.35, 0.36, 0.37,
    ]);
  });
});

// a number shared through a YAML anchor is every use of it: sweeping 运营经理's follower-growth
// threshold `&low 0.05` also moved the viral threshold written `*low`, and the table showed the two
// changes as one number's (16 pay changes at 0.03, the viral ones among them)
describe('a number shared through a YAML anchor', () => {
  const text = readFileSync(SHORT_VIDEO, 'utf8')
    .replace(/(follower_growth:\n\s+metric: follower_growth_rate\n\s+)threshold: 0\.05/, '$1threshold: &low 0.05')
    .replace(/(viral:\n\s+metric: viral_rate\n\s+)threshold: 0\.05/, '$1threshold: *low');
  const refusal = (path: string) => [
    `error[cli_sweep_path]: \`${path}\` is shared through the YAML anchor \`&low\`, which the policy uses 2 times: setting it here would change every use`,
    '  help: write the number out where it is to be swept (in place of `*low`), so that only that use changes',
  ];

  it('is refused at the anchor and at the alias', () => {
    expect(text).toContain('threshold: &low 0.05');
    expect(text).toContain('threshold: *low');
    const at = 'roles.ops_manager.indicators.follower_growth.threshold';
    expect(message(sweepOf(SHORT_VIDEO, `${at}=0.03..0.05/0.01`, text))).toEqual(refusal(at));
    const alias = 'roles.ops_manager.indicators.viral.threshold';
    expect(message(sweepOf(SHORT_VIDEO, `${alias}=0.03..0.05/0.01`, text))).toEqual(refusal(alias));
  });

  it('is refused inside an anchored mapping another place repeats, and a number outside it is swept', () => {
    // 运营经理's indicators anchored `&ind`, and a 运营主管 role whose indicators are `*ind`
    const anchored = readFileSync(SHORT_VIDEO, 'utf8').replace(
      '  ops_manager:\n    title: 运营经理\n    pay_base: 6000\n    indicators:\n',
      '  ops_manager:\n    title: 运营经理\n    pay_base: 6000\n    indicators: &ind\n',
    );
    const repeated = anchored.replace(
      '\n  director:\n',
      '\n  ops_lead:\n    title: 运营主管\n    pay_base: 7000\n    indicators: *ind\n  director:\n',
    );
    expect(repeated).toContain('indicators: *ind');
    const path = 'roles.ops_manager.indicators.viral.target';
    expect(message(sweepOf(SHORT_VIDEO, `${path}=0.08..0.10/0.01`, repeated))[0]).toBe(
      `error[cli_sweep_path]: \`${path}\` is shared through the YAML anchor \`&ind\`, which the policy uses 2 times: setting it here would change every use`,
    );
    // an anchor no alias repeats changes nothing else
    expect(values(sweepOf(SHORT_VIDEO, `${path}=0.08..0.10/0.01`, anchored))).toEqual([0.08, 0.09, 0.1]);
    // nor does a number outside the shared mapping
    expect(values(sweepOf(SHORT_VIDEO, 'roles.ops_manager.pay_base=5000..6000/500', repeated))).toEqual([
      5000, 5500, 6000,
    ]);
  });

  it('an anchor name written twice names two numbers: the alias is the later one’s, and the first is swept', () => {
    // rating's `&r 100` is used once; gmv's `&r 5000000` (the same name, later) is what `*r` repeats
    const twice = readFileSync(POOL, 'utf8')
      .replace(
        'rating: { label: 上级评分, unit: score, range: [0, 100] }',
        'rating: { label: 上级评分, unit: score, range: [0, &r 100] }',
      )
      .replace(
        'gmv: { label: GMV, unit: money, default: 0 }',
        'gmv: { label: GMV, unit: money, default: 0, range: [0, &r 5000000] }\n  gmv2: { label: GMV2, unit: money, default: 0, range: [0, *r] }',
      );
    expect(twice).toContain('range: [0, *r]');
    expect(values(sweepOf(POOL, 'metrics.rating.range.1=90..100/10', twice))).toEqual([90, 100]);
    expect(message(sweepOf(POOL, 'metrics.gmv.range.1=4000000..5000000/1000000', twice))[0]).toBe(
      'error[cli_sweep_path]: `metrics.gmv.range.1` is shared through the YAML anchor `&r`, which the policy uses 2 times: setting it here would change every use',
    );
  });
});
