// The Node side reaches the engine through its one public door, engine/index.ts, and the CLI's
// commands do not import their caller.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string, deep = true): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return deep ? sources(path) : [];
    return /\.(ts|mjs)$/.test(path) ? [path] : [];
  });
}

/** The files a source imports, as paths from the repository root. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => relative('.', resolve(dirname(file), m[1])));
}

const nodeSide = [...sources('node'), ...sources(join('editor', 'server')), ...sources('bench', false)];

describe('the Node layer', () => {
  it('has the CLI, the editor server and the benchmarks to check', () => {
    expect(nodeSide).toContain(join('node', 'cli', 'stream.ts'));
    expect(nodeSide).toContain(join('editor', 'server', 'app.ts'));
    expect(nodeSide).toContain(join('bench', 'flagship-by-hand.ts'));
  });

  it.each(nodeSide)('%s imports nothing from engine/ but engine/index.ts', (file) => {
    expect(imports(file).filter((i) => i.startsWith(`engine/`) && i !== join('engine', 'index.js'))).toEqual([]);
  });

  it.each(sources(join('node', 'cli', 'commands')))('%s does not import node/cli/main.ts', (file) => {
    expect(imports(file)).not.toContain(join('node', 'cli', 'main.js'));
  });
});
