// `yardstick data sql` on a text export with title rows above the header: the printed SQL skips the
// lines the run skips (the header found as the run finds it), so it runs unchanged in DuckDB and
// gives the engine's numbers. Computed by hand.

import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { folder } from './build.js';

const ROSTER = '工号,姓名,岗位,团队,阶段\nE1,甲,编导,一组,startup\nE2,乙,编导,一组,startup\nE3,丙,编导,一组,startup\n';
const SESSIONS = [
  '10月直播场次明细',
  '导出人：HR',
  '工号,开播时间,观看人数',
  'E1,2026-10-02 10:00,100',
  'E1,2026-10-03 10:00,250',
  'E2,2026-10-04 10:00,40',
  'E2,2026-09-30 10:00,999', // September: not counted
  '',
].join('\n');
const MAPPING = (extra = '') =>
  `period: 2026-10\nroster: { file: roster.csv }\nevents:\n  - file: s.csv\n    time: 开播时间\n${extra}    metrics:\n      n: { agg: count }\n      viewers: { agg: sum, column: 观看人数 }\n`;

async function inDuckDB(dir: string, sql: string): Promise<[string, number, number][]> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const rows = (await db.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
    return rows.map((r) => [String(r.k), Number(r.n), Number(r.viewers)]);
  } finally {
    process.chdir(cwd);
  }
}

async function engine(file: string): Promise<[string, number, number][]> {
  const r = await yardstick('data', 'sql', file, '--explain', '--format', 'json');
  expect(r.code).toBe(0);
  const reports = JSON.parse(r.stdout) as {
    aggregates: { key: string; values: Record<string, { value: string }> }[];
  }[];
  return reports[0]!.aggregates.map((a) => [a.key, Number(a.values.n!.value), Number(a.values.viewers!.value)]);
}

describe('data sql on a CSV whose header is below two title rows', () => {
  it('skips the two title lines the run skips, says so, and DuckDB gives the engine’s numbers', async () => {
    const dir = folder({ 'roster.csv': ROSTER, 's.csv': SESSIONS, 'm.yaml': MAPPING() });
    const printed = await yardstick('data', 'sql', join(dir, 'm.yaml'));
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(
      '-- the header was found on row 3: the 2 line(s) above it are skipped (`header_row: 3` says it in the mapping)',
    );
    expect(printed.stdout).toContain("read_csv('s.csv', header = true, skip = 2, all_varchar = true");
    // by hand: E1 2 sessions, 100 + 250 = 350 viewers; E2 1 October session, 40 (September's 999 left out)
    expect(await engine(join(dir, 'm.yaml'))).toEqual([
      ['E1', 2, 350],
      ['E2', 1, 40],
    ]);
    expect(await inDuckDB(dir, printed.stdout)).toEqual([
      ['E1', 2, 350],
      ['E2', 1, 40],
    ]);
  });

  it('finds the header of a GBK file too (the file must be converted to UTF-8 to run it yourself)', async () => {
    const dir = folder({
      'roster.csv': ROSTER,
      's.csv': new Uint8Array(iconv.encode(SESSIONS, 'gbk')),
      'm.yaml': MAPPING('    encoding: gbk\n'),
    });
    const printed = await yardstick('data', 'sql', join(dir, 'm.yaml'));
    expect(printed.stdout).toContain("read_csv('s.csv', header = true, skip = 2,");
    expect(printed.stdout).toContain('-- the file is GBK: DuckDB reads UTF-8 only, convert it first');
  });

  it('keeps the first line as the header when it is one, with no note', async () => {
    const plain = SESSIONS.split('\n').slice(2).join('\n');
    const dir = folder({ 'roster.csv': ROSTER, 's.csv': plain, 'm.yaml': MAPPING() });
    const printed = await yardstick('data', 'sql', join(dir, 'm.yaml'));
    expect(printed.stdout).toContain("read_csv('s.csv', header = true, all_varchar = true");
    expect(printed.stdout).not.toContain('-- the header');
    expect(await inDuckDB(dir, printed.stdout)).toEqual([
      ['E1', 2, 350],
      ['E2', 1, 40],
    ]);
  });
});
