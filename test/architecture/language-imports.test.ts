// engine/language is the policy language: it reads and checks policies and compiles them into
// data. It imports nothing by value from the stages built on it (data, explanation, evaluation,
// review); `import type` is free, as it leaves nothing behind at run time.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const LATER = ['data', 'explanation', 'evaluation', 'review'];

/** The engine folders a file's value imports and re-exports reach (type-only ones left out). */
function valueImportFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const statements = [...text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms)];
  return statements
    .filter((m) => m[2] === undefined)
    .map((m) => relative('engine', join(dirname(file), m[3])).split(/[\\/]/)[0]);
}

const files = sources(join('engine', 'language'));

describe('engine/language', () => {
  it('has source files to check, the check areas among them', () => {
    expect(files).toContain(join('engine', 'language', 'compile.ts'));
    expect(files).toContain(join('engine', 'language', 'check', 'rules.ts'));
  });

  it('reads value imports the way this test does: a later-stage import is caught, a type-only one is not', () => {
    const folders = (text: string) => [...text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms)].filter((m) => m[2] === undefined).map((m) => m[3]);
    expect(folders("import { runCompiled } from '../evaluation/executor.js';\nimport type { Scorecard } from '../model/scorecard.js';")).toEqual(['../evaluation/executor.js']);
    expect(folders("import type { DataContract } from '../data/records.js';")).toEqual([]);
  });

  it.each(files)('%s imports nothing by value from data, explanation, evaluation or review', (file) => {
    expect(valueImportFolders(file).filter((folder) => LATER.includes(folder))).toEqual([]);
  });
});
