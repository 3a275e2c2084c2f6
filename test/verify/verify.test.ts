// `verifyPolicy`: hand-built policies with one known flaw each are caught, with a counterexample
// that the engine, evaluating it again here, confirms; the bundled policies verify clean.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateRecordSync, verifyPolicyText, casesToYaml, type Verdict } from '../../engine/index.js';
import { localise } from '../../engine/model/diagnostic.js';
import { policy, compiledPolicy, positionOf, when } from '../builders.js';

function verify(text: string) {
  const r = verifyPolicyText(text, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r;
}

const failing = (verdicts: Verdict[]) => verdicts.filter((v) => v.holds === false);

/** A counterexample case evaluated by the engine: its score, grade, tier, payout in yuan, holds. */
function evaluateCase(text: string, c: { record: Parameters<typeof evaluateRecordSync>[1]; history?: string[] }) {
  const e = evaluateRecordSync(compiledPolicy(text, 'p.yaml'), c.record, {
    history: { grades: () => c.history ?? [] },
  });
  if (!e.ok) throw new Error('the counterexample does not evaluate');
  const card = e.scorecard;
  return {
    score: card.score,
    grade: card.grade,
    tier: card.payout.tier?.id ?? null,
    payout: card.payout.totalFen / 100,
    holds: card.holds.map((h) => h.id),
    triggers: card.triggers.map((t) => t.id),
  };
}

describe('monotonicity', () => {
  it('catches a steps table that pays less for more videos, with the two employees', () => {
    // 20–29 videos score 100 points, 30 or more only 70: the 30th video lowers the score
    const text = policy()
      .metric('videos', { label: '视频数', unit: 'count' })
      .indicator('staff', 'rating', {
        metric: 'videos',
        scoring: 'steps',
        steps: [
          { min: 30, points: 70 },
          { min: 20, points: 100 },
          { min: 0, points: 0 },
        ],
        weight: 100,
      })
      .yaml();
    const { report } = verify(text);
    const [v] = failing(report.verdicts);
    expect(failing(report.verdicts)).toHaveLength(1);
    expect(v!.property).toBe('monotone');
    expect(v!.basis).toBe('searched');
    expect(v!.diagnostic!.message).toBe(
      'the score of 员工 (常规) falls from 100 to 70 when `视频数` improves from 29 to 30',
    );
    expect(v!.diagnostic!.span).toMatchObject(positionOf(text, ['roles', 'staff', 'indicators', 'rating']));
    // the engine, run again on the counterexample: 29 videos → 100 points, 30 → 70
    const [a, b] = v!.counterexample!.map((c) => evaluateCase(text, c));
    expect([a!.score, b!.score]).toEqual([100, 70]);
    expect(v!.confirmed).toBe(true);
    // the second case asks for at least the first one's score, and fails today
    expect(v!.counterexample![1]!.expect).toEqual({ score: 100 });
  });

  it('catches a payout formula that takes pay away above 90 points', () => {
    // 1000 × s / 100 − max(s − 90, 0) × 50: at 80 points ¥800, at 99.9 points 999 − 9.9 × 50 = ¥504
    const text = policy().payout({ performance_pay: 'pay_base * score / 100 - max(score - 90, 0) * 50' }).yaml();
    const { report } = verify(text);
    const [v] = failing(report.verdicts);
    expect(v!.diagnostic!.message).toBe(
      'the pay of 员工 (常规) falls from ¥800.00 to ¥504.00 when `评分` improves from 80 to 99.9',
    );
    const [a, b] = v!.counterexample!.map((c) => evaluateCase(text, c));
    expect([a!.payout, b!.payout]).toEqual([800, 504]);
    expect(v!.confirmed).toBe(true);
  });

  it('catches a tier band that pays less than no tier, at the band start between two of the policy numbers', () => {
    // rating 0–100 scored as itself, pay 1000 × score / 100; bronze from attainment 0.8 pays × 0.9.
    // 79.99 points: ¥799.90, no tier. 80 points: ¥800.00 − 800 × 0.1 = ¥720.00. The policy's own
    // numbers (0, 100) never stop at 80, so the sweep has to stop at the band's start, and one score
    // step (0.01) below it.
    const text = policy().tier({ tier: 'bronze', min: 0.8, multiplier: 0.9 }).yaml();
    const { report } = verify(text);
    const v = failing(report.verdicts).find((x) => x.property === 'monotone');
    expect(v?.diagnostic?.message).toBe(
      'the pay of 员工 (常规) falls from ¥799.90 to ¥720.00 when `评分` improves from 79.99 to 80',
    );
    const [a, b] = v!.counterexample!.map((c) => evaluateCase(text, c));
    expect([a!.payout, b!.payout]).toEqual([799.9, 720]);
    expect([a!.tier, b!.tier]).toEqual([null, 'bronze']);
    expect(v!.confirmed).toBe(true);
  });

  it('catches the same fall under a declared monotone property', () => {
    const text = policy()
      .tier({ tier: 'bronze', min: 0.8, multiplier: 0.9 })
      .set('properties', { more_pay: { title: '评分越高应发不减', monotone: { metric: 'rating' } } })
      .yaml();
    const { report } = verify(text);
    const v = failing(report.verdicts).find((x) => x.property === 'properties.more_pay');
    expect(v?.diagnostic?.message).toBe(
      'property `more_pay` (评分越高应发不减) does not hold: the pay falls from ¥799.90 to ¥720.00 when `rating` goes from 79.99 to 80',
    );
    expect(v!.confirmed).toBe(true);
  });

  it('never builds an employee with a negative count or a ratio above 100 %, which no export holds', () => {
    // `videos < 0` and `rate > 1` (a ratio without a range) cannot hold for any record the data
    // layer accepts (data_negative_count, data_out_of_range): on main verify showed them firing
    // for videos = -1 and rate = 1.001 ("holds · example")
    const text = policy()
      .metric('videos', { label: '视频数', unit: 'count' })
      .metric('rate', { label: '完播率', unit: 'ratio' })
      .adjustment('minus', { title: '负数视频', when: when('videos', 'lessThan', 0), points: -5 })
      .adjustment('over', { title: '超过百分百', when: when('rate', 'greaterThan', 1), points: 5 })
      .adjustment('some', { title: '有视频', when: when('videos', 'greaterThan', 0), points: 1 })
      .yaml();
    const { report } = verify(text);
    const dead = failing(report.verdicts).map((v) => [v.property, v.subject.join('.'), v.basis]);
    expect(dead).toEqual([
      ['live_rule', 'adjustments.minus.when', 'proved'],
      ['live_rule', 'adjustments.over.when', 'proved'],
    ]);
    // `videos > 0` still fires for someone
    const live = report.verdicts.find((v) => v.subject.join('.') === 'adjustments.some.when');
    expect(live).toMatchObject({ holds: true, basis: 'example' });
  });

  it('proves a linear indicator and a pay formula increasing, without evaluating anyone', () => {
    const { report } = verify(policy().yaml());
    const v = report.verdicts.find((x) => x.property === 'monotone')!;
    expect(v).toMatchObject({ holds: true, basis: 'proved', cases: 0 });
  });
});

describe('reachability and dead rules', () => {
  it('proves a grade above the highest possible score unreachable; the best employee is the counterexample', () => {
    // a rating of at most 100 scores at most 100 points: S from 110 cannot be reached
    const text = policy()
      .grades([
        { grade: 'S', min: 110 },
        { grade: 'A', min: 80 },
        { grade: 'B', min: 0 },
      ])
      .trigger('star', { title: '明星员工', when: when('grade', 'equal', 'S'), action: { type: 'notify' } })
      .yaml();
    const { report } = verify(text);
    const grade = report.verdicts.find((v) => v.subject.join('.') === 'grades.0')!;
    expect(grade).toMatchObject({ holds: false, basis: 'proved', confirmed: true });
    expect(grade.diagnostic!.message).toBe(
      'grade `S` can never be reached: the highest score any employee can get is 100',
    );
    expect(evaluateCase(text, grade.counterexample![0]!)).toMatchObject({ score: 100, grade: 'A' });
    // the trigger on grade S can never fire either: proved from the grades that can be reached
    const star = report.verdicts.find((v) => v.subject.join('.') === 'triggers.star.when')!;
    expect(star.diagnostic!.message).toBe(
      'trigger `star` can never fire: its comparisons contradict each other or the values the facts can take',
    );
    expect(star.counterexample![0]!.expect).toEqual({ triggers: ['star'] });
    expect(evaluateCase(text, star.counterexample![0]!).triggers).toEqual([]);
  });

  it('proves an adjustment dead when its comparisons contradict each other, and a veto shadowed by a stricter one', () => {
    const text = policy()
      .adjustment('odd', {
        title: '矛盾',
        when: {
          all: [
            { fact: 'rating', operator: 'greaterThan', value: 90 },
            { fact: 'rating', operator: 'lessThan', value: 50 },
          ],
        },
        points: 5,
      })
      .metric('violations', { label: '违规次数', unit: 'count', default: 0 })
      .adjustment('veto', { title: '违规', when: when('violations', 'greaterThan', 0), score_cap: 60 })
      .adjustment('soft_veto', {
        title: '违规且低分',
        when: {
          all: [
            { fact: 'violations', operator: 'greaterThan', value: 0 },
            { fact: 'rating', operator: 'lessThan', value: 70 },
          ],
        },
        score_cap: 65,
      })
      .yaml();
    const { report } = verify(text);
    const messages = failing(report.verdicts).map((v) => v.diagnostic!.message);
    expect(messages).toEqual([
      'adjustment `odd` can never fire: its comparisons contradict each other or the values the facts can take',
      'adjustment `soft_veto` never changes a result: `veto` fires whenever it does and caps at least as hard',
    ]);
    // the typical employee (rating 80 → 80 points) would score 85 if `odd` fired; the engine gives 80
    const odd = failing(report.verdicts)[0]!;
    expect(odd.counterexample![0]!.expect).toEqual({ score: 85 });
    expect(evaluateCase(text, odd.counterexample![0]!).score).toBe(80);
  });
});

describe('declared properties', () => {
  const tiered = () =>
    policy()
      .tier({ tier: 'gold', min: 0.9, multiplier: 1.2, award: 100 })
      .set('holds', { suspicious: { title: '可疑', when: when('rating', 'greaterThan', 95) } });

  it('measures the cliff at a tier band by bisection and shows the two employees either side', () => {
    // 89.99 points pay ¥899.90; 90 points pay 900 × 1.2 + 100 = ¥1,180.00: a jump of ¥280.10
    const text = tiered()
      .set('properties', { gold_cliff: { title: '金牌分界跳变不超过 150 元', cliff: { tier: 'gold', max: 150 } } })
      .yaml();
    const { report } = verify(text);
    const v = report.verdicts.find((x) => x.property === 'properties.gold_cliff')!;
    expect(v.diagnostic!.message).toBe(
      'property `gold_cliff` (金牌分界跳变不超过 150 元) does not hold: pay jumps by ¥280.10 (from ¥899.90 to ¥1,180.00) at the lower bound of tier gold, more than ¥150.00',
    );
    const [a, b] = v.counterexample!.map((c) => evaluateCase(text, c));
    expect([a!.score, a!.payout, b!.score, b!.payout]).toEqual([89.99, 899.9, 90, 1180]);
    expect(v.confirmed).toBe(true);
  });

  it('names the two counterexample cases of a cliff in words, in English and Chinese', () => {
    // they said "verify: just below at the lower bound of tier gold" and "verify: at at the lower bound …"
    const text = tiered()
      .set('properties', { gold_cliff: { title: '金牌分界跳变不超过 150 元', cliff: { tier: 'gold', max: 150 } } })
      .yaml();
    const v = verify(text).report.verdicts.find((x) => x.property === 'properties.gold_cliff')!;
    const names = (lang: 'en' | 'zh') =>
      casesToYaml(v.counterexample!, lang)
        .split('\n')
        .filter((l) => l.startsWith('  - name: '));
    expect(names('en')).toEqual([
      '  - name: "verify: just below the lower bound of tier gold"',
      '  - name: "verify: at the lower bound of tier gold pay moves by at most ¥150.00"',
    ]);
    expect(names('zh')).toEqual([
      '  - name: "verify：刚好低于档位 gold 的下限"',
      '  - name: "verify：在档位 gold 的下限处应发变动不超过 ¥150.00"',
    ]);
  });

  it('a cliff within its limit holds', () => {
    const text = tiered()
      .set('properties', { gold_cliff: { title: '金牌分界跳变不超过 300 元', cliff: { tier: 'gold', max: 300 } } })
      .yaml();
    const v = verify(text).report.verdicts.find((x) => x.property === 'properties.gold_cliff')!;
    expect(v.holds).toBe(true);
  });

  it('finds someone on hold who is paid a tier award', () => {
    const text = tiered()
      .set('properties', {
        no_award_on_hold: {
          title: '暂扣的人不发档位奖',
          where: when('held', 'equal', true),
          always: when('tier_award', 'equal', 0),
        },
      })
      .yaml();
    const v = verify(text).report.verdicts.find((x) => x.property === 'properties.no_award_on_hold')!;
    expect(v.holds).toBe(false);
    const c = evaluateCase(text, v.counterexample![0]!);
    // above 95 points: held, and gold (≥ 90) with its ¥100 award
    expect(c.holds).toEqual(['suspicious']);
    expect(c.tier).toBe('gold');
    expect(v.confirmed).toBe(true);
  });

  it('proves a declared monotone property, and refuses one naming an unknown metric before verifying', () => {
    const up = { title: '评分越高应发越多', monotone: { metric: 'rating' } };
    const { report } = verify(policy().set('properties', { up }).yaml());
    expect(report.verdicts.find((x) => x.property === 'properties.up')).toMatchObject({ holds: true, basis: 'proved' });
    // the policy does not validate (test/verify/property-names.test.ts), so verify says so
    const typo = { title: '拼错', monotone: { metric: 'ratng' } };
    const r = verifyPolicyText(policy().set('properties', { up, typo }).yaml(), 'p.yaml');
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['policy_unknown_metric', 'unknown metric `ratng` in property `typo`'],
    ]);
  });

  it('prints a counterexample as cases a policy test file reads', () => {
    const text = policy().payout({ performance_pay: 'pay_base * score / 100 - max(score - 90, 0) * 50' }).yaml();
    const v = failing(verify(text).report.verdicts)[0]!;
    const cases = parse(`cases:\n${casesToYaml(v.counterexample!)}`).cases;
    expect(cases[1]).toEqual({
      name: 'verify: rating = 99.9 gets no less than rating = 80',
      record: { employee_id: 'V2', role: 'staff', stage: 'only', metrics: { rating: 99.9 } },
      expect: { payout: 800 },
    });
  });
});

