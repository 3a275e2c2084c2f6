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
import { readTable, type Encoding, type Table } from '../../../engine/index.js';
import { readBytes } from '../io.js';
import { readerSql, type FileKind } from './sql.js';

export type Prepared = { ok: true; path: string; kind: FileKind; encoding: string } | { ok: false; reason: string };

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

export class EventEngine {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly scratch: string,
  ) {}

  static async open(): Promise<EventEngine> {
    const scratch = mkdtempSync(join(tmpdir(), 'yardstick-events-'));
    // memory stays bounded: DuckDB spills to the scratch folder beyond this
    // loaded on first use: the native library takes a second to load, and most commands never need it
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:', {
      memory_limit: '1GB',
      temp_directory: join(scratch, 'spill'),
    });
    return new EventEngine(instance, await instance.connect(), scratch);
  }

  /** A file as DuckDB will read it: the file itself when it is UTF-8 CSV/TSV or Parquet, else a UTF-8 copy. */
  async prepare(path: string, name: string, o: { encoding?: Encoding; sheet?: string }): Promise<Prepared> {
    const ext = name.toLowerCase().split('.').pop() ?? '';
    const copy = join(this.scratch, `${Math.random().toString(36).slice(2)}.csv`);
    if (ext === 'parquet') return { ok: true, path, kind: 'parquet', encoding: 'parquet' };
    if (ext === 'xlsx' || ext === 'json') {
      const t = await readTable(new Uint8Array(readBytes(path, 'data')), name, {
        sheet: o.sheet,
        encoding: o.encoding,
      });
      if (!t.ok) return { ok: false, reason: t.diagnostics.map((d) => d.message).join('; ') };
      writeTableCsv(t.table, copy);
      return { ok: true, path: copy, kind: 'csv', encoding: ext };
    }
    if (!['csv', 'tsv', 'txt'].includes(ext))
      return { ok: false, reason: `\`${name}\` is not a .csv, .tsv, .txt, .xlsx, .json or .parquet file` };
    const kind: FileKind = ext === 'csv' ? 'csv' : 'tsv';
    const declared = o.encoding && o.encoding !== 'auto' ? (o.encoding === 'gbk' ? 'gb18030' : o.encoding) : undefined;
    const encoding = declared ?? sniffEncoding(path);
    if (encoding === 'utf-8') return { ok: true, path, kind, encoding };
    try {
      await transcode(path, copy, encoding);
    } catch {
      return {
        ok: false,
        reason: `the file is not valid ${encoding === 'gb18030' ? 'GBK/GB18030' : encoding.toUpperCase()} text`,
      };
    }
    return { ok: true, path: copy, kind, encoding };
  }

  /** A UTF-8 CSV that turned out not to be UTF-8 past its first 64 KiB: read again as GB18030. */
  async retryAsGb18030(path: string, kind: FileKind): Promise<Prepared> {
    const copy = join(this.scratch, `${Math.random().toString(36).slice(2)}.csv`);
    try {
      await transcode(path, copy, 'gb18030');
    } catch {
      return { ok: false, reason: 'the file is neither valid UTF-8 nor valid GBK/GB18030 text' };
    }
    return { ok: true, path: copy, kind, encoding: 'gb18030' };
  }

  async columns(from: string): Promise<string[]> {
    const r = await this.connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
    return r.getRowObjectsJson().map((row) => String(row.column_name));
  }

  /** Rows as JSON values (DECIMAL and BIGINT as text), in the statement's column order. */
  async rows(sql: string): Promise<unknown[][]> {
    return (await this.connection.runAndReadAll(sql)).getRowsJson() as unknown[][];
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
