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
