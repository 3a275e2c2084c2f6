// vitest's global set-up: the editor's page (dist/editor) built once, before any test starts a
// server, when it is missing or older than its sources (editor/server/build-state.ts). Without it
// every browser test file's `npm start` found it stale and built it, several at once into the same
// folder, and a checkout edited since the last build tested the old page. Only for a run that may
// hold browser tests: the whole suite, or file filters naming one (`npx vitest run test/browser`),
// so that `npx vitest run test/data` after an engine edit does not wait for a build.
import { fileURLToPath } from 'node:url';
import { editorBuildStale } from '../editor/server/build-state.js';

const project = fileURLToPath(new URL('..', import.meta.url));

export default async function setup(): Promise<void> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-') && a !== 'run' && a !== 'watch');
  const browser = filters.length === 0 || filters.some((f) => f.includes('browser'));
  if (!browser || !editorBuildStale(project)) return;
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
