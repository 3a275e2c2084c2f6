// The per-person simulator's engine side, run in the preview worker: the fields a policy reads for
// one role, an employee's record as field texts, and one simulated employee. Each field's text is
// read by the engine's own data reader (`readRecords`), exactly as a cell of a data file is read
// (`43.7%`, a ratio's `ratio_format`, ranges, 1.2万), so the simulator never has a reading of its
// own; the record is then evaluated as `yardstick test` evaluates a case (`evaluateRecord`).

import {
  evaluateRecord,
  fenToYuan,
  formatDiagnostic,
  loadPolicy,
  localise,
  readRecords,
  type CompiledPolicy,
  type Diagnostic,
  type EmployeeRecord,
  type Lang,
  type TestExpectation,
} from '../../../engine/index.js';
import { scorecardView, type ScorecardView } from './scorecard-view.js';

/** One input the policy reads: a metric of the record. */
export interface SimField {
  id: string;
  label: string;
  unit: string;
  /**
   * `required`: a record of this role in this stage must carry it (unless it has a default);
   * `not_counted`: the role's indicator on it counts for nothing in this stage (weighted 0), so it
   * may be left empty; `optional`: read by rules or derived values only.
   */
  use: 'required' | 'not_counted' | 'optional';
  /** How a ratio written without `%` is read (the metric's `ratio_format`). */
  ratioFormat?: 'fraction' | 'percent_points';
  range?: [number, number];
  default?: number;
}

/** What the user typed: the record's fields and every metric as text, as a data file would hold them. */
export interface SimInput {
  employee_id: string;
  name: string;
  role: string;
  team: string;
  stage: string;
  period: string;
  /** Empty: the role's pay_base. */
  pay_base: string;
  metrics: Record<string, string>;
  /** Grades of earlier periods, most recent first. */
  history: string[];
}

/** The outcome as a policy test can expect it (schemas/policy-test.schema.json): payout in yuan. */
export type SimExpectation = Required<Omit<TestExpectation, 'tier'>> & { tier: string | null };

export type SimOutcome =
  | {
      ok: true;
      record: EmployeeRecord;
      card: ScorecardView;
      expect: SimExpectation;
      /** Titles of the tier, holds and triggers, for the confirmation list. */
      titles: { tier?: string; holds: string[]; triggers: string[] };
    }
  | {
      ok: false;
      /** Field id (a metric id, `pay_base`, `role`, …) → why its text cannot be used. */
      fields: Record<string, string>;
      /** Problems not tied to one field (the policy, the evaluation). */
      problems: string[];
    };

/** The roles and stages to choose from, and the policy's fields for a role. */
export interface SimShape {
  roles: { id: string; title: string }[];
  stages: { id: string; title: string }[];
  fields: SimField[];
}

let cached: { text: string; policy: CompiledPolicy } | undefined;

function compiled(text: string): { ok: true; policy: CompiledPolicy } | { ok: false; diagnostics: Diagnostic[] } {
  if (cached?.text === text) return { ok: true, policy: cached.policy };
  const loaded = loadPolicy(text, 'policy.yaml');
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  cached = { text, policy: loaded.policy };
  return { ok: true, policy: loaded.policy };
}

/**
 * The metrics a record of `role` in `stage` is read for: those the role's indicators read first (in
 * the order the policy declares its metrics) — required in `stage`, or not counted there when the
 * indicator is weighted 0 in it (every one required without a stage) — then the metrics no role
 * requires, which only rules and derived values may read. Metrics only other roles need are left out.
 */
export function fieldsFor(policy: CompiledPolicy, role: string, stage?: string): SimField[] {
  const c = policy.contract;
  const own = new Set(c.requiredMetrics(role));
  const here = new Set(c.requiredMetrics(role, stage));
  const scoredByAny = new Set(c.roles.flatMap((r) => c.requiredMetrics(r.id)));
  const field = (id: string, use: SimField['use']): SimField => {
    const m = c.metrics[id]!;
    return {
      id,
      label: m.label,
      unit: m.unit,
      use,
      ...(m.unit === 'ratio' ? { ratioFormat: m.ratio_format ?? 'fraction' } : {}),
      ...(m.range ? { range: m.range } : {}),
      ...(m.default !== undefined ? { default: m.default } : {}),
    };
  };
  const ids = Object.keys(c.metrics);
  return [
    ...ids.filter((id) => own.has(id)).map((id) => field(id, here.has(id) ? 'required' : 'not_counted')),
    ...ids.filter((id) => !scoredByAny.has(id)).map((id) => field(id, 'optional')),
  ];
}

