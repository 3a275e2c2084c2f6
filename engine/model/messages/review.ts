// Catalogue part for the review stage (format, edit, diff, compare, policy tests, verify). Format,
// diff and policy tests report the language and data diagnostics of the versions they read; verify
// (engine/review/verify/) reports the policy properties that do not hold.

import { defineMessages } from './catalogue.js';

export const review = defineMessages({
  verify_not_monotone: {
    message: {
      en: '{of} of {role} ({stage}) falls from {before} to {after} when `{metric}` improves from {from} to {to}',
      zh: '{role}（{stage}）的{of}在 `{metric}` 从 {from} 改善到 {to} 时由 {before} 降到 {after}',
    },
    help: {
      en: 'make the points of `{metric}` rise as it improves (steps in order, no penalty for doing better), or declare the exception in `properties:`',
      zh: '请让 `{metric}` 越好得分越高（档位按顺序、不因做得更好而扣分），或在 `properties:` 中声明这个例外',
    },
  },
  'verify_not_monotone.pool': {
    message: {
      en: 'the pay of {role} ({stage}) beside a colleague in the pool {pools} falls from {before} to {after} when `{metric}` improves from {from} to {to}: the pool share goes from {share_before} to {share_after}',
      zh: '{role}（{stage}）与同事同分奖金池 {pools} 时，`{metric}` 从 {from} 改善到 {to}，应发由 {before} 降到 {after}：奖金池份额由 {share_before} 变为 {share_after}',
    },
    help: {
      en: "make the pool's `weight` rise, or stay, as `{metric}` improves (e.g. `score * pay_base`), or declare the exception in `properties:`",
      zh: '请让奖金池的 `weight` 随 `{metric}` 改善而上升或不变（如 `score * pay_base`），或在 `properties:` 中声明这个例外',
    },
  },
  verify_pool_share_falls: {
    message: {
      en: 'the pay of {role} ({stage}) can fall as `{metric}` improves, and no single employee shows it: the pool `{pool}` is a share of `{fund}` with a `min_share` of {min_share}, applied only once the pool can give it to everyone, so a pool carried across people × {min_share} moves money between the people weighted above the others and the rest (two people weighted 3 : 1: a pool of {pool_below} is split {share_first} and {share_second}, one of {pool_at} gives each {min_share})',
      zh: '{role}（{stage}）的应发可能在 `{metric}` 改善时下降，且单个员工看不出来：奖金池 `{pool}` 按 `{fund}` 提取，`min_share` {min_share} 只在奖金池够给每人最低份额时才适用，所以奖金池越过 人数 × {min_share} 时，钱会在权重高于他人的人和其他人之间转移（两人权重 3 : 1：奖金池 {pool_below} 分为 {share_first} 和 {share_second}，奖金池 {pool_at} 则每人 {min_share}）',
    },
    help: {
      en: 'drop `min_share`, fund the pool with a fixed amount, or declare the exception in `properties:`; check a real month with `yardstick run`',
      zh: '请去掉 `min_share`、改为固定金额的奖金池，或在 `properties:` 中声明这个例外；并用 `yardstick run` 核对真实月份',
    },
  },
  'verify_pool_share_falls.fen': {
    message: {
      en: 'the pay of {role} ({stage}) can fall by {unit} as `{metric}` improves, and no single employee shows it: the pool `{pool}` is a share of `{fund}`, and its shares are rounded by the largest remainders, so a pool one unit larger can give the unit left over to others (three people weighted 3 : 3 : 1: a pool of {pool_below} gives the third {share_first}, one of {pool_at} gives {share_second})',
      zh: '{role}（{stage}）的应发可能在 `{metric}` 改善时少 {unit}，且单个员工看不出来：奖金池 `{pool}` 按 `{fund}` 提取，各份额按最大余数取整，奖金池多一个单位时，余下的单位可能分给别人（三人权重 3 : 3 : 1：奖金池 {pool_below} 时第三人得 {share_first}，奖金池 {pool_at} 时得 {share_second}）',
    },
    help: {
      en: 'a pool that moves with `{fund}` cannot promise to the fen that more never pays less: read the promise as holding to within {unit}, or fund the pool with a fixed amount',
      zh: '随 `{fund}` 变化的奖金池无法精确到分地保证越好不少发：请按相差不超过 {unit} 理解，或改为固定金额的奖金池',
    },
  },
  verify_monotone_unsearched: {
    message: {
      en: 'whether the score and pay of {role} ({stage}) never fall as `{metric}` improves is not decided: of {count} searched cases the engine evaluated no two that differ only in `{metric}` (it excluded the others, e.g. for a performance pay below 0), so nothing was compared',
      zh: '{role}（{stage}）的得分和应发是否随 `{metric}` 改善而不减无法判定：搜索的 {count} 个案例中，引擎没有算出任何两个只差在 `{metric}` 的员工（其余都被排除，例如绩效工资小于 0），无从比较',
    },
    help: {
      en: 'add a case for this role and stage to the policy tests and run `yardstick test` to see why its records are excluded, then correct the policy',
      zh: '请在政策测试中为这个岗位和阶段加一个案例，运行 `yardstick test` 查看记录被排除的原因，再修改政策',
    },
  },
  'verify_monotone_unsearched.derived': {
    message: {
      en: 'whether the score and pay of {role} ({stage}) never fall as `{metric}` improves is not decided: `{metric}` is derived as `{text}`, which verify cannot move through one of its inputs, so it was neither proved nor searched',
      zh: '{role}（{stage}）的得分和应发是否随 `{metric}` 改善而不减无法判定：`{metric}` 由 `{text}` 算出，verify 无法通过它的某一个输入来改变它，因此既没有证明也没有搜索',
    },
    help: {
      en: 'add cases to the policy tests that move `{metric}` across its thresholds (`yardstick test`), or declare a `monotone` property on a metric it is derived from',
      zh: '请在政策测试中加几个让 `{metric}` 跨过各个阈值的案例（`yardstick test`），或对它所依据的指标声明 `monotone` 性质',
    },
  },

  verify_unreachable: {
    message: { en: '{kind} `{name}` can never be reached: {reason}', zh: '{kind} `{name}` 无人能达到：{reason}' },
    help: {
      en: 'lower its `min:`, or let the indicators give more points',
      zh: '请降低它的 `min:`，或让指标能给出更高的分数',
    },
  },
  verify_not_reached: {
    message: {
      en: '{kind} `{name}` was not reached in {count} searched cases, and no proof says it cannot be',
      zh: '{kind} `{name}` 在搜索的 {count} 个案例中都没有出现，也无法证明它不可达',
    },
    help: {
      en: 'add a case to the policy tests that reaches it (`yardstick test`)',
      zh: '请在政策测试中加一个能达到它的案例（`yardstick test`）',
    },
  },
  'verify_not_reached.unmoved': {
    message: {
      en: '{kind} `{name}` was not reached in {count} searched cases, but that says little: the search cannot move `{metric}`, derived as `{text}`, which an indicator scores; no proof says it cannot be reached',
      zh: '{kind} `{name}` 在搜索的 {count} 个案例中都没有出现，但这说明不了什么：搜索无法改变指标所用的 `{metric}`（由 `{text}` 算出）；也无法证明它不可达',
    },
    help: {
      en: 'add a case to the policy tests that reaches it (`yardstick test`)',
      zh: '请在政策测试中加一个能达到它的案例（`yardstick test`）',
    },
  },

  verify_dead_rule: {
    message: { en: '{kind} `{name}` can never fire: {reason}', zh: '{kind} `{name}` 永远不会触发：{reason}' },
    help: { en: 'correct its `when:` condition or remove the rule', zh: '请修改它的 `when:` 条件，或删除这条规则' },
  },
  verify_shadowed_rule: {
    message: {
      en: '{kind} `{name}` never changes a result: {reason}',
      zh: '{kind} `{name}` 不会改变任何结果：{reason}',
    },
    help: { en: 'remove the rule or give it an effect of its own', zh: '请删除这条规则，或让它有自己的作用' },
  },
  'verify_shadowed_rule.searched': {
    message: {
      en: '{kind} `{name}` changed no result in {count} searched cases, and no proof says it never does',
      zh: '{kind} `{name}` 在搜索的 {count} 个案例中都没有改变任何结果，也无法证明它从不改变结果',
    },
    help: {
      en: 'add a case to the policy tests in which it lowers the score or the grade (`yardstick test`), or remove the rule',
      zh: '请在政策测试中加一个它压低得分或等级的案例（`yardstick test`），或删除这条规则',
    },
  },
  'verify_shadowed_rule.searched_by': {
    message: {
      en: '{kind} `{name}` changed no result in {count} searched cases: `{veto}` fired in each of them where it did and caps at least as hard, but no proof says it always will',
      zh: '{kind} `{name}` 在搜索的 {count} 个案例中都没有改变任何结果：其中每次它触发时 `{veto}` 也触发，且封顶不低于它，但无法证明总是如此',
    },
    help: {
      en: 'if `{veto}` always fires with it, remove the rule; otherwise add a case to the policy tests in which it fires without `{veto}` (`yardstick test`)',
      zh: '如果 `{veto}` 总是与它一起触发，请删除这条规则；否则请在政策测试中加一个它触发而 `{veto}` 不触发的案例（`yardstick test`）',
    },
  },
  verify_no_cap: {
    message: {
      en: "nothing bounds one employee's pay: the policy has no `payout.cap`",
      zh: '单人应发没有上限：政策没有 `payout.cap`',
    },
    help: {
      en: 'add `cap:` under `payout:`, e.g. `cap: pay_base * 3`',
      zh: '请在 `payout:` 下添加 `cap:`，例如 `cap: pay_base * 3`',
    },
  },
  verify_over_cap: {
    message: {
      en: '{role} ({stage}) is paid {amount}, above the cap {limit}',
      zh: '{role}（{stage}）应发 {amount}，超过封顶 {limit}',
    },
    help: { en: 'check `payout.cap` and the awards added after it', zh: '请检查 `payout.cap` 以及封顶之后加上的奖励' },
  },
  'verify_over_cap.pool': {
    message: {
      en: '{role} ({stage}) is paid {amount}, above the cap {limit}: {before} before the pool, then {share} from the pool {pools}, which the cap does not cut',
      zh: '{role}（{stage}）应发 {amount}，超过封顶 {limit}：奖金池前 {before}，再加奖金池 {pools} 的份额 {share}，封顶不削减奖金池份额',
    },
    help: {
      en: 'pool shares are paid after `payout.cap` (the shares add up to the pool): lower the cap by the largest share a person can take (`max_share`), or declare that pooled pay may pass the cap',
      zh: '奖金池份额在 `payout.cap` 之后发放（各份额合计等于奖金池）：请把封顶降低一个人可得的最大份额（`max_share`），或明确允许含奖金池的应发超过封顶',
    },
  },
  'verify_over_cap.pools_unsearched': {
    message: {
      en: 'pool shares are paid after the cap, and no employee verify tried passed it: whether a share of {pools} takes someone above the cap depends on the month',
      zh: '奖金池份额在封顶之后发放，verify 试算的员工都没有超过封顶：奖金池 {pools} 的份额会不会让人超过封顶取决于当月数据',
    },
    help: {
      en: 'check the largest share against the cap with `yardstick run` on a real month, or set `max_share` so that pay at the cap plus it stays within what you promise',
      zh: '请用 `yardstick run` 在真实月份上核对最大份额与封顶，或设置 `max_share`，使封顶加上份额仍在承诺之内',
    },
  },
  verify_property_fails: {
    message: {
      en: 'property `{id}` ({title}) does not hold: {reason}',
      zh: '性质 `{id}`（{title}）不成立：{reason}',
    },
    help: {
      en: 'the counterexample is printed as a test case: correct the policy, or the property if it asks too much',
      zh: '反例已按测试案例的格式列出：请修改政策；如果性质要求过高，请修改性质',
    },
  },
  'verify_property_fails.pool': {
    message: {
      en: 'property `{id}` ({title}) does not hold: {reason}',
      zh: '性质 `{id}`（{title}）不成立：{reason}',
    },
    help: {
      en: "no case to paste: a policy test evaluates one record, without the month's pools; correct the pool or the property, and check a real month with `yardstick run`",
      zh: '没有可粘贴的测试案例：政策测试只计算单条记录，不含当月的奖金池；请修改奖金池或这条性质，并用 `yardstick run` 核对真实月份',
    },
  },

  verify_property_unknown: {
    message: {
      en: 'property `{id}` names {kind} `{name}`, which the policy does not have',
      zh: '性质 `{id}` 引用的{kind} `{name}` 在政策中不存在',
    },
    help: { en: 'use an id the policy declares', zh: '请使用政策中声明过的 id' },
  },
  verify_property_pool_share_falls: {
    message: {
      en: 'property `{id}` ({title}) is not decided: the pool `{pool}` is a share of `{fund}` with a `min_share` of {min_share}, applied only once the pool can give it to everyone, so a pool carried across people × {min_share} moves money between the people weighted above the others and the rest (two people weighted 3 : 1: a pool of {pool_below} is split {share_first} and {share_second}, one of {pool_at} gives each {min_share}), which no single employee shows',
      zh: '性质 `{id}`（{title}）未定：奖金池 `{pool}` 按 `{fund}` 提取，`min_share` {min_share} 只在奖金池够给每人最低份额时才适用，所以奖金池越过 人数 × {min_share} 时，钱会在权重高于他人的人和其他人之间转移（两人权重 3 : 1：奖金池 {pool_below} 分为 {share_first} 和 {share_second}，奖金池 {pool_at} 则每人 {min_share}），单个员工看不出来',
    },
    help: {
      en: 'drop `min_share`, fund the pool with a fixed amount, or narrow the property; check a real month with `yardstick run`',
      zh: '请去掉 `min_share`、改为固定金额的奖金池，或收窄这条性质；并用 `yardstick run` 核对真实月份',
    },
  },
  'verify_property_pool_share_falls.fen': {
    message: {
      en: 'property `{id}` ({title}) is not decided to the fen: the pool `{pool}` is a share of `{fund}`, and its shares are rounded by the largest remainders, so a pool one unit larger can give the unit left over to others and a share fall by {unit} (three people weighted 3 : 3 : 1: a pool of {pool_below} gives the third {share_first}, one of {pool_at} gives {share_second}), which no single employee shows',
      zh: '性质 `{id}`（{title}）无法精确到分判定：奖金池 `{pool}` 按 `{fund}` 提取，各份额按最大余数取整，奖金池多一个单位时，余下的单位可能分给别人，份额少 {unit}（三人权重 3 : 3 : 1：奖金池 {pool_below} 时第三人得 {share_first}，奖金池 {pool_at} 时得 {share_second}），单个员工看不出来',
    },
    help: {
      en: 'a pool that moves with `{fund}` cannot keep this promise to the fen: read it as holding to within {unit}, or fund the pool with a fixed amount',
      zh: '随 `{fund}` 变化的奖金池无法精确到分地守住这条性质：请按相差不超过 {unit} 理解它，或改为固定金额的奖金池',
    },
  },
  verify_property_unsearched: {
    message: {
      en: 'property `{id}` ({title}) was checked on no employee: nothing in the roles and stages it applies to could be varied',
      zh: '性质 `{id}`（{title}）没有检查任何员工：它适用的岗位和阶段中没有可以变动的值',
    },
    help: {
      en: 'check its `where` (role, stage) and its metric against the policy, or add a policy test case for it',
      zh: '请对照政策检查它的 `where`（岗位、阶段）和指标，或为它写一条政策测试案例',
    },
  },
  'verify_property_unsearched.no_match': {
    message: {
      en: 'property `{id}` ({title}) was checked on no employee: no employee verify evaluated matched its `where`',
      zh: '性质 `{id}`（{title}）没有检查任何员工：verify 计算的员工中没有一个符合它的 `where`',
    },
    help: {
      en: 'check its `where` against the policy (roles and stages by their ids, the teams, grades and tiers it has), or add a policy test case for it',
      zh: '请对照政策检查它的 `where`（岗位和阶段写 id，团队、等级和档位写政策中有的），或为它写一条政策测试案例',
    },
  },
  'verify_property_unsearched.none_compared': {
    message: {
      en: 'property `{id}` ({title}) is not decided: the engine evaluated no two employees it applies to that differ only in `{metric}` (it excluded the others, e.g. for a performance pay below 0), so nothing was compared',
      zh: '性质 `{id}`（{title}）无法判定：引擎没有算出任何两个它适用、只差在 `{metric}` 的员工（其余都被排除，例如绩效工资小于 0），无从比较',
    },
    help: {
      en: 'add a policy test case it applies to and run `yardstick test` to see why such records are excluded, then correct the policy',
      zh: '请写一条它适用的政策测试案例，运行 `yardstick test` 查看这类记录被排除的原因，再修改政策',
    },
  },
  // the lines of verify's own report around the diagnostics (node/cli/commands/verify.ts, check.ts)
  verify_summary: {
    message: {
      en: '{file}: {count} properties: {proved} proved, {shown} shown by an example, {searched} searched ({cases} cases considered over all verdicts), {failed} fail, {undecided} undecided · {ms} ms',
      zh: '{file}：{count} 项性质，已证明 {proved} 项，举例证实 {shown} 项，搜索 {searched} 项（各项性质共考察 {cases} 例），不成立 {failed} 项，未定 {undecided} 项 · 用时 {ms} 毫秒',
    },
  },
  verify_verdict: {
    message: {
      en: '{verdict} · property {property} of {subject} · {basis}',
      zh: '{verdict} · {subject} 的性质 {property} · {basis}',
    },
  },
  verify_counterexample: {
    message: {
      en: 'counterexample (paste under `cases:` in the policy tests):',
      zh: '反例（可粘贴到政策测试文件的 `cases:` 下）：',
    },
  },
  'verify_counterexample.confirmed': {
    message: {
      en: 'counterexample (paste under `cases:` in the policy tests; the engine, evaluating it again, confirms the failure):',
      zh: '反例（可粘贴到政策测试文件的 `cases:` 下；引擎重新计算后确认不成立）：',
    },
  },
  verify_policy_invalid: {
    message: {
      en: '{file}: the policy does not validate ({count} problem(s)), so its properties are not checked',
      zh: '{file}：政策校验未通过（{count} 个问题），未检查它的性质',
    },
    help: {
      en: 'run `yardstick validate {file}` for where and why',
      zh: '请运行 `yardstick validate {file}` 查看位置和原因',
    },
  },
  verify_check_fails: {
    message: {
      en: '{file}: policy properties that fail: {count}',
      zh: '{file}：{count} 项政策性质不成立',
    },
    help: {
      en: 'run `yardstick verify {file}` for each counterexample as a ready-to-paste test case',
      zh: '请运行 `yardstick verify {file}`，每个反例都列成可直接粘贴的测试案例',
    },
  },
});
