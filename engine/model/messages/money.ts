// Catalogue part for bonus pools, budgets and sweeps: the policy checks of `pools:` and `budget:`
// (policy_…), what a run reports about them (eval_…), and `yardstick sweep`'s command line (cli_…).

import { defineMessages } from './catalogue.js';

export const money = defineMessages({
  policy_pool_bounds: {
    message: {
      en: 'pool `{pool}`: `min_share: {min}` is above `max_share: {max}`',
      zh: '奖金池 `{pool}`：`min_share: {min}` 大于 `max_share: {max}`',
    },
    help: {
      en: 'make the minimum share at most the maximum, or remove one of them',
      zh: '请让最低份额不超过最高份额，或删去其中一个',
    },
  },
  policy_pool_unknown_grade: {
    message: {
      en: 'pool `{pool}`: `min_grade: {grade}` is not a grade of this policy',
      zh: '奖金池 `{pool}`：`min_grade: {grade}` 不是本政策的等级',
    },
    help: { en: 'use one of the grades: {known}', zh: '请使用以下等级之一：{known}' },
  },
  policy_pool_unknown_metric: {
    message: {
      en: 'pool `{pool}`: `{metric}` is not a metric of this policy',
      zh: '奖金池 `{pool}`：`{metric}` 不是本政策的指标',
    },
    help: {
      en: 'a pool is funded from a metric of the data (its sum over the group): use one of {known}',
      zh: '奖金池按数据中某个指标（全组合计）计提：请使用以下指标之一：{known}',
    },
  },
  policy_pool_unknown_role: {
    message: {
      en: 'pool `{pool}`: `{role}` is not a role of this policy',
      zh: '奖金池 `{pool}`：`{role}` 不是本政策的岗位',
    },
    help: { en: 'use one of the role ids: {known}', zh: '请使用以下岗位编号之一：{known}' },
  },
  policy_pool_unknown_variable: {
    message: {
      en: 'pool `{pool}`: the weight `{text}` uses `{name}`, which is not known',
      zh: '奖金池 `{pool}`：权重 `{text}` 用到了未知的 `{name}`',
    },
    help: {
      en: 'a weight may use score, base_score, pay_base, attainment and the metrics: {known}',
      zh: '权重可以使用 score、base_score、pay_base、attainment 和以下指标：{known}',
    },
  },
  policy_budget_unknown_team: {
    message: {
      en: 'budget: `{team}` is not a team of this policy',
      zh: '预算：`{team}` 不是本政策的团队',
    },
    help: { en: 'use a team declared under `teams:`: {known}', zh: '请使用 `teams:` 中声明的团队：{known}' },
  },
  eval_pool_min_dropped: {
    message: {
      en: 'pool `{pool}` ({group}, {amount}) cannot give each of its {people} people the minimum share of {min}: the minimum is not applied to this pool',
      zh: '奖金池 `{pool}`（{group}，{amount}）不够给 {people} 人每人最低份额 {min}：本池不执行最低份额',
    },
    help: {
      en: 'lower `min_share`, or fund the pool with more',
      zh: '请降低 `min_share`，或增加奖金池金额',
    },
  },
  eval_pool_unallocated: {
    message: {
      en: 'pool `{pool}` ({group}, {amount}): {rest} is left unallocated, everyone eligible is at the maximum share',
      zh: '奖金池 `{pool}`（{group}，{amount}）：有 {rest} 未分配，所有可分配的人都已达最高份额',
    },
    help: {
      en: 'raise `max_share`, or fund the pool with less',
      zh: '请提高 `max_share`，或减少奖金池金额',
    },
  },
  'eval_pool_unallocated.nobody': {
    message: {
      en: 'pool `{pool}` ({group}, {amount}): nobody is eligible, {rest} is left unallocated',
      zh: '奖金池 `{pool}`（{group}，{amount}）：没有人可以分配，{rest} 未分配',
    },
    help: {
      en: 'check `min_grade`, `roles` and the holds of the people in this group',
      zh: '请检查本组人员的 `min_grade`、`roles` 和暂扣情况',
    },
  },
  eval_budget_cannot_fit: {
    message: {
      en: 'the budget of {budget} cannot be met by scaling variable pay: awards and pool shares alone are {fixed}',
      zh: '缩减浮动薪酬也无法满足预算 {budget}：仅奖励和奖金池份额就有 {fixed}',
    },
    help: {
      en: 'nothing was scaled; raise the budget or lower the awards and pools',
      zh: '未做任何缩减；请提高预算，或减少奖励和奖金池',
    },
  },
  'eval_budget_cannot_fit.team': {
    message: {
      en: 'the budget of {budget} for team `{team}` cannot be met by scaling variable pay: awards and pool shares alone are {fixed}',
      zh: '缩减浮动薪酬也无法满足团队 `{team}` 的预算 {budget}：仅奖励和奖金池份额就有 {fixed}',
    },
    help: {
      en: 'nothing was scaled for this team; raise its budget or lower the awards and pools',
      zh: '该团队未做任何缩减；请提高其预算，或减少奖励和奖金池',
    },
  },
});
