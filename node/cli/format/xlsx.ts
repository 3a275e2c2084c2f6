// A run's result as an Excel workbook: 结果 (one row per employee, numbers as numbers) and 汇总
// (grades and teams). Text that could start a formula is neutralised, as in the CSV export.

import { fenToYuan, type Lang, type RunResult, diagnostic } from '../../../engine/index.js';
import { poolShareFen } from './money.js';
import { calibrates, neutralise, resultColumns, severalMonths, withMonth } from './results.js';
import { EXIT, ExitError } from '../errors.js';

export type Cell = {
  value: string | number;
  type?: NumberConstructor | StringConstructor;
  fontWeight?: 'bold';
  format?: string;
} | null;

export const text = (v: string, bold = false): Cell => ({
  value: storable(neutralise(v)),
  type: String,
  ...(bold ? { fontWeight: 'bold' as const } : {}),
});

/**
 * write-excel-file indexes its shared strings in a plain object, so a cell reading `__proto__`,
 * `constructor` or `toString` would be written as `[object Object]` or a function's source.
 * Such a workbook would be silently wrong: it is refused instead.
 */
function storable(v: string): string {
  if (v in Object.prototype) throw new ExitError(EXIT.input, diagnostic('io_xlsx_text', { text: v }));
  return v;
}
export const num = (v: number, format?: string): Cell => ({ value: v, type: Number, ...(format ? { format } : {}) });

export async function formatXlsx(r: RunResult, lang: Lang): Promise<Buffer> {
  const zh = lang === 'zh';
  // a policy with bonus pools: the pool shares in a column of their own (they are in 应发 too), as in the CSV
  const pools = r.pools !== undefined;
  const months = severalMonths(r);
  // forced distribution: the calibrated grade after the grade (empty for someone held, who is not ranked)
  const calibrated = calibrates(r);
  const head = resultColumns(lang, pools, months, calibrated);
  const results: Cell[][] = [
    head.map((h) => text(h, true)),
    ...r.scorecards.map((c) =>
      withMonth(
        [
          text(c.employee_id),
          text(c.name),
          text(c.team),
          text(c.role_title),
          text(c.stage_title),
          num(c.base_score, '0.00'),
          num(c.score, '0.00'),
          text(c.grade),
          ...(calibrated ? [text(c.calibration?.calibrated ?? '')] : []),
          text(c.payout.tier?.title ?? c.payout.tier?.id ?? ''),
          num(fenToYuan(c.payout.totalFen), '#,##0.00'),
          text(c.payout.status === 'held' ? (zh ? '暂扣' : 'held') : zh ? '可发' : 'payable'),
          text(c.holds.map((h) => h.title).join('; ')),
          text(c.triggers.map((t) => t.title).join('; ')),
          ...(pools ? [num(fenToYuan(poolShareFen(c.payout.lines)), '#,##0.00')] : []),
        ],
        months ? text(c.period) : undefined,
      ),
    ),
  ];
  const s = r.summary;
  // a file of several months counts person-months, as the table says (人次), each count a number Excel can sum
  const people = months ? (zh ? '人次' : 'person-months') : zh ? '人数' : 'employees';
  const summary: Cell[][] = [
    [text(zh ? '政策' : 'policy', true), text(`${r.policy.title} v${r.policy.version}`)],
    [text(zh ? '考核期' : 'period', true), text(r.period)],
    [text(months ? people : zh ? '员工' : 'employees', true), num(s.employees)],
    [text(zh ? '排除' : 'excluded', true), num(s.excluded)],
    [text(zh ? '应发合计' : 'payout total', true), num(fenToYuan(s.payout_total_fen), '#,##0.00')],
    [text(zh ? '可发' : 'payable', true), num(fenToYuan(s.payable_total_fen), '#,##0.00')],
    [text(zh ? '暂扣' : 'held', true), num(fenToYuan(s.held_total_fen), '#,##0.00')],
    [null, null],
    [text(zh ? '等级' : 'grade', true), text(people, true)],
    ...Object.entries(s.by_grade).map(([g, n]) => [text(g), num(n)]),
    ...(s.by_calibrated_grade
      ? [
          [null, null],
          [text(zh ? '校准等级' : 'calibrated grade', true), text(people, true)],
          ...Object.entries(s.by_calibrated_grade).map(([g, n]) => [text(g), num(n)]),
        ]
      : []),
    [null, null],
    [text(zh ? '团队' : 'team', true), text(people, true), text(zh ? '应发' : 'payout', true)],
    ...Object.entries(s.by_team).map(([t, v]) => [
      text(t),
      num(v.employees),
      num(fenToYuan(v.payout_total_fen), '#,##0.00'),
    ]),
  ];
  // loaded when a workbook is written, not at every start
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  return writeXlsxFile([
    {
      data: results as never,
      sheet: zh ? '结果' : 'results',
      stickyRowsCount: 1,
      // by name: the month and the calibrated grade move the columns after them
      columns: head.map((h) => ({
        width: ['暂扣原因', '触发', 'holds', 'triggers'].includes(h)
          ? 28
          : ['团队', '岗位', 'team', 'role'].includes(h)
            ? 14
            : 11,
      })),
    },
    { data: summary as never, sheet: zh ? '汇总' : 'summary', columns: [{ width: 16 }, { width: 24 }, { width: 16 }] },
  ] as never).toBuffer();
}
