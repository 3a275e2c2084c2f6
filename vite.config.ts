/// <reference types="vitest/config" />
// Builds the policy editor (editor/app → dist/editor) and configures vitest for the whole project.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const project = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./editor/app', import.meta.url)),
  base: './',
  plugins: [svelte()],
  resolve: {
    // monaco-editor ≥ 0.56 has an exports map; monaco-yaml's worker still imports the old deep path
    alias: [
      {
        find: /^monaco-editor\/esm\/vs\//,
        replacement: fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url)),
      },
    ],
  },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist/editor', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    // engine/ is pure (test/architecture/purity.test.ts): the page imports it through engine/index.ts
    // for the YAML edit and diagnostics, and what it does not use (the evaluator, ajv, the CSV
    // reader) stays in the preview worker's bundle instead of the page's
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id) => (id.startsWith(`${project}engine/`) ? false : undefined) },
    },
  },
  test: {
    root: project,
    include: ['test/**/*.test.ts', 'engine/**/*.test.ts'],
    // one temporary folder for the run, removed at its end (test/temp-root.ts); the editor's page
    // built first when its sources changed since the last build (test/editor-build.ts)
    globalSetup: ['test/temp-root.ts', 'test/editor-build.ts'],
    // the test files share each worker's modules rather than loading the engine and its libraries
    // afresh for every one of the ~370 files: most files run in under half a second and loading took
    // more than the tests (test/data and test/money: 59 s isolated, 12.5 s not; the whole suite 930 s
    // and 547 s on a busy machine, 2026-12-03). A test that changes process-wide state (an
    // environment variable, the working folder, a prototype) puts it back in its own `finally`/`afterEach`.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
