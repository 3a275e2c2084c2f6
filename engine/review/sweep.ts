// What-if sweeps: one number of a policy (a target, a threshold, a weight, a pool's amount) set to
// each value of a range, the month re-run for each, and per value the payout total, the grade mix
// and how many people change grade against the policy as written. With a budget, the value that
// fits is found by bisection when the total moves one way over the range, and said not to exist
// (or not to be unique) when it does not.
//
// `--set PATH=FROM..TO/STEP` is read one way only: PATH is the dotted key path of a number the
// policy already has; FROM, TO and STEP are plain numbers or all percentages (`35%..50%/1%` is
// 0.35..0.50/0.01), percentages only for a ratio. A value above 1 for a ratio (a completion-rate
// target of 35) is refused: it could mean 35 % or 3,500 %; a percentage of anything else (a pool's
// amount, a grade's points) is refused too: `10%` could mean 0.1 or 10.

import { isAlias, isCollection, isScalar, parseDocument, visit, type Document, type Node } from 'yaml';
import { loadPolicy } from '../language/load.js';
import { runPolicy } from '../evaluation/run.js';
import { diagnostic, formatDiagnostic, type Diagnostic } from '../model/diagnostic.js';
import { formatFen } from '../model/money.js';
import type { EmployeeRecord, ExcludedRecord } from '../model/record.js';
import type { HistorySource } from '../evaluation/history.js';
import type { RunResult } from '../model/scorecard.js';
import type { CompiledPolicy } from '../language/compile.js';
import { setValue } from './edit.js';

/** The most values one sweep runs. */
export const SWEEP_MAX_VALUES = 501;

export interface SweepSpec {
  path: string[];
  values: number[];
  /** The value the policy has now. */
  current: number;
  /** The number of decimals the values are shown with. */
  decimals: number;
}

const NUMBER = '[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)';
const SET = new RegExp(`^([^=]+)=(${NUMBER})(%?)\\.\\.(${NUMBER})(%?)/(${NUMBER})(%?)$`);

function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** A decimal as written (`-0.35`) in whole units of 10^-places: exact, however many digits it has. */
function unitsOf(text: string, places: number): bigint {
  const negative = text.startsWith('-');
  const [whole = '', frac = ''] = text.replace(/^[-+]/, '').split('.');
  const units = BigInt(`${whole || '0'}${frac.padEnd(places, '0')}`);
  return negative ? -units : units;
}

/** Whole units of 10^-places back as the decimal they write (`35`, 2 → `0.35`). */
function decimalText(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const text = places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return negative ? `-${text}` : text;
}

