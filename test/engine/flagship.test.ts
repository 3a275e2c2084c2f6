// Hand-computed scorecards on the flagship policy, evaluated record by record. Every expected
// number is worked out in the comment beside it from policies/short-video-team.yaml.

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateRecord,
  loadPolicy,
  runPolicy,
  type CompiledPolicy,
  type EmployeeRecord,
  type HistorySource,
  type Scorecard,
} from '../../engine/index.js';

let policy: CompiledPolicy;
beforeAll(() => {
  const loaded = loadPolicy(readFileSync('policies/short-video-team.yaml', 'utf8'), 'short-video-team.yaml');
  if (!loaded.ok) throw new Error('flagship does not load');
  policy = loaded.policy;
});

const record = (
  over: Partial<EmployeeRecord> & Pick<EmployeeRecord, 'employee_id' | 'role' | 'stage' | 'metrics'>,
): EmployeeRecord => ({
  name: '测试员工',
  team: '短视频一组',
  period: '2026-10',
  ...over,
});

const history = (grades: Record<string, string[]>): HistorySource => ({ grades: (id) => grades[id] ?? [] });

async function card(r: EmployeeRecord, h?: HistorySource): Promise<Scorecard> {
  const e = await evaluateRecord(policy, r, { history: h });
  if (!e.ok) throw new Error(JSON.stringify(e.reasons));
  return e.scorecard;
}

/** Payout lines as [kind, fen]: the engine carries money as integer fen. */
const lines = (c: Scorecard) => c.payout.lines.map((l) => [l.kind, l.amountFen]);

describe('ops manager, startup stage, strong month', () => {
  const r = record({
    employee_id: 'T1',
    role: 'ops_manager',
    stage: 'startup',
    metrics: {
      follower_growth_rate: 0.2,
      viral_videos: 3,
      videos_published: 20, // viral_rate 3/20 = 0.15
      leads: 60,
      profile_visits: 2000, // lead_conversion_rate 60/2000 = 0.03
      plays: 500000,
      likes: 10000, // like_rate 0.02: no fake-traffic hold
      max_video_plays: 300000,
    },
  });

  it('scores each indicator with the startup weights', async () => {
    const c = await card(r);
    expect(c.indicators.map((i) => [i.id, i.points, i.weight, i.weighted_points])).toEqual([
      ['follower_growth', 110, 40, 44], // 100 + 20 × (0.20 − 0.15)/(0.25 − 0.15) = 110; × 40% = 44
      ['viral', 110, 35, 38.5], // 100 + 20 × (0.15 − 0.10)/(0.20 − 0.10) = 110; × 35% = 38.5
      ['conversion', 100, 25, 25], // exactly on target 0.03
    ]);
    expect(c.base_score).toBe(107.5); // 44 + 38.5 + 25
    expect(c.score).toBe(107.5);
    expect(c.grade).toBe('A+');
    expect(c.next_grade).toBeUndefined();
  });

  it('pays the silver tier: 120% of performance pay plus the tier award', async () => {
    const c = await card(r);
    expect(c.payout.tier).toEqual({ id: 'silver', title: '银牌', basis: 1.075 }); // 0.90 ≤ 1.075 < 1.10
    expect(lines(c)).toEqual([
      ['performance_pay', 645000], // ¥6,450 = 6000 × 107.5 / 100
      ['tier_multiplier', 129000], // ¥1,290 = 6450 × (1.2 − 1)
      ['tier_award', 100000], // ¥1,000
    ]);
    expect(c.payout.totalFen).toBe(874000); // ¥8,740
    expect(c.payout.status).toBe('payable');
  });

  it('a second A+ in a row makes a promotion candidate; the first does not', async () => {
    expect((await card(r)).triggers.map((t) => t.id)).toEqual([]);
    const c = await card(r, history({ T1: ['A+', 'B'] }));
    expect(c.triggers.map((t) => [t.id, t.action.type])).toEqual([['promotion_candidate', 'promotion_review']]);
    expect(c.triggers[0].conditions).toEqual([
      {
        fact: 'consecutive_grade',
        operator: 'greaterThanInclusive',
        value: 2,
        params: { grade: 'A+' },
        actual: 2,
        result: true,
      },
    ]);
  });
});

describe('director, mature stage, a violation and suspected fake traffic', () => {
  const r = record({
    employee_id: 'T2',
    role: 'director',
    stage: 'mature',
    metrics: {
      videos_published: 20, // steps: ≥ 16 → 60
      completion_rate: 0.33, // 60 + 40 × 0.03/0.10 = 72
      creative_adoption_rate: 0.25, // 60 + 40 × 0.05/0.30 = 66.666… → 66.67
      plays: 150000,
      likes: 500, // like_rate 0.00333… < 0.005 with plays > 100000: hold
      max_video_plays: 40000,
      violations: 1,
    },
  });

  it('the veto caps the score at 60 and the grade at C', async () => {
    const c = await card(r);
    expect(c.indicators.map((i) => [i.id, i.points, i.weighted_points])).toEqual([
      ['output', 60, 18], // × 30%
      ['completion', 72, 28.8], // × 40%
      ['adoption', 66.67, 20], // 66.67 × 30% = 20.001 → 20
    ]);
    expect(c.base_score).toBe(66.8);
    expect(c.adjustments.map((a) => [a.id, a.score_cap, a.grade_cap])).toEqual([['violation_veto', 60, 'C']]);
    expect(c.score).toBe(60);
    expect(c.grade).toBe('C');
    expect(c.next_grade).toBeUndefined();
  });

  it('pay is computed but held, with the reason', async () => {
    const c = await card(r);
    expect(lines(c)).toEqual([['performance_pay', 240000]]); // ¥2,400 = 4000 × 60 / 100, attainment 0.6: no tier
    expect(c.payout.status).toBe('held');
    expect(c.holds.map((h) => h.id)).toEqual(['suspected_fake_traffic']);
    expect(c.holds[0].conditions.map((x) => [x.fact, x.actual])).toEqual([
      ['plays', 150000],
      ['like_rate', 500 / 150000],
    ]);
  });

  it('C opens an improvement plan; C after C adds an exit review', async () => {
    expect((await card(r)).triggers.map((t) => t.id)).toEqual(['improvement_plan']);
    expect((await card(r, history({ T2: ['C'] }))).triggers.map((t) => t.id)).toEqual([
      'improvement_plan',
      'exit_review',
    ]);
  });
});

