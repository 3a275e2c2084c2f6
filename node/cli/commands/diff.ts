// `yardstick diff OLD NEW [--data FILE]` and `yardstick diff --base REF`: a policy change in
// business words and, with data, its impact on every employee's grade and pay.

import {
  compareRuns,
  comparisonToJson,
  loadPolicy,
  runPolicy,
  type CompiledPolicy,
  type Lang,
  type RunResult,
  type EmployeeRecord,
  diffPolicies,
  fitsNobody,
  planAttribution,
  attributeRuns,
  changeImpactToJson,
  breakdownImpact,
  breakdownToJson,
  parseBudget,
  DEFAULT_OUTLIER_FEN,
  diagnostic,
  formatFen,
} from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import { isRevisionSpec, pathExistsAt, policyChangesSince, showAt } from '../git.js';
import { isRollupText, rollupReview } from '../rollup.js';
import { readText, sayDiagnostic, type Io } from '../io.js';
import { ledgerHistory, readDataFile, reportExcluded } from '../pipeline.js';
import { DEFAULT_LEDGER } from '../ledger.js';
import { reviewDataFor } from './test.js';
import { progressFor, type ProgressOptions } from '../progress.js';
import { reviewMarkdown, reviewText, type PolicyReview } from '../format/review.js';
import { runResultToJson } from '../../../engine/index.js';

export interface DiffOptions {
  data?: string;
  format: 'human' | 'md' | 'json';
  lang: Lang;
  base?: string;
  /** Exit 0 even when the new version cannot score people the old one scored (they are still listed). */
  allowUnscorable?: boolean;
  /** No progress on stderr. */
  quiet?: boolean;
  /** `--outlier ¥N`: flag one employee's change of N yuan or more. */
  outlier?: string;
  /** Results ledger whose earlier months give the history facts, as `run` reads it (.yardstick/ledger.db). */
  ledger?: string;
}

/**
 * `¥2,000`, `2000`, `2000.5` or `1万` as integer fen, read as `sweep --budget` reads an amount
 * (commas only between thousands, to the fen at most); anything else (`0x10`, `1e3`, `1,2,3`) is refused.
 */
export function outlierFen(text: string | undefined): number {
  if (text === undefined) return DEFAULT_OUTLIER_FEN;
  const fen = parseBudget(text);
  if (fen === undefined) throw new ExitError(EXIT.usage, diagnostic('cli_outlier', { value: text }));
  return fen;
}

function readSpec(spec: string): string {
  if (!isRevisionSpec(spec)) return readText(spec, 'policy');
  const i = spec.indexOf(':');
  return showAt(spec.slice(0, i), spec.slice(i + 1));
}

function load(text: string, label: string, io: Io): CompiledPolicy {
  const r = loadPolicy(text, label);
  if (!r.ok) {
    for (const d of r.diagnostics) sayDiagnostic(io.stderr, d, io.lang ?? 'zh');
    throw new ExitError(EXIT.input, diagnostic('cli_diff_side_invalid', { label }));
  }
  return r.policy;
}

/**
 * The run of `policy` on the data file as `run` makes it — the earlier months of the results ledger
 * its history, when the ledger exists — and the records it read (each with its row).
 */
async function runWith(
  policy: CompiledPolicy,
  data: string,
  lang: Lang,
  progress?: ProgressOptions,
  ledger: string = DEFAULT_LEDGER,
): Promise<{ result: RunResult; records: EmployeeRecord[] }> {
  const read = await readDataFile(data, policy);
  const errors = read.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length)
    throw new ExitError(
      EXIT.input,
      diagnostic('cli_diff_data_unfit', { file: data, policy: policy.file }, { file: data }),
      errors,
    );
  const history = await ledgerHistory(ledger, policy.doc.policy, read.records);
  const result = await runPolicy(
    policy,
    { records: read.records, excluded: read.excluded },
    { lang, history, ...(progress ? progressFor(read.records.length, progress) : {}) },
  );
  const nobody = fitsNobody(policy, result, data);
  if (nobody) throw new ExitError(EXIT.input, nobody);
  return { result, records: read.records };
}

const runOn = async (policy: CompiledPolicy, data: string, lang: Lang, progress?: ProgressOptions, ledger?: string) =>
  (await runWith(policy, data, lang, progress, ledger)).result;

/** The people a change can no longer score, over every review: what `diff` and `check` refuse. */
export function newlyUnscorable(reviews: PolicyReview[]): { file: string; count: number }[] {
  return reviews
    .map((r) => ({
      file: r.file,
      count: r.impact?.comparison.unscorable.filter((u) => u.became === 'unscorable').length ?? 0,
    }))
    .filter((x) => x.count > 0);
}

