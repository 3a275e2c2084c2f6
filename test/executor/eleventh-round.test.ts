// What the compiled executor's eleventh round changed, held to what it did before: a record the
// data layer read carries its metric values by position as well (`MetricValues`, in the order of
// the policy's metrics, in a private field of `ReadRecord`), and the evaluation copies them into
// its facts by position instead of walking the `metrics` object's keys. Only for the `metrics`
// object they were read with and the policy they were read against: a record given other metrics,
// a copy, or a record read against another policy's metrics is read by its keys as before.

import { describe, expect, it } from 'vitest';
import { evaluateRecord, readRecords, type EmployeeRecord } from '../../engine/index.js';
import { ReadRecord } from '../../engine/model/record.js';
import { compiledPolicy, csvText, policy as draft } from '../builders.js';

// the minimal policy (score = the rating 评分, pay base ¥1000) with a count 工时 (`hours`, default
// 100) added to the pay: pay = 1000 × score / 100 + hours
const withHours = () =>
  draft()
    .metric('hours', { label: '工时', unit: 'count', default: 100 })
    .payout({ performance_pay: 'pay_base * score / 100 + hours', rounding: { to: 0.01, mode: 'half_up' } });
const policy = compiledPolicy(withHours().yaml(), 'eleventh.yaml');
// the same two metrics declared the other way round: hours first, then rating
const hoursFirst = compiledPolicy(
  draft()
    .set('metrics', {
      hours: { label: '工时', unit: 'count', default: 100 },
      rating: { label: '评分', unit: 'score', range: [0, 100] },
    })
    .payout({ performance_pay: 'pay_base * score / 100 + hours', rounding: { to: 0.01, mode: 'half_up' } })
    .yaml(),
  'hours-first.yaml',
);

// E1 rated 80 with 20 hours; E2 rated 70, its hours cell empty (the default 100 applies)
const MONTH = csvText(
  '工号,姓名,岗位,团队,阶段,月份,工时,评分',
  'E1,甲,员工,一组,常规,2026-11,20,80',
  'E2,乙,员工,一组,常规,2026-11,,70',
);

/** Each record's score and pay in fen, by both executors; an error when one is not scored. */
async function scored(records: EmployeeRecord[], on = policy): Promise<[number, number][][]> {
  const out: [number, number][][] = [];
  for (const executor of ['compiled', 'reference'] as const) {
    const each: [number, number][] = [];
    for (const r of records) {
      const e = await evaluateRecord(on, r, { executor, explain: false });
      if (!e.ok) throw new Error(`${r.employee_id} is not scored: ${e.reasons.map((d) => d.code).join(', ')}`);
      each.push([e.scorecard.score, e.scorecard.payout.totalFen]);
    }
    out.push(each);
  }
  return out;
}

describe("a record's metric values by position", () => {
  it('are the metrics in the order the policy declares them, NaN where a cell is empty', () => {
    const [e1, e2] = readRecords(MONTH, 'csv', policy.contract).records;
    // the columns put 工时 before 评分; the policy declares rating, then hours
    expect(ReadRecord.valuesOf(e1!)!.values).toEqual([80, 20]);
    expect(ReadRecord.valuesOf(e2!)!.values).toEqual([70, Number.NaN]);
    expect(ReadRecord.valuesOf(e1!)!.metrics).toBe(e1!.metrics);
    expect(ReadRecord.valuesOf(e1!)!.order).toBe(policy.metrics);
    expect(e2!.metrics).toEqual({ rating: 70 });
  });

  it('are not seen by JSON, by the keys of the record, in a comparison, a copy or a copy for another thread', () => {
    const [e1] = readRecords(MONTH, 'csv', policy.contract).records;
    const fields = {
      employee_id: 'E1',
      name: '甲',
      role: 'staff',
      team: '一组',
      stage: 'only',
      period: '2026-11',
      metrics: { rating: 80, hours: 20 },
      source: { row: 2 },
    };
    expect(Object.keys(e1!)).toEqual(Object.keys(fields));
    expect(JSON.parse(JSON.stringify(e1))).toEqual(fields);
    expect(e1).toEqual(fields);
    expect(ReadRecord.valuesOf({ ...e1! })).toBe(undefined);
    expect(ReadRecord.valuesOf(structuredClone(e1!))).toBe(undefined);
    expect(ReadRecord.valuesOf(fields as EmployeeRecord)).toBe(undefined);
  });

  it('score as the metrics object does: E1 80 and ¥820.00, E2 70 and ¥800.00 (the default 100 hours)', async () => {
    const records = readRecords(MONTH, 'csv', policy.contract).records;
    // 1000 × 80 / 100 + 20 = 820; 1000 × 70 / 100 + 100 = 800
    const expected: [number, number][] = [
      [80, 82_000],
      [70, 80_000],
    ];
    expect(await scored(records)).toEqual([expected, expected]);
    // copies of the same records, without their values by position: the same cards
    const byKey = records.map((r) => ({ ...r }));
    expect(await scored(byKey)).toEqual([expected, expected]);
  });

  it('are not used once the record is given other metrics: it is scored on those', async () => {
    const [e1, e2] = readRecords(MONTH, 'csv', policy.contract).records;
    e1!.metrics = { ...e1!.metrics, rating: 50 };
    e2!.metrics = { ...e2!.metrics, hours: 40 };
    // the records keep the values by position they were read with
    expect(ReadRecord.valuesOf(e1!)!.values).toEqual([80, 20]);
    // 1000 × 50 / 100 + 20 = 520; 1000 × 70 / 100 + 40 = 740
    const expected: [number, number][] = [
      [50, 52_000],
      [70, 74_000],
    ];
    expect(await scored([e1!, e2!])).toEqual([expected, expected]);
  });

  it("are not used by a policy whose metrics they were not read against: it reads the record's keys", async () => {
    // read against hoursFirst (values [20, 80] and [NaN, 70]), scored by policy (rating first)
    const records = readRecords(MONTH, 'csv', hoursFirst.contract).records;
    expect(ReadRecord.valuesOf(records[0]!)!.values).toEqual([20, 80]);
    const expected: [number, number][] = [
      [80, 82_000],
      [70, 80_000],
    ];
    expect(await scored(records)).toEqual([expected, expected]);
    // and read against policy, scored by hoursFirst
    expect(await scored(readRecords(MONTH, 'csv', policy.contract).records, hoursFirst)).toEqual([expected, expected]);
    // and by the same policy text compiled again (another metrics object)
    const again = compiledPolicy(withHours().yaml(), 'eleventh.yaml');
    expect(await scored(readRecords(MONTH, 'csv', policy.contract).records, again)).toEqual([expected, expected]);
  });
});
