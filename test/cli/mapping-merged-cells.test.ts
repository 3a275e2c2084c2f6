// A data mapping's roster or export that is a workbook with cells merged down several rows (a 团队
// over its members) is refused at the range, as a data file is: joined, the rows below the first
// had no team.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { yardstick } from '../yardstick.js';

const text = (value: string) => ({ value, type: String });
const write = writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> };

describe('a data mapping with merged cells in a workbook', () => {
  it('refuses the roster at the merged range (exit 1), naming file, sheet, row, column and value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-merged-'));
    const rows = [
      ['工号', '姓名', '岗位', '团队', '阶段', '评分'],
      ['E1', '张三', '员工', '一组', '初创期', '80'],
      ['E2', '李四', '员工', '', '初创期', '70'],
    ].map((r) => r.map(text));
    const parts = unzipSync(new Uint8Array(await write(rows).toBuffer()));
    const sheet = 'xl/worksheets/sheet1.xml';
    parts[sheet] = strToU8(
      strFromU8(parts[sheet] as Uint8Array).replace(
        '</sheetData>',
        '</sheetData><mergeCells count="1"><mergeCell ref="D2:D3"/></mergeCells>',
      ),
    );
    writeFileSync(join(dir, '花名册.xlsx'), zipSync(parts));
    const mapping = join(dir, 'month.data.yaml');
    writeFileSync(mapping, 'period: 2026-10\nroster: { file: 花名册.xlsx }\nsources: []\n');
    const r = await yardstick('run', 'docs/worked-example.yaml', '--data', mapping, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      '花名册.xlsx:2: error[data_xlsx_unreadable]: the cells D2:D3 are merged: Excel shows `一组` on rows 2 to 3, but only row 2 holds it',
      '  at sheet `Sheet1`, row 2, column `团队`, value `一组`',
      '  help: unmerge the cells and write the value in every row it is meant for (Excel: Merge & Center off, then fill down with Ctrl+D): a row below would be read as empty',
    ]);
  });
});
