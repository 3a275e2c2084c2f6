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

/** The extension a file written in `format` takes, for the message that suggests one. */
export const EXTENSION: Record<RunFormat, string> = {
  table: 'txt',
  json: 'json',
  ndjson: 'ndjson',
  csv: 'csv',
  md: 'md',
  xlsx: 'xlsx',
};
