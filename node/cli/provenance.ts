// What a result was computed from: every input file with its hash. A data mapping is several
// files (the mapping itself, its roster and each export it joins), and a changed cell in any of
// them changes the pay, so each is listed with its own hash.

import { createHash } from 'node:crypto';
import { dirname, isAbsolute, join } from 'node:path';
import { parseDocument } from 'yaml';
import { eventFileSha256 } from './events/file-hash.js';
import { fileSha256, readText } from './io.js';

export interface InputFile {
  file: string;
  /** The first 16 hex digits of the file's SHA-256. */
  hash: string;
  /** For a data mapping: which part this file is. Absent for a single data file (and in older ledgers). */
  role?: 'mapping' | 'roster' | 'source';
}

export const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/**
 * Where a file a data mapping names is: beside the mapping, or where an absolute path says (as the
 * reader opens it, `resolve(dirname(mapping), file)`), written as `join` writes it so a relative
 * name keeps the mapping's folder in front (`examples/m/roster.csv`).
 */
export const mappingPart = (mapping: string, file: string) => (isAbsolute(file) ? file : join(dirname(mapping), file));

/** The files a data mapping joins (roster, sources, event files), in its order, without reading them. */
export function mappingParts(data: string): { file: string; written: string; role: 'roster' | 'source' }[] {
  let m: {
    roster?: { file?: string };
    sources?: { file?: string }[];
    events?: { file?: string }[];
  } | null;
  try {
    m = parseDocument(readText(data, 'data mapping', 'utf-8')).toJS();
  } catch {
    return []; // the reading says what is wrong with it
  }
  const parts: { file: string; written: string; role: 'roster' | 'source' }[] = [];
  const add = (f: unknown, role: 'roster' | 'source') => {
    if (typeof f === 'string') parts.push({ file: mappingPart(data, f), written: f, role });
  };
  add(m?.roster?.file, 'roster');
  for (const s of Array.isArray(m?.sources) ? m.sources : []) add(s?.file, 'source');
  // event files (one row per video, session, order) change the pay as much as any export
  for (const s of Array.isArray(m?.events) ? m.events : []) add(s?.file, 'source');
  return parts;
}

/** The data file, or the mapping and every file it joins, each with its hash, in the mapping's order. */
export function dataInputs(data: string): InputFile[] {
  // hashed a mebibyte at a time: an event file of millions of orders is larger than any file read whole;
  // one this process aggregated is hashed once, and must still be what its rows were read from
  const hashOf = (file: string, what: 'data' | 'data mapping') =>
    (eventFileSha256(file) ?? fileSha256(file, what)).slice(0, 16);
  if (!/\.ya?ml$/i.test(data)) return [{ file: data, hash: hashOf(data, 'data') }];
  return [
    { file: data, hash: hashOf(data, 'data mapping'), role: 'mapping' },
    ...mappingParts(data).map((p) => ({ file: p.file, hash: hashOf(p.file, 'data'), role: p.role })),
  ];
}

/** `file (sha256 …)` for each input, as `history` and `explain --period` print them. */
export const describeInputs = (files: { file: string; hash: string }[]) =>
  files.map((f) => `${f.file} (sha256 ${f.hash})`).join(', ');
