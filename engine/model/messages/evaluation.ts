// Catalogue part for the evaluation stage (eval_…): one entry per code, in code order; a code's
// other phrasings follow it as `code.variant`.

import { defineMessages } from './catalogue.js';

const PAYOUT_HELP = {
  en: "check the payout formulas and the record's values",
  zh: '请检查奖金公式和这条记录的数据',
} as const;

/** A formula whose divisor is 0 for one record (`…divisor` phrasings). */
const DIVISOR_HELP = {
  en: "check `{divisor}` in the record's data; if 0 is a real value there, write the formula so that it has a value then (for example `max({divisor}, 1)`, or a condition `… > 0 ? … : 0`)",
  zh: '请检查这条记录数据中的 `{divisor}`；如果 0 是真实的数值，请修改公式，使它在这种情况下也有值（例如 `max({divisor}, 1)`，或条件 `… > 0 ? … : 0`）',
} as const;

const PAY_BASE_HELP = {
  en: 'check the 绩效基数 cell: a pay base is an amount in yuan from 0 to 100,000,000',
  zh: '请检查 绩效基数 单元格：绩效基数是 0 到 100,000,000 元之间的金额',
} as const;
export const evaluation = defineMessages({
  eval_before_effective_from: {
    message: {
      en: 'period `{period}` is before `effective_from: {from}` of `{policy}` v{version}: this version does not apply to it',
      zh: '月份 `{period}` 早于 `{policy}` v{version} 的 `effective_from: {from}`：这个版本不适用于该月',
    },
    help: {
      en: 'score {period} with the policy version in force then; if this version is meant to correct earlier periods, set `effective_from: {period}` and say why in `retroactive: { reason: … }`',
      zh: '请用当时生效的政策版本计算 {period}；如果这个版本是为了更正以前的月份，请设 `effective_from: {period}`，并在 `retroactive: { reason: … }` 中说明原因',
    },
  },
  eval_calibration_min_unmet: {
    message: {
      en: 'forced distribution of {period}: {cohort} ({people} ranked) needs at least {needed} at `{grade}` (min {min}) but can place only {have} there: this minimum is not met',
      zh: '{period} 的强制分布：{cohort}（参与排名 {people} 人）的 `{grade}` 至少应有 {needed} 人（min {min}），但只能排入 {have} 人：这一最低比例未满足',
    },
    help: {
      en: 'people only move down, so a minimum is filled from the grades above it, and too few are left there (the others already stand below it, or a worse grade’s minimum took them); for small cohorts use `small_teams: round_down` (or `round`), or calibrate a larger cohort (`within: all`)',
      zh: '强制分布只会把人往下调，最低比例只能从更高的等级补人，而这里更高等级的人已不够（其余的人本来就在它之下，或已被更低等级的最低比例调走）；小团队请用 `small_teams: round_down`（或 `round`），或在更大的范围内校准（`within: all`）',
    },
  },
  eval_derived_out_of_range: {
    message: {
      en: '`{label}` ({text}) is {value} for `{employee}`, outside its range [{min}, {max}]',
      zh: '`{employee}` 的 `{label}`（{text}）为 {value}，超出范围 [{min}, {max}]',
    },
    help: {
      en: "check the record's values, or correct the formula or the `range` of `{id}`",
      zh: '请检查这条记录的数据，或修正 `{id}` 的公式或 `range`',
    },
  },
  eval_missing_metric: {
    message: { en: 'missing `{label}` ({id}) for role `{role}`', zh: '岗位 `{role}` 缺少 `{label}`（{id}）' },
    help: {
      en: 'add the value to the data, or give the metric a `default` in the policy',
      zh: '请在数据中补上这个值，或在政策中给该指标设 `default`',
    },
  },
  eval_money_out_of_range: {
    message: {
      en: '{what} is {amount} for `{employee}`{at}: above the limit of {limit} per person',
      zh: '`{employee}` 的{what}为 {amount}{at}：超过每人上限 {limit}',
    },
    help: {
      en: "check the record's values (pay base, metrics) and the formula",
      zh: '请检查这条记录的数据（绩效基数、指标）和公式',
    },
  },
  eval_negative_pay: {
    message: {
      en: '{what} is {amount} for `{employee}`{at}: it cannot be below 0 (only the caps and a tier multiplier below 1 lower pay)',
      zh: '`{employee}` 的{what}为 {amount}{at}：不能小于 0（只有封顶和小于 1 的档位系数会降低金额）',
    },
    help: {
      en: "a payout formula must not go below 0: fix the record's values, or write `max(0, …)` in the policy if a floor of 0 is meant",
      zh: '奖金公式的结果不能小于 0：请修正这条记录的数据；如果本意是最低为 0，请在政策中写 `max(0, …)`',
    },
  },
  eval_not_a_usable_number: {
    message: {
      en: '`{label}` ({id}) of `{employee}` is `{value}`, not a finite number of at most 9007199254740991',
      zh: '`{employee}` 的 `{label}`（{id}）为 `{value}`，不是不超过 9007199254740991 的有限数字',
    },
    help: { en: "fix the record's data", zh: '请修正这条记录的数据' },
  },
  eval_pay_base_out_of_range: {
    message: { en: 'pay base `{value}` of `{employee}` is below 0', zh: '`{employee}` 的绩效基数 `{value}` 小于 0' },
    help: PAY_BASE_HELP,
  },
  'eval_pay_base_out_of_range.above': {
    message: {
      en: 'pay base `{value}` of `{employee}` is above the limit of {limit} per person',
      zh: '`{employee}` 的绩效基数 `{value}` 超过每人上限 {limit}',
    },
    help: PAY_BASE_HELP,
  },
  eval_payout: {
    message: {
      en: 'performance pay `{formula}` cannot be computed for this record',
      zh: '这条记录无法计算绩效奖金 `{formula}`',
    },
    help: PAYOUT_HELP,
  },
  'eval_payout.divisor': {
    message: {
      en: 'performance pay `{formula}` cannot be computed for this record: the divisor `{divisor}` is 0',
      zh: '这条记录无法计算绩效奖金 `{formula}`：除数 `{divisor}` 为 0',
    },
    help: DIVISOR_HELP,
  },
  'eval_payout.awards_cap': {
    message: { en: 'the awards cap cannot be computed for this record', zh: '这条记录无法计算奖励封顶' },
    help: PAYOUT_HELP,
  },
  'eval_payout.cap': {
    message: {
      en: 'the payout cap `{formula}` cannot be computed for this record',
      zh: '这条记录无法计算奖金封顶 `{formula}`',
    },
    help: PAYOUT_HELP,
  },
  'eval_payout.cap_divisor': {
    message: {
      en: 'the payout cap `{formula}` cannot be computed for this record: the divisor `{divisor}` is 0',
      zh: '这条记录无法计算奖金封顶 `{formula}`：除数 `{divisor}` 为 0',
    },
    help: DIVISOR_HELP,
  },
  eval_undefined: {
    message: {
      en: '`{label}` ({text}) cannot be computed: a value is missing or a divisor is 0',
      zh: '无法计算 `{label}`（{text}）：缺少数值或除数为 0',
    },
    help: {
      en: "give `{id}` a `default` in the policy, or fix the record's data",
      zh: '请在政策中给 `{id}` 设 `default`，或修正这条记录的数据',
    },
  },
  'eval_undefined.divisor': {
    message: {
      en: '`{label}` ({text}) cannot be computed: the divisor `{divisor}` is 0',
      zh: '无法计算 `{label}`（{text}）：除数 `{divisor}` 为 0',
    },
    help: DIVISOR_HELP,
  },
  'eval_undefined.per_unit': {
    message: {
      en: 'the number of units of `{title}` ({text}) cannot be computed: a value is missing or a divisor is 0',
      zh: '无法计算 `{title}` 的计件数（{text}）：缺少数值或除数为 0',
    },
    help: {
      en: "give the metrics it reads a `default` in the policy, or fix the record's data",
      zh: '请在政策中给它用到的指标设 `default`，或修正这条记录的数据',
    },
  },
  'eval_undefined.per_unit_divisor': {
    message: {
      en: 'the number of units of `{title}` ({text}) cannot be computed: the divisor `{divisor}` is 0',
      zh: '无法计算 `{title}` 的计件数（{text}）：除数 `{divisor}` 为 0',
    },
    help: DIVISOR_HELP,
  },
  eval_unknown_role_or_stage: {
    message: {
      en: 'role `{role}` or stage `{stage}` is not in the policy',
      zh: '政策中没有岗位 `{role}` 或阶段 `{stage}`',
    },
    help: { en: 'use a role and stage the policy declares', zh: '请使用政策中声明的岗位和阶段' },
  },
});
