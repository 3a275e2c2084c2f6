// `statements` says what `run` says of the month, history included: `run` takes the earlier months
// from the results ledger (.yardstick/ledger.db unless --ledger says otherwise), and a statement
// written without it left out what the history decides — the interview's statement said 无 under
// 后续安排 where the run said 连续两月C.
//
// The policy (test/money/month.ts): pay = ¥10,000 × rating / 100, grades A ≥ 80, B ≥ 60, C below;
// a trigger on two C in a row. October recorded: E1 rating 50 → C. November: E1 rating 55 → C again,
// consecutive_grade(C) = 2 → 连续两月C; pay 10,000 × 55 / 100 = ¥5,500.00.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moneyPolicy, monthsCsv, TWO_C } from '../money/month.js';
import { yardstick } from '../yardstick.js';

const started = process.cwd();
beforeAll(() => {
  process.chdir(mkdtempSync(join(tmpdir(), 'yardstick-statements-ledger-')));
  writeFileSync('policy.yaml', moneyPolicy(TWO_C));
  writeFileSync('october.csv', monthsCsv([['E1', '2026-10', 50]]));
  writeFileSync('november.csv', monthsCsv([['E1', '2026-11', 55]]));
});
afterAll(() => process.chdir(started));

describe('statements after a recorded month', () => {
  it('fire the trigger the ledger’s history fires in `run`', async () => {
    expect((await yardstick('run', 'policy.yaml', '--data', 'october.csv', '--record')).code).toBe(0);
    const run = await yardstick('run', 'policy.yaml', '--data', 'november.csv', '--format', 'json');
    expect(JSON.parse(run.stdout).scorecards[0].triggers.map((t: { id: string }) => t.id)).toEqual(['two_c']);
    const { code } = await yardstick('statements', 'policy.yaml', '--data', 'november.csv', '--out', 'out');
    expect(code).toBe(0);
    const text = readFileSync(join('out', 'E1.html'), 'utf8')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(text).toContain(' 本月绩效应发 ¥5,500.00 ');
    expect(text).toContain(' 暂扣说明 · 后续安排 连续两月C ：');
  });
});

// a ledger kept elsewhere (`run --record --ledger hr.db`) is named as `run` names it; in hr.db E1's
// October is a B (rating 70), so November's C is the first: no 连续两月C (the default ledger has a C)
describe('statements --ledger FILE', () => {
  it('takes the history from the ledger it names, as run --ledger does', async () => {
    writeFileSync('october-b.csv', monthsCsv([['E1', '2026-10', 70]]));
    const recorded = await yardstick('run', 'policy.yaml', '--data', 'october-b.csv', '--record', '--ledger', 'hr.db');
    expect(recorded.code).toBe(0);
    const run = await yardstick(
      'run',
      'policy.yaml',
      '--data',
      'november.csv',
      '--format',
      'json',
      '--ledger',
      'hr.db',
    );
    expect(JSON.parse(run.stdout).scorecards[0].triggers).toEqual([]);
    const { code } = await yardstick(
      'statements',
      'policy.yaml',
      '--data',
      'november.csv',
      '--out',
      'out-hr',
      '--ledger',
      'hr.db',
    );
    expect(code).toBe(0);
    const text = readFileSync(join('out-hr', 'E1.html'), 'utf8')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(text).toContain(' 本月绩效应发 ¥5,500.00 ');
    expect(text).not.toContain('连续两月C');
  });
});
