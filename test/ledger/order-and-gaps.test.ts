// Three ways a ledger could pay or review someone wrongly without saying so: a correction that
// silently claws back the whole pay of a record it excluded for a data problem, a month recorded
// after a later one (whose history then lacked it), and a missing month counted as "in a row".

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { yardstick, yardstickAsIs } from '../yardstick.js';
import { month } from './month-data.js';

let dir: string;
let policy: string;
let ledger: string;

const data = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-order-'));
  policy = join(dir, 'short-video-team.yaml');
  ledger = join(dir, 'l.db');
  writeFileSync(
    policy,
    readFileSync('policies/short-video-team.yaml', 'utf8').replace(
      'effective_from: 2026-10',
      'effective_from: 2025-01',
    ),
  );
});

describe('an amendment that excludes a recorded employee', () => {
  it('is refused (exit 1), naming them and the reason, and writes nothing', async () => {
    // E1 ¥600.00 and E2 ¥8,740.00 (month-data.ts)
    expect(
      (await yardstick('run', policy, '--data', data('10.csv', month('2026-10')), '--record', '--ledger', ledger)).code,
    ).toBe(0);
    const before = readFileSync(ledger);
    const bad = data('10b.csv', month('2026-10').replace('300000,0\n', '#N/A,0\n')); // E2's 单条最高播放
    const r = await yardstick('run', policy, '--data', bad, '--amend', '--exclude-invalid', '--ledger', ledger);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'error: the correction of 2026-10 of `short-video-team` would leave out E2 运营乙, recorded in run #1, because their record cannot be scored: E2 运营乙: `#N/A` is an Excel error, not a number\n' +
        '  help: nothing was recorded; a correction must score everyone recorded for the period: fix their data and run --amend again (someone who should no longer be paid is removed from the data, and is then clawed back)',
    );
    expect(r.stderr).not.toContain('扣回');
    expect(readFileSync(ledger)).toEqual(before);
  });

  it('is refused in Chinese, the default, with the reason in Chinese too', async () => {
    await yardstick('run', policy, '--data', data('10.csv', month('2026-10')), '--record', '--ledger', ledger);
    const bad = data('10b.csv', month('2026-10').replace('300000,0\n', '#N/A,0\n')); // E2's 单条最高播放
    const r = await yardstickAsIs('run', policy, '--data', bad, '--amend', '--exclude-invalid', '--ledger', ledger);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(
      'error: 更正会漏掉已记录的人（2026-10（short-video-team）的更正会漏掉第 1 次记录中的 E2 运营乙，因为其记录无法计算：E2 运营乙：无法读取的值：`#N/A` 是 Excel 错误，不是数字）\n' +
        '  提示：没有记录任何内容；更正须计算该月已记录的每个人：请修正他们的数据后再次 --amend（不应再发的人请从数据中删除，随后会被扣回）',
    );
  });

  it('still claws back an employee removed from the data', async () => {
    await yardstick('run', policy, '--data', data('10.csv', month('2026-10')), '--record', '--ledger', ledger);
    const without = data(
      '10b.csv',
      month('2026-10')
        .split('\n')
        .filter((l) => !l.startsWith('E2,'))
        .join('\n'),
    );
    const r = await yardstick('run', policy, '--data', without, '--amend', '--ledger', ledger);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('  扣回 E2 运营乙: ¥8,740.00 → ¥0.00 (-¥8,740.00)');
  });
});

