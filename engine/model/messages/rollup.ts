// Catalogue part for roll-up policies (quarter, half-year, year): their checks (policy_rollup_…)
// and the CLI's refusals when rolling up, recording or reprinting one (cli_rollup_…).

import { defineMessages } from './catalogue.js';

export const rollup = defineMessages({
  policy_rollup_unknown_fact: {
    message: {
      en: 'unknown roll-up fact `{fact}`',
      zh: '未知的汇总事实 `{fact}`',
    },
    help: {
      en: 'use one of the facts declared under `facts:` or a built-in one: {known}',
      zh: '请使用 `facts:` 中声明的事实或内置事实：{known}',
    },
  },
  'policy_rollup_unknown_fact.near': {
    message: {
      en: 'unknown roll-up fact `{fact}`: did you mean `{near}`?',
      zh: '未知的汇总事实 `{fact}`：是不是 `{near}`？',
    },
    help: {
      en: 'use one of the facts declared under `facts:` or a built-in one: {known}',
      zh: '请使用 `facts:` 中声明的事实或内置事实：{known}',
    },
  },
  policy_rollup_fact_name: {
    message: {
      en: 'the fact `{fact}` has the name of a built-in roll-up fact',
      zh: '事实 `{fact}` 与内置汇总事实同名',
    },
    help: {
      en: 'give it another name: {builtin} are built in',
      zh: '请换一个名称：{builtin} 是内置事实',
    },
  },
  policy_rollup_operator: {
    message: {
      en: 'operator `{operator}` cannot be used in a roll-up condition',
      zh: '汇总条件中不能使用比较方式 `{operator}`',
    },
    help: { en: 'use one of {allowed}', zh: '请使用 {allowed} 之一' },
  },
  policy_rollup_score: {
    message: {
      en: 'the roll-up score `{fact}` is not a number fact',
      zh: '汇总得分 `{fact}` 不是数值事实',
    },
    help: {
      en: 'name a fact declared under `facts:`, such as one with `average: score`',
      zh: '请填写 `facts:` 中声明的事实，如 `average: score` 的那一项',
    },
  },
  policy_rollup_min_months: {
    message: {
      en: '`min_months: {min}` is more than the {months} months of a {period}',
      zh: '`min_months: {min}` 超过了一个{period_zh}的 {months} 个月',
    },
    help: {
      en: 'set `min_months:` between 1 and {months}',
      zh: '请把 `min_months:` 设为 1 到 {months} 之间',
    },
  },
  policy_rollup_year_starts: {
    message: {
      en: '`year_starts: {value}` is not a month',
      zh: '`year_starts: {value}` 不是月份',
    },
    help: {
      en: 'write the month the roll-up year starts, 1 (January) to 12 (December): 4 for a fiscal year from April',
      zh: '请写汇总年度开始的月份，1（一月）到 12（十二月）：财年从四月开始就写 4',
    },
  },
  policy_rollup_effective_from: {
    message: {
      en: '`effective_from: {value}` is not a {period} period',
      zh: '`effective_from: {value}` 不是{period_zh}期间',
    },
    help: {
      en: 'write it as {example}, the form of `rollup.period: {period}`',
      zh: '请写成 {example}，与 `rollup.period: {period}` 一致',
    },
  },
  policy_rollup_unknown_metric: {
    message: {
      en: '`{metric}` is not a metric of the monthly policy `{policy}`',
      zh: '`{metric}` 不是月度政策 `{policy}` 的指标',
    },
    help: {
      en: 'use `score`, `payout` or one of the metrics its indicators score: {known}',
      zh: '请使用 `score`、`payout` 或其指标所用的数据项：{known}',
    },
  },
  policy_rollup_unknown_month_value: {
    message: {
      en: '{what} `{value}` is not in the monthly policy `{policy}`',
      zh: '月度政策 `{policy}` 中没有{what_zh} `{value}`',
    },
    help: { en: 'use one of {known}', zh: '请使用 {known} 之一' },
  },
  policy_rollup_grade_value: {
    message: {
      en: '`{fact}` is compared with `{grade}`, which is not one of its grades',
      zh: '`{fact}` 与 `{grade}` 比较，但它不是可能的等级',
    },
    help: { en: 'use one of {known}', zh: '请使用 {known} 之一' },
  },
  policy_rollup_award_zero: {
    message: {
      en: 'the award `{id}` is ¥0.00: everyone it applies to would have it on their statement as paid, and be paid nothing',
      zh: '奖励 `{id}` 的金额为 ¥0.00：符合条件的人的工资条上都会写着发放了这项奖励，实际却一分不发',
    },
    help: {
      en: 'write the amount in yuan (`award: 50000`), or remove the award (a roll-up without `payout:` only rates)',
      zh: '请写出金额（元），如 `award: 50000`；或删去这项奖励（没有 `payout:` 的汇总只评等级）',
    },
  },
  policy_rollup_of_itself: {
    message: {
      en: 'the roll-up `{policy}` rolls up `rollup.of: {policy}`, its own id: its periods would be recorded among the months they read',
      zh: '汇总政策 `{policy}` 的 `rollup.of` 是它自己的编号 `{policy}`：汇总期会和它读取的月份记在同一个政策下',
    },
    help: {
      en: "give the roll-up its own `policy:` id (e.g. `{policy}-quarterly`), and `rollup.of` the monthly policy's",
      zh: '请给汇总政策一个自己的 `policy:` 编号（如 `{policy}-quarterly`），`rollup.of` 写月度政策的编号',
    },
  },
  cli_rollup_period: {
    message: {
      en: '`{text}` is not a roll-up period',
      zh: '`{text}` 不是汇总期间',
    },
    help: {
      en: 'write a year as `2026`, a half-year as `2026-H1` (January–June) or `2026-H2` (July–December), a quarter as `2026-Q1` … `2026-Q4`',
      zh: '请写成年 `2026`、半年 `2026-H1`（1–6 月）或 `2026-H2`（7–12 月）、季度 `2026-Q1` … `2026-Q4`',
    },
  },
  'cli_rollup_period.suggest': {
    message: {
      en: '`{text}` is not a roll-up period: a half-year or quarter may be a calendar one or the company’s own review cycle',
      zh: '`{text}` 不是汇总期间：半年或季度可能是自然半年/季度，也可能是公司自己的考核周期',
    },
    help: {
      en: 'for the calendar period write `{suggestion}`; roll-up periods are calendar years, halves (H1 January–June, H2 July–December) and quarters',
      zh: '自然期间请写 `{suggestion}`；汇总期间只按自然年、半年（H1 为 1–6 月，H2 为 7–12 月）和季度计算',
    },
  },
  cli_rollup_period_kind: {
    message: {
      en: '`{period}` is not a {kind} period, and `{policy}` rolls up by {kind}',
      zh: '`{period}` 不是{kind_zh}期间，而 `{policy}` 按{kind_zh}汇总',
    },
    help: { en: 'give a period such as `{example}`', zh: '请给出如 `{example}` 的期间' },
  },
  cli_rollup_no_months: {
    message: {
      en: 'the ledger `{ledger}` has no month of `{monthly}` recorded in {period} ({first} to {last})',
      zh: '账本 `{ledger}` 中没有 `{monthly}` 在 {period}（{first} 至 {last}）内记录的月份',
    },
    help: {
      en: 'record the months first: yardstick run POLICY --data FILE --record',
      zh: '请先记录各月：yardstick run 政策 --data 数据 --record',
    },
  },
  cli_rollup_recorded: {
    message: {
      en: '{period} of `{policy}` is already recorded (run #{run}, {at}){stale}',
      zh: '`{policy}` 的 {period} 已记录（第 {run} 次记录，{at}）{stale_zh}',
    },
    help: {
      en: 'to record it again from the months as they are now, run with --amend (top-up and clawback lines are kept beside the first record)',
      zh: '如需按现在的月度结果重新记录，请加 --amend（补发和扣回记录在原记录旁）',
    },
  },
  cli_rollup_not_recorded: {
    message: {
      en: '{period} of `{policy}` is not recorded yet: there is nothing to amend',
      zh: '`{policy}` 的 {period} 尚未记录，无从更正',
    },
    help: { en: 'record it with --record', zh: '请用 --record 记录' },
  },
  cli_rollup_months_moved: {
    message: {
      en: '{period} of `{policy}` was recorded over {recorded_months}, but this version reckons {period} as {months_now}',
      zh: '`{policy}` 的 {period} 记录时为 {recorded_months}，而本版本的 {period} 是 {months_now}',
    },
    help: {
      en: 'a recorded period keeps its months: keep `rollup.year_starts` as it was, or give the new reckoning a new policy id',
      zh: '已记录的期间不能换月份：请保持 `rollup.year_starts` 不变，或为新的起算方式另起政策编号',
    },
  },
  cli_rollup_before_effective_from: {
    message: {
      en: '{period} is before `effective_from: {from}` of `{policy}` v{version}',
      zh: '{period} 早于 `{policy}` v{version} 的 `effective_from: {from}`',
    },
    help: {
      en: 'roll it up with the policy version in force then',
      zh: '请用当时生效的政策版本汇总',
    },
  },
  cli_rollup_is_rollup: {
    message: {
      en: '`{file}` is a roll-up policy: it scores the months recorded in the ledger, not a data file',
      zh: '`{file}` 是汇总政策：它汇总账本中已记录的月份，不读取数据文件',
    },
    help: {
      en: 'roll it up with yardstick rollup {file} --period 2026',
      zh: '请用 yardstick rollup {file} --period 2026 汇总',
    },
  },
  cli_rollup_not_rollup: {
    message: {
      en: '`{file}` is a monthly policy, not a roll-up policy',
      zh: '`{file}` 是月度政策，不是汇总政策',
    },
    help: {
      en: 'score a month with yardstick run {file} --data FILE; a roll-up policy has a top-level `rollup:`',
      zh: '月度政策请用 yardstick run {file} --data 数据；汇总政策的顶层有 `rollup:`',
    },
  },
  cli_rollup_id_taken: {
    message: {
      en: '`{policy}` is the id of a monthly policy recorded in this ledger ({periods}): a roll-up recorded under it would be read as one of its periods, and its next month refused as earlier than {period}',
      zh: '`{policy}` 是本账本中已记录的月度政策的编号（{periods}）：以它记录汇总，汇总期会被当作它的一个考核期，其下一个月会被当作早于 {period} 而拒绝记录',
    },
    help: {
      en: 'nothing was recorded; give the roll-up policy its own `policy:` id',
      zh: '没有记录任何内容；请给汇总政策一个自己的 `policy:` 编号',
    },
  },
});
