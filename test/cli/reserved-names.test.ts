// Names people choose — teams, employee ids, names, column headers — may be `__proto__`,
// `constructor`, `toString` or `hasOwnProperty`: they are ordinary names everywhere (every table
// keyed by user text is a Map or has no prototype), and nothing leaks into Object.prototype.
// Names a policy chooses for its own keys (ids, grades, calibrated grades) may not be these: the
// schema refuses them with a clear message.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/universal';
import { loadPolicy, summaryToJson } from '../../engine/index.js';
import { PreviewSession } from '../../editor/app/lib/preview-session.js';
import { yardstick } from '../yardstick.js';

const POLICY = `policy: reserved-names
title: 保留名称
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
stages:
  only: { title: 常规 }
roles:
  staff:
    title: 员工
    pay_base: 1000
    indicators:
      rating: { metric: rating, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
calibration:
  within: team
  quotas:
    A: { max: 0.5 }
`;

// a rating scores itself (range 0–100, weight 100): pay = 1000 × score / 100
const DATA = `工号,姓名,岗位,团队,阶段,月份,评分,__proto__
__proto__,__proto__,员工,__proto__,常规,2026-10,90,x
constructor,constructor,员工,__proto__,常规,2026-10,70,x
toString,toString,员工,constructor,常规,2026-10,85,x
hasOwnProperty,hasOwnProperty,员工,toString,常规,2026-10,60,x
valueOf,valueOf,员工,hasOwnProperty,常规,2026-10,100,x
E6,甲,员工,一组,常规,2026-10,50,x
`;

const dir = mkdtempSync(join(tmpdir(), 'yardstick-reserved-'));
const policyFile = join(dir, 'policy.yaml');
const dataFile = join(dir, 'month.csv');
writeFileSync(policyFile, POLICY);
writeFileSync(dataFile, DATA);

/** The team table as [name, employees, payout] rows, in the data's order (`__proto__` as a plain key). */
const rows = (byTeam: Record<string, { employees: number; payout_total: number }>) =>
  Object.keys(byTeam).map((t) => [t, byTeam[t].employees, byTeam[t].payout_total]);
const EXPECTED_ROWS = [
  ['__proto__', 2, 1600],
  ['constructor', 1, 850],
  ['toString', 1, 600],
  ['hasOwnProperty', 1, 1000],
  ['一组', 1, 500],
];

function expectCleanPrototype() {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  expect(({} as Record<string, unknown>).employees).toBeUndefined();
  expect(({} as Record<string, unknown>).payout_total).toBeUndefined();
  expect(typeof ({} as Record<string, unknown>).toString).toBe('function');
}

afterAll(() => expectCleanPrototype());

