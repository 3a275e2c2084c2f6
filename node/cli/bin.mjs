#!/usr/bin/env node
// Entry point of the `yardstick` command: loads the TypeScript CLI through tsx's loader.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
