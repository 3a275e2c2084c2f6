// `run --record`: store the period's official result in the ledger, with what it was based on.

import { createHash } from 'node:crypto';
import { formatFen, type Lang, type RunResult } from '../../../engine/index.js';
import { gitIn, headCommit, repositoryOf } from '../../git.js';
import { realpathSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { readBytes, type Io } from '../io.js';
import { Ledger, type Correction, type Regraded } from '../ledger.js';
import type { LedgerLock } from '../ledger-lock.js';
import { packageVersion } from '../version.js';
import { dataInputs } from '../provenance.js';
import { parse } from 'yaml';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/**
 * The commit that holds the policy exactly as it is recorded: HEAD of the policy's own repository
 * (not the current folder's) when the file's bytes, as git would store them, are its blob at HEAD.
 * None when the policy has uncommitted edits, is not tracked, or is in no repository: a commit that
 * does not hold it would send whoever reads the ledger to another policy.
 */
export function committedAt(policyFile: string, bytes: Uint8Array): string | undefined {
  const real = realpathSync(policyFile);
  const repo = repositoryOf(dirname(real));
  const head = repo ? headCommit(repo) : undefined;
  if (!repo || !head) return undefined;
  const inRepo = relative(realpathSync(repo), real).split(sep).join('/');
  try {
    const atHead = gitIn(repo, ['rev-parse', '--verify', '--quiet', `${head}:${inRepo}`]).trim();
    // --path: the file's own attributes (line ends) apply, as `git add` would apply them
    const now = gitIn(repo, ['hash-object', `--path=${inRepo}`, '--stdin'], {
      input: new TextDecoder().decode(bytes),
    }).trim();
    return atHead === now ? head : undefined;
  } catch {
    return undefined; // not in HEAD
  }
}

/**
 * Adds the period to the ledger in memory, under the caller's lock: a period that cannot be
 * recorded is refused here, before the caller writes any output. Returns the step that saves the
 * ledger and says so, for the caller to run once its output is written.
 */
export async function recordRun(
  policyFile: string,
  dataFile: string,
  ledgerPath: string,
  result: RunResult,
  amend: boolean,
  io: Io,
  lang: Lang,
  lock: LedgerLock,
  outOfOrder = false,
): Promise<() => void> {
  const ledger = await Ledger.open(ledgerPath);
  const policyBytes = readBytes(policyFile, 'policy');
  const policyId = String((parse(new TextDecoder().decode(policyBytes)) as { policy: string }).policy);
  const { runId, amends, corrections, regraded, stale } = ledger.record(
    result,
    {
      policyId,
      version: result.policy.version,
      policyHash: sha(policyBytes),
      gitCommit: committedAt(policyFile, policyBytes),
      dataFiles: dataInputs(dataFile),
      engine: packageVersion(),
      recordedAt: new Date().toISOString(),
    },
    amend,
    outOfOrder,
  );
  return () => {
    ledger.save(lock);
    io.stderr(
      lang === 'zh'
        ? `已记录 ${result.period}（${policyId}，第 ${runId} 次记录${amend ? '，更正' : ''}）到 ${ledgerPath}`
        : `recorded ${result.period} (${policyId}, run #${runId}${amend ? ', a correction' : ''}) in ${ledgerPath}`,
    );
    for (const line of correctionLines(amends, corrections, lang === 'zh')) io.stderr(line);
    for (const line of regradedLines(regraded, lang === 'zh')) io.stderr(line);
    if (stale.length) {
      io.stderr(
        lang === 'zh'
          ? `  注意：${stale.join('、')} 已在此之前记录，其历史事实未包含 ${result.period}，现已过时：请按顺序用 --amend 重新记录`
          : `  note: ${stale.join(', ')} ${stale.length === 1 ? 'was' : 'were'} recorded before this period, without it in ${stale.length === 1 ? 'its' : 'their'} history facts, which are now stale: --amend ${stale.length === 1 ? 'it' : 'them'}, in order`,
      );
    }
  };
}

/**
 * A correction's lines for the employees whose grade or triggers it changed (a plan opened or
 * dropped, an exit review added), pay changed or not: 「no one's pay changed」 alone hid them.
 */
export function regradedLines(regraded: readonly Regraded[], zh: boolean): string[] {
  const list = (ids: string[]) => (ids.length ? ids.join(zh ? '、' : ', ') : '—');
  return regraded.map((r) => {
    const parts: string[] = [];
    if (r.grade[0] !== r.grade[1]) parts.push(`${zh ? '等级' : 'grade'} ${r.grade[0]} → ${r.grade[1]}`);
    if (r.triggers[0].join(',') !== r.triggers[1].join(','))
      parts.push(`${zh ? '触发' : 'triggers'} ${list(r.triggers[0])} → ${list(r.triggers[1])}`);
    return `  ${zh ? '变更' : 'changed'} ${r.employee_id} ${r.name}: ${parts.join(zh ? '；' : '; ')}`;
  });
}

/**
 * A correction's lines under "recorded … a correction": a top-up or clawback per employee whose pay
 * changed, or, when no one's did, a line that says so (not nothing under the heading). `amends`:
 * the run corrected, undefined for a first record (no lines).
 */
export function correctionLines(amends: number | undefined, corrections: readonly Correction[], zh: boolean): string[] {
  if (amends === undefined) return [];
  if (corrections.length === 0)
    return [
      zh
        ? `  与第 ${amends} 次记录相比，无人应发变化：没有补发或扣回`
        : `  no one's pay changed from run #${amends}: no top-up or clawback`,
    ];
  return corrections.map(
    (c) =>
      `  ${c.kind === 'top_up' ? (zh ? '补发' : 'top-up') : zh ? '扣回' : 'clawback'} ${c.employee_id} ${c.name}: ${formatFen(c.beforeFen)} → ${formatFen(c.afterFen)} (${c.deltaFen > 0 ? '+' : ''}${formatFen(c.deltaFen)})`,
  );
}
