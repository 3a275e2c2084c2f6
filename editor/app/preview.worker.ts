// The live preview's engine: the same engine/ the CLI uses, run off the main thread so typing never
// waits for it. Messages carry an id; the page drops any reply that is not for its latest request.

import { compareRuns, diffPolicies, loadPolicy, runPolicy, type CompiledPolicy, type Diagnostic, type Lang, type RunComparison, type RunResult } from '../../engine/index.js';
import { readTable, toRecords, type Table } from '../../engine/data/index.js';

export type PreviewRequest =
  | { type: 'data'; id: number; bytes: ArrayBuffer; file: string }
  | { type: 'evaluate'; id: number; policy: string; base?: string; lang: Lang };

export type PreviewReply =
  | { type: 'data'; id: number; ok: true } | { type: 'data'; id: number; ok: false; diagnostics: Diagnostic[] }
  | { type: 'result'; id: number; ok: true; result: RunResult; comparison?: RunComparison; changes?: string[]; diagnostics: Diagnostic[]; dataProblems: Diagnostic[]; ms: number }
  | { type: 'result'; id: number; ok: false; diagnostics: Diagnostic[]; ms: number };

let data: { table: Table; file: string } | undefined;
let baseCache: { text: string; lang: Lang; result?: RunResult; policy?: CompiledPolicy; dataVersion: number } | undefined;
let dataVersion = 0;

async function evaluate(policyText: string, lang: Lang, file: string): Promise<{ ok: true; policy: CompiledPolicy; result: RunResult; diagnostics: Diagnostic[]; dataProblems: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] }> {
  const loaded = loadPolicy(policyText, file);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  const read = data ? toRecords(data.table, loaded.policy.contract, { file: data.file }) : { records: [], excluded: [], diagnostics: [] };
  const errors = read.diagnostics.filter((d) => d.severity === 'error');
  const result = await runPolicy(loaded.policy, { records: errors.length ? [] : read.records, excluded: read.excluded, warnings: read.diagnostics.filter((d) => d.severity === 'warning') }, { lang });
  return { ok: true, policy: loaded.policy, result, diagnostics: loaded.diagnostics, dataProblems: errors };
}

self.onmessage = async (event: MessageEvent<PreviewRequest>) => {
  const m = event.data;
  if (m.type === 'data') {
    // parsed once per dataset; each evaluation maps it onto the policy's metrics
    const table = await readTable(new Uint8Array(m.bytes), m.file);
    dataVersion++;
    if (!table.ok) {
      data = undefined;
      (self as unknown as Worker).postMessage({ type: 'data', id: m.id, ok: false, diagnostics: table.diagnostics } satisfies PreviewReply);
      return;
    }
    data = { table: table.table, file: m.file };
    (self as unknown as Worker).postMessage({ type: 'data', id: m.id, ok: true } satisfies PreviewReply);
    return;
  }
  const started = performance.now();
  const now = await evaluate(m.policy, m.lang, 'policy.yaml');
  if (!now.ok) {
    (self as unknown as Worker).postMessage({ type: 'result', id: m.id, ok: false, diagnostics: now.diagnostics, ms: performance.now() - started } satisfies PreviewReply);
    return;
  }
  let comparison: RunComparison | undefined;
  let changes: string[] | undefined;
  if (m.base !== undefined) {
    // the saved version changes rarely: evaluate it once per text, language and dataset
    if (!baseCache || baseCache.text !== m.base || baseCache.lang !== m.lang || baseCache.dataVersion !== dataVersion) {
      const base = await evaluate(m.base, m.lang, 'saved.yaml');
      baseCache = { text: m.base, lang: m.lang, dataVersion, result: base.ok ? base.result : undefined, policy: base.ok ? base.policy : undefined };
    }
    if (baseCache.result) comparison = compareRuns(baseCache.result, now.result);
    if (baseCache.policy) changes = diffPolicies(baseCache.policy.doc, now.policy.doc, m.lang).map((c) => c.text);
  }
  (self as unknown as Worker).postMessage({ type: 'result', id: m.id, ok: true, result: now.result, comparison, changes, diagnostics: now.diagnostics, dataProblems: now.dataProblems, ms: performance.now() - started } satisfies PreviewReply);
};
