// The settings around the rules in the reviewer's words (engine/review/setting-diff.ts): how the
// data is read (a money column in fen, a ratio written 45.3), the score's decimals and cap, stages,
// teams, names, derived metrics, the tier basis, rounding and the promises `verify` checks. Each
// printed as a key path and JSON before (`metrics.gmv.money_in — → fen`), which hid that a
// one-word change moves every payout.

import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../../engine/review/diff.js';
import type { PolicyDoc } from '../../engine/model/policy.js';

const LIVESTREAM = parseDocument(readFileSync('policies/livestream-team.yaml', 'utf8')).toJS() as PolicyDoc;
const SHORT_VIDEO = parseDocument(readFileSync('policies/short-video-team.yaml', 'utf8')).toJS() as PolicyDoc;

/** The words of every change an edit of the policy makes, in Chinese and in English. */
const words = (base: PolicyDoc, edit: (d: PolicyDoc) => void) => {
  const after = structuredClone(base);
  edit(after);
  return {
    zh: diffPolicies(base, after, 'zh').map((c) => c.text),
    en: diffPolicies(base, after, 'en').map((c) => c.text),
  };
};

describe('how the data is read', () => {
  it('a money column read in fen says so: every amount is a hundredth of what it was', () => {
    expect(words(LIVESTREAM, (d) => (d.metrics.gmv!.money_in = 'fen'))).toEqual({
      zh: ['直播间GMV 数据单位 元 → 分'],
      en: ['直播间GMV data written in yuan → fen'],
    });
  });
  it('a ratio written without % read as percentage points, and back', () => {
    expect(words(LIVESTREAM, (d) => (d.metrics.return_rate!.ratio_format = 'percent_points'))).toEqual({
      zh: ['退货率 不带 % 的数据读作 小数（0.453 即 45.3%） → 百分点（45.3 即 45.3%）'],
      en: ['退货率 a value without % is read as a fraction (0.453 is 45.3%) → percentage points (45.3 is 45.3%)'],
    });
  });
  it('a missing column taking the default, with the default said', () => {
    // live_violations: { default: 0 }
    expect(words(LIVESTREAM, (d) => (d.metrics.live_violations!.default_when_missing_column = true))).toEqual({
      zh: ['直播违规次数 整列缺失时 视为数据错误 → 按默认值计 0'],
      en: ['直播违规次数 a missing column is a data error → takes the default 0'],
    });
  });
  it('a range cell such as 7.5w~10w read at its middle', () => {
    expect(words(LIVESTREAM, (d) => (d.metrics.cpm!.ranges = 'middle')).zh).toEqual([
      '千次曝光成本 区间数据（如 7.5w~10w）取 视为数据错误 → 中点',
    ]);
  });
  it('an allowed range in the metric’s unit', () => {
    // viewer_growth_wow: ratio, range [-1, 1] → [-0.5, 2]
    expect(words(LIVESTREAM, (d) => (d.metrics.viewer_growth_wow!.range = [-0.5, 2])).zh).toEqual([
      '观看人数周环比 取值范围 -100.0%–100.0% → -50.0%–200.0%',
    ]);
  });
  it('a label, a unit and other column headers', () => {
    expect(
      words(LIVESTREAM, (d) => {
        d.metrics.room_orders!.label = '订单量';
        d.metrics.cpm!.aliases = ['CPM', '千展成本'];
        d.metrics.response_seconds!.unit = 'count';
      }).zh,
    ).toEqual([
      '指标 room_orders 名称 直播间订单数 → 订单量',
      '千次曝光成本 列名别名 CPM → CPM、千展成本',
      '平均响应时长 单位 秒 → 次数/个数',
    ]);
  });
  it('a metric added or removed, with its unit', () => {
    expect(
      words(LIVESTREAM, (d) => {
        d.metrics.refunds = { label: '退款金额', unit: 'money' };
      }),
    ).toEqual({ zh: ['新增 指标 退款金额（金额（元））'], en: ['added metric 退款金额 (money (yuan))'] });
  });
});

