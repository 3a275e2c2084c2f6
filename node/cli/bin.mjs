#!/usr/bin/env node
// Entry point of the `yardstick` command. It runs the JavaScript that scripts/build-cli.mjs
// bundled into dist/cli/ (no tsx, a faster start): an installed package has only that. In a
// checkout of Yardstick (the TypeScript sources beside this file) the bundle runs while every
// source it was built from is as it was then (dist/cli/inputs.json: modification time and size);
// when one changed it is rebuilt first, and when that fails (or YARDSTICK_FROM_SOURCES=1 asks) the
// sources run through tsx's loader. `yardstick textconv FILE` (git's diff driver, once per version
// of a file) loads only its own module.
import { existsSync } from 'node:fs';

const checkout = existsSync(new URL('./main.ts', import.meta.url));
const tsx = async (file) => (await import('tsx/esm/api')).tsImport(file, import.meta.url);

/** In a checkout: whether to run the bundle (rebuilt first if a source changed; tsx says where a build fails). */
const bundled = async () =>
  process.env.YARDSTICK_FROM_SOURCES !== '1' && (await import('../../scripts/cli-bundle.mjs')).currentBundle();

const fromBundle = !checkout || (await bundled());
const argv = process.argv.slice(2);
// a run that will evaluate in a worker thread starts it now, while this thread loads
// (node/cli/early-worker.ts); should that fail, the run starts its thread itself, later
if (fromBundle && argv[0] === 'run')
  try {
    const { startWorkerEarly } = await import('../../dist/cli/early-worker.mjs');
    startWorkerEarly(argv, new URL('../../dist/cli/stream-worker.mjs', import.meta.url));
  } catch {}
if (argv.length === 2 && argv[0] === 'textconv' && !argv[1].startsWith('-')) {
  const { textconv } = fromBundle ? await import('../../dist/cli/textconv.mjs') : await tsx('./textconv.ts');
  process.exitCode = textconv(argv[1], (s) => process.stdout.write(s));
} else {
  const { main } = fromBundle ? await import('../../dist/cli/main.mjs') : await tsx('./main.ts');
  process.exitCode = await main(argv);
}
