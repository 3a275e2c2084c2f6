// The roll-up preview's words (zh default, en), kept apart from lib/i18n.ts.

import type { Lang } from './i18n';

const zh = {
  title: (period: string) => `汇总预览：${period}`,
  computing: '正在用历史月份计算汇总…',
  from: (of: string, n: number, first: string, last: string) =>
    `由月度政策 ${of}.yaml 对 ${n} 个历史月份（${first} 至 ${last}）评分后汇总，计算与 yardstick rollup 相同`,
  monthsUsed: '所用月份',
  employees: (n: number) => `参与汇总：${n} 人`,
  leftOut: (n: number) => `未参与汇总：${n} 人`,
  total: '应发合计',
  grades: '等级分布',
  calibrated: '校准后',
  id: '工号',
  name: '姓名',
  team: '团队',
  months: '月数',
  score: '得分',
  grade: '等级',
  calibratedGrade: '校准后等级',
  heldOut: (months: string[]) => `— 不参与（${months.join('、')} 仍暂扣）`,
  awards: '奖励',
  pay: '应发',
  facts: '汇总事实',
  none: '—',
  stale: '左侧 YAML 有错误：下面是上一次正确时的预览，已过时',
  noMonthly: (of: string) =>
    `找不到汇总政策引用的月度政策 ${of}.yaml（rollup.of: ${of}）：policies 文件夹中没有这个文件，无法预览。`,
  noOf: '汇总政策没有写 rollup.of（它汇总哪一个月度政策），无法预览。',
  monthlyInvalid: (of: string) => `月度政策 ${of}.yaml 有错误，无法用它给历史月份评分：请先修正它。`,
  noHistory: (of: string) =>
    `没有 ${of} 的历史月份：在 examples/history/ 或 data/history/ 中放入名为 ${of}-YYYY-MM.csv 的月度数据后即可预览。`,
  duplicates: (list: string) => `以下月份有不止一个历史文件，不确定用哪一个，未计入：${list}`,
  dataProblems: (n: number) => `历史数据中有 ${n} 处问题，相关行未计入（yardstick run --record 会拒绝它们）：`,
  serverError: (why: string) => `读取历史月份失败：${why}`,
  beforeEffective: (period: string, from: string) =>
    `${period} 早于这份政策的生效期 effective_from: ${from}：yardstick rollup 会拒绝这个期间，以下数字仅供参考`,
};

type Words = typeof zh;

const en: Words = {
  title: (period) => `Roll-up preview: ${period}`,
  computing: 'Rolling up the history months…',
  from: (of, n, first, last) =>
    `Rolled up from ${n} history month(s) (${first} to ${last}) scored by the monthly policy ${of}.yaml, computed as yardstick rollup computes it`,
  monthsUsed: 'Months used',
  employees: (n) => `Rolled up: ${n}`,
  leftOut: (n) => `Left out: ${n}`,
  total: 'Pay total',
  grades: 'Grades',
  calibrated: 'After forced distribution',
  id: 'ID',
  name: 'Name',
  team: 'Team',
  months: 'Months',
  score: 'Score',
  grade: 'Grade',
  calibratedGrade: 'Calibrated',
  heldOut: (months) => `— left out (${months.join(', ')} still held)`,
  awards: 'Awards',
  pay: 'Pay',
  facts: 'Facts',
  none: '—',
  stale: 'The YAML on the left has an error: below is the preview of the last text that was right, out of date',
  noMonthly: (of) =>
    `The monthly policy this roll-up names, ${of}.yaml (rollup.of: ${of}), is not in the policies folder: nothing to preview.`,
  noOf: 'The roll-up policy does not say which monthly policy it rolls up (rollup.of): nothing to preview.',
  monthlyInvalid: (of) =>
    `The monthly policy ${of}.yaml has errors, so the history months cannot be scored: fix it first.`,
  noHistory: (of) =>
    `There are no history months for ${of}: put month files named ${of}-YYYY-MM.csv in examples/history/ or data/history/ to preview.`,
  duplicates: (list) =>
    `These months have more than one history file, so which one is meant is unclear; left out: ${list}`,
  dataProblems: (n) =>
    `${n} problem(s) in the history data; those rows are left out (yardstick run --record would refuse them):`,
  serverError: (why) => `Could not read the history months: ${why}`,
  beforeEffective: (period, from) =>
    `${period} is before this policy's effective_from: ${from}; yardstick rollup refuses this period, so these numbers are for looking only`,
};

export const rollupWords: Record<Lang, Words> = { zh, en };
