// One month of the short-video team for ledger tests: two people whose pay is worked out by hand.

const HEAD =
  '工号,姓名,岗位,团队,阶段,月份,24小时交付率,剪辑质量评分,热点匹配度,粉丝增长率,爆款数,发布视频数,引流线索数,主页访问量,播放量,点赞量,单条最高播放,违规次数';
// E1 editor: on-time 70% is below the 80% threshold (0), quality 50 → 20, hot topic 50% fails → C, 3000 × 20% = 600
// E2 ops manager: 110 × 40% + 110 × 35% + 100 × 25% = 107.5 → A+, silver: 6450 + 1290 + 1000 = 8740
const E1 = (period: string, quality: number) =>
  `E1,剪辑甲,剪辑师,一组,成熟期,${period},70%,${quality},50%,,,,,,80000,2000,20000,0`;
const E2 = (period: string) => `E2,运营乙,运营经理,一组,初创期,${period},,,,20%,3,20,60,2000,500000,10000,300000,0`;

export const month = (period: string, quality = 50) => `${HEAD}\n${E1(period, quality)}\n${E2(period)}\n`;

/** The same month without E1, as if E1 had been listed by mistake. */
export const monthWithoutE1 = (period: string) => `${HEAD}\n${E2(period)}\n`;