export async function reviewPair(
  oldText: string,
  oldLabel: string,
  newText: string,
  newLabel: string,
  file: string,
  o: DiffOptions,
  io: Io,
): Promise<PolicyReview> {
  const before = load(oldText, oldLabel, io);
  const after = load(newText, newLabel, io);
  const review: PolicyReview = {
    file,
    title: after.doc.title,
    before: { label: oldLabel, version: before.doc.version },
    after: { label: newLabel, version: after.doc.version },
    changes: diffPolicies(before.doc, after.doc, o.lang),
  };
  if (o.data) {
    const progress: ProgressOptions = { label: 'diff', quiet: o.quiet, stderr: io.stderr };
    const [old, now] = [
      await runWith(before, o.data, o.lang, progress, o.ledger),
      await runWith(after, o.data, o.lang, progress, o.ledger),
    ];
    const [b, a] = [old.result, now.result];
    // records neither version can score (a cell that is not a number): both totals leave them out,
    // and the impact is measured without them, which the report's count alone did not say
    const both = new Set(a.excluded.map((x) => `${x.employee_id}\u0000${x.file}\u0000${x.row}`));
    reportExcluded(
      { excluded: b.excluded.filter((x) => both.has(`${x.employee_id}\u0000${x.file}\u0000${x.row}`)) },
      io.stderr,
      o.lang,
      io.lang,
    );
    // each person-month's reasons from its own row (a file of several months holds a person once a month)
    const comparison = compareRuns(b, a, [old.records, now.records]);
    // the changes one at a time, in the order the diff lists them (docs/review.md)
    const plan = planAttribution(oldText, after.doc, review.changes, file);
    const steps: (RunResult | undefined)[] = [];
    for (const policy of plan.policies)
      steps.push(
        await runOn(policy, o.data, o.lang, progress, o.ledger).catch((error: unknown) => {
          // data an intermediate policy cannot read: that step is measured together with the next
          if (error instanceof ExitError) return undefined;
          throw error;
        }),
      );
    const attribution = attributeRuns(plan, [b, ...steps, a], comparison);
    review.impact = {
      data: o.data,
      comparison,
      before: b,
      after: a,
      attribution,
      breakdown: breakdownImpact(b, a, comparison, outlierFen(o.outlier)),
    };
  }
  return review;
}

/**
 * A policy the working tree no longer has: listed as deleted with the version it had and, with
 * data, what it paid on that data — the money no longer paid by it. The old text is read as a
 * policy when it is one; its title otherwise falls back to the file name.
 */
async function deletedReview(
  file: string,
  oldText: string,
  oldLabel: string,
  o: DiffOptions,
  io: Io,
): Promise<PolicyReview> {
  const zh = o.lang === 'zh';
  const loaded = loadPolicy(oldText, oldLabel);
  const review: PolicyReview = {
    file,
    title: loaded.ok ? loaded.policy.doc.title : file,
    before: { label: oldLabel, version: loaded.ok ? loaded.policy.doc.version : '—' },
    after: { label: `${file} ${zh ? '（已删除）' : '(deleted)'}`, version: '—' },
    changes: [{ path: [], kind: 'removed', text: zh ? '删除政策' : 'policy deleted' }],
  };
  if (!loaded.ok || !o.data) return review;
  const { summary } = await runOn(
    loaded.policy,
    o.data,
    o.lang,
    { label: 'diff', quiet: o.quiet, stderr: io.stderr },
    o.ledger,
  );
  const paid = formatFen(summary.payout_total_fen);
  review.changes[0]!.text = zh
    ? `删除政策：它在 ${o.data} 上给 ${summary.employees} 人应发合计 ${paid}，删除后这些钱不再按它计发`
    : `policy deleted: on ${o.data} it paid ${summary.employees} people ${paid} in total, no longer paid under it`;
  return review;
}

