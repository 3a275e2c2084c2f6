// A correction that changes grades or triggers but no one's pay said only "no one's pay changed":
// an employee moved from B to C, with an improvement plan opened, went unmentioned (breaker 130).
// month-data.ts: E2 scores 107.5, A+ (from 100), paid ¥8,740.00 whatever the grade.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { month } from './month-data.js';

it('a correction names the employees whose grade or triggers changed, beside the pay lines', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-regrade-'));
  const ledger = join(dir, 'l.db');
  const text = readFileSync('policies/short-video-team.yaml', 'utf8');
  const policy = join(dir, 'short-video-team.yaml');
  writeFileSync(policy, text);
  const data = join(dir, '10.csv');
  writeFileSync(data, month('2026-10'));
  expect((await yardstick('run', policy, '--data', data, '--record', '--ledger', ledger)).code).toBe(0);
  // A+ from 110: E2's 107.5 is an A; the pay follows the score, not the grade
  writeFileSync(
    policy,
    text
      .replace('- { grade: A+, min: 100, title: 卓越 }', '- { grade: A+, min: 110, title: 卓越 }')
      .replace(/^version: .*$/m, 'version: 9.0.0'),
  );
  const r = await yardstick('run', policy, '--data', data, '--amend', '--ledger', ledger, '--lang', 'en');
  expect(r.code).toBe(0);
  expect(r.stderr).toContain(
    `recorded 2026-10 (short-video-team, run #2, a correction) in ${ledger}\n` +
      "  no one's pay changed from run #1: no top-up or clawback\n" +
      '  changed E2 运营乙: grade A+ → A',
  );
});
