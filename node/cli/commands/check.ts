// `yardstick check [--base REF]`: everything a reviewer relies on, in one exit code.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  readYaml,
  formatPolicyText,
  loadPolicy,
  diagnostic,
  budgetLines,
  isNewerVersion,
  localise,
  type ArgNames,
  type Lang,
  type MessageArg,
  type MessageId,
} from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import { pathExistsAt, policyChangesSince, showAt } from '../git.js';
import { readText, type Io } from '../io.js';
import { runTestsFor, testFileFor, describeReport, reviewDataFor } from './test.js';
import { stagedPolicies, type Staged } from '../staged.js';
import { policiesFolder } from '../policies-folder.js';
import { newlyUnscorable, reviewPair } from './diff.js';
import { isRollupText, loadRollup } from '../rollup.js';
import { verifyFailures } from './verify.js';

/** One line of `check`'s list: the file, then what is wrong, in the output's language. */
function said<C extends MessageId>(file: string, lang: Lang, id: C, args: { [K in ArgNames<C>]: MessageArg }): string {
  return `${file}: ${localise(diagnostic(id, args), lang).message}`;
}

function dataNeedsBase(data: string): never {
  throw new ExitError(EXIT.usage, diagnostic('cli_check_data_needs_base', { file: data }));
}

/** A policy's plain values, or null when it cannot be read (validation has reported why). */
function parse(text: string, file = 'policy'): unknown {
  const yaml = readYaml(text, file);
  return yaml.ok ? yaml.value : null;
}

/**
 * What `check` finds wrong with one policy on its own: it validates, it is formatted, its
 * properties hold, it has tests and they pass. `file` names it in the messages; `at` is where it
 * is read (a staged copy, or the editor's candidate before it publishes).
 */
export async function policyFailures(file: string, at: string, lang: Lang = 'zh'): Promise<string[]> {
  const failures: string[] = [];
  const text = readText(at, 'policy');
  // a roll-up policy (a top-level `rollup:`) validates against its own section of the schema
  const loaded = isRollupText(text, file) ? loadRollup(file, text) : loadPolicy(text, file);
  if (!loaded.ok) {
    const count = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    failures.push(said(file, lang, 'cli_check_invalid', { count, file }));
    return failures;
  }
  if (formatPolicyText(text) !== text) failures.push(said(file, lang, 'cli_check_unformatted', { file }));
  failures.push(...verifyFailures(file, text, lang));
  if (!existsSync(testFileFor(at))) failures.push(said(file, lang, 'cli_check_no_tests', { tests: testFileFor(file) }));
  else {
    // a test file that cannot be read fails this policy, not the whole check: every policy is checked
    const report = await runTestsFor(at, { stdout: () => {}, stderr: () => {} }, file).catch((error: unknown) => {
      if (!(error instanceof ExitError)) throw error;
      failures.push(said(file, lang, 'cli_check_tests_cannot_run', { detail: error.withHelp }));
      return undefined;
    });
    // every failing case, each with its expected and actual values
    if (report?.failed)
      failures.push(
        [
          said(file, lang, 'cli_check_tests_fail', { failed: report.failed, total: report.cases.length }),
          ...describeReport(file, report, lang).slice(1),
        ].join('\n'),
      );
  }
  return failures;
}

/**
 * What `check --base` finds wrong with a changed policy's version: no `effective_from`, a version
 * not higher than the base's, an `effective_from` not later than the base's without `retroactive`.
 * `thenText` is the policy at `base`, undefined when it is new there.
 */
export function versionFailures(
  file: string,
  base: string,
  nowText: string,
  thenText: string | undefined,
  lang: Lang = 'zh',
): string[] {
  const failures: string[] = [];
  const now = parse(nowText) as {
    version?: string;
    effective_from?: string;
    retroactive?: unknown;
  } | null;
  if (!now?.effective_from) failures.push(said(file, lang, 'cli_check_no_effective_from', { base }));
  if (thenText === undefined) return failures;
  const then = parse(thenText) as { version?: string; effective_from?: string } | null;
  if (!now?.version || !then?.version || !isNewerVersion(String(now.version), String(then.version))) {
    const none = lang === 'zh' ? '（无）' : '(none)';
    failures.push(
      said(file, lang, 'cli_check_version_not_higher', {
        base,
        version: now?.version ?? none,
        then: then?.version ?? none,
      }),
    );
  }
  // a change applies from a later period than the version it replaces, unless it says it corrects earlier ones
  // (periods are YYYY-MM, checked by the schema, so they compare as text)
  if (
    now?.effective_from &&
    then?.effective_from &&
    String(now.effective_from) <= String(then.effective_from) &&
    !now.retroactive
  ) {
    failures.push(
      said(file, lang, 'cli_check_effective_not_later', {
        base,
        from: now.effective_from,
        then: then.effective_from,
        version: then.version ?? (lang === 'zh' ? '（无）' : '(none)'),
      }),
    );
  }
  return failures;
}

