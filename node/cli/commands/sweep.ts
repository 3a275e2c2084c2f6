// `yardstick sweep POLICY --data FILE --set PATH=FROM..TO/STEP [--budget ¥N]`: the month re-run with
// one number of the policy set to each value of a range; per value the payout total, the grade mix
// and the people whose grade moves. With --budget, the value that fits (engine/review/sweep.ts).

import {
  diagnostic,
  localise,
  newlyExcluded,
  newlyIncluded,
  sweepAll,
  formatFen,
  parseBudget,
  parseSweep,
  SweepError,
  sweepRunner,
  type BudgetFit,
  type Lang,
  type SweepRow,
  type SweepRun,
} from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import { readText, type Io } from '../io.js';
import { dryRun, ledgerHistory, readDataFile, refuseExcluded, reportExcluded } from '../pipeline.js';
import { DEFAULT_LEDGER } from '../ledger.js';
import { alignTable } from '../format/text-table.js';

export interface SweepOptions {
  data: string;
  set: string;
  budget?: string;
  format: 'table' | 'json';
  lang: Lang;
  excludeInvalid?: boolean;
  period?: string;
  encoding?: 'auto' | 'utf-8' | 'gbk' | 'gb18030';
  sheet?: string;
  /** Results ledger whose earlier months give the history facts, as `run` reads it. */
  ledger?: string;
}

export async function sweepCommand(policyFile: string, o: SweepOptions, io: Io): Promise<number> {
  const budgetFen = o.budget === undefined ? undefined : parseBudget(o.budget);
  if (o.budget !== undefined && budgetFen === undefined)
    throw new ExitError(EXIT.usage, diagnostic('cli_sweep_budget', { text: o.budget }));
  const text = readText(policyFile, 'policy');
  const {
    policy,
    result: base,
    records,
    dataExcluded,
  } = await dryRun({
    policy: policyFile,
    data: o.data,
    period: o.period,
    lang: o.lang,
    encoding: o.encoding,
    sheet: o.sheet,
    // every value is run as `run` runs the month: the ledger's earlier months its history
    ledger: o.ledger ?? DEFAULT_LEDGER,
    explain: false,
    stderr: io.stderr,
  });
  // each record's problem at its cell, as `run` refuses the month
  refuseExcluded(base, o.excludeInvalid, io.stderr, o.lang, io.lang);
  // with --exclude-invalid, the records left out, as `run` lists them
  reportExcluded(base, io.stderr, o.lang, io.lang);
  const spec = parseSweep(o.set, text, policy);
  if ('code' in spec) throw new ExitError(EXIT.usage, spec);
  // a budget is a month's (budget.total per period): a file of several months is one total of them all
  const periods = new Set(records.map((r) => r.period));
  if (budgetFen !== undefined && periods.size > 1)
    throw new ExitError(
      EXIT.usage,
      diagnostic('cli_sweep_budget.months', {
        file: o.data,
        count: periods.size,
        periods: [...periods].sort().join(', '),
      }),
    );
  const history = await ledgerHistory(o.ledger ?? DEFAULT_LEDGER, policy.doc.policy, records);
  // a metric's number (its range) changes how the data is read: the file is read again for each value
  const month =
    spec.path[0] === 'metrics'
      ? async (edited: typeof policy) => {
          const read = await readDataFile(o.data, edited, { encoding: o.encoding, sheet: o.sheet, period: o.period });
          return { records: read.records, excluded: read.excluded };
        }
      : // the records the reading left out travel with the others, so that each value's run lists them as the base does
        { records: [...records], excluded: [...dataExcluded] };
  const each = sweepRunner(text, policyFile, spec, month, o.lang, history);
  // a value that leaves out someone the policy as written pays is no answer for the month
  const run: SweepRun = async (value) => {
    const result = await each(value);
    const fresh = newlyExcluded(result, base);
    const back = fresh.length ? [] : newlyIncluded(result, base);
    if (fresh.length || back.length) {
      const x = (fresh[0] ?? back[0])!;
      throw new SweepError(
        diagnostic(fresh.length ? 'cli_sweep_excluded' : 'cli_sweep_excluded.included', {
          path: spec.path.join('.'),
          value,
          count: fresh.length || back.length,
          first: `${x.employee_id ?? '?'}${x.row ? ` (${o.lang === 'zh' ? `第 ${x.row} 行` : `row ${x.row}`})` : ''}: ${x.reasons.map((d) => localise(d, io.lang ?? o.lang).message).join('; ')}`,
        }),
      );
    }
    return result;
  };
  try {
    const { rows, fit } = await sweepAll(spec, run, base, budgetFen);
    io.stdout(
      o.format === 'json'
        ? `${JSON.stringify({ path: spec.path.join('.'), current: spec.current, base_total: base.summary.payout_total_fen / 100, rows: rows.map(rowJson), ...(fit ? { budget: budgetFen! / 100, fit: fitJson(fit) } : {}) }, null, 2)}\n`
        : sweepText(
            spec.path.join('.'),
            spec.current,
            base.summary.payout_total_fen,
            rows,
            budgetFen,
            fit,
            o.lang,
            spec.decimals,
          ),
    );
  } catch (error) {
    if (error instanceof SweepError) throw new ExitError(EXIT.input, error.diagnostic);
    throw error;
  }
  return EXIT.ok;
}

