// Builds the `yardstick` command for an installed package: node/cli/main.ts and the streaming
// worker bundled by esbuild into dist/cli/*.mjs (plain JavaScript, Node 20, no tsx at run time;
// the dependencies stay imports of node_modules). `npm pack` and an install from a git URL run it
// through the `prepare` script; a checkout of Yardstick runs the TypeScript sources through tsx.
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * engine/ is pure (test/architecture/purity.test.ts): importing one of its modules does nothing but
 * define things, so what an entry does not use is left out of its bundle — textconv then loads the
 * formatter and the YAML reader, not ajv, the rules engine and the data readers (as vite.config.ts
 * does for the editor's page).
 */
const engineWithoutSideEffects = {
  name: 'engine-without-side-effects',
  setup(b) {
    const engine = resolve(root, 'engine') + '/';
    b.onResolve({ filter: /^\./ }, (args) => {
      const path = resolve(dirname(args.importer), args.path).replace(/\.js$/, '.ts');
      return path.startsWith(engine) && path.endsWith('.ts') ? { path, sideEffects: false } : undefined;
    });
  },
};

await build({
  absWorkingDir: root,
  // textconv has its own small bundle: git starts it once per version of a file
  entryPoints: {
    main: 'node/cli/main.ts',
    'stream-worker': 'node/cli/stream-worker.ts',
    textconv: 'node/cli/textconv.ts',
  },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [engineWithoutSideEffects],
});