describe('a period earlier than a recorded one', () => {
  it('is refused (exit 1), naming the later periods, and nothing is written', async () => {
    await yardstick('run', policy, '--data', data('11.csv', month('2026-11')), '--record', '--ledger', ledger);
    await yardstick('run', policy, '--data', data('12.csv', month('2026-12')), '--record', '--ledger', ledger);
    const before = readFileSync(ledger);
    const r = await yardstick(
      'run',
      policy,
      '--data',
      data('10.csv', month('2026-10')),
      '--record',
      '--ledger',
      ledger,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: period 2026-10 of `short-video-team` is earlier than the recorded 2026-11, 2026-12, whose history facts (previous_grade, consecutive_grade, periods_in_role, rolling_average, improvement plans) were computed without it and would be stale\n' +
        '  help: record months in order; to record it anyway, run again with --out-of-order, then --amend 2026-11, 2026-12 in order so that their history includes it',
    );
    expect(readFileSync(ledger)).toEqual(before);
  });

  it('an amendment of an earlier period is refused the same way', async () => {
    await yardstick('run', policy, '--data', data('10.csv', month('2026-10')), '--record', '--ledger', ledger);
    await yardstick('run', policy, '--data', data('11.csv', month('2026-11')), '--record', '--ledger', ledger);
    const r = await yardstick(
      'run',
      policy,
      '--data',
      data('10b.csv', month('2026-10', 60)),
      '--amend',
      '--ledger',
      ledger,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: period 2026-10 of `short-video-team` is earlier than the recorded 2026-11, /);
  });

  it('with --out-of-order is recorded, and the later periods are named as stale', async () => {
    await yardstick('run', policy, '--data', data('11.csv', month('2026-11')), '--record', '--ledger', ledger);
    const r = await yardstick(
      'run',
      policy,
      '--data',
      data('10.csv', month('2026-10')),
      '--record',
      '--out-of-order',
      '--ledger',
      ledger,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `已记录 2026-10（short-video-team，第 2 次记录）到 ${ledger}\n` +
        '  注意：2026-11 已在此之前记录，其历史事实未包含 2026-10，现已过时：请按顺序用 --amend 重新记录',
    );
    // in order now: amending November is not out of order
    expect(
      (await yardstick('run', policy, '--data', data('11.csv', month('2026-11')), '--amend', '--ledger', ledger)).code,
    ).toBe(0);
  });

  // Before, nothing stopped the next month: December was recorded on November's stale plans and
  // streaks, its improvement plan extended where it should have escalated (breaker 130)
  it('a month after a gap is not stale, and a stale month before the gap refuses nothing after it (breaker 131)', async () => {
    for (const p of ['2026-05', '2026-07', '2026-09'])
      await yardstick('run', policy, '--data', data(`${p}.csv`, month(p)), '--record', '--ledger', ledger);
    const june = ['run', policy, '--data', data('06.csv', month('2026-06')), '--record', '--out-of-order'];
    expect((await yardstick(...june, '--ledger', ledger)).code).toBe(0);
    // 2026-07 read 2026-06's history and is stale; 2026-09's history starts after the missing
    // 2026-08, and 2026-10's reads only 2026-09: recorded, with nothing said of 2026-07
    const r = await yardstick(
      'run',
      policy,
      '--data',
      data('10.csv', month('2026-10')),
      '--record',
      '--ledger',
      ledger,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('stale');
    expect(r.stderr).not.toContain('过时');
  });

  it('a later month is refused while a stale month before it is not amended; recorded once it is', async () => {
    await yardstick('run', policy, '--data', data('09.csv', month('2026-09')), '--record', '--ledger', ledger);
    await yardstick('run', policy, '--data', data('11.csv', month('2026-11')), '--record', '--ledger', ledger);
    const late = ['run', policy, '--data', data('10.csv', month('2026-10')), '--record', '--out-of-order'];
    expect((await yardstick(...late, '--ledger', ledger)).code).toBe(0);
    const before = readFileSync(ledger);
    const december = ['run', policy, '--data', data('12.csv', month('2026-12')), '--record', '--ledger', ledger];
    const r = await yardstick(...december);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(
      'error: period 2026-12 of `short-video-team` would read the history of 2026-11, recorded before an earlier month was recorded or corrected: the history facts of 2026-11 (improvement plans, consecutive grades, rolling averages) are stale, and 2026-12 would carry them on\n' +
        '  help: first --amend 2026-11 in order (each with --out-of-order while a later month is recorded), so that their history includes the earlier month, then record 2026-12; or run again with --out-of-order to record it on the stale history all the same',
    );
    expect(readFileSync(ledger)).toEqual(before);
    // a dry run of December says what it reads
    const dry = await yardstick(
      'run',
      policy,
      '--data',
      data('12.csv', month('2026-12')),
      '--ledger',
      ledger,
      '--lang',
      'en',
    );
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain(
      `note: 2026-11 of \`short-video-team\` in the ledger \`${ledger}\` was recorded before an earlier month was recorded or corrected: its history facts (improvement plans, consecutive grades, rolling averages) are stale, and 2026-12 carries them on: --amend 2026-11 in order first`,
    );
    // November amended (after October, in order): December is recorded
    expect(
      (await yardstick('run', policy, '--data', data('11.csv', month('2026-11')), '--amend', '--ledger', ledger)).code,
    ).toBe(0);
    expect((await yardstick(...december)).code).toBe(0);
  });
});

// score = rating; C below 61. Two C in a row → exit review; a C opens a 30-day plan (no extension).
const HIST = `policy: gaps
title: 间隔
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
stages:
  only: { title: 常规 }
roles:
  staff: { title: 员工, pay_base: 1000, indicators: { r: { metric: rating, scoring: rating, weight: 100 } } }
grades:
  - { grade: A, min: 81 }
  - { grade: B, min: 61 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
triggers:
  two_c:
    title: 连续两期C
    when: { all: [ { fact: consecutive_grade, params: { grade: C }, operator: greaterThanInclusive, value: 2 } ] }
    action: { type: exit_review }
  pip:
    title: 改进计划
    when: { all: [ { fact: grade, operator: equal, value: C } ] }
    action: { type: improvement_plan, days: 30, close_when: { all: [ { fact: attainment, operator: greaterThanInclusive, value: 0.9 } ] } }
  veteran:
    title: 本岗位满两期
    when: { all: [ { fact: periods_in_role, operator: greaterThanInclusive, value: 2 } ] }
    action: { type: notify }
`;
const csv = (...periods: string[]) =>
  `工号,姓名,岗位,团队,阶段,月份,评分\n${periods.map((p) => `K,甲,员工,一组,常规,${p},50`).join('\n')}\n`;
type Card = {
  period: string;
  employee_id: string;
  triggers: { id: string }[];
  plan?: { status: string; opened: string; window_ends: string };
};
const cards = (stdout: string) =>
  (JSON.parse(stdout) as { scorecards: Card[] }).scorecards.map((c) => ({
    period: c.period,
    triggers: c.triggers.map((t) => t.id),
    plan: c.plan && { status: c.plan.status, opened: c.plan.opened, window_ends: c.plan.window_ends },
  }));

describe('a month missing from the ledger breaks "in a row"', () => {
  beforeEach(() => writeFileSync(join(dir, 'gaps.yaml'), HIST));
  const run = (file: string, ...more: string[]) =>
    yardstick('run', join(dir, 'gaps.yaml'), '--data', file, '--format', 'json', '--ledger', ledger, ...more);

  it('October and December recorded, November not: December is a first C, with a new plan, no exit review', async () => {
    expect((await run(data('10.csv', csv('2026-10')), '--record')).code).toBe(0);
    // control, without the gap: November after October is the second C in a row, and the October plan escalates
    const nov = await run(data('11.csv', csv('2026-11')));
    expect(cards(nov.stdout)).toEqual([
      {
        period: '2026-11',
        triggers: ['two_c', 'pip', 'veteran'],
        plan: { status: 'escalated', opened: '2026-10', window_ends: '2026-11' },
      },
    ]);
    for (const executor of ['compiled', 'reference']) {
      const dec = await run(data('12.csv', csv('2026-12')), '--executor', executor);
      expect(dec.code).toBe(0);
      expect(cards(dec.stdout)).toEqual([
        { period: '2026-12', triggers: ['pip'], plan: { status: 'open', opened: '2026-12', window_ends: '2027-01' } },
      ]);
      expect(dec.stderr).toContain(
        'note: 2026-11 of `gaps` is not recorded in the ledger `' +
          ledger +
          '`: the history facts of 2026-12 start after it (consecutive_grade, previous_grade, periods_in_role, rolling_average and improvement plans see no earlier month)',
      );
    }
    // in the language asked for (it was English whatever --lang said)
    const zh = await run(data('12.csv', csv('2026-12')), '--lang', 'zh');
    expect(zh.stderr).toContain(`注意：账本 \`${ledger}\` 中没有 \`gaps\` 的 2026-11：2026-12 的历史事实从它之后算起`);
  });

  it('a recorded month that does not list someone breaks their run only', async () => {
    const rows = (p: string, ids: string[]) =>
      `工号,姓名,岗位,团队,阶段,月份,评分\n${ids.map((id) => `${id},${id}名,员工,一组,常规,${p},50`).join('\n')}\n`;
    expect((await run(data('10.csv', rows('2026-10', ['K', 'M'])), '--record')).code).toBe(0);
    expect((await run(data('11.csv', rows('2026-11', ['M'])), '--record')).code).toBe(0);
    const dec = await run(data('12.csv', rows('2026-12', ['K', 'M'])));
    // K: October, no November, December: a first C. M: C three months in a row, in role three
    // periods; the October plan escalated in November, so December opens a new one
    expect(cards(dec.stdout)).toEqual([
      { period: '2026-12', triggers: ['pip'], plan: { status: 'open', opened: '2026-12', window_ends: '2027-01' } },
      {
        period: '2026-12',
        triggers: ['two_c', 'pip', 'veteran'],
        plan: { status: 'open', opened: '2026-12', window_ends: '2027-01' },
      },
    ]);
    expect(dec.stderr).not.toContain('note:');
  });

  it('the same months in one file: the gap breaks the run there too, with both executors', async () => {
    for (const executor of ['compiled', 'reference']) {
      const r = await run(data('10-12.csv', csv('2026-10', '2026-12')), '--executor', executor);
      expect(r.code).toBe(0);
      expect(cards(r.stdout)).toEqual([
        { period: '2026-10', triggers: ['pip'], plan: { status: 'open', opened: '2026-10', window_ends: '2026-11' } },
        { period: '2026-12', triggers: ['pip'], plan: { status: 'open', opened: '2026-12', window_ends: '2027-01' } },
      ]);
    }
  });
});
