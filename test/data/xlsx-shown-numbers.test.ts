// A number cell's format can write more than the number: 1 under `"SV"0000` is SV0001 on screen, 1001
// under `000000` is 001001, 120 under `0"万"` is 120万. The reader read the number alone, so the id
// became `1` (joined to nobody, or to the wrong row) and 120万 plays became 120: a viral award lost
// where a CSV saved from the same sheet pays it. Such a cell is read as Excel shows it; a unit word
// (`0"次"`) or a format that scales the number itself (`0!.0,"万"`) leaves the stored number. And a
// date cell written as an ISO date (`t="d"`) is the date it writes, not a Date of the machine's zone.

import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { readTable, toRecords } from '../../engine/data/index.js';
import { shownNumber, shownText } from '../../engine/data/xlsx-limits.js';
import { studioContract, workbookWith, xlsxText } from '../builders.js';

const text = (value: string) => ({ value, type: String });
const num = (value: number, format?: string) => ({ value, type: Number, ...(format ? { format } : {}) });
const write = writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> };

async function cells(rows: unknown[][]): Promise<string[][]> {
  const bytes = new Uint8Array(await write([[text('工号'), text('播放量')], ...rows]).toBuffer());
  const t = await readTable(bytes, 'm.xlsx');
  if (!t.ok) throw new Error('the workbook is read');
  return t.table.rows;
}

describe('a number cell read as its format shows it', () => {
  it('ids padded or prefixed by their format are read as shown: SV0001, 001001', async () => {
    expect(
      await cells([
        [num(1, '"SV"0000'), num(5)],
        [num(1001, '000000'), num(6)],
      ]),
    ).toEqual([
      ['SV0001', '5'],
      ['001001', '6'],
    ]);
  });

  it('a figure shown with its scale is read with it: 120 under `0"万"` is 120万, 1.5 under `0.0"万"` is 1.5万', async () => {
    expect(
      await cells([
        [text('E1'), num(120, '0"万"')],
        [text('E2'), num(1.5, '0.0"万"')],
      ]),
    ).toEqual([
      ['E1', '120万'],
      ['E2', '1.5万'],
    ]);
  });

  it('a percent sign written as text (`0.0"%"`, `0.0\\%`, `0"％"`) is read as shown: 45.3 is 45.3%, 0.8 is 0.8%, not 80 %', async () => {
    expect(
      await cells([
        [text('E1'), num(45.3, '0.0"%"')],
        [text('E2'), num(0.8, '0.0"%"')],
        [text('E3'), num(0.453, '0.00\\%')],
        [text('E4'), num(12, '0"％"')],
      ]),
    ).toEqual([
      ['E1', '45.3%'],
      ['E2', '0.8%'],
      ['E3', '0.453%'],
      ['E4', '12％'],
    ]);
  });

  it('a unit word, a scaling format and a thousands format leave the stored number', async () => {
    expect(
      await cells([
        [text('E1'), num(12, '0"次"')],
        [text('E2'), num(154123, '0!.0,"万"')],
        [text('E3'), num(154123, '#,##0')],
      ]),
    ).toEqual([
      ['E1', '12'],
      ['E2', '154123'],
      ['E3', '154123'],
    ]);
  });
});

