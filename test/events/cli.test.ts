// Event sources through the CLI: a 3-file mapping (roster, a per-employee sheet, one row per video)
// scored by `yardstick run`, and `yardstick data sql` whose printed SQL, run in DuckDB as printed,
// gives what the run aggregated.

import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { yardstick } from '../yardstick.js';
import { sqlIdent, sqlString } from '../../node/cli/events/sql.js';
import { folder, ROSTER } from './build.js';

const FIXTURES = 'test/events/fixtures';

describe('yardstick run with event sources', () => {
  it('scores a 3-file mapping: counts, sums, shares and averages from one row per video', async () => {
    const r = await yardstick(
      'run',
      `${FIXTURES}/policy.yaml`,
      '--data',
      `${FIXTURES}/month.yaml`,
      '--exclude-invalid',
      '--format',
      'csv',
      '--lang',
      'en',
    );
    expect(r.code).toBe(0);
    // E1: 2 videos not deleted (50% of 4 → 20), viral 1/3 of 0.5 (13.33), completion 0.3 of 0.4 (15), cooperation 90 (18)
    expect(r.stdout.split(/\r?\n/).slice(1, 3)).toEqual([
      'E1,甲,短视频一组,编导,初创期,66.33,66.33,B,,663.30,payable,,',
      'E2,乙,短视频一组,编导,初创期,76,76,B,,760.00,payable,,',
    ]);
    expect(r.stderr).toContain(
      'videos.csv: warning[data_event_unmatched]: 2 row(s) of the month match no employee in the roster (`ghost` ×2)',
    );
    // E3 published nothing: no average completion, the policy's usual missing-data handling applies
    expect(r.stderr).toContain('error[data_missing_metric]: missing `平均完播率` (completion) for role `编导`');
  });

  it('refuses the data without --exclude-invalid, like any missing metric', async () => {
    const r = await yardstick('run', `${FIXTURES}/policy.yaml`, '--data', `${FIXTURES}/month.yaml`, '--lang', 'en');
    expect(r.code).toBe(1);
  });

  it('a malformed event source is reported at its line', async () => {
    const dir = folder({
      'roster.csv': ROSTER,
      'v.csv': '工号,t\n',
      'm.yaml':
        'period: 2026-10\nroster: { file: roster.csv }\nevents:\n  - file: v.csv\n    time: t\n    metrics:\n      n: { agg: median }\n',
    });
    const r = await yardstick('run', `${FIXTURES}/policy.yaml`, '--data', join(dir, 'm.yaml'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'm.yaml:7:17: error[data_event_shape]: `events[0].metrics.n.agg` must be one of `count`, `sum`, `avg`, `min`, `max`, `count_distinct`, `share`, not `median`',
    );
  });
});

describe('yardstick data sql', () => {
  it('prints SQL that DuckDB runs unchanged to the same per-employee numbers as --explain', async () => {
    const sql = await yardstick('data', 'sql', `${FIXTURES}/month.yaml`);
    expect(sql.code).toBe(0);
    expect(sql.stdout).toContain("read_csv('videos.csv', header = true");
    const explained = await yardstick('data', 'sql', `${FIXTURES}/month.yaml`, '--explain', '--format', 'json');
    const reports = JSON.parse(explained.stdout) as {
      aggregates: { key: string; rows: number; values: Record<string, { value: string }> }[];
    }[];
    // run as printed, from the mapping's folder (the path in it is relative to the mapping)
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const cwd = process.cwd();
    process.chdir(FIXTURES);
    let rows: ReturnType<Awaited<ReturnType<typeof db.runAndReadAll>>['getRowsJson']>;
    try {
      rows = (await db.runAndReadAll(sql.stdout)).getRowsJson();
    } finally {
      process.chdir(cwd);
    }
    const num = (v: unknown) => (v === null ? '' : String(Number(v)));
    expect(rows.map((r) => [r[0], Number(r[1]), num(r[2]), num(r[4]), num(r[6]), num(r[8])])).toEqual(
      reports[0].aggregates.map((a) => [
        a.key,
        a.rows,
        ...Object.values(a.values).map((v) => num(v.value === '' ? null : v.value)),
      ]),
    );
  });

  it('--explain shows each metric per employee with the rows behind it', async () => {
    const r = await yardstick('data', 'sql', `${FIXTURES}/month.yaml`, '--explain');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(1, 6)).toEqual([
      '  E1 (acc_a): 3 row(s) in the month',
      '    发布视频数 = 2 over 2 row(s)',
      '    播放量 = 137000 over 3 row(s)',
      '    爆款率 = 0.3333333333333333 (1 / 3 rows)',
      '    平均完播率 = 0.3 over 3 row(s)',
    ]);
    expect(r.stdout).toMatch(/^videos\.csv \(sha256 [0-9a-f]{64}, read as utf-8\)$/m);
  });

  it('a mapping without events has no SQL', async () => {
    const r = await yardstick('data', 'sql', 'examples/exports-2026-10/month.data.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the mapping has no `events:`');
  });
});

