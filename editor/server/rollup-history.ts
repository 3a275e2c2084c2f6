// The history months a roll-up preview scores: for a monthly policy id, the month files in
// `examples/history/` and `data/history/` named `<id>-YYYY-MM.csv` (or .json, .xlsx), or, for an id
// ending in `-team`, named without it (`livestream-2026-05.csv` is a month of `livestream-team`, as
// examples/README.md records them). A month two files give is not served (which one would be
// meant?); the page says so. Read-only: the browser only asks for these files, never uploads.

import type { Hono } from 'hono';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic } from '../../engine/index.js';
import { dataPath, FileError } from './files.js';

const FOLDERS = ['examples', 'data'];
const MONTH_FILE = /^(.+)-(\d{4}-(?:0[1-9]|1[0-2]))\.(csv|tsv|txt|json|xlsx)$/i;
const POLICY_ID = /^[a-z0-9][a-z0-9-]*$/;

export interface HistoryMonths {
  policy: string;
  /** One file per month, in month order; paths from the root. */
  months: { month: string; path: string; size: number }[];
  /** Months two or more files give: not served. */
  duplicates: { month: string; paths: string[] }[];
}

/** The history month files of monthly policy `policy` under `root`. */
export function historyMonths(root: string, policy: string): HistoryMonths {
  const stems = new Set([policy, ...(policy.endsWith('-team') ? [policy.slice(0, -'-team'.length)] : [])]);
  const found = new Map<string, { path: string; size: number }[]>();
  for (const folder of FOLDERS) {
    const dir = join(root, folder, 'history');
    if (!existsSync(dir) || lstatSync(dir).isSymbolicLink() || !lstatSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      const m = MONTH_FILE.exec(name);
      if (!m || !stems.has(m[1]!)) continue;
      const st = lstatSync(join(dir, name));
      if (!st.isFile()) continue; // links and folders are not data
      const month = m[2]!;
      found.set(month, [...(found.get(month) ?? []), { path: `${folder}/history/${name}`, size: st.size }]);
    }
  }
  const months = [...found.keys()].sort();
  return {
    policy,
    months: months.filter((m) => found.get(m)!.length === 1).map((month) => ({ month, ...found.get(month)![0]! })),
    duplicates: months
      .filter((m) => found.get(m)!.length > 1)
      .map((month) => ({ month, paths: found.get(month)!.map((f) => f.path) })),
  };
}

function policyId(raw: string): string {
  if (!POLICY_ID.test(raw)) throw new FileError(400, diagnostic('cli_server_file.name', { name: raw }));
  return raw;
}

/** Registers the history routes (behind the app's token and Host/Origin checks, as every /api route). */
export function rollupHistoryRoutes(app: Hono, root: string): void {
  app.get('/api/rollup-history/:policy', (c) => c.json(historyMonths(root, policyId(c.req.param('policy')))));
  // one month's raw bytes: the worker decodes them (UTF-8, GBK, Excel) as the CLI does
  app.get('/api/rollup-history/:policy/:month', (c) => {
    const month = c.req.param('month');
    const file = historyMonths(root, policyId(c.req.param('policy'))).months.find((m) => m.month === month);
    if (!file) throw new FileError(404, diagnostic('cli_server_file.missing', { name: `history ${month}` }));
    const folder = file.path.split('/')[0]!;
    const path = dataPath(root, folder, file.path.slice(folder.length + 1));
    c.header('Content-Type', 'application/octet-stream');
    return c.body(readFileSync(path));
  });
}
