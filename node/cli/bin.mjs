#!/usr/bin/env node
// Entry point of the `yardstick` command. In a checkout of Yardstick (the TypeScript sources beside
// this file) it runs them through tsx's loader; in an installed package it runs the JavaScript that
// `npm run build:cli` bundled into dist/cli/ (no tsx, no dev dependencies, a faster start).
// `yardstick textconv FILE` (git's diff driver, once per version of a file) loads only its own module.
import { existsSync } from 'node:fs';

const checkout = existsSync(new URL('./main.ts', import.meta.url));
const tsx = async (file) => (await import('tsx/esm/api')).tsImport(file, import.meta.url);

const argv = process.argv.slice(2);
if (argv.length === 2 && argv[0] === 'textconv' && !argv[1].startsWith('-')) {
  const { textconv } = checkout ? await tsx('./textconv.ts') : await import('../../dist/cli/textconv.mjs');
  process.exitCode = textconv(argv[1], (s) => process.stdout.write(s));
} else {
  const { main } = checkout ? await tsx('./main.ts') : await import('../../dist/cli/main.mjs');
  process.exitCode = await main(argv);
}
