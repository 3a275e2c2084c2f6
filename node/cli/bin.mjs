#!/usr/bin/env node
// Entry point of the `yardstick` command. It runs the JavaScript that scripts/build-cli.mjs
// bundled into dist/cli/ (no tsx, a faster start): an installed package has only that. In a
// checkout of Yardstick (the TypeScript sources beside this file) the bundle runs while every
// source it was built from is as it was then (dist/cli/inputs.json: modification time and size);
// when one changed it is rebuilt first, and when that fails (or YARDSTICK_FROM_SOURCES=1 asks) the
// sources run through tsx's loader. `yardstick textconv FILE` (git's diff driver, once per version
// of a file) loads only its own module.
import { existsSync, readFileSync, statSync } from 'node:fs';

const checkout = existsSync(new URL('./main.ts', import.meta.url));
const tsx = async (file) => (await import('tsx/esm/api')).tsImport(file, import.meta.url);

/** Whether dist/cli/ was built from the sources as they are now. */
function current() {
  try {
    const { inputs } = JSON.parse(readFileSync(new URL('../../dist/cli/inputs.json', import.meta.url), 'utf8'));
    for (const [path, [mtime, size]] of Object.entries(inputs)) {
      const s = statSync(new URL(`../../${path}`, import.meta.url));
      if (s.mtimeMs !== mtime || s.size !== size) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** In a checkout: whether to run the bundle (rebuilt first if a source changed). */
async function bundled() {
  if (process.env.YARDSTICK_FROM_SOURCES === '1') return false;
  if (current()) return true;
  try {
    await (await import('../../scripts/build-cli.mjs')).buildCli();
  } catch {
    // esbuild is missing or a source does not build: tsx will say where
    return false;
  }
  return current();
}

const fromBundle = !checkout || (await bundled());
const argv = process.argv.slice(2);
if (argv.length === 2 && argv[0] === 'textconv' && !argv[1].startsWith('-')) {
  const { textconv } = fromBundle ? await import('../../dist/cli/textconv.mjs') : await tsx('./textconv.ts');
  process.exitCode = textconv(argv[1], (s) => process.stdout.write(s));
} else {
  const { main } = fromBundle ? await import('../../dist/cli/main.mjs') : await tsx('./main.ts');
  process.exitCode = await main(argv);
}
