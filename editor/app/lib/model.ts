// What the visual panels show, read from the policy as it parses right now (it may be invalid):
// weight tables per role with each level's sum per stage, scoring reference points, grades, tiers
// and rules. Editing goes through the engine's YAML edit (setValue, setStructure), never by rebuilding the YAML.

import { addsUpExactly, BUILTIN_FACTS } from '../../../engine/index.js';

export type YamlPath = (string | number)[];

export interface WeightRow {
  path: YamlPath; // path of the indicator or group
  id: string;
  label: string;
  depth: number;
  group: boolean;
  weights: Record<string, number | undefined>;
  /** The weight is one number for every stage. */
  uniform: boolean;
  metric?: string;
  /** The metric's unit and range: how the panels show and check its reference points. */
  unit?: string;
  range?: [number, number];
  scoring?: string;
  better?: string;
  threshold?: number;
  target?: number;
  challenge?: number;
}

export interface LevelSum {
  label: string;
  depth: number;
  /** Per stage: the weights' sum as it reads in decimal (33.3 + 33.3 + 33.4 is 100, not 99.99999999999999). */
  sums: Record<string, number>;
  /** Per stage: whether the weights add up to exactly 100 as written, the engine's own check (policy_weights_sum). */
  exact: Record<string, boolean>;
}

export interface RoleView {
  id: string;
  title: string;
  rows: WeightRow[];
  levels: LevelSum[];
}

export interface PolicyView {
  stages: { id: string; title: string }[];
  roles: RoleView[];
  facts: string[];
  /** The policy's own words for its metrics and derived metrics, by id. */
  factLabels: Record<string, string>;
  grades: { grade: string; min: number }[];
  bands: { tier: string; title?: string; min: number; multiplier?: number; award?: number }[];
  rules: {
    section: 'adjustments' | 'holds' | 'triggers';
    id: string;
    title: string;
    when: unknown;
    /** An adjustment's per-unit points and award (`{ per, amount, max }`), shown read-only. */
    perUnit?: { kind: 'points' | 'award'; per: string; amount: number; max?: number }[];
    /** The rule as the policy writes it: what the rules panel edits. */
    body: Record<string, unknown>;
  }[];
  /** The limits and the pay formula: `score.max`, `payout.awards_cap`, `payout.cap`, `payout.performance_pay`. */
  caps: { scoreMax?: number; awardsCap?: number | string; cap?: number | string; performancePay?: string };
  /** The step tables of every steps indicator, by role. */
  stepTables: StepTable[];
  /** The policy as it parses now: the decision tables read their rows from it. */
  source: Record<string, unknown>;
}

