// Event files → something DuckDB reads, and the statements run. DuckDB reads UTF-8 only: a GBK,
// GB18030 or UTF-16 file is transcoded as a stream into a temporary UTF-8 copy first; XLSX and
// JSON go through the project's own reader. Everything temporary lives in one folder that
// `close()` removes.

import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  openSync,
  readSync,
  closeSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DuckDBInstance, DuckDBConnection } from '@duckdb/node-api';
import {
  csvDelimiter,
  localise,
  readCsv,
  readTable,
  xlsxMergedRanges,
  hiddenColumnsProblem,
  mergedCellsProblem,
  sameLayoutSheets,
  structuredCellProblem,
  type Diagnostic,
  type Encoding,
  type Table,
} from '../../../engine/index.js';
import { readBytes } from '../io.js';
import type { LongRow } from './row-length.js';
import { readerSql, type FileKind } from './sql.js';

export type Prepared =
  | {
      ok: true;
      path: string;
      kind: FileKind;
      encoding: string;
      /** The header's row number in the file (1 unless title rows sit above it). */
      headerRow: number;
      /** Lines DuckDB skips before the header of `path` (title rows of a text file; 0 for a copy). */
      skip: number;
      /** A workbook's spreadsheet row number of each data row (blank rows are skipped); else rows follow the header. */
      rowNumbers?: number[];
      /** How the file was read, for `data sql --explain`: the header row found, merged cells filled. */
      notes: string[];
      /**
       * The header's cells as the file writes them (a name twice stays twice: DuckDB suffixes the
       * second `_1`); absent for Parquet and when the first 64 KiB cannot be parsed.
       */
      written?: string[];
      /**
       * A text file read by yardstick's reader (`fill_down:`): its rows with more cells than the
       * header, which the copy for DuckDB cuts to the header (the run refuses them, row-length.ts).
       */
      long?: LongRow[];
    }
  | {
      ok: false;
      reason: string;
      reason_zh: string;
      /** The reader's own diagnostics (a workbook's hidden row, a value its format hides), placed at their cell. */
      diagnostics?: Diagnostic[];
    };

export interface Layout {
  /** The columns the mapping reads: the header is the first row holding them all. */
  used: string[];
  /** `header_row:` of the mapping. */
  headerRow?: number;
  /** `fill_down:` of the mapping. */
  fillDown?: string[];
  /** The column naming the employee in a header, as the mapping finds it. */
  key?: (header: string[]) => number;
}

/** How many rows below the first the header is looked for. */
const HEADER_SEARCH = 10;

/**
 * The header among the first rows of a file: the mapping's `header_row`, else the first row that
 * holds every column the mapping reads (title rows above it are skipped). Index into `rows`.
 */
export function findHeader(rows: string[][], layout: Layout, rowNumbers: number[]): number | undefined {
  if (layout.headerRow !== undefined) {
    const i = rowNumbers.indexOf(layout.headerRow);
    return i < 0 ? undefined : i;
  }
  const has = (r: string[]) => layout.used.every((c) => r.some((h) => h.trim() === c.trim()));
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH); i++) if (has(rows[i]!)) return i;
  return undefined;
}

/** The encoding a text file starts in: a BOM, else valid UTF-8 in the first 64 KiB, else GB18030. */
export function sniffEncoding(path: string): 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(64 * 1024);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const b = head.subarray(0, n);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  try {
    // stream: a character cut at the end of the sample is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Copies a text file into UTF-8 chunk by chunk (memory stays flat whatever its size). */
export async function transcode(
  from: string,
  to: string,
  encoding: 'utf-16le' | 'utf-16be' | 'gb18030' | 'utf-8',
): Promise<void> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  await pipeline(
    createReadStream(from, { highWaterMark: 1 << 20 }),
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        try {
          done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf-8'));
        } catch (error) {
          done(error as Error);
        }
      },
      flush(done) {
        try {
          done(null, Buffer.from(decoder.decode(), 'utf-8'));
        } catch (error) {
          done(error as Error);
        }
      },
    }),
    createWriteStream(to),
  );
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A table read by the project's reader, written as UTF-8 CSV for DuckDB. */
function writeTableCsv(table: Table, to: string): void {
  const lines = [table.header, ...table.rows.map((r) => table.header.map((_, i) => r[i] ?? ''))].map((r) =>
    r.map(csvCell).join(','),
  );
  writeFileSync(to, lines.join('\n') + '\n');
}

/** A file this source cannot read: its problems, and the reason in both languages (joined). */
function refused(diagnostics: Diagnostic[]): Prepared {
  return {
    ok: false,
    reason: diagnostics.map((d) => localise(d, 'en').message).join('; '),
    reason_zh: diagnostics.map((d) => localise(d, 'zh').message).join('；'),
    diagnostics,
  };
}

