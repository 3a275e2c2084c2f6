// The page reaches the engine through its one public door, engine/index.ts, so that the engine's
// folders can move without the page noticing.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(path) ? [path] : [];
  });
}

const files = sources(join('editor', 'app'));
const engine = resolve('engine');

/** The engine files a source imports (`import … from`, `import(…)`, `export … from`), relative to the project. */
function engineImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'([^']+)'/g)].map((m) => m[1]);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s))
    .filter((p) => p === engine || p.startsWith(engine + '/'))
    .map((p) => relative('.', p));
}

describe('the editor page', () => {
  it('has sources that import the engine', () => {
    expect(files).toContain(join('editor', 'app', 'App.svelte'));
    expect(engineImports(join('editor', 'app', 'App.svelte'))).toEqual(['engine/index.js']);
  });

  it.each(files)('%s imports nothing of the engine but engine/index.ts', (file) => {
    expect(engineImports(file).filter((p) => p !== 'engine/index.js')).toEqual([]);
  });
});
