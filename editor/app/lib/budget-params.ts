// What the budget panel offers to move, and the range it starts with. The numbers come from the
// policy as the panels read it (lib/model.ts) and its pools; the sweep itself is the engine's
// (engine/review/sweep.ts, run in the preview worker).

import type { PolicyView } from './model.js';

/** A number of the policy a sweep can move; `lo` / `hi`: the values it must stay strictly between. */
export interface SweepParam {
  /** The dotted key path `yardstick sweep --set` takes. */
  key: string;
  path: string[];
  label: string;
  current: number;
  /** A ratio: shown and swept in percent (`31%..49%/1%`). */
  percent: boolean;
  lo?: number;
  hi?: number;
}

export interface ParamWords {
  threshold: string;
  target: string;
  challenge: string;
  budgetPool: string;
  budgetPoolFixed: string;
  budgetPoolRate: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** Every indicator's threshold / target / challenge (by role) and every pool's fixed amount or rate. */
export function sweepParams(view: PolicyView, doc: unknown, w: ParamWords): SweepParam[] {
  const out: SweepParam[] = [];
  for (const role of view.roles)
    for (const row of role.rows) {
      if (row.group) continue;
      for (const k of ['threshold', 'target', 'challenge'] as const) {
        const current = row[k];
        if (typeof current !== 'number') continue;
        const path = [...row.path.map(String), k];
        // the reference points keep their order (threshold < target < challenge, reversed when lower is better)
        const up = row.better !== 'lower';
        const [a, b] =
          k === 'target'
            ? [row.threshold, row.challenge]
            : k === 'threshold'
              ? up
                ? [undefined, row.target]
                : [row.target, undefined]
              : up
                ? [row.target, undefined]
                : [undefined, row.target];
        const lo = a !== undefined && b !== undefined ? Math.min(a, b) : a;
        const hi = a !== undefined && b !== undefined ? Math.max(a, b) : b;
        out.push({
          key: path.join('.'),
          path,
          label: `${role.title} · ${row.label} · ${w[k]}`,
          current,
          percent: row.unit === 'ratio',
          ...(lo !== undefined ? { lo } : {}),
          ...(hi !== undefined ? { hi } : {}),
        });
      }
    }
  const pools = isObj(doc) && isObj(doc.pools) ? doc.pools : {};
  for (const [id, pool] of Object.entries(pools)) {
    if (!isObj(pool) || !isObj(pool.fund)) continue;
    const title = typeof pool.title === 'string' ? pool.title : id;
    if (typeof pool.fund.fixed === 'number')
      out.push({
        key: `pools.${id}.fund.fixed`,
        path: ['pools', id, 'fund', 'fixed'],
        label: `${w.budgetPool} ${title} · ${w.budgetPoolFixed}`,
        current: pool.fund.fixed,
        percent: false,
        lo: 0,
      });
    if (isObj(pool.fund.share_of) && typeof pool.fund.share_of.rate === 'number')
      out.push({
        key: `pools.${id}.fund.share_of.rate`,
        path: ['pools', id, 'fund', 'share_of', 'rate'],
        label: `${w.budgetPool} ${title} · ${w.budgetPoolRate}`,
        current: pool.fund.share_of.rate,
        percent: true,
        lo: 0,
      });
  }
  return out;
}

const round = (x: number, d: number) => Number(x.toFixed(d));

/** A round step near `x`: 1, 2 or 5 × a power of ten. */
export function niceStep(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : 5) * p;
}

/**
 * The range the panel starts with, in the unit its fields show (percent for a ratio): ±10 points
 * around a ratio by 1, ±5 steps of about a tenth of any other number; at least one step inside
 * `lo` / `hi`, never below 0 nor above 100 %.
 */
export function defaultRange(p: SweepParam): { from: string; to: string; step: string } {
  const k = p.percent ? 100 : 1;
  const s = p.percent ? 1 : niceStep(Math.abs(p.current) / 10);
  const d = Math.max(0, -Math.floor(Math.log10(s)));
  const c = round(p.current * k, 6);
  const lo = Math.max(0, c - (p.percent ? 10 : 5 * s), p.lo !== undefined ? round(p.lo * k, 6) + s : -Infinity);
  const hi = Math.min(
    p.percent ? 100 : Infinity,
    c + (p.percent ? 10 : 5 * s),
    p.hi !== undefined ? round(p.hi * k, 6) - s : Infinity,
  );
  return {
    from: String(round(Math.ceil(round(lo / s, 6)) * s, d)),
    to: String(round(Math.floor(round(hi / s, 6)) * s, d)),
    step: String(s),
  };
}

/** The budget the policy states for the whole period (`budget.total`, yuan), as the field takes it. */
export function policyBudget(doc: unknown): string {
  const total = isObj(doc) && isObj(doc.budget) ? doc.budget.total : undefined;
  return typeof total === 'number' ? String(total) : '';
}
