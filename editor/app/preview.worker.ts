// The live preview's engine: the same engine/ the CLI uses (through PreviewSession), run off the
// main thread so typing never waits for it. Messages carry an id; the page drops any reply that
// is not for its latest request.

import {
  localise,
  verifyPolicyText,
  type Diagnostic,
  type EmployeeRecord,
  type Lang,
  type RecordsResult,
  type RunComparison,
} from '../../engine/index.js';
import { PreviewSession, type PreviewResult, type RollupInfo, type Swept } from './lib/preview-session.js';
import type { ScorecardView } from './lib/scorecard-view.js';
import { RollupPreviewSession, type HistoryFile, type RollupPreviewed } from './lib/rollup-preview.js';
import {
  inputFromRecord,
  simShape,
  simulate,
  type SimInput,
  type SimOutcome,
  type SimShape,
} from './lib/simulator-engine.js';

export type PreviewRequest =
  | { type: 'data'; id: number; bytes: ArrayBuffer; file: string }
  /** A data mapping's records as the server read them for the policy text `policy` (editor/server/data.ts). */
  | { type: 'records'; id: number; file: string; policy: string; read: RecordsResult }
  /** `monthly`: for a roll-up policy, the text of the monthly policy it names, to check it against. */
  | { type: 'evaluate'; id: number; policy: string; base?: string; lang: Lang; monthly?: string }
  /** A what-if sweep for the budget panel: `set` is `PATH=FROM..TO/STEP` as `yardstick sweep --set`. */
  | { type: 'sweep'; id: number; policy: string; set: string; budgetFen?: number; lang: Lang }
  /** One employee's explanation from the evaluation `of` (explanations are built on demand). */
  | { type: 'explain'; id: number; of: number; employee_id: string }
  /** The policy's properties (yardstick verify), after a pause: its findings join the problems as warnings. */
  | { type: 'verify'; id: number; policy: string; lang: Lang }
  /** The simulator (lib/simulator-engine.ts): a role's fields, an employee's record as inputs, one simulated employee. */
  | { type: 'sim-shape'; id: number; policy: string; role: string; stage?: string }
  /** An employee of the data in use, or a record given (a verify counterexample), as the simulator's inputs. */
  | { type: 'sim-record'; id: number; policy: string; employee_id?: string; record?: EmployeeRecord }
  | { type: 'simulate'; id: number; policy: string; input: SimInput; lang: Lang }
  /** A roll-up policy over the history months of its monthly policy (lib/rollup-preview.ts). */
  | {
      type: 'rollup-preview';
      id: number;
      policy: string;
      monthly: { text: string; file: string };
      history: { key: string; files: HistoryFile[] };
      lang: Lang;
    };

export type PreviewReply =
  | { type: 'data'; id: number; ok: true }
  | { type: 'data'; id: number; ok: false; diagnostics: Diagnostic[] }
  | {
      type: 'result';
      id: number;
      ok: true;
      result: PreviewResult;
      comparison?: RunComparison;
      changes?: string[];
      diagnostics: Diagnostic[];
      dataProblems: Diagnostic[];
      ms: number;
    }
  | { type: 'result'; id: number; ok: true; rollup: RollupInfo; diagnostics: Diagnostic[]; ms: number }
  | { type: 'result'; id: number; ok: false; diagnostics: Diagnostic[]; ms: number; needsRecords?: string[] }
  | ({ type: 'sweep'; id: number } & Swept)
  | { type: 'explanation'; id: number; card: ScorecardView | null }
  /** `counterexamples[i]`: the employee records that break the property of `diagnostics[i]`, if verify found some. */
  | { type: 'verified'; id: number; diagnostics: Diagnostic[]; counterexamples?: (EmployeeRecord[] | null)[] }
  | { type: 'sim-shape'; id: number; shape: SimShape | { problems: string[] } }
  | { type: 'sim-record'; id: number; input: SimInput | null; record: EmployeeRecord | null }
  | { type: 'simulated'; id: number; outcome: SimOutcome }
  | { type: 'rollup-preview'; id: number; previewed: RollupPreviewed };

const session = new PreviewSession();
const rollups = new RollupPreviewSession();
const reply = (m: PreviewReply) => (self as unknown as Worker).postMessage(m);

