// A number format can show nothing: `;;;` (a trick to hide a cell's value without hiding its column)
// shows an empty cell, yet the value is in the file and every reader gets it. A 违规次数 of 2 so
// formatted vetoed a director's bonus while the sheet showed nothing. A cell whose format hides its
// value, in a column that is read, refuses the sheet; a zero shown as nothing (`0;-0;;@`, Excel's way
// to hide zeros) is read as the 0 it is.

import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { readTable, toRecords } from '../../engine/data/index.js';
import { formatHides } from '../../engine/data/xlsx-limits.js';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';
import { dataContract } from '../builders.js';

const text = (value: string) => ({ value, type: String });
const num = (value: number, format?: string) => ({ value, type: Number, ...(format ? { format } : {}) });
const write = writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> };

/** One 编导 per row: 工号, then 播放量 and an unread 辅助 column as given. */
async function workbook(rows: [string, unknown, unknown][]): Promise<Uint8Array> {
  const header = ['工号', '姓名', '岗位', '团队', '阶段', '月份', '播放量', '辅助'].map(text);
  const body = rows.map(([id, plays, helper]) => [
    ...[id, '张三', '编导', '一组', '初创期', '2026-10'].map(text),
    plays,
    helper,
  ]);
  return new Uint8Array(await write([header, ...body]).toBuffer());
}

const contract = dataContract({
  metrics: { plays: { label: '播放量', unit: 'count' } },
  roles: { director: '编导' },
  stages: { startup: '初创期' },
});

async function records(bytes: Uint8Array) {
  const table = await readTable(bytes, 'm.xlsx');
  if (!table.ok) throw new Error('the table itself is read');
  return toRecords(table.table, contract, { file: 'm.xlsx' });
}

describe('a workbook cell whose number format shows nothing', () => {
  it('1200 plays formatted `;;;` refuse the sheet at the cell, naming the format', async () => {
    const r = await records(
      await workbook([
        ['E1', num(900), num(1)],
        ['E2', num(1200, ';;;'), num(2)],
        ['E3', num(1300, ';;;'), num(3)],
      ]),
    );
    expect(r.records).toEqual([]);
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'm.xlsx:3: error[data_xlsx_unreadable]: 2 cell(s) hold data that Excel shows as nothing: the number format `;;;` hides the value, but it would be read\n' +
        '  at sheet `Sheet1`, row 3, column `播放量`, value `1200`\n' +
        '  help: give the cells a number format that shows their value (Format Cells → General), check them, and save: a value nobody sees would feed the results',
    ]);
    expect(formatDiagnostic(r.diagnostics[0]!, 'zh').split('\n')[0]).toBe(
      'm.xlsx:3: error[data_xlsx_unreadable]: 有 2 个单元格含有数据，但在 Excel 中显示为空：数字格式 `;;;` 隐藏了值，但它会被读取',
    );
  });

  it('a negative figure under `0;;` (no negative section) is refused too', async () => {
    const r = await records(await workbook([['E1', num(-5, '0;;'), num(1)]]));
    expect(r.diagnostics.map((d) => [d.code, d.cell?.value])).toEqual([['data_xlsx_unreadable', '-5']]);
  });

  it('a column that is not read (辅助) may hide its values: the sheet is read', async () => {
    const r = await records(await workbook([['E1', num(900), num(7, ';;;')]]));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['data_unknown_column']);
    expect(r.records.map((x) => x.metrics)).toEqual([{ plays: 900 }]);
  });

  it('a zero shown as nothing (`0;-0;;@`) is read as 0; a positive figure under it shows, and is read', async () => {
    const r = await records(
      await workbook([
        ['E1', num(0, '0;-0;;@'), num(1)],
        ['E2', num(5, '0;-0;;@'), num(1)],
      ]),
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['data_unknown_column']);
    expect(r.records.map((x) => x.metrics)).toEqual([{ plays: 0 }, { plays: 5 }]);
  });
});

describe('formatHides: a number format section that is empty but for a colour or a locale', () => {
  it('reads the sections a value falls in, outside quotes, brackets and escapes', () => {
    expect(['positive', 'negative', 'text'].map((k) => formatHides(';;;', k as 'text'))).toEqual([true, true, true]);
    expect(formatHides('[Red];[Blue];', 'positive')).toBe(true);
    expect(formatHides('0;-0;;@', 'positive')).toBe(false);
    expect(formatHides('0;-0;;@', 'text')).toBe(false);
    expect(formatHides('0;-0;0;', 'text')).toBe(true);
    // one section serves the negative numbers too; a text shows when there is no fourth section
    expect(formatHides('0.0', 'negative')).toBe(false);
    expect(formatHides('0;', 'negative')).toBe(true);
    expect(formatHides('0;;', 'text')).toBe(false);
    // a `;` quoted, escaped or in brackets divides nothing
    expect(formatHides('"a;b";0', 'positive')).toBe(false);
    expect(formatHides('0\\;;0', 'positive')).toBe(false);
    // the general format, and a format with conditions, are not judged
    expect(formatHides('', 'positive')).toBe(false);
    expect(formatHides('[>100];0', 'positive')).toBe(false);
  });
});
