// The policy's tables as decision tables: which rows and columns the panels show for each step
// table, the grade cut-offs and the tier bands, and where they are in the YAML.

import type { PolicyView, YamlPath } from './model.js';

export interface Column {
  key: string;
  kind: 'number' | 'text';
  /** An empty cell removes the key (a band without a multiplier). */
  optional?: boolean;
}

export interface TableSpec {
  /** Names the table in labels and tests: `steps:director.output`, `grades`, `tiers`. */
  name: string;
  kind: 'steps' | 'grades' | 'tiers';
  path: YamlPath;
  columns: Column[];
  rows: Record<string, unknown>[];
  /** For a step table: the role's and the indicator's words, and the direction. */
  role?: string;
  indicator?: string;
  lower?: boolean;
}

export function decisionTables(view: PolicyView): TableSpec[] {
  const tables: TableSpec[] = view.stepTables.map((s) => ({
    name: `steps:${s.role}.${s.indicator}`,
    kind: 'steps',
    path: s.path,
    columns: [
      { key: s.lower ? 'max' : 'min', kind: 'number' },
      { key: 'points', kind: 'number' },
    ],
    rows: s.steps.map((r) => ({ ...r })),
    role: s.roleTitle,
    indicator: s.label,
    lower: s.lower,
  }));
  const d = view.source;
  const list = (v: unknown) =>
    Array.isArray(v) ? v.map((r) => (r && typeof r === 'object' ? { ...(r as Record<string, unknown>) } : {})) : [];
  if (Array.isArray(d.grades))
    tables.push({
      name: 'grades',
      kind: 'grades',
      path: ['grades'],
      columns: [
        { key: 'grade', kind: 'text' },
        { key: 'min', kind: 'number' },
        { key: 'title', kind: 'text', optional: true },
      ],
      rows: list(d.grades),
    });
  const payout = d.payout && typeof d.payout === 'object' ? (d.payout as Record<string, unknown>) : {};
  const tiers = payout.tiers && typeof payout.tiers === 'object' ? (payout.tiers as Record<string, unknown>) : {};
  if (Array.isArray(tiers.bands))
    tables.push({
      name: 'tiers',
      kind: 'tiers',
      path: ['payout', 'tiers', 'bands'],
      columns: [
        { key: 'tier', kind: 'text' },
        { key: 'title', kind: 'text', optional: true },
        { key: 'min', kind: 'number' },
        { key: 'multiplier', kind: 'number', optional: true },
        { key: 'award', kind: 'number', optional: true },
      ],
      rows: list(tiers.bands),
    });
  return tables;
}

/** The forced distribution's quotas: one row per rating of the scale (the grades when there is no scale). */
export interface QuotaTable {
  path: YamlPath;
  rows: { rating: string; min?: number; max?: number }[];
}

export function quotaTable(view: PolicyView): QuotaTable | undefined {
  const cal = view.source.calibration;
  if (!cal || typeof cal !== 'object' || Array.isArray(cal)) return undefined;
  const c = cal as Record<string, unknown>;
  const quotas = c.quotas && typeof c.quotas === 'object' ? (c.quotas as Record<string, unknown>) : {};
  const scale = Array.isArray(c.scale) ? c.scale.map(String) : view.grades.map((g) => g.grade);
  // a quota for a rating not on the scale stays visible (validate reports it at its row)
  const ratings = [...scale, ...Object.keys(quotas).filter((r) => !scale.includes(r))];
  const share = (q: unknown, key: 'min' | 'max') =>
    q && typeof q === 'object' && typeof (q as Record<string, unknown>)[key] === 'number'
      ? ((q as Record<string, unknown>)[key] as number)
      : undefined;
  return {
    path: ['calibration', 'quotas'],
    rows: ratings.map((rating) => {
      const q = Object.hasOwn(quotas, rating) ? quotas[rating] : undefined;
      return { rating, min: share(q, 'min'), max: share(q, 'max') };
    }),
  };
}

/**
 * The edit one quota cell needs: a share set where the rating has a quota, a new `{ min: … }` for a
 * rating without one, and the rating's whole entry removed when its last share is emptied.
 */
export function quotaEdit(
  table: QuotaTable,
  rating: string,
  key: 'min' | 'max',
  value: number | undefined,
): { path: YamlPath; value: unknown } {
  const row = table.rows.find((r) => r.rating === rating);
  const other = key === 'min' ? row?.max : row?.min;
  const had = row?.min !== undefined || row?.max !== undefined;
  if (value === undefined)
    return other === undefined
      ? { path: [...table.path, rating], value: undefined }
      : { path: [...table.path, rating, key], value };
  return had
    ? { path: [...table.path, rating, key], value }
    : { path: [...table.path, rating], value: { [key]: value } };
}

/** A plain decimal number: digits with an optional sign, point and exponent (not `0x10`, `１０`, `10%` or `1,000`). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export type CellReading =
  | { ok: true; value: number | string | undefined }
  | { ok: false; problem: 'not_a_number' | 'required' };

/**
 * What a cell typed as `raw` writes: a number for a number column, the text for a text column,
 * undefined (the key removed) for an empty optional cell. What it cannot be is refused with the
 * reason, so the cell never shows a value the policy does not have.
 */
export function readCell(raw: string, col: Column): CellReading {
  const text = raw.trim();
  if (text === '') return col.optional ? { ok: true, value: undefined } : { ok: false, problem: 'required' };
  if (col.kind === 'text') return { ok: true, value: text };
  const n = Number(text);
  return DECIMAL.test(text) && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, problem: 'not_a_number' };
}