describe('quoting', () => {
  const hostile = [
    `'`,
    `''`,
    `a'b`,
    `"`,
    `a"b`,
    `\\`,
    `\\'`,
    `'; DROP TABLE t; --`,
    `"; DROP TABLE t; --`,
    'line\nbreak',
    '万%,w',
    '\u200b',
    '😀',
  ];
  it('every hostile text comes back from DuckDB unchanged, as a string and as a column name', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    for (const h of hostile) {
      const rows = (await db.runAndReadAll(`SELECT ${sqlString(h)} AS ${sqlIdent(h)}`)).getRowObjectsJson();
      expect(rows).toEqual([{ [h]: h }]);
    }
  });

  it('a NUL cannot be quoted', () => {
    expect(() => sqlString('a\0b')).toThrow();
    expect(() => sqlIdent('a\0b')).toThrow();
  });

  it('a file path with quotes reaches read_csv intact', async () => {
    const dir = folder({ 'o\'k "x".csv': '工号,t\nE1,2026-10-01\n' });
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (
      await db.runAndReadAll(
        `SELECT COUNT(*) AS n FROM read_csv(${sqlString(join(dir, 'o\'k "x".csv'))}, header = true)`,
      )
    ).getRowsJson();
    expect(rows).toEqual([['1']]);
    writeFileSync(join(dir, 'unused'), '');
  });
});

describe('yardstick data sql with growth, weeks and shares', () => {
  it('the printed SQL, run in DuckDB from the mapping folder, gives what the engine aggregated', async () => {
    const dir = folder({
      'roster.csv': ROSTER,
      'sessions.csv': [
        '工号,开播时间,观看人数,状态',
        'E1,2026-10-12 20:00,1000,正常',
        'E1,2026-10-18 23:59:59,500,正常',
        'E1,2026-10-19 00:00:00,1200,异常',
        'E1,2026-10-25 21:00,450,正常',
        'E1,2026-09-20 20:00,2000,正常',
        'E2,2026-10-20 20:00,300,正常',
        'E3,2026-09-15 20:00,100,正常',
      ].join('\n'),
      'm.yaml': [
        'period: 2026-10',
        'roster: { file: roster.csv }',
        'events:',
        '  - file: sessions.csv',
        '    time: 开播时间',
        '    metrics:',
        '      wow: { agg: sum, column: 观看人数, growth: week }',
        '      mom: { agg: count, growth: month }',
        '      min_week: { agg: count, per: week, across: min }',
        "      odd: { agg: share, when: { column: 状态, op: '=', value: 异常 } }",
        '',
      ].join('\n'),
    });
    const printed = await yardstick('data', 'sql', join(dir, 'm.yaml'));
    expect(printed.code).toBe(0);
    const explained = await yardstick('data', 'sql', join(dir, 'm.yaml'), '--explain', '--format', 'json');
    const engine = (
      JSON.parse(explained.stdout) as { aggregates: { key: string; values: Record<string, { value: string }> }[] }[]
    )[0]!.aggregates.map((a) => [
      a.key,
      ...Object.values(a.values).map((v) => (v.value === '' ? null : Number(v.value))),
    ]);
    // by hand: E1 wow (1200 + 450 − 1500) / 1500 = 0.1, mom (4 − 1) / 1 = 3, a week without sessions: 0, odd 1/4;
    // E2: no earlier week (no value), no September session (no value), 0, 0; E3: no October row, mom (0 − 1) / 1 = −1
    expect(engine).toEqual([
      ['E1', 0.1, 3, 0, 0.25],
      ['E2', null, null, 0, 0],
      ['E3', null, -1, 0, null],
    ]);
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const cwd = process.cwd();
    process.chdir(dir);
    let rows: unknown[][];
    try {
      rows = (await db.runAndReadAll(printed.stdout)).getRowsJson() as unknown[][];
    } finally {
      process.chdir(cwd);
    }
    const num = (v: unknown) => (v === null ? null : Number(v));
    expect(rows.map((r) => [r[0], num(r[2]), num(r[4]), num(r[6]), num(r[8])])).toEqual(engine);
  });
});