export interface StepTable {
  role: string;
  roleTitle: string;
  indicator: string;
  label: string;
  /** `better: lower`: the steps give `max`, from the lowest up. */
  lower: boolean;
  path: YamlPath;
  steps: { min?: number; max?: number; points?: number }[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

export function policyView(doc: unknown): PolicyView | null {
  if (!isObj(doc)) return null;
  const stages = isObj(doc.stages)
    ? Object.entries(doc.stages).map(([id, s]) => ({
        id,
        title: isObj(s) && typeof s.title === 'string' ? s.title : id,
      }))
    : [];
  const metrics = isObj(doc.metrics) ? doc.metrics : {};
  // ids come from YAML being typed: a key such as `__proto__` or `toString` is only looked up as an own key
  const derivedDefs = isObj(doc.derived) ? doc.derived : {};
  const defOf = (m: string): Obj | undefined =>
    Object.hasOwn(metrics, m) && isObj(metrics[m])
      ? (metrics[m] as Obj)
      : Object.hasOwn(derivedDefs, m) && isObj(derivedDefs[m])
        ? (derivedDefs[m] as Obj)
        : undefined;
  const labelOf = (m: string) => (typeof defOf(m)?.label === 'string' ? String(defOf(m)!.label) : m);
  const rangeOf = (m: string): [number, number] | undefined => {
    const r = defOf(m)?.range;
    return Array.isArray(r) && r.length === 2 && typeof r[0] === 'number' && typeof r[1] === 'number'
      ? [r[0], r[1]]
      : undefined;
  };
  const roles: RoleView[] = [];
  for (const [roleId, role] of Object.entries(isObj(doc.roles) ? doc.roles : {})) {
    if (!isObj(role)) continue;
    const rows: WeightRow[] = [];
    const levels: LevelSum[] = [];
    const walk = (level: unknown, path: YamlPath, depth: number, label: string) => {
      if (!isObj(level)) return;
      const parts: Record<string, number[]> = Object.create(null);
      for (const s of stages) parts[s.id] = [];
      for (const [id, node] of Object.entries(level)) {
        if (!isObj(node)) continue;
        const weights: Record<string, number | undefined> = Object.create(null);
        for (const s of stages)
          weights[s.id] =
            typeof node.weight === 'number'
              ? node.weight
              : isObj(node.weight) && Object.hasOwn(node.weight, s.id)
                ? num(node.weight[s.id])
                : undefined;
        for (const s of stages) if (weights[s.id] !== undefined) parts[s.id]!.push(weights[s.id]!);
        const group = isObj(node.indicators);
        const metric = typeof node.metric === 'string' ? node.metric : undefined;
        rows.push({
          path: [...path, id],
          id,
          label: typeof node.title === 'string' ? node.title : metric ? labelOf(metric) : id,
          depth,
          group,
          weights,
          uniform: typeof node.weight === 'number',
          metric,
          unit: metric && typeof defOf(metric)?.unit === 'string' ? String(defOf(metric)!.unit) : undefined,
          range: metric ? rangeOf(metric) : undefined,
          scoring: typeof node.scoring === 'string' ? node.scoring : group ? undefined : 'linear',
          better: typeof node.better === 'string' ? node.better : 'higher',
          threshold: num(node.threshold),
          target: num(node.target),
          challenge: num(node.challenge),
        });
        if (group)
          walk(
            node.indicators,
            [...path, id, 'indicators'],
            depth + 1,
            typeof node.title === 'string' ? node.title : id,
          );
      }
      const sums: Record<string, number> = Object.create(null);
      const exact: Record<string, boolean> = Object.create(null);
      for (const s of stages) {
        const finite = parts[s.id]!.filter(Number.isFinite);
        sums[s.id] = Number(finite.reduce((a, b) => a + b, 0).toPrecision(12));
        exact[s.id] = finite.length === parts[s.id]!.length && addsUpExactly(finite, 100);
      }
      levels.push({ label, depth, sums, exact });
    };
    walk(role.indicators, ['roles', roleId, 'indicators'], 0, typeof role.title === 'string' ? role.title : roleId);
    roles.push({
      id: roleId,
      title: typeof role.title === 'string' ? role.title : roleId,
      rows,
      levels: levels.reverse(),
    });
  }
  const derived = isObj(doc.derived) ? Object.keys(doc.derived) : [];
  const grades = Array.isArray(doc.grades)
    ? doc.grades.filter(isObj).map((g) => ({ grade: String(g.grade), min: num(g.min) ?? 0 }))
    : [];
  const tiers =
    isObj(doc.payout) && isObj(doc.payout.tiers) && Array.isArray(doc.payout.tiers.bands)
      ? doc.payout.tiers.bands.filter(isObj)
      : [];
  const bands = tiers.map((b) => ({
    tier: String(b.tier),
    title: typeof b.title === 'string' ? b.title : undefined,
    min: num(b.min) ?? 0,
    multiplier: num(b.multiplier),
    award: num(b.award),
  }));
  const rules: PolicyView['rules'] = [];
  for (const section of ['adjustments', 'holds', 'triggers'] as const) {
    const list = doc[section];
    if (!isObj(list)) continue;
    for (const [id, r] of Object.entries(list)) {
      if (!isObj(r)) continue;
      const perUnit = (['points', 'award'] as const).flatMap((kind) => {
        const v = r[kind];
        if (!isObj(v) || typeof v.per !== 'string' || typeof v.amount !== 'number') return [];
        const per = /^[a-z][a-z0-9_]*$/.test(v.per.trim()) ? labelOf(v.per.trim()) : v.per;
        return [{ kind, per, amount: v.amount, ...(typeof v.max === 'number' ? { max: v.max } : {}) }];
      });
      rules.push({
        section,
        id,
        title: typeof r.title === 'string' ? r.title : id,
        when: r.when,
        ...(perUnit.length ? { perUnit } : {}),
        body: r,
      });
    }
  }
  const factLabels: Record<string, string> = Object.create(null);
  for (const id of [...Object.keys(metrics), ...derived]) factLabels[id] = labelOf(id);
  const score = isObj(doc.score) ? doc.score : {};
  const payout = isObj(doc.payout) ? doc.payout : {};
  const numOrText = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? v : undefined);
  const stepTables: StepTable[] = [];
  for (const role of roles)
    for (const row of role.rows) {
      if (row.scoring !== 'steps') continue;
      const node = getPath(doc, row.path);
      const steps = isObj(node) && Array.isArray(node.steps) ? node.steps : [];
      stepTables.push({
        role: role.id,
        roleTitle: role.title,
        indicator: row.id,
        label: row.label,
        lower: row.better === 'lower',
        path: [...row.path, 'steps'],
        steps: steps.map((s) => (isObj(s) ? { min: num(s.min), max: num(s.max), points: num(s.points) } : {})),
      });
    }
  return {
    caps: {
      scoreMax: num(score.max),
      awardsCap: numOrText(payout.awards_cap),
      cap: numOrText(payout.cap),
      performancePay: typeof payout.performance_pay === 'string' ? payout.performance_pay : undefined,
    },
    stepTables,
    source: doc,
    stages,
    roles,
    facts: [...Object.keys(metrics), ...derived, ...Object.keys(BUILTIN_FACTS)],
    factLabels,
    grades,
    bands,
    rules,
  };
}

function getPath(doc: unknown, path: YamlPath): unknown {
  let at = doc;
  for (const k of path) {
    if (Array.isArray(at) && typeof k === 'number') at = at[k];
    else if (isObj(at) && Object.hasOwn(at, String(k))) at = at[String(k)];
    else return undefined;
  }
  return at;
}

/**
 * The edit a weight change needs: a per-stage weight is set where it stands; a single weight
 * shared by every stage becomes a per-stage map when one stage changes.
 */
export function weightEdit(
  row: WeightRow,
  stage: string,
  value: number,
  stages: string[],
): { path: YamlPath; value: number | Record<string, number> } {
  if (!row.uniform) return { path: [...row.path, 'weight', stage], value };
  if (stages.length === 1) return { path: [...row.path, 'weight'], value };
  return {
    path: [...row.path, 'weight'],
    value: Object.fromEntries(stages.map((s) => [s, s === stage ? value : (row.weights[s] ?? 0)])),
  };
}
