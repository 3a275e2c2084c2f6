// Where a streaming run's worker threads load their code from.
//
// An installed package runs the worker `npm run build:cli` bundled beside main.mjs
// (dist/cli/stream-worker.mjs). A checkout of Yardstick running its TypeScript sources (tests, the
// benchmarks, YARDSTICK_FROM_SOURCES=1) would load them in each thread through tsx: about 0.9 s
// of CPU, plus as much again in the loader thread tsx starts for it. So it uses the same bundle,
// rebuilt first if a source changed since it was built (scripts/cli-bundle.mjs, as node/cli/bin.mjs
// does), and the thread loads plain JavaScript in about 0.3 s. Should the build fail, tsx loads
// the sources (stream-worker.mjs beside this file).

/** The worker's code: bundled JavaScript wherever possible. */
export async function streamWorkerUrl(): Promise<URL> {
  const beside = new URL('./stream-worker.mjs', import.meta.url);
  // bundled (dist/cli/main.mjs): the worker bundle is beside it
  if (!import.meta.url.endsWith('.ts')) return beside;
  try {
    // a script of the checkout (scripts/ is not in an installed package, which never comes here)
    const { currentBundle } = await import('../../scripts/cli-bundle.mjs');
    if (await currentBundle()) return new URL('../../dist/cli/stream-worker.mjs', import.meta.url);
  } catch {
    // scripts/ is not there: tsx loads the sources
  }
  return beside;
}
