// The sample month as HR receives it: one UTF-8 CSV with BOM, the same as GBK CSV and as an Excel
// workbook, and split into a roster, a GBK creator back-office export keyed by account name and an
// internal-review workbook, joined by a data mapping. Every form gives the same records.

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPolicy } from '../../engine/index.js';
import type { RecordsResult } from '../../engine/data/index.js';
import { readDataFile } from '../../node/cli/pipeline.js';
import { compiledPolicy } from '../builders.js';

const DIR = 'examples/exports-2026-10';
let policy: CompiledPolicy;

beforeAll(() => {
  policy = compiledPolicy(readFileSync('policies/short-video-team.yaml', 'utf8'), 'short-video-team.yaml');
});

const comparable = (r: RecordsResult) => ({
  records: r.records.map(({ source: _source, ...rest }) => rest),
  excluded: r.excluded.map((x) => [x.employee_id, x.reasons.map((d) => [d.code, d.cell?.column, d.cell?.value])]),
});

describe('the sample month in every form', () => {
  it('UTF-8 with BOM, GBK and XLSX give identical records', async () => {
    const utf8 = await readDataFile('examples/sample-2026-10.csv', policy);
    expect(utf8.records).toHaveLength(198);
    expect(comparable(await readDataFile(`${DIR}/sample-gbk.csv`, policy))).toEqual(comparable(utf8));
    expect(comparable(await readDataFile(`${DIR}/sample.xlsx`, policy))).toEqual(comparable(utf8));
  });

  it('three exports joined by the data mapping give the same records as the single file', async () => {
    const utf8 = await readDataFile('examples/sample-2026-10.csv', policy);
    const joined = await readDataFile(`${DIR}/month.data.yaml`, policy);
    expect(comparable(joined)).toEqual(comparable(utf8));
  });

  it('reports the export row that matches nobody, and nothing else', async () => {
    const joined = await readDataFile(`${DIR}/month.data.yaml`, policy);
    expect(joined.diagnostics).toEqual([
      {
        code: 'data_unmatched_row',
        severity: 'warning',
        message: 'row matches nobody in the roster: `@已离职账号_9999`',
        help: 'check the key, or add the person to the roster `花名册.xlsx`',
        file: '创作者后台导出.csv',
        cell: { row: 202, column: '账号名称', value: '@已离职账号_9999' },
      },
    ]);
  });

  it('a bad cell is reported where it is in its own file, not in the joined table', async () => {
    const joined = await readDataFile(`${DIR}/month.data.yaml`, policy);
    const sv55 = joined.excluded.find((x) => x.employee_id === 'SV0055')!;
    expect(sv55.reasons).toEqual([
      {
        code: 'data_not_a_number',
        severity: 'error',
        message: '`12..5` is not a number',
        help: 'write a number such as 1234, 1,234, 1.2万 or 3.5w',
        file: '创作者后台导出.csv',
        cell: { row: 56, column: '发布视频数', value: '12..5' },
      },
    ]);
  });

  it('an XLSX bad cell names the workbook, row and column', async () => {
    const xlsx = await readDataFile(`${DIR}/sample.xlsx`, policy);
    expect(xlsx.excluded.find((x) => x.employee_id === 'SV0055')!.reasons[0]).toMatchObject({
      file: `${DIR}/sample.xlsx`,
      cell: { sheet: '十月', row: 56, column: '发布视频数', value: '12..5' },
    });
  });
});
