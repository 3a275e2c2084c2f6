// What `run` and `explain` share: load the policy, read the data, evaluate.

import {
  hasErrors,
  loadPolicy,
  runPolicy,
  type CompiledPolicy,
  type Lang,
  type RunResult,
  type EmployeeRecord,
  type ExcludedRecord,
  formatOf,
  readTable,
  toRecords,
  type RecordsResult,
  type HistorySource,
  type Encoding,
  fitsNobody,
  diagnostic,
  summarise,
  type Diagnostic,
} from '../../engine/index.js';
import { progressFor } from './progress.js';
import { readMapping } from './mapping.js';
import { Ledger } from './ledger.js';
import { EXIT, ExitError, policyInvalid } from './errors.js';
import { diagnosticsKept, readBytes, readText, sayDiagnostic } from './io.js';
import { isRollupText } from './rollup.js';

export function loadPolicyFile(file: string, stderr: (s: string) => void, lang: Lang = 'zh'): CompiledPolicy {
  return loadPolicyAndText(file, stderr, lang).policy;
}

/** loadPolicyFile, with the text the policy was loaded from (a streaming run hands it to its workers). */
export function loadPolicyAndText(
  file: string,
  stderr: (s: string) => void,
  lang: Lang = 'zh',
): { policy: CompiledPolicy; text: string } {
  const text = readText(file, 'policy');
  // a roll-up policy scores the recorded months, not a data file
  if (isRollupText(text, file)) throw new ExitError(EXIT.input, diagnostic('cli_rollup_is_rollup', { file }, { file }));
  const result = loadPolicy(text, file);
  // a policy that fails carries its problems in the error, so that `--error-format json` gives
  // them as JSON (and in the error language), not as text before it
  if (!result.ok) throw policyInvalid(file, result.diagnostics);
  for (const d of result.diagnostics) sayDiagnostic(stderr, d, lang);
  return { policy: result.policy, text };
}

/**
 * `--sheet` with a data mapping: the mapping names each workbook's sheet itself, so the option would
 * be ignored (the sheet read is not the one asked for): refused at the file, as with a CSV file.
 */
export function sheetOfMapping(file: string, sheet: string | undefined): Diagnostic | undefined {
  if (sheet === undefined || !/\.ya?ml$/i.test(file)) return undefined;
  return diagnostic('data_sheet_not_workbook.mapping', { file, sheet }, { file, cell: { row: 1 } });
}

/** Reads a CSV, JSON or XLSX data file, or a data mapping (`*.yaml`) joining several, into records. */
export async function readDataFile(
  file: string,
  policy: CompiledPolicy,
  o: { encoding?: Encoding; sheet?: string; period?: string } = {},
): Promise<RecordsResult> {
  const sheetless = sheetOfMapping(file, o.sheet);
  if (sheetless) return { records: [], excluded: [], diagnostics: [sheetless] };
  if (/\.ya?ml$/i.test(file)) return readMapping(file, policy, o);
  if (!formatOf(file)) throw new ExitError(EXIT.input, diagnostic('io_unknown_data_format', { file }, { file }));
  const table = await readTable(new Uint8Array(readBytes(file, 'data')), file, {
    encoding: o.encoding,
    sheet: o.sheet,
  });
  if (!table.ok) return { records: [], excluded: [], diagnostics: table.diagnostics };
  return toRecords(table.table, policy.contract, { file, period: o.period });
}

/** Codes of records a run refuses to leave out silently: bad cells and unplaceable rows. */
export function refuseExcluded(
  result: Pick<RunResult, 'excluded'>,
  allow: boolean | undefined,
  stderr: (s: string) => void,
  lang: Lang,
  diagnosticLang: Lang = lang,
): void {
  if (allow || result.excluded.length === 0) return;
  reportExcluded(result, stderr, lang, diagnosticLang, true);
  throw new ExitError(EXIT.input, diagnostic('cli_records_refused', { count: result.excluded.length }));
}

