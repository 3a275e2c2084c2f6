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
  'policy_pool_bounds.unit': {
    message: {
      en: "pool `{pool}`: `min_share: {min}` is {minUnit} and `max_share: {max}` is {maxUnit} in the policy's unit of {unit} (a minimum is raised to it, a maximum lowered): no share can honour both",
      zh: '奖金池 `{pool}`：按政策的取整单位 {unit} 计，`min_share: {min}` 为 {minUnit}，`max_share: {max}` 为 {maxUnit}（最低份额向上取整，最高份额向下取整）：没有份额能同时满足两者',
    },
    help: {
      en: 'write `min_share` and `max_share` in whole units of `payout.rounding.to`, the minimum at most the maximum',
      zh: '请按 `payout.rounding.to` 的整单位填写 `min_share` 和 `max_share`，且最低不高于最高',
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
  policy_money_fraction_of_fen: {
    message: {
      en: '`{where}`: {value} yuan is not a whole number of fen',
      zh: '`{where}`：{value} 元不是整分',
    },
    help: {
      en: 'write the amount to the fen, at most 2 decimals (¥1,000.005 could be ¥1,000.00 or ¥1,000.01)',
      zh: '金额请精确到分，最多 2 位小数（¥1,000.005 可能是 ¥1,000.00 也可能是 ¥1,000.01）',
    },
  },
  policy_budget_team_twice: {
    message: {
      en: 'budget: `{team}` is the same team as `{same_as}`, budgeted twice',
      zh: '预算：`{team}` 与 `{same_as}` 是同一个团队，预算写了两次',
    },
    help: {
      en: 'give each team one budget: keep `{same_as}` or `{team}`',
      zh: '每个团队只写一个预算：保留 `{same_as}` 或 `{team}` 之一',
    },
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
  'eval_pool_min_dropped.above_max': {
    message: {
      en: "pool `{pool}` ({group}, {amount}): the minimum share {min} is above the maximum {max} once both are taken to the policy's unit of {unit}: the minimum is not applied to this pool",
      zh: '奖金池 `{pool}`（{group}，{amount}）：按政策的取整单位 {unit} 计，最低份额 {min} 高于最高份额 {max}：本池不执行最低份额',
    },
    help: {
      en: 'write `min_share` and `max_share` in whole units of `payout.rounding.to`, the minimum at most the maximum',
      zh: '请按 `payout.rounding.to` 的整单位填写 `min_share` 和 `max_share`，且最低不高于最高',
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
  'eval_pool_unallocated.below_unit': {
    message: {
      en: 'pool `{pool}` ({group}, {amount}): {rest} is left unallocated, less than one rounding unit of {unit} (`payout.rounding.to`)',
      zh: '奖金池 `{pool}`（{group}，{amount}）：有 {rest} 未分配，不足一个发放单位 {unit}（`payout.rounding.to`）',
    },
    help: {
      en: 'fund the pool in whole units of {unit}, or pay to the fen (`to: 0.01`)',
      zh: '请把奖金池金额定为 {unit} 的整数倍，或按分发放（`to: 0.01`）',
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
  eval_pool_weight_undefined: {
    message: {
      en: 'pool `{pool}` ({group}): the weight `{weight}` of {employee} cannot be computed (a value is missing or a divisor is 0), so {employee} cannot be scored: a weight of 0 would hand their share to the others',
      zh: '奖金池 `{pool}`（{group}）：{employee} 的权重 `{weight}` 无法计算（缺少数值或除数为 0），因此无法为 {employee} 评分：按权重 0 计会把其份额分给其他人',
    },
    help: {
      en: "write the weight so that it is defined for everyone (e.g. `score / max(videos, 1)`), give the metrics it reads a `default`, or fix the record's data and run the month again",
      zh: '请让权重对每个人都有定义（如 `score / max(videos, 1)`），给它用到的指标设 `default`，或修正这条记录的数据后重新运行',
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
  eval_budget_team_empty: {
    message: {
      en: 'the budget of {budget} for team `{team}` covers nobody: no one in the run is in that team',
      zh: '团队 `{team}` 的预算 {budget} 没有覆盖任何人：本次运行中没有人属于该团队',
    },
    help: {
      en: "write the team as the data's 团队 column does (teams in the run: {teams}), or declare the team with its aliases under `teams:`",
      zh: '请按数据中“团队”列的写法填写团队名（本次运行中的团队：{teams}），或在 `teams:` 中声明该团队及其别名',
    },
  },
  cli_sweep_set: {
    message: {
      en: '`--set {text}` is not PATH=FROM..TO/STEP',
      zh: '`--set {text}` 不是 PATH=FROM..TO/STEP 的形式',
    },
    help: {
      en: 'write the key path of a number in the policy and a range, e.g. `--set roles.editor.indicators.completion_rate.target=0.35..0.50/0.01`',
      zh: '请写政策中某个数字的键路径和范围，如 `--set roles.editor.indicators.completion_rate.target=0.35..0.50/0.01`',
    },
  },
  'cli_sweep_set.percent': {
    message: {
      en: '`--set {text}` mixes percentages and plain numbers',
      zh: '`--set {text}` 混用了百分数和普通数字',
    },
    help: {
      en: 'write all three as percentages (`35%..50%/1%`) or all as fractions (`0.35..0.50/0.01`)',
      zh: '请三个值都写百分数（`35%..50%/1%`）或都写小数（`0.35..0.50/0.01`）',
    },
  },
  cli_sweep_range: {
    message: {
      en: '`--set {text}`: the step must be above 0 and FROM at most TO',
      zh: '`--set {text}`：步长必须大于 0，且 FROM 不大于 TO',
    },
    help: { en: 'e.g. `0.35..0.50/0.01`', zh: '例如 `0.35..0.50/0.01`' },
  },
  'cli_sweep_range.uneven': {
    message: {
      en: '`--set {text}`: steps of {step} from {from} do not land on {to} (the last would be {last})',
      zh: '`--set {text}`：从 {from} 起按步长 {step} 取值落不到 {to}（最后一个取值将是 {last}）',
    },
    help: {
      en: 'end the range on a step, e.g. `{shorter}` or `{longer}`',
      zh: '请让范围终点落在步长上，如 `{shorter}` 或 `{longer}`',
    },
  },
  'cli_sweep_range.too_many': {
    message: {
      en: '`--set {text}` gives {count} values, more than {max}',
      zh: '`--set {text}` 共 {count} 个取值，超过上限 {max}',
    },
    help: { en: 'use a larger step or a narrower range', zh: '请加大步长或缩小范围' },
  },
  cli_sweep_path: {
    message: {
      en: '`{path}` is not a number the policy has',
      zh: '`{path}` 不是政策中已有的数字',
    },
    help: {
      en: 'name the key path of a number written in the policy, e.g. `roles.editor.indicators.completion_rate.target`',
      zh: '请写政策中已写出的某个数字的键路径，如 `roles.editor.indicators.completion_rate.target`',
    },
  },
  'cli_sweep_path.shared': {
    message: {
      en: '`{path}` is shared through the YAML anchor `&{anchor}`, which the policy uses {count} times: setting it here would change every use',
      zh: '`{path}` 通过 YAML 锚点 `&{anchor}` 共用，政策中共有 {count} 处使用：在这里改它会改变每一处',
    },
    help: {
      en: 'write the number out where it is to be swept (in place of `*{anchor}`), so that only that use changes',
      zh: '请在要试算的位置写出这个数（代替 `*{anchor}`），只改变这一处',
    },
  },
  cli_sweep_ratio: {
    message: {
      en: '`{path}` is a ratio (now {current}): {value} would be {percent}, which is ambiguous',
      zh: '`{path}` 是比率（当前为 {current}）：{value} 即 {percent}，含义不明确',
    },
    help: {
      en: 'write ratios as fractions (`0.35..0.50/0.01`) or as percentages (`35%..50%/1%`)',
      zh: '比率请写成小数（`0.35..0.50/0.01`）或百分数（`35%..50%/1%`）',
    },
  },
  'cli_sweep_ratio.percent': {
    message: {
      en: '`{path}` is not a ratio (now {current}): `{as_percent}` could mean {as_fraction} or {as_whole}, which is ambiguous',
      zh: '`{path}` 不是比率（当前为 {current}）：`{as_percent}` 可能是 {as_fraction}，也可能是 {as_whole}，含义不明确',
    },
    help: {
      en: 'write the range in the unit the policy writes the number in, without `%` (`{plain}`)',
      zh: '请按政策中这个数的单位写取值范围，不带 `%`（`{plain}`）',
    },
  },
  cli_sweep_invalid: {
    message: {
      en: 'with `{path}` = {value} the policy is not valid: {detail}',
      zh: '`{path}` = {value} 时政策无效：{detail}',
    },
    help: {
      en: 'sweep a range the policy accepts (e.g. a target between its threshold and challenge)',
      zh: '请在政策允许的范围内试算（例如目标值介于门槛和挑战值之间）',
    },
  },
  cli_sweep_excluded: {
    message: {
      en: 'with `{path}` = {value}, {count} record(s) cannot be computed that the policy as written computes; the first: {first}',
      zh: '`{path}` = {value} 时有 {count} 条记录无法计算（现行政策可以计算）；第一条：{first}',
    },
    help: {
      en: 'a value the month cannot take is no answer: sweep a narrower range (`run` with the policy set to that value lists every record)',
      zh: '本月数据无法采用这个取值：请缩小试算范围（把政策改成这个取值后用 `run` 可列出每条记录）',
    },
  },
  'cli_sweep_excluded.included': {
    message: {
      en: 'with `{path}` = {value}, {count} record(s) are computed that the policy as written leaves out; the first: {first}',
      zh: '`{path}` = {value} 时有 {count} 条现行政策未计入的记录被计算；第一条：{first}',
    },
    help: {
      en: "the people counted would not be the same as the policy as written's: fix their data first, or sweep a range where the same people are computed",
      zh: '这样计入的人员与现行政策不同：请先修正这些记录的数据，或在计入人员不变的范围内试算',
    },
  },
  cli_sweep_budget: {
    message: {
      en: '`--budget {text}` is not an amount',
      zh: '`--budget {text}` 不是金额',
    },
    help: {
      en: 'write an amount in yuan such as `¥700,000`, `700000` or `70万`',
      zh: '请写元为单位的金额，如 `¥700,000`、`700000` 或 `70万`',
    },
  },
  'cli_sweep_budget.months': {
    message: {
      en: "{file} holds {count} months ({periods}), and a budget is one month's",
      zh: '{file} 包含 {count} 个月份（{periods}），而预算是一个月的',
    },
    help: {
      en: 'sweep one month against the budget: a file of that month alone',
      zh: '请用只含一个月份的数据文件按预算试算',
    },
  },
});