/** Reads `--set PATH=FROM..TO/STEP` against the policy's text. */
export function parseSweep(set: string, policyText: string, policy: CompiledPolicy): SweepSpec | Diagnostic {
  const m = SET.exec(set.replace(/\s+/g, ''));
  if (!m) return diagnostic('cli_sweep_set', { text: set });
  const [, pathText, fromText, fromPct, toText, toPct, stepText, stepPct] = m as unknown as string[];
  const pcts = [fromPct, toPct, stepPct].filter((p) => p === '%').length;
  if (pcts !== 0 && pcts !== 3) return diagnostic('cli_sweep_set.percent', { text: set });
  // counted in the decimals the range writes, never by dividing binary fractions: 100000000..100000000.3/0.1
  // divided in binary is 2.99999997… steps, which left TO out
  const places = Math.max(decimalsOf(fromText!), decimalsOf(toText!), decimalsOf(stepText!));
  const from = unitsOf(fromText!, places);
  const to = unitsOf(toText!, places);
  const step = unitsOf(stepText!, places);
  const decimals = places + (pcts ? 2 : 0);
  if (step <= 0n || to < from) return diagnostic('cli_sweep_range', { text: set });
  // a step that does not land on TO would stop short of it without a word (0.35..0.40/0.02 never
  // showed 0.40): refused, with the two ranges that end on a step
  const last = from + ((to - from) / step) * step;
  if (last !== to) {
    const written = (units: bigint) => `${decimalText(units, places)}${pcts ? '%' : ''}`;
    return diagnostic('cli_sweep_range.uneven', {
      text: set,
      step: written(step),
      from: written(from),
      to: written(to),
      last: written(last),
      shorter: `${written(from)}..${written(last)}/${written(step)}`,
      longer: `${written(from)}..${written(last + step)}/${written(step)}`,
    });
  }
  const count = (to - from) / step + 1n;
  if (count > BigInt(SWEEP_MAX_VALUES))
    return diagnostic('cli_sweep_range.too_many', { text: set, count: count.toString(), max: SWEEP_MAX_VALUES });
  const values = Array.from({ length: Number(count) }, (_, i) =>
    Number(`${(from + BigInt(i) * step).toString()}e-${decimals}`),
  );
  const path = pathText!.split('.');
  const doc = parseDocument(policyText);
  // a number shared through a YAML anchor (`&low 0.05` … `*low`) is every use of it at once: setting
  // it at one path changed the others too, silently
  const shared = sharedOnPath(doc, path);
  if (shared)
    return diagnostic('cli_sweep_path.shared', { path: pathText!, anchor: shared.anchor, count: shared.uses });
  const node = doc.getIn(path, true) as Node | undefined;
  if (!node || !isScalar(node) || typeof node.value !== 'number')
    return diagnostic('cli_sweep_path', { path: pathText! });
  const current = node.value;
  // a number compared with a ratio (an indicator's goal, a tier band's min, a condition's value, a
  // ratio metric's default): percent or fraction?
  const unit = unitAt(path, policy);
  // a percentage of something that is not a ratio (a pool's ¥1,000, a grade's 80 points, a weight
  // of 40): `10%` could be 0.1 or 10, and reading it as 0.1 swept ¥0.10..¥0.20 for `10%..20%/5%`
  if (pcts && unit !== 'ratio') {
    const plain = (t: string) => decimalText(unitsOf(t, decimalsOf(t)), decimalsOf(t));
    return diagnostic('cli_sweep_ratio.percent', {
      path: pathText!,
      current,
      as_percent: `${fromText}%`,
      as_fraction: String(values[0]),
      as_whole: plain(fromText!),
      plain: `${plain(fromText!)}..${plain(toText!)}/${plain(stepText!)}`,
    });
  }
  if (unit === 'ratio' && !pcts) {
    const above = values.find((v) => Math.abs(v) > 1);
    if (above !== undefined)
      return diagnostic('cli_sweep_ratio', {
        path: pathText!,
        current,
        value: above,
        percent: `${Number((above * 100).toFixed(6))}%`,
      });
  }
  return { path, values, current, decimals };
}

/**
 * Whether the node at `path`, or one holding it, is shared through a YAML anchor: an alias (`*low`)
 * on the way, or a node anchored (`&low`) that an alias elsewhere repeats. Its anchor and how many
 * times the policy writes it (the anchor and its aliases), or undefined.
 */
function sharedOnPath(doc: Document, path: readonly string[]): { anchor: string; uses: number } | undefined {
  // the node each alias stands for (an anchor name written twice names two nodes: the alias is the
  // later one's, before it), and how many aliases stand for it
  const uses = new Map<unknown, number>();
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      if (target) uses.set(target, (uses.get(target) ?? 0) + 1);
    },
  });
  if (uses.size === 0) return undefined;
  let node: unknown = doc.contents;
  for (let i = 0; i <= path.length; i++) {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      return { anchor: node.source, uses: (uses.get(target) ?? 0) + 1 };
    }
    const n = uses.get(node);
    if (n !== undefined) return { anchor: (node as { anchor?: string }).anchor ?? '', uses: n + 1 };
    if (i === path.length || !isCollection(node)) return undefined;
    node = node.get(path[i], true);
  }
  return undefined;
}

