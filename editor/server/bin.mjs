#!/usr/bin/env node
// `npm start`: the policy editor. Loads the TypeScript server through tsx.
import { tsImport } from 'tsx/esm/api';

const { startEditor } = await tsImport('./main.ts', import.meta.url);
try {
  const { url } = await startEditor(process.argv.slice(2));
  process.stdout.write(
    `Yardstick 绩效政策编辑器 / policy editor\n  open: ${url}\n  (only this computer can reach it; the token changes every start; Ctrl+C stops)\n`,
  );
} catch (error) {
  process.stderr.write(
    `cannot start the editor: ${error?.code === 'EADDRINUSE' ? 'the port is in use; try --port 0 for any free port' : (error?.message ?? error)}\n`,
  );
  process.exit(1);
}
