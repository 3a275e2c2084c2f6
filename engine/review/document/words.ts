// The fixed wording of the 考核方案 in Chinese (written first, for employees) and English.

import type { Scoring } from '../../model/policy.js';
import { formatAmount } from '../../model/money.js';
import type { Text } from './model.js';

const zh = {
  planSuffix: ' · 考核方案',
  subtitle: (v: string, from?: string) => `版本 ${v}${from ? ` · 自 ${from} 起执行` : ''}`,
  purpose: '目的',
  purposeText: (title: string) =>
    `本方案规定「${title}」的考核指标、评分方法、等级、奖金和后续措施，使每位员工事先知道怎样考核、怎样计酬。方案由政策文件直接生成，与实际计算使用同一份规则。`,
  scope: '适用范围',
  scopeText: '适用于以下岗位（绩效基数为默认值，个人另有约定的以个人绩效基数为准），按团队所处阶段使用不同的权重：',
  teams: '团队',
  period: '考核周期',
  periodText: (p: 'month' | 'quarter', from: string | undefined, v: string) =>
    `${p === 'month' ? '按月考核' : '按季度考核'}，每期数据以平台后台导出为准。本方案第 ${v} 版${from ? `自 ${from} 起执行` : ''}。`,
  roleSection: '岗位',
  indicatorTable: '考核指标、门槛 / 目标 / 挑战值及各阶段权重',
  indicator: '指标',
  method: '评分方法',
  threshold: '门槛',
  target: '目标',
  challenge: '挑战',
  cap: '封顶分',
  weight: '权重',
  group: '指标组（按下级指标加权）',
  lowerBetter: '（越低越好）',
  methods: { linear: '线性', steps: '分档', pass_fail: '达标制', rating: '评分制' } as Record<Scoring, string>,
  methodText: (m: Scoring, better: 'higher' | 'lower') => {
    const dir = better === 'lower' ? '（越低越好，方向相反）' : '';
    switch (m) {
      case 'linear':
        return `达到门槛得 60 分，达到目标得 100 分，达到挑战值得 120 分，之间按比例计算；未达门槛得 0 分${dir}。`;
      case 'steps':
        return `按所在档位得分${dir}。`;
      case 'pass_fail':
        return `达到目标得满分，否则得 0 分${dir}。`;
      case 'rating':
        return '评分按满分折算为百分制。';
    }
  },
  example: (name: string, v: string, p: number) => `例：${name} 实际为 ${v}，得 ${p} 分。`,
  stepAtLeast: (v: string, p: number) => `≥ ${v} 得 ${p} 分`,
  stepAtMost: (v: string, p: number) => `≤ ${v} 得 ${p} 分`,
  sampleName: '示例员工',
  workedExample: '计算示例',
  workedIntro: (stage: string) =>
    `计算示例（${stage}，各项指标恰好达到目标、评分类为满分 80% 的员工，由计算引擎算出）：`,
  actual: '实际',
  pointsHead: '得分',
  weighted: '加权得分',
  workedScore: (s: number, g: string) => `总分 ${s} 分，等级 ${g}`,
  workedTotal: (t: string) => `应发合计 ${t}`,
  workedHeld: (h: string) => `暂扣：${h}`,
  workedTriggers: (t: string) => `后续措施：${t}`,
  adjustments: '加减分与一票否决',
  rule: '规则',
  when: '条件',
  awardHead: '奖励',
  capsHead: '封顶与说明',
  daysHead: '期限（天）',
  scoreCap: (c: number) => `总分最高 ${c} 分`,
  gradeCap: (g: string) => `等级最高 ${g}`,
  grades: '等级与奖金',
  payText: (f: string): Text => ['绩效工资按公式 ', { code: f }, ' 计算（pay_base 为绩效基数，score 为总分）。'],
  grade: '等级',
  title: '名称',
  minScore: '最低分',
  scoreRange: '分数范围',
  atLeast: (m: number) => `${m} 分及以上`,
  between: (a: number, b: number) => `${a} 分至不足 ${b} 分`,
  tiers: '激励档位',
  tierBasis: (b: string) => `按${b}确定档位，达到档位下限即享受该档位：`,
  attainment: '目标达成率（总分 / 100）',
  tier: '档位',
  minimum: '下限',
  multiplier: '绩效工资倍数',
  tierAward: '档位奖金',
  benefit: '其他激励',
  caps: '封顶与取整',
  awardsCap: (c: string | number): Text => ['奖励合计封顶：', typeof c === 'number' ? formatAmount(c) : { code: c }],
  totalCap: (c: string | number): Text => ['单人应发封顶：', typeof c === 'number' ? formatAmount(c) : { code: c }],
  rounding: (to: number, mode: string) =>
    `金额按 ${to} 元取整（${mode === 'half_up' ? '四舍五入' : mode === 'half_even' ? '银行家舍入' : mode === 'down' ? '向下' : '向上'}）`,
  holds: '暂扣发放',
  reason: '原因与处理',
  triggers: '后续措施与绩效改进',
  action: '措施',
  training: '需参加培训',
  closeWhen: (c: string) => `达标条件：${c}`,
  improvementProcess:
    '绩效改进流程：触发后与员工进行绩效面谈，制定改进计划并安排培训；改进期结束时按达标条件评估，达标即关闭，仍未达标进入调岗或退出评估。',
  calibration: '强制分布（校准）',
  calibrationText: (within: string) => `校准在${within}范围内进行，各等级人数比例如下：`,
  within: { team: '每个团队', role: '每个岗位', stage: '每个阶段', all: '全公司' },
  quotaMax: '最多',
  quotaMin: '最少',
  changes: (v: string, name?: string) => `与上一版本（${v}${name ? `，${name}` : ''}）相比的变化`,
  noChanges: '与上一版本相比没有变化。',
  versionSection: '版本与生效',
  versionText: (id: string, v: string, from?: string) =>
    `政策编号 ${id}，版本 ${v}${from ? `，自 ${from} 起执行` : ''}。本文件由政策文件自动生成，如有出入以政策文件为准。`,
  role: '岗位',
  payBase: '绩效基数',
  colon: '：',
  sep: '，',
  and: ' 且 ',
  or: ' 或 ',
  not: '非',
  lp: '（',
  rp: '）',
  ops: { in: '属于', notIn: '不属于', contains: '包含', doesNotContain: '不包含' },
};

