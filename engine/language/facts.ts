// The facts a condition may name besides the policy's own metrics, their types, and when each is
// known; and the operators a comparison may use. The language's vocabulary only: how the history
// facts are computed is evaluation's (engine/evaluation/history.ts).

export type Phase = 'rules' | 'triggers';

export interface FactInfo {
  label: { zh: string; en: string };
  type: 'number' | 'string' | 'boolean';
  /** Earliest phase that knows it: `rules` facts are also known to triggers. */
  phase: Phase;
  /** Parameters it must have. */
  params?: string[];
  /** Parameters it may have. */
  optionalParams?: string[];
  /** How its value is written where a person reads it (a ratio as a percent, money in yuan). */
  unit?: 'ratio' | 'money';
}

/**
 * Evaluation order: holds and adjustments run on the record (`rules`), triggers after grading.
 * Null-prototype: a condition's `fact: toString` is an unknown fact, not Object.prototype's.
 * Typed as any name (possibly absent) plus the names below (present), so `BUILTIN_FACTS.score`
 * needs no check and `BUILTIN_FACTS[fact]` does.
 */
export const BUILTIN_FACTS = Object.assign(Object.create(null) as Record<string, FactInfo>, {
  employee_id: { label: { zh: '工号', en: 'employee id' }, type: 'string', phase: 'rules' },
  role: { label: { zh: '岗位', en: 'role' }, type: 'string', phase: 'rules' },
  team: { label: { zh: '团队', en: 'team' }, type: 'string', phase: 'rules' },
  stage: { label: { zh: '阶段', en: 'stage' }, type: 'string', phase: 'rules' },
  pay_base: { label: { zh: '绩效基数', en: 'pay base' }, type: 'number', phase: 'rules', unit: 'money' },
  base_score: { label: { zh: '基础得分', en: 'base score' }, type: 'number', phase: 'rules' },
  previous_grade: { label: { zh: '上期等级', en: 'previous grade' }, type: 'string', phase: 'rules' },
  score: { label: { zh: '总分', en: 'score' }, type: 'number', phase: 'triggers' },
  raw_grade: { label: { zh: '封顶前等级', en: 'grade before caps' }, type: 'string', phase: 'triggers' },
  grade: { label: { zh: '等级', en: 'grade' }, type: 'string', phase: 'triggers' },
  tier: { label: { zh: '档位', en: 'tier' }, type: 'string', phase: 'triggers' },
  attainment: { label: { zh: '达成率', en: 'attainment' }, type: 'number', phase: 'triggers', unit: 'ratio' },
  held: { label: { zh: '暂扣', en: 'held' }, type: 'boolean', phase: 'triggers' },
  consecutive_grade: {
    label: { zh: '连续同等级期数', en: 'consecutive periods with grade' },
    type: 'number',
    phase: 'triggers',
    params: ['grade'],
  },
  periods_in_role: { label: { zh: '本岗位连续期数', en: 'periods in role' }, type: 'number', phase: 'rules' },
  open_plan: { label: { zh: '有进行中的改进计划', en: 'improvement plan open' }, type: 'boolean', phase: 'rules' },
  rolling_average: {
    label: { zh: '近期平均', en: 'rolling average' },
    type: 'number',
    phase: 'triggers',
    params: ['of', 'periods'],
  },
  previous_plan: {
    label: { zh: '上期改进计划', en: 'previous improvement plan' },
    type: 'string',
    phase: 'rules',
  },
  grade_cap: { label: { zh: '等级封顶', en: 'grade cap' }, type: 'string', phase: 'triggers' },
  indicator_points: {
    label: { zh: '指标得分', en: 'indicator points' },
    type: 'number',
    phase: 'rules',
    params: ['indicator'],
  },
  indicator_attainment: {
    label: { zh: '指标达成率', en: 'indicator attainment' },
    type: 'number',
    phase: 'rules',
    params: ['indicator'],
    unit: 'ratio',
  },
  indicator_reached: {
    label: { zh: '指标达到', en: 'indicator reached' },
    type: 'boolean',
    phase: 'rules',
    params: ['indicator', 'level'],
  },
  indicators_reached: {
    label: { zh: '达到的指标数', en: 'indicators reaching' },
    type: 'number',
    phase: 'rules',
    params: ['level'],
    optionalParams: ['indicators'],
  },
  indicators_reached_share: {
    label: { zh: '达到的指标占比', en: 'share of indicators reaching' },
    type: 'number',
    phase: 'rules',
    params: ['level'],
    optionalParams: ['indicators'],
    unit: 'ratio',
  },
  indicators_missed: {
    label: { zh: '未达到的指标数', en: 'indicators missing' },
    type: 'number',
    phase: 'rules',
    params: ['level'],
    optionalParams: ['indicators'],
  },
  lowest_indicator_points: {
    label: { zh: '最低指标得分', en: 'lowest indicator points' },
    type: 'number',
    phase: 'rules',
    optionalParams: ['indicators'],
  },
} satisfies Record<string, FactInfo>);

/** The facts about the record's indicator results (engine/evaluation/indicator-facts.ts computes them). */
export const INDICATOR_FACT_NAMES: readonly string[] = [
  'indicator_points',
  'indicator_attainment',
  'indicator_reached',
  'indicators_reached',
  'indicators_reached_share',
  'indicators_missed',
  'lowest_indicator_points',
];

/** The reference points `indicator_reached` and the counts take as `params.level`. */
export const INDICATOR_LEVELS = ['threshold', 'target', 'challenge'] as const;

/** Operators that ask whether a fact has a value at all; they take no `value`. */
export const PRESENCE_OPERATORS = ['absent', 'present'] as const;

export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'absent',
  'present',
] as const;
