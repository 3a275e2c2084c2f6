// `npm start`: serves the editor on 127.0.0.1 with a fresh token and prints the address to open.

import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEditorApp } from './app.js';
import { editorBuildStale } from './build-state.js';

const here = dirname(fileURLToPath(import.meta.url));
const project = resolve(here, '..', '..');

export async function startEditor(argv: string[]): Promise<{ url: string; close: () => Promise<void> }> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string', default: '5178' }, root: { type: 'string', default: project } },
  });
  const staticDir = join(project, 'dist', 'editor');
  if (editorBuildStale(project)) {
    process.stderr.write(
      existsSync(join(staticDir, 'index.html'))
        ? 'building the editor (its sources changed since the last build)…\n'
        : 'building the editor (first start)…\n',
    );
    const { build } = await import('vite');
    await build({ configFile: join(project, 'vite.config.ts'), logLevel: 'warn' });
  }
  const token = randomBytes(24).toString('hex');
  const hosts = new Set<string>();
  const app = createEditorApp({
    root: resolve(values.root!),
    token,
    staticDir,
    templatesDir: join(project, 'editor', 'templates'),
    hosts,
  });
  return new Promise((done, fail) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(values.port) }, (info) => {
      hosts.add(`127.0.0.1:${info.port}`);
      hosts.add(`localhost:${info.port}`);
      const url = `http://127.0.0.1:${info.port}/?token=${token}`;
      done({ url, close: () => new Promise((r) => server.close(() => r())) });
    });
    server.on('error', fail);
  });
}
