// Excel stores a typed `33.1%` as the number 0.331 with a percent format, and shows `33.1%`. The
// workbook reader read the number alone, so a metric (or a mapping's column) with `ratio_format:
// percent_points` took it for 0.331 percent points, 0.00331: a director's 33.1 % completion scored as
// none, silently. A number cell shown as a percentage is read as the text Excel shows, `33.1%`, which
// every ratio reads as 0.331 whatever its `ratio_format`.

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { readTable, toRecords } from '../../engine/data/index.js';
import { dataContract } from '../builders.js';

const text = (value: string) => ({ value, type: String });
const num = (value: number, format?: string) => ({ value, type: Number, ...(format ? { format } : {}) });
const write = writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> };

/** A workbook of one 编导 per row: 工号, then 完播率 and 播放量 cells as given. */
async function workbook(rows: [string, unknown, unknown][]): Promise<Uint8Array> {
  const header = ['工号', '姓名', '岗位', '团队', '阶段', '月份', '完播率', '播放量'].map(text);
  const body = rows.map(([id, rate, plays]) => [
    ...[id, '张三', '编导', '一组', '初创期', '2026-10'].map(text),
    rate,
    plays,
  ]);
  return new Uint8Array(await write([header, ...body]).toBuffer());
}

const contract = (ratioFormat?: 'percent_points') =>
  dataContract({
    metrics: {
      rate: { label: '完播率', unit: 'ratio', ...(ratioFormat ? { ratio_format: ratioFormat } : {}) },
      plays: { label: '播放量', unit: 'count' },
    },
    roles: { director: '编导' },
    stages: { startup: '初创期' },
  });

async function read(bytes: Uint8Array, ratioFormat?: 'percent_points') {
  const table = await readTable(bytes, 'm.xlsx');
  if (!table.ok) throw new Error('unreadable');
  return { table: table.table, records: toRecords(table.table, contract(ratioFormat), { file: 'm.xlsx' }) };
}

describe('number cells of a workbook shown as a percentage', () => {
  it('0.331 formatted `0.0%` is the cell `33.1%`, read as 0.331 in a percent-points column (not 0.00331)', async () => {
    const { table, records } = await read(await workbook([['E1', num(0.331, '0.0%'), num(1200)]]), 'percent_points');
    expect(table.rows[0]?.slice(6)).toEqual(['33.1%', '1200']);
    expect(records.excluded).toEqual([]);
    expect(records.records[0]?.metrics).toEqual({ rate: 0.331, plays: 1200 });
  });

  it('is read as 0.331 in a fraction column too, as before', async () => {
    const { records } = await read(await workbook([['E1', num(0.331, '0.0%'), num(1200)]]));
    expect(records.records[0]?.metrics).toEqual({ rate: 0.331, plays: 1200 });
  });

  it('keeps every digit the cell holds, whatever the format shows: 0.33145 under `0%` is `33.145%`', async () => {
    const { table } = await read(
      await workbook([
        ['E1', num(0.33145, '0%'), num(1)],
        ['E2', num(1.25, '0.00%'), num(2)],
        ['E3', num(0.0000012, '0.0%'), num(3)],
        ['E4', num(0, '0%'), num(4)],
        ['E5', num(0.1 + 0.2, '0%'), num(5)],
      ]),
    );
    // 0.1 + 0.2 is 0.30000000000000004, shown by Excel (15 significant digits) as 30%
    expect(table.rows.map((r) => r[6])).toEqual(['33.145%', '125%', '0.00012%', '0%', '30%']);
  });

  it('Excel’s built-in percent formats (numFmtId 9 `0%` and 10 `0.00%`) are percentages', async () => {
    // the sheet's cells given the built-in styles as Excel writes them: style 1 is numFmtId 9, style 2 is 10
    const parts = unzipSync(
      await workbook([
        ['E1', num(0.4), num(5)],
        ['E2', num(0.45), num(6)],
      ]),
    );
    const styles = strFromU8(parts['xl/styles.xml'] as Uint8Array).replace(
      /<cellXfs count="\d+">[\s\S]*?<\/cellXfs>/,
      '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
    );
    parts['xl/styles.xml'] = strToU8(styles);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array)
      .replace(/<c r="G2"( s="\d+")?/, '<c r="G2" s="1"')
      .replace(/<c r="G3"( s="\d+")?/, '<c r="G3" s="2"');
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet);
    const { table } = await read(zipSync(parts));
    expect(table.rows.map((r) => r.slice(6))).toEqual([
      ['40%', '5'],
      ['45%', '6'],
    ]);
  });

  it('a `%` that is quoted or escaped in the format does not scale: 12 formatted `0"%"` is `12%` as shown (not 1200%), refused in a count column as a CSV of the sheet is', async () => {
    const { table, records } = await read(
      await workbook([
        ['E1', num(0.5), num(12, '0"%"')],
        ['E2', num(0.5), num(13, '0\\%')],
      ]),
    );
    expect(table.rows.map((r) => r[7])).toEqual(['12%', '13%']);
    expect(records.records).toEqual([]);
    expect(records.excluded.map((x) => x.reasons.map((d) => [d.code, d.cell?.column, d.cell?.value]))).toEqual([
      [['data_not_a_number', '播放量', '12%']],
      [['data_not_a_number', '播放量', '13%']],
    ]);
  });

  it('a percent cell in a column of percent points beside a plain 33.1 is no mix: both are 33.1 %', async () => {
    const { records } = await read(
      await workbook([
        ['E1', num(33.1), num(1)],
        ['E2', num(0.331, '0.0%'), num(2)],
      ]),
      'percent_points',
    );
    expect(records.excluded).toEqual([]);
    expect(records.records.map((r) => r.metrics.rate)).toEqual([0.331, 0.331]);
  });
});