export interface DryRunOptions {
  policy: string;
  /** The policy file already loaded (and its warnings printed) by the caller. */
  loaded?: CompiledPolicy;
  data: string;
  period?: string;
  lang: Lang;
  /** The language of the diagnostics printed (see Io.lang); `lang` otherwise. */
  diagnosticLang?: Lang;
  encoding?: Encoding;
  sheet?: string;
  /** Results ledger to take earlier periods' grades from, when it exists. */
  ledger?: string;
  executor?: 'compiled' | 'reference';
  /** No progress on stderr. */
  quiet?: boolean;
  /** What the progress names the work: `run` unless said. */
  progressLabel?: string;
  /** False when the output shows no explanations (table, CSV, XLSX). */
  explain?: boolean;
  /** The run records the period (--record, --amend): the record itself refuses stale months, or --out-of-order takes them. */
  recording?: boolean;
  stderr: (s: string) => void;
}

export async function dryRun(o: DryRunOptions): Promise<{
  policy: CompiledPolicy;
  result: RunResult;
  records: readonly EmployeeRecord[];
  /** The records the data file's reading left out (each with its reasons), which `result.excluded` lists too. */
  dataExcluded: readonly ExcludedRecord[];
}> {
  const policy = o.loaded ?? loadPolicyFile(o.policy, o.stderr, o.diagnosticLang ?? o.lang);
  const read = await readDataFile(o.data, policy, { encoding: o.encoding, sheet: o.sheet, period: o.period });
  const fileErrors = read.diagnostics.filter((d) => d.severity === 'error');
  // errors stop the run here; warnings travel in the result and the command prints them
  for (const d of fileErrors) sayDiagnostic(o.stderr, d, o.diagnosticLang ?? o.lang);
  if (hasErrors(fileErrors))
    throw new ExitError(EXIT.input, diagnostic('cli_data_unfit', { file: o.data }, { file: o.data }));
  // history facts (previous_grade, consecutive_grade) come from the ledger's earlier periods
  // several months in one file: the ledger gives what came before the first of them
  const periods = [...new Set(read.records.map((r) => r.period))].sort();
  let history: HistorySource | undefined;
  if (o.ledger && periods.length && Ledger.exists(o.ledger)) {
    const ledger = await Ledger.open(o.ledger);
    history = ledger.history(policy.doc.policy, periods[0]);
    const gap = gapNote(ledger, o.ledger, policy.doc.policy, periods[0]!, o.diagnosticLang ?? o.lang, o.recording);
    if (gap) o.stderr(gap);
    for (const d of zerosLost(read.records, history, o.ledger)) sayDiagnostic(o.stderr, d, o.diagnosticLang ?? o.lang);
  }
  const result = await runPolicy(
    policy,
    {
      records: read.records,
      excluded: read.excluded,
      warnings: read.diagnostics.filter((d) => d.severity === 'warning'),
    },
    {
      lang: o.lang,
      history,
      executor: o.executor,
      explain: o.explain,
      // a bar on a terminal, plain lines elsewhere, nothing with --quiet or for a small month
      ...progressFor(read.records.length, { label: o.progressLabel ?? 'run', quiet: o.quiet, stderr: o.stderr }),
    },
  );
  // no record fits: the wrong file or the wrong policy, never "0 people, ¥0"
  const nobody = fitsNobody(policy, result, o.data);
  if (nobody) {
    // the data's warnings (a totals row skipped, rows matching nobody) as a month that fits prints
    // them: they may be why nobody fits, and a streamed run prints them here too
    for (const w of result.warnings) sayDiagnostic(o.stderr, w, o.diagnosticLang ?? o.lang);
    // each record's own reason first: the summary alone would hide a fixable cell
    reportExcluded(result, o.stderr, o.lang, o.diagnosticLang, true);
    throw new ExitError(EXIT.input, nobody);
  }
  return { policy, result, records: read.records, dataExcluded: read.excluded };
}

/**
 * The history facts of the records from the results ledger, as `run` reads them: the policy's
 * months before the records' first; none when the ledger does not exist.
 */