export class EventEngine {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly scratch: string,
  ) {}

  /** Told when a statement has run and when its rows are JavaScript values (the benchmark's timeline). */
  step?: (name: string) => void;

  static async open(step?: (name: string) => void): Promise<EventEngine> {
    const scratch = mkdtempSync(join(tmpdir(), 'yardstick-events-'));
    // memory stays bounded: DuckDB spills to the scratch folder beyond this
    // loaded on first use: the native library takes a second to load, and most commands never need it
    const { DuckDBInstance } = await import('@duckdb/node-api');
    step?.('DuckDB library loaded');
    const instance = await DuckDBInstance.create(':memory:', {
      memory_limit: '1GB',
      temp_directory: join(scratch, 'spill'),
    });
    step?.('DuckDB instance created');
    const engine = new EventEngine(instance, await instance.connect(), scratch);
    engine.step = step;
    return engine;
  }

  /** A file as DuckDB will read it: the file itself when it is UTF-8 CSV/TSV or Parquet, else a UTF-8 copy. */
  async prepare(
    path: string,
    name: string,
    o: { encoding?: Encoding; sheet?: string },
    layout: Layout = { used: [] },
  ): Promise<Prepared> {
    const ext = name.toLowerCase().split('.').pop() ?? '';
    const copy = join(this.scratch, `${Math.random().toString(36).slice(2)}.csv`);
    if (ext === 'parquet')
      return { ok: true, path, kind: 'parquet', encoding: 'parquet', headerRow: 1, skip: 0, notes: [] };
    // a text export with `fill_down:` is read by yardstick's reader too, to fill its empty cells
    const textFill = ['csv', 'tsv', 'txt'].includes(ext) && !!layout.fillDown?.length;
    if (ext === 'xlsx' || ext === 'json' || textFill) {
      const bytes = new Uint8Array(readBytes(path, 'data'));
      const t = await readTable(bytes, name, { sheet: o.sheet, encoding: o.encoding });
      if (!t.ok) return refused(t.diagnostics);
      const notes: string[] = [];
      let table = t.table;
      // the header row: the first row (as read) or one below it, below title rows
      const all = [table.header, ...table.rows];
      const numbers = [1, ...table.rowNumbers];
      const at = findHeader(all, layout, numbers) ?? 0;
      // a key JSON wrote as a number with an exponent (`2.02311E+11`) was lost to it: kept as written,
      // it matches no one on the roster instead of the employee `202311000000`
      const keyCol = layout.key?.(all[at] ?? []) ?? -1;
      if (keyCol >= 0)
        for (const [i, written] of table.exponents ?? []) {
          const token = written.get(keyCol);
          if (token !== undefined) table.rows[i]![keyCol] = token;
        }
      if (at > 0) {
        table = {
          ...table,
          header: all[at]!.map((h) => h.trim()),
          rows: all.slice(at + 1),
          rowNumbers: numbers.slice(at + 1),
        };
        notes.push(`header on row ${numbers[at]}`);
      }
      // what the source reads: the key, the time, a metric's column, a `where:`/`when:`, `row_id`
      // or `fill_down:` column (every column when none is named); any other is left unread
      const used = new Set([...layout.used, ...(layout.fillDown ?? [])].map((c) => c.trim()));
      const fill = new Set((layout.fillDown ?? []).map((c) => c.trim()));
      const reads = (c: number) => used.size === 0 || used.has((table.header[c] ?? '').trim());
      // as a data file's, a workbook's cell merged down several rows below the header holds its
      // value in its first row only: in a column read and not filled down, the rows below would be
      // read as blank (a 已退款 status read as a sale, an amount summed once for two sessions)
      const headerRow = numbers[at]!;
      const below = { ...table, merged: table.merged?.filter((m) => m.top >= headerRow) };
      const problem =
        // a hidden column read would be aggregated unseen
        hiddenColumnsProblem(table, reads, name) ??
        // a JSON list or object (`["已退款"]`) would be compared, counted or keyed as its JSON text
        structuredCellProblem(table, name, reads) ??
        mergedCellsProblem(below, name, (c) => reads(c) && !fill.has((table.header[c] ?? '').trim())) ??
        // read from its first sheet while another sheet has the same header (直播一部, 直播二部),
        // the other sheet's rows would be left out
        sameLayoutSheets(table, name);
      if (problem) return refused([problem]);
      if (ext === 'xlsx' && layout.fillDown?.length) {
        const merged = await xlsxMergedRanges(bytes, table.sheet);
        const byRow = new Map(table.rowNumbers.map((r, i) => [r, i]));
        let filled = 0;
        for (const column of layout.fillDown) {
          const c = table.header.indexOf(column.trim());
          if (c < 0) continue;
          for (const m of merged) {
            if (c < m.left || c > m.right) continue;
            const source = byRow.get(m.top);
            const value = source === undefined ? '' : (table.rows[source]![m.left] ?? '');
            for (let r = m.top + 1; r <= m.bottom; r++) {
              const i = byRow.get(r);
              if (i === undefined) continue;
              const row = table.rows[i]!;
              while (row.length <= c) row.push('');
              if (row[c] === '') {
                row[c] = value;
                filled++;
              }
            }
          }
        }
        notes.push(`${filled} merged cell(s) filled down`);
      }
      if (textFill) {
        // a CSV/TSV has no merged ranges: a merged cell saved as text keeps its value in the first
        // row and leaves the rows below it empty, so an empty cell takes the value above it
        let filled = 0;
        for (const column of layout.fillDown!) {
          const c = table.header.indexOf(column.trim());
          if (c < 0) continue;
          let above = '';
          for (const row of table.rows) {
            while (row.length <= c) row.push('');
            if (row[c]!.trim() === '' && above !== '') {
              row[c] = above;
              filled++;
            } else above = row[c]!;
          }
        }
        notes.push(`${filled} empty cell(s) filled down`);
      }
      writeTableCsv(table, copy);
      const long: LongRow[] = textFill
        ? table.rows.flatMap((r, i) =>
            r.length > table.header.length ? [{ line: table.rowNumbers[i]!, index: i + 1, cells: r }] : [],
          )
        : [];
      return {
        ...(long.length ? { long } : {}),
        ok: true,
        path: copy,
        kind: 'csv',
        encoding: table.sheet ? `xlsx, sheet ${table.sheet}` : ext,
        headerRow: numbers[at]!,
        skip: 0,
        rowNumbers: table.rowNumbers,
        notes,
        written: table.header.map((h) => h.trim()),
      };
    }
    if (!['csv', 'tsv', 'txt'].includes(ext))
      return {
        ok: false,
        reason: `\`${name}\` is not a .csv, .tsv, .txt, .xlsx, .json or .parquet file`,
        reason_zh: `\`${name}\` 不是 .csv、.tsv、.txt、.xlsx、.json 或 .parquet 文件`,
      };
    const declared = o.encoding && o.encoding !== 'auto' ? (o.encoding === 'gbk' ? 'gb18030' : o.encoding) : undefined;
    const encoding = declared ?? sniffEncoding(path);
    let utf8 = path;
    if (encoding !== 'utf-8') {
      try {
        await transcode(path, copy, encoding);
      } catch {
        const shown = encoding === 'gb18030' ? 'GBK/GB18030' : encoding.toUpperCase();
        return { ok: false, reason: `the file is not valid ${shown} text`, reason_zh: `文件不是有效的 ${shown} 文本` };
      }
      utf8 = copy;
    }
    const head = headOf(utf8);
    // Excel's "Unicode text" is UTF-16 and tab-separated whatever its name (.txt); a .tsv or .txt
    // by its header line's separator, as the data reader reads them
    const kind: FileKind =
      ext === 'csv' ? (encoding.startsWith('utf-16') ? 'tsv' : 'csv') : textKind(head.bytes, layout.headerRow);
    return { ok: true, path: utf8, kind, encoding, ...textHeader(head.bytes, head.cut, kind, layout, 'utf-8') };
  }

  /** A UTF-8 CSV that turned out not to be UTF-8 past its first 64 KiB: read again as GB18030. */
  async retryAsGb18030(path: string, kind: FileKind, layout: Layout = { used: [] }): Promise<Prepared> {
    const copy = join(this.scratch, `${Math.random().toString(36).slice(2)}.csv`);
    try {
      await transcode(path, copy, 'gb18030');
    } catch {
      return {
        ok: false,
        reason: 'the file is neither valid UTF-8 nor valid GBK/GB18030 text',
        reason_zh: '文件既不是有效的 UTF-8 文本，也不是有效的 GBK/GB18030 文本',
      };
    }
    const head = headOf(copy);
    return {
      ok: true,
      path: copy,
      kind,
      encoding: 'gb18030',
      ...textHeader(head.bytes, head.cut, kind, layout, 'utf-8'),
    };
  }

  /**
   * A text file's columns as DuckDB names them (what `DESCRIBE` gives) and its first `rows` data
   * rows as text, in one statement: the names are the statement's own, the rows what the fast read
   * chooses its typed columns by (fast.ts).
   */
  async head(from: string, rows: number): Promise<{ names: string[]; rows: unknown[][] }> {
    const reader = await this.connection.runAndReadAll(`SELECT * FROM ${from} LIMIT ${rows}`);
    return { names: reader.columnNames(), rows: reader.getRowsJson() as unknown[][] };
  }

  async columns(from: string): Promise<string[]> {
    return (await this.types(from)).map((c) => c.name);
  }

  /** Each column's name and DuckDB type (`VARCHAR` for a text file's; a Parquet file's own). */
  async types(from: string): Promise<{ name: string; type: string }[]> {
    const r = await this.connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
    return r.getRowObjectsJson().map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
  }

  /** Rows as JSON values (DECIMAL and BIGINT as text), in the statement's column order. */
  async rows(sql: string): Promise<unknown[][]> {
    const reader = await this.connection.runAndReadAll(sql);
    this.step?.(`statement run (${reader.currentRowCount} rows)`);
    const rows = reader.getRowsJson() as unknown[][];
    this.step?.('rows converted to JavaScript');
    return rows;
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
    rmSync(this.scratch, { recursive: true, force: true });
  }
}

