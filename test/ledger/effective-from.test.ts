// `effective_from` is the first period a policy version applies to (docs/policy-language.md,
// "Header"): a dry run of an earlier period warns, `run --record` refuses it and records nothing.

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../node/cli/main.js';
import { loadPolicy } from '../../engine/index.js';

const POLICY = `policy: from-november
title: 十一月起
version: 1.0.0
effective_from: 2026-11
metrics:
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
stages:
  only: { title: 常规 }
roles:
  staff: { title: 员工, pay_base: 1000, indicators: { r: { metric: rating, scoring: rating, weight: 100 } } }
grades:
  - { grade: A, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

let dir: string;
const month = (period: string) => {
  const file = join(dir, `${period}.csv`);
  writeFileSync(file, `工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,员工,一组,常规,${period},80\n`);
  return file;
};

async function yardstick(...args: string[]) {
  let stdout = '';
  const stderr: string[] = [];
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => stderr.push(s), errorLang: 'en' });
  return { code, stdout, stderr: stderr.join('\n') };
}

const WARNING = `warning[eval_before_effective_from]: period \`2026-10\` is before \`effective_from: 2026-11\` of \`from-november\` v1.0.0: this version does not apply to it
  help: score 2026-10 with the policy version in force then; if this version is meant to correct earlier periods, set \`effective_from: 2026-10\` and say why in \`retroactive: { reason: … }\``;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-effective-'));
  writeFileSync(join(dir, 'p.yaml'), POLICY);
});

describe('a period before effective_from', () => {
  it('a dry run scores it (1000 × 80% = 800) and warns, naming the policy file', async () => {
    const r = await yardstick('run', join(dir, 'p.yaml'), '--data', month('2026-10'), '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.payout_total).toBe(800);
    expect(r.stderr).toContain(`${join(dir, 'p.yaml')}: ${WARNING}`);
  });

  it('a streamed CSV run warns the same way', async () => {
    const r = await yardstick(
      'run',
      join(dir, 'p.yaml'),
      '--data',
      month('2026-10'),
      '--format',
      'csv',
      '--out',
      join(dir, 'out.csv'),
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${join(dir, 'p.yaml')}: ${WARNING}`);
  });

  it('--record refuses it with exit 1 and writes no ledger', async () => {
    const ledger = join(dir, 'refused.db');
    const r = await yardstick('run', join(dir, 'p.yaml'), '--data', month('2026-10'), '--record', '--ledger', ledger);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error: not recorded: period `2026-10` is before `effective_from: 2026-11` of `from-november` v1.0.0: this version does not apply to it; record it with the policy version in force for that period',
    );
    expect(r.stdout).toBe('');
    expect(existsSync(ledger)).toBe(false);
  });

  it('the first period it applies to runs and records without a warning', async () => {
    const r = await yardstick(
      'run',
      join(dir, 'p.yaml'),
      '--data',
      month('2026-11'),
      '--record',
      '--ledger',
      join(dir, 'ok.db'),
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('eval_before_effective_from');
    expect(r.stderr).toContain('已记录 2026-11');
  });
});

describe('the header keys, as the schema reads them', () => {
  const problems = (text: string) => {
    const r = loadPolicy(text, 'p.yaml');
    return r.diagnostics.map((d) => [`${d.span?.line}:${d.span?.column}`, d.code, d.message]);
  };

  it('effective_from is a YYYY-MM month', () => {
    expect(problems(POLICY.replace('effective_from: 2026-11', 'effective_from: 2026-9'))).toEqual([
      ['4:17', 'schema_pattern', '`2026-9` is not a valid value for `effective_from`'],
    ]);
  });

  it('retroactive needs its reason', () => {
    expect(
      problems(
        POLICY.replace('effective_from: 2026-11\n', 'effective_from: 2026-11\nretroactive: { reason: 更正十月 }\n'),
      ),
    ).toEqual([]);
    expect(problems(POLICY.replace('effective_from: 2026-11\n', 'effective_from: 2026-11\nretroactive: {}\n'))).toEqual(
      [['5:1', 'schema_missing_key', '`retroactive` is missing required key `reason`']],
    );
  });
});
