// Data in: exports as text → records. Pure: the caller decodes the file.

export { parseValue, MISSING_CELLS, EXCEL_ERRORS, type ParsedValue } from './values.js';
export {
  readCsv,
  readJsonRecords,
  csvQuoteProblems,
  decimalCommaSource,
  csvDelimiter,
  rowLengthProblem,
  noHeaderRow,
  isBlankRow,
  mergedCellsProblem,
  structuredCellProblem,
  hiddenColumnsProblem,
  type Table,
  type TableResult,
} from './table.js';
export {
  toRecords,
  readRecords,
  columnMeaning,
  recordReader,
  titleAboveHeader,
  sameLayoutSheets,
  type DataContract,
  type ReadOptions,
  type RecordsResult,
  type RecordReader,
  type RatioNotation,
  type NotationSeen,
} from './records.js';
export { decodeBytes, decodingOf, hasNulBytes, nulBytes, notText, type Encoding, type Decoded } from './decode.js';
export { readXlsx } from './xlsx.js';
export { xlsxMergedRanges } from './xlsx-limits.js';
export { readTable, formatOf, type DataFormat } from './file.js';
export { joinSources, type JoinSource, type JoinResult } from './join.js';
export { isCanonicalPeriod, normalisePeriod, readPeriod, type PeriodResult } from './period.js';
export { normaliseId } from './ids.js';
