// `yardstick statements POLICY --data FILE --out DIR`: one printable HTML statement per employee
// and an index page, each written atomically, with the provenance of policy and data.

import { createHash } from 'node:crypto';
import { cleanUpOnSignal, makeFolders } from '../../files.js';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { renderIndex, renderStatement, type Lang, type Scorecard, diagnostic } from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import { checkOutputFolder, outputTarget, readBytes, writeFailure, type Io } from '../io.js';
import { dryRun, monthOfWholeFile, refuseExcluded, reportExcluded } from '../pipeline.js';
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
  writeAll(o.out, pages());
  io.stderr(
    o.lang === 'zh'
      ? `已写入 ${result.scorecards.length} 份结果通知和 index.html 到 ${o.out}`
      : `wrote ${result.scorecards.length} statements and index.html to ${o.out}`,
  );
  reportExcluded(result, io.stderr, o.lang);
  return EXIT.ok;
}

/**
 * Every page of the folder, or none: each is written whole to a temporary file beside its target
 * first, and only when all are written are they renamed into place. A disk that fills up at the
 * 37th statement, or a name taken by a folder, used to leave the statements before it new and the
 * rest (and a previous month's index.html) as they were, a folder that looked complete; now it is
 * left exactly as it was, the temporary files removed, and the command says why (exit 1).
 */
function writeAll(dir: string, pages: Iterable<[string, string]>): void {
  const staged: { temp: string; target: string; path: string }[] = [];
  const removeFrom = (at: number) => {
    for (const f of staged.slice(at)) rmSync(f.temp, { force: true });
  };
  // one handler for the whole folder: Ctrl-C while staging removes every temporary file
  const forget = cleanUpOnSignal(() => removeFrom(0));
  try {
    for (const [name, html] of pages) {
      const path = join(dir, name);
      let target: string;
      try {
        target = outputTarget(path);
      } catch (error) {
        // a folder (or a device) where a statement goes: said of the statements, not "give --out a file name"
        if (error instanceof ExitError && existsSync(path) && !statSync(path).isFile())
          throw new ExitError(
            EXIT.input,
            diagnostic(
              'io_output_folder_failed',
              {
                dir,
                reason: {
                  en: `\`${name}\` in it is not a file, so that statement cannot be written; nothing was written`,
                  zh: `其中的 \`${name}\` 不是文件，无法写入这份通知；没有写入任何文件`,
                },
              },
              { file: path },
            ),
          );
        throw error;
      }
      const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
      staged.push({ temp, target, path });
      try {
        writeFileSync(temp, html);
      } catch (error) {
        throw writeFailure(path, error);
      }
    }
  } catch (error) {
    removeFrom(0);
    forget();
    throw error;
  }
  for (const [i, f] of staged.entries()) {
    try {
      renameSync(f.temp, f.target);
    } catch (error) {
      removeFrom(i);
      forget();
      throw writeFailure(f.path, error);
    }
  }
  forget();
}
