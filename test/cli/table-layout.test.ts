// The run's terminal table laid out as UTF-8 bytes (text-table.ts `TableCells.alignedBytes`, what
// `run --format table` prints): the same text as the aligned string, line by line, whatever the
// end of a line holds; and the summary's trigger line naming each trigger as the first card does.

import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../engine/index.js';
import { summaryLines } from '../../node/cli/format/results.js';
import { alignTable, TableCells } from '../../node/cli/format/text-table.js';

function laid(header: string[], rows: string[][], right: number[] = []) {
  const cells = new TableCells(header, rows.length);
  for (const row of rows) for (let i = 0; i < header.length; i++) cells.add(row[i] ?? '');
  return { text: cells.aligned(new Set(right)), bytes: cells.alignedBytes(new Set(right)) };
}

describe('TableCells', () => {
  it('ends a line at its last cell with text, trimming the spaces a cell ends with', () => {
    const { text, bytes } = laid(
      ['id', 'name', 'note'],
      [
        ['a', '张三', ''], // nothing after the name
        ['bb', '', 'x '], // the note's own space trimmed, the empty name padded
        ['', '', ''], // an empty line
        ['c', '李 ', ''], // a space in the name, then empty cells: all trimmed
      ],
    );
    const lines = ['id  name  note', '──  ────  ────', 'a   张三', 'bb        x', '', 'c   李'];
    expect(text).toBe(lines.join('\n'));
    expect(bytes.toString('utf8')).toBe(lines.join('\n'));
    expect(alignTable(['id', 'name', 'note'], [['a', '张三'], ['bb', '', 'x '], [], ['c', '李 ']])).toBe(
      lines.join('\n'),
    );
  });

  it('pads a right-aligned last column on its left and leaves an empty one out', () => {
    const { text, bytes } = laid(
      ['n', 'amt'],
      [
        ['a', '1'],
        ['b', ''],
      ],
      [1],
    );
    expect(text).toBe('n  amt\n─  ───\na    1\nb');
    expect(bytes.toString('utf8')).toBe('n  amt\n─  ───\na    1\nb');
  });

  it('shows a control character as text and measures what it shows', () => {
    const { bytes } = laid(
      ['x', 'y'],
      [
        ['a\tb', '1'],
        ['c\u001b', '2'],
      ],
    );
    // a tab is a space; the escape is written out (7 columns), the widest of the column
    expect(bytes.toString('utf8')).toBe('x        y\n───────  ─\na b      1\nc\\u001b  2');
  });

  it('writes a month of rows over many writes as one text', () => {
    const rows: string[][] = [];
    for (let i = 0; i < 5000; i++) rows.push([`E${i}`, '张三丰', i % 2 ? '' : '¥1.00']);
    const { text, bytes } = laid(['工号', '姓名', '应发'], rows, [2]);
    // over 65,536 characters: three writes of about 32,768 at least
    expect(text.length).toBeGreaterThan(65_536);
    expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
    const lines = bytes.toString('utf8').split('\n');
    expect(lines.length).toBe(5002);
    expect(lines[2]).toBe('E0     张三丰  ¥1.00');
    expect(lines[5001]).toBe('E4999  张三丰');
  });
});

describe('summaryLines', () => {
  const run = (cards: { triggers: { id: string; title: string }[] }[], triggers: Record<string, number>) =>
    ({
      scorecards: cards,
      summary: {
        employees: cards.length,
        excluded: 0,
        by_grade: { A: cards.length },
        payout_total_fen: 0,
        payable_total_fen: 0,
        held_total_fen: 0,
        holds: 0,
        triggers,
      },
    }) as unknown as RunResult;

  it('names each fired trigger by the title of the first card that has it, in the summary’s order', () => {
    const r = run(
      [
        { triggers: [] },
        { triggers: [{ id: 'warn', title: '预警' }] },
        {
          triggers: [
            { id: 'plan', title: '改进计划' },
            { id: 'warn', title: '预警（后）' },
          ],
        },
      ],
      { plan: 1, warn: 2, quiet: 0 },
    );
    expect(summaryLines(r, 'zh')[3]).toBe('触发：改进计划 1 人 · 预警 2 人');
    expect(summaryLines(r, 'en')[3]).toBe('triggers: 改进计划 1 · 预警 2');
  });

  it('names a counted trigger no card has by its id', () => {
    expect(summaryLines(run([{ triggers: [] }], { gone: 1 }), 'en')[3]).toBe('triggers: gone 1');
  });
});