export async function diffCommand(specs: string[], o: DiffOptions, io: Io): Promise<number> {
  const reviews: PolicyReview[] = [];
  if (o.base) {
    if (specs.length) throw new ExitError(EXIT.usage, diagnostic('cli_diff_args.both', {}));
    for (const entry of policyChangesSince(o.base)) {
      const file = entry.file;
      if (entry.status === 'deleted') {
        reviews.push(await deletedReview(file, showAt(o.base, file), `${o.base}:${file}`, o, io));
        continue;
      }
      const now = readText(file, 'policy');
      // a renamed policy is compared with its file at the base, under the old name
      const was = entry.status === 'renamed' ? entry.old : file;
      const old = pathExistsAt(o.base, was) ? showAt(o.base, was) : undefined;
      const renamed = (r: PolicyReview): PolicyReview =>
        entry.status === 'renamed'
          ? {
              ...r,
              changes: [
                { path: [], kind: 'changed', text: `${o.lang === 'zh' ? '文件改名' : 'renamed'} ${was} → ${file}` },
                ...r.changes,
              ],
            }
          : r;
      // a roll-up policy scores no data file: listed as changed; its figures are `yardstick rollup`'s
      if (isRollupText(now, file)) {
        // --data measures the monthly policies the commit changes; of this one it says nothing
        if (o.data)
          sayDiagnostic(
            io.stderr,
            diagnostic('cli_diff_rollup_data', { file, data: o.data }, { file, severity: 'warning' }),
            io.lang ?? o.lang,
          );
        reviews.push(
          renamed(rollupReview(file, now, old, old === undefined ? `${o.base} (none)` : `${o.base}:${was}`, o.lang)),
        );
        continue;
      }
      if (old === undefined) {
        const p = load(now, file, io);
        reviews.push({
          file,
          title: p.doc.title,
          before: { label: `${o.base} (none)`, version: '—' },
          after: { label: file, version: p.doc.version },
          changes: [{ path: [], kind: 'added', text: o.lang === 'zh' ? '新增政策' : 'new policy' }],
        });
        continue;
      }
      // without --data, each policy is measured on the review data its test file names (`review_data:`)
      const data = o.data ?? reviewDataFor(file);
      reviews.push(renamed(await reviewPair(old, `${o.base}:${was}`, now, file, file, { ...o, data }, io)));
    }
  } else {
    if (specs.length !== 2) throw new ExitError(EXIT.usage, diagnostic('cli_diff_args', {}));
    const [a, b] = specs;
    const file = isRevisionSpec(b) ? b.slice(b.indexOf(':') + 1) : b;
    const [before, after] = [readSpec(a), readSpec(b)];
    // a roll-up and a monthly policy are not two versions of one policy: each side would be read
    // as the other's kind and fail on keys it never had
    const rollups = [isRollupText(before, a), isRollupText(after, b)];
    if (rollups[0] !== rollups[1])
      throw new ExitError(
        EXIT.input,
        diagnostic('cli_diff_kinds', { rollup_side: rollups[0] ? a : b, monthly_side: rollups[0] ? b : a }),
      );
    // a roll-up scores the recorded months: a data file cannot measure it, and is not read unasked
    if (rollups[1] && o.data)
      throw new ExitError(EXIT.input, diagnostic('cli_diff_rollup_data', { file: b, data: o.data }, { file: b }));
    if (rollups[1]) reviews.push(rollupReview(file, after, before, a, o.lang));
    else reviews.push(await reviewPair(before, a, after, b, file, o, io));
  }
  if (o.format === 'json') {
    io.stdout(
      JSON.stringify(
        reviews.map((r) => ({
          file: r.file,
          title: r.title,
          before: r.before,
          after: r.after,
          changes: r.changes,
          ...(r.impact
            ? {
                impact: {
                  data: r.impact.data,
                  ...comparisonToJson(r.impact.comparison),
                  per_change: r.impact.attribution.map(changeImpactToJson),
                  breakdown: breakdownToJson(r.impact.breakdown),
                  ...moneyJson(r.impact.before, r.impact.after),
                },
              }
            : {}),
        })),
        null,
        2,
      ) + '\n',
    );
  } else {
    io.stdout(o.format === 'md' ? reviewMarkdown(reviews, o.lang) : reviewText(reviews, o.lang));
  }
  const lost = newlyUnscorable(reviews);
  if (lost.length && !o.allowUnscorable)
    throw new ExitError(
      EXIT.input,
      diagnostic('cli_diff_unscorable', {
        lost: lost
          .map((l) => `\`${l.file}\` can no longer score ${l.count} record(s) the old version scored`)
          .join('; '),
        lost_zh: lost.map((l) => `\`${l.file}\` 有 ${l.count} 条旧版本能评分的记录新版本无法评分`).join('；'),
      }),
    );
  return EXIT.ok;
}

/** Pools and the budget before and after, in yuan as the run's JSON has them, when either side has them. */
function moneyJson(before: RunResult, after: RunResult): Record<string, unknown> {
  const [b, a] = [runResultToJson({ ...before, scorecards: [] }), runResultToJson({ ...after, scorecards: [] })];
  return {
    ...(b.pools || a.pools ? { pools: { before: b.pools ?? [], after: a.pools ?? [] } } : {}),
    ...(b.budget || a.budget ? { budget: { before: b.budget ?? null, after: a.budget ?? null } } : {}),
  };
}
