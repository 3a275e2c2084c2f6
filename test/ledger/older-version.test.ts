// An official result is recorded only under the version in force. A correction of October made with
// an old copy of the policy (1.1.0, after 1.2.0 recorded October) undid 1.2.0's rules without a
// word, and so did November recorded with it. Both are refused; a newer version, or the same one, is not.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { month } from './month-data.js';

let dir: string;
let ledger: string;

const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
/** The flagship at a version, in force from 2025-01 so that these months can be recorded with it. */
const policyAt = (version: string) =>
  file(
    `short-video-team-${version}.yaml`,
    readFileSync('policies/short-video-team.yaml', 'utf8')
      .replace('effective_from: 2026-10', 'effective_from: 2025-01')
      .replace(/^version: .*$/m, `version: ${version}`),
  );

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-older-'));
  ledger = join(dir, 'l.db');
  const r = await yardstick(
    'run',
    policyAt('1.2.0'),
    '--data',
    file('10.csv', month('2026-10')),
    '--record',
    '--ledger',
    ledger,
  );
  expect(r.code).toBe(0);
});

describe('recording with a version older than one the policy recorded with', () => {
  it('a correction of October with 1.1.0 is refused (exit 1), nothing recorded', async () => {
    const r = await yardstick(
      'run',
      policyAt('1.1.0'),
      '--data',
      join(dir, '10.csv'),
      '--amend',
      '--ledger',
      ledger,
      '--lang',
      'en',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error: `short-video-team` v1.1.0 is older than v1.2.0, which recorded 2026-10 (run #1): an official result is recorded only under the version in force\n' +
        '  help: run with the policy as it is now (check out its latest version); to apply the older rules again, give them a new, higher version, as every policy change needs',
    );
    const history = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    expect(history.stdout).not.toContain('#2');
  });

  it('November recorded with 1.1.0 is refused too, in Chinese with --lang zh; 1.10.0 is newer than 1.9.0', async () => {
    const r = await yardstick(
      'run',
      policyAt('1.1.0'),
      '--data',
      file('11.csv', month('2026-11')),
      '--record',
      '--ledger',
      ledger,
      '--lang',
      'zh',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '`short-video-team` 的 v1.1.0 早于 v1.2.0（已用于记录 2026-10，第 1 次运行）：正式结果只按现行版本记录',
    );
    // versions compare as numbers: 1.10.0 after 1.2.0 records, 1.9.0 after 1.10.0 does not
    expect(
      (await yardstick('run', policyAt('1.10.0'), '--data', join(dir, '11.csv'), '--record', '--ledger', ledger)).code,
    ).toBe(0);
    const later = await yardstick(
      'run',
      policyAt('1.9.0'),
      '--data',
      file('12.csv', month('2026-12')),
      '--record',
      '--ledger',
      ledger,
      '--lang',
      'en',
    );
    expect(later.code).toBe(1);
    expect(later.stderr).toContain('`short-video-team` v1.9.0 is older than v1.10.0, which recorded 2026-11 (run #2)');
  });

  it('the same version, or a newer one, corrects October', async () => {
    expect(
      (await yardstick('run', policyAt('1.2.0'), '--data', join(dir, '10.csv'), '--amend', '--ledger', ledger)).code,
    ).toBe(0);
    expect(
      (await yardstick('run', policyAt('1.3.0'), '--data', join(dir, '10.csv'), '--amend', '--ledger', ledger)).code,
    ).toBe(0);
  });
});
