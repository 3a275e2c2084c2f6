// Exports arrive in UTF-8, UTF-8 with BOM, or GBK from Excel on Chinese Windows: all read the same.

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, readRecords } from '../../engine/data/index.js';
import { dataContract } from '../builders.js';

const CSV =
  '工号,姓名,岗位,团队,阶段,月份,完播率,播放量\nE1,张三,编导,短视频一组,初创期,2026-10,45.3%,1.2万\nE2,李四,编导,短视频二组,成熟期,2026-10,40%,"3,500"\n';

const contract = dataContract({
  metrics: { completion: { label: '完播率', unit: 'ratio' }, plays: { label: '播放量', unit: 'count' } },
  roles: { director: '编导' },
  stages: { startup: '初创期', mature: '成熟期' },
});

const utf8 = new TextEncoder().encode(CSV);
const utf8Bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
const gbk = new Uint8Array(iconv.encode(CSV, 'gbk'));
const gb18030 = new Uint8Array(iconv.encode(CSV, 'gb18030'));

describe('decodeBytes', () => {
  it.each([
    ['UTF-8', utf8, 'utf-8'],
    ['UTF-8 with BOM', utf8Bom, 'utf-8'],
    ['GBK', gbk, 'gb18030'],
    ['GB18030', gb18030, 'gb18030'],
  ] as const)('detects %s', (_name, bytes, encoding) => {
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: CSV, encoding });
  });

  it('reads identical records from every encoding', () => {
    const read = (bytes: Uint8Array) => {
      const d = decodeBytes(bytes);
      if (!d.ok) throw new Error(d.message);
      return readRecords(d.text, 'csv', contract, { file: 'm.csv' }).records;
    };
    const expected = read(utf8);
    expect(expected.map((r) => [r.employee_id, r.name, r.team, r.metrics])).toEqual([
      ['E1', '张三', '短视频一组', { completion: 0.453, plays: 12000 }],
      ['E2', '李四', '短视频二组', { completion: 0.4, plays: 3500 }],
    ]);
    expect(read(utf8Bom)).toEqual(expected);
    expect(read(gbk)).toEqual(expected);
  });

  it('an explicit encoding that does not fit is an error with advice', () => {
    expect(decodeBytes(gbk, 'utf-8')).toEqual({
      ok: false,
      encoding: 'UTF-8',
      message: 'the file is not valid UTF-8 text',
      help: 'save it from Excel as "CSV UTF-8", or name the encoding with --encoding utf-8|gbk|gb18030',
    });
  });
});
