// What a result was computed from: every input file with its hash. A data mapping is several
// files (the mapping itself, its roster and each export it joins), and a changed cell in any of
// them changes the pay, so each is listed with its own hash.

import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { readBytes, readText } from './io.js';

export interface InputFile {
  file: string;
  /** The first 16 hex digits of the file's SHA-256. */
  hash: string;
  /** For a data mapping: which part this file is. Absent for a single data file (and in older ledgers). */
  role?: 'mapping' | 'roster' | 'source';
}

export const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** The data file, or the mapping and every file it joins, each with its hash, in the mapping's order. */
export function dataInputs(data: string): InputFile[] {
  if (!/\.ya?ml$/i.test(data)) return [{ file: data, hash: sha(readBytes(data, 'data')) }];
  const m = parseDocument(readText(data, 'data mapping', 'utf-8')).toJS() as {
    roster?: { file?: string };
    sources?: { file?: string }[];
    events?: { file?: string }[];
  } | null;
  const here = dirname(data);
  const parts: InputFile[] = [{ file: data, hash: sha(readBytes(data, 'data mapping')), role: 'mapping' }];
  const add = (f: string | undefined, role: 'roster' | 'source') => {
    if (typeof f !== 'string') return;
    const path = join(here, f);
    parts.push({ file: path, hash: sha(readBytes(path, 'data')), role });
  };
  add(m?.roster?.file, 'roster');
  for (const s of Array.isArray(m?.sources) ? m.sources : []) add(s?.file, 'source');
  // event files (one row per video, session, order) change the pay as much as any export
  for (const s of Array.isArray(m?.events) ? m.events : []) add(s?.file, 'source');
  return parts;
}

/** `file (sha256 …)` for each input, as `history` and `explain --period` print them. */
export const describeInputs = (files: { file: string; hash: string }[]) =>
  files.map((f) => `${f.file} (sha256 ${f.hash})`).join(', ');
