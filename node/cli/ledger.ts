// The results ledger: each period's official result, kept in an SQLite file (sql.js, no native
// build) that is never edited in place. The file is read, changed in memory and written to a
// temporary file that is renamed over it, so a run killed midway leaves the ledger as it was.
// Recording a period again needs --amend and is kept as a correction with top-up and clawback
// lines per employee; nothing is overwritten. The file is checked when opened, written through a
// symlink to its target, kept as a backup when replaced, and changed under a lock: see
// ledger-file.ts, ledger-lock.ts and docs/ledger.md.

import { existsSync } from 'node:fs';
import { makeFolders } from '../files.js';
import { dirname } from 'node:path';
import type { Database } from 'sql.js';
import {
  scorecardFromJson,
  scorecardToJson,
  type HistorySource,
  type RunResult,
  type Scorecard,
  type ScorecardJson,
  type PlanState,
  pastPeriodOf,
  type PastPeriod,
  normalisePeriod,
  addMonths,
  diagnostic,
  localise,
  isNewerVersion,
} from '../../engine/index.js';
import { EXIT, ExitError } from './errors.js';
import { ledgerTarget, readCheckedLedger, replaceLedgerFile, useSqlJs } from './ledger-file.js';
import type { LedgerLock } from './ledger-lock.js';

export const DEFAULT_LEDGER = '.yardstick/ledger.db';

const SCHEMA = `
create table if not exists runs (
  id integer primary key,
  policy_id text not null, period text not null, version text not null, policy_hash text not null,
  git_commit text, data_files text not null, engine text not null, recorded_at text not null,
  kind text not null check (kind in ('official', 'correction')), amends integer references runs(id)
);
create table if not exists scorecards (
  run_id integer not null references runs(id), employee_id text not null, name text not null,
  grade text not null, score real not null, payout_fen integer not null, card text not null,
  primary key (run_id, employee_id)
);
create table if not exists corrections (
  run_id integer not null references runs(id), employee_id text not null, name text not null,
  before_fen integer not null, after_fen integer not null, delta_fen integer not null,
  kind text not null check (kind in ('top_up', 'clawback'))
);`;

export interface RecordInfo {
  policyId: string;
  version: string;
  policyHash: string;
  gitCommit?: string;
  /** Every input file: a data file, or a data mapping, its roster and each export it joins (`role` tells which; older ledgers have no `role`). */
  dataFiles: { file: string; hash: string; role?: string }[];
  engine: string;
  recordedAt: string;
}

/** What a recorded run was computed from: the policy's hash and every data input with its hash. */
export interface RunInputs {
  policy_hash: string;
  data_files: { file: string; hash: string; role?: string }[];
}

type RunInputRow = { policy_hash: string; data_files: string };

/** `data_files` as stored: a JSON list, the same in older ledgers (one entry per data file, no `role`). */
function runInputs(r: RunInputRow): RunInputs {
  let files: unknown;
  try {
    files = JSON.parse(r.data_files);
  } catch {
    files = [];
  }
  return { policy_hash: r.policy_hash, data_files: Array.isArray(files) ? (files as RunInputs['data_files']) : [] };
}

export interface Correction {
  employee_id: string;
  name: string;
  /** Integer fen, as the ledger stores them. */
  beforeFen: number;
  afterFen: number;
  deltaFen: number;
  kind: 'top_up' | 'clawback';
}

/** An employee whose grade or triggers a correction changed: before and after. */
export interface Regraded {
  employee_id: string;
  name: string;
  grade: [string, string];
  triggers: [string[], string[]];
}

/** The trigger ids of a recorded card (its JSON), sorted; none when it cannot be read. */
function triggerIds(card: string): string[] {
  try {
    const parsed = JSON.parse(card) as { triggers?: { id?: unknown }[] };
    return (parsed.triggers ?? []).map((t) => String(t.id)).sort();
  } catch {
    return [];
  }
}

