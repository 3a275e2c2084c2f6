// One batch of CSV rows → records → scorecards → CSV lines and partial totals. The streaming run
// does this on its own thread, or each worker thread does it for the batches it is sent.

import Papa from 'papaparse';
import { evaluateRecord, evaluateRecordSync, type CompiledPolicy, type Diagnostic, type Evaluation, type Lang } from '../index.js';
import type { EmployeeRecord } from '../record.js';
import { recordReader, type RecordReader } from '../data/records.js';
import type { ExcludedRecord } from '../record.js';
import type { HistorySource } from '../facts.js';
import { RunTotals } from '../run.js';
import { csvLine } from './format/results.js';

/** A CSV file's bytes holding whole records, and where they sit in the file. */
export interface ByteChunk {
  bytes: Uint8Array;
  /** Spreadsheet row number of the chunk's first record. */
  firstRow: number;
  /** Records the chunk holds (blank lines included, as papaparse counts them). */
  records: number;
}

export interface BatchResult {
  /** The chunk is not text in the run's encoding: nothing else is filled in. */
  undecodable?: boolean;
  /** The chunk's CSV lines as UTF-8 bytes (encoded here, so the writing thread only writes them). */
  csv: Uint8Array;
  totals: Pick<RunTotals, 'byGrade' | 'triggers' | 'byCalibrated' | 'byTeam' | 'employees' | 'totalFen' | 'heldFen' | 'holds'>;
  excluded: ExcludedRecord[];
  /**
   * Each non-blank row's employee id, period and row number, for the duplicate check: ids and
   * periods joined by NUL (one string clones faster than thousands), `period` when all are one.
   */
  keys: { ids: string; periods: string | null; period: string; rows: Int32Array };
  /** Role ids and periods the chunk's rows name. */
  roles: string[];
  periodsSeen: string[];
  quoteErrors: Diagnostic[];
}

/** What a worker needs to evaluate rows as the main thread would. */
export interface WorkerSetup {
  policyFile: string;
  header: string[];
  file: string;
  period?: string;
  lang: Lang;
  executor?: 'compiled' | 'reference';
  /** The results ledger to take history from, when the run uses one. */
  ledger?: string;
  beforePeriod: string;
  delimiter: string;
  newline: '\n' | '\r\n';
  encoding: 'utf-8' | 'gb18030';
}

export class BatchEvaluator {
  private readonly reader: RecordReader;
  private readonly sync: boolean;
  private readonly decoder: TextDecoder;

  constructor(
    private readonly policy: CompiledPolicy,
    private readonly setup: WorkerSetup,
    private readonly history: HistorySource | undefined,
  ) {
    this.reader = recordReader(setup.header, policy.contract, { file: setup.file, period: setup.period });
    this.sync = setup.executor !== 'reference' && policy.compiled !== undefined;
    this.decoder = new TextDecoder(setup.encoding, { fatal: true });
  }

  /** Evaluates a chunk assuming its rows repeat no employee; the caller checks `ids` and says otherwise. */
  async evaluateChunk(chunk: ByteChunk): Promise<BatchResult> {
    if (this.sync) return this.evaluateChunkSync(chunk);
    const steps = this.steps(chunk, undefined);
    let step = steps.next();
    while (!step.done) step = steps.next(await evaluateRecord(this.policy, step.value, this.options()));
    return step.value;
  }

  /** The same, on this thread, knowing which rows repeat an employee (row → the row it first appeared on). */
  evaluateChunkSync(chunk: ByteChunk, duplicates?: Map<number, number>): BatchResult {
    if (!this.sync) throw new Error('internal: the reference executor evaluates asynchronously');
    const steps = this.steps(chunk, duplicates);
    const options = this.options();
    let step = steps.next();
    while (!step.done) step = steps.next(evaluateRecordSync(this.policy, step.value, options));
    return step.value;
  }

  private options() {
    return { lang: this.setup.lang, history: this.history, executor: this.setup.executor, explain: false };
  }

  /** Reads the chunk's rows, yielding each record to be evaluated and receiving its evaluation. */
  private *steps(chunk: ByteChunk, duplicates: Map<number, number> | undefined): Generator<EmployeeRecord, BatchResult, Evaluation> {
    const { setup, reader } = this;
    let text: string;
    try {
      text = this.decoder.decode(chunk.bytes);
    } catch {
      return { undecodable: true, csv: new Uint8Array(0), totals: { ...new RunTotals(this.policy) }, excluded: [], keys: { ids: '', periods: null, period: '', rows: new Int32Array(0) }, roles: [], periodsSeen: [], quoteErrors: [] };
    }
    const parsed = Papa.parse<string[]>(text, { delimiter: setup.delimiter, newline: setup.newline, skipEmptyLines: false });
    const totals = new RunTotals(this.policy);
    const excluded: ExcludedRecord[] = [];
    const ids: string[] = [];
    const periods: string[] = [];
    const rows: number[] = [];
    const roles = new Set<string>();
    const periodsSeen = new Set<string>();
    const quoteErrors: Diagnostic[] = parsed.errors
      .filter((e) => e.type === 'Quotes')
      .map((e) => ({ code: 'data_csv_malformed', severity: 'error' as const, message: e.code === 'MissingQuotes' ? 'a quoted cell is never closed' : e.message.charAt(0).toLowerCase() + e.message.slice(1), help: 'check the quotes in this row: a cell that starts with " must end with "', file: setup.file, cell: { row: chunk.firstRow + (e.row ?? 0) } }));
    const lines: string[] = [];
    // a chunk that ends on a line break parses to one more, empty, row: not a record
    const count = Math.min(parsed.data.length, chunk.records);
    for (let i = 0; i < count; i++) {
      const cells = parsed.data[i];
      if (isBlank(cells)) continue;
      const row = chunk.firstRow + i;
      const id = reader.idOf(cells);
      const period = reader.periodOf(cells);
      ids.push(id);
      periods.push(period);
      rows.push(row);
      const role = reader.roleOf(cells);
      if (role !== undefined) roles.add(role);
      if (period) periodsSeen.add(period);
      const read = reader.read(cells, row, row, { duplicateOf: duplicates?.get(row) });
      if ('excluded' in read) {
        excluded.push(read.excluded);
        continue;
      }
      const record = read.record;
      const result: Evaluation = yield record;
      if (!result.ok) {
        excluded.push({ employee_id: record.employee_id, name: record.name, file: record.source?.file, row: record.source?.row, reasons: result.reasons });
        continue;
      }
      totals.add(result.scorecard);
      lines.push(csvLine(result.scorecard, setup.lang));
    }
    const same = periods.every((p) => p === periods[0]);
    const keys = { ids: ids.join('\0'), periods: same ? null : periods.join('\0'), period: periods[0] ?? '', rows: Int32Array.from(rows) };
    // joined once into a flat string, then encoded: cheaper than encoding a string built by +=
    return { csv: utf8.encode(lines.join('')), totals: { ...totals }, excluded, keys, roles: [...roles], periodsSeen: [...periodsSeen], quoteErrors };
  }
}

const utf8 = new TextEncoder();

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}