describe('the bundled policies', () => {
  for (const name of ['short-video-team', 'livestream-team', 'content-three-dimension']) {
    it(`${name} verifies clean`, () => {
      const file = `policies/${name}.yaml`;
      const r = verifyPolicyText(readFileSync(file, 'utf8'), file);
      if (!r.ok) throw new Error('does not load');
      expect(r.report.diagnostics.map((d) => d.message)).toEqual([]);
      expect(r.report.proved).toBeGreaterThan(0);
    });
  }
});

describe("the bundled policies' declared properties", () => {
  const report = (name: string, tighten: (text: string) => string = (t) => t) => {
    const file = `policies/${name}.yaml`;
    const r = verifyPolicyText(tighten(readFileSync(file, 'utf8')), file);
    if (!r.ok) throw new Error('does not load');
    return r.report.verdicts.filter((v) => v.property.startsWith('properties.'));
  };
  const summary = (vs: Verdict[]) => vs.map((v) => [v.property, v.holds, v.basis]);

  it('livestream: GMV never pays less (proved); the silver and gold bands jump by their ¥1,500 alone; no GMV without orders is paid unchecked', () => {
    expect(summary(report('livestream-team'))).toEqual([
      ['properties.gmv_monotone', true, 'proved'],
      ['properties.silver_cliff', true, 'searched'],
      ['properties.gold_cliff', true, 'searched'],
      ['properties.held_without_orders', true, 'searched'],
    ]);
    // one yuan tighter and each band fails by its award: silver ¥1,500 − 0, gold ¥3,000 − ¥1,500 (both pay 120 %)
    const tight = report('livestream-team', (t) => t.replaceAll('max: 1500 }', 'max: 1499 }'));
    expect(tight.filter((v) => v.holds === false).map((v) => [v.property, v.confirmed])).toEqual([
      ['properties.silver_cliff', true],
      ['properties.gold_cliff', true],
    ]);
    for (const v of tight.filter((x) => x.holds === false))
      expect(v.diagnostic!.message).toMatch(
        / jumps by ¥1,500\.00 \(from .*\) at the lower bound of tier (silver|gold), more than ¥1,499\.00$/,
      );
  });

  it("short-video: the viral award never lowers pay; 运营经理's bronze and silver jumps are ¥960.60 and ¥1,000.72; a violation always ends at C", () => {
    expect(summary(report('short-video-team'))).toEqual([
      ['properties.viral_monotone', true, 'proved'],
      ['properties.ops_bronze_cliff', true, 'searched'],
      ['properties.ops_silver_cliff', true, 'searched'],
      ['properties.veto_wins', true, 'searched'],
    ]);
    const tight = report('short-video-team', (t) =>
      t.replace('max: 961', 'max: 960').replace('max: 1001', 'max: 1000'),
    );
    // bronze at 80 points, base ¥6,000: ¥6,000 × 0.7999 = ¥4,799.40 below, ¥6,000 × 0.80 × 1.2 = ¥5,760.00 at the band
    // silver at 90: ¥6,000 × 0.8999 × 1.2 = ¥6,479.28 below, ¥6,000 × 0.90 × 1.2 + ¥1,000 = ¥7,480.00 at the band
    expect(
      tight.filter((v) => v.holds === false).map((v) => v.diagnostic!.message.replace(/^.*does not hold: /, '')),
    ).toEqual([
      'pay jumps by ¥960.60 (from ¥4,799.40 to ¥5,760.00) at the lower bound of tier bronze, more than ¥960.00',
      'pay jumps by ¥1,000.72 (from ¥6,479.28 to ¥7,480.00) at the lower bound of tier silver, more than ¥1,000.00',
    ]);
  });

  it('content: more trending campaigns never pay less, the +5 points pay at most ¥250; plagiarism always ends at C', () => {
    expect(summary(report('content-three-dimension'))).toEqual([
      ['properties.trending_monotone', true, 'proved'],
      ['properties.trending_cliff', true, 'searched'],
      ['properties.veto_wins', true, 'searched'],
    ]);
    // 5 points of a ¥5,000 base: ¥5,000 × 5 / 100 = ¥250
    const tight = report('content-three-dimension', (t) => t.replace('max: 250', 'max: 249'));
    expect(tight.find((v) => v.holds === false)!.diagnostic!.message).toMatch(
      / jumps by ¥250\.00 .* more than ¥249\.00$/,
    );
  });
});

