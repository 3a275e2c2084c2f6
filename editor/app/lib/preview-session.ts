// What the preview worker does, without the worker: the dataset parsed once, each edit's policy
// evaluated on it, compared with the saved version, and one employee explained on demand. The
// worker (preview.worker.ts) wraps it in messages; `npm run bench` times it directly.

import {
  compareRuns,
  diffPolicies,
  sweepAll,
  isRollupDocument,
  loadPolicy,
  loadRollupPolicy,
  parseSweep,
  readYaml,
  SweepError,
  sweepRunner,
  type BudgetFit,
  type RollupPeriodKind,
  type SweepRow,
  readTable,
  runPolicy,
  toRecords,
  type CompiledPolicy,
  type Diagnostic,
  type EmployeeRecord,
  type Lang,
  type RecordsResult,
  type RunComparison,
  type RunResult,
  type Scorecard,
  type Table,
} from '../../../engine/index.js';
import { scorecardView, type ScorecardView } from './scorecard-view.js';

/**
 * What the page shows of a scorecard: its table row. The rest (indicators, payout lines, the
 * values behind every rule) stays in the worker and reaches the page as an explanation when a
 * scorecard is opened, so that a thousand full scorecards are not copied to the page per edit.
 */
export interface PreviewRow {
  employee_id: string;
  name: string;
  team: string;
  role_title: string;
  score: number;
  grade: string;
  payout: { totalFen: number; status: Scorecard['payout']['status']; tier?: { id: string; title?: string } };
  triggers: { id: string; title: string }[];
  /** With forced distribution, the grade the quota gave (someone held is not ranked: none). */
  calibrated?: string;
}

export type PreviewResult = Omit<RunResult, 'scorecards'> & { rows: PreviewRow[] };

const row = (c: Scorecard): PreviewRow => ({
  employee_id: c.employee_id,
  name: c.name,
  team: c.team,
  role_title: c.role_title,
  score: c.score,
  grade: c.grade,
  payout: {
    totalFen: c.payout.totalFen,
    status: c.payout.status,
    ...(c.payout.tier ? { tier: { id: c.payout.tier.id, title: c.payout.tier.title } } : {}),
  },
  triggers: c.triggers.map((t) => ({ id: t.id, title: t.title })),
  ...(c.calibration ? { calibrated: c.calibration.calibrated } : {}),
});

export type Evaluated =
  | {
      ok: true;
      result: PreviewResult;
      comparison?: RunComparison;
      changes?: string[];
      diagnostics: Diagnostic[];
      dataProblems: Diagnostic[];
      ms: number;
    }
  | { ok: false; diagnostics: Diagnostic[]; ms: number }
  /** A data mapping's dataset has no records yet for these policy texts: the page asks the server for them. */
  | { ok: false; diagnostics: Diagnostic[]; ms: number; needsRecords: string[] };

/** A roll-up policy: checked by the engine's roll-up loader, not run on a month. */
export type RollupChecked =
  | { ok: true; rollup: RollupInfo; diagnostics: Diagnostic[]; ms: number }
  | { ok: false; diagnostics: Diagnostic[]; ms: number };

/** What the page says about a roll-up policy that loads: what it rolls up and over which period. */
export interface RollupInfo {
  of: string;
  period: RollupPeriodKind;
  /** Whether it was checked against the monthly policy it names (its metrics, grades and tiers). */
  againstMonthly: boolean;
}

/** A what-if sweep of one number of the policy over the month in use (engine/review/sweep.ts). */
export type Swept =
  | {
      ok: true;
      path: string[];
      current: number;
      decimals: number;
      /** The payout total of the policy as written, on the same records. */
      baseFen: number;
      rows: SweepRow[];
      fit?: BudgetFit;
    }
  | { ok: false; problem: Diagnostic };

type Run =
  | {
      ok: true;
      policy: CompiledPolicy;
      result: RunResult;
      /** The records the run scored (each with its row: `compareRuns` tells one month's row from another's). */
      records: readonly EmployeeRecord[];
      diagnostics: Diagnostic[];
      dataProblems: Diagnostic[];
    }
  | { ok: false; diagnostics: Diagnostic[] };

export class PreviewSession {
  private data: { table: Table; file: string } | undefined;
  /**
   * A data mapping read by the server (the CLI's reading, DuckDB for event files): its records for
   * each data contract they were read for, since what a mapping yields depends on the policy's metrics.
   */
  private mapped: { file: string; byContract: Map<string, RecordsResult> } | undefined;
  /** Policy texts an evaluation needed records for and the mapping has none yet. */
  private wanted = new Set<string>();
  private dataVersion = 0;
  private base:
    | {
        text: string;
        lang: Lang;
        result?: RunResult;
        policy?: CompiledPolicy;
        records?: readonly EmployeeRecord[];
        dataVersion: number;
      }
    | undefined;
  private read: { dataVersion: number; key: string; result: RecordsResult } | undefined;
  /** The latest evaluations, kept to explain their employees on demand. */
  private recent: { id: number; policy: CompiledPolicy; result: RunResult; lang: Lang }[] = [];