/** A recorded period as `YYYY-MM` (as written when it is not a month). */
function monthOf(period: string): string {
  const p = normalisePeriod(period);
  return p.ok ? p.period : period;
}

/** Where a period sorts: a month as itself, a roll-up period (`2026`, `2026-H2`, `2026-Q3`) after its last month. */
function sortKey(period: string): string {
  const m = /^(\d{4})(?:-([HQ])([1-4]))?$/.exec(period);
  if (!m) return monthOf(period);
  const last = !m[2] ? 12 : m[2] === 'H' ? 6 * Number(m[3]) : 3 * Number(m[3]);
  return `${m[1]}-${String(last).padStart(2, '0')}~`;
}

export class Ledger {
  private constructor(
    private readonly path: string,
    private readonly db: Database,
    /** The real file behind `path` (a symlink is written through), and its bytes as opened and checked. */
    private readonly target: string,
    private readonly opened: Uint8Array | undefined,
  ) {}

  static async open(path: string): Promise<Ledger> {
    // loaded by the commands that open a ledger, not at every start
    const SQL = await (await import('sql.js')).default();
    useSqlJs(SQL);
    const target = ledgerTarget(path);
    const opened = existsSync(target) ? readCheckedLedger(path, target) : undefined;
    let db: Database;
    try {
      // a copy: sql.js may keep the array it is given as the database's storage, and `opened` is the backup
      db = opened ? new SQL.Database(Uint8Array.from(opened)) : new SQL.Database();
      db.exec(SCHEMA);
    } catch (error) {
      throw new ExitError(
        EXIT.input,
        diagnostic('io_ledger_unreadable', { ledger: path, detail: (error as Error).message }, { file: path }),
      );
    }
    return new Ledger(path, db, target, opened);
  }

  static exists(path: string): boolean {
    return existsSync(path);
  }

  private rows<T>(sql: string, params: (string | number | null)[] = []): T[] {
    const stmt = this.db.prepare(sql);
    stmt.bind(params);
    const out: T[] = [];
    while (stmt.step()) out.push(stmt.getAsObject() as T);
    stmt.free();
    return out;
  }

  /** The run in force for a period: the latest correction, or the official run. */
  latest(
    policyId: string,
    period: string,
  ): { id: number; version: string; kind: string; recorded_at: string } | undefined {
    return this.rows<{ id: number; version: string; kind: string; recorded_at: string }>(
      'select id, version, kind, recorded_at from runs where policy_id = ? and period = ? order by id desc limit 1',
      [policyId, period],
    )[0];
  }

