// An option that takes one value, given twice: `--data a.csv --data b.csv` could mean "both files"
// or "the second one"; commander alone would silently keep the last. Refused as a usage error.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ONE_RATING_POLICY } from '../builders.js';
import { yardstick } from '../yardstick.js';

function month() {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-repeated-'));
  const policy = join(dir, 'p.yaml');
  writeFileSync(policy, ONE_RATING_POLICY);
  // ¥800.00 and ¥600.00: a run on either file alone pays one of them
  const a = join(dir, 'a.csv');
  const b = join(dir, 'b.csv');
  writeFileSync(a, '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,员工,一组,常规,2026-10,80\n');
  writeFileSync(b, '工号,姓名,岗位,团队,阶段,月份,评分\nE2,乙,员工,一组,常规,2026-10,60\n');
  return { policy, a, b };
}

describe('an option given twice', () => {
  it('with two different data files is a usage error naming both, and nothing runs', async () => {
    const { policy, a, b } = month();
    const r = await yardstick('run', policy, '--data', a, '--data', b, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error: option \`--data\` is given twice, as \`${a}\` and as \`${b}\`\n` +
        '  help: give it once: it takes one value, and a second one does not add to the first',
    );
  });

  it('written with `=` counts the same as a separate value', async () => {
    const { policy, a } = month();
    const r = await yardstick('run', policy, '--data', a, '--format=json', '--format=csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('option `--format` is given twice, as `json` and as `csv`');
  });

  it('`--lang zh --lang en` is refused too, in Chinese when asked for with --error-format json', async () => {
    const { policy, a } = month();
    const r = await yardstick('run', policy, '--data', a, '--lang', 'zh', '--lang', 'en', '--error-format', 'json');
    expect(r.code).toBe(2);
    const [d] = JSON.parse(r.stderr).diagnostics;
    expect(d.code).toBe('cli_option_repeated');
    expect(d.message).toBe('option `--lang` is given twice, as `zh` and as `en`');
  });

  it('with the same value twice means one thing and runs: E1 rated 80 is paid ¥800.00', async () => {
    const { policy, a } = month();
    const r = await yardstick('run', policy, '--data', a, '--data', a, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.payout_total).toBe(800);
  });

  it('a value after `--` is not an option', async () => {
    const { policy } = month();
    const r = await yardstick('validate', policy, '--lang', 'en', '--', '--lang');
    // `--lang` after `--` is a policy file name that does not exist: an input error, not a repeated option
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('cli_option_repeated');
    expect(r.stderr).not.toContain('given twice');
  });
});

describe('an option given an empty value', () => {
  it('`--out ""` is a usage error, not a run printed to stdout', async () => {
    const { policy, a } = month();
    const r = await yardstick('run', policy, '--data', a, '--format', 'csv', '--out', '');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: option `--out` is given an empty value\n' +
        '  help: give it a value, or leave the option out (an empty value would be read as the option not given)',
    );
  });

  it('`--ledger=` likewise (it would have been the default ledger)', async () => {
    const { policy, a } = month();
    const r = await yardstick('run', policy, '--data', a, '--ledger=');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('option `--ledger` is given an empty value');
  });
});
