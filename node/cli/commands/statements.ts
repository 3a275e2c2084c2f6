// `yardstick statements POLICY --data FILE --out DIR`: one printable HTML statement per employee
// and an index page, each written atomically, with the provenance of policy and data.

import { createHash } from 'node:crypto';
import { cleanUpOnSignal, makeFolders } from '../../files.js';
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { renderIndex, renderStatement, type Lang, type Scorecard, diagnostic } from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import {
  checkOutputFolder,
  outputTarget,
  readBytes,
  type RunInput,
  writeAtomic,
  writeFailure,
  type Io,
} from '../io.js';
import { dryRun, monthOfWholeFile, refuseExcluded, reportExcluded } from '../pipeline.js';
import { runInputs } from './run.js';
import { dataInputs } from '../provenance.js';
import { eventProvenance } from '../events/provenance.js';
import { packageVersion } from '../version.js';
import { DEFAULT_LEDGER } from '../ledger.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/**
 * A file name for an employee id, one to one: letters, digits and `-` are kept, any other
 * character becomes `_` and its code point in hex and `_` (`A/1` → `A_2f_1`, `A_1` → `A_5f_1`),
 * so no two ids share a file and the id can be read back from the name. The id `index` has its
 * first letter written so too, as `index.html` is the summary page, and so have the names Windows
 * keeps for devices (`CON`, `NUL`, `COM1`…: a folder of statements copied there could not hold
 * `CON.html`).
 */
export const statementFile = (c: Scorecard) => {
  const codePoint = (ch: string) => `_${ch.codePointAt(0)!.toString(16)}_`;
  const name = c.employee_id.replace(/[^A-Za-z0-9-]/gu, codePoint);
  // an employee whose id is `index` (any case) gets `_69_ndex.html`, `CON` gets `_43_ON.html`
  return `${RESERVED_FILE_NAME.test(name) ? codePoint(name[0]!) + name.slice(1) : name}.html`;
};

/** The summary page's name and the device names Windows refuses as file names, in any case. */
const RESERVED_FILE_NAME = /^(index|con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** Ids whose files would be one file on a case-insensitive disk (Windows, macOS): `E1` and `e1`. */
export function caseClashes(cards: readonly Scorecard[]): string[][] {
  const byName = new Map<string, string[]>();
  for (const c of cards) {
    const name = statementFile(c).toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), c.employee_id]);
  }
  return [...byName.values()].filter((ids) => ids.length > 1);
}

/** The refusal for ids whose statements would be one file (`caseClashes`). */
export function caseClashDiagnostic(clashes: readonly string[][]) {
  const quoted = (ids: readonly string[], and: string) => ids.map((id) => `\`${id}\``).join(and);
  return diagnostic('cli_statement_ids_case', {
    ids: {
      en: clashes.map((ids) => quoted(ids, ' and ')).join(', '),
      zh: clashes.map((ids) => quoted(ids, ' 和 ')).join('；'),
    },
  });
}

