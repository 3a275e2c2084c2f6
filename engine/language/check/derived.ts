// Derived metrics: computed from the record's metrics, before anything else.

import { variablesOf, type Expr } from '../expression.js';
import { parseAt, suggest, type CheckContext } from './context.js';

/**
 * Derived metrics: expressions that parse, read known metrics, and do not depend on themselves.
 * Everything it finds is reported through `ctx`; the parsed expressions are only its own (compile
 * parses them again for evaluation).
 */
export function checkDerived(ctx: CheckContext): void {
  const { policy: p, known, report } = ctx;
  const exprs = new Map<string, Expr>();
  // a range is [min, max]: written the other way round no value is in it, and every record would be
  // excluded (a derived metric) or refused (a metric) at run time
  const ranges: [string, string, unknown][] = [
    ...Object.entries(p.metrics).map(([id, m]): [string, string, unknown] => ['metrics', id, m.range]),
    ...Object.entries(p.derived ?? {}).map(([id, d]): [string, string, unknown] => [
      'derived',
      id,
      typeof d === 'object' ? d.range : undefined,
    ]),
  ];
  for (const [section, id, range] of ranges)
    if (Array.isArray(range) && typeof range[0] === 'number' && typeof range[1] === 'number' && range[0] > range[1])
      report('policy_range_order', { id, min: range[0], max: range[1] }, [section, id, 'range']);
  // a ratio is a fraction (0.3 is 30 %): a range to 100 reads as percent points, and every
  // threshold inside it (30 meaning 30 %, or 3000 %?) would mean two things
  for (const [id, m] of Object.entries(p.metrics)) {
    const range = m.range as unknown;
    if (m.unit !== 'ratio' || !Array.isArray(range) || typeof range[0] !== 'number' || typeof range[1] !== 'number')
      continue;
    if (range[1] >= 100 || range[0] <= -100) {
      const fraction = (x: number) => Number((x / 100).toPrecision(12));
      report(
        'policy_ratio_range_percent',
        { id, min: range[0], max: range[1], fmin: fraction(range[0]), fmax: fraction(range[1]) },
        ['metrics', id, 'range'],
      );
    }
  }
  checkDefaults(ctx);
  for (const [id, d] of Object.entries(p.derived ?? {})) {
    const path = typeof d === 'string' ? ['derived', id] : ['derived', id, 'expr'];
    const text = typeof d === 'string' ? d : d.expr;
    const parsed = parseAt(ctx, path, text);
    if (!parsed) continue;
    exprs.set(id, parsed);
    for (const v of variablesOf(parsed)) {
      if (known.has(v)) continue;
      const { near, known: list } = suggest(v, [...known]);
      if (near === undefined) report('policy_unknown_metric.derived', { metric: v, id, known: list }, path);
      else report('policy_unknown_metric.derived_near', { metric: v, id, near, known: list }, path);
    }
  }
  // cycles: a derived metric may not depend on itself
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      report('policy_derived_cycle', { cycle: cycle.join(' → ') }, ['derived', id]);
      return;
    }
    state.set(id, 'visiting');
    for (const v of variablesOf(exprs.get(id)!)) if (exprs.has(v)) visit(v, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of exprs.keys()) visit(id, []);
}

/**
 * A `default` stands in for an empty cell, so it must be a value a cell may hold: within the
 * metric's `range` (a derived metric's too), 0 to 1 for a ratio without one, a whole number of 0
 * or more for a count. `default: 45` on a ratio (45 %, written as percent points, or 4500 %?) would
 * otherwise score every empty cell at 4500 %, where a cell of 45 is refused as out of range.
 */
function checkDefaults({ policy: p, report }: CheckContext): void {
  const entries: [string, string, { label?: string; unit?: string; range?: unknown; default?: unknown }][] = [
    ...Object.entries(p.metrics).map(([id, m]): [string, string, typeof m] => ['metrics', id, m]),
    ...Object.entries(p.derived ?? {}).flatMap(([id, d]): [string, string, object][] =>
      typeof d === 'object' ? [['derived', id, d]] : [],
    ),
  ];
  for (const [section, id, m] of entries) {
    const value = m.default;
    if (typeof value !== 'number') continue;
    const at = [section, id, 'default'];
    const metric = m.label ?? id;
    const range = m.range;
    if (Array.isArray(range) && typeof range[0] === 'number' && typeof range[1] === 'number') {
      // a range written the other way round is reported on its own (policy_range_order)
      if (range[0] <= range[1] && (value < range[0] || value > range[1]))
        report(
          section === 'derived' ? 'policy_default_out_of_range.derived' : 'policy_default_out_of_range',
          { value, metric, min: range[0], max: range[1] },
          at,
        );
    } else if (section === 'metrics' && m.unit === 'ratio' && (value < 0 || value > 1))
      report(
        'policy_default_out_of_range.ratio',
        { value, metric, percent: `${Number((value * 100).toPrecision(12))} %` },
        at,
      );
    if (section === 'metrics' && m.unit === 'count' && (value < 0 || !Number.isInteger(value)))
      report('policy_default_out_of_range.count', { value, metric }, at);
  }
}
