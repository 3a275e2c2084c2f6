// A record's metrics object as every reader of a record sees it: a plain object of the metrics the
// row has, in the contract's order, each the number its cell says, an empty cell no key at all.
// (The data layer builds it so that V8 keeps its values inside the object, whole numbers unboxed:
// nothing of that may show.)

import { describe, expect, it } from 'vitest';
import { readRecords } from '../../engine/data/index.js';
import { csvText, dataContract, studioContract } from '../builders.js';

const contract = studioContract();
const HEADER = '工号,姓名,岗位,团队,阶段,月份,视频数,完播率,上级评分,违规次数,平均响应时长';

describe("a record's metrics object", () => {
  it('is a plain object: the prototype of `{}`, its metrics in the contract order, JSON as before', () => {
    // the columns in another order than the contract's: 上级评分 before 视频数
    const text = csvText(
      '工号,姓名,岗位,团队,阶段,月份,平均响应时长,违规次数,上级评分,完播率,视频数',
      'E1,张三,编导,一组,初创期,2026-10,,,88,45.3%,12',
    );
    const [record] = readRecords(text, 'csv', contract).records;
    const metrics = record!.metrics;
    expect(Object.getPrototypeOf(metrics)).toBe(Object.prototype);
    expect(metrics.constructor).toBe(Object);
    expect(Object.keys(metrics)).toEqual(['videos', 'completion', 'rating']);
    expect(JSON.stringify(metrics)).toBe('{"videos":12,"completion":0.453,"rating":88}');
    expect({ ...metrics }).toEqual({ videos: 12, completion: 0.453, rating: 88 });
    // an empty cell is no key, not a key holding undefined or NaN
    expect('violations' in metrics).toBe(false);
    expect(Object.hasOwn(metrics, 'wait')).toBe(false);
  });

  it('keeps −0 as −0 and whole numbers beyond 32 bits as they are', () => {
    const text = csvText(
      HEADER,
      'E1,张三,编导,一组,初创期,2026-10,-0,-0%,0,2147483648,',
      'E2,李四,编导,一组,初创期,2026-10,2147483647,1,100,-0,',
    );
    const [a, b] = readRecords(text, 'csv', contract).records;
    expect(Object.is(a!.metrics.videos, -0)).toBe(true);
    expect(Object.is(a!.metrics.completion, -0)).toBe(true);
    expect(Object.is(a!.metrics.rating, 0)).toBe(true);
    expect(a!.metrics.violations).toBe(2_147_483_648);
    expect(b!.metrics.videos).toBe(2_147_483_647);
    expect(b!.metrics.completion).toBe(1);
    expect(Object.is(b!.metrics.violations, -0)).toBe(true);
  });

  it('holds every metric of a row with more than ten, in the contract order', () => {
    const ids = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12'];
    const wide = dataContract({
      metrics: Object.fromEntries(ids.map((id) => [id, { label: `指标${id}`, unit: 'score' as const }])),
      roles: { director: '编导' },
      stages: { startup: '初创期' },
      requiredMetrics: () => [],
    });
    // the columns backwards: m12 first, m1 last; the second row leaves every third cell empty
    const header = ['工号', '姓名', '岗位', '团队', '阶段', '月份', ...[...ids].reverse().map((id) => `指标${id}`)];
    const row = (id: string, cell: (k: number) => string) =>
      [id, '张三', '编导', '一组', '初创期', '2026-10', ...ids.map((_, k) => cell(k))].join(',');
    const text = csvText(
      header.join(','),
      row('E1', (k) => `${k}.5`),
      row('E2', (k) => (k % 3 === 2 ? '' : `${k}`)),
    );
    const [full, gaps] = readRecords(text, 'csv', wide).records;
    expect(Object.entries(full!.metrics)).toEqual([
      ['m1', 11.5],
      ['m2', 10.5],
      ['m3', 9.5],
      ['m4', 8.5],
      ['m5', 7.5],
      ['m6', 6.5],
      ['m7', 5.5],
      ['m8', 4.5],
      ['m9', 3.5],
      ['m10', 2.5],
      ['m11', 1.5],
      ['m12', 0.5],
    ]);
    // columns 3, 6, 9 and 12 (m10, m7, m4, m1) empty: no key
    expect(Object.entries(gaps!.metrics)).toEqual([
      ['m2', 10],
      ['m3', 9],
      ['m5', 7],
      ['m6', 6],
      ['m8', 4],
      ['m9', 3],
      ['m11', 1],
      ['m12', 0],
    ]);
  });
});
