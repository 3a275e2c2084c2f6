// Roll-ups in the results ledger. A roll-up reads the run in force for each month of its period
// (of the monthly policy it rolls up) and is recorded like a month: a `runs` row under its own
// policy id and period (`2026`, `2026-H2`, `2026-Q3`), one `scorecards` row per employee (the card
// is the roll-up card, with its explanation), corrections on --amend. Its inputs are the months it
// used, each with its run and a hash of that run's recorded content, as `data_files` entries with
// the role `month`; a month amended or recorded after the roll-up makes it stale (`history` says
// so, and recording it again needs --amend).

import { createHash } from 'node:crypto';
import {
  diagnostic,
  normalisePeriod,
  rollupMonthOf,
  scorecardFromJson,
  type RollupCard,
  type RollupMonth,
  type RollupResult,
  type ScorecardJson,
} from '../../engine/index.js';
import { EXIT, ExitError } from './errors.js';
import type { Correction, Ledger, RecordInfo } from './ledger.js';

/** One month a roll-up used: the monthly policy's run in force for it, and the hash of what that run recorded. */
export interface MonthSource {
  policy: string;
  period: string;
  run: number;
  hash: string;
}

const monthOf = (period: string) => {
  const p = normalisePeriod(period);
  return p.ok ? p.period : period;
};

/** As stored in `data_files`: `ledger:livestream-team 2026-05 #3`. */
export const sourceFile = (s: MonthSource) => `ledger:${s.policy} ${s.period} #${s.run}`;
const SOURCE = /^ledger:(\S+) (\d{4}-\d{2}) #(\d+)$/;

export function parseSource(entry: { file: string; hash: string; role?: string }): MonthSource | undefined {
  if (entry.role !== 'month') return undefined;
  const m = SOURCE.exec(entry.file);
  return m ? { policy: m[1]!, period: m[2]!, run: Number(m[3]), hash: entry.hash } : undefined;
}

/** The run in force for each recorded month of `policy` among `months` (a ledger may spell an old month `2026-9`). */
function runsInForce(ledger: Ledger, policy: string, months: readonly string[]): Map<string, number> {
  const wanted = new Set(months);
  const out = new Map<string, number>();
  for (const r of ledger.select<{ id: number; period: string }>(
    'select id, period from runs where policy_id = ? order by id',
    [policy],
  )) {
    const month = monthOf(r.period);
    if (wanted.has(month)) out.set(month, r.id);
  }
  return out;
}

/** The hash of what a run recorded: its policy and input hashes and every scorecard, by employee. */
function runHash(ledger: Ledger, run: number): string {
  const h = createHash('sha256');
  for (const r of ledger.select<{ policy_hash: string; data_files: string }>(
    'select policy_hash, data_files from runs where id = ?',
    [run],
  ))
    h.update(`${r.policy_hash}\n${r.data_files}\n`);
  for (const s of ledger.select<{ employee_id: string; card: string }>(
    'select employee_id, card from scorecards where run_id = ? order by employee_id',
    [run],
  ))
    h.update(`${s.employee_id}\n${s.card}\n`);
  return h.digest('hex').slice(0, 16);
}

