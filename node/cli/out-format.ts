// `yardstick run --out FILE` without --format writes what the file's extension says (the way
// `doc --out plan.html` writes HTML); with a --format the extension contradicts, it is refused: an
// `--out results.xlsx` that held a text table, or a workbook named `.csv`, opens as nothing useful.
// Kept apart from the command so the early-worker check (bin.mjs) reads it without loading the rest.

export type RunFormat = 'table' | 'json' | 'ndjson' | 'csv' | 'md' | 'xlsx';

/** The format a `--out` file's extension names; undefined for any other (a `.txt` takes --format, or the table). */
export function formatOfOut(out: string | undefined): RunFormat | undefined {
  const ext = out === undefined ? undefined : /\.([^./\\]+)$/.exec(out)?.[1]?.toLowerCase();
  switch (ext) {
    case 'csv':
      return 'csv';
    case 'json':
      return 'json';
    case 'ndjson':
    case 'jsonl':
      return 'ndjson';
    case 'md':
      return 'md';
    case 'xlsx':
      return 'xlsx';
    default:
      return undefined;
  }
}

/**
 * Extensions that name a format `run` (or `doc`) does not write: a file so named would hold text
 * its program opens as nothing useful (a table in `results.xls`, CSV in a `.tsv` Excel splits at
 * tabs). Refused whatever --format says; any other extension (`.txt`, `.out`, none) takes the
 * format given, else the table.
 */
const UNWRITTEN = new Set(
  'xls xlsm xlsb ods numbers tsv tab html htm pdf doc docx odt rtf xml parquet ppt pptx'.split(' '),
);

/** The extension of `out` when it names a format this command does not write (`written`: the ones it does). */
export function unwrittenExtension(out: string, written: readonly string[]): string | undefined {
  // Windows drops a name's trailing dots and spaces: `r.xls.` and `r.xls ` are `r.xls` there
  const ext = /\.([^./\\]+)$/.exec(out.replace(/[. ]+$/, ''))?.[1];
  if (ext === undefined) return undefined;
  const lower = ext.toLowerCase();
  return UNWRITTEN.has(lower) && !written.includes(lower) ? ext : undefined;
}

/** The extension a file written in `format` takes, for the message that suggests one. */
export const EXTENSION: Record<RunFormat, string> = {
  table: 'txt',
  json: 'json',
  ndjson: 'ndjson',
  csv: 'csv',
  md: 'md',
  xlsx: 'xlsx',
};
