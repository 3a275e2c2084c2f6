// A workbook of a month per sheet (`9月`, then `10月`) read without --sheet was read from its first
// sheet, September, and scored and paid as October without a word. Which sheet holds this month
// cannot be told, so such a workbook is refused, naming the sheets; a hidden sheet (never read
// unless named) and a sheet without the header (a summary, a 说明) do not count.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { readTable, toRecords } from '../../engine/data/index.js';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';
import { videosAndViolationsContract } from '../builders.js';
import { yardstick } from '../yardstick.js';

const contract = videosAndViolationsContract();
const text = (value: string) => ({ value, type: String });
const HEADER = ['工号', '姓名', '岗位', '团队', '阶段', '违规次数', '发布视频数'];

/** A workbook of these sheets, each the header and one row whose 发布视频数 is `videos`; `hidden` sheets are hidden. */
async function workbook(sheets: { sheet: string; videos?: string; data?: string[][] }[], hidden: string[] = []) {
  const write = writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> };
  const parts = unzipSync(
    new Uint8Array(
      await write(
        sheets.map((s) => ({
          sheet: s.sheet,
          data: (s.data ?? [HEADER, ['E1', '张三', '编导', '一组', '初创期', '0', s.videos ?? '30']]).map((r) =>
            r.map(text),
          ),
        })),
      ).toBuffer(),
    ),
  );
  const xml = strFromU8(parts['xl/workbook.xml'] as Uint8Array);
  let edited = xml;
  for (const name of hidden) edited = edited.replace(`name="${name}"`, `name="${name}" state="hidden"`);
  expect(edited === xml).toBe(hidden.length === 0);
  parts['xl/workbook.xml'] = strToU8(edited);
  return zipSync(parts);
}