describe('shownNumber', () => {
  it('writes a negative value shown by the format’s own section for negatives with that section’s sign only', () => {
    // one section: Excel puts the minus sign; two: the second section writes its own sign, or none
    expect(shownNumber('0.0"%"', -5)).toBe('-5%');
    expect(shownNumber('0.0"%";-0.0"%"', -5)).toBe('-5%');
    expect(shownNumber('"+"0.0"%";"-"0.0"%"', -5)).toBe('-5%');
    expect(shownNumber('"+"0.0"%";"-"0.0"%"', 5)).toBe('+5%');
    expect(shownNumber('0.0"%";0.0"%"', -5)).toBe('5%');
    expect(shownNumber('0"万";-0"万"', -12)).toBe('-12万');
    // a tiny value in plain decimals, as the reader takes it (not `1e-7%`)
    expect(shownNumber('0.0"%"', 1e-7)).toBe('0.0000001%');
  });

  it('writes the number as the format shows it, or says nothing', () => {
    expect(shownNumber('"SV"0000', 12345)).toBe('SV12345');
    expect(shownNumber('"E-"000', 7)).toBe('E-007');
    expect(shownNumber('000000;-000000;"-"', 0)).toBeUndefined();
    expect(shownNumber('00', 5)).toBe('05');
    expect(shownNumber('0"w"', 3.5)).toBe('3.5w');
    // Excel shows a fraction under a whole-number format rounded: 2.4 is SV0002, 1.5 is SV0002
    expect(shownNumber('"SV"0000', 2.4)).toBe('SV0002');
    expect(shownNumber('"SV"0000', 1.5)).toBe('SV0002');
    expect(shownNumber('"SV"#0000_ ', 1)).toBe('SV0001');
    expect(shownNumber('#,##0"万"', 1234)).toBe('1234万');
    expect(shownNumber('General"万"', 12)).toBe('12万');
    expect(shownNumber('0"千"', 1)).toBe('1千');
    // a scale followed by a unit is shown so, and the value parser then refuses it as no number
    expect(shownNumber('0"万次"', 12)).toBe('12万次');
    expect(shownNumber('0"次"', 12)).toBeUndefined();
    // the scale however the format writes it: unquoted, after a space or a no-break space, escaped, under conditions
    for (const code of ['0万', '0" 万"', '0"\u00a0万"', '0\\ \\万', '#,##0万', '[>=100]0"万";0"万"'])
      expect([code, shownNumber(code, 120)]).toEqual([code, '120万']);
    // a scale no export writes, or words around it, is shown as it is, and then refused as no number
    expect(shownNumber('0"十万"', 12)).toBe('12十万');
    expect(shownNumber('"约"0"万"', 120)).toBe('约120万');
    // a time is no number with words around it
    expect(shownNumber('[h]:mm:ss', 0.5)).toBeUndefined();
    expect(shownNumber('mm:ss.0', 0.5)).toBeUndefined();
    expect(shownNumber('#,##0,"K"', 154123)).toBeUndefined();
    expect(shownNumber('"SV"0000', -1)).toBeUndefined();
    expect(shownNumber('0', 5)).toBeUndefined();
    expect(shownNumber('[Red]000', 5)).toBe('005');
  });
});

describe('shownText', () => {
  it('writes a text cell as its format shows it: `"SV"@` shows 0001 as SV0001, `@"千"` shows 1 as 1千', () => {
    expect(shownText('"SV"@', '0001')).toBe('SV0001');
    expect(shownText('@"千"', '1')).toBe('1千');
    expect(shownText('0;-0;0;"SV"@', '0001')).toBe('SV0001');
    expect(shownText('@', '0001')).toBeUndefined();
    expect(shownText('0.00', '0001')).toBeUndefined();
  });
});