export async function ledgerHistory(
  ledger: string | undefined,
  policyId: string,
  records: readonly EmployeeRecord[],
): Promise<HistorySource | undefined> {
  let first: string | undefined;
  for (const r of records) if (first === undefined || r.period < first) first = r.period;
  if (!ledger || first === undefined || !Ledger.exists(ledger)) return undefined;
  return (await Ledger.open(ledger)).history(policyId, first);
}

/**
 * One month (`--period`) of a data file that holds several, as `run` scores the file whole: that
 * month's history takes in the file's earlier months, which the run filtered to the month leaves
 * out (no `previous_grade`, no "two C in a row", no plan carried). `filtered` is the run filtered to
 * the month; the answer is the whole file's run of that month — its cards, totals, pools and budget
 * lines — with the filtered run's excluded rows (the other months' listed among them), or undefined
 * when the file holds no other month or cannot be scored whole (the filtered run stands).
 */
export async function monthOfWholeFile(
  o: DryRunOptions,
  filtered: { policy: CompiledPolicy; result: RunResult; records: readonly EmployeeRecord[] },
): Promise<{ result: RunResult; records: readonly EmployeeRecord[] } | undefined> {
  const month = filtered.records[0]?.period;
  if (!o.period || month === undefined) return undefined;
  const whole = await dryRun({ ...o, loaded: filtered.policy, period: undefined, quiet: true, stderr: () => {} }).catch(
    () => undefined,
  );
  if (!whole?.records.some((r) => r.period !== month)) return undefined;
  const scorecards = whole.result.scorecards.filter((c) => c.period === month);
  const { pools, budget } = whole.result;
  return {
    result: {
      ...filtered.result,
      scorecards,
      summary: summarise(filtered.policy, scorecards, filtered.result.excluded.length),
      ...(pools ? { pools: pools.filter((p) => p.period === month) } : {}),
      ...(budget ? { budget: { ...budget, lines: budget.lines.filter((l) => l.period === month) } } : {}),
    },
    records: whole.records.filter((r) => r.period === month),
  };
}

/**
 * An id with no history whose spelling with or without leading zeros has some (`7` this month,
 * `007` recorded last month): Excel dropped, or a template kept, the zeros of a number-like id.
 * Ids are never joined across spellings — the warning says why two C in a row, an improvement
 * plan or a rolling average did not carry over.
 */
function zerosLost(records: readonly EmployeeRecord[], history: HistorySource, ledger: string): Diagnostic[] {
  return records.flatMap((r) => zerosLostAt(r.employee_id, r.source?.file, r.source?.row ?? 0, history, ledger) ?? []);
}

/**
 * An id of digits with no earlier month in the ledger, while the same number with or without
 * leading zeros has some (Excel dropped or added them): a warning at its cell; so for letters then
 * digits (`E1` now, `E001` recorded), and for the same letters in another case (`e2` now, `E2`
 * recorded: the history of two C in a row or an open plan started again, unsaid). The whole-file run
 * checks every record; a streaming run every row as its chunk comes back.
 */