export { readerSql };

/** DuckDB's errors name their kind first (`Conversion Error: …`, `Invalid Input Error: …`). */
export function isDuckDBError(error: Error): boolean {
  return /^[A-Z][A-Za-z ]* Error: /.test(error.message);
}

/** A text file's first 64 KiB, and whether the file goes on past them. */
export function headOf(path: string): { bytes: Uint8Array; cut: boolean } {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(64 * 1024);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  return { bytes: head.subarray(0, n), cut: n === head.length };
}

/**
 * How a `.tsv` or `.txt` export separates its cells, decided as the data reader decides it for a
 * data file (engine/data/table.ts, `csvDelimiter`): by its header line — line `headerRow` when the
 * mapping says it, else the first line holding a tab or a comma (title rows above the header hold
 * neither) — so a comma-separated `.txt` is read with commas, not as one column: comma-separated
 * when that line has commas and no more tabs than commas, else tab-separated. The bytes are UTF-8 or
 * GBK, where a tab, a comma, a quote and a line break are the ASCII bytes and never part of a character.
 */
export function textKind(bytes: Uint8Array, headerRow?: number): FileKind {
  const lines = Buffer.from(bytes).toString('latin1').split(/\r?\n/);
  const line = headerRow ? lines[headerRow - 1] : lines.find((l) => l.includes('\t') || l.includes(','));
  return line !== undefined && csvDelimiter(line) === ',' ? 'csv' : 'tsv';
}

