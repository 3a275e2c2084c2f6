// The improvement-plan lifecycle, derived from what was recorded, never from hidden state: a
// trigger of type improvement_plan opens a plan with a window of `days` (whole months, rounded
// up); each later period reads the plan recorded for the period before and decides: met (its
// `close_when` holds) → closed; window not over → open; window over → extended while
// `extensions` remain, else escalated to an exit review.

import { known } from '../model/known.js';

export type PlanStatus = 'open' | 'extended' | 'closed' | 'escalated';

export interface PlanState {
  trigger: string;
  status: PlanStatus;
  opened: string;
  /** Last period of the current window, YYYY-MM. */
  window_ends: string;
  extensions_used: number;
  /** Why it is in this state, in the run's language. */
  reason: string;
}

/** The last period and months asked for, and the answer: a month's run asks for the same on every plan it opens. */
let lastAdded = { period: '', months: 0, result: '' };

export function addMonths(period: string, months: number): string {
  const last = lastAdded;
  if (last.period === period && last.months === months && period !== '') return last.result;
  const result = monthsAdded(period, months);
  lastAdded = { period, months, result };
  return result;
}

function monthsAdded(period: string, months: number): string {
  // the first two dash-separated parts, as numbers (sliced, not split: a plan's window on every record)
  const dash = period.indexOf('-');
  const next = dash < 0 ? -1 : period.indexOf('-', dash + 1);
  const y = Number(dash < 0 ? period : period.slice(0, dash));
  const m = dash < 0 ? undefined : Number(next < 0 ? period.slice(dash + 1) : period.slice(dash + 1, next));
  const total = known(y, 'year') * 12 + (known(m, 'month') - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export const windowMonths = (days = 30) => Math.max(1, Math.ceil(days / 30));

const T = {
  zh: {
    opened: (end: string) => `开始改进计划，期限至 ${end}`,
    met: '达到改进目标，计划关闭',
    ongoing: (end: string) => `改进中，期限至 ${end}`,
    extended: (end: string, n: number) => `期满未达标，第 ${n} 次延长至 ${end}`,
    escalated: '期满未达标且不能再延长，转调岗或退出评估',
  },
  en: {
    opened: (end: string) => `improvement plan opened, window until ${end}`,
    met: 'improvement target met, plan closed',
    ongoing: (end: string) => `in progress, window until ${end}`,
    extended: (end: string, n: number) => `window ended unmet, extension ${n} until ${end}`,
    escalated: 'window ended unmet with no extension left: exit review',
  },
};

/**
 * The plan state for this period. `previous` is the plan recorded for an earlier period; `met`
 * tells whether its closing condition holds now; `openedNow` is the improvement_plan trigger that
 * fired this period, if any.
 */
export function nextPlan(
  period: string,
  previous: PlanState | undefined,
  met: boolean,
  openedNow: { trigger: string; days?: number } | undefined,
  rules: (trigger: string) => { days?: number; extensions?: number } | undefined,
  lang: 'zh' | 'en',
): PlanState | undefined {
  const t = T[lang];
  const active = previous && (previous.status === 'open' || previous.status === 'extended') ? previous : undefined;
  if (active) {
    const rule = rules(active.trigger) ?? {};
    if (met) return { ...active, status: 'closed', reason: t.met };
    if (period < active.window_ends) return { ...active, status: 'open', reason: t.ongoing(active.window_ends) };
    if (active.extensions_used < (rule.extensions ?? 0)) {
      const end = addMonths(period, windowMonths(rule.days));
      return {
        ...active,
        status: 'extended',
        window_ends: end,
        extensions_used: active.extensions_used + 1,
        reason: t.extended(end, active.extensions_used + 1),
      };
    }
    return { ...active, status: 'escalated', reason: t.escalated };
  }
  if (openedNow) {
    const end = addMonths(period, windowMonths(openedNow.days));
    return {
      trigger: openedNow.trigger,
      status: 'open',
      opened: period,
      window_ends: end,
      extensions_used: 0,
      reason: t.opened(end),
    };
  }
  return undefined;
}