export async function statementsCommand(
  policyFile: string,
  o: {
    data: string;
    out: string;
    lang: Lang;
    excludeInvalid?: boolean;
    encoding?: 'auto' | 'utf-8' | 'gbk' | 'gb18030';
    sheet?: string;
    period?: string;
    quiet?: boolean;
    /** Results ledger whose earlier months give the history facts, as `run` reads it. */
    ledger?: string;
  },
  io: Io,
): Promise<number> {
  checkOutputFolder(o.out);
  const options = {
    policy: policyFile,
    data: o.data,
    period: o.period,
    // the statement says what `run` says of the month: its history from the same ledger
    ledger: o.ledger ?? DEFAULT_LEDGER,
    lang: o.lang,
    encoding: o.encoding,
    sheet: o.sheet,
    stderr: io.stderr,
    quiet: o.quiet,
    progressLabel: 'statements',
  };
  const filtered = await dryRun(options);
  refuseExcluded(filtered.result, o.excludeInvalid, io.stderr, o.lang);
  // --period naming one month of a file that holds several: that month as `run` scores the file
  // whole, its history taking in the file's earlier months
  const { policy } = filtered;
  const { result, records } = (await monthOfWholeFile(options, filtered)) ?? filtered;
  // a statement and its file are one person's month: a file of several months would give one
  // person two statements under one name
  const months = new Map<string, number>();
  for (const c of result.scorecards) months.set(c.period, (months.get(c.period) ?? 0) + 1);
  if (months.size > 1)
    throw new ExitError(
      EXIT.input,
      diagnostic(
        'cli_statement_several_periods',
        {
          file: o.data,
          count: months.size,
          periods: [...months].map(([period, n]) => `${period} (${n})`).join(', '),
        },
        { file: o.data },
      ),
    );
  const provenance = {
    policy: {
      file: policyFile,
      id: policy.doc.policy,
      version: policy.doc.version,
      hash: sha(readBytes(policyFile, 'policy')),
    },
    // a data mapping is its YAML, its roster and every export it joins: each with its own hash
    data: dataInputs(o.data),
    engine: packageVersion(),
    // metrics aggregated from event files: the aggregate behind each (node/cli/events/provenance.ts)
    events: eventProvenance(o.data),
  };
  const clashes = caseClashes(result.scorecards);
  if (clashes.length) throw new ExitError(EXIT.input, caseClashDiagnostic(clashes));
  // a file name holds 255 bytes, with room here for the page set aside while it is replaced
  // (`.NAME.PID.old`): an id too long for one is named, not a write failure at its file
  for (const c of result.scorecards) {
    const bytes = Buffer.byteLength(statementFile(c));
    if (bytes > MAX_STATEMENT_NAME)
      throw new ExitError(
        EXIT.input,
        diagnostic('cli_statement_id_too_long', {
          employee: [...c.employee_id].length > 20 ? `${[...c.employee_id].slice(0, 20).join('')}…` : c.employee_id,
          bytes,
          max: MAX_STATEMENT_NAME,
        }),
      );
  }
  try {
    makeFolders(o.out);
  } catch (error) {
    // the folder that could not be made, inside one that exists: why, in words (`/proc` takes no new files)
    const failed = (error as NodeJS.ErrnoException).path;
    if (failed !== undefined && (error as NodeJS.ErrnoException).code !== undefined) throw writeFailure(failed, error);
    throw new ExitError(
      EXIT.input,
      diagnostic(
        'io_output_folder_failed',
        { dir: o.out, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message },
        { file: o.out },
      ),
    );
  }
  // each card's record, for the values behind derived rates and formulas (one period per statement)
  const recordOf = new Map(records.map((r) => [`${r.period}\u0000${r.employee_id}`, r]));
  // each page rendered as it is written, not all of them first: a page's text is let go once it is
  // on disk (100,000 statements held at once took 1.9 GB, docs/benchmarks.md)
  function* pages(): Generator<[string, string]> {
    for (const card of result.scorecards) {
      const record = recordOf.get(`${card.period}\u0000${card.employee_id}`);
      yield [statementFile(card), renderStatement(policy, card, provenance, o.lang, record ? { record } : {})];
    }
    yield ['index.html', renderIndex(policy, result, provenance, statementFile, o.lang)];
  }
  const { removed, others, kept } = await writeAll(
    o.out,
    pages(),
    runInputs(policyFile, { data: o.data, ledger: o.ledger ?? DEFAULT_LEDGER }),
    policy.doc.policy,
  );
  io.stderr(
    o.lang === 'zh'
      ? `已写入 ${result.scorecards.length} 份结果通知和 index.html 到 ${o.out}`
      : `wrote ${result.scorecards.length} statements and index.html to ${o.out}`,
  );
  if (removed.length)
    io.stderr(
      o.lang === 'zh'
        ? `已删除该文件夹上次写入、本次没有的 ${removed.length} 份结果通知：${removed.slice(0, 5).join('、')}${removed.length > 5 ? ' 等' : ''}`
        : `removed ${removed.length} statement(s) the folder's previous run wrote and this one does not: ${removed.slice(0, 5).join(', ')}${removed.length > 5 ? ', …' : ''}`,
    );
  if (kept.length)
    io.stderr(
      o.lang === 'zh'
        ? `注意：该文件夹上次写入、本次没有的 ${kept.length} 份结果通知无法删除，仍在文件夹中：${kept.slice(0, 5).join('、')}${kept.length > 5 ? ' 等' : ''}（发送前请删除）`
        : `warning: ${kept.length} statement(s) the folder's previous run wrote and this one does not could not be removed and are still there: ${kept.slice(0, 5).join(', ')}${kept.length > 5 ? ', …' : ''} (delete them before sending)`,
    );
  if (others.length)
    io.stderr(
      o.lang === 'zh'
        ? `注意：该文件夹中另有 ${others.length} 个不是本次写入的 .html 文件，未作改动：${others.slice(0, 5).join('、')}${others.length > 5 ? ' 等' : ''}（可能是早先的结果通知，发送前请核对）`
        : `warning: ${others.length} other .html file(s) in the folder were not written by this run and are left as they are: ${others.slice(0, 5).join(', ')}${others.length > 5 ? ', …' : ''} (earlier statements, perhaps: check before sending)`,
    );
  reportExcluded(result, io.stderr, o.lang);
  return EXIT.ok;
}

