// The small policy the verify tests are written against (a tester's base.yaml): one role 主播 paid
// ¥10,000 × min(score, 120) / 100 with a cap of ¥30,000, scored 60 % on GMV (linear: threshold
// ¥100,000, target ¥200,000, challenge ¥300,000) and 40 % on a 0–100 rating; grades A ≥ 80, B ≥ 60,
// C. Its lines, which the tests' positions count on:
//   1–6 the header and metrics; 7–8 `teams:` when asked; then stages (2 lines), the role (7 lines:
//   `sales` on line 14 without teams), grades (4 lines), `payout:` with its formula, cap, any tier
//   lines and the rounding; then `after`, as written.

export interface HostPolicy {
  id: string;
  title?: string;
  /** declare the team 直播一组 (`live1`): two lines after the metrics */
  teams?: boolean;
  /** the metric `sales` scores (gmv, or a derived metric given in `after`) */
  salesMetric?: string;
  /** the performance pay formula, written as given */
  performancePay?: string;
  /** lines between `cap:` and `rounding:` (a tier table), each ending with a line break */
  tiers?: string;
  /** the rest of the policy: adjustments, derived metrics, properties */
  after?: string;
}

export function hostPolicy(o: HostPolicy): string {
  return `policy: ${o.id}
title: ${o.title ?? '基础'}
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money, range: [ 0, 10000000 ] }
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
${o.teams ? 'teams:\n  live1: { title: 直播一组 }\n' : ''}stages:
  only: { title: 唯一 }
roles:
  host:
    title: 主播
    pay_base: 10000
    indicators:
      sales: { metric: ${o.salesMetric ?? 'gmv'}, threshold: 100000, target: 200000, challenge: 300000, weight: 60 }
      att: { metric: rating, scoring: rating, weight: 40 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: ${o.performancePay ?? 'pay_base * min(score, 120) / 100'}
  cap: 30000
${o.tiers ?? ''}  rounding: { to: 0.01, mode: half_up }
${o.after ?? ''}`;
}