describe('user text that is a JavaScript object key', () => {
  it('a whole run (JSON) keeps every team, id and grade, and Object.prototype is untouched', async () => {
    const r = await yardstick('run', policyFile, '--data', dataFile, '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(
      out.scorecards.map(
        (c: { employee_id: string; name: string; team: string; grade: string; payout: { total: number } }) => [
          c.employee_id,
          c.name,
          c.team,
          c.grade,
          c.payout.total,
        ],
      ),
    ).toEqual([
      ['__proto__', '__proto__', '__proto__', 'A', 900],
      ['constructor', 'constructor', '__proto__', 'B', 700],
      ['toString', 'toString', 'constructor', 'A', 850],
      ['hasOwnProperty', 'hasOwnProperty', 'toString', 'B', 600],
      ['valueOf', 'valueOf', 'hasOwnProperty', 'A', 1000],
      ['E6', '甲', '一组', 'B', 500],
    ]);
    expect(out.summary.employees).toBe(6);
    expect(out.summary.payout_total).toBe(4550);
    expect(out.summary.by_grade).toEqual({ A: 3, B: 3 });
    expect(rows(out.summary.by_team)).toEqual(EXPECTED_ROWS);
    // the unused `__proto__` column is an unknown column like any other
    expect(r.stderr).toContain('warning[data_unknown_column]: column `__proto__` matches no metric and is ignored');
    expectCleanPrototype();
  });

  it('calibrates within each team: a team called `constructor` is a cohort of its own', async () => {
    const r = await yardstick('run', policyFile, '--data', dataFile, '--format', 'json');
    const out = JSON.parse(r.stdout);
    // A max 50%, rounded down: a cohort of 2 keeps 1 A; a cohort of 1 keeps none
    expect(
      out.scorecards.map(
        (c: {
          employee_id: string;
          calibration: { cohort: string; rank: number; size: number; calibrated: string; moved_by?: string };
        }) => [
          c.employee_id,
          c.calibration.cohort,
          c.calibration.rank,
          c.calibration.size,
          c.calibration.calibrated,
          c.calibration.moved_by,
        ],
      ),
    ).toEqual([
      ['__proto__', '__proto__', 1, 2, 'A', undefined],
      ['constructor', '__proto__', 2, 2, 'B', undefined],
      ['toString', 'constructor', 1, 1, 'B', 'A max 50%'],
      ['hasOwnProperty', 'toString', 1, 1, 'B', undefined],
      ['valueOf', 'hasOwnProperty', 1, 1, 'B', 'A max 50%'],
      ['E6', '一组', 1, 1, 'B', undefined],
    ]);
    expect(out.summary.by_calibrated_grade).toEqual({ A: 1, B: 5 });
  });

  it('the table output lists every team', async () => {
    const r = await yardstick('run', policyFile, '--data', dataFile);
    expect(r.code).toBe(0);
    for (const line of [
      /__proto__\s+2\s+¥1,600\.00/,
      /constructor\s+1\s+¥850\.00/,
      /toString\s+1\s+¥600\.00/,
      /hasOwnProperty\s+1\s+¥1,000\.00/,
    ])
      expect(r.stdout).toMatch(line);
  });

  it('the streaming CSV run, with worker threads, totals the same teams', async () => {
    // forced distribution needs every row first: the streaming run is measured without it
    const streamed = join(dir, 'stream.yaml');
    writeFileSync(streamed, POLICY.slice(0, POLICY.indexOf('calibration:')));
    for (const workers of ['1', '2']) {
      const r = await yardstick(
        'run',
        streamed,
        '--data',
        dataFile,
        '--format',
        'csv',
        '--out',
        join(dir, `r${workers}.csv`),
        '--workers',
        workers,
      );
      expect(r.code).toBe(0);
      const csv = readFileSync(join(dir, `r${workers}.csv`), 'utf8').split('\r\n');
      expect(csv.slice(1, 3).map((l) => l.split(',').slice(0, 3))).toEqual([
        ['__proto__', '__proto__', '__proto__'],
        ['constructor', 'constructor', '__proto__'],
      ]);
      expect(r.stderr).toContain('（6 人）');
    }
    expectCleanPrototype();
  });

  it('XLSX: the writer library cannot store such text, so the workbook is refused rather than wrong', async () => {
    // write-excel-file would write `[object Object]` for `__proto__` and Object's source for `constructor`
    const r = await yardstick('run', policyFile, '--data', dataFile, '--format', 'xlsx', '--out', join(dir, 'r.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').at(-1)).toBe(
      'error: cannot write `__proto__` to an XLSX file: the XLSX writer cannot store this text; use `--format csv` or `--format json`, or rename it in the data',
    );
    expect(existsSync(join(dir, 'r.xlsx'))).toBe(false);
    // the same data with ordinary names writes a workbook whose team rows are the run's
    writeFileSync(
      join(dir, 'plain.csv'),
      DATA.replace(/__proto__|constructor|toString|hasOwnProperty|valueOf/g, (n) => `${n}组`),
    );
    expect(
      (
        await yardstick(
          'run',
          policyFile,
          '--data',
          join(dir, 'plain.csv'),
          '--format',
          'xlsx',
          '--out',
          join(dir, 'r.xlsx'),
        )
      ).code,
    ).toBe(0);
    const bytes = readFileSync(join(dir, 'r.xlsx'));
    const sheets = await readXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const summary = sheets[1].data;
    const at = summary.findIndex((row) => row[0] === '团队');
    expect(summary.slice(at + 1, at + 6)).toEqual(
      EXPECTED_ROWS.map(([t, n, fen]) => [t === '一组' ? t : `${t}组`, n, fen]),
    );
  });

  it('statements: one per employee, and the index lists every team', async () => {
    const out = join(dir, 'statements');
    expect((await yardstick('statements', policyFile, '--data', dataFile, '--out', out)).code).toBe(0);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<tr><td>__proto__</td><td class="num">2</td><td class="num">¥1,600.00</td></tr>');
    expect(index).toContain('<tr><td>constructor</td><td class="num">1</td><td class="num">¥850.00</td></tr>');
    expect(index).toContain('<tr><td>hasOwnProperty</td><td class="num">1</td><td class="num">¥1,000.00</td></tr>');
    expectCleanPrototype();
  });

  it('diff: every team and every employee id appears in the impact', async () => {
    const doubled = join(dir, 'doubled.yaml');
    writeFileSync(
      doubled,
      POLICY.replace('version: 1.0.0', 'version: 1.1.0').replace('pay_base: 1000', 'pay_base: 2000'),
    );
    const r = await yardstick('diff', policyFile, doubled, '--data', dataFile, '--format', 'json');
    expect(r.code).toBe(0);
    const impact = JSON.parse(r.stdout)[0].impact;
    // everyone's pay doubles; biggest movers first, then by id
    expect(impact.changes.map((c: { employee_id: string; delta: number }) => [c.employee_id, c.delta])).toEqual([
      ['valueOf', 1000],
      ['__proto__', 900],
      ['toString', 850],
      ['constructor', 700],
      ['hasOwnProperty', 600],
      ['E6', 500],
    ]);
    expect([impact.total_before, impact.total_after, impact.delta]).toEqual([4550, 9100, 4550]);
    const md = await yardstick('diff', policyFile, doubled, '--data', dataFile, '--format', 'md');
    // `__proto__` escaped: Markdown would show it as a bold `proto`
    expect(md.stdout).toContain('| \\_\\_proto\\_\\_ | ¥1,600.00 | ¥3,200.00 | +¥1,600.00 |');
    expect(md.stdout).toContain('| toString | ¥600.00 | ¥1,200.00 | +¥600.00 |');
  });

  it('the editor preview totals the same teams', async () => {
    const session = new PreviewSession();
    expect(await session.setData(new TextEncoder().encode(DATA), 'month.csv')).toBeNull();
    const evaluated = await session.evaluate(1, POLICY, POLICY, 'zh', () => 0);
    if (!evaluated.ok) throw new Error('the policy should load');
    expect(rows(summaryToJson(evaluated.result.summary).by_team)).toEqual(EXPECTED_ROWS);
    expect(evaluated.result.rows.map((r) => r.employee_id)).toEqual([
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'E6',
    ]);
    expectCleanPrototype();
  });

  it('a role written `toString` is an unknown role, not a method', async () => {
    writeFileSync(join(dir, 'role.csv'), DATA.replace('E6,甲,员工', 'E6,甲,toString'));
    const r = await yardstick('run', policyFile, '--data', join(dir, 'role.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[data_unknown_role]: unknown role `toString`');
  });
});

describe('policy keys that are JavaScript object keys are refused', () => {
  const load = (text: string) => {
    const r = loadPolicy(text, 'p.yaml');
    return r.ok ? [] : r.diagnostics.map((d) => [d.code, d.message, d.span?.line, d.span?.column]);
  };

  it('a grade named `__proto__`', () => {
    expect(load(POLICY.replace('- { grade: A, min: 80 }', '- { grade: __proto__, min: 80 }'))).toEqual([
      ['schema_reserved_name', '`__proto__` in `grades[0].grade` is a reserved name', 15, 14],
    ]);
  });

  it('a role id `constructor`, and a YAML key `__proto__:` among the metrics', () => {
    expect(
      load(
        POLICY.replace('  staff:\n', '  constructor:\n').replace(
          '  rating: { label',
          '  __proto__: { label: 其他, unit: count }\n  rating: { label',
        ),
      ),
    ).toEqual([
      ['schema_reserved_name', '`__proto__` in `metrics` is a reserved name', 5, 3],
      ['schema_reserved_name', '`constructor` in `roles` is a reserved name', 10, 3],
    ]);
  });

  it('a calibrated grade `toString` in the scale and the quotas', () => {
    expect(
      load(
        POLICY.replace(
          '  within: team',
          '  scale: [ toString, B ]\n  map: { A: toString, B: B }\n  within: team',
        ).replace('    A: { max: 0.5 }', '    toString: { max: 0.5 }'),
      ),
    ).toEqual([
      ['schema_reserved_name', '`toString` in `calibration.scale[0]` is a reserved name', 21, 12],
      ['schema_reserved_name', '`toString` in `calibration.quotas` is a reserved name', 25, 5],
    ]);
  });

  it('a built-in object key is an unknown fact or function, not a method', () => {
    expect(
      load(POLICY.replace('  performance_pay: pay_base * score / 100', '  performance_pay: toString(score)')),
    ).toEqual([
      [
        'policy_expression_syntax',
        'cannot read expression `toString(score)`: unknown function `toString`; known: min, max, abs, round, floor, ceil',
        18,
        20,
      ],
    ]);
  });
});