export type Words = typeof zh;

/** The number of the n-th (1-based) numbered section: 一、 in Chinese, 1. in English. */
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];
export const numbered = { zh: (n: number) => `${CN[n - 1] ?? n}、`, en: (n: number) => `${n}. ` };

const en: Words = {
  planSuffix: ' · Performance plan',
  subtitle: (v, from) => `Version ${v}${from ? ` · in force from ${from}` : ''}`,
  purpose: 'Purpose',
  purposeText: (title) =>
    `This plan sets out the indicators, scoring, grades, pay and follow-up of "${title}", so that every employee knows beforehand how they are assessed and paid. It is generated from the policy file that the calculation itself uses.`,
  scope: 'Scope',
  scopeText:
    'It applies to the roles below (the pay base shown is the default; a personal pay base agreed with an employee replaces it), with weights by the stage of the team:',
  teams: 'Teams',
  period: 'Period',
  periodText: (p, from, v) =>
    `Assessed ${p === 'month' ? 'monthly' : 'quarterly'}, on the data exported from the platforms' back-offices. Version ${v} of this plan${from ? ` applies from ${from}` : ''}.`,
  roleSection: 'Role',
  indicatorTable: 'Indicators, threshold / target / challenge and weights by stage',
  indicator: 'Indicator',
  method: 'Scoring',
  threshold: 'Threshold',
  target: 'Target',
  challenge: 'Challenge',
  cap: 'Point cap',
  weight: 'Weight',
  group: 'group (weighted from its indicators)',
  lowerBetter: ' (lower is better)',
  methods: { linear: 'linear', steps: 'steps', pass_fail: 'pass/fail', rating: 'rating' },
  methodText: (m, better) => {
    const dir = better === 'lower' ? ' (lower is better: the scale runs the other way)' : '';
    switch (m) {
      case 'linear':
        return `60 points at the threshold, 100 at the target, 120 at the challenge, in proportion between; 0 below the threshold${dir}.`;
      case 'steps':
        return `the points of the step the value falls in${dir}.`;
      case 'pass_fail':
        return `full points when the target is met, else 0${dir}.`;
      case 'rating':
        return 'the rating as a share of its full mark, out of 100.';
    }
  },
  example: (name, v, p) => `Example: ${name} at ${v} scores ${p} points.`,
  stepAtLeast: (v, p) => `≥ ${v}: ${p} pts`,
  stepAtMost: (v, p) => `≤ ${v}: ${p} pts`,
  sampleName: 'Sample employee',
  workedExample: 'Worked example',
  workedIntro: (stage) =>
    `Worked example (${stage}, an employee exactly on every target, ratings at 80 % of full marks, computed by the engine):`,
  actual: 'Actual',
  pointsHead: 'Points',
  weighted: 'Weighted',
  workedScore: (s, g) => `Score ${s}, grade ${g}`,
  workedTotal: (t) => `Total pay ${t}`,
  workedHeld: (h) => `Held: ${h}`,
  workedTriggers: (t) => `Follow-up: ${t}`,
  adjustments: 'Adjustments and vetoes',
  rule: 'Rule',
  when: 'When',
  awardHead: 'Award',
  capsHead: 'Caps and notes',
  daysHead: 'Days',
  scoreCap: (c) => `score at most ${c}`,
  gradeCap: (g) => `grade at most ${g}`,
  grades: 'Grades and pay',
  payText: (f) => ['Performance pay is ', { code: f }, ' (pay_base is the pay base, score the total score).'],
  grade: 'Grade',
  title: 'Title',
  minScore: 'From score',
  scoreRange: 'Score range',
  atLeast: (m) => `${m} and above`,
  between: (a, b) => `${a} to under ${b}`,
  tiers: 'Incentive tiers',
  tierBasis: (b) => `The tier follows ${b}; reaching a band's lower bound earns that band:`,
  attainment: 'target attainment (score / 100)',
  tier: 'Tier',
  minimum: 'From',
  multiplier: 'Pay multiplier',
  tierAward: 'Tier award',
  benefit: 'Other benefit',
  caps: 'Caps and rounding',
  awardsCap: (c) => ['Awards capped at ', typeof c === 'number' ? formatAmount(c) : { code: c }],
  totalCap: (c) => ["One employee's pay capped at ", typeof c === 'number' ? formatAmount(c) : { code: c }],
  rounding: (to, mode) => `Amounts rounded to ${to} yuan (${mode.replace('_', ' ')})`,
  holds: 'Holds',
  reason: 'Reason and what to do',
  triggers: 'Follow-up and improvement',
  action: 'Action',
  training: 'with training',
  closeWhen: (c) => `met when: ${c}`,
  improvementProcess:
    'Improvement process: a performance interview, an improvement plan and training; at the end of the window the plan is judged on its condition — met, it closes; not met, a transfer or exit review follows.',
  calibration: 'Forced distribution (calibration)',
  calibrationText: (within) => `Calibration within ${within}; the share of each grade:`,
  within: { team: 'each team', role: 'each role', stage: 'each stage', all: 'the whole company' },
  quotaMax: 'At most',
  quotaMin: 'At least',
  changes: (v, name) => `Changes since the previous version (${v}${name ? `, ${name}` : ''})`,
  noChanges: 'No changes since the previous version.',
  versionSection: 'Version',
  versionText: (id, v, from) =>
    `Policy ${id}, version ${v}${from ? `, in force from ${from}` : ''}. Generated from the policy file, which prevails.`,
  role: 'Role',
  payBase: 'Pay base',
  colon: ': ',
  sep: ', ',
  and: ' and ',
  or: ' or ',
  not: 'not ',
  lp: ' (',
  rp: ')',
  ops: { in: 'in', notIn: 'not in', contains: 'contains', doesNotContain: 'does not contain' },
};

export const T = { zh, en } as const;