describe('the score, the tiers and rounding', () => {
  it('decimals and the cap on the total', () => {
    // score: { decimals: 2, max: 120 }
    expect(words(LIVESTREAM, (d) => (d.score = { decimals: 1, max: 110 }))).toEqual({
      zh: ['得分保留小数位 2 位 → 1 位', '总分上限 120 → 110'],
      en: ['score decimals 2 → 1', 'score at most 120 → 110'],
    });
  });
  it('the whole score block removed: the cap goes, decimals stay at their default 2 and are not listed', () => {
    expect(words(LIVESTREAM, (d) => delete (d as { score?: unknown }).score).zh).toEqual(['总分上限 120 → 不封顶']);
  });
  it('rounding to the yuan, down', () => {
    // rounding: { to: 0.01, mode: half_up }
    expect(words(LIVESTREAM, (d) => (d.payout.rounding = { to: 1, mode: 'down' }))).toEqual({
      zh: ['舍入到 分 → 元', '舍入方式 四舍五入 → 舍去'],
      en: ['rounded to the fen → the yuan', 'rounding half up → down'],
    });
  });
  it('the tiers measured on a metric rather than attainment', () => {
    expect(words(SHORT_VIDEO, (d) => (d.payout.tiers!.basis = 'videos_published')).zh).toEqual([
      '档位依据 达成率（总分 / 100） → 发布视频数',
    ]);
  });
});

describe('stages, teams, roles and derived metrics', () => {
  it('a stage renamed and one added', () => {
    expect(
      words(SHORT_VIDEO, (d) => {
        d.stages.startup!.title = '起步期';
        d.stages.decline = { title: '衰退期' };
      }).zh,
    ).toEqual(['阶段 startup 名称 初创期 → 起步期', '新增 阶段 衰退期']);
  });
  it('a policy’s first teams, with the other spellings the data uses', () => {
    expect(
      words(SHORT_VIDEO, (d) => {
        d.teams = { sv1: { title: '短视频一组', aliases: ['短视频1组', '短視頻一組'] } };
      }),
    ).toEqual({
      zh: ['新增 团队 短视频一组（其他写法 短视频1组、短視頻一組）'],
      en: ['added team 短视频一组 (also written 短视频1组、短視頻一組)'],
    });
  });
  it('a role renamed', () => {
    expect(words(SHORT_VIDEO, (d) => (d.roles.ops_manager!.title = '运营主管')).zh).toEqual([
      '岗位 ops_manager 名称 运营经理 → 运营主管',
    ]);
  });
  it('a derived metric added', () => {
    expect(
      words(SHORT_VIDEO, (d) => {
        d.derived = { ...d.derived, likes_per_video: 'likes / videos_published' };
      }).zh,
    ).toEqual(['新增 派生指标 likes_per_video = likes / videos_published']);
  });
});

describe('the policy itself and its promises', () => {
  it('its title, its review period and a retroactive correction', () => {
    expect(
      words(LIVESTREAM, (d) => {
        d.title = '直播团队绩效（新）';
        d.period = 'quarter';
      }).zh,
    ).toEqual([`政策名称 ${LIVESTREAM.title} → 直播团队绩效（新）`, '考核周期 按月 → 按季度']);
  });
  it('a promise’s largest jump in yuan, and its scope widened to everyone', () => {
    // ops_bronze_cliff: role = ops_manager, cliff at bronze at most 961
    const cliff = SHORT_VIDEO.properties!.ops_bronze_cliff!;
    expect(
      words(SHORT_VIDEO, (d) => {
        const p = d.properties!.ops_bronze_cliff as { cliff: { max: number }; where?: unknown };
        p.cliff.max = 1000;
        delete p.where;
      }).zh,
    ).toEqual([
      `承诺「${cliff.title}」 适用于 岗位 = ops_manager → 全体`,
      `承诺「${cliff.title}」 跳变上限 ¥961.00 → ¥1,000.00`,
    ]);
  });
  it('a promise removed', () => {
    expect(words(SHORT_VIDEO, (d) => delete d.properties!.veto_wins).zh).toEqual([
      '删除 承诺「内容违规一票否决：等级为C，得分不超过60，不发档位奖」',
    ]);
  });
});