export function zerosLostAt(
  id: string,
  file: string | undefined,
  row: number,
  history: HistorySource,
  ledger: string,
): Diagnostic | undefined {
  if (history.grades(id).length) return undefined;
  // the same letters in another case (`e2` now, `E2` recorded; `lS0001` now, `Ls0001` recorded): ids are compared as written
  const alike = history.alike?.(id);
  const cased =
    alike !== undefined && alike.toLowerCase() === id.toLowerCase()
      ? alike
      : [id.toUpperCase(), id.toLowerCase()].find((s) => s !== id && history.grades(s).length);
  if (cased !== undefined)
    return diagnostic(
      'ledger_id_zeros.case',
      { id, other: cased, ledger },
      { severity: 'warning', file, cell: { row, column: '工号', value: id } },
    );
  // digits, or letters then digits (`E1` now, `E001` recorded: a template padded or dropped the zeros)
  const shape = /^([A-Za-z]{0,8})(\d{1,12})$/.exec(id);
  // the case and the zeros both (`ls06` now, `LS0006` recorded)
  if (!shape)
    return alike === undefined
      ? undefined
      : diagnostic(
          'ledger_id_zeros.prefixed',
          { id, other: alike, ledger },
          { severity: 'warning', file, cell: { row, column: '工号', value: id } },
        );
  const prefix = shape[1] ?? '';
  const bare = (shape[2] ?? '').replace(/^0+(?=\d)/, '');
  const spellings = [
    bare,
    ...Array.from({ length: 12 - bare.length }, (_, n) => bare.padStart(bare.length + n + 1, '0')),
  ].map((digits) => prefix + digits);
  const other = spellings.find((s) => s !== id && history.grades(s).length) ?? alike;
  if (other === undefined) return undefined;
  return diagnostic(
    prefix ? 'ledger_id_zeros.prefixed' : 'ledger_id_zeros',
    { id, other, ledger },
    { severity: 'warning', file, cell: { row, column: '工号', value: id } },
  );
}

/**
 * The notes for a month of the policy missing from the ledger before `period`, and for stale months
 * before it, in `lang`; none when there are neither.
 */
export function gapNote(
  ledger: Ledger,
  path: string,
  policyId: string,
  period: string,
  lang: Lang,
  recording = false,
): string | undefined {
  const gap = ledger.gapBefore(policyId, period);
  const notes: string[] = [];
  if (gap)
    notes.push(
      lang === 'zh'
        ? `注意：账本 \`${path}\` 中没有 \`${policyId}\` 的 ${gap}：${period} 的历史事实从它之后算起（consecutive_grade、previous_grade、periods_in_role、rolling_average 和改进计划都看不到更早的月份）`
        : `note: ${gap} of \`${policyId}\` is not recorded in the ledger \`${path}\`: the history facts of ${period} start after it (consecutive_grade, previous_grade, periods_in_role, rolling_average and improvement plans see no earlier month)`,
    );
  // a dry run reads stale months as they are (a record of this period is refused on them)
  const stale = recording ? [] : ledger.staleBefore(policyId, period);
  if (stale.length)
    notes.push(
      lang === 'zh'
        ? `注意：账本 \`${path}\` 中 \`${policyId}\` 的 ${stale.join('、')} 记录在更早月份的记录或更正之前，其历史数据（改进计划、连续等级、近期平均）已过时，${period} 沿用了它们：请先按顺序 --amend ${stale.join('、')}`
        : `note: ${stale.join(', ')} of \`${policyId}\` in the ledger \`${path}\` ${stale.length === 1 ? 'was' : 'were'} recorded before an earlier month was recorded or corrected: ${stale.length === 1 ? 'its' : 'their'} history facts (improvement plans, consecutive grades, rolling averages) are stale, and ${period} carries them on: --amend ${stale.join(', ')} in order first`,
    );
  return notes.length ? notes.join('\n') : undefined;
}

/**
 * Tells the user, on stderr, which records were left out of the totals and why; `refused` when the
 * run stops on them and writes nothing, where 「未计入结果和合计」 would say there were results.
 */
export function reportExcluded(
  result: Pick<RunResult, 'excluded'>,
  stderr: (s: string) => void,
  lang: Lang,
  diagnosticLang: Lang = lang,
  refused = false,
): void {
  if (result.excluded.length === 0) return;
  const n = result.excluded.length;
  // for --error-format json the records' problems are the JSON document's diagnostics
  if (!diagnosticsKept())
    stderr(
      refused
        ? lang === 'zh'
          ? `error: ${n} 条记录有数据问题，本次不输出任何结果：`
          : `error: ${n} record(s) have data problems, and nothing is written:`
        : lang === 'zh'
          ? `注意：${n} 条记录有数据问题，未计入结果和合计：`
          : `warning: ${n} record(s) have data problems and are left out of the results and totals:`,
    );
  for (const x of result.excluded) for (const d of x.reasons) sayDiagnostic(stderr, d, diagnosticLang);
}
