// A 月份 cell holding a date under a format that shows only its year and month (`yyyy-mm` shows
// 2026-10-15 as 2026-10, `yyyy"年"m"月"` as 2026年10月) was refused as "`2026-10-15` is a day, not
// a month", naming a day the analyst could not find anywhere in the sheet. Such a cell is read as
// Excel shows it: its month. A date under a format that shows the day is refused as before.

import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { readTable } from '../../engine/data/index.js';
import { isMonthFormat } from '../../engine/data/xlsx-limits.js';
import { readValue } from '../../engine/data/values.js';

const text = (value: string) => ({ value, type: String });
const date = (value: string, format: string) => ({ value: new Date(`${value}T00:00:00Z`), type: Date, format });
const write = writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> };

async function cells(rows: unknown[][]): Promise<string[][]> {
  const bytes = new Uint8Array(await write([[text('工号'), text('月份')], ...rows]).toBuffer());
  const t = await readTable(bytes, 'm.xlsx');
  if (!t.ok) throw new Error('the workbook is read');
  return t.table.rows;
}

describe('a date cell shown as its month', () => {
  it('is read as that month under `yyyy-mm`, `yyyy"年"m"月"` and `mmm-yy`; a format with the day keeps the day', async () => {
    expect(
      await cells([
        [text('E1'), date('2026-10-15', 'yyyy-mm')],
        [text('E2'), date('2026-10-31', 'yyyy"年"m"月"')],
        [text('E3'), date('2026-10-01', 'mmm-yy')],
        [text('E4'), date('2026-10-15', 'yyyy-mm-dd')],
      ]),
    ).toEqual([
      ['E1', '2026-10'],
      ['E2', '2026-10'],
      ['E3', '2026-10'],
      ['E4', '2026-10-15'],
    ]);
  });
});

describe('isMonthFormat', () => {
  it('is a year and a month without a day, an hour or a second, quoted text aside', () => {
    expect(isMonthFormat('164', 'yyyy-mm')).toBe(true);
    expect(isMonthFormat('164', 'yyyy"年"m"月"')).toBe(true);
    expect(isMonthFormat('164', '[$-804]yyyy"年"mm"月"')).toBe(true);
    expect(isMonthFormat('17', '')).toBe(true);
    expect(isMonthFormat('14', '')).toBe(false);
    expect(isMonthFormat('164', 'yyyy-mm-dd')).toBe(false);
    expect(isMonthFormat('164', 'yyyy-mm-dd hh:mm')).toBe(false);
    expect(isMonthFormat('164', 'mm:ss')).toBe(false);
    expect(isMonthFormat('164', '0"月"')).toBe(false);
    // `d` inside quotes is text, not the day
    expect(isMonthFormat('164', 'yyyy-mm" (month end)"')).toBe(true);
  });
});

describe('a month in a number column', () => {
  it('is a date, not a number (it read as the range 2026 to 10)', () => {
    const r = readValue('2026-10', 'count', { ranges: 'low' });
    expect(r.ok ? r.value : r.why.reason).toBe('value_date');
    // a range of whole numbers is still a range
    const range = readValue('2000-3000', 'count', { ranges: 'low' });
    expect(range.ok ? range.value : range.why.reason).toBe(2000);
  });
});
