// A workbook of one 编导 per row (工号, then 播放量 and an unread 辅助 column as given), the contract
// that reads it, and its records: the sheets the tests of cells Excel does not show are built on.

import writeXlsxFile from 'write-excel-file/node';
import { readTable, toRecords } from '../../engine/data/index.js';
import { dataContract } from '../builders.js';

export const text = (value: string) => ({ value, type: String });
const write = writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> };

/** One 编导 per row: 工号, then 播放量 and an unread 辅助 column as given. */
export async function workbook(rows: [string, unknown, unknown][]): Promise<Uint8Array> {
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

/** The workbook's records and diagnostics, read as `m.xlsx`. */
export async function records(bytes: Uint8Array) {
  const table = await readTable(bytes, 'm.xlsx');
  if (!table.ok) throw new Error('the table itself is read');
  return toRecords(table.table, contract, { file: 'm.xlsx' });
}
