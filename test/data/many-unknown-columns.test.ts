// An export with thousands of columns the policy does not read: the first twenty are named one by
// one (with a did-you-mean where one is near), and one warning counts the rest, instead of a
// warning for each of them flooding the terminal.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

describe('many columns that match no metric', () => {
  it('names twenty and counts the other five', async () => {
    const [header, ...rows] = readFileSync('examples/sample-2026-10.csv', 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\n');
    const extra = Array.from({ length: 25 }, (_, i) => `备注${i + 1}`);
    const text = [
      `${header},${extra.join(',')}`,
      ...rows.filter((r) => r.startsWith('SV0001,')).map((r) => `${r}${','.repeat(25)}`),
    ].join('\n');
    const data = join(mkdtempSync(join(tmpdir(), 'yardstick-wide-')), 'wide.csv');
    writeFileSync(data, `${text}\n`);
    const r = await yardstick('run', 'policies/short-video-team.yaml', '--data', data, '--lang', 'en');
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('warning[data_unknown_column]'));
    expect(warnings).toHaveLength(21);
    expect(warnings[0]).toBe(
      `${data}:1: warning[data_unknown_column]: column \`备注1\` matches no metric and is ignored`,
    );
    expect(warnings[19]).toContain('column `备注20` matches no metric');
    expect(warnings[20]).toBe(
      `${data}:1: warning[data_unknown_column]: and 5 more column(s) match no metric and are ignored`,
    );
  });
});
