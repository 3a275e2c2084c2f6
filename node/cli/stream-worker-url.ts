// Where a streaming run's worker threads load their code from.
//
// An installed package runs the worker `npm run build:cli` bundled beside main.mjs
// (dist/cli/stream-worker.mjs). A checkout of Yardstick runs the TypeScript sources, and a worker
// thread loading them through tsx takes about 0.9 s of CPU, plus as much again in the loader
// thread tsx starts for it (every module resolved and loaded through it). So a checkout bundles
// the worker with esbuild (a dev dependency; about 0.2 s) into dist/checkout/, under a name that is
// the bundle's hash (a changed source makes a new file, two runs at once write the same bytes),
// and the thread loads plain JavaScript in about 0.3 s. Should esbuild fail, tsx loads the sources
// (stream-worker.mjs beside this file).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../files.js';

/** The worker's code: bundled JavaScript wherever possible. */
export async function streamWorkerUrl(): Promise<URL> {
  const beside = new URL('./stream-worker.mjs', import.meta.url);
  // bundled (dist/cli/main.mjs): the worker bundle is beside it
  if (!import.meta.url.endsWith('.ts')) return beside;
  try {
    return await checkoutBundle();
  } catch {
    return beside;
  }
}

/** Bundles node/cli/stream-worker.ts as scripts/build-cli.mjs does, into dist/checkout/. */
async function checkoutBundle(): Promise<URL> {
  const esbuild = await import('esbuild');
  const root = fileURLToPath(new URL('../../', import.meta.url));
  let built: Awaited<ReturnType<typeof esbuild.build>>;
  try {
    built = await esbuild.build({
      absWorkingDir: root,
      entryPoints: ['node/cli/stream-worker.ts'],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // imports of node_modules stay imports: dist/checkout/ finds them as dist/cli/ does
      packages: 'external',
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
  } finally {
    // esbuild's service process is not needed again in this run
    void esbuild.stop();
  }
  const code = built.outputFiles?.[0]?.contents;
  if (!code) throw new Error('esbuild wrote no bundle');
  const folder = `${root}dist/checkout/`;
  const name = `stream-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  if (!existsSync(folder + name)) {
    mkdirSync(folder, { recursive: true });
    writeFileAtomic(folder + name, code);
    // bundles of earlier sources, once no run can still be starting from them
    for (const old of readdirSync(folder))
      if (old !== name && old.startsWith('stream-worker-')) {
        try {
          if (Date.now() - statSync(folder + old).mtimeMs > 10 * 60_000) rmSync(folder + old, { force: true });
        } catch {
          // another run removed it
        }
      }
  }
  return new URL(`../../dist/checkout/${name}`, import.meta.url);
}