/** The recorded months of `policy` in `months`, as a roll-up reads them, and where each came from. */
export function rollupMonths(
  ledger: Ledger,
  policy: string,
  months: readonly string[],
): { months: RollupMonth[]; sources: MonthSource[] } {
  const out: RollupMonth[] = [];
  const sources: MonthSource[] = [];
  for (const [period, run] of [...runsInForce(ledger, policy, months)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    sources.push({ policy, period, run, hash: runHash(ledger, run) });
    for (const s of ledger.select<{ card: string }>('select card from scorecards where run_id = ?', [run])) {
      out.push(rollupMonthOf(scorecardFromJson(JSON.parse(s.card) as ScorecardJson), period));
    }
  }
  return { months: out, sources };
}

/** The roll-up's run in force for a period, if recorded. */
function latestRollup(
  ledger: Ledger,
  policy: string,
  period: string,
): { id: number; version: string; recorded_at: string; data_files: string } | undefined {
  return ledger.select<{ id: number; version: string; recorded_at: string; data_files: string }>(
    'select id, version, recorded_at, data_files from runs where policy_id = ? and period = ? order by id desc limit 1',
    [policy, period],
  )[0];
}

/** How a recorded roll-up's months differ from the months in force now: empty when it is up to date. */
export function staleness(
  ledger: Ledger,
  dataFiles: { file: string; hash: string; role?: string }[],
  periodMonths: readonly string[],
): { period: string; was?: number; now?: number }[] {
  const used = dataFiles.map(parseSource).filter((s): s is MonthSource => s !== undefined);
  const policy = used[0]?.policy;
  if (!policy) return [];
  const now = runsInForce(ledger, policy, periodMonths);
  const out: { period: string; was?: number; now?: number }[] = [];
  for (const month of periodMonths) {
    const was = used.find((s) => s.period === month);
    const current = now.get(month);
    if (was?.run === current && (current === undefined || was?.hash === runHash(ledger, current))) continue;
    out.push({ period: month, ...(was ? { was: was.run } : {}), ...(current !== undefined ? { now: current } : {}) });
  }
  return out;
}

/** `2026-07 #3 → #9`, `2026-11 recorded since (#12)`, in the language asked. */
export function describeStale(list: { period: string; was?: number; now?: number }[], zh: boolean): string {
  return list
    .map((s) =>
      s.was !== undefined && s.now !== undefined
        ? zh
          ? `${s.period} 已更正（#${s.was} → #${s.now}）`
          : `${s.period} amended (#${s.was} → #${s.now})`
        : s.now !== undefined
          ? zh
            ? `${s.period} 之后才记录（#${s.now}）`
            : `${s.period} recorded since (#${s.now})`
          : zh
            ? `${s.period} 已不在账本中`
            : `${s.period} no longer in the ledger`,
    )
    .join(zh ? '；' : '; ');
}

/**
 * Records a roll-up period in memory: refused when recorded already (without --amend; the message
 * says when its months changed since) or not yet (with it). A correction keeps top-up and
 * clawback lines per employee, as a month's does.
 */
export function recordRollup(
  ledger: Ledger,
  result: RollupResult,
  sources: MonthSource[],
  info: Omit<RecordInfo, 'dataFiles'>,
  amend: boolean,
): { runId: number; amends: number | undefined; corrections: Correction[] } {
  // the id of a monthly policy with months in this ledger: the roll-up's period would be one of its periods
  const monthsOfId = ledger
    .select<{ period: string }>('select distinct period from runs where policy_id = ? order by period', [info.policyId])
    .map((r) => r.period)
    .filter((p) => /^\d{4}-\d{1,2}$/.test(p));
  if (monthsOfId.length)
    throw new ExitError(
      EXIT.input,
      diagnostic('cli_rollup_id_taken', {
        policy: info.policyId,
        periods: monthsOfId.length > 3 ? `${monthsOfId.slice(0, 3).join(', ')} …` : monthsOfId.join(', '),
        period: result.period,
      }),
    );
  const previous = latestRollup(ledger, info.policyId, result.period);
  if (previous && !amend) {
    let files: { file: string; hash: string; role?: string }[] = [];
    try {
      files = JSON.parse(previous.data_files) as typeof files;
    } catch {
      files = [];
    }
    const stale = staleness(ledger, files, result.months);
    throw new ExitError(
      EXIT.input,
      diagnostic('cli_rollup_recorded', {
        period: result.period,
        policy: info.policyId,
        run: previous.id,
        at: previous.recorded_at,
        stale: stale.length ? `; its months changed since: ${describeStale(stale, false)}` : '',
        stale_zh: stale.length ? `；此后月度结果有变：${describeStale(stale, true)}` : '',
      }),
    );
  }
  if (!previous && amend)
    throw new ExitError(
      EXIT.input,
      diagnostic('cli_rollup_not_recorded', { period: result.period, policy: info.policyId }),
    );
  // a period id is one set of months: a version whose `year_starts` moves them cannot amend it
  const recordedMonths = previous ? recordedPeriodMonths(ledger, previous.id) : undefined;
  if (recordedMonths && recordedMonths.join() !== result.months.join()) {
    const span = (m: readonly string[]) => `${m[0]} – ${m[m.length - 1]}`;
    throw new ExitError(
      EXIT.input,
      diagnostic('cli_rollup_months_moved', {
        period: result.period,
        policy: info.policyId,
        recorded_months: span(recordedMonths),
        months_now: span(result.months),
      }),
    );
  }
  const before = new Map(
    previous
      ? ledger
          .select<{ employee_id: string; name: string; payout_fen: number }>(
            'select employee_id, name, payout_fen from scorecards where run_id = ?',
            [previous.id],
          )
          .map((r) => [r.employee_id, r])
      : [],
  );
  const corrections: Correction[] = [];
  if (previous) {
    for (const c of result.cards) {
      const was = before.get(c.employee_id)?.payout_fen ?? 0;
      if (was !== c.payoutFen)
        corrections.push({
          employee_id: c.employee_id,
          name: c.name,
          beforeFen: was,
          afterFen: c.payoutFen,
          deltaFen: c.payoutFen - was,
          kind: c.payoutFen > was ? 'top_up' : 'clawback',
        });
    }
    for (const [id, old] of before)
      if (!result.cards.some((c) => c.employee_id === id) && old.payout_fen !== 0)
        corrections.push({
          employee_id: id,
          name: old.name,
          beforeFen: old.payout_fen,
          afterFen: 0,
          deltaFen: -old.payout_fen,
          kind: 'clawback',
        });
  }
  const dataFiles = sources.map((s) => ({ file: sourceFile(s), hash: s.hash, role: 'month' }));
  const runId = ledger.transaction((run, lastId) => {
    run(
      'insert into runs (policy_id, period, version, policy_hash, git_commit, data_files, engine, recorded_at, kind, amends) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        info.policyId,
        result.period,
        info.version,
        info.policyHash,
        info.gitCommit ?? null,
        JSON.stringify(dataFiles),
        info.engine,
        info.recordedAt,
        previous ? 'correction' : 'official',
        previous?.id ?? null,
      ],
    );
    const id = lastId();
    for (const c of result.cards)
      run('insert into scorecards values (?, ?, ?, ?, ?, ?, ?)', [
        id,
        c.employee_id,
        c.name,
        c.grade,
        c.score,
        c.payoutFen,
        JSON.stringify(c),
      ]);
    for (const x of corrections)
      run('insert into corrections values (?, ?, ?, ?, ?, ?, ?)', [
        id,
        x.employee_id,
        x.name,
        x.beforeFen,
        x.afterFen,
        x.deltaFen,
        x.kind,
      ]);
    return id;
  });
  return { runId, amends: previous?.id, corrections };
}