describe('on-camera talent with a viral video and a personal pay base', () => {
  const r = record({
    employee_id: 'T3',
    role: 'talent',
    stage: 'startup',
    pay_base: 5500,
    metrics: {
      performance_rating: 4.5, // 4.5 / 5 × 100 = 90; × 40% = 36
      cooperation_rating: 80, // 80; × 20% = 16
      fan_interaction_rate: 0.035, // 60 + 40 × 0.015/0.03 = 80; × 40% = 32
      plays: 3000000,
      likes: 90000,
      max_video_plays: 1500000, // ≥ 1,000,000: viral hit (+10 points, ¥2,000) and resource support
    },
  });

  it('adds the viral-hit points and says how far the next grade is', async () => {
    const c = await card(r);
    expect(c.base_score).toBe(84);
    expect(c.score).toBe(94);
    expect(c.grade).toBe('A');
    expect(c.next_grade).toEqual({ grade: 'A+', points_needed: 6 });
    expect(c.explanation).toContain('总分 94 → 等级 A，再提高 6 分 → A+');
  });

  it("pays on the record's own pay base", async () => {
    const c = await card(r);
    expect(lines(c)).toEqual([
      ['performance_pay', 517000], // ¥5,170 = 5500 × 94 / 100
      ['tier_multiplier', 103400], // silver (0.94): ¥1,034 = 5170 × 0.2
      ['tier_award', 100000],
      ['award', 200000],
    ]);
    expect(c.payout.totalFen).toBe(920400); // ¥9,204
    expect(c.triggers.map((t) => t.id)).toEqual(['viral_support']);
  });
});

describe('video editor on the bronze tier', () => {
  it('rounds points to 2 decimals and money to the fen', async () => {
    const c = await card(
      record({
        employee_id: 'T4',
        role: 'editor',
        stage: 'mature',
        metrics: {
          on_time_rate: 0.9,
          edit_quality: 70,
          hot_topic_match: 0.6,
          plays: 80000,
          likes: 2000,
          max_video_plays: 20000,
        },
      }),
    );
    expect(c.indicators.map((i) => [i.id, i.points, i.weighted_points])).toEqual([
      ['on_time', 86.67, 34.67], // 60 + 40 × 0.10/0.15 = 86.666… → 86.67; × 40% = 34.668 → 34.67
      ['quality', 70, 28], // rating 70 / 100
      ['hot_topic', 100, 20], // 0.60 ≥ target 0.60: pass
    ]);
    expect(c.score).toBe(82.67);
    expect(c.next_grade).toEqual({ grade: 'A+', points_needed: 17.33 });
    expect(lines(c)).toEqual([
      ['performance_pay', 248010], // ¥2,480.10 = 3000 × 82.67 / 100
      ['tier_multiplier', 49602], // bronze: ¥496.02 = 2480.10 × 0.2
    ]);
    expect(c.payout.totalFen).toBe(297612); // ¥2,976.12
  });
});

describe('records the engine refuses to score', () => {
  it('a missing required metric without a default', async () => {
    const e = await evaluateRecord(
      policy,
      record({
        employee_id: 'T5',
        role: 'editor',
        stage: 'mature',
        metrics: { edit_quality: 70, hot_topic_match: 0.6, plays: 1, likes: 0, max_video_plays: 1 },
      }),
    );
    expect(e.ok).toBe(false);
    if (!e.ok)
      expect(e.reasons.map((d) => [d.code, d.message])).toEqual([
        ['eval_missing_metric', 'missing `24小时交付率` (on_time_rate) for role `剪辑师`'],
      ]);
  });
});

describe('a month of 150,000 employees', () => {
  it('is scored in one run, and its total is the sum of its lines', async () => {
    // the bronze editor above, 150,000 times: 2,976.12 each
    const one = {
      role: 'editor',
      stage: 'mature',
      metrics: {
        on_time_rate: 0.9,
        edit_quality: 70,
        hot_topic_match: 0.6,
        plays: 80000,
        likes: 2000,
        max_video_plays: 20000,
      },
    };
    const records = Array.from({ length: 150_000 }, (_, i) => record({ employee_id: `E${i}`, ...one }));
    const result = await runPolicy(policy, { records }, { explain: false });
    expect(result.scorecards.length).toBe(150_000);
    expect(result.summary.payout_total_fen).toBe(44_641_800_000); // 297,612 fen × 150,000
    expect(result.summary.by_grade).toEqual({ 'A+': 0, A: 150_000, B: 0, C: 0 });
  });
});
