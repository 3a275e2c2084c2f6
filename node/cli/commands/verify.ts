// `yardstick verify [POLICY…]`: the policy properties (built-in and declared), each verdict with
// what it rests on — proved, shown by an example, or searched — and every counterexample as policy
// test cases ready to paste into the policy's *.test.yaml.

import { join } from 'node:path';
import {
  casesToYaml,
  diagnostic,
  formatDiagnostic,
  localise,
  verifyPolicyText,
  type Diagnostic,
  type Lang,
  type Verdict,
  type VerifyReport,
} from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import { readText, type Io, sayDiagnostic } from '../io.js';
import { policiesFolder } from '../policies-folder.js';
import { isRollupText } from '../rollup.js';

/** The policies of `policies/` (not their test files, not roll-ups, which score no employee), in name order. */
export function bundledPolicies(): string[] {
  return policiesFolder('verify')
    .filter((f) => /\.ya?ml$/.test(f) && !/\.test\.ya?ml$/.test(f))
    .sort()
    .map((f) => join('policies', f))
    .filter((f) => !isRollupText(readText(f, 'policy'), f));
}

/** A line of the report, from the message catalogue in the output's language. */
const say = (lang: Lang, line: Diagnostic) => localise(line, lang).message;

const VERDICT = {
  true: { en: 'holds', zh: '成立' },
  false: { en: 'FAILS', zh: '不成立' },
  undefined: { en: 'undecided', zh: '未定' },
} as const;

/** What a verdict rests on, in both languages. */
const basisOf = (v: Verdict) =>
  v.basis === 'searched'
    ? { en: `searched ${v.cases} cases`, zh: `搜索 ${v.cases} 例` }
    : v.basis === 'example'
      ? { en: 'example', zh: '举例' }
      : { en: 'proved', zh: '已证明' };

export interface VerifyOutcome {
  file: string;
  ms: number;
  report?: VerifyReport;
  diagnostics: Diagnostic[];
}

/** Verifies one policy file, timed. */
export function verifyFile(file: string, text = readText(file, 'policy'), runs?: number): VerifyOutcome {
  const start = performance.now();
  const r = verifyPolicyText(text, file, runs ? { runs } : {});
  const ms = Math.round(performance.now() - start);
  return r.ok
    ? { file, ms, report: r.report, diagnostics: r.report.diagnostics }
    : { file, ms, diagnostics: r.diagnostics };
}

/**
 * For `check`: when properties fail, one line naming the file and how many, with the way to see
 * the counterexamples, then each failure as a diagnostic; nothing when every property holds.
 * In `lang`, from the message catalogue.
 */
export function verifyFailures(file: string, text: string, lang: Lang): string[] {
  const { report } = verifyFile(file, text);
  const failing = (report?.verdicts ?? []).filter((v) => v.holds === false && v.diagnostic);
  if (!failing.length) return [];
  const head = localise(diagnostic('verify_check_fails', { file, count: failing.length }), lang);
  return [
    [
      head.message,
      `  ${lang === 'zh' ? '提示：' : 'help: '}${head.help}`,
      ...failing.map((v) => indent(formatDiagnostic(v.diagnostic!, lang), 2)),
    ].join('\n'),
  ];
}

export function verifyCommand(
  files: string[],
  o: { format: 'human' | 'json'; lang: Lang; all?: boolean; runs?: string },
  io: Io,
): number {
  // digits only: `1e3`, `0x10`, `5.0` and ` 5` are no whole number as written, whatever Number() makes of them
  const runs = o.runs === undefined ? undefined : /^\d+$/.test(o.runs) ? Number(o.runs) : Number.NaN;
  // `--runs abc` was the default 200 and `--runs -1` no search at all, each without a word
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1 && runs <= 100_000))
    throw new ExitError(EXIT.usage, diagnostic('cli_runs', { value: o.runs ?? '' }));
  const outcomes = (files.length ? files : bundledPolicies()).map((f) => verifyFile(f, undefined, runs));
  const failed = outcomes.some((x) => !x.report || x.report.failed > 0);
  if (o.format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          ok: !failed,
          policies: outcomes.map((x) => ({
            file: x.file,
            ms: x.ms,
            ...(x.report
              ? {
                  proved: x.report.proved,
                  examples: x.report.examples,
                  searched: x.report.searched,
                  failed: x.report.failed,
                  undecided: x.report.undecided,
                  cases: x.report.cases,
                  verdicts: x.report.verdicts.map((v) => ({
                    property: v.property,
                    subject: v.subject.join('.'),
                    holds: v.holds ?? null,
                    basis: v.basis,
                    cases: v.cases,
                    ...(v.diagnostic ? { diagnostic: v.diagnostic } : {}),
                    ...(v.counterexample
                      ? { counterexample: casesToYaml(v.counterexample, o.lang), confirmed: v.confirmed }
                      : {}),
                  })),
                }
              : { diagnostics: x.diagnostics }),
          })),
        },
        null,
        2,
      )}\n`,
    );
    return failed ? EXIT.input : EXIT.ok;
  }
  for (const x of outcomes) {
    if (!x.report) {
      const count = x.diagnostics.filter((d) => d.severity === 'error').length;
      sayDiagnostic(io.stderr, diagnostic('verify_policy_invalid', { file: x.file, count }), o.lang);
      continue;
    }
    const r = x.report;
    io.stdout(
      `${say(
        o.lang,
        diagnostic('verify_summary', {
          file: x.file,
          count: r.verdicts.length,
          proved: r.proved,
          shown: r.examples,
          searched: r.searched,
          cases: r.cases,
          failed: r.failed,
          undecided: r.undecided,
          ms: x.ms,
        }),
      )}\n`,
    );
    for (const v of r.verdicts) {
      if (v.holds === true && !o.all) continue;
      const line = diagnostic('verify_verdict', {
        verdict: VERDICT[String(v.holds) as keyof typeof VERDICT],
        property: v.property,
        subject: v.subject.join('.'),
        basis: basisOf(v),
      });
      io.stdout(`  ${say(o.lang, line)}\n`);
      if (v.diagnostic) io.stdout(`${indent(formatDiagnostic(v.diagnostic, o.lang), 4)}\n`);
      if (v.counterexample) {
        const head = diagnostic(v.confirmed ? 'verify_counterexample.confirmed' : 'verify_counterexample', {});
        io.stdout(`    ${say(o.lang, head)}\n`);
        io.stdout(`${indent(casesToYaml(v.counterexample, o.lang), 4)}\n`);
      }
    }
  }
  return failed ? EXIT.input : EXIT.ok;
}

const indent = (text: string, n: number) =>
  text
    .split('\n')
    .map((l) => (l ? ' '.repeat(n) + l : l))
    .join('\n');
