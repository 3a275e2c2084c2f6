// Whole months of records that sit exactly on the boundaries of the bundled policies, every number
// computed by hand from docs/policy-language.md (scoring, grades "first from the top whose min the
// score reaches", tiers by attainment = score / 100, payout lines each rounded, total = their sum).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

interface Card {
  employee_id: string;
  score: number;
  grade: string;
  payout: { tier?: { id: string }; status: string; total: number; lines: { kind: string; amount: number }[] };
  triggers?: ({ id: string } | string)[];
}

async function month(policy: string, csv: string): Promise<Record<string, unknown[]>> {
  const file = join(mkdtempSync(join(tmpdir(), 'yardstick-boundary-')), 'm.csv');
  writeFileSync(file, csv);
  const r = await yardstick('run', policy, '--data', file, '--format', 'json');
  expect(r.code).toBe(0);
  const cards = (JSON.parse(r.stdout) as { scorecards: Card[] }).scorecards;
  return Object.fromEntries(
    cards.map((c) => [
      c.employee_id,
      [
        c.score,
        c.grade,
        c.payout.tier?.id ?? null,
        c.payout.status,
        c.payout.lines.map((l) => `${l.kind} ${l.amount}`),
        c.payout.total,
        (c.triggers ?? []).map((t) => (typeof t === 'string' ? t : t.id)),
      ],
    ]),
  );
}

describe('docs/worked-example.yaml on its boundaries (director, base ¥4,000)', () => {
  it('steps, threshold, grade cut, tier edge, indicator cap and zero', async () => {
    const got = await month(
      'docs/worked-example.yaml',
      [
        '工号,姓名,岗位,团队,阶段,月份,发布视频数,完播率,上级评分,单条最高播放',
        // 24 → 80 × 40% = 32; 30% = threshold → 60 × 40% = 24; 0 → 0: 56 → C; 4000 × 0.56 = 2240
        'A1,甲,编导,一组,初创期,2026-10,24,30%,0,999999',
        // mature: 32 → 100 × 30% = 30; 50% = challenge → 120 × 40% = 48; 100 × 30% = 30; 108 + 5 (1,000,000 ≥ 1,000,000) = 113
        // → A+, 1.13 ≥ 0.90 silver; 4000 × 1.13 = 4520, × 0.2 = 904, award 1000 → 6424
        'A2,乙,编导,一组,成熟期,2026-10,32,50%,100,"1,000,000"',
        // 32 + (60 + 40 × 0.5 = 80) × 40% = 32 + 85 × 20% = 17 → 81 exactly: A (not B); 0.81 < 0.90 no tier; 3240
        'A3,丙,编导,一组,初创期,2026-10,24,35%,85,0',
        // 32 + 110 × 40% = 44 + 70 × 20% = 14 → 90: attainment 0.90 exactly → silver; 3600 + 720 (no tier award) = 4320
        'A4,丁,编导,一组,初创期,2026-10,24,45%,70,0',
        // 40 → 100 × 40% = 40; 60% → 140, capped at 120 → 48; 60 → 12: 100 exactly → A+; 4000 + 800 = 4800
        'A5,戊,编导,一组,初创期,2026-10,40,60%,60,0',
        // 0 videos → 0; 29.99% below threshold → 0; 0 → 0: score 0 → C, ¥0.00
        'A6,己,编导,一组,初创期,2026-10,0,29.99%,0,0',
      ].join('\n'),
    );
    expect(got).toEqual({
      A1: [56, 'C', null, 'payable', ['performance_pay 2240'], 2240, ['improvement_plan']],
      A2: [113, 'A+', 'silver', 'payable', ['performance_pay 4520', 'tier_multiplier 904', 'award 1000'], 6424, []],
      A3: [81, 'A', null, 'payable', ['performance_pay 3240'], 3240, []],
      A4: [90, 'A', 'silver', 'payable', ['performance_pay 3600', 'tier_multiplier 720'], 4320, []],
      A5: [100, 'A+', 'silver', 'payable', ['performance_pay 4000', 'tier_multiplier 800'], 4800, []],
      A6: [0, 'C', null, 'payable', ['performance_pay 0'], 0, ['improvement_plan']],
    });
  });
});

