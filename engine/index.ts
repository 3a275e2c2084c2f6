// The engine's public API. Pure: no file system, no clock, no process; runs unchanged in a
// browser worker. The CLI (engine/cli) and the editor do all I/O.

export type { Diagnostic, Span, Cell, Severity } from './diagnostic.js';
export { formatDiagnostic, hasErrors, sortDiagnostics } from './diagnostic.js';
export type { PolicyDoc } from './policy.js';
export type { EmployeeRecord, ExcludedRecord } from './record.js';
export type * from './scorecard.js';
export { loadPolicy, type LoadResult } from './load.js';
export type { CompiledPolicy } from './compile.js';
export { evaluateRecord, evaluateRecordSync, type EvaluateOptions, type Evaluation } from './evaluate.js';
export { runPolicy, summarise, explainLater, beforeEffectiveFrom, RunTotals, type RunInput, type RunOptions } from './run.js';
export { explainScorecard, formatValue, type Lang } from './explain.js';
export { formatMoney, toFen } from './money.js';
export { BUILTIN_FACTS, NO_HISTORY, OPERATORS, type HistorySource } from './facts.js';
export { policySchema } from './schema.js';
export { compareRuns, type RunComparison, type EmployeeChange, type Outcome, type UnscorableChange } from './compare.js';
export { formatPolicyText, formatDocument, CANONICAL } from './format.js';
export { setValue, setStructure, deleteAt, type EditResult } from './policy-edit.js';
export { readRecords, normalisePeriod, normaliseId, type DataContract, type PeriodResult } from './data/index.js';
export { runPolicyTests, type TestCase, type TestReport } from './policy-test.js';
export { diffPolicies, type PolicyChange } from './policy-diff.js';
export { renderStatement, renderIndex, escapeHtml, type Provenance } from './statement.js';
export { calibrate, type CalibrationResult } from './calibrate.js';
export { LIMITS, readYaml } from './limits.js';
