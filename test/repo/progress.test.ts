// Progress of a long run on stderr: a bar drawn by cli-progress on a terminal (a pseudo-terminal
// from util-linux's `script`), plain lines through a pipe, nothing with --quiet. The sample month
// stands in for a large one: YARDSTICK_PROGRESS_MIN=100 lowers the bound from 20,000 records.

import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV, PROJECT, scratch } from './scratch.js';

const env = { ...ENV, YARDSTICK_PROGRESS_MIN: '100' };
const bin = join(PROJECT, 'node/cli/bin.mjs');
const run = (out: string, ...extra: string[]) => [
  bin,
  'run',
  'policies/short-video-team.yaml',
  '--data',
  'examples/sample-2026-10.csv',
  '--exclude-invalid',
  // a whole-file run (Markdown); a CSV file run to CSV, JSON or NDJSON streams and says how far it is every 100,000 records
  '--format',
  'md',
  '--out',
  out,
  ...extra,
];
const hasScript = spawnSync('script', ['--version']).status === 0;

describe('progress', { timeout: 120_000 }, () => {
  it('through a pipe: one plain line every tenth of the records, the last at 100%', () => {
    const r = spawnSync('node', run(join(scratch('progress'), 'r.md')), { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('run: '));
    // 200 rows, 2 excluded when read: 198 records evaluated, a line every ⌈198 / 10⌉ = 20 and at the end
    expect(lines.map((l) => l.slice(0, l.indexOf(','))).slice(0, 2)).toEqual([
      'run: 20 / 198 records (10%)',
      'run: 40 / 198 records (20%)',
    ]);
    expect(lines).toHaveLength(10);
    expect(lines[9]).toMatch(/^run: 198 \/ 198 records \(100%\), \d+ records\/s, done$/);
    expect(lines[0]).toMatch(/records\/s, about \d+ (s|min \d+ s) left$/);
    expect(r.stderr).not.toContain('\x1b[');
  });

  it('with --quiet: nothing', () => {
    const r = spawnSync('node', run(join(scratch('progress'), 'r.md'), '--quiet'), { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('records');
  });

  it.runIf(hasScript)('on a terminal: a bar redrawn in place, with records done, rate and time left', () => {
    const out = join(scratch('progress'), 'r.md');
    const command = ['node', ...run(out)].map((a) => `'${a}'`).join(' ');
    const tty = execFileSync('script', ['-q', '-e', '-c', command, '/dev/null'], { env, encoding: 'utf8' });
    expect(tty).toContain('\x1b[?25l'); // the cursor hidden while the bar is drawn
    expect(tty).toMatch(/run \[[█░]{40}\] \d+% · \d+\/198 records · \d+\/s · \S+ left/);
    expect(tty).toContain('\x1b[1G'); // redrawn from the start of the line
    expect(tty).not.toContain('run: ');
  });

  it('diff shows the progress of each evaluation it makes', () => {
    const r = spawnSync(
      'node',
      [
        bin,
        'diff',
        'policies/short-video-team.yaml',
        'policies/short-video-team.yaml',
        '--data',
        'examples/sample-2026-10.csv',
      ],
      { env, encoding: 'utf8' },
    );
    // the same file twice: the old and the new version are evaluated, no change to attribute
    expect(r.stderr.split('\n').filter((l) => /^diff: 198 \/ 198 records \(100%\)/.test(l))).toHaveLength(2);
  });
});