async function read(bytes: Uint8Array, sheet?: string) {
  const t = await readTable(bytes, '绩效.xlsx', sheet ? { sheet } : {});
  if (!t.ok) throw new Error(t.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return toRecords(t.table, contract, { file: '绩效.xlsx', period: '2026-10' });
}

describe('a workbook with the data on several sheets', () => {
  it('is refused without --sheet, naming the sheet read and the others with the header', async () => {
    const r = await read(await workbook([{ sheet: '9月', videos: '12' }, { sheet: '10月' }, { sheet: '8月' }]));
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      '绩效.xlsx:1: error[data_xlsx_other_sheet]: the first sheet `9月` was read, and other sheets have a header of this data too (`10月`, `8月`): which one holds this month cannot be told\n' +
        '  help: name the sheet that holds this month: `--sheet NAME` (in a data mapping, `sheet: NAME`), or keep one month per workbook',
    ]);
  });

  it('reads the sheet named, whichever it is', async () => {
    const bytes = await workbook([{ sheet: '9月', videos: '12' }, { sheet: '10月' }]);
    const r = await read(bytes, '10月');
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => [x.employee_id, x.metrics.videos])).toEqual([['E1', 30]]);
    expect((await read(bytes, '9月')).records.map((x) => x.metrics.videos)).toEqual([12]);
  });

  it('reads the first sheet when the others are hidden, or hold no header of the data', async () => {
    const hidden = await workbook([{ sheet: '10月' }, { sheet: '9月', videos: '12' }], ['9月']);
    const h = await read(hidden);
    expect(h.diagnostics.map((d) => d.code)).toEqual([]);
    expect(h.records.map((x) => x.metrics.videos)).toEqual([30]);
    const notes = await workbook([
      { sheet: '10月' },
      { sheet: '说明', data: [['本表为 10 月数据'], ['工号', '备注']] },
    ]);
    const r = await read(notes);
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => x.metrics.videos)).toEqual([30]);
  });

  // the sheet named has the header and lacks only 月份 (no period given): it was said to have "no
  // header of this data", with another sheet named as the one that has it
  it('a sheet named that has the header but no 月份 is told only that 月份 is missing', async () => {
    const t = await readTable(await workbook([{ sheet: '9月', videos: '12' }, { sheet: '10月' }]), '绩效.xlsx', {
      sheet: '10月',
    });
    if (!t.ok) throw new Error('the workbook reads');
    const r = toRecords(t.table, contract, { file: '绩效.xlsx' });
    expect(r.diagnostics.map((d) => formatDiagnostic(d).split('\n')[0])).toEqual([
      '绩效.xlsx:1: error[data_missing_column]: the file has no `月份` (period) column',
    ]);
  });

  it('run refuses it with exit 1 and runs with --sheet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-sheets-'));
    const file = join(dir, '绩效.xlsx');
    const sample = await readTable(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'sample.csv');
    if (!sample.ok) throw new Error('the sample month reads');
    // the sample's header and SV0003 (编导) without the 月份 column (F): its 发布视频数 (G) is 18
    const month = 5;
    const header = sample.table.header.filter((_, i) => i !== month);
    const person = sample.table.rows[2]!.filter((_, i) => i !== month);
    expect([header[5], person[0], person[5]]).toEqual(['发布视频数', 'SV0003', '18']);
    const rows = (videos: string) => [header, [...person.slice(0, 5), videos, ...person.slice(6)]];
    writeFileSync(
      file,
      await workbook([
        { sheet: '9月', data: rows('12') },
        { sheet: '10月', data: rows('18') },
      ]),
    );
    const refused = await yardstick('run', 'policies/short-video-team.yaml', '--data', file, '--period', '2026-10');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      '绩效.xlsx:1: error[data_xlsx_other_sheet]: the first sheet `9月` was read, and other sheets have a header of this data too (`10月`): which one holds this month cannot be told\n',
    );
    const named = await yardstick(
      'run',
      'policies/short-video-team.yaml',
      ...['--data', file, '--period', '2026-10', '--sheet', '10月', '--format', 'json'],
    );
    expect(named.stderr).toBe('');
    expect(named.code).toBe(0);
    const cards = (JSON.parse(named.stdout) as { scorecards: { employee_id: string }[] }).scorecards;
    expect(cards.map((c) => c.employee_id)).toEqual(['SV0003']);
  });

  // a mapping's export need not have every field (工号 and metrics): a sheet laid out as the one
  // read, header for header, is the same data of another month
  it('a mapping’s export of a month per sheet is refused without `sheet:`, read with it', async () => {
    const sample = await readTable(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'sample.csv');
    if (!sample.ok) throw new Error('the sample month reads');
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-sheets-'));
    const [header, person] = [sample.table.header, sample.table.rows[2]!];
    writeFileSync(join(dir, '花名册.csv'), `${header.slice(0, 5).join(',')}\n${person.slice(0, 5).join(',')}\n`);
    // 工号 and the metrics (from 发布视频数, G): September's sheet first, with 12 videos, October's with 18
    const metrics = (videos: string) => [
      [header[0]!, ...header.slice(6)],
      [person[0]!, videos, ...person.slice(7)],
    ];
    expect(metrics('18')[0]?.slice(0, 2)).toEqual(['工号', '发布视频数']);
    writeFileSync(
      join(dir, '指标.xlsx'),
      await workbook([
        { sheet: '9月', data: metrics('12') },
        { sheet: '10月', data: metrics('18') },
      ]),
    );
    const mapping = (sheet: string) =>
      `period: 2026-10\nroster: { file: 花名册.csv }\nsources:\n  - file: 指标.xlsx\n${sheet}`;
    writeFileSync(join(dir, 'm.data.yaml'), mapping(''));
    const refused = await yardstick('run', 'policies/short-video-team.yaml', '--data', join(dir, 'm.data.yaml'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      '指标.xlsx:1: error[data_xlsx_other_sheet]: the first sheet `9月` was read, and other sheets have a header of this data too (`10月`)',
    );
    writeFileSync(join(dir, 'm.data.yaml'), mapping('    sheet: 10月\n'));
    const named = await yardstick(
      'run',
      'policies/short-video-team.yaml',
      ...['--data', join(dir, 'm.data.yaml'), '--format', 'json'],
    );
    expect(named.stderr).toBe('');
    expect(named.code).toBe(0);
    const cards = (JSON.parse(named.stdout) as { scorecards: { employee_id: string }[] }).scorecards;
    expect(cards.map((c) => c.employee_id)).toEqual(['SV0003']);
  });
});
