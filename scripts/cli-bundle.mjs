// Whether dist/cli/ (the bundle scripts/build-cli.mjs writes) was built from the sources as they
// are now, and building it when not. Used in a checkout by node/cli/bin.mjs (which command to run)
// and by node/cli/stream-worker-url.ts (which code a streaming worker thread loads); an installed
// package has only the bundle and never loads this file.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** True when every source recorded in dist/cli/inputs.json has the modification time and size it had then. */
export function bundleIsCurrent() {
  try {
    const { inputs } = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
    for (const [path, [mtime, size]] of Object.entries(inputs)) {
      const s = statSync(new URL(path, root));
      if (s.mtimeMs !== mtime || s.size !== size) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Makes dist/cli/ current, building it if a source changed; false when it cannot be (esbuild missing, a source that does not build). */
export async function currentBundle() {
  if (bundleIsCurrent()) return true;
  try {
    // loaded only now: esbuild is a dev dependency and takes a while to start
    await (await import('./build-cli.mjs')).buildCli();
  } catch {
    return false;
  }
  return bundleIsCurrent();
}
