// engine/ is pure: it must run unchanged in a browser worker, read no clock,
// and never turn policy text or data into code.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    // .js: the schema's generated validator (scripts/gen-validator.mjs) is held to the same rules
    return path.endsWith('.ts') || path.endsWith('.js') ? [path] : [];
  });
}

const files = sources('engine');

describe('the engine core', () => {
  it('has source files to check', () => {
    expect(files).toContain(join('engine', 'evaluation', 'evaluate.ts'));
    expect(files.some((f) => f.startsWith(join('engine', 'data')))).toBe(true);
  });

  it.each(files)('%s imports no Node built-in', (file) => {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    const builtins = imports.filter(
      (m) =>
        m.startsWith('node:') ||
        ['fs', 'path', 'os', 'child_process', 'crypto', 'stream', 'url', 'worker_threads'].includes(m),
    );
    expect(builtins).toEqual([]);
  });

  it.each(files)('%s reads no clock, process or environment and builds no code from text', (file) => {
    const code = readFileSync(file, 'utf8')
      .replace(/\/\/.*$/gm, '')
      .replace(/\/\*[\s\S]*?\*\//g, '');
    expect(code).not.toMatch(/\bprocess\.|\bDate\.now\b|\bnew Date\b|\beval\s*\(|\bnew Function\b|\bFunction\s*\(/);
  });
});