/**
 * Whether two versions of a policy differ at most in `properties:` (and comments and layout): the
 * claims `yardstick verify` checks, which change nobody's result. Keys in another order count as a change.
 */
function samePay(a: unknown, b: unknown): boolean {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const { properties: _a, ...restA } = a as Record<string, unknown>;
  const { properties: _b, ...restB } = b as Record<string, unknown>;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

export interface CheckOptions {
  base?: string;
  data?: string;
  /** Only the policies staged for a commit, as staged, their versions compared with HEAD (the pre-commit hook). */
  staged?: boolean;
}

export async function checkCommand(o: CheckOptions, io: Io): Promise<number> {
  if (o.staged) {
    if (o.base || o.data) throw new ExitError(EXIT.usage, diagnostic('cli_check_staged_alone', {}));
    const staged = stagedPolicies();
    try {
      return await checkPolicies({ base: staged.head ? 'HEAD' : undefined }, io, staged);
    } finally {
      staged.dispose();
    }
  }
  return checkPolicies(o, io);
}

async function checkPolicies(o: CheckOptions, io: Io, staged?: Staged): Promise<number> {
  if (o.data && !o.base) dataNeedsBase(o.data);
  const failures: string[] = [];
  /** What the check reports besides failures: how far each changed policy is over or under its budget. */
  const notes: string[] = [];
  // a policy's path as messages name it; `at` is where it is read (the staged copy for --staged)
  const at = (file: string) => (staged ? join(staged.dir, file) : file);
  const policies = staged
    ? staged.policies
    : policiesFolder('check')
        .filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('.test.yaml'))
        .sort()
        .map((f) => join('policies', f));
  for (const file of policies) failures.push(...(await policyFailures(file, at(file), io.lang ?? 'zh')));
  if (o.base) {
    // a policy renamed since the base (`git mv`) is held to its old file's version, not taken for a new one;
    // a deleted one has nothing left to check
    const changed = staged
      ? staged.policies.map((file) => ({ file, old: file }))
      : policyChangesSince(o.base).flatMap((c) =>
          c.status === 'deleted' ? [] : [{ file: c.file, old: c.status === 'renamed' ? c.old : c.file }],
        );
    for (const { file, old } of changed) {
      const nowText = readText(at(file), 'policy');
      // a policy that does not read (a merge conflict left in it) has no version to compare: the
      // check already failed it, saying why, and said no more (it said "no effective_from" too)
      if (parse(nowText) === null) continue;
      const thenText = pathExistsAt(o.base, old) ? showAt(o.base, old) : undefined;
      // a change to the declared properties alone (what verify checks, not what anyone is paid) needs no new version
      if (thenText !== undefined && samePay(parse(nowText), parse(thenText))) continue;
      failures.push(...versionFailures(file, o.base, nowText, thenText, io.lang ?? 'zh'));
      if (thenText === undefined) continue;
      // the data named on the command line, else the policy's own review data (`review_data:` of its tests);
      // the pre-commit hook stays fast and leaves the impact to CI; a roll-up policy scores no data file
      const data =
        staged || isRollupText(readText(at(file), 'policy'), file) ? undefined : (o.data ?? reviewDataFor(file));
      if (data) {
        // a change that can no longer score people the base version scored fails the check
        // (data that does not fit the policy is this policy's failure, not the end of the check)
        try {
          const review = await reviewPair(
            thenText,
            `${o.base}:${old}`,
            readText(file, 'policy'),
            file,
            file,
            { data, format: 'human', lang: io.lang ?? 'zh', quiet: true },
            io,
          );
          // how far the changed version is over or under its budget (information, not a failure)
          if (review.impact)
            for (const line of budgetLines(review.impact.after, io.lang ?? 'zh')) notes.push(`${file}: ${line}`);
          for (const l of newlyUnscorable([review]))
            failures.push(said(file, io.lang ?? 'zh', 'cli_check_unscorable', { count: l.count, data, base: o.base }));
        } catch (error) {
          if (!(error instanceof ExitError)) throw error;
          failures.push(`${file}: ${error.withHelp}`);
        }
      }
    }
  }
  if (notes.length) io.stdout(notes.map((n) => `· ${n}`).join('\n') + '\n');
  if (failures.length) {
    io.stdout(failures.map((f) => `✗ ${f}`).join('\n') + '\n');
    return EXIT.input;
  }
  const lang = io.lang ?? 'zh';
  const count = policies.length;
  const passed =
    staged && !count
      ? diagnostic('cli_check_nothing_staged', {})
      : staged
        ? diagnostic('cli_check_passed_staged', { count })
        : o.base
          ? diagnostic('cli_check_passed_base', { count, base: o.base })
          : diagnostic('cli_check_passed', { count });
  io.stdout(`✓ ${localise(passed, lang).message}\n`);
  return EXIT.ok;
}
