// An export whose 工号 column went through pandas (a column with a gap becomes float: `1001.0`)
// matched nobody in the roster, with the hint for any unknown key, "check the key, or add the person
// to the roster": the analyst looked for a missing person. The row is now said to hold no id but a
// number with a decimal point, as a data file's own `1001.0` is (`data_bad_id.decimal`), with the fix.
// It is still joined to nobody: `1001.0` is not read as `1001`.

import { describe, expect, it } from 'vitest';
import { joinSources, type Table } from '../../engine/data/index.js';

const table = (header: string[], ...rows: string[][]): Table => ({
  header,
  rows,
  rowNumbers: rows.map((_, i) => i + 2),
});

const roster = { file: '花名册.csv', table: table(['工号', '姓名'], ['1001', '张三'], ['1002', '李四']) };

describe('an export key written as a decimal number', () => {
  it('`1001.0` joins nobody and says why; `1002` joins 李四', () => {
    const review = { file: '评审.csv', table: table(['工号', '评分'], ['1001.0', '80'], ['1002', '70']) };
    const r = joinSources(roster, [review]);
    expect(r.table.rows).toEqual([
      ['1001', '张三', ''],
      ['1002', '李四', '70'],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.message, d.help, d.file, d.cell])).toEqual([
      [
        'data_bad_id',
        'warning',
        '`1001.0` is not an employee id but a number with a decimal point',
        'the id column was turned into decimal numbers on export: write the ids as text, as the roster writes them (`1001`, not `1001.0`); in Excel format the column as text, in pandas read it with dtype=str',
        '评审.csv',
        { row: 2, column: '工号', value: '1001.0' },
      ],
      [
        'data_no_data',
        'warning',
        '`1001` has no row in `评审.csv`',
        expect.any(String),
        '花名册.csv',
        expect.anything(),
      ],
    ]);
  });
});