  /**
   * Adds the period in memory. Refused: a period recorded already (without `amend`) or not yet
   * (with it); a period earlier than a recorded one, unless `outOfOrder` (the later periods are
   * returned as `stale`); a correction that excludes someone recorded for the period.
   */
  record(
    result: RunResult,
    info: RecordInfo,
    amend: boolean,
    outOfOrder = false,
  ): {
    runId: number;
    amends: number | undefined;
    corrections: Correction[];
    regraded: Regraded[];
    stale: string[];
  } {
    const period = result.period;
    if (!period || period.includes(','))
      throw new ExitError(EXIT.input, diagnostic('cli_record_periods', { periods: period || 'none' }));
    // a ledger written before periods were normalised may hold this month as `2026/10` or `2026-9`
    const spelled = this.rows<{ period: string }>(
      'select distinct period from runs where policy_id = ? and period <> ?',
      [info.policyId, period],
    ).find((r) => monthOf(r.period) === period);
    if (spelled) {
      throw new ExitError(
        EXIT.input,
        diagnostic('cli_record_spelled', { period, policy: info.policyId, spelled: spelled.period }),
      );
    }
    // the id of a roll-up with periods in this ledger (2026, 2026-H2, 2026-Q3): a month beside them
    // would read them as history and be refused as "earlier than 2026-Q3"
    const rollups = this.rows<{ period: string }>(
      'select distinct period from runs where policy_id = ? order by period',
      [info.policyId],
    )
      .map((r) => r.period)
      .filter((p) => /^\d{4}(-[HQ]\d)?$/.test(p));
    if (rollups.length)
      throw new ExitError(
        EXIT.input,
        diagnostic('cli_record_rollup_id', { policy: info.policyId, periods: rollups.slice(0, 3).join(', ') }),
      );
    const previous = this.latest(info.policyId, period);
    if (previous && !amend) {
      throw new ExitError(
        EXIT.input,
        diagnostic('cli_record_recorded', {
          period,
          policy: info.policyId,
          run: previous.id,
          version: previous.version,
          at: previous.recorded_at,
        }),
      );
    }
    if (!previous && amend)
      throw new ExitError(EXIT.input, diagnostic('cli_record_not_recorded', { period, policy: info.policyId }));
    // an official result is recorded under the version in force, never under a version older than
    // one this policy has recorded with (an old checkout, a stale copy of the file): a correction of
    // October with 1.1.0 after 1.2.0 recorded it undid 1.2.0's rules without a word
    const newest = this.rows<{ version: string; period: string; id: number }>(
      'select version, period, id from runs where policy_id = ? order by id',
      [info.policyId],
    ).reduce<{ version: string; period: string; id: number } | undefined>(
      (best, r) => (best === undefined || isNewerVersion(r.version, best.version) ? r : best),
      undefined,
    );
    if (newest && isNewerVersion(newest.version, info.version))
      throw new ExitError(
        EXIT.input,
        diagnostic('cli_record_older_version', {
          policy: info.policyId,
          version: info.version,
          newest: newest.version,
          recorded: newest.period,
          run: newest.id,
        }),
      );
    // an earlier month recorded before a month earlier than it was recorded or corrected (an
    // out-of-order record, or a correction not yet carried forward by --amend): its history facts
    // (plans, consecutive grades) are stale, and this period would read them as they are: refused
    // unless --out-of-order says to record on a stale history all the same
    const staleBefore = this.staleBefore(info.policyId, period);
    if (staleBefore.length && !outOfOrder)
      throw new ExitError(
        EXIT.input,
        diagnostic('cli_record_out_of_order.stale', {
          period,
          policy: info.policyId,
          later: staleBefore.join(', '),
        }),
      );
    // later periods read this one's history: recorded or corrected after them, theirs is stale
    const stale = [
      ...new Set(
        this.rows<{ period: string }>('select distinct period from runs where policy_id = ?', [info.policyId]).map(
          (r) => monthOf(r.period),
        ),
      ),
    ]
      .filter((p) => p > period)
      .sort();
    if (stale.length && !outOfOrder) {
      throw new ExitError(
        EXIT.input,
        diagnostic('cli_record_out_of_order', { period, policy: info.policyId, later: stale.join(', ') }),
      );
    }
    const before = previous
      ? new Map(
          this.rows<{ employee_id: string; name: string; payout_fen: number; grade: string; card: string }>(
            'select employee_id, name, payout_fen, grade, card from scorecards where run_id = ?',
            [previous.id],
          ).map((r) => [r.employee_id, r]),
        )
      : new Map();
    if (previous) {
      // excluded for a data problem is not "no longer listed": no clawback of a whole pay for a bad cell
      const listed = new Set(result.scorecards.map((c) => c.employee_id));
      const left = result.excluded.filter(
        (x) => x.employee_id !== undefined && before.has(x.employee_id) && !listed.has(x.employee_id),
      );
      // a record without an employee id may be any recorded employee the correction does not list
      const anonymous = result.excluded.filter((x) => x.employee_id === undefined || x.employee_id === '');
      const missing = [...before.keys()].filter((id) => !listed.has(id) && !left.some((x) => x.employee_id === id));
      if (left.length || (anonymous.length && missing.length)) {
        // in both languages: the diagnostic is shown in the run's (a reason is each excluded record's own diagnostic)
        const who = left.map((x) => `${x.employee_id} ${x.name ?? ''}`.trim());
        const why = (lang: 'en' | 'zh') =>
          left.map(
            (x, i) =>
              `${who[i]}${lang === 'en' ? ': ' : '：'}${x.reasons.map((d) => localise(d, lang).message).join('; ')}`,
          );
        const anon =
          anonymous.length && missing.length
            ? {
                en: `${anonymous.length} record(s) without an employee id cannot be scored, and ${missing.join(', ')} recorded in run #${previous.id} ${missing.length === 1 ? 'is' : 'are'} not in the correction`,
                zh: `${anonymous.length} 条没有工号的记录无法计算，而第 ${previous.id} 次记录中的 ${missing.join('、')} 不在更正中`,
              }
            : undefined;
        const detail = {
          en: `${who.length ? `the correction of ${period} of \`${info.policyId}\` would leave out ${who.join(', ')}, recorded in run #${previous.id}, because their record cannot be scored: ${why('en').join('; ')}` : `the correction of ${period} of \`${info.policyId}\` cannot tell who it leaves out: ${anon?.en}`}${who.length && anon ? `; also ${anon.en}` : ''}`,
          zh: `${who.length ? `${period}（${info.policyId}）的更正会漏掉第 ${previous.id} 次记录中的 ${who.join('、')}，因为其记录无法计算：${why('zh').join('；')}` : `${period}（${info.policyId}）的更正无法确定会漏掉谁：${anon?.zh}`}${who.length && anon ? `；另外，${anon.zh}` : ''}`,
        };
        throw new ExitError(EXIT.input, diagnostic('cli_record_amend_excludes', { detail }));
      }
    }
    this.db.exec('begin');
    try {
      this.db.run(
        'insert into runs (policy_id, period, version, policy_hash, git_commit, data_files, engine, recorded_at, kind, amends) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          info.policyId,
          period,
          info.version,
          info.policyHash,
          info.gitCommit ?? null,
          JSON.stringify(info.dataFiles),
          info.engine,
          info.recordedAt,
          previous ? 'correction' : 'official',
          previous?.id ?? null,
        ],
      );
      const runId = this.rows<{ id: number }>('select last_insert_rowid() as id')[0].id;
      const corrections: Correction[] = [];
      const regraded: Regraded[] = [];
      const seen = new Set<string>();
      for (const c of result.scorecards) {
        const fen = c.payout.totalFen;
        this.db.run('insert into scorecards values (?, ?, ?, ?, ?, ?, ?)', [
          runId,
          c.employee_id,
          c.name,
          c.grade,
          c.score,
          fen,
          JSON.stringify(scorecardToJson(c)),
        ]);
        seen.add(c.employee_id);
        if (previous) {
          // a grade or a trigger that the correction changes (a plan opened or dropped) is news even
          // where the pay is not
          const old = before.get(c.employee_id);
          if (old) {
            const triggersBefore = triggerIds(old.card);
            const triggersAfter = c.triggers.map((t) => t.id).sort();
            if (old.grade !== c.grade || triggersBefore.join(',') !== triggersAfter.join(','))
              regraded.push({
                employee_id: c.employee_id,
                name: c.name,
                grade: [old.grade, c.grade],
                triggers: [triggersBefore, triggersAfter],
              });
          }
          const was = before.get(c.employee_id)?.payout_fen ?? 0;
          if (was !== fen)
            corrections.push({
              employee_id: c.employee_id,
              name: c.name,
              beforeFen: was,
              afterFen: fen,
              deltaFen: fen - was,
              kind: fen > was ? 'top_up' : 'clawback',
            });
        }
      }
      for (const [id, old] of before) {
        if (!seen.has(id) && old.payout_fen !== 0)
          corrections.push({
            employee_id: id,
            name: old.name,
            beforeFen: old.payout_fen,
            afterFen: 0,
            deltaFen: -old.payout_fen,
            kind: 'clawback',
          });
      }
      for (const x of corrections) {
        this.db.run('insert into corrections values (?, ?, ?, ?, ?, ?, ?)', [
          runId,
          x.employee_id,
          x.name,
          x.beforeFen,
          x.afterFen,
          x.deltaFen,
          x.kind,
        ]);
      }
      this.db.exec('commit');
      return { runId, amends: previous?.id, corrections, regraded, stale };
    } catch (error) {
      this.db.exec('rollback');
      throw error;
    }
  }

  /**
   * Writes the ledger file atomically (temporary file beside the target, then rename), with its
   * checksum, keeping the file it replaces as the backup. Only under the ledger's lock.
   * `beforeRename` runs when the new file is complete beside the ledger, just before the rename: a
   * test stops the process there, the most delicate moment.
   */
  save(lock: LedgerLock, o: { beforeRename?: () => void } = {}): void {
    makeFolders(dirname(this.target));
    const bytes = this.db.export();
    if (!lock.stillHeld()) {
      throw new ExitError(
        EXIT.input,
        diagnostic('io_ledger_lock_lost', { lock: lock.file, ledger: this.path }, { file: this.path }),
      );
    }
    replaceLedgerFile(this.target, bytes, this.opened, o.beforeRename);
  }

  /** A read-only query, for the roll-ups' part of the ledger (rollup-ledger.ts). */
  select<T>(sql: string, params: (string | number | null)[] = []): T[] {
    return this.rows<T>(sql, params);
  }

  /** Writes in memory as one transaction (all or nothing), for recording a roll-up (rollup-ledger.ts). */
  transaction<T>(work: (run: (sql: string, params: (string | number | null)[]) => void, lastId: () => number) => T): T {
    this.db.exec('begin');
    try {
      const out = work(
        (sql, params) => this.db.run(sql, params),
        () => this.rows<{ id: number }>('select last_insert_rowid() as id')[0]?.id ?? 0,
      );
      this.db.exec('commit');
      return out;
    } catch (error) {
      this.db.exec('rollback');
      throw error;
    }
  }

  /** Earlier periods' grades for a policy, most recent first, from the run in force for each period, back to the first month missing. */
  history(policyId: string, beforePeriod: string): HistorySource {
    // periods compared as months: a ledger written before periods were normalised may hold `2026-9`
    const rows = this.rows<{ employee_id: string; grade: string; period: string; card: string }>(
      `select s.employee_id, s.grade, r.period, s.card from scorecards s join runs r on r.id = s.run_id
       where r.policy_id = ? and r.id = (select max(id) from runs r2 where r2.policy_id = r.policy_id and r2.period = r.period)
       order by r.period desc`,
      [policyId],
    )
      .map((r) => ({ ...r, month: monthOf(r.period) }))
      .filter((r) => r.month < beforePeriod)
      .sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
    const byEmployee = new Map<string, string[]>();
    const plans = new Map<string, PlanState | undefined>();
    const periods = new Map<string, PastPeriod[]>();
    // "in a row" is in calendar months: each employee's history is the unbroken run of months
    // ending with the month before this one; a month missing (not recorded, or not listing them) ends it
    const expected = new Map<string, string>();
    for (const r of rows) {
      if ((expected.get(r.employee_id) ?? addMonths(beforePeriod, -1)) !== r.month) {
        expected.set(r.employee_id, '');
        continue;
      }
      expected.set(r.employee_id, addMonths(r.month, -1));
      const card = scorecardFromJson(JSON.parse(r.card) as ScorecardJson);
      byEmployee.set(r.employee_id, [...(byEmployee.get(r.employee_id) ?? []), r.grade]);
      // rows come most recent first: the first one per employee carries the plan in force
      if (!plans.has(r.employee_id)) plans.set(r.employee_id, card.plan);
      periods.set(r.employee_id, [...(periods.get(r.employee_id) ?? []), pastPeriodOf(card)]);
    }
    // an id as compared for a warning: lower case, no leading zeros in its numbers
    const fold = (id: string) => id.toLowerCase().replace(/(^|\D)0+(?=\d)/g, '$1');
    const folded = new Map<string, string>();
    for (const id of byEmployee.keys()) folded.set(fold(id), id);
    return {
      grades: (id) => byEmployee.get(id) ?? [],
      plan: (id) => plans.get(id),
      periods: (id) => periods.get(id) ?? [],
      alike: (id) => {
        const other = folded.get(fold(id));
        return other !== id ? other : undefined;
      },
    };
  }

  /**
   * The recorded months before `period` whose history facts are stale: each recorded (its latest
   * run) before a month earlier than it, and within its history (no month missing between them),
   * was recorded or corrected (an out-of-order record, or a correction not yet carried forward by
   * --amend).
   */
  staleBefore(policyId: string, period: string): string[] {
    const latestRun = new Map<string, number>();
    for (const r of this.rows<{ period: string; id: number }>(
      'select period, max(id) as id from runs where policy_id = ? group by period',
      [policyId],
    )) {
      const month = monthOf(r.period);
      latestRun.set(month, Math.max(latestRun.get(month) ?? 0, r.id));
    }
    // the months this period's history reads: those recorded one after another up to the month
    // before it (a gap ends history, history.ts); a stale month before a gap is read by nothing here
    const earlier: string[] = [];
    for (let m = addMonths(period, -1); latestRun.has(m); m = addMonths(m, -1)) earlier.unshift(m);
    // a month's history runs back through the months recorded one after another before it: a gap
    // ends it (history.ts), so a month recorded late before the gap leaves the months after it whole
    const reaches = (from: string, to: string) => {
      for (let m = addMonths(from, 1); m < to; m = addMonths(m, 1)) if (!latestRun.has(m)) return false;
      return true;
    };
    return earlier.filter((m, i) =>
      earlier.slice(0, i).some((e) => latestRun.get(e)! > latestRun.get(m)! && reaches(e, m)),
    );
  }

  /** The month before `period` when it is not recorded for the policy but an earlier month is: history stops at that gap. */
  gapBefore(policyId: string, period: string): string | undefined {
    const months = new Set(
      this.rows<{ period: string }>('select distinct period from runs where policy_id = ?', [policyId]).map((r) =>
        monthOf(r.period),
      ),
    );
    const previous = addMonths(period, -1);
    return !months.has(previous) && [...months].some((m) => m < previous) ? previous : undefined;
  }

  /** The recorded scorecard of one employee for one period (from the run in force). */
  recorded(
    period: string,
    employeeId: string,
    policyId?: string,
  ): { policy_id: string; run_id: number; card: Scorecard; inputs: RunInputs }[] {
    const found = this.recordedAs(period, employeeId, policyId);
    if (found.length) return found;
    // a ledger written before periods were normalised may hold the month as `2026/10`
    const spelled = this.rows<{ period: string }>('select distinct period from runs where period <> ?', [
      period,
    ]).filter((r) => monthOf(r.period) === period);
    return spelled.flatMap((r) => this.recordedAs(r.period, employeeId, policyId));
  }

  /**
   * The runs in force for `period` that no longer list `employeeId` though an earlier run of the same
   * policy and period did: a correction removed them (their pay for the period is 0). Each with the
   * last run that listed them and what it recorded, for a message that says so.
   */
  removedFrom(
    period: string,
    employeeId: string,
    policyId?: string,
  ): { policy_id: string; run_id: number; listed_run_id: number; listed_fen: number }[] {
    const inForce = this.rows<{ policy_id: string; period: string; id: number }>(
      `select r.policy_id, r.period, r.id from runs r
       where (? is null or r.policy_id = ?)
       and r.id = (select max(id) from runs r2 where r2.policy_id = r.policy_id and r2.period = r.period)`,
      [policyId ?? null, policyId ?? null],
    ).filter((r) => monthOf(r.period) === period);
    return inForce.flatMap((r) => {
      const listed = this.rows<{ run_id: number; payout_fen: number }>(
        `select s.run_id, s.payout_fen from scorecards s join runs r on r.id = s.run_id
         where r.policy_id = ? and r.period = ? and s.employee_id = ? order by s.run_id desc limit 1`,
        [r.policy_id, r.period, employeeId],
      )[0];
      return listed && listed.run_id !== r.id
        ? [{ policy_id: r.policy_id, run_id: r.id, listed_run_id: listed.run_id, listed_fen: listed.payout_fen }]
        : [];
    });
  }

  private recordedAs(
    period: string,
    employeeId: string,
    policyId?: string,
  ): { policy_id: string; run_id: number; card: Scorecard; inputs: RunInputs }[] {
    return this.rows<{ policy_id: string; run_id: number; card: string } & RunInputRow>(
      `select r.policy_id, r.id as run_id, s.card, r.version, r.policy_hash, r.data_files from scorecards s join runs r on r.id = s.run_id
       where r.period = ? and s.employee_id = ? and (? is null or r.policy_id = ?)
       and r.id = (select max(id) from runs r2 where r2.policy_id = r.policy_id and r2.period = r.period)`,
      [period, employeeId, policyId ?? null, policyId ?? null],
    ).map((r) => ({
      policy_id: r.policy_id,
      run_id: r.run_id,
      card: scorecardFromJson(JSON.parse(r.card) as ScorecardJson),
      inputs: runInputs(r),
    }));
  }

  /**
   * Every ledger line of one employee, oldest first: each recorded scorecard with its correction,
   * and each correction of a run that no longer lists the employee (pay 0, a clawback), which has
   * no grade or score.
   */
  /** The recorded employee ids that equal `employeeId` but for case (`sv0001` → `SV0001`), for a suggestion. */
  employeesLike(employeeId: string): string[] {
    return this.rows<{ employee_id: string }>(
      `select distinct employee_id from (select employee_id from scorecards union select employee_id from corrections)
       where lower(employee_id) = lower(?) order by employee_id`,
      [employeeId],
    ).map((r) => r.employee_id);
  }

  employeeHistory(employeeId: string): {
    period: string;
    policy_id: string;
    version: string;
    kind: string;
    run_id: number;
    grade?: string;
    score?: number;
    payoutFen: number;
    correctionFen?: number;
    inputs: RunInputs;
  }[] {
    return (
      this.rows<
        {
          period: string;
          policy_id: string;
          version: string;
          kind: string;
          run_id: number;
          grade: string | null;
          score: number | null;
          payout_fen: number;
          delta_fen: number | null;
        } & RunInputRow
      >(
        `select r.period, r.policy_id, r.version, r.kind, r.id as run_id, s.grade, s.score, s.payout_fen, c.delta_fen, r.policy_hash, r.data_files
       from scorecards s join runs r on r.id = s.run_id left join corrections c on c.run_id = r.id and c.employee_id = s.employee_id
       where s.employee_id = ?
       union all
       select r.period, r.policy_id, r.version, r.kind, r.id as run_id, null, null, c.after_fen, c.delta_fen, r.policy_hash, r.data_files
       from corrections c join runs r on r.id = c.run_id
       where c.employee_id = ? and not exists (select 1 from scorecards s where s.run_id = c.run_id and s.employee_id = c.employee_id)`,
        [employeeId, employeeId],
      )
        // in month order, also for periods an earlier version recorded as written (`2026-9`)
        .sort((a, b) =>
          sortKey(a.period) < sortKey(b.period) ? -1 : sortKey(a.period) > sortKey(b.period) ? 1 : a.run_id - b.run_id,
        )
        .map((r) => ({
          period: monthOf(r.period),
          policy_id: r.policy_id,
          version: r.version,
          kind: r.kind,
          run_id: r.run_id,
          ...(r.grade !== null ? { grade: r.grade } : {}),
          ...(r.score !== null ? { score: r.score } : {}),
          payoutFen: r.payout_fen,
          ...(r.delta_fen !== null ? { correctionFen: r.delta_fen } : {}),
          inputs: runInputs(r),
        }))
    );
  }
}