function rowJson(r: SweepRow) {
  return {
    value: r.value,
    payout_total: r.payoutFen / 100,
    by_grade: r.by_grade,
    moved: r.moved,
    paid_differently: r.paid_differently,
    ...(r.by_calibrated_grade
      ? { by_calibrated_grade: r.by_calibrated_grade, calibrated_moves: r.calibrated_moves ?? 0 }
      : {}),
  };
}

function fitJson(f: BudgetFit) {
  switch (f.kind) {
    case 'fits':
      return {
        kind: f.kind,
        value: f.value,
        payout_total: f.payoutFen / 100,
        grid_value: f.grid.value,
        bisections: f.bisections,
      };
    case 'not_monotone':
      return { kind: f.kind, fitting: f.fitting };
    default:
      return { kind: f.kind, ...(f.best ? { value: f.best.value, payout_total: f.best.payoutFen / 100 } : {}) };
  }
}

function sweepText(
  path: string,
  current: number,
  baseFen: number,
  rows: SweepRow[],
  budgetFen: number | undefined,
  fit: BudgetFit | undefined,
  lang: Lang,
  decimals: number,
): string {
  const zh = lang === 'zh';
  const grades = Object.keys(rows[0]?.by_grade ?? {});
  // with forced distribution, the calibrated grades and their moves after the pay changes
  const calibrated = rows[0]?.by_calibrated_grade ? Object.keys(rows[0].by_calibrated_grade) : [];
  const calibratedHead = calibrated.length
    ? [...calibrated.map((g) => (zh ? `校准${g}` : `cal. ${g}`)), zh ? '校准变化' : 'calibrated moves']
    : [];
  const numeric = 5 + grades.length + calibratedHead.length;
  const table = alignTable(
    [
      ...(zh
        ? ['取值', '应发合计', '与现行差额', ...grades, '等级变化', '应发变化']
        : ['value', 'payout total', 'vs current', ...grades, 'grade moves', 'pay changes']),
      ...calibratedHead,
    ],
    rows.map((r) => [
      `${r.value.toFixed(decimals)}${r.value === current ? ' *' : ''}`,
      formatFen(r.payoutFen),
      `${r.payoutFen - baseFen > 0 ? '+' : ''}${formatFen(r.payoutFen - baseFen)}`,
      ...grades.map((g) => String(r.by_grade[g] ?? 0)),
      String(r.moved),
      String(r.paid_differently),
      ...(calibrated.length
        ? [...calibrated.map((g) => String(r.by_calibrated_grade?.[g] ?? 0)), String(r.calibrated_moves ?? 0)]
        : []),
    ]),
    new Set(Array.from({ length: numeric - 1 }, (_, i) => i + 1)),
  );
  const out = [
    zh
      ? `${path}（现行 ${current}，应发合计 ${formatFen(baseFen)}；* 为现行值）`
      : `${path} (now ${current}, payout total ${formatFen(baseFen)}; * marks the current value)`,
    '',
    table,
  ];
  if (budgetFen !== undefined && fit) out.push('', fitText(fit, budgetFen, path, lang));
  return `${out.join('\n')}\n`;
}

function fitText(fit: BudgetFit, budgetFen: number, path: string, lang: Lang): string {
  const zh = lang === 'zh';
  const budget = formatFen(budgetFen);
  switch (fit.kind) {
    case 'fits':
      return zh
        ? `预算 ${budget}：${path} = ${fit.value} 时应发合计 ${formatFen(fit.payoutFen)}，在预算内（网格值 ${fit.grid.value}，二分 ${fit.bisections} 次）`
        : `budget ${budget}: ${path} = ${fit.value} gives ${formatFen(fit.payoutFen)}, within the budget (grid value ${fit.grid.value}, ${fit.bisections} bisections)`;
    case 'all_fit':
      return zh
        ? `预算 ${budget}：范围内每个取值都在预算内（最高 ${formatFen(fit.best!.payoutFen)}，取值 ${fit.best!.value}）`
        : `budget ${budget}: every value of the range fits (highest ${formatFen(fit.best!.payoutFen)} at ${fit.best!.value})`;
    case 'none_fits':
      return zh
        ? `预算 ${budget}：范围内没有取值在预算内（最低 ${formatFen(fit.best!.payoutFen)}，取值 ${fit.best!.value}）`
        : `budget ${budget}: no value of the range fits (lowest ${formatFen(fit.best!.payoutFen)} at ${fit.best!.value})`;
    case 'not_monotone':
      return zh
        ? `预算 ${budget}：应发合计随 ${path} 不是单调变化，无法二分求解；在预算内的取值：${fit.fitting.join('、') || '无'}`
        : `budget ${budget}: the payout total does not move one way with ${path}, so it cannot be solved by bisection; values within the budget: ${fit.fitting.join(', ') || 'none'}`;
  }
}
