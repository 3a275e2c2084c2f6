// Names and teams come from files anyone can edit; what `explain` prints of them on a terminal
// shows a control character as text (`\u001b`; a carriage return or line break as a space), so an
// escape sequence cannot clear or colour the screen and a carriage return cannot overprint the pay
// on the line. The recorded statement (`explain --period`) is reprinted the same way.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { moneyPolicy } from '../money/month.js';
import { yardstick } from '../yardstick.js';

let dir: string;
let policy: string;
let data: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-term-'));
  policy = join(dir, 'p.yaml');
  data = join(dir, 'd.csv');
  // pay = 10,000 × score / 100 and a ¥1,000 pool per team, split by score × pay base
  writeFileSync(
    policy,
    moneyPolicy(
      'pools:\n  team:\n    title: 团队奖金池\n    per: team\n    fund: { fixed: 1000 }\n    weight: score * pay_base\n',
    ),
  );
  writeFileSync(
    data,
    '工号,姓名,岗位,团队,阶段,月份,上级评分,GMV\nE1,"A\u001b[31mRED\u001b[0m\rX",主播,"一\u001b[2J组",常规,2026-10,80,0\n',
  );
});

// the first line of E1's statement: the name, the id, the role, the team, the stage
const HEAD = 'A\\u001b[31mRED\\u001b[0m X（E1）· 主播 · 一\\u001b[2J组 · 常规';

describe('explain on a terminal', () => {
  it('from the data: the name and team with their control characters shown', async () => {
    const r = await yardstick('explain', policy, '--data', data, '--employee', 'E1', '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(HEAD);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(r.stdout).not.toMatch(/[\u001b\r]/);
  });

  it('as recorded in the ledger: the same', async () => {
    const ledger = join(dir, 'l.db');
    expect((await yardstick('run', policy, '--data', data, '--record', '--ledger', ledger, '--lang', 'zh')).code).toBe(
      0,
    );
    const r = await yardstick('explain', '--period', '2026-10', '--employee', 'E1', '--ledger', ledger, '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(HEAD);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(r.stdout).not.toMatch(/[\u001b\r]/);
  });
});

describe('explain of a record with a data problem', () => {
  it('names the employee with the control characters of their name shown', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      '工号,姓名,岗位,团队,阶段,月份,上级评分,GMV\nE1,"A\u001b[2JB",主播,一组,常规,2026-10,abc,0\nE2,乙,主播,一组,常规,2026-10,95,0\n',
    );
    const r = await yardstick('explain', policy, '--data', bad, '--employee', 'E1', '--lang', 'zh');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('E1 A\\u001b[2JB 的记录有数据问题，未评分：');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(r.stderr).not.toMatch(/[\u001b\r]/);
  });
});

// The run's table printed the pool line under the totals with the team as the data writes it
// (node/cli/format/results.ts `formatTable` → `summaryLines`): the escape sequence reached the terminal.
describe('run on a terminal', () => {
  it('the pool line under the totals shows the team’s control characters as text', async () => {
    const r = await yardstick('run', policy, '--data', data, '--lang', 'zh');
    expect(r.code).toBe(0);
    // E1 alone in the team: the whole ¥1,000 pool
    expect(r.stdout).toContain('奖金池 团队奖金池（一\\u001b[2J组）：¥1,000.00，分给 1 人 ¥1,000.00\n');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(r.stdout).not.toMatch(/[\u001b\r]/);
  });
});
