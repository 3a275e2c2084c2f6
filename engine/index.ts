// The engine's public API. Pure: no file system, no clock, no process; runs unchanged in a
// browser worker. The CLI (node/cli) and the editor's server do all I/O.

export type { Diagnostic, Span, Cell, Severity } from './model/diagnostic.js';
export { formatDiagnostic, hasErrors, sortDiagnostics } from './model/diagnostic.js';
export type { PolicyDoc } from './model/policy.js';
export type { EmployeeRecord, ExcludedRecord } from './model/record.js';
export type * from './model/scorecard.js';
export { loadPolicy, type LoadResult } from './language/load.js';
export type { CompiledPolicy } from './language/compile.js';
export { evaluateRecord, evaluateRecordSync, type EvaluateOptions, type Evaluation } from './evaluation/evaluate.js';
export { runPolicy, summarise, explainLater, beforeEffectiveFrom, RunTotals, type RunInput, type RunOptions } from './evaluation/run.js';
export { explainScorecard, formatValue, type Lang } from './explanation/explain.js';
export { fenToYuan, formatFen, formatMoney, toFen, yuanToFen } from './model/money.js';
export { runResultToJson, scorecardFromJson, scorecardToJson, summaryToJson, type RunResultJson, type ScorecardJson } from './model/result-json.js';
export { BUILTIN_FACTS, NO_HISTORY, OPERATORS, type HistorySource } from './language/facts.js';
export { policySchema } from './language/schema.js';
export { compareRuns, comparisonToJson, type RunComparison, type RunComparisonJson, type EmployeeChange, type Outcome, type UnscorableChange } from './review/compare.js';
export { formatPolicyText, formatDocument, CANONICAL } from './review/format.js';
export { setValue, setStructure, deleteAt, type EditResult } from './review/edit.js';
export { readRecords, normalisePeriod, normaliseId, type DataContract, type PeriodResult } from './data/index.js';
export { runPolicyTests, type TestCase, type TestReport } from './review/policy-test.js';
export { diffPolicies, type PolicyChange } from './review/diff.js';
export { renderStatement, renderIndex, escapeHtml, type Provenance } from './explanation/statement.js';
export { calibrate, type CalibrationResult } from './evaluation/calibrate.js';
export { LIMITS, readYaml } from './language/limits.js';
