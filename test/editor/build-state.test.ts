// `npm start` rebuilds the editor's page when a source changed after the last build: a checkout
// pulled or edited since would otherwise serve the old page, whose preview runs the old engine.

import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorBuildStale } from '../../editor/server/build-state.js';

/** A project with a page built at 2026-11-30 12:00 and the given files, each with its modification time. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'yardstick-build-state-'));
  const put = (path: string, when: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), new Date(when), new Date(when));
  };
  put('dist/editor/index.html', '2026-11-30T12:00:00Z');
  for (const [path, when] of Object.entries(files)) put(path, when);
  return root;
}

describe('whether the editor is built again on start', () => {
  it('not when every source is older than the page', () => {
    const root = project({
      'editor/app/App.svelte': '2026-11-30T11:00:00Z',
      'engine/review/compare.ts': '2026-11-30T11:59:59Z',
      'package-lock.json': '2026-11-01T00:00:00Z',
    });
    expect(editorBuildStale(root)).toBe(false);
  });

  it.each([
    ['editor/app/components/Changes.svelte'],
    ['engine/review/compare.ts'],
    ['schemas/policy.schema.json'],
    ['vite.config.ts'],
    ['package-lock.json'],
  ])('when %s changed after the page was built', (path) => {
    const root = project({ 'editor/app/App.svelte': '2026-11-30T11:00:00Z', [path]: '2026-11-30T12:00:01Z' });
    expect(editorBuildStale(root)).toBe(true);
  });

  it('not for a file outside what the page is built from (the CLI, the tests, the docs)', () => {
    const root = project({
      'node/cli/main.ts': '2026-12-01T00:00:00Z',
      'test/x.test.ts': '2026-12-01T00:00:00Z',
      'docs/editor.md': '2026-12-01T00:00:00Z',
    });
    expect(editorBuildStale(root)).toBe(false);
  });

  it('when there is no page yet', () => {
    const root = mkdtempSync(join(tmpdir(), 'yardstick-build-state-'));
    expect(editorBuildStale(root)).toBe(true);
  });
});
