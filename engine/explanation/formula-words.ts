// A payout formula read aloud with this employee's numbers in it: `pay_base * min(score, 120) / 100`
// becomes 「绩效基数 ¥6,000.00 × 得分 77.25（最高按 120 计） ÷ 100」. Pure; the value of each name
// comes from the scorecard (pay base, scores, the metrics of its indicators).

import type { CompiledPolicy } from '../language/compile.js';
import { parseExpression, type Expr } from '../language/expression.js';
import { BUILTIN_FACTS } from '../language/facts.js';
import { formatMoney } from '../model/money.js';
import type { Unit } from '../model/policy.js';
import type { Scorecard } from '../model/scorecard.js';
import { formatValue, type Lang } from './explain.js';

const W = {
  zh: {
    pay_base: '绩效基数',
    score: '得分',
    base_score: '基础得分',
    upTo: (x: string, c: string) => `${x}（最高按 ${c} 计）`,
    atLeast: (x: string, c: string) => `${x}（最低按 ${c} 计）`,
    smaller: (xs: string[]) => `${xs.join('、')} 中较小者`,
    larger: (xs: string[]) => `${xs.join('、')} 中较大者`,
    fn: { abs: '绝对值', round: '四舍五入', floor: '向下取整', ceil: '向上取整' },
    cond: (t: string, a: string, b: string) => `如果 ${t} 则 ${a}，否则 ${b}`,
  },
  en: {
    pay_base: 'pay base',
    score: 'score',
    base_score: 'base score',
    upTo: (x: string, c: string) => `${x} (counted up to ${c})`,
    atLeast: (x: string, c: string) => `${x} (counted as at least ${c})`,
    smaller: (xs: string[]) => `the smaller of ${xs.join(', ')}`,
    larger: (xs: string[]) => `the larger of ${xs.join(', ')}`,
    fn: { abs: 'absolute value', round: 'rounded', floor: 'rounded down', ceil: 'rounded up' },
    cond: (t: string, a: string, b: string) => `if ${t} then ${a}, else ${b}`,
  },
};

const OPS: Record<string, string> = {
  '*': '×',
  '/': '÷',
  '+': '+',
  '-': '−',
  '%': 'mod',
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
  '==': '=',
  '!=': '≠',
};
const PRECEDENCE: Record<string, number> = { '*': 3, '/': 3, '%': 3, '+': 2, '-': 2 };

const n = (x: number) => String(Number(x.toPrecision(12)));

/**
 * The formula in words with the numbers filled in, e.g. for a pay base of 6000 and a score of
 * 77.25 「绩效基数 ¥6,000.00 × 得分 77.25（最高按 120 计） ÷ 100」; undefined if it does not parse.
 */
export function formulaInWords(
  policy: CompiledPolicy,
  card: Scorecard,
  formula: string,
  lang: Lang,
): string | undefined {
  const parsed = parseExpression(formula);
  if (!parsed.ok) return undefined;
  const w = W[lang];
  const metricValue = (id: string): number | undefined => {
    const walk = (items: Scorecard['indicators']): number | undefined => {
      for (const i of items) {
        if (i.metric === id && i.actual !== undefined) return i.actual;
        const inner = i.children && walk(i.children);
        if (inner !== undefined) return inner;
      }
      return undefined;
    };
    return walk(card.indicators);
  };
  const name = (id: string): string => {
    switch (id) {
      case 'pay_base':
        return `${w.pay_base} ${formatMoney(card.payout.pay_base)}`;
      case 'score':
        return `${w.score} ${n(card.score)}`;
      case 'base_score':
        return `${w.base_score} ${n(card.base_score)}`;
      case 'attainment':
        return `${BUILTIN_FACTS.attainment.label[lang]} ${formatValue(card.score / 100, 'ratio', lang)}`;
    }
    const metric = policy.metrics[id];
    const derived = policy.derived.find((d) => d.id === id);
    const label = metric?.label ?? derived?.label ?? id;
    const unit: Unit | undefined = metric?.unit ?? derived?.unit;
    const value = metricValue(id);
    return value === undefined ? label : `${label} ${formatValue(value, unit, lang)}`;
  };
  const say = (e: Expr, parent = 0): string => {
    switch (e.kind) {
      case 'num':
        return n(e.value);
      case 'var':
        return name(e.name);
      case 'unary':
        return `${e.op === '-' ? '−' : e.op}${say(e.arg, 4)}`;
      case 'binary': {
        const p = PRECEDENCE[e.op] ?? 1;
        // a right operand of − or ÷ at the same level keeps its brackets: a − (b − c)
        const right = say(e.right, e.op === '-' || e.op === '/' ? p + 0.5 : p);
        const text = `${say(e.left, p)} ${OPS[e.op] ?? e.op} ${right}`;
        return p < parent ? `(${text})` : text;
      }
      case 'cond':
        return w.cond(say(e.test), say(e.then), say(e.else));
      case 'call': {
        const consts = e.args.filter((a) => a.kind === 'num');
        const others = e.args.filter((a) => a.kind !== 'num');
        if ((e.fn === 'min' || e.fn === 'max') && others.length === 1 && consts.length === 1) {
          const c = n((consts[0] as { value: number }).value);
          return (e.fn === 'min' ? w.upTo : w.atLeast)(say(others[0]!, 4), c);
        }
        if (e.fn === 'min') return w.smaller(e.args.map((a) => say(a)));
        if (e.fn === 'max') return w.larger(e.args.map((a) => say(a)));
        return `${w.fn[e.fn]}(${e.args.map((a) => say(a)).join(', ')})`;
      }
    }
  };
  return say(parsed.expr);
}