describe('policies/short-video-team.yaml: 运营经理 on its boundaries (base ¥6,000)', () => {
  it('thresholds, the hold edge, targets, the gold edge, the veto, the score maximum, the mature weights', async () => {
    const got = await month(
      'policies/short-video-team.yaml',
      [
        '工号,姓名,岗位,团队,阶段,月份,发布视频数,播放量,点赞量,粉丝增长率,爆款数,单条最高播放,主页访问量,引流线索数,违规次数',
        // every indicator at its threshold (5%, 1/20 = 5%, 10/1000 = 1%) → 60: 60 → C; 3600. Plays 100,000 is not
        // > 100,000, so the hold does not fire although 400 / 100,000 = 0.4% < 0.5%
        'O1,a,运营经理,t,初创期,2026-10,20,100000,400,5%,1,999999,1000,10,0',
        // plays 100,001 > 100,000 and 500 / 100,001 < 0.5%: held, the same ¥3,600
        'O2,b,运营经理,t,初创期,2026-10,20,100001,500,5%,1,999999,1000,10,0',
        // every indicator at its target → 100 → A+, silver: 6000 + 1200 + 1000 = 8200
        'O3,c,运营经理,t,初创期,2026-10,20,100000,5000,15%,2,999999,1000,30,0',
        // + viral hit at exactly 1,000,000: 110 → gold at exactly 1.10: 6600 + 1320 + 1000 + 2000 = 10920
        'O4,d,运营经理,t,初创期,2026-10,20,100000,5000,15%,2,1000000,1000,30,0',
        // + 1 violation: score capped at 60, grade C, no tier; the viral award still paid: 3600 + 2000 = 5600
        'O5,e,运营经理,t,初创期,2026-10,20,100000,5000,15%,2,1000000,1000,30,1',
        // every indicator at its challenge → 120, + 10 = 130 = score.max; pay on min(130, 120): 7200 + 1440 + 1000 + 2000
        'O6,f,运营经理,t,初创期,2026-10,20,100000,5000,25%,4,1000000,1000,50,0',
        // mature: 60 × 20% + 100 × 30% + 120 × 50% = 12 + 30 + 60 = 102 → silver: 6120 + 1224 + 1000 = 8344
        'O7,g,运营经理,t,成熟期,2026-10,20,100000,5000,5%,2,999999,1000,50,0',
      ].join('\n'),
    );
    const gold = ['performance_pay 6600', 'tier_multiplier 1320', 'tier_award 1000', 'award 2000'];
    expect(got).toEqual({
      O1: [60, 'C', null, 'payable', ['performance_pay 3600'], 3600, ['improvement_plan']],
      O2: [60, 'C', null, 'held', ['performance_pay 3600'], 3600, ['improvement_plan']],
      O3: [
        100,
        'A+',
        'silver',
        'payable',
        ['performance_pay 6000', 'tier_multiplier 1200', 'tier_award 1000'],
        8200,
        [],
      ],
      O4: [110, 'A+', 'gold', 'payable', gold, 10920, ['viral_support']],
      O5: [
        60,
        'C',
        null,
        'payable',
        ['performance_pay 3600', 'award 2000'],
        5600,
        ['improvement_plan', 'viral_support'],
      ],
      O6: [
        130,
        'A+',
        'gold',
        'payable',
        ['performance_pay 7200', 'tier_multiplier 1440', 'tier_award 1000', 'award 2000'],
        11640,
        ['viral_support'],
      ],
      O7: [
        102,
        'A+',
        'silver',
        'payable',
        ['performance_pay 6120', 'tier_multiplier 1224', 'tier_award 1000'],
        8344,
        [],
      ],
    });
  });
});