/**
 * The header row of a text file from its first bytes (64 KiB; `cut`: the file goes on, so the last
 * partial line is dropped), decoded as `encoding`: the row number and the lines to skip before it.
 * The run and `yardstick data sql` (which prints the same skip) both use it.
 */
export function textHeader(
  bytes: Uint8Array,
  cut: boolean,
  kind: FileKind,
  layout: Layout,
  encoding: 'utf-8' | 'gb18030',
): { headerRow: number; skip: number; notes: string[]; written?: string[] } {
  let text = new TextDecoder(encoding).decode(bytes, { stream: true });
  if (cut) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
  const t = readCsv(kind === 'tsv' ? text.replace(/^\uFEFF/, '') : text);
  if (!t.ok) return { headerRow: 1, skip: 0, notes: [] };
  // papaparse guesses the delimiter, and guesses the tab in a long file and the comma in a short
  // one: a tab-separated file is split here line by line on tabs, as DuckDB will (rejoining the
  // guessed cells with commas made one cell of every tab-split row, so no header was ever found
  // below title rows); line n is row n, as DuckDB's skip counts lines
  const lines =
    kind === 'tsv'
      ? text
          .replace(/^\uFEFF/, '')
          .split('\n')
          .slice(0, 100)
      : [];
  const rows = kind === 'tsv' ? lines.map((l) => l.replace(/\r$/, '').split('\t')) : [t.table.header, ...t.table.rows];
  // the header's line: below the blank lines (or lines of separators only) the reader skipped
  const leading = /^\uFEFF?(?:[ \t,;"\u3000]*(?:\r\n|\r|\n))*/.exec(text)?.[0] ?? '';
  const headerLine = 1 + (leading.match(/\r\n|\r|\n/g)?.length ?? 0);
  const numbers = kind === 'tsv' ? lines.map((_, i) => i + 1) : [headerLine, ...t.table.rowNumbers];
  const firstLine = numbers[0]!;
  const at = findHeader(rows, layout, numbers) ?? 0;
  const row = numbers[at] ?? firstLine;
  return {
    headerRow: row,
    skip: row - 1,
    notes: row > 1 ? [`header on row ${row}`] : [],
    written: rows[at]?.map((h) => h.trim()),
  };
}