/**
 * The months a recorded roll-up run covered, read from one of its cards (the months used and the
 * months missing): a period id alone does not say them, as a policy's `rollup.year_starts` moves
 * them. Undefined when the run has no card.
 */
export function recordedPeriodMonths(ledger: Ledger, runId: number): string[] | undefined {
  const row = ledger.select<{ card: string }>('select card from scorecards where run_id = ? limit 1', [runId])[0];
  if (!row) return undefined;
  const card = JSON.parse(row.card) as Partial<RollupCard>;
  if (!Array.isArray(card.months) || !Array.isArray(card.missing)) return undefined;
  return [...card.months.map((m) => m.period), ...card.missing].sort();
}

/** The recorded roll-up card of one employee for a roll-up period (the run in force), with its inputs. */
export function recordedRollup(
  ledger: Ledger,
  period: string,
  employeeId: string,
  policyId?: string,
): { policy_id: string; run_id: number; card: RollupCard; policy_hash: string; data_files: string }[] {
  return ledger
    .select<{ policy_id: string; run_id: number; card: string; policy_hash: string; data_files: string }>(
      `select r.policy_id, r.id as run_id, s.card, r.policy_hash, r.data_files from scorecards s join runs r on r.id = s.run_id
       where r.period = ? and s.employee_id = ? and (? is null or r.policy_id = ?)
       and r.id = (select max(id) from runs r2 where r2.policy_id = r.policy_id and r2.period = r.period)`,
      [period, employeeId, policyId ?? null, policyId ?? null],
    )
    .map((r) => ({ ...r, card: JSON.parse(r.card) as RollupCard }));
}