describe('policies/content-three-dimension.yaml on its boundaries (内容运营, base ¥5,000, whole yuan rounded down)', () => {
  it('pass/fail at its target, nested groups, a ROI with no spend, negative growth, rounding down', async () => {
    const got = await month(
      'policies/content-three-dimension.yaml',
      [
        '工号,姓名,岗位,团队,阶段,月份,原创视频数,平均完播率,情感共鸣评分,新增粉丝增长率,粉丝留存率,投放金额,投放带来收入,电商转化率,热点策划次数,抄袭次数',
        // content: 30 = target → 100 × 40% = 40; 70% → 100 × 25% = 25; 4.5 / 5 → 90 × 35% = 31.5; 96.5 × 40% = 38.6
        // growth: 5% → 60 × 50% = 30; 30% → 60 × 50% = 30; 60 × 40% = 24
        // commercial: ROI 20000 / 10000 = 2.0 → 100 × 60% = 60; 1% → 60 × 40% = 24; 84 × 20% = 16.8
        // 38.6 + 24 + 16.8 = 79.4, + 5 (3 campaigns ≥ 3) = 84.4 → A; 5000 × 0.844 = 4220
        'C1,a,内容运营,t,初创期,2026-10,30,70%,4.5,5%,30%,10000,20000,1%,3,0',
        // 29 fails the pass mark: content 56.5 × 40% = 22.6; 22.6 + 24 + 16.8 = 63.4, 2 campaigns → no bonus → B; 3170
        'C2,b,内容运营,t,初创期,2026-10,29,70%,4.5,5%,30%,10000,20000,1%,2,0',
        // no spend: ROI takes its default 0 → 0; 5% → 120 × 40% = 48; 48 × 20% = 9.6: 38.6 + 24 + 9.6 + 5 = 77.2 → B; 3860
        'C3,c,内容运营,t,初创期,2026-10,30,70%,4.5,5%,30%,0,0,5%,3,0',
        // mature: (40 + 120 × 25% + 100 × 35%) = 105 × 25% = 26.25; (60 + 60) = 120 × 25% = 30;
        // (120 × 60% + 120 × 40%) = 120 × 50% = 60: 116.25 + 5 = 121.25 → A+; 5000 × min(121.25, 120) / 100 = 6000
        'C4,d,内容运营,t,成熟期,2026-10,30,85%,5,30%,70%,10000,30000,5%,3,0',
        // 4.34 / 5 → 86.8 × 35% = 30.38; content 95.38 × 40% = 38.152 → 38.15; growth −50% → 0, retention 30 → 30 × 40% = 12
        // 38.15 + 12 + 16.8 + 5 = 71.95 → B; 5000 × 0.7195 = 3597.5, down to the yuan → 3597
        'C5,e,内容运营,t,初创期,2026-10,30,70%,4.34,-50%,30%,10000,20000,1%,3,0',
      ].join('\n'),
    );
    expect(got).toEqual({
      C1: [84.4, 'A', null, 'payable', ['performance_pay 4220'], 4220, []],
      C2: [63.4, 'B', null, 'payable', ['performance_pay 3170'], 3170, []],
      C3: [77.2, 'B', null, 'payable', ['performance_pay 3860'], 3860, []],
      C4: [121.25, 'A+', null, 'payable', ['performance_pay 6000'], 6000, []],
      C5: [71.95, 'B', null, 'payable', ['performance_pay 3597'], 3597, []],
    });
  });
});

describe('policies/livestream-team.yaml on its boundaries (主播, base ¥8,000)', () => {
  it('the silver edge at 0.90 GMV completion, every challenge, every threshold with the hold, a team alias in one cohort', async () => {
    const got = await month(
      'policies/livestream-team.yaml',
      [
        '工号,姓名,岗位,团队,阶段,月份,直播间GMV,GMV目标,直播间订单数,下单转化率,平均观看时长,退货率,直播违规次数',
        // 900000 / 1000000 = 0.90 → 60 + 40 × 0.5 = 80 × 40% = 32; 5% → 100 × 20% = 20; 3分0秒 = 180 s → 100 × 20% = 20;
        // returns 10% (lower is better) → 100 × 20% = 20: 92 → A; basis 0.90 → silver: 7360 + 1472 + 1500 = 10332
        'H1,a,主播,直播一组,初创期,2026-10,900000,1000000,10,5%,3分0秒,10%,0',
        // 1.2 → 120 × 40% = 48; 7% → 24; 00:04:00 = 240 s → 24; 5% → 24: 120 → A+; basis 1.2 → gold:
        // 8000 × 1.2 = 9600 + 1920 + 3000 = 14520. 直播1组 is 直播一组: one cohort of 3, where 10% of A+ is 0.3 → nobody
        'H2,b,主播,直播1组,初创期,2026-10,1200000,1000000,10,7%,00:04:00,5%,0',
        // 0.5 → 0; 3% → 60 × 20% = 12; 120 s → 12; 15% → 60 × 20% = 12: 36 → C; GMV with 0 orders → held: 2880
        'H3,c,主播,直播一组,初创期,2026-10,500000,1000000,0,3%,120,15%,0',
      ].join('\n'),
    );
    expect(got).toEqual({
      H1: [
        92,
        'A',
        'silver',
        'payable',
        ['performance_pay 7360', 'tier_multiplier 1472', 'tier_award 1500'],
        10332,
        [],
      ],
      H2: [
        120,
        'A+',
        'gold',
        'payable',
        ['performance_pay 9600', 'tier_multiplier 1920', 'tier_award 3000'],
        14520,
        // top_performer_bonus reads the grade before calibration (docs/policy-language.md, triggers' facts): A+ fires it
        ['top_performer_bonus'],
      ],
      H3: [36, 'C', null, 'held', ['performance_pay 2880'], 2880, ['improvement_plan']],
    });
  });
});