describe('a date cell written as an ISO date (`t="d"`)', () => {
  it('is the date it writes in any time zone: 2026-10-01, not 2026-09-30 16:00 in Shanghai', async () => {
    const bytes = await workbookWith(
      [
        [xlsxText('工号'), xlsxText('月份'), xlsxText('时间')],
        [xlsxText('E1'), xlsxText('X'), xlsxText('Y')],
      ],
      {
        sheet: (xml) =>
          xml
            .replace(/<c r="B2"[^>]*>[\s\S]*?<\/c>/, '<c r="B2" t="d"><v>2026-10-01T00:00:00</v></c>')
            .replace(/<c r="C2"[^>]*>[\s\S]*?<\/c>/, '<c r="C2" t="d"><v>2026-10-02T08:30:00Z</v></c>'),
      },
    );
    const zone = process.env.TZ;
    try {
      for (const tz of ['Asia/Shanghai', 'America/New_York', 'UTC']) {
        process.env.TZ = tz;
        const t = await readTable(bytes, 'm.xlsx');
        expect([tz, t.ok ? t.table.rows : t.diagnostics]).toEqual([tz, [['E1', '2026-10-01', '2026-10-02 08:30:00']]]);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

// A duration column under `0.0"分钟"` shows 2.2 as 2.2分钟 (132 seconds), and a CSV saved from the
// sheet is read as 132 s; the workbook was read as 2.2 s, a host's average watch time 60 times too
// short (breaker 128). A traditional 萬 or 億 (`0"萬"`: 120萬 plays on screen) was read as the bare
// number too, losing a viral award, where the CSV's 120萬 is refused.
describe('a number cell whose format writes a word of time or a traditional scale', () => {
  const seconds = async (rows: unknown[][]) => {
    const header = ['工号', '姓名', '岗位', '团队', '阶段', '月份', '违规次数', '平均响应时长', '上级评分'].map(text);
    const bytes = new Uint8Array(await write([header, ...rows]).toBuffer());
    const t = await readTable(bytes, 'm.xlsx');
    if (!t.ok) throw new Error('the workbook is read');
    return toRecords(t.table, studioContract(), { file: 'm.xlsx' });
  };
  const person = (id: string) => [...[id, '张三', '客服', '一组', '初创期', '2026-10'].map(text), num(0)];

  it('is read as shown: 2.2 under `0.0"分钟"` is 2.2分钟, 0.04 under `0.00"小时"` 0.04小时, 120 under `0"萬"` 120萬', async () => {
    expect(
      await cells([
        [text('E1'), num(2.2, '0.0"分钟"')],
        [text('E2'), num(0.04, '0.00"小时"')],
        [text('E3'), num(2.05, '0.00"分"')],
        [text('E4'), num(45, '0"秒"')],
        [text('E5'), num(120, '0"萬"')],
        [text('E6'), num(1.5, '0.0"億"')],
      ]),
    ).toEqual([
      ['E1', '2.2分钟'],
      ['E2', '0.04小时'],
      ['E3', '2.05分'],
      ['E4', '45秒'],
      ['E5', '120萬'],
      ['E6', '1.5億'],
    ]);
  });

  it('a seconds column reads minutes and hours as seconds: 132, 144 and 123 s; a rating under `0"分"` is its points', async () => {
    const r = await seconds([
      [...person('E1'), num(2.2, '0.0"分钟"'), num(85, '0"分"')],
      [...person('E2'), num(0.04, '0.00"小时"'), num(90, '0"分"')],
      [...person('E3'), num(2.05, '0.00"分"'), num(70, '0')],
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => [x.employee_id, x.metrics.wait, x.metrics.rating])).toEqual([
      ['E1', 132, 85],
      ['E2', 144, 90],
      ['E3', 123, 70],
    ]);
  });

  // the words of time that go on (`分钟/人`), are bracketed, traditional, or name a unit the
  // duration reader does not know: refused, never read as so many seconds (breaker 129)
  it.each([
    ['0.00"分鐘"', 2.25, '2.25分鐘'],
    ['0.00"分钟/人"', 2.25, '2.25分钟/人'],
    ['0.00"(分钟)"', 2.25, '2.25(分钟)'],
    ['0.0"小时/场"', 0.5, '0.5小时/场'],
    ['0"毫秒"', 134000, '134000毫秒'],
  ])('a seconds cell under `%s` is refused as shown', async (format, value, shown) => {
    const r = await seconds([[...person('E1'), num(value, format), num(80)]]);
    expect(r.excluded.flatMap((x) => x.reasons.map((d) => [d.code, d.cell?.value]))).toEqual([
      ['data_not_a_number', shown],
    ]);
  });

  it('a count of days under `0"天"` (出勤天数) is the number: days are no word of time here (breaker 131)', async () => {
    expect(await cells([[text('E1'), num(22, '0"天"')]])).toEqual([['E1', '22']]);
  });

  it('a count under `0"萬"` is refused as the CSV`s 120萬 is, naming the cell as shown', async () => {
    const bytes = new Uint8Array(
      await write([
        ['工号', '姓名', '岗位', '团队', '阶段', '月份', '违规次数', '发布视频数', '完播率', '上级评分'].map(text),
        [
          ...['E1', '张三', '编导', '一组', '初创期', '2026-10'].map(text),
          num(0),
          num(120, '0"萬"'),
          num(0.4),
          num(80),
        ],
      ]).toBuffer(),
    );
    const t = await readTable(bytes, 'm.xlsx');
    if (!t.ok) throw new Error('the workbook is read');
    const r = toRecords(t.table, studioContract(), { file: 'm.xlsx' });
    expect(r.excluded.flatMap((x) => x.reasons.map((d) => [d.code, d.cell?.value]))).toEqual([
      ['data_not_a_number', '120萬'],
    ]);
  });
});
