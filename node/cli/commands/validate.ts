// `yardstick validate POLICY…`: every problem in every file, with file:line:col and help.

import { diagnostic, loadPolicy, localise, type Diagnostic, type Lang } from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import { readText, type Io, sayDiagnostic } from '../io.js';
import { caseIdsOf, readCases } from './test.js';
import { isRollupText, loadRollup } from '../rollup.js';
import { monthlyOf, readRollupCaseList } from '../rollup-tests.js';

export function validateCommand(files: string[], options: { format: 'human' | 'json'; lang: Lang }, io: Io): number {
  const all: Diagnostic[] = [];
  const summaries: string[] = [];
  let failed = 0;
  const say: Say = (id, args) => localise(diagnostic(id, args as never), options.lang).message;
  for (const file of files) {
    // `policies/*.yaml` also names the policies' test files: they are checked as tests
    if (isTestFile(file)) {
      const checked = validateTests(file, say);
      if (!checked.ok) failed++;
      summaries.push(checked.summary);
      continue;
    }
    let text: string;
    try {
      text = readText(file, 'policy');
    } catch (error) {
      // for tools, a file that cannot be read is one more diagnostic in the JSON, not text on stderr
      if (!(error instanceof ExitError) || options.format !== 'json') throw error;
      all.push(...error.diagnostics);
      failed++;
      continue;
    }
    // a roll-up policy (a top-level `rollup:`) has its own schema section and checks
    if (isRollupText(text, file)) {
      const rolled = loadRollup(file, text);
      all.push(...rolled.diagnostics);
      if (!rolled.ok) failed++;
      summaries.push(
        rolled.ok
          ? say('cli_validate_ok.rollup', {
              file,
              policy: rolled.doc.policy,
              version: rolled.doc.version,
              of: rolled.doc.rollup.of,
              period: PERIOD_WORDS[rolled.doc.rollup.period] ?? rolled.doc.rollup.period,
              facts: Object.keys(rolled.doc.facts).length,
            })
          : say('cli_validate_failed', {
              file,
              count: rolled.diagnostics.filter((d) => d.severity === 'error').length,
            }),
      );
      continue;
    }
    const result = loadPolicy(text, file);
    all.push(...result.diagnostics);
    if (result.ok) {
      const p = result.policy.doc;
      summaries.push(
        say('cli_validate_ok', {
          file,
          policy: p.policy,
          version: p.version,
          roles: Object.keys(p.roles).length,
          stages: Object.keys(p.stages).length,
        }),
      );
    } else {
      failed++;
      summaries.push(
        say('cli_validate_failed', { file, count: result.diagnostics.filter((d) => d.severity === 'error').length }),
      );
    }
  }
  if (options.format === 'json') {
    // in the language asked for (--lang), as `--error-format json` gives them
    const said = all.map((d) => ({ ...d, ...localise(d, options.lang) }));
    io.stdout(JSON.stringify({ ok: failed === 0, diagnostics: said }, null, 2) + '\n');
  } else {
    // as text on stderr, or into the one JSON document of `--error-format json`
    for (const d of all) sayDiagnostic(io.stderr, d, options.lang);
    for (const s of summaries) io.stdout(s + '\n');
  }
  return failed ? EXIT.input : EXIT.ok;
}

/** `x.test.yaml`: the test cases of the policy `x.yaml` beside it. */
export const isTestFile = (file: string) => /\.test\.ya?ml$/i.test(file);

/** A test file read as `yardstick test` reads it: its policy loads, and every case can be built. */
type Say = (
  id: Parameters<typeof diagnostic>[0],
  args: Record<string, string | number | { en: string; zh: string }>,
) => string;

/** A roll-up's period as each language says it: `by year`, 按年度. */
const PERIOD_WORDS: Record<string, { en: string; zh: string }> = {
  quarter: { en: 'quarter', zh: '季度' },
  half_year: { en: 'half_year', zh: '半年' },
  year: { en: 'year', zh: '年度' },
};

function validateTests(file: string, say: Say): { ok: boolean; summary: string } {
  const policyFile = file.replace(/\.test\.(ya?ml)$/i, '.$1');
  const policyText = readText(policyFile, 'policy');
  if (isRollupText(policyText, policyFile)) return validateRollupTests(file, policyFile, policyText, say);
  const loaded = loadPolicy(policyText, policyFile);
  if (!loaded.ok)
    return { ok: false, summary: say('cli_validate_failed.tests_policy', { file, policy_file: policyFile }) };
  try {
    const cases = readCases(policyFile, file, loaded.policy.contract, caseIdsOf(loaded.policy));
    return { ok: true, summary: say('cli_validate_ok.tests', { file, count: cases.length, policy_file: policyFile }) };
  } catch (error) {
    if (!(error instanceof ExitError)) throw error;
    return {
      ok: false,
      summary: `err ${file}: ${error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message}`,
    };
  }
}

/** A roll-up policy's test file: its policy loads, and every case has its months (or sample), period and expectations. */
function validateRollupTests(
  file: string,
  policyFile: string,
  text: string,
  say: Say,
): { ok: boolean; summary: string } {
  const loaded = loadRollup(policyFile, text);
  if (!loaded.ok)
    return { ok: false, summary: say('cli_validate_failed.tests_policy', { file, policy_file: policyFile }) };
  try {
    const cases = readRollupCaseList(loaded.doc, file, monthlyOf(loaded.doc, policyFile));
    const wrong = cases.find((c) => !c.ok);
    if (wrong) throw wrong.problem;
    return { ok: true, summary: say('cli_validate_ok.tests', { file, count: cases.length, policy_file: policyFile }) };
  } catch (error) {
    if (!(error instanceof ExitError)) throw error;
    return {
      ok: false,
      summary: `err ${file}: ${error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message}`,
    };
  }
}
