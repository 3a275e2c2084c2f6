// The impact of a policy change (engine/review/compare.ts) as a workbook: 变化 (each person whose
// outcome changes, before and after), 无法计算 (people only one version scores, with the reason)
// and 汇总 (totals, grades, teams). The same cells as xlsx.ts: text is formula-safe.

import { fenToYuan, localise, type Lang, type RunComparison } from '../../../engine/index.js';
import { num, text, type Cell } from './xlsx.js';

const MONEY = '#,##0.00';

export async function formatImpactXlsx(c: RunComparison, lang: Lang): Promise<Buffer> {
  const zh = lang === 'zh';
  const kinds: Record<string, string> = zh
    ? { grade: '等级', calibrated: '校准等级', pay: '应发', tier: '档位', holds: '暂扣', triggers: '触发' }
    : {
        grade: 'grade',
        calibrated: 'calibrated grade',
        pay: 'pay',
        tier: 'tier',
        holds: 'holds',
        triggers: 'triggers',
      };
  const head = zh
    ? [
        '工号',
        '姓名',
        '团队',
        '岗位',
        '修改前得分',
        '修改后得分',
        '修改前等级',
        '修改后等级',
        '修改前应发',
        '修改后应发',
        '变化',
        '变化的项',
      ]
    : [
        'employee_id',
        'name',
        'team',
        'role',
        'score_before',
        'score_after',
        'grade_before',
        'grade_after',
        'payout_before',
        'payout_after',
        'delta',
        'what_changed',
      ];
  const changes: Cell[][] = [
    head.map((h) => text(h, true)),
    ...c.changes.map((x) => [
      text(x.employee_id),
      text(x.name),
      text(x.team),
      text(x.role_title),
      num(x.before.score, '0.00'),
      num(x.after.score, '0.00'),
      text(x.before.grade),
      text(x.after.grade),
      num(fenToYuan(x.before.totalFen), MONEY),
      num(fenToYuan(x.after.totalFen), MONEY),
      num(fenToYuan(x.deltaFen), MONEY),
      text(x.kinds.map((k) => kinds[k] ?? k).join(zh ? '、' : ', ')),
    ]),
  ];
  const unscorableHead = zh ? ['工号', '姓名', '情况', '原因'] : ['employee_id', 'name', 'change', 'reason'];
  const unscorable: Cell[][] = [
    unscorableHead.map((h) => text(h, true)),
    ...c.unscorable.map((u) => [
      text(u.employee_id),
      text(u.name),
      text(
        u.became === 'unscorable'
          ? zh
            ? '修改后无法计算'
            : 'cannot be scored after the change'
          : zh
            ? '修改后可以计算'
            : 'can be scored after the change',
      ),
      text(u.reasons.map((d) => localise(d, lang).message).join('; ')),
    ]),
  ];
  const grades = [...new Set([...Object.keys(c.by_grade_before), ...Object.keys(c.by_grade_after)])];
  const summary: Cell[][] = [
    [text(zh ? '两版都能计算的人数' : 'scored by both', true), num(c.employees)],
    [text(zh ? '结果有变化' : 'outcome changed', true), num(c.changes.length)],
    [text(zh ? '修改前应发合计' : 'payout before', true), num(fenToYuan(c.total_before_fen), MONEY)],
    [text(zh ? '修改后应发合计' : 'payout after', true), num(fenToYuan(c.total_after_fen), MONEY)],
    [text(zh ? '变化' : 'delta', true), num(fenToYuan(c.delta_fen), MONEY)],
    [null, null, null],
    [
      text(zh ? '等级' : 'grade', true),
      text(zh ? '修改前人数' : 'before', true),
      text(zh ? '修改后人数' : 'after', true),
    ],
    ...grades.map((g) => [text(g), num(c.by_grade_before[g] ?? 0), num(c.by_grade_after[g] ?? 0)]),
    [null, null, null],
    [
      text(zh ? '团队' : 'team', true),
      text(zh ? '修改前应发' : 'before', true),
      text(zh ? '修改后应发' : 'after', true),
    ],
    ...c.by_team.map((t) => [text(t.team), num(fenToYuan(t.before_fen), MONEY), num(fenToYuan(t.after_fen), MONEY)]),
  ];
  // loaded when a workbook is written, not at every start
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  return writeXlsxFile([
    {
      data: changes as never,
      sheet: zh ? '变化' : 'changes',
      stickyRowsCount: 1,
      columns: head.map((_, i) => ({ width: i === 11 ? 24 : i === 2 || i === 3 ? 14 : 11 })),
    },
    {
      data: unscorable as never,
      sheet: zh ? '无法计算' : 'unscorable',
      columns: [{ width: 12 }, { width: 10 }, { width: 20 }, { width: 60 }],
    },
    { data: summary as never, sheet: zh ? '汇总' : 'summary', columns: [{ width: 20 }, { width: 16 }, { width: 16 }] },
  ] as never).toBuffer();
}
