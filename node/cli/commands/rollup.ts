// `yardstick rollup POLICY --period 2026`: a roll-up policy over the months recorded in the ledger
// (quarter, half-year, year): every employee's facts, score, grade, forced distribution and
// award, the months it used with their runs and hashes; `--record` / `--amend` store it.

import { createHash } from 'node:crypto';
import {
  explainRollup,
  explainRollupExcluded,
  formatFen,
  type Lang,
  type RollupDoc,
  type RollupResult,
  diagnostic,
  evaluateRollup,
  monthsInPeriod,
  unmetMinimumWarnings,
  type Diagnostic,
  type UnmetMinimum,
} from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import { readBytes, sayDiagnostic, type Io } from '../io.js';
import { Ledger } from '../ledger.js';
import { lockLedger } from '../ledger-lock.js';
import { alignTable } from '../format/text-table.js';
import { packageVersion } from '../version.js';
import { isRollupFile, loadRollupFile, rollupPeriodArgument } from '../rollup.js';
import { recordRollup, rollupMonths, sourceFile, type MonthSource } from '../rollup-ledger.js';
import { committedAt, correctionLines } from './record.js';

export interface RollupCommandOptions {
  period: string;
  record?: boolean;
  amend?: boolean;
  ledger: string;
  format: 'table' | 'json';
  lang: Lang;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** The months' first and last, for messages. */
const firstLast = (months: readonly string[]) => ({ first: months[0] ?? '', last: months[months.length - 1] ?? '' });

export async function rollupCommand(policyFile: string, o: RollupCommandOptions, io: Io): Promise<number> {
  if (!isRollupFile(policyFile))
    throw new ExitError(EXIT.input, diagnostic('cli_rollup_not_rollup', { file: policyFile }, { file: policyFile }));
  const { doc, quotaMinSpans } = loadRollupFile(policyFile, io.stderr, io.lang);
  const period = rollupPeriodArgument(o.period, doc);
  if (doc.effective_from && period.months[0]! < rollupPeriodArgument(doc.effective_from, doc).months[0]!)
    throw new ExitError(
      EXIT.input,
      diagnostic('cli_rollup_before_effective_from', {
        period: period.period,
        from: doc.effective_from,
        policy: doc.policy,
        version: doc.version,
      }),
    );
  if (!Ledger.exists(o.ledger))
    throw new ExitError(EXIT.input, diagnostic('io_ledger_missing', { ledger: o.ledger }, { file: o.ledger }));
  const recording = Boolean(o.record || o.amend);
  // a recording run holds the ledger's lock from reading the months to saving the roll-up
  const lock = recording ? await lockLedger(o.ledger, io.stderr, o.lang) : undefined;
  try {
    const ledger = await Ledger.open(o.ledger);
    const { months, sources } = rollupMonths(ledger, doc.rollup.of, period.months);
    if (!sources.length)
      throw new ExitError(
        EXIT.input,
        diagnostic('cli_rollup_no_months', {
          ledger: o.ledger,
          monthly: doc.rollup.of,
          period: period.period,
          ...firstLast(period.months),
        }),
      );
    const unmet: UnmetMinimum[] = [];
    const result = evaluateRollup(doc, period.period, period.months, months, unmet);
    for (const card of result.cards) {
      card.explanation = explainRollup(
        card,
        {
          title: doc.title,
          grades: doc.grades,
          scoreFact: doc.score,
          minMonths: doc.rollup.min_months,
          periodMonths: period.months,
        },
        o.lang,
      );
      // where the forced-distribution line would be: before the awards and the period's pay
      if (doc.calibration && card.held_months)
        card.explanation.splice(
          card.explanation.length - 1 - card.awards.length,
          0,
          heldLine(card.held_months, o.lang),
        );
    }
    // a calibration minimum a team could not be given, at the quota's `min`
    const within = doc.calibration?.within ?? 'all';
    const warnings = unmetMinimumWarnings(unmet, within, period.period, policyFile, quotaMinSpans);
    let saved: ReturnType<typeof recordRollup> | undefined;
    if (lock) {
      const policyBytes = readBytes(policyFile, 'policy');
      // refused here, before any output: a roll-up recorded already, or not yet for --amend
      saved = recordRollup(
        ledger,
        result,
        sources,
        {
          policyId: doc.policy,
          version: doc.version,
          policyHash: sha(policyBytes),
          gitCommit: committedAt(policyFile, policyBytes),
          engine: packageVersion(),
          recordedAt: new Date().toISOString(),
        },
        Boolean(o.amend),
      );
    }
    io.stdout(
      o.format === 'json'
        ? `${JSON.stringify(rollupJson(result, sources, warnings), null, 2)}\n`
        : formatRollup(doc, result, sources, o.lang),
    );
    for (const x of result.excluded)
      io.stderr(explainRollupExcluded(x, doc.rollup.min_months, monthsInPeriod(doc.rollup.period), o.lang));
    for (const w of warnings) sayDiagnostic(io.stderr, w, o.lang);
    if (lock && saved) {
      ledger.save(lock);
      const zh = o.lang === 'zh';
      io.stderr(
        zh
          ? `已记录 ${result.period}（${doc.policy}，第 ${saved.runId} 次记录${o.amend ? '，更正' : ''}）到 ${o.ledger}`
          : `recorded ${result.period} (${doc.policy}, run #${saved.runId}${o.amend ? ', a correction' : ''}) in ${o.ledger}`,
      );
      for (const line of correctionLines(saved.amends, saved.corrections, zh)) io.stderr(line);
    }
    return EXIT.ok;
  } finally {
    lock?.release();
  }
}

/** Why a person has no calibrated grade this period: a month of theirs is still held. */
function heldLine(months: readonly string[], lang: Lang): string {
  return lang === 'zh'
    ? `强制分布：不参与（${months.join('、')} 的应发仍暂扣，结果未定；该月以 --amend 更正、暂扣解除后再汇总即参与排名）`
    : `forced distribution: left out (${months.join(', ')} still held, the result not final; once that month is amended with the hold cleared, roll up again and they are ranked)`;
}

function formatRollup(doc: RollupDoc, r: RollupResult, sources: MonthSource[], lang: Lang): string {
  const zh = lang === 'zh';
  const calibrated = Boolean(doc.calibration);
  const header = zh
    ? ['工号', '姓名', '团队', '月数', '得分', '等级', ...(calibrated ? ['校准'] : []), '应发']
    : ['id', 'name', 'team', 'months', 'score', 'grade', ...(calibrated ? ['calibrated'] : []), 'pay'];
  const rows = r.cards.map((c) => [
    c.employee_id,
    c.name,
    c.team,
    String(c.months.length),
    // every score at the roll-up's decimals, as the monthly table prints them (90.00 beside 93.33)
    c.score.toFixed(doc.rollup.decimals ?? 2),
    c.grade,
    ...(calibrated ? [c.held_months ? '—' : (c.calibration?.calibrated ?? c.grade)] : []),
    formatFen(c.payoutFen),
  ]);
  const held = calibrated ? r.cards.filter((c) => c.held_months) : [];
  const heldList = held
    .map(
      (c) => `${c.employee_id} ${c.name}${zh ? `（${c.held_months!.join('、')}）` : ` (${c.held_months!.join(', ')})`}`,
    )
    .join(zh ? '、' : ', ');
  const grades = Object.entries(r.by_grade)
    .map(([g, n]) => `${g} ${n}`)
    .join(' · ');
  const cal = r.by_calibrated_grade
    ? Object.entries(r.by_calibrated_grade)
        .map(([g, n]) => `${g} ${n}`)
        .join(' · ')
    : undefined;
  const lines = [
    `${doc.title} v${doc.version} · ${r.period}（${r.months[0]} – ${r.months[r.months.length - 1]}）`,
    '',
    alignTable(header, rows, new Set([3, 4, header.length - 1])),
    '',
    zh
      ? `员工：${r.cards.length} 人${r.excluded.length ? `（另有 ${r.excluded.length} 人未参与汇总，见下）` : ''}`
      : `employees: ${r.cards.length}${r.excluded.length ? ` (${r.excluded.length} more not rolled up, below)` : ''}`,
    zh ? `等级分布：${grades || '—'}` : `grades: ${grades || '—'}`,
    ...(cal !== undefined ? [zh ? `校准后：${cal || '—'}` : `calibrated: ${cal || '—'}`] : []),
    ...(held.length
      ? [
          zh
            ? `未参与强制分布（有月份的应发仍暂扣）：${heldList}`
            : `left out of forced distribution (a month still held): ${heldList}`,
        ]
      : []),
    zh ? `应发合计：${formatFen(r.payout_total_fen)}` : `pay total: ${formatFen(r.payout_total_fen)}`,
    // what the roll-up was computed from: each month's run in force and the hash of what it recorded
    zh
      ? `依据：${sources.length} 个月（共 ${r.months.length} 个月）${sources.map((s) => `${sourceFile(s)} (sha256 ${s.hash})`).join(', ')}`
      : `from ${sources.length} of ${r.months.length} month(s): ${sources.map((s) => `${sourceFile(s)} (sha256 ${s.hash})`).join(', ')}`,
  ];
  return `${lines.join('\n')}\n`;
}

function rollupJson(r: RollupResult, sources: MonthSource[], warnings: Diagnostic[]) {
  return {
    policy: r.policy,
    period: r.period,
    months: r.months,
    sources: sources.map((s) => ({ policy: s.policy, period: s.period, run: s.run, hash: s.hash })),
    cards: r.cards.map(({ payoutFen, awards, months, ...c }) => ({
      ...c,
      months: months.map(({ payoutFen: fen, ...m }) => ({ ...m, payout: fen / 100 })),
      awards: awards.map(({ amountFen, ...a }) => ({ ...a, amount: amountFen / 100 })),
      payout: payoutFen / 100,
    })),
    excluded: r.excluded,
    summary: {
      by_grade: r.by_grade,
      ...(r.by_calibrated_grade ? { by_calibrated_grade: r.by_calibrated_grade } : {}),
      payout_total: r.payout_total_fen / 100,
    },
    ...(warnings.length ? { warnings } : {}),
  };
}