/** The interface's language, from the latest evaluation (Chinese, the default, until one arrives). */
let lang: Lang = 'zh';
/** Diagnostics with message and help in the interface's language, before they leave the worker. */
const inLang = (ds: Diagnostic[]): Diagnostic[] => ds.map((d) => ({ ...d, ...localise(d, lang) }));

self.onmessage = async (event: MessageEvent<PreviewRequest>) => {
  const m = event.data;
  if (m.type === 'data') {
    const problems = await session.setData(new Uint8Array(m.bytes), m.file);
    reply(
      problems
        ? { type: 'data', id: m.id, ok: false, diagnostics: inLang(problems) }
        : { type: 'data', id: m.id, ok: true },
    );
  } else if (m.type === 'records') {
    session.setRecords(m.file, m.policy, m.read);
    reply({ type: 'data', id: m.id, ok: true });
  } else if (m.type === 'verify') {
    const r = verifyPolicyText(m.policy, 'policy', { runs: 50 });
    // localised before the copy: a diagnostic's arguments do not survive a spread
    const found = r.ok
      ? r.report.diagnostics.map((d) => ({ ...d, ...localise(d, m.lang), severity: 'warning' as const }))
      : [];
    // each finding's counterexample records, for the problems panel's "open in simulator"
    const counterexamples = r.ok
      ? r.report.diagnostics.map(
          (d) => r.report.verdicts.find((v) => v.diagnostic === d)?.counterexample?.map((c) => c.record) ?? null,
        )
      : [];
    reply({ type: 'verified', id: m.id, diagnostics: found, counterexamples });
  } else if (m.type === 'sim-shape') {
    reply({ type: 'sim-shape', id: m.id, shape: simShape(m.policy, m.role, m.stage) });
  } else if (m.type === 'sim-record') {
    const record = m.record ?? (m.employee_id === undefined ? undefined : session.recordOf(m.employee_id));
    const input = record ? inputFromRecord(m.policy, record) : undefined;
    reply({ type: 'sim-record', id: m.id, input: input ?? null, record: input && record ? record : null });
  } else if (m.type === 'simulate') {
    reply({ type: 'simulated', id: m.id, outcome: await simulate(m.policy, m.input, m.lang) });
  } else if (m.type === 'sweep') {
    const r = await session.sweep(m.policy, m.set, m.budgetFen, m.lang);
    reply(
      r.ok
        ? { type: 'sweep', id: m.id, ...r }
        : { type: 'sweep', id: m.id, ok: false, problem: inLang([r.problem])[0]! },
    );
  } else if (m.type === 'rollup-preview') {
    const r = await rollups.preview(m.policy, m.monthly, m.history, m.lang);
    const ds = (d: Diagnostic[]) => d.map((x) => ({ ...x, ...localise(x, m.lang) }));
    const previewed = r.ok
      ? { ...r, diagnostics: ds(r.diagnostics), preview: { ...r.preview, dataProblems: ds(r.preview.dataProblems) } }
      : { ...r, diagnostics: ds(r.diagnostics) };
    reply({ type: 'rollup-preview', id: m.id, previewed });
  } else if (m.type === 'explain') {
    reply({ type: 'explanation', id: m.id, card: session.explain(m.of, m.employee_id) });
  } else {
    lang = m.lang;
    const rollup = session.rollup(m.policy, m.monthly, () => performance.now());
    if (rollup) {
      reply({ type: 'result', id: m.id, ...rollup, diagnostics: inLang(rollup.diagnostics) });
      return;
    }
    const r = await session.evaluate(m.id, m.policy, m.base, m.lang, () => performance.now());
    if (!r.ok) {
      reply({ type: 'result', id: m.id, ...r, diagnostics: inLang(r.diagnostics) });
      return;
    }
    const excluded = r.result.excluded.map((x) => ({ ...x, reasons: inLang(x.reasons) }));
    const comparison = r.comparison && {
      ...r.comparison,
      unscorable: r.comparison.unscorable.map((u) => ({ ...u, reasons: inLang(u.reasons) })),
    };
    reply({
      type: 'result',
      id: m.id,
      ...r,
      result: { ...r.result, excluded },
      ...(comparison ? { comparison } : {}),
      diagnostics: inLang(r.diagnostics),
      dataProblems: inLang(r.dataProblems),
    });
  }
};
