// Hostile variations of the bundled policies and the sample month, for the fuzz suite: every
// mutation is something a hurried analyst, a broken export or a hostile user could produce.

import fc from 'fast-check';

/** Values that have broken pay tools before: non-finite, huge, negative, prototype names, Excel debris. */
export const HOSTILE_SCALARS = [
  '.nan',
  '.NaN',
  '.inf',
  '-.inf',
  '1e400',
  '-1',
  '0',
  '-0',
  '1e17',
  '9007199254740993',
  "''",
  '"abc"',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '~',
  'null',
  'true',
  '[]',
  '{}',
  '"1,234"',
  '45.3',
  '"45.3%"',
  '"１２３"',
  '"2026年10月"',
  '*x',
  '&x 1',
] as const;

export const HOSTILE_CELLS = [
  '',
  '-',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '1'.repeat(400),
  '-5',
  '45.3',
  '45.3%',
  '4530%',
  '0.453',
  '１２３',
  '1.2万',
  '3.5w',
  '7.5w~10w',
  '=cmd|"/c calc"!A1',
  '+1',
  '@SUM(A1)',
  '"quoted"',
  'a\nb',
  '__proto__',
  'constructor',
  'toString',
  'E1\u200b',
  'Ｅ１',
  '2.02311E+11',
  '合计',
  '总计',
  '2026年10月',
  '2026/10',
  '202610',
  '2026-9',
  '  ',
  '\u00a0',
  '¥1,234.50',
  '1小时21分5秒',
  '01:21:05',
] as const;

/** One change to a policy's text, by line: a numeric value replaced, a line dropped or doubled, a key renamed. */
export type PolicyMutation =
  | { kind: 'value'; line: number; value: string }
  | { kind: 'drop'; line: number }
  | { kind: 'double'; line: number }
  | { kind: 'key'; line: number; key: string };

export const policyMutation = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('value' as const),
      line: fc.nat(),
      value: fc.constantFrom(...HOSTILE_SCALARS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), line: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('double' as const), line: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('key' as const),
      line: fc.nat(),
      key: fc.constantFrom('__proto__', 'constructor', 'toString', 'A+', '合计', 'x y'),
    }),
  },
);

export function mutatePolicy(text: string, mutations: readonly PolicyMutation[]): string {
  const lines = text.split('\n');
  for (const m of mutations) {
    const i = m.line % lines.length;
    const line = lines[i];
    if (m.kind === 'drop') lines.splice(i, 1);
    else if (m.kind === 'double') lines.splice(i, 0, line);
    else if (m.kind === 'key') lines[i] = line.replace(/^(\s*-?\s*)[\w+]+:/, `$1${m.key}:`);
    else {
      // the first number on the line, or the value after the first `key:`
      const number = /-?\d+(?:\.\d+)?/.exec(line.replace(/#.*/, ''));
      lines[i] = number
        ? line.slice(0, number.index) + m.value + line.slice(number.index + number[0].length)
        : line.replace(/:\s+\S.*$/, `: ${m.value}`);
    }
  }
  return lines.join('\n');
}

/** One change to a data file: a cell replaced, a row dropped or doubled, a totals row added. */
export type DataMutation =
  | { kind: 'cell'; row: number; column: number; value: string }
  | { kind: 'drop'; row: number }
  | { kind: 'double'; row: number }
  | { kind: 'totals' }
  | { kind: 'header'; column: number; value: string };

export const dataMutation = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('cell' as const),
      row: fc.nat(),
      column: fc.nat(),
      value: fc.constantFrom(...HOSTILE_CELLS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), row: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('double' as const), row: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'totals' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('header' as const),
      column: fc.nat(),
      value: fc.constantFrom('__proto__', '工号', '违规数', '', '完播率', 'constructor'),
    }),
  },
);

const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** Mutates rows of cells (header first) and writes them back as CSV. */
export function mutateData(rows: readonly string[][], mutations: readonly DataMutation[]): string {
  const table = rows.map((r) => [...r]);
  const width = table[0].length;
  for (const m of mutations) {
    const body = table.length - 1;
    if (m.kind === 'header') table[0][m.column % width] = m.value;
    else if (m.kind === 'totals')
      table.push(['合计', ...Array.from({ length: width - 1 }, (_, k) => (k > 5 ? '123' : ''))]);
    else if (body < 1) continue;
    else if (m.kind === 'cell') table[1 + (m.row % body)][m.column % width] = m.value;
    else if (m.kind === 'drop') table.splice(1 + (m.row % body), 1);
    else table.splice(1 + (m.row % body), 0, [...table[1 + (m.row % body)]]);
  }
  return table.map((r) => r.map(quote).join(',')).join('\n') + '\n';
}
