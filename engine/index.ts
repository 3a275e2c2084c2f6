// The engine's public API. Pure: no file system, no clock, no process; runs unchanged in a
// browser worker. The CLI (node/cli) and the editor's server do all I/O.

export type { ArgNames, Diagnostic, Span, Cell, MessageArg, MessageId, Severity } from './model/diagnostic.js';
export { formatDiagnostic, hasErrors, localise, sortDiagnostics, visibleText } from './model/diagnostic.js';
export type { PolicyDoc } from './model/policy.js';
export type { EmployeeRecord, ExcludedRecord } from './model/record.js';
export type * from './model/scorecard.js';
export { isPolicyName, policyFileName, policyIdOf, POLICY_NAME_HELP } from './model/policy-name.js';
export { loadPolicy, type LoadOptions, type LoadResult } from './language/load.js';
export type { CompiledPolicy } from './language/compile.js';
export { evaluateRecord, evaluateRecordSync, type EvaluateOptions, type Evaluation } from './evaluation/evaluate.js';
export {
  runPolicy,
  summarise,
  explainLater,
  beforeEffectiveFrom,
  RunTotals,
  type RunInput,
  type RunOptions,
} from './evaluation/run.js';
export { explainScorecard, formatValue, OPERATOR_SIGNS, type Lang } from './explanation/explain.js';
export { distanceToNext, distanceWords, type Distance } from './explanation/distance.js';
export { formulaInWords } from './explanation/formula-words.js';
export { describeAction } from './explanation/explain.js';
export { fenToYuan, formatFen, formatMoney, toFen, yuanToFen } from './model/money.js';
export {
  runResultToJson,
  scorecardFromJson,
  scorecardToJson,
  summaryToJson,
  type RunResultJson,
  type ScorecardJson,
} from './model/result-json.js';
export { BUILTIN_FACTS, OPERATORS } from './language/facts.js';
export { NO_HISTORY, type HistorySource } from './evaluation/history.js';
export { policySchema, closest } from './language/schema.js';
export {
  compareRuns,
  comparisonToJson,
  isCrossing,
  type RunComparison,
  type RunComparisonJson,
  type EmployeeChange,
  type Outcome,
  type UnscorableChange,
} from './review/compare.js';
export { formatPolicyText, formatDocument, CANONICAL } from './review/format.js';
export { setValue, setStructure, deleteAt, type EditResult } from './review/edit.js';
export {
  readRecords,
  isCanonicalPeriod,
  normalisePeriod,
  readPeriod,
  normaliseId,
  type DataContract,
  type PeriodResult,
} from './data/index.js';
export { runPolicyTests, type TestCase, type TestReport } from './review/policy-test.js';
export { diffPolicies, type PolicyChange } from './review/diff.js';
export { suggestBump, bumpVersion, isNewerVersion, type Bump, type BumpSuggestion } from './review/bump.js';
export {
  planAttribution,
  attributeRuns,
  changeImpactToJson,
  type AttributionPlan,
  type ChangeImpact,
  type Move,
} from './review/attribution.js';
export {
  breakdownImpact,
  breakdownToJson,
  percentChange,
  DEFAULT_OUTLIER_FEN,
  type ImpactBreakdown,
  type BreakdownRow,
} from './review/breakdown.js';
export { renderStatement, renderIndex, escapeHtml, isolateBidi, type Provenance } from './explanation/statement.js';
export {
  calibrate,
  unmetMinimumWarnings,
  type CalibrationResult,
  type UnmetMinimum,
} from './evaluation/calibrate.js';
// bonus pools, budgets and what-if sweeps
export { allocate, largestRemainder, type PoolShare, type PoolAllocation } from './evaluation/pool.js';
export { variablePayFen, type BudgetReport, type BudgetLine } from './evaluation/budget.js';
export {
  parseSweep,
  sweepRunner,
  sweepRow,
  fitBudget,
  sweepAll,
  monotony,
  parseBudget,
  SweepError,
  newlyExcluded,
  newlyIncluded,
  type SweepRecords,
  type SweepRun,
  type SweepSpec,
  type SweepRow,
  type BudgetFit,
} from './review/sweep.js';
export type { StatementSection, StatementOptions } from './explanation/statement.js';
export { budgetLines, moneyBeforeAfter, moneySummary, poolLines, poolShareFen } from './explanation/money-text.js';
export { LIMITS, readYaml } from './language/limits.js';
export { addsUpExactly, readsAsWritten } from './language/numbers.js';

// What the Node layer (node/cli, editor/server) and the benchmarks use besides the above: reading
// and streaming data files, the ledger's history, the review commands.
export { excludedRecord } from './model/record.js';
export { diagnostic } from './model/diagnostic.js';
export { FIELD_NAMES, isTotalsWord } from './data/records.js';
export { EXCEL_ERRORS, MISSING_CELLS } from './data/values.js';
export { xlsxMergedRanges } from './data/xlsx-limits.js';
export { roundScore } from './model/money.js';
export { pastPeriodOf, type PastPeriod } from './evaluation/history.js';
export { TeamDirectory, teamKey, teamName, type TeamDeclaration } from './language/teams.js';
export { fitsNobody } from './evaluation/fit.js';
export { addMonths, type PlanState } from './evaluation/plan.js';
export type { TestExpectation } from './review/policy-test.js';
export {
  readTable,
  readCsv,
  formatOf,
  toRecords,
  columnMeaning,
  joinSources,
  recordReader,
  titleAboveHeader,
  decodeBytes,
  decodingOf,
  hasNulBytes,
  nulBytes,
  notText,
  csvQuoteProblems,
  decimalCommaSource,
  csvDelimiter,
  rowLengthProblem,
  noHeaderRow,
  isBlankRow,
  mergedCellsProblem,
  structuredCellProblem,
  sameLayoutSheets,
  hiddenColumnsProblem,
  type Encoding,
  type Table,
  type TableResult,
  type JoinSource,
  type RecordsResult,
  type RecordReader,
  type RatioNotation,
  type NotationSeen,
} from './data/index.js';
// roll-up policies (quarter, half-year, year) from recorded months
export type * from './model/rollup.js';
export { loadRollupPolicy, isRollupDocument, scoredMetrics, type RollupLoadResult } from './language/rollup-load.js';
export { readRollupPeriod, monthsInPeriod, type RollupPeriod, type RollupPeriodRead } from './data/rollup-period.js';
export { evaluateRollup, rollupFact, rollupMonthOf } from './evaluation/rollup.js';
export { explainRollup, explainRollupExcluded } from './explanation/rollup-explain.js';
export {
  runRollupTests,
  type RollupExpectation,
  type RollupTestCase,
} from './review/rollup-test.js';
export {
  verifyPolicy,
  verifyPolicyText,
  casesToYaml,
  type VerifyReport,
  type Verdict,
} from './review/verify/verify.js';
export {
  buildDocument,
  renderHtml,
  renderMarkdown,
  type PolicyDocument,
  type DocumentOptions,
} from './review/document/document.js';
