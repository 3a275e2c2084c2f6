// A data mapping may name its files by an absolute path (`roster: { file: /srv/hr/roster.csv }`):
// the reader opens it there, so the provenance hashes that file and `--out` may not overwrite it.
// (Before: provenance looked for `<mapping folder>/srv/hr/roster.csv`, so json, --record and
// statements failed with "cannot read data", and --out onto the roster replaced it with results.)

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const POLICY = 'docs/worked-example.yaml';
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex').slice(0, 16);
let roster: string;
let mapping: string;

beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-abs-'));
  mkdirSync(join(dir, 'hr'));
  mkdirSync(join(dir, 'month'));
  roster = join(dir, 'hr', 'roster.csv');
  copyFileSync('docs/worked-example.csv', roster);
  mapping = join(dir, 'month', 'month.data.yaml');
  writeFileSync(mapping, `period: 2026-10\nroster: { file: ${roster} }\nsources: []\n`);
});

describe('a data mapping naming a file by its absolute path', () => {
  it('lists that file with its hash in the JSON provenance, and pays as the worked example', async () => {
    const r = await yardstick('run', POLICY, '--data', mapping, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.provenance.data).toEqual([
      { file: mapping, hash: sha(mapping), role: 'mapping' },
      { file: roster, hash: sha(roster), role: 'roster' },
    ]);
    // docs/policy-language.md's worked example, by hand: 3878.40 + 775.68 + 1000.00
    expect(json.scorecards.map((c: { payout: { total: number } }) => c.payout.total)).toEqual([5654.08]);
  });

  it('writes the statements', async () => {
    const out = mkdtempSync(join(tmpdir(), 'yardstick-abs-st-'));
    const r = await yardstick('statements', POLICY, '--data', mapping, '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'E1.html'), 'utf8')).toContain(roster);
  });

  it('refuses --out onto the roster and leaves it as it was', async () => {
    const before = readFileSync(roster, 'utf8');
    const r = await yardstick('run', POLICY, '--data', mapping, '--format', 'csv', '--out', roster);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: refusing to write \`${roster}\`: it is the data file \`${roster}\``);
    expect(readFileSync(roster, 'utf8')).toBe(before);
  });
});