/**
 * The record a statements folder keeps of the pages its last run wrote: a later run removes those
 * it does not write again (a person of September not in October's month), which were otherwise left
 * beside the new ones, a folder that looked like one month's (breaker 137).
 */
const MANIFEST = '.yardstick-statements.json';

/**
 * The longest statement file name: 255 bytes (a file name's limit) less what its temporary and
 * set-aside copies add, `.` before it and `.PID.old` after it, for a process id of up to 7 digits (13).
 */
const MAX_STATEMENT_NAME = 255 - 14;

/** A name statementFile gives (`SV0001.html`, `A_2f_1.html`), never the summary page, a hidden file or a path. */
const STATEMENT_NAME = /^[A-Za-z0-9_-]+\.html$/;

/**
 * What the folder's last run recorded (its MANIFEST): its policy id and the statement pages it
 * wrote — only names statementFile gives, so that a record edited by hand (or by anyone) removes no
 * other file — or undefined when there is none to read.
 */
function writtenBefore(
  dir: string,
): { policy: string | undefined; files: string[]; stamps: Map<string, string> } | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const record = JSON.parse(text) as { files?: unknown; policy?: unknown; stamps?: unknown };
    const files = record.files;
    if (!Array.isArray(files)) return undefined;
    const stamps = new Map<string, string>();
    if (record.stamps && typeof record.stamps === 'object')
      for (const [f, v] of Object.entries(record.stamps)) if (typeof v === 'string') stamps.set(f, v);
    return {
      stamps,
      policy: typeof record.policy === 'string' ? record.policy : undefined,
      files: files.filter(
        (f): f is string => typeof f === 'string' && STATEMENT_NAME.test(f) && f.toLowerCase() !== 'index.html',
      ),
    };
  } catch {
    return undefined;
  }
}

/** A page as it was written: its size and modification time, which a page changed or replaced since does not keep. */
const stampOf = (st: { size: number; mtimeMs: number }) => `${st.size}:${st.mtimeMs}`;

/** The refusal of a statements folder, for the reason given, at the page `path`. */
const folderRefusal = (dir: string, path: string, reason: { en: string; zh: string }) =>
  new ExitError(EXIT.input, diagnostic('io_output_folder_failed', { dir, reason }, { file: path }));

