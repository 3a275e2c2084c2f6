// A checkout of Yardstick starts its streaming workers from a bundle of the current sources that
// esbuild writes into dist/checkout/, named by the bundle's hash, rather than through tsx.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { streamWorkerUrl } from '../../node/cli/stream-worker-url.js';

describe('the streaming worker of a checkout', () => {
  it('is the sources bundled into dist/checkout/, named by the first 16 hex digits of its SHA-256', async () => {
    const url = await streamWorkerUrl();
    const file = fileURLToPath(url);
    const name = /\/dist\/checkout\/stream-worker-([0-9a-f]{16})\.mjs$/.exec(file);
    expect(name).not.toBeNull();
    const code = readFileSync(file);
    expect(createHash('sha256').update(code).digest('hex').slice(0, 16)).toBe(name![1]);
    // plain JavaScript: the worker's message handler, no TypeScript left and no tsx loader
    expect(code.toString()).toContain('port.postMessage({ loaded: true })');
    expect(code.toString()).not.toContain('tsx/esm/api');
  });

  it('is the same file for unchanged sources', async () => {
    expect((await streamWorkerUrl()).href).toBe((await streamWorkerUrl()).href);
  });
});
