// The results ledger: each period's official result, kept in an SQLite file (sql.js, no native
// build) that is never edited in place. The file is read, changed in memory and written to a
// temporary file that is renamed over it, so a run killed midway leaves the ledger as it was.
// Recording a period again needs --amend and is kept as a correction with top-up and clawback
// lines per employee; nothing is overwritten. The file is checked when opened, written through a
// symlink to its target, kept as a backup when replaced, and changed under a lock: see
// ledger-file.ts, ledger-lock.ts and docs/ledger.md.

import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import initSqlJs, { type Database } from 'sql.js';
import type { HistorySource, RunResult, Scorecard } from '../index.js';
import type { PlanState } from '../plan.js';
import { pastPeriodOf, type PastPeriod } from '../facts.js';
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
  dataFiles: { file: string; hash: string }[];
  engine: string;
  recordedAt: string;
}

export interface Correction {
  employee_id: string;
  name: string;
  before: number;
  after: number;
  delta: number;
  kind: 'top_up' | 'clawback';
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
    const SQL = await initSqlJs();
    useSqlJs(SQL);
    const target = ledgerTarget(path);
    const opened = existsSync(target) ? readCheckedLedger(path, target) : undefined;
    let db: Database;
    try {
      // a copy: sql.js may keep the array it is given as the database's storage, and `opened` is the backup
      db = opened ? new SQL.Database(Uint8Array.from(opened)) : new SQL.Database();
      db.exec(SCHEMA);
    } catch (error) {
      throw new ExitError(EXIT.input, `\`${path}\` is not a readable results ledger: ${(error as Error).message}`);
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
  latest(policyId: string, period: string): { id: number; version: string; kind: string; recorded_at: string } | undefined {
    return this.rows<{ id: number; version: string; kind: string; recorded_at: string }>('select id, version, kind, recorded_at from runs where policy_id = ? and period = ? order by id desc limit 1', [policyId, period])[0];
  }

  record(result: RunResult, info: RecordInfo, amend: boolean): { runId: number; corrections: Correction[] } {
    const period = result.period;
    if (!period || period.includes(',')) throw new ExitError(EXIT.input, `only one period can be recorded at a time (the data holds \`${period || 'none'}\`)`);
    const previous = this.latest(info.policyId, period);
    if (previous && !amend) {
      throw new ExitError(EXIT.input, `period ${period} of \`${info.policyId}\` is already recorded (run #${previous.id}, v${previous.version}, ${previous.recorded_at})\n  help: to correct it, run again with --amend; the correction is kept beside the original with top-up and clawback lines`);
    }
    if (!previous && amend) throw new ExitError(EXIT.input, `period ${period} of \`${info.policyId}\` has not been recorded yet: record it without --amend`);
    const before = previous ? new Map(this.rows<{ employee_id: string; name: string; payout_fen: number }>('select employee_id, name, payout_fen from scorecards where run_id = ?', [previous.id]).map((r) => [r.employee_id, r])) : new Map();
    this.db.exec('begin');
    try {
      this.db.run('insert into runs (policy_id, period, version, policy_hash, git_commit, data_files, engine, recorded_at, kind, amends) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        info.policyId, period, info.version, info.policyHash, info.gitCommit ?? null, JSON.stringify(info.dataFiles), info.engine, info.recordedAt, previous ? 'correction' : 'official', previous?.id ?? null,
      ]);
      const runId = this.rows<{ id: number }>('select last_insert_rowid() as id')[0].id;
      const corrections: Correction[] = [];
      const seen = new Set<string>();
      for (const c of result.scorecards) {
        const fen = Math.round(c.payout.total * 100);
        this.db.run('insert into scorecards values (?, ?, ?, ?, ?, ?, ?)', [runId, c.employee_id, c.name, c.grade, c.score, fen, JSON.stringify(c)]);
        seen.add(c.employee_id);
        if (previous) {
          const was = before.get(c.employee_id)?.payout_fen ?? 0;
          if (was !== fen) corrections.push({ employee_id: c.employee_id, name: c.name, before: was / 100, after: fen / 100, delta: (fen - was) / 100, kind: fen > was ? 'top_up' : 'clawback' });
        }
      }
      for (const [id, old] of before) {
        if (!seen.has(id) && old.payout_fen !== 0) corrections.push({ employee_id: id, name: old.name, before: old.payout_fen / 100, after: 0, delta: -old.payout_fen / 100, kind: 'clawback' });
      }
      for (const x of corrections) {
        this.db.run('insert into corrections values (?, ?, ?, ?, ?, ?, ?)', [runId, x.employee_id, x.name, Math.round(x.before * 100), Math.round(x.after * 100), Math.round(x.delta * 100), x.kind]);
      }
      this.db.exec('commit');
      return { runId, corrections };
    } catch (error) {
      this.db.exec('rollback');
      throw error;
    }
  }