/** Whether a process of this id runs (another run writing the same folder now). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * What a run killed outright (kill -9, a power cut) left in the folder: its temporary pages
 * (`.NAME.PID.tmp`), removed, and the pages it had set aside (`.NAME.PID.old`), put back where the
 * new page never came, else removed. Only a dead process's: a run writing the folder now keeps its own.
 */
function cleanUpAfterKilledRuns(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const f of names) {
    const m = /^\.(.+\.html)\.(\d+)\.(tmp|old)$/.exec(f);
    if (!m || running(Number(m[2]))) continue;
    const at = join(dir, f);
    try {
      if (!lstatSync(at).isFile()) continue;
      if (m[3] === 'old' && !existsSync(join(dir, m[1]!))) renameSync(at, join(dir, m[1]!));
      else rmSync(at, { force: true });
    } catch {
      // left as it is: the next run tries again
    }
  }
}

/**
 * Every page of the folder, or none: each is written whole to a temporary file beside its target
 * first, and only when all are written are they renamed into place, each page it replaces kept
 * aside until every rename is done. A disk that fills up at the 37th statement, a name taken by a
 * folder, or a page that cannot be replaced (open in another program, made immutable) leaves the
 * folder exactly as it was, the temporary files removed, and the command says why (exit 1). Then
 * the pages the folder's previous run of the same policy wrote that this run does not are removed
 * (MANIFEST), and the record of this run's pages is written. Ctrl-C while the pages are rendered
 * stops the run and removes what it staged (the rendering yields every few pages so that the
 * signal is heard); Ctrl-C once they are being put in place is answered when they all are: the
 * folder is always one run's whole. `inputs`: the files the run reads, which no page may replace
 * and no record may remove (a policy named `index.html`).
 */
