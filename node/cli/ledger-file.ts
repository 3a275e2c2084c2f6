// The ledger as a file: where it really is (a symlinked ledger is written through to its target),
// whether it is intact, and how it is replaced. See docs/ledger.md.
//
// Integrity: every save stores a checksum of the whole file in its SQLite header: the first 8
// bytes of the SHA-256 of the file, computed with header bytes 60–63 and 68–71 set to zero, are
// written into those bytes (SQLite's `user_version` and `application_id`, which SQLite leaves to
// the application). Opening checks the checksum, so one flipped bit anywhere in the file is
// found, then runs `pragma integrity_check` and checks that the ledger's tables and columns exist. A file whose 8 bytes are all zero was written before
// checksums existed: only SQLite's check applies until it is next saved.
//
// Replacing: the new file is written beside the target, flushed to disk and renamed over it; the
// file it replaces (checked when it was opened) is first kept as `<ledger>.bak`.

import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import type { Database, SqlJsStatic } from 'sql.js';
import { diagnostic, type MessageArg } from '../../engine/index.js';
import { EXIT, ExitError } from './errors.js';
import { writeAtomic } from './io.js';

const MAGIC = 'SQLite format 3\0';
const SUM_AT = [60, 68] as const;

function checksum(bytes: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(bytes);
  for (const at of SUM_AT) copy.fill(0, at, at + 4);
  return createHash('sha256').update(copy).digest().subarray(0, 8);
}

const storedSum = (bytes: Uint8Array) =>
  Uint8Array.from([...bytes.subarray(SUM_AT[0], SUM_AT[0] + 4), ...bytes.subarray(SUM_AT[1], SUM_AT[1] + 4)]);

/** The exported database with its checksum written into its header. */
export function sealLedgerBytes(bytes: Uint8Array): Uint8Array {
  const sealed = Uint8Array.from(bytes);
  const sum = checksum(sealed);
  sealed.set(sum.subarray(0, 4), SUM_AT[0]);
  sealed.set(sum.subarray(4, 8), SUM_AT[1]);
  return sealed;
}

/** The tables and columns the ledger's queries need; a file without them is not a ledger, or is damaged. */
const COLUMNS: Record<string, string[]> = {
  runs: [
    'id',
    'policy_id',
    'period',
    'version',
    'policy_hash',
    'git_commit',
    'data_files',
    'engine',
    'recorded_at',
    'kind',
    'amends',
  ],
  scorecards: ['run_id', 'employee_id', 'name', 'grade', 'score', 'payout_fen', 'card'],
  corrections: ['run_id', 'employee_id', 'name', 'before_fen', 'after_fen', 'delta_fen', 'kind'],
};

/** A reason in both languages: the diagnostic shows the one the run speaks (never English inside Chinese). */
type Why = { en: string; zh: string };

export type Verdict = { ok: true; unchecked?: true } | { ok: false; why: Why };

let sqlJs: SqlJsStatic | undefined;
/** sql.js, loaded once per process (set by ledger.ts, which loads it anyway). */
export const useSqlJs = (SQL: SqlJsStatic) => (sqlJs = SQL);