  /**
   * Parses a data file once; each evaluation maps it onto the policy's metrics. Returns its
   * problems; a file that cannot be read leaves the previous data in place, so the preview keeps
   * showing it rather than zeros.
   */
  async setData(bytes: Uint8Array, file: string): Promise<Diagnostic[] | null> {
    const table = await readTable(bytes, file);
    if (!table.ok) return table.diagnostics;
    this.dataVersion++;
    this.data = { table: table.table, file };
    this.mapped = undefined;
    return null;
  }

  /**
   * A data mapping's records as the server read them for `policyText` (editor/server/data.ts); they
   * serve every policy text with the same data contract (none for a text that does not load).
   */
  setRecords(file: string, policyText: string, read: RecordsResult): void {
    if (this.mapped?.file !== file) this.mapped = { file, byContract: new Map() };
    this.data = undefined;
    const loaded = loadPolicy(policyText, 'policy.yaml');
    if (loaded.ok) this.mapped.byContract.set(contractKey(loaded.policy), read);
    // the saved version and the edit are the two contracts in use; older readings go
    while (this.mapped.byContract.size > 4) this.mapped.byContract.delete(this.mapped.byContract.keys().next().value!);
    this.dataVersion++;
  }

  /** The file the preview reads now, if any. */
  get dataFile(): string | undefined {
    return this.data?.file ?? this.mapped?.file;
  }

  /** The edited policy on the data, compared with the saved one (`base`); `id` names it for `explain`. */
  async evaluate(
    id: number,
    policy: string,
    base: string | undefined,
    lang: Lang,
    now: () => number,
  ): Promise<Evaluated> {
    const started = now();
    this.wanted.clear();
    const edited = await this.run(policy, lang, 'policy.yaml');
    if (!edited.ok) return { ok: false, diagnostics: edited.diagnostics, ms: now() - started };
    let comparison: RunComparison | undefined;
    let changes: string[] | undefined;
    if (base !== undefined) {
      // the saved version changes rarely: evaluate it once per text, language and dataset
      const b = this.base;
      if (!b || b.text !== base || b.lang !== lang || b.dataVersion !== this.dataVersion) {
        const saved = await this.run(base, lang, 'saved.yaml');
        this.base = {
          text: base,
          lang,
          dataVersion: this.dataVersion,
          result: saved.ok ? saved.result : undefined,
          policy: saved.ok ? saved.policy : undefined,
          records: saved.ok ? saved.records : undefined,
        };
      }
      // several months: each person-month's reasons are those of its own row (as `yardstick diff`)
      if (this.base!.result)
        comparison = compareRuns(this.base!.result, edited.result, [this.base!.records ?? [], edited.records]);
      if (this.base!.policy) changes = diffPolicies(this.base!.policy.doc, edited.policy.doc, lang).map((c) => c.text);
    }
    if (this.wanted.size) {
      // computed on no records: the page fetches the mapping's records for these texts and asks again
      if (this.base?.dataVersion === this.dataVersion && this.wanted.has(base ?? '')) this.base = undefined;
      return { ok: false, diagnostics: [], ms: now() - started, needsRecords: [...this.wanted] };
    }
    this.recent.unshift({ id, policy: edited.policy, result: edited.result, lang });
    this.recent.length = Math.min(this.recent.length, 3);
    const { scorecards, ...rest } = edited.result;
    return {
      ok: true,
      result: { ...rest, rows: scorecards.map(row) },
      comparison,
      changes,
      // the run's warnings that point into the policy (a calibration minimum no team could be
      // given) join its problems, at their line, as the CLI prints them
      diagnostics: [...edited.diagnostics, ...edited.result.warnings.filter((w) => w.file === 'policy.yaml' && w.span)],
      dataProblems: edited.dataProblems,
      ms: now() - started,
    };
  }