  /**
   * Writes the ledger file atomically (temporary file beside the target, then rename), with its
   * checksum, keeping the file it replaces as the backup. Only under the ledger's lock.
   */
  save(lock: LedgerLock): void {
    mkdirSync(dirname(this.target), { recursive: true });
    const bytes = this.db.export();
    if (process.env.YARDSTICK_TEST_CRASH_BEFORE_SAVE) {
      // lets a test kill a run at its most delicate moment: data prepared, file not yet replaced
      process.exit(137);
    }
    if (!lock.stillHeld()) {
      throw new ExitError(EXIT.input, `the lock \`${lock.file}\` of the results ledger \`${this.path}\` was taken over by another run while this one worked: nothing was recorded\n  help: run again`);
    }
    replaceLedgerFile(this.target, bytes, this.opened);
  }

  /** Earlier periods' grades for a policy, most recent first, from the run in force for each period. */
  history(policyId: string, beforePeriod: string): HistorySource {
    const rows = this.rows<{ employee_id: string; grade: string; period: string; card: string }>(
      `select s.employee_id, s.grade, r.period, s.card from scorecards s join runs r on r.id = s.run_id
       where r.policy_id = ? and r.period < ? and r.id = (select max(id) from runs r2 where r2.policy_id = r.policy_id and r2.period = r.period)
       order by r.period desc`,
      [policyId, beforePeriod],
    );
    const byEmployee = new Map<string, string[]>();
    const plans = new Map<string, PlanState | undefined>();
    const periods = new Map<string, PastPeriod[]>();
    for (const r of rows) {
      const card = JSON.parse(r.card) as Scorecard;
      byEmployee.set(r.employee_id, [...(byEmployee.get(r.employee_id) ?? []), r.grade]);
      // rows come most recent first: the first one per employee carries the plan in force
      if (!plans.has(r.employee_id)) plans.set(r.employee_id, card.plan);
      periods.set(r.employee_id, [...(periods.get(r.employee_id) ?? []), pastPeriodOf(card)]);
    }
    return { grades: (id) => byEmployee.get(id) ?? [], plan: (id) => plans.get(id), periods: (id) => periods.get(id) ?? [] };
  }

  /** The recorded scorecard of one employee for one period (from the run in force). */
  recorded(period: string, employeeId: string, policyId?: string): { policy_id: string; run_id: number; card: Scorecard }[] {
    return this.rows<{ policy_id: string; run_id: number; card: string }>(
      `select r.policy_id, r.id as run_id, s.card from scorecards s join runs r on r.id = s.run_id
       where r.period = ? and s.employee_id = ? and (? is null or r.policy_id = ?)
       and r.id = (select max(id) from runs r2 where r2.policy_id = r.policy_id and r2.period = r.period)`,
      [period, employeeId, policyId ?? null, policyId ?? null],
    ).map((r) => ({ policy_id: r.policy_id, run_id: r.run_id, card: JSON.parse(r.card) as Scorecard }));
  }

  /**
   * Every ledger line of one employee, oldest first: each recorded scorecard with its correction,
   * and each correction of a run that no longer lists the employee (pay 0, a clawback), which has
   * no grade or score.
   */
  employeeHistory(employeeId: string): { period: string; policy_id: string; version: string; kind: string; run_id: number; grade?: string; score?: number; payout: number; correction?: number }[] {
    return this.rows<{ period: string; policy_id: string; version: string; kind: string; run_id: number; grade: string | null; score: number | null; payout_fen: number; delta_fen: number | null }>(
      `select r.period, r.policy_id, r.version, r.kind, r.id as run_id, s.grade, s.score, s.payout_fen, c.delta_fen
       from scorecards s join runs r on r.id = s.run_id left join corrections c on c.run_id = r.id and c.employee_id = s.employee_id
       where s.employee_id = ?
       union all
       select r.period, r.policy_id, r.version, r.kind, r.id as run_id, null, null, c.after_fen, c.delta_fen
       from corrections c join runs r on r.id = c.run_id
       where c.employee_id = ? and not exists (select 1 from scorecards s where s.run_id = c.run_id and s.employee_id = c.employee_id)
       order by 1, 5`,
      [employeeId, employeeId],
    ).map((r) => ({ period: r.period, policy_id: r.policy_id, version: r.version, kind: r.kind, run_id: r.run_id, ...(r.grade !== null ? { grade: r.grade } : {}), ...(r.score !== null ? { score: r.score } : {}), payout: r.payout_fen / 100, ...(r.delta_fen !== null ? { correction: r.delta_fen / 100 } : {}) }));
  }
}
