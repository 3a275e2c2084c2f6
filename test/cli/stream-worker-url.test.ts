// A checkout of Yardstick running its sources starts its streaming workers from the bundle in
// dist/cli/ (rebuilt first when a source changed since it was built), rather than through tsx.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { streamWorkerUrl } from '../../node/cli/stream-worker-url.js';

describe('the streaming worker of a checkout', () => {
  it('is dist/cli/stream-worker.mjs, built from the sources as they are now', async () => {
    const url = await streamWorkerUrl();
    expect(fileURLToPath(url)).toBe(fileURLToPath(new URL('../../dist/cli/stream-worker.mjs', import.meta.url)));
    const code = readFileSync(url, 'utf8');
    // plain JavaScript: the worker's message handler, no TypeScript left and no tsx loader
    expect(code).toContain('port.postMessage({ loaded: true })');
    expect(code).not.toContain('tsx/esm/api');
    // every source the bundle was built from is unchanged since
    const root = new URL('../../', import.meta.url);
    const { inputs } = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8')) as {
      inputs: Record<string, [number, number]>;
    };
    expect(Object.keys(inputs)).toContain('node/cli/stream-worker.ts');
    for (const [path, [, size]] of Object.entries(inputs))
      expect([path, readFileSync(new URL(path, root)).length]).toEqual([path, size]);
  });
});
