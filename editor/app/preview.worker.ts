// The live preview's engine: the same engine/ the CLI uses (through PreviewSession), run off the
// main thread so typing never waits for it. Messages carry an id; the page drops any reply that
// is not for its latest request.

import {
  localise,
  verifyPolicyText,
  type Diagnostic,
  type Lang,
  type RecordsResult,
  type RunComparison,
} from '../../engine/index.js';
import { PreviewSession, type PreviewResult, type RollupInfo, type Swept } from './lib/preview-session.js';
import type { ScorecardView } from './lib/scorecard-view.js';

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
  | { type: 'verify'; id: number; policy: string; lang: Lang };

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
  | { type: 'verified'; id: number; diagnostics: Diagnostic[] };

const session = new PreviewSession();
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
    reply({ type: 'verified', id: m.id, diagnostics: found });
  } else if (m.type === 'sweep') {
    const r = await session.sweep(m.policy, m.set, m.budgetFen, m.lang);
    reply(
      r.ok
        ? { type: 'sweep', id: m.id, ...r }
        : { type: 'sweep', id: m.id, ok: false, problem: inLang([r.problem])[0]! },
    );
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
