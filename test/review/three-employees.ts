// The month test/review/git-review.test.ts and test/review/diff-renamed-deleted.test.ts measure a
// policy change on: three employees of the short-video policy, one per effect — a director the
// completion target moves (D1), an ops manager the weights move (O1), and an editor neither touches (E1).

export const THREE_EMPLOYEES = `工号,姓名,岗位,团队,阶段,月份,发布视频数,播放量,点赞量,完播率,创意采纳率,单条最高播放,粉丝增长率,爆款数,主页访问量,引流线索数,24小时交付率,剪辑质量评分,热点匹配度,违规次数
D1,编导甲,编导,一组,初创期,2026-10,32,100000,3000,42%,50%,50000,,,,,,,,
O1,运营乙,运营经理,二组,成熟期,2026-10,20,100000,3000,,,50000,15%,2,2000,100,,,,
E1,剪辑丙,剪辑师,二组,成熟期,2026-10,,100000,3000,,,50000,,,,,95%,90,60%,
`;