async function writeAll(
  dir: string,
  pages: Iterable<[string, string]>,
  inputs: readonly RunInput[],
  policyId: string,
): Promise<{ removed: string[]; others: string[]; kept: string[] }> {
  const staged: { temp: string; target: string; path: string; name: string }[] = [];
  const removeFrom = (at: number) => {
    for (const f of staged.slice(at)) rmSync(f.temp, { force: true });
  };
  cleanUpAfterKilledRuns(dir);
  const before = writtenBefore(dir);
  // the inputs by their real paths, and the folder's: a page's path is compared as a string, not
  // looked up on the disk page by page (20,000 statements)
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return undefined;
    }
  };
  const read = new Map<string, RunInput>();
  for (const i of inputs) {
    const at = real(i.path);
    if (at !== undefined) read.set(at, i);
  }
  const realDir = real(dir) ?? resolve(dir);
  const targets = new Map<string, string>();
  const stamps = new Map<string, string>();
  // one handler for the whole folder: Ctrl-C while staging removes every temporary file; once the
  // pages are being put in place it is heard when they all are (renaming is not interrupted)
  const forget = cleanUpOnSignal(() => removeFrom(0));
  try {
    let n = 0;
    for (const [name, html] of pages) {
      const path = join(dir, name);
      let target: string;
      try {
        target = outputTarget(path);
        // a link is written through: compared where it leads
        const at = target === path ? join(realDir, name) : (real(target) ?? resolve(target));
        const input = read.get(at);
        if (input)
          throw new ExitError(
            EXIT.input,
            diagnostic('io_output_is_input', { file: path, input: input.label }, { file: path }),
          );
        // two pages that are one file (a page that is a link to another): one would overwrite the other
        const other = targets.get(at);
        if (other !== undefined)
          throw folderRefusal(dir, path, {
            en: `\`${name}\` in it leads to the same file as \`${other}\`, so the two statements cannot both be written; nothing was written`,
            zh: `其中的 \`${name}\` 与 \`${other}\` 指向同一个文件，两份通知无法都写入；没有写入任何文件`,
          });
        targets.set(at, name);
      } catch (error) {
        // a folder (or a device) where a statement goes: said of the statements, not "give --out a file name"
        if (error instanceof ExitError && existsSync(path) && !statSync(path).isFile())
          throw folderRefusal(dir, path, {
            en: `\`${name}\` in it is not a file, so that statement cannot be written; nothing was written`,
            zh: `其中的 \`${name}\` 不是文件，无法写入这份通知；没有写入任何文件`,
          });
        throw error;
      }
      const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
      staged.push({ temp, target, path, name });
      try {
        writeFileSync(temp, html);
        // the page as written, kept on record: a later run removes it only while it is still this
        stamps.set(name, stampOf(statSync(temp)));
      } catch (error) {
        throw writeFailure(path, error);
      }
      // a signal (Ctrl-C) is handled between tasks: give it its turn
      if (++n % 64 === 0) await new Promise((r) => setImmediate(r));
    }
  } catch (error) {
    removeFrom(0);
    forget();
    throw error;
  }
  // each page replaced is kept aside until every page is in place: a rename that fails puts back
  // the pages already replaced, so the folder is the old one whole
  const aside: { target: string; old: string }[] = [];
  const placed: string[] = [];
  for (const [i, f] of staged.entries()) {
    try {
      const old = join(dirname(f.target), `.${basename(f.target)}.${process.pid}.old`);
      try {
        renameSync(f.target, old);
        aside.push({ target: f.target, old });
      } catch (error) {
        // a new page: nothing to set aside
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      renameSync(f.temp, f.target);
      placed.push(f.target);
    } catch (error) {
      // put back what can be put back, whatever fails on the way: the first failure is what is said
      const kept = new Set(aside.map((a) => a.target));
      for (const t of placed) if (!kept.has(t)) rmSync(t, { force: true });
      for (const a of aside.reverse()) {
        try {
          renameSync(a.old, a.target);
        } catch {
          // left set aside (`.NAME.PID.old`): the next run puts it back
        }
      }
      removeFrom(i);
      forget();
      throw writeFailure(f.path, error);
    }
  }
  for (const a of aside) rmSync(a.old, { force: true });
  const names = staged.map((f) => f.name);
  const now = new Set(names);
  // the previous run's statements of people this run does not write: removed when that run was of
  // this policy (another policy's statements in the folder are only named), never a file this run
  // reads, only a file (not a folder), and one that cannot be removed is said and kept on record
  const removed: string[] = [];
  const kept: string[] = [];
  const stale = before && before.policy === policyId ? before.files.filter((f) => !now.has(f)) : [];
  for (const f of stale) {
    const at = join(dir, f);
    try {
      const st = lstatSync(at);
      // only the page that run wrote, as it wrote it: not one changed or put there since (nor a
      // name a hand-edited record lists), which is named with the folder's other pages
      if (before!.stamps.get(f) !== stampOf(st)) continue;
      if (!st.isFile() || read.has(join(realDir, f))) {
        kept.push(f);
        continue;
      }
      rmSync(at);
      removed.push(f);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') kept.push(f);
    }
  }
  // the other .html files in the folder (a folder no run recorded, another policy's statements, the
  // user's own pages): left as they are, and named
  const gone = new Set([...removed, ...kept]);
  const others = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.html') && !now.has(f) && !gone.has(f) && !f.startsWith('.'))
    .sort();
  // the record is the folder's own file: a link in its place is replaced, never written through
  const record = join(dir, MANIFEST);
  try {
    if (lstatSync(record).isSymbolicLink()) rmSync(record);
  } catch {
    // none yet
  }
  const keptStamps = kept.flatMap((f) => (before?.stamps.has(f) ? [[f, before.stamps.get(f)!] as const] : []));
  writeAtomic(
    record,
    `${JSON.stringify({ policy: policyId, files: [...names, ...kept], stamps: Object.fromEntries([...stamps, ...keptStamps]) }, null, 1)}\n`,
  );
  // a Ctrl-C that came while the pages were put in place is heard now that the folder is whole
  await new Promise((r) => setImmediate(r));
  forget();
  return { removed, others, kept };
}