  /**
   * When the text is a roll-up policy (a top-level `rollup:`), its check by the engine's roll-up
   * loader, against the monthly policy it names when the page has that policy's text (`monthly`);
   * undefined for any other text (a month's policy, or text that does not parse).
   */
  rollup(text: string, monthly: string | undefined, now: () => number): RollupChecked | undefined {
    const started = now();
    const yaml = readYaml(text, 'policy.yaml');
    if (!yaml.ok || !isRollupDocument(yaml.value)) return undefined;
    const ms = () => now() - started;
    const month = monthly === undefined ? undefined : loadPolicy(monthly, 'monthly.yaml');
    const loaded = loadRollupPolicy(text, 'policy.yaml', month?.ok ? month.policy.doc : undefined);
    if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics, ms: ms() };
    const { of, period } = loaded.doc.rollup;
    return {
      ok: true,
      rollup: { of, period, againstMonthly: !!month?.ok },
      diagnostics: loaded.diagnostics,
      ms: ms(),
    };
  }

  /**
   * The month in use re-run with the number at PATH set to each value of `set`
   * (`PATH=FROM..TO/STEP`, read by the engine's parseSweep as `yardstick sweep --set` reads it); with
   * a budget, the value that fits it, found as `yardstick sweep --budget` finds it.
   */
  async sweep(policyText: string, set: string, budgetFen: number | undefined, lang: Lang): Promise<Swept> {
    const loaded = loadPolicy(policyText, 'policy.yaml');
    if (!loaded.ok) return { ok: false, problem: loaded.diagnostics.find((d) => d.severity === 'error')! };
    const spec = parseSweep(set, policyText, loaded.policy);
    if ('code' in spec) return { ok: false, problem: spec };
    const read = this.records(loaded.policy, policyText);
    const records = read.diagnostics.some((d) => d.severity === 'error') ? [] : [...read.records];
    const base = await runPolicy(loaded.policy, { records }, { lang, explain: false });
    const run = sweepRunner(policyText, 'policy.yaml', spec, records, lang);
    try {
      // the same rows and fit as `yardstick sweep`
      const { rows, fit } = await sweepAll(spec, run, base, budgetFen);
      return {
        ok: true,
        path: spec.path,
        current: spec.current,
        decimals: spec.decimals,
        baseFen: base.summary.payout_total_fen,
        rows,
        ...(fit ? { fit } : {}),
      };
    } catch (error) {
      if (error instanceof SweepError) return { ok: false, problem: error.diagnostic };
      throw error;
    }
  }

  /** An employee's record in the data in use, as the latest evaluation read it (the simulator starts from it). */
  recordOf(employeeId: string): EmployeeRecord | undefined {
    return this.read?.result.records.find((r) => r.employee_id === employeeId);
  }

  /** One employee's scorecard, as the page shows it, from evaluation `of`; null when that evaluation is gone. */
  explain(of: number, employeeId: string): ScorecardView | null {
    const run = this.recent.find((r) => r.id === of);
    const card = run?.result.scorecards.find((c) => c.employee_id === employeeId);
    return run && card ? scorecardView(run.policy, card, run.lang) : null;
  }

  /**
   * The dataset as records for this policy. Most edits (a weight, a threshold, an award) leave
   * what the data layer reads unchanged — metrics, roles, stages, required metrics — so the last
   * reading is reused; records are never modified by an evaluation.
   */
  private records(policy: CompiledPolicy, text: string): RecordsResult {
    if (this.mapped) {
      const read = this.mapped.byContract.get(contractKey(policy));
      if (read) return read;
      this.wanted.add(text);
      return { records: [], excluded: [], diagnostics: [] };
    }
    const data = this.data;
    if (!data) return { records: [], excluded: [], diagnostics: [] };
    const c = policy.contract;
    const key = JSON.stringify([c.metrics, c.roles, c.stages, requiredOf(c)]);
    if (this.read?.dataVersion !== this.dataVersion || this.read.key !== key) {
      this.read = { dataVersion: this.dataVersion, key, result: toRecords(data.table, c, { file: data.file }) };
    }
    return this.read.result;
  }

  private async run(policyText: string, lang: Lang, file: string): Promise<Run> {
    const loaded = loadPolicy(policyText, file);
    if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
    const read = this.records(loaded.policy, policyText);
    const errors = read.diagnostics.filter((d) => d.severity === 'error');
    // the table needs no explanation; one employee's is built when the page opens it
    const records = errors.length ? [] : read.records;
    const result = await runPolicy(
      loaded.policy,
      {
        records,
        excluded: read.excluded,
        warnings: read.diagnostics.filter((d) => d.severity === 'warning'),
      },
      { lang, explain: false },
    );
    return { ok: true, policy: loaded.policy, result, records, diagnostics: loaded.diagnostics, dataProblems: errors };
  }
}

/** What a mapping's records depend on in a policy: its metrics, roles, stages, required metrics and teams. */
function contractKey(policy: CompiledPolicy): string {
  const c = policy.contract;
  return JSON.stringify([c.metrics, c.roles, c.stages, requiredOf(c), c.teams ?? null]);
}

/** The metrics each role requires in each stage (a weight set to 0 in a stage can change them). */
const requiredOf = (c: CompiledPolicy['contract']) =>
  c.roles.map((r) => [c.requiredMetrics(r.id), c.stages.map((s) => c.requiredMetrics(r.id, s.id))]);
