// Builds the `yardstick` command: node/cli/main.ts, the streaming worker and textconv bundled by
// esbuild into dist/cli/*.mjs (plain JavaScript, Node 20, no tsx at run time; the dependencies stay
// imports of node_modules). `npm pack` and an install from a git URL run it through the `prepare`
// script, as `npm ci` in a checkout does. In a checkout, node/cli/bin.mjs runs the bundle while
// every source it was built from is unchanged (dist/cli/inputs.json), rebuilds it when one
// changed, and runs the TypeScript sources through tsx only when the build fails.
import { build } from 'esbuild';
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The record of what the bundle was built from: each source's modification time and size. */
export const INPUTS = 'dist/cli/inputs.json';

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
      const written = resolve(dirname(args.importer), args.path);
      // a TypeScript source imported as .js; the one JavaScript module there, the schema's
      // generated validator (scripts/gen-validator.mjs), as it is
      const ts = written.replace(/\.js$/, '.ts');
      const path = existsSync(ts) ? ts : written;
      return path.startsWith(engine) && /\.[tj]s$/.test(path) ? { path, sideEffects: false } : undefined;
    });
  },
};

/**
 * node/cli/stream-worker-url.ts imports scripts/cli-bundle.mjs only when it runs as TypeScript in
 * a checkout; bundled, that import stays an import never taken, so that neither it nor this file
 * (and esbuild, a dev dependency) is built into the bundle.
 */
const checkoutScriptsStayOut = {
  name: 'checkout-scripts-stay-out',
  setup(b) {
    b.onResolve({ filter: /\/scripts\/cli-bundle\.mjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** Writes a file whole or not at all (a run starting meanwhile reads the old one or the new one). */
function writeWhole(file, contents) {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/** Builds dist/cli/ and records its sources (unless one changed while it was being built). */
export async function buildCli() {
  const started = Date.now();
  const result = await build({
    absWorkingDir: root,
    // textconv has its own small bundle: git starts it once per version of a file
    entryPoints: {
      main: 'node/cli/main.ts',
      'stream-worker': 'node/cli/stream-worker.ts',
      // loaded by node/cli/bin.mjs before main.mjs, for a run that will use a worker thread
      'early-worker': 'node/cli/early-worker.ts',
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
    plugins: [engineWithoutSideEffects, checkoutScriptsStayOut],
    // written by writeWhole: two runs rebuilding at once never leave half a file
    write: false,
    metafile: true,
  });
  for (const out of result.outputFiles) writeWhole(out.path, out.contents);
  const inputs = {};
  for (const path of Object.keys(result.metafile.inputs)) {
    const s = statSync(resolve(root, path));
    // changed during the build: the bundle may hold the old text, so it is not recorded as current
    if (s.mtimeMs >= started) return;
    inputs[path] = [s.mtimeMs, s.size];
  }
  writeWhole(resolve(root, INPUTS), `${JSON.stringify({ inputs })}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildCli();