/** The unit of what a number at `path` is compared with: the metric of an indicator's goal, of the tiers' basis, of a condition's fact, a metric's own default; a pool's share_of rate and a calibration quota are ratios. */
function unitAt(path: readonly string[], policy: CompiledPolicy): string | undefined {
  const key = path[path.length - 1]!;
  let node: unknown = policy.doc;
  for (const k of path.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[k];
  const parent = node as Record<string, unknown> | undefined;
  const unitOf = (id: unknown): string | undefined =>
    typeof id !== 'string'
      ? undefined
      : // attainment is the score / 100, a ratio written as a fraction (a band from 0.8)
        id === 'attainment'
        ? 'ratio'
        : (policy.metrics[id]?.unit ?? policy.derived.find((d) => d.id === id)?.unit);
  if (['threshold', 'target', 'challenge'].includes(key)) return unitOf(parent?.metric);
  // payout.tiers.bands.N.min: the bands' basis
  if (key === 'min' && path.length === 5 && path[0] === 'payout' && path[1] === 'tiers' && path[2] === 'bands')
    return unitOf(policy.doc.payout.tiers?.basis);
  // a condition's value: the fact it is compared with
  if (key === 'value' && typeof parent?.fact === 'string' && typeof parent?.operator === 'string')
    return unitOf(parent.fact);
  // a pool's share_of rate: a fraction of the metric's sum (2 % is 0.02)
  if (key === 'rate' && path[path.length - 2] === 'share_of') return 'ratio';
  // a forced distribution's quota: a share of the cohort (10 % is 0.1), at most 1
  if ((key === 'min' || key === 'max') && path.length === 4 && path[0] === 'calibration' && path[1] === 'quotas')
    return 'ratio';
  // metrics.ID.default
  if (key === 'default' && path.length === 3 && path[0] === 'metrics') return unitOf(path[1]);
  return undefined;
}

export interface SweepRow {
  value: number;
  payoutFen: number;
  by_grade: Record<string, number>;
  /** People whose grade differs from the policy as written. */
  moved: number;
  /** People whose pay differs from the policy as written. */
  paid_differently: number;
  /** With forced distribution: the calibrated grades (held people are not ranked), as `run`'s summary. */
  by_calibrated_grade?: Record<string, number>;
  /** With forced distribution: people whose calibrated grade differs from the policy as written. */
  calibrated_moves?: number;
}

export type SweepRun = (value: number) => Promise<RunResult>;

/**
 * The month's records as a policy reads them: the records read once, or (for a number that changes
 * how the data is read: a metric's range) read again for each value's policy, with the records that
 * policy leaves out.
 */
export type SweepRecords =
  | EmployeeRecord[]
  | { records: EmployeeRecord[]; excluded: ExcludedRecord[] }
  | ((policy: CompiledPolicy) => Promise<{ records: EmployeeRecord[]; excluded: ExcludedRecord[] }>);

/** A function that runs the month with the number at `spec.path` set to a value (a diagnostic when that policy is not valid). */
export function sweepRunner(
  policyText: string,
  file: string,
  spec: Pick<SweepSpec, 'path'>,
  records: SweepRecords,
  lang: 'zh' | 'en',
  history?: HistorySource,
): SweepRun {
  return async (value) => {
    const edited = setValue(policyText, spec.path, value);
    if (!edited.ok)
      throw new SweepError(
        diagnostic('cli_sweep_invalid', { path: spec.path.join('.'), value, detail: edited.message }),
      );
    const loaded = loadPolicy(edited.text, file);
    if (!loaded.ok) {
      const first = loaded.diagnostics.find((d) => d.severity === 'error')!;
      throw new SweepError(
        diagnostic('cli_sweep_invalid', { path: spec.path.join('.'), value, detail: formatDiagnostic(first, lang) }),
      );
    }
    const month =
      typeof records === 'function'
        ? await records(loaded.policy)
        : Array.isArray(records)
          ? { records, excluded: [] }
          : records;
    return runPolicy(loaded.policy, month, { lang, explain: false, history });
  };
}

/**
 * The records a value's run leaves out that the run of the policy as written computes (keyed by
 * file, row and id): a value that makes someone's pay impossible (beyond the money limit) or their
 * data unreadable (outside a metric's range) is no answer for the month, and its total, without
 * them, was compared with the budget as if they were paid nothing.
 */
export function newlyExcluded(run: Pick<RunResult, 'excluded'>, base: Pick<RunResult, 'excluded'>): ExcludedRecord[] {
  const before = new Set(base.excluded.map(excludedKey));
  return run.excluded.filter((x) => !before.has(excludedKey(x)));
}

/**
 * The records the run of the policy as written leaves out (`--exclude-invalid`) that a value's run
 * computes (a metric's range widened over a value the data holds): they would be summed into that
 * value's total beside the others, the people counted changing from one row to the next.
 */
export function newlyIncluded(run: Pick<RunResult, 'excluded'>, base: Pick<RunResult, 'excluded'>): ExcludedRecord[] {
  const after = new Set(run.excluded.map(excludedKey));
  return base.excluded.filter((x) => !after.has(excludedKey(x)));
}

const excludedKey = (x: ExcludedRecord) => `${x.file ?? ''}\u0000${x.row ?? ''}\u0000${x.employee_id ?? ''}`;

/** A sweep value the policy cannot take: carries the diagnostic to report. */
export class SweepError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** One row of the sweep from a run, against the run of the policy as written. */
export function sweepRow(value: number, run: RunResult, base: RunResult): SweepRow {
  const before = new Map(base.scorecards.map((c) => [`${c.period}\u0000${c.employee_id}`, c]));
  let moved = 0;
  let paid = 0;
  let calibratedMoves = 0;
  for (const c of run.scorecards) {
    const b = before.get(`${c.period}\u0000${c.employee_id}`);
    if (!b) continue;
    if (b.grade !== c.grade) moved++;
    if (b.payout.totalFen !== c.payout.totalFen) paid++;
    if (b.calibration?.calibrated !== c.calibration?.calibrated) calibratedMoves++;
  }
  // a sweep of a quota moves only calibrated grades: without these its rows all read the same
  const calibrated = run.summary.by_calibrated_grade;
  return {
    value,
    payoutFen: run.summary.payout_total_fen,
    by_grade: { ...run.summary.by_grade },
    moved,
    paid_differently: paid,
    ...(calibrated ? { by_calibrated_grade: { ...calibrated }, calibrated_moves: calibratedMoves } : {}),
  };
}

export type Monotony = 'increasing' | 'decreasing' | 'constant' | 'not_monotone';

/** How the payout total moves over the rows, in the order of the values. */
export function monotony(rows: readonly SweepRow[]): Monotony {
  let up = false;
  let down = false;
  for (let i = 1; i < rows.length; i++) {
    const d = rows[i]!.payoutFen - rows[i - 1]!.payoutFen;
    if (d > 0) up = true;
    if (d < 0) down = true;
  }
  return up && down ? 'not_monotone' : up ? 'increasing' : down ? 'decreasing' : 'constant';
}

export type BudgetFit =
  | { kind: 'fits'; value: number; payoutFen: number; grid: SweepRow; bisections: number }
  | { kind: 'all_fit' | 'none_fits'; best?: SweepRow }
  | { kind: 'not_monotone'; fitting: number[] };

/**
 * The value whose payout total is the largest at or under the budget. On a monotone range: the
 * grid row that fits, then bisection between it and its neighbour that does not, down to
 * `precision` (the totals between grid points are computed, not interpolated); the value found
 * always fits. On a range that is not monotone, every grid value that fits is listed instead.
 */
export async function fitBudget(
  rows: readonly SweepRow[],
  budgetFen: number,
  run: (value: number) => Promise<number>,
  precision: number,
  decimals: number,
): Promise<BudgetFit> {
  const how = monotony(rows);
  const fits = (r: SweepRow) => r.payoutFen <= budgetFen;
  if (how === 'not_monotone') return { kind: 'not_monotone', fitting: rows.filter(fits).map((r) => r.value) };
  if (rows.every(fits)) {
    const best = rows.reduce((a, b) => (b.payoutFen > a.payoutFen ? b : a));
    return { kind: 'all_fit', best };
  }
  if (!rows.some(fits)) return { kind: 'none_fits', best: rows.reduce((a, b) => (b.payoutFen < a.payoutFen ? b : a)) };
  // increasing: the last row that fits, its right neighbour does not; decreasing: the first that fits, its left one does not
  let last = -1;
  rows.forEach((r, k) => {
    if (fits(r)) last = k;
  });
  const i = how === 'increasing' ? last : rows.findIndex(fits);
  const grid = rows[i]!;
  const other = rows[how === 'increasing' ? i + 1 : i - 1];
  if (!other) return { kind: 'fits', value: grid.value, payoutFen: grid.payoutFen, grid, bisections: 0 };
  let good = grid.value;
  let goodFen = grid.payoutFen;
  let bad = other.value;
  let bisections = 0;
  const round = (v: number) => Number(v.toFixed(decimals));
  while (Math.abs(bad - good) > precision && bisections < 40) {
    const mid = round((good + bad) / 2);
    if (mid === good || mid === bad) break;
    bisections++;
    const fen = await run(mid);
    if (fen <= budgetFen) {
      good = mid;
      goodFen = fen;
    } else bad = mid;
  }
  return { kind: 'fits', value: good, payoutFen: goodFen, grid, bisections };
}

/**
 * The whole what-if: one row per value of the range against the policy as written (`base`), and,
 * with a budget, the value that fits it, bisected down to a hundredth of the range's step with two
 * more decimals than the range writes. `yardstick sweep` and the editor's budget panel both call this.
 */
export async function sweepAll(
  spec: SweepSpec,
  run: SweepRun,
  base: RunResult,
  budgetFen?: number,
): Promise<{ rows: SweepRow[]; fit?: BudgetFit }> {
  const rows: SweepRow[] = [];
  for (const value of spec.values) rows.push(sweepRow(value, await run(value), base));
  if (budgetFen === undefined) return { rows };
  const step = spec.values.length > 1 ? spec.values[1]! - spec.values[0]! : 0;
  // an amount the policy takes to the fen only (a pool's fund, a share bound, a budget) is bisected
  // to the fen: ¥1,000.035 is no amount the policy can hold, and the sweep would stop on it
  const fen = isFenPath(spec.path);
  // a number the policy takes whole only (`score.decimals`) is bisected in whole steps: 0.5 is no
  // value it can take, and the sweep would stop on it instead of answering
  const whole = isWholePath(spec.path);
  const fit = await fitBudget(
    rows,
    budgetFen,
    async (v) => (await run(v)).summary.payout_total_fen,
    whole ? Math.max(step / 100, 1) : fen ? Math.max(step / 100, 0.01) : step / 100,
    whole ? 0 : fen ? Math.min(spec.decimals + 2, 2) : spec.decimals + 2,
  );
  return { rows, fit };
}

/**
 * The amounts a policy refuses in a fraction of a fen (`policy_money_fraction_of_fen`): a pool's
 * `fund.fixed`, `min_share` and `max_share`, `budget.total`, a team's budget, a role's `pay_base`, a
 * fixed award, a per-unit award's `max` and a tier's award.
 */
export function isFenPath(path: readonly string[]): boolean {
  const p = path.join('.');
  return (
    /^pools\.[^.]+\.(fund\.fixed|min_share|max_share)$/.test(p) ||
    p === 'budget.total' ||
    /^budget\.teams\.[^.]+$/.test(p) ||
    /^roles\.[^.]+\.pay_base$/.test(p) ||
    /^adjustments\.[^.]+\.award(\.max)?$/.test(p) ||
    /^payout\.tiers\.bands\.\d+\.award$/.test(p)
  );
}

/** The numbers a policy takes whole only (the schema's integers): score and roll-up decimals, a trigger's days and extensions, a roll-up's months. */
export function isWholePath(path: readonly string[]): boolean {
  const p = path.join('.');
  return (
    p === 'score.decimals' ||
    /^triggers\.[^.]+\.action\.(days|extensions)$/.test(p) ||
    /^rollup\.(decimals|min_months|year_starts)$/.test(p)
  );
}

/** `¥700,000`, `700000`, `70万`, `¥70.5万` → fen; undefined when it is not an amount. */
export function parseBudget(text: string): number | undefined {
  const m = /^[¥￥]?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万|w|W)?$/.exec(text.trim());
  if (!m) return undefined;
  const digits = m[1]!.replace(/,/g, '');
  // commas only as thousands separators
  if (m[1]!.includes(',') && !/^[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?$/.test(m[1]!)) return undefined;
  // read exactly, digit by digit: a fraction of a fen (¥40,000.005) could mean either neighbour
  const [whole, frac = ''] = digits.split('.');
  const places = m[2] ? 6 : 2;
  const kept = frac.replace(/0+$/, '');
  if (kept.length > places) return undefined;
  const fen = Number(`${whole}${kept.padEnd(places, '0')}`);
  // at most ¥100,000,000,000, the limit of a policy's `budget.total`
  return fen <= BUDGET_MAX_FEN ? fen : undefined;
}

const BUDGET_MAX_FEN = 100_000_000_000 * 100;

/** The budget as the sweep's output shows it. */
export function budgetText(fen: number): string {
  return formatFen(fen);
}