export function simShape(text: string, role: string, stage?: string): SimShape | { problems: string[] } {
  const p = compiled(text);
  if (!p.ok) return { problems: p.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message) };
  const c = p.policy.contract;
  return {
    roles: c.roles,
    stages: c.stages,
    fields: c.roles.some((r) => r.id === role) ? fieldsFor(p.policy, role, stage) : [],
  };
}

/** A number as a data cell would write it: a ratio in percent (`43.7%`), anything else as it is. */
export function cellText(value: number | undefined, unit: string): string {
  if (value === undefined) return '';
  // with the sign, a percentage reads the same whatever the metric's ratio_format
  return unit === 'ratio' ? `${Number((value * 100).toPrecision(12))}%` : String(value);
}

/**
 * An employee's record as the simulator's field texts. A record without a name, team or period (a
 * verify counterexample has no team) gets what a policy test case gets by default: its id, 测试组,
 * 2026-10.
 */
export function inputOf(policy: CompiledPolicy, record: EmployeeRecord): SimInput {
  const metrics: Record<string, string> = {};
  for (const [id, m] of Object.entries(policy.contract.metrics)) metrics[id] = cellText(record.metrics[id], m.unit);
  return {
    employee_id: record.employee_id,
    name: record.name || record.employee_id,
    role: record.role,
    team: record.team || '测试组',
    stage: record.stage,
    period: record.period || '2026-10',
    pay_base: record.pay_base === undefined ? '' : String(record.pay_base),
    metrics,
    history: [],
  };
}

export function inputFromRecord(text: string, record: EmployeeRecord): SimInput | undefined {
  const p = compiled(text);
  return p.ok ? inputOf(p.policy, record) : undefined;
}

/** The field a data diagnostic is about: its column (a metric id or a record field), if any. */
function fieldOf(d: Diagnostic, policy: CompiledPolicy): string | undefined {
  const column = d.cell?.column;
  if (column === undefined) return undefined;
  if (policy.contract.metrics[column]) return column;
  return ['employee_id', 'name', 'role', 'team', 'stage', 'period', 'pay_base'].includes(column) ? column : undefined;
}

/** One employee with these inputs, evaluated as `yardstick test` evaluates a case. */
export async function simulate(text: string, input: SimInput, lang: Lang): Promise<SimOutcome> {
  const p = compiled(text);
  if (!p.ok)
    return {
      ok: false,
      fields: {},
      problems: p.diagnostics.filter((d) => d.severity === 'error').map((d) => localise(d, lang).message),
    };
  const policy = p.policy;
  const row: Record<string, string> = {
    employee_id: input.employee_id,
    name: input.name,
    role: input.role,
    team: input.team,
    stage: input.stage,
    period: input.period,
  };
  if (input.pay_base.trim() !== '') row.pay_base = input.pay_base;
  // every field a column, an empty one when left blank (its default, or the data layer's refusal)
  for (const f of fieldsFor(policy, input.role)) row[f.id] = input.metrics[f.id] ?? '';
  // the one row read as a data file's row: every cell as the CLI reads it
  const read = readRecords(JSON.stringify([row]), 'json', policy.contract, { file: 'simulator' });
  const fields: Record<string, string> = {};
  const problems: string[] = [];
  const place = (d: Diagnostic) => {
    const f = fieldOf(d, policy);
    const said = localise(d, lang);
    const message = said.help
      ? `${said.message}${lang === 'zh' ? '（' : ' ('}${said.help}${lang === 'zh' ? '）' : ')'}`
      : said.message;
    if (f) fields[f] ??= message;
    else problems.push(formatDiagnostic(d, lang));
  };
  for (const d of read.diagnostics) if (d.severity === 'error') place(d);
  for (const x of read.excluded) for (const d of x.reasons) place(d);
  const record = read.records[0];
  if (!record || Object.keys(fields).length || problems.length) return { ok: false, fields, problems };
  const history = input.history.map((g) => g.trim()).filter(Boolean);
  const e = await evaluateRecord(policy, record, {
    lang,
    history: { grades: (id) => (id === record.employee_id ? history : []) },
  });
  if (!e.ok) {
    for (const d of e.reasons) place(d);
    return { ok: false, fields, problems };
  }
  const card = e.scorecard;
  const { source: _source, ...plain } = record;
  return {
    ok: true,
    record: plain,
    card: scorecardView(policy, card, lang),
    expect: {
      score: card.score,
      grade: card.grade,
      tier: card.payout.tier?.id ?? null,
      payout: fenToYuan(card.payout.totalFen),
      status: card.payout.status,
      holds: card.holds.map((h) => h.id),
      triggers: card.triggers.map((t) => t.id),
    },
    titles: {
      ...(card.payout.tier ? { tier: card.payout.tier.title ?? card.payout.tier.id } : {}),
      holds: card.holds.map((h) => h.title),
      triggers: card.triggers.map((t) => t.title),
    },
  };
}