/** Checks a ledger file's bytes; the database is opened only once the checksum matches. */
export function verifyLedgerBytes(bytes: Uint8Array, SQL: SqlJsStatic | undefined = sqlJs): Verdict {
  if (bytes.length === 0) return { ok: false, why: { en: 'it is empty', zh: '文件是空的' } };
  if (bytes.length < 100 || Buffer.from(bytes.subarray(0, 16)).toString('latin1') !== MAGIC)
    return { ok: false, why: { en: 'it is not an SQLite database', zh: '它不是 SQLite 数据库' } };
  const stored = storedSum(bytes);
  const unchecked = stored.every((b) => b === 0);
  if (!unchecked && !Buffer.from(stored).equals(Buffer.from(checksum(bytes)))) {
    return {
      ok: false,
      why: {
        en: 'its content does not match the checksum written when it was saved (it was changed outside yardstick, or damaged on disk)',
        zh: '内容与保存时写入的校验和不符：它在 yardstick 之外被改动过，或在磁盘上损坏',
      },
    };
  }
  if (!SQL) throw new Error('verifyLedgerBytes: sql.js is not loaded');
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    const report = (db.exec('pragma integrity_check')[0]?.values ?? []).map((r) => String(r[0]));
    if (report.length !== 1 || report[0] !== 'ok')
      return {
        ok: false,
        why: {
          en: `SQLite's integrity check reports: ${report.slice(0, 3).join('; ')}`,
          zh: `SQLite 的完整性检查报告：${report.slice(0, 3).join('; ')}`,
        },
      };
    for (const [table, needed] of Object.entries(COLUMNS)) {
      const have = (db.exec(`pragma table_info(${table})`)[0]?.values ?? []).map((r) => String(r[1]));
      if (!have.length)
        return {
          ok: false,
          why: {
            en: `it has no table \`${table}\` (it is not a yardstick results ledger, or its schema is damaged)`,
            zh: `没有表 \`${table}\`：它不是 yardstick 结果账本，或其结构已损坏`,
          },
        };
      const missing = needed.filter((c) => !have.includes(c));
      if (missing.length)
        return {
          ok: false,
          why: {
            en: `its table \`${table}\` lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `\`${c}\``).join(', ')} (its schema is damaged)`,
            zh: `表 \`${table}\` 缺少列 ${missing.map((c) => `\`${c}\``).join('、')}：其结构已损坏`,
          },
        };
    }
  } catch (error) {
    const message = (error as Error).message;
    return { ok: false, why: { en: `SQLite cannot read it: ${message}`, zh: `SQLite 无法读取它：${message}` } };
  } finally {
    db?.close();
  }
  return unchecked ? { ok: true, unchecked: true } : { ok: true };
}

/**
 * The file a ledger path stands for, as an absolute path: symlinks on the path's last part are
 * followed (relative ones from the link's folder), also to a target that does not exist yet. The
 * lock, the temporary file and the backup sit beside it, so every spelling of the path (through
 * linked folders too) meets the same lock file.
 */
export function ledgerTarget(path: string): string {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(p).isSymbolicLink();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return p;
      throw new ExitError(
        EXIT.input,
        diagnostic(
          'io_ledger_read_failed',
          { ledger: path, reason: String((error as NodeJS.ErrnoException).code) },
          { file: path },
        ),
      );
    }
    if (!isLink) return p;
    p = resolve(dirname(p), readlinkSync(p));
  }
  throw new ExitError(EXIT.input, diagnostic('io_ledger_links', { ledger: path }, { file: path }));
}

export const backupOf = (target: string) => `${target}.bak`;

/** The latest run recorded in a ledger's bytes, as `run #N, period P`. */
function latestRun(bytes: Uint8Array): Why | undefined {
  if (!sqlJs) return undefined;
  const db = new sqlJs.Database(bytes);
  try {
    const row = db.exec('select id, period from runs order by id desc limit 1')[0]?.values[0];
    return row ? { en: `run #${row[0]}, period ${row[1]}`, zh: `第 ${row[0]} 次运行，月份 ${row[1]}` } : undefined;
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}

/** What the help line of a damaged ledger says about its backup. */
function describeBackup(shown: string, target: string): Why {
  const bak = backupOf(target);
  let bytes: Buffer;
  try {
    bytes = readFileSync(bak);
  } catch {
    return {
      en: `there is no backup \`${bak}\` beside it: restore the ledger from your own backups`,
      zh: `旁边没有备份 \`${bak}\`：请从你自己的备份恢复账本`,
    };
  }
  if (!verifyLedgerBytes(bytes).ok)
    return {
      en: `its backup \`${bak}\` is damaged too: restore the ledger from your own backups`,
      zh: `它的备份 \`${bak}\` 也已损坏：请从你自己的备份恢复账本`,
    };
  const what = latestRun(bytes);
  return {
    en: `the last good copy is \`${bak}\`${what ? ` (latest record: ${what.en})` : ''}: check it, then copy it over \`${shown}\``,
    zh: `最后一份完好的副本是 \`${bak}\`${what ? `（最新记录：${what.zh}）` : ''}：请先检查它，再把它复制覆盖 \`${shown}\``,
  };
}

/** Why a file cannot be read, in both languages: a folder and a permission said in words, else the system's code. */
function readFailure(code: string | undefined): MessageArg {
  if (code === 'EISDIR') return { en: 'it is a folder', zh: '这是一个文件夹' };
  if (code === 'EACCES') return { en: 'permission denied', zh: '没有读取权限' };
  return String(code);
}

/** The ledger's bytes, checked; a damaged ledger is refused with exit 1, naming its backup. */
export function readCheckedLedger(shown: string, target: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = readFileSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ExitError(
      EXIT.input,
      diagnostic(
        'io_ledger_read_failed',
        {
          ledger: shown,
          reason: readFailure(code),
        },
        { file: shown },
      ),
    );
  }
  const verdict = verifyLedgerBytes(bytes);
  if (!verdict.ok) {
    throw new ExitError(
      EXIT.input,
      diagnostic(
        'io_ledger_damaged',
        { ledger: shown, detail: verdict.why, backup: describeBackup(shown, target) },
        { file: shown },
      ),
    );
  }
  return bytes;
}

/**
 * Replaces the ledger at `target` with `bytes` (sealed here), keeping `previous` — the file as it
 * was opened and checked — as the backup first. `beforeRename` runs when the new file is written
 * and flushed beside the ledger, just before it replaces it.
 */
export function replaceLedgerFile(
  target: string,
  bytes: Uint8Array,
  previous: Uint8Array | undefined,
  beforeRename?: () => void,
): void {
  if (previous) writeAtomic(backupOf(target), previous, { durable: true });
  writeAtomic(target, sealLedgerBytes(bytes), { durable: true, beforeRename });
}