describe("the issue's three declared properties on the livestream policy", () => {
  const properties = (cliffMax: number) => `
properties:
  gmv_monotone:
    title: 成熟期主播 GMV 完成率越高应发不减
    where: { all: [ { fact: role, operator: equal, value: host }, { fact: stage, operator: equal, value: mature } ] }
    monotone: { metric: gmv_completion_rate }
  silver_cliff:
    title: 银牌分界处应发跳变不超过 ¥${cliffMax}
    where: { all: [ { fact: role, operator: equal, value: host } ] }
    cliff: { tier: silver, max: ${cliffMax} }
  no_award_on_hold:
    title: 暂扣的人不发档位奖
    where: { all: [ { fact: held, operator: equal, value: true } ] }
    always: { all: [ { fact: tier_award, operator: equal, value: 0 } ] }
`;
  // the policy without its own `properties:` (the last section), these in their place
  const text = (max: number) =>
    readFileSync('policies/livestream-team.yaml', 'utf8').split('\nproperties:')[0]! + properties(max);
  const verdict = (max: number, id: string) =>
    verify(text(max)).report.verdicts.find((v) => v.property === `properties.${id}`)!;

  it('proves pay non-decreasing in GMV completion for hosts in mature teams', () => {
    expect(verdict(1500, 'gmv_monotone')).toMatchObject({ holds: true, basis: 'proved' });
  });

  it('finds the silver cliff to be exactly the ¥1,500 silver award (the tier follows GMV completion, not the score)', () => {
    // bronze and silver both multiply by 1.2; silver adds ¥1,500: at the band the jump is the award
    expect(verdict(1500, 'silver_cliff')).toMatchObject({ holds: true, basis: 'searched' });
    const tight = verdict(1499, 'silver_cliff');
    expect(tight.diagnostic!.message).toMatch(
      /pay jumps by ¥1,500\.00 \(from .*\) at the lower bound of tier silver, more than ¥1,499\.00$/,
    );
    expect(tight.confirmed).toBe(true);
  });

  it('writes the limit as money, with thousands separators, in English and Chinese: ¥1,499.99, not ¥1499.99', () => {
    // the silver award is ¥1,500.00, a fen above the limit
    const tight = verdict(1499.99, 'silver_cliff');
    expect(tight.diagnostic!.message).toMatch(
      /pay jumps by ¥1,500\.00 \(from .*\) at the lower bound of tier silver, more than ¥1,499\.99$/,
    );
    expect(localise(tight.diagnostic!, 'zh').message).toMatch(
      /在档位 silver 的下限处应发跳变 ¥1,500\.00（由 .*），超过 ¥1,499\.99$/,
    );
  });

  it('shows that a hold keeps the tier award inside the held amount', () => {
    const v = verdict(1500, 'no_award_on_hold');
    expect(v.holds).toBe(false);
    const c = evaluateCase(text(1500), v.counterexample![0]!);
    expect(c.holds).toEqual(['gmv_without_orders']);
    expect(c.tier).not.toBeNull();
    expect(v.confirmed).toBe(true);
  });
});
