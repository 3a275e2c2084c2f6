// `yardstick verify [POLICY…]`: the policy properties (built-in and declared), each verdict with
// what it rests on — proved, shown by an example, or searched — and every counterexample as policy
// test cases ready to paste into the policy's *.test.yaml.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  casesToYaml,
  formatDiagnostic,
  verifyPolicyText,
  type Diagnostic,
  type Lang,
  type Verdict,
  type VerifyReport,
} from '../../../engine/index.js';
import { EXIT } from '../errors.js';
import { readText, type Io } from '../io.js';
import { isRollupText } from '../rollup.js';

/** The policies of `policies/` (not their test files, not roll-ups, which score no employee), in name order. */
export function bundledPolicies(): string[] {
  return readdirSync('policies')
    .filter((f) => /\.ya?ml$/.test(f) && !/\.test\.ya?ml$/.test(f))
    .sort()
    .map((f) => join('policies', f))
    .filter((f) => !isRollupText(readText(f, 'policy'), f));
}

const WORDS = {
  en: {
    summary: (file: string, r: VerifyReport, ms: number) =>
      `${file}: ${r.verdicts.length} properties: ${r.proved} proved, ${r.examples} shown by an example, ${r.searched} searched (${r.cases} cases considered over all verdicts), ${r.failed} fail, ${r.undecided} undecided · ${ms} ms`,
    basis: (v: Verdict) =>
      v.basis === 'searched' ? `searched ${v.cases} cases` : v.basis === 'example' ? 'example' : 'proved',
    verdict: (v: Verdict) => (v.holds === true ? 'holds' : v.holds === false ? 'FAILS' : 'undecided'),
    counter: 'counterexample (paste under `cases:` in the policy tests):',
    confirmed: 'the engine, evaluating it again, confirms the failure',
    notLoaded: (file: string, n: number) =>
      `${file}: does not validate (${n} problem(s); run \`yardstick validate ${file}\`)`,
  },
  zh: {
    summary: (file: string, r: VerifyReport, ms: number) =>
      `${file}：${r.verdicts.length} 项性质，已证明 ${r.proved} 项，举例证实 ${r.examples} 项，搜索 ${r.searched} 项（各项性质共考察 ${r.cases} 例），不成立 ${r.failed} 项，未定 ${r.undecided} 项 · 用时 ${ms} 毫秒`,
    basis: (v: Verdict) => (v.basis === 'searched' ? `搜索 ${v.cases} 例` : v.basis === 'example' ? '举例' : '已证明'),
    verdict: (v: Verdict) => (v.holds === true ? '成立' : v.holds === false ? '不成立' : '未定'),
    counter: '反例（可粘贴到政策测试文件的 `cases:` 下）：',
    confirmed: '引擎重新计算后确认不成立',
    notLoaded: (file: string, n: number) =>
      `${file}：政策校验未通过（${n} 个问题；请运行 \`yardstick validate ${file}\`）`,
  },
} as const;

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

/** For `check`: one line per property that fails, with its message, or nothing. */
export function verifyFailures(file: string, text: string): string[] {
  const { report } = verifyFile(file, text);
  return (report?.verdicts ?? [])
    .filter((v) => v.holds === false && v.diagnostic)
    .map((v) => `${file}: property fails (run \`yardstick verify ${file}\`): ${formatDiagnostic(v.diagnostic!, 'en')}`);
}

export function verifyCommand(
  files: string[],
  o: { format: 'human' | 'json'; lang: Lang; all?: boolean; runs?: string },
  io: Io,
): number {
  const w = WORDS[o.lang];
  const runs = o.runs ? Number(o.runs) : undefined;
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
                      ? { counterexample: casesToYaml(v.counterexample), confirmed: v.confirmed }
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
      io.stderr(w.notLoaded(x.file, x.diagnostics.filter((d) => d.severity === 'error').length));
      continue;
    }
    io.stdout(`${w.summary(x.file, x.report, x.ms)}\n`);
    for (const v of x.report.verdicts) {
      if (v.holds === true && !o.all) continue;
      io.stdout(`  ${w.verdict(v)} · ${v.property} · ${v.subject.join('.')} · ${w.basis(v)}\n`);
      if (v.diagnostic) io.stdout(`${indent(formatDiagnostic(v.diagnostic, o.lang), 4)}\n`);
      if (v.counterexample) {
        io.stdout(`    ${w.counter}${v.confirmed ? ` (${w.confirmed})` : ''}\n`);
        io.stdout(`${indent(casesToYaml(v.counterexample), 4)}\n`);
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
