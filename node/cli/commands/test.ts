// `yardstick test [POLICY…]`: runs each policy's `*.test.yaml` and reports failures and what no
// case exercises. Without arguments: every policy in policies/.

import { existsSync, readdirSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import {
  readRecords,
  runPolicyTests,
  type EmployeeRecord,
  type TestCase,
  type TestReport,
  type TestExpectation,
  readYaml,
  diagnostic,
} from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import { readText, type Io } from '../io.js';
import { loadPolicyFile } from '../pipeline.js';
import { isRollupFile, loadRollupFile, readRollupCases } from '../rollup.js';
import { runRollupTests } from '../../../engine/index.js';

interface RawCase {
  name?: string;
  record?: Partial<EmployeeRecord> & { metrics?: Record<string, number> };
  sample?: { file: string; employee: string };
  history?: string[];
  expect?: TestExpectation;
}

export function testFileFor(policy: string): string {
  return policy.replace(/\.ya?ml$/, '.test.yaml');
}

/** Reads a policy's test file into cases, resolving `sample:` references to rows of a data file. */
export function readCases(
  _policyFile: string,
  testFile: string,
  contract: Parameters<typeof readRecords>[2],
): TestCase[] {
  const yaml = readYaml(readText(testFile, 'policy tests'), testFile);
  if (!yaml.ok)
    throw new ExitError(
      EXIT.input,
      diagnostic('cli_tests_unreadable', { file: testFile }, { file: testFile }),
      yaml.diagnostics,
    );
  const doc = yaml.value as { cases?: RawCase[] } | null;
  if (!doc || !Array.isArray(doc.cases))
    throw new ExitError(EXIT.input, diagnostic('cli_tests_shape', { file: testFile }, { file: testFile }));
  const samples = new Map<string, EmployeeRecord[]>();
  return doc.cases.map((c, i) => {
    const name = c.name ?? `case ${i + 1}`;
    if (!c.expect)
      throw new ExitError(EXIT.input, diagnostic('cli_test_case_expect', { file: testFile, name }, { file: testFile }));
    let record: EmployeeRecord;
    if (c.sample) {
      const file = resolve(dirname(testFile), c.sample.file);
      if (!samples.has(file)) {
        const read = readRecords(readText(file, 'data'), extname(file) === '.json' ? 'json' : 'csv', contract, {
          file,
        });
        samples.set(file, read.records);
      }
      const found = samples.get(file)!.find((r) => r.employee_id === c.sample!.employee);
      if (!found)
        throw new ExitError(
          EXIT.input,
          diagnostic(
            'cli_test_case_sample',
            { file: testFile, name, employee: c.sample.employee, sample: c.sample.file },
            { file: testFile },
          ),
        );
      record = found;
    } else if (c.record) {
      const r = c.record;
      record = {
        employee_id: r.employee_id ?? `case-${i + 1}`,
        name: r.name ?? name,
        role: r.role ?? '',
        team: r.team ?? '测试组',
        stage: r.stage ?? '',
        period: r.period ?? '2026-10',
        metrics: r.metrics ?? {},
        ...(r.pay_base !== undefined ? { pay_base: r.pay_base } : {}),
      };
    } else
      throw new ExitError(EXIT.input, diagnostic('cli_test_case_input', { file: testFile, name }, { file: testFile }));
    return { name, record, ...(c.history ? { history: c.history } : {}), expect: c.expect };
  });
}

export function describeReport(file: string, r: TestReport): string[] {
  const lines = [`${file}: ${r.passed} passed, ${r.failed} failed`];
  for (const c of r.cases) {
    if (c.ok) continue;
    lines.push(`  ✗ ${c.name}`);
    if (c.error) lines.push(`      cannot evaluate: ${c.error}`);
    for (const f of c.failures)
      lines.push(`      ${f.field}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`);
  }
  const u = r.uncovered;
  const parts = [
    ['indicators', u.indicators],
    ['rules', u.rules],
    ['grades', u.grades],
    ['tiers', u.tiers],
  ].filter(([, l]) => (l as string[]).length);
  if (parts.length)
    lines.push(
      `  not exercised by any case: ${parts.map(([k, l]) => `${k} ${(l as string[]).join(', ')}`).join('; ')}`,
    );
  return lines;
}

export async function runTestsFor(policyFile: string, io: Io): Promise<TestReport | undefined> {
  const testFile = testFileFor(policyFile);
  if (!existsSync(testFile)) return undefined;
  if (isRollupFile(policyFile)) {
    const doc = loadRollupFile(policyFile, io.stderr);
    return runRollupTests(doc, await readRollupCases(doc, testFile));
  }
  const policy = loadPolicyFile(policyFile, io.stderr, io.lang);
  return runPolicyTests(policy, readCases(policyFile, testFile, policy.contract));
}

export async function testCommand(files: string[], io: Io): Promise<number> {
  const policies = files.length
    ? files
    : readdirSync('policies')
        .filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('.test.yaml'))
        .sort()
        .map((f) => join('policies', f));
  let passed = 0;
  let failed = 0;
  for (const file of policies) {
    const report = await runTestsFor(file, io);
    if (!report) {
      io.stdout(`${file}: no tests (write them in ${testFileFor(file)})\n`);
      continue;
    }
    passed += report.passed;
    failed += report.failed;
    io.stdout(describeReport(file, report).join('\n') + '\n');
  }
  io.stdout(`${passed} passed, ${failed} failed\n`);
  return failed ? EXIT.input : EXIT.ok;
}
