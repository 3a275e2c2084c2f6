// `yardstick test [POLICY…]`: runs each policy's `*.test.yaml` and reports failures and what no
// case exercises. Without arguments: every policy in policies/.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  formatOf,
  readRecords,
  readsAsWritten,
  type CompiledPolicy,
  runPolicyTests,
  type EmployeeRecord,
  type TestCase,
  type TestReport,
  type TestExpectation,
  readYaml,
  diagnostic,
  formatDiagnostic,
  localise,
  type Diagnostic,
  type Lang,
  isCanonicalPeriod,
  type TeamDeclaration,
  TeamDirectory,
  teamName,
} from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import { readBytes, readText, type Io, sayDiagnostic, diagnosticsKept } from '../io.js';
import { policiesFolder } from '../policies-folder.js';
import { placesIn, unknownKey } from '../test-file.js';
import { loadPolicyFile } from '../pipeline.js';
import { isRollupFile, loadRollupFile } from '../rollup.js';
import { readRollupCases } from '../rollup-tests.js';
import { runRollupTests } from '../../../engine/index.js';

interface RawCase {
  name?: string;
  record?: Partial<EmployeeRecord> & { metrics?: Record<string, number> };
  sample?: { file: string; employee: string | number; period?: string };
  history?: string[];
  expect?: TestExpectation;
}

export function testFileFor(policy: string): string {
  return policy.replace(/\.ya?ml$/, '.test.yaml');
}

/** A case's result; `unreadable` when the case could not be built from the file (it then failed). */
export type CaseOutcome = TestReport['cases'][number] & {
  /** `file:line:col` of each expectation the case writes, by field, for the line that says it failed */
  places?: Record<string, string>;
  unreadable?: string;
  /** The problem `unreadable` says in English, for a report in another language. */
  problem?: Diagnostic;
};
export type TestOutcome = Omit<TestReport, 'cases'> & { cases: CaseOutcome[] };

// The keys a test file may hold, at each level: the reader refuses any other (a misspelt `expect`
// must not pass as a case that checks nothing). schemas/policy-test.schema.json lists the same keys;
// test/repo/schemas.test.ts checks that the two agree.
export const TEST_FILE_KEYS = ['review_data', 'cases'] as const;
export const CASE_KEYS = [
  'name',
  'record',
  'sample',
  'history',
  'expect',
] as const satisfies readonly (keyof RawCase)[];
export const RECORD_KEYS = [
  'employee_id',
  'name',
  'role',
  'team',
  'stage',
  'period',
  'pay_base',
  'metrics',
] as const satisfies readonly (keyof EmployeeRecord)[];
export const SAMPLE_KEYS = ['file', 'employee', 'period'] as const;
export const EXPECT_KEYS = [
  'score',
  'grade',
  'tier',
  'payout',
  'status',
  'holds',
  'triggers',
] as const satisfies readonly (keyof TestExpectation)[];
// every field the engine can check is a key of the file (a compile error otherwise)
const everyExpectation: Exclude<keyof TestExpectation, (typeof EXPECT_KEYS)[number]> extends never ? true : false =
  true;
void everyExpectation;

/** A case's team as a run reads the cell: the declared team it names (title, id or alias), else the name tidied. */
function teamOfCase(team: string, declared: readonly TeamDeclaration[] | undefined): string | undefined {
  return declared?.length ? new TeamDirectory(declared).find(team) : teamName(team);
}

/** The data a policy's changes are reviewed on (`review_data:` of its test file, relative to it), if it names one. */
export function reviewDataFor(policyFile: string): string | undefined {
  const testFile = testFileFor(policyFile);
  if (!existsSync(testFile)) return undefined;
  const yaml = readYaml(readText(testFile, 'policy tests'), testFile);
  const named = yaml.ok ? (yaml.value as { review_data?: unknown } | null)?.review_data : undefined;
  return typeof named === 'string' && named.trim() !== '' ? join(dirname(testFile), named) : undefined;
}

/** The ids a case's expectation may name: the policy's grades, tiers, holds and triggers. */
export interface CaseIds {
  grades: readonly string[];
  tiers: readonly string[];
  holds: readonly string[];
  triggers: readonly string[];
}

/** A policy's ids, for reading its test cases. */
export function caseIdsOf(policy: Pick<CompiledPolicy, 'doc'>): CaseIds {
  const d = policy.doc;
  return {
    grades: d.grades.map((g) => g.grade),
    tiers: (d.payout.tiers?.bands ?? []).map((b) => b.tier),
    holds: Object.keys(d.holds ?? {}),
    triggers: Object.keys(d.triggers ?? {}),
  };
}

/**
 * Reads a policy's test file into cases, resolving `sample:` references to rows of a data file. A
 * case that cannot be built is returned as its problem, in its place, so every case is reported;
 * a file that cannot be read at all throws.
 */
export function readCaseList(
  testFile: string,
  contract: Parameters<typeof readRecords>[2],
  ids?: CaseIds,
  /** the test file as its problems name it (a staged file checked from a copy: its path in the repository) */
  shown = testFile,
): ({ ok: true; case: TestCase; places: Record<string, string> } | { ok: false; name: string; problem: ExitError })[] {
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
  // file:line:col of a value of the file (or of a key), for a problem with it
  const { at, keyAt } = placesIn(yaml.doc, yaml.lines, shown);
  const top = unknownKey(doc, TEST_FILE_KEYS, 'file', (k) => keyAt([k]), testFile);
  if (top) throw new ExitError(EXIT.input, top);
  const samples = new Map<string, EmployeeRecord[]>();
  const names = new Set<string>();
  return doc.cases.map((c, i) => {
    const name = (c && typeof c === 'object' && c.name) || `case ${i + 1}`;
    try {
      // a report names its cases: two of one name would be one line for two outcomes
      // (a name the file writes: an unnamed case's `case 2` is a placeholder, not a second name)
      const written = c && typeof c === 'object' && typeof c.name === 'string';
      const again = written && names.has(name);
      if (written) names.add(name);
      if (again)
        throw new ExitError(
          EXIT.input,
          diagnostic(
            'cli_test_case_value',
            {
              place: at(['cases', i, 'name']),
              name,
              what: {
                en: `another case before it is named \`${name}\`: give each case its own name`,
                zh: `前面已有名为 \`${name}\` 的用例：请给每个用例起不同的名字`,
              },
            },
            { file: shown },
          ),
        );
      // a misspelt key first: what is under it was not read at all
      const under = (path: (string | number)[]) => (k: string) => keyAt([...path, k]);
      const wrongKey =
        unknownKey(c, CASE_KEYS, 'case', under(['cases', i]), testFile) ??
        unknownKey(c?.record, RECORD_KEYS, 'record', under(['cases', i, 'record']), testFile) ??
        unknownKey(c?.sample, SAMPLE_KEYS, 'sample', under(['cases', i, 'sample']), testFile) ??
        unknownKey(c?.expect, EXPECT_KEYS, 'expect', under(['cases', i, 'expect']), testFile);
      if (wrongKey) throw new ExitError(EXIT.input, wrongKey);
      const wrong = recordProblem(c, i, name, shown, contract, at, yaml.doc, ids);
      if (wrong) throw new ExitError(EXIT.input, wrong);
      const read = readCase(c, i, name, testFile, contract, samples);
      const places = Object.fromEntries(
        Object.keys(read.expect).map((field) => [field, at(['cases', i, 'expect', field])]),
      );
      return { ok: true as const, case: read, places };
    } catch (error) {
      if (!(error instanceof ExitError)) throw error;
      return { ok: false as const, name, problem: error };
    }
  });
}

/**
 * A hand-written record the engine would read as something else: a metric the policy does not have
 * (a misspelt id is not a metric left out), a value that is not a number (`[100]`, `true`, `"45%"`),
 * a pay base that is not a number, a `history` that is not a list of grades. Such a case would test
 * another employee than the one written, so it is refused at its value.
 */
function recordProblem(
  c: RawCase,
  i: number,
  name: string,
  testFile: string,
  contract: Parameters<typeof readRecords>[2],
  at: (path: (string | number)[]) => string,
  doc?: { getIn(path: Iterable<unknown>, keepScalar: true): unknown },
  ids?: CaseIds,
) {
  if (!c || typeof c !== 'object') return undefined;
  const grades = ids?.grades;
  // a number as the file writes it: `1e400`, not JSON's `null` for Infinity
  const written = (path: (string | number)[]) => (doc?.getIn(path, true) as { source?: unknown } | undefined)?.source;
  const show = (v: unknown, path?: (string | number)[]) =>
    typeof v === 'string'
      ? v
      : typeof v === 'number' && path && typeof written(path) === 'string'
        ? (written(path) as string)
        : JSON.stringify(v);
  const problem = (path: (string | number)[], what: { en: string; zh: string }) =>
    diagnostic('cli_test_case_value', { place: at(path), name, what }, { file: testFile });
  const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const r = c.record;
  if (r && typeof r === 'object') {
    const metrics = r.metrics as unknown;
    if (metrics !== undefined && (metrics === null || typeof metrics !== 'object' || Array.isArray(metrics)))
      return problem(['cases', i, 'record', 'metrics'], {
        en: '`metrics` is not a mapping of metric ids to numbers',
        zh: '`metrics` 不是“指标编号 → 数值”的映射',
      });
    for (const [id, value] of Object.entries((metrics ?? {}) as Record<string, unknown>)) {
      const path = ['cases', i, 'record', 'metrics', id];
      if (!Object.hasOwn(contract.metrics, id)) {
        const known = Object.keys(contract.metrics);
        return problem(path, {
          en: `\`${id}\` is not a metric of the policy (its metrics: ${known.join(', ')})`,
          zh: `\`${id}\` 不是政策中的指标（政策的指标：${known.join('、')}）`,
        });
      }
      if (!isNumber(value))
        return problem(path, {
          en: `\`${id}\` is \`${show(value, path)}\`, not a number`,
          zh: `\`${id}\` 为 \`${show(value, path)}\`，不是数字`,
        });
      // `0.89999999999999999` is the double 0.9: refused, as a policy's number and a data cell are
      const source = written(path);
      if (typeof source === 'string' && !readsAsWritten(source, value as number))
        return problem(path, {
          en: `\`${id}\` is written \`${source}\`, more digits than a number keeps: it would be read as ${value}`,
          zh: `\`${id}\` 写作 \`${source}\`，位数超过数字能精确保存的位数：会被读作 ${value}`,
        });
      // outside the metric's range a data file's cell is refused (data_out_of_range): a case is an
      // employee a run could score, or it tests what no month can hold
      const m = contract.metrics[id]!;
      const range = m.range ?? (m.unit === 'ratio' ? ([0, 1] as const) : undefined);
      if (range && ((value as number) < range[0] || (value as number) > range[1]))
        return problem(path, {
          en: `\`${id}\` is \`${show(value, path)}\`, outside its range ${range[0]} to ${range[1]}: a data file's cell of it would be refused`,
          zh: `\`${id}\` 为 \`${show(value, path)}\`，超出其范围 ${range[0]} 至 ${range[1]}：数据文件中这样的值会被拒绝`,
        });
    }
    if (r.pay_base !== undefined && !isNumber(r.pay_base))
      return problem(['cases', i, 'record', 'pay_base'], {
        en: `\`pay_base\` is \`${show(r.pay_base, ['cases', i, 'record', 'pay_base'])}\`, not a number`,
        zh: `\`pay_base\` 为 \`${show(r.pay_base, ['cases', i, 'record', 'pay_base'])}\`，不是数字`,
      });
    // `4000.0000000000001` is the double 4000: refused, as a metric's value and a data cell are
    const baseSource = written(['cases', i, 'record', 'pay_base']);
    if (typeof r.pay_base === 'number' && typeof baseSource === 'string' && !readsAsWritten(baseSource, r.pay_base))
      return problem(['cases', i, 'record', 'pay_base'], {
        en: `\`pay_base\` is written \`${baseSource}\`, more digits than a number keeps: it would be read as ${r.pay_base}`,
        zh: `\`pay_base\` 写作 \`${baseSource}\`，位数超过数字能精确保存的位数：会被读作 ${r.pay_base}`,
      });
    if (typeof r.pay_base === 'number' && r.pay_base < 0)
      return problem(['cases', i, 'record', 'pay_base'], {
        en: `\`pay_base\` is \`${show(r.pay_base, ['cases', i, 'record', 'pay_base'])}\`, below 0: a data file's pay base of it would be refused`,
        zh: `\`pay_base\` 为 \`${show(r.pay_base, ['cases', i, 'record', 'pay_base'])}\`，小于 0：数据文件中这样的绩效基数会被拒绝`,
      });
    // a role or stage the policy does not have is an employee no run scores (the record is by id)
    for (const [field, known, zhName] of [
      ['role', contract.roles, '岗位'],
      ['stage', contract.stages, '阶段'],
    ] as const) {
      const v = r[field] as unknown;
      const path = ['cases', i, 'record', field];
      if (v === undefined)
        return problem(['cases', i, 'record'], {
          en: `the record has no \`${field}:\` (its ${field}s: ${known.map((k) => k.id).join(', ')})`,
          zh: `记录没有 \`${field}:\`（${zhName}：${known.map((k) => k.id).join('、')}）`,
        });
      if (typeof v === 'string' && known.some((k) => k.id === v)) continue;
      const titled = known.find((k) => k.title === v);
      return problem(path, {
        en: `\`${field}\` is \`${show(v, path)}\`, which is not a ${field} id of the policy (its ${field}s: ${known.map((k) => k.id).join(', ')})${titled ? `: \`${titled.title}\` is the title of \`${titled.id}\`; a record gives the id` : ''}`,
        zh: `\`${field}\` 为 \`${show(v, path)}\`，不是政策的${zhName}编号（${zhName}：${known.map((k) => k.id).join('、')}）${titled ? `：\`${titled.title}\` 是 \`${titled.id}\` 的名称，记录中请写编号` : ''}`,
      });
    }
    // the record's month: what history and effective dates are read against
    const period = r.period as unknown;
    if (period !== undefined && !isCanonicalPeriod(period))
      return problem(['cases', i, 'record', 'period'], {
        en: `\`period\` is \`${show(period, ['cases', i, 'record', 'period'])}\`, not a month: write it as \`2026-10\``,
        zh: `\`period\` 为 \`${show(period, ['cases', i, 'record', 'period'])}\`，不是月份：请写成 \`2026-10\``,
      });
    // a team as a data file's cell gives it: with `teams:`, one of them (an alias read as its team)
    const team = r.team as unknown;
    if (team !== undefined && typeof team !== 'string')
      return problem(['cases', i, 'record', 'team'], {
        en: `\`team\` is \`${show(team, ['cases', i, 'record', 'team'])}\`, not a team name`,
        zh: `\`team\` 为 \`${show(team, ['cases', i, 'record', 'team'])}\`，不是团队名称`,
      });
    const declared = contract.teams;
    // `team: ""` is no team, as an empty cell (the simulator saves a record without one so)
    if (
      typeof team === 'string' &&
      teamName(team) !== '' &&
      declared?.length &&
      teamOfCase(team, declared) === undefined
    )
      return problem(['cases', i, 'record', 'team'], {
        en: `\`team\` is \`${team}\`, which is not a team of the policy (its teams: ${declared.map((t) => t.title).join(', ')})`,
        zh: `\`team\` 为 \`${team}\`，不是政策中的团队（政策的团队：${declared.map((t) => t.title).join('、')}）`,
      });
  }
  // a sample's employee id as the data writes it: `1002` is the id 1002; `1e3` or `1002.0` is a
  // number YAML reads as 1000 or 1002, which the writer did not spell as any id
  const sample = c.sample as { employee?: unknown; period?: unknown } | undefined;
  if (sample && typeof sample === 'object') {
    const path = ['cases', i, 'sample', 'employee'];
    if (typeof sample.employee === 'number' && !/^[0-9]+$/.test(String(written(path))))
      return problem(path, {
        en: `\`employee\` is \`${show(sample.employee, path)}\`, not an employee id: write the id as the data does, in quotes (\`'1000'\`)`,
        zh: `\`employee\` 为 \`${show(sample.employee, path)}\`，不是工号：请照数据中的写法加引号填写（\`'1000'\`）`,
      });
    if (sample.period !== undefined && typeof sample.period !== 'string')
      return problem(['cases', i, 'sample', 'period'], {
        en: `\`period\` is \`${show(sample.period, ['cases', i, 'sample', 'period'])}\`, not a month: write it as \`2026-10\``,
        zh: `\`period\` 为 \`${show(sample.period, ['cases', i, 'sample', 'period'])}\`，不是月份：请写成 \`2026-10\``,
      });
  }
  const history = c.history as unknown;
  if (history !== undefined && (!Array.isArray(history) || history.some((g) => typeof g !== 'string')))
    return problem(['cases', i, 'history'], {
      en: `\`history\` is \`${show(history)}\`, not a list of grades (most recent first: [C, B])`,
      zh: `\`history\` 为 \`${show(history)}\`，不是等级列表（最近的在前：[C, B]）`,
    });
  const expectProblem = expectationProblem(c.expect, (key) => ['cases', i, 'expect', key], show, problem, ids);
  if (expectProblem) return expectProblem;
  // a grade the policy does not have (`Z`, `c`) would count as "not C" in every history fact
  const unknownAt = grades && Array.isArray(history) ? history.findIndex((g) => !grades.includes(g)) : -1;
  if (unknownAt >= 0 && Array.isArray(history))
    return problem(['cases', i, 'history', unknownAt], {
      en: `\`history\` gives \`${history[unknownAt]}\`, which is not a grade of the policy (its grades: ${grades!.join(', ')})`,
      zh: `\`history\` 中的 \`${history[unknownAt]}\` 不是政策的等级（政策的等级：${grades!.join('、')}）`,
    });
  return undefined;
}

/**
 * An expectation no result can meet, refused at its value rather than failing every run with a
 * report that reads as the program's error (`score: expected "79.6", got 79.6`): a score or payout
 * that is not a number, a payout with a fraction of a fen, a grade the policy does not have (`Ａ`,
 * `a`), a status other than payable or held, a tier, hold or trigger id that is not text.
 */
function expectationProblem(
  e: unknown,
  pathOf: (key: string) => (string | number)[],
  show: (v: unknown, path?: (string | number)[]) => string,
  problem: (path: (string | number)[], what: { en: string; zh: string }) => ReturnType<typeof diagnostic>,
  ids?: CaseIds,
) {
  if (!e || typeof e !== 'object') return undefined;
  const grades = ids?.grades;
  const x = e as Record<string, unknown>;
  // `expect: {}` (or `[]`) passes whatever the policy does
  if (Array.isArray(e) || Object.keys(x).length === 0)
    return problem(pathOf('').slice(0, -1), {
      en: '`expect` names nothing to check: give at least one of score, grade, payout, status, tier, holds, triggers',
      zh: '`expect` 没有写要核对的内容：请至少写 score、grade、payout、status、tier、holds、triggers 之一',
    });
  for (const key of ['score', 'payout'] as const) {
    const v = x[key];
    if (v === undefined) continue;
    const path = pathOf(key);
    if (typeof v === 'string')
      return problem(path, {
        en: `\`${key}\` is the text "${v}", not a number: write it without quotes`,
        zh: `\`${key}\` 为文字 "${v}"，不是数字：请去掉引号`,
      });
    if (typeof v !== 'number' || !Number.isFinite(v))
      return problem(path, {
        en: `\`${key}\` is \`${show(v, path)}\`, not a number`,
        zh: `\`${key}\` 为 \`${show(v, path)}\`，不是数字`,
      });
    // the payout is compared to the fen: 796.001 can never be paid
    if (key === 'payout' && Math.abs(v * 100 - Math.round(v * 100)) > 1e-6)
      return problem(path, {
        en: `\`payout\` is \`${show(v, path)}\`, which has a fraction of a fen: pay is exact to the fen (0.01 yuan)`,
        zh: `\`payout\` 为 \`${show(v, path)}\`，含不足一分的部分：应发精确到分（0.01 元）`,
      });
  }
  if (x.grade !== undefined) {
    const path = pathOf('grade');
    if (typeof x.grade !== 'string' || (grades && !grades.includes(x.grade)))
      return problem(path, {
        en: `\`grade\` is \`${show(x.grade, path)}\`, which is not a grade of the policy${grades ? ` (its grades: ${grades.join(', ')})` : ''}`,
        zh: `\`grade\` 为 \`${show(x.grade, path)}\`，不是政策的等级${grades ? `（政策的等级：${grades.join('、')}）` : ''}`,
      });
  }
  if (x.status !== undefined && x.status !== 'payable' && x.status !== 'held')
    return problem(pathOf('status'), {
      en: `\`status\` is \`${show(x.status, pathOf('status'))}\`: write \`payable\` or \`held\``,
      zh: `\`status\` 为 \`${show(x.status, pathOf('status'))}\`：请写 \`payable\`（可发放）或 \`held\`（暂扣）`,
    });
  if (x.tier !== undefined && x.tier !== null && typeof x.tier !== 'string')
    return problem(pathOf('tier'), {
      en: `\`tier\` is \`${show(x.tier, pathOf('tier'))}\`, not a tier id (or \`null\` for no tier)`,
      zh: `\`tier\` 为 \`${show(x.tier, pathOf('tier'))}\`，不是档位编号（无档位写 \`null\`）`,
    });
  // an id the policy does not have can never be met (`tier: gold` without tiers): said, not failed on every run
  const listed = (known: readonly string[]) => (known.length ? known.join(', ') : 'none');
  const listedZh = (known: readonly string[]) => (known.length ? known.join('、') : '无');
  if (typeof x.tier === 'string' && ids && !ids.tiers.includes(x.tier))
    return problem(pathOf('tier'), {
      en: `\`tier\` is \`${x.tier}\`, which is not a tier of the policy (its tiers: ${listed(ids.tiers)})`,
      zh: `\`tier\` 为 \`${x.tier}\`，不是政策的档位（政策的档位：${listedZh(ids.tiers)}）`,
    });
  for (const key of ['holds', 'triggers'] as const) {
    const v = x[key];
    if (v !== undefined && (!Array.isArray(v) || v.some((id) => typeof id !== 'string')))
      return problem(pathOf(key), {
        en: `\`${key}\` is \`${show(v)}\`, not a list of rule ids (\`[]\` for none)`,
        zh: `\`${key}\` 为 \`${show(v)}\`，不是规则编号列表（没有则写 \`[]\`）`,
      });
    const known = ids?.[key];
    const unknownAt = known && Array.isArray(v) ? v.findIndex((id) => !known.includes(id as string)) : -1;
    if (known && Array.isArray(v) && unknownAt >= 0)
      return problem([...pathOf(key), unknownAt], {
        en: `\`${key}\` gives \`${v[unknownAt]}\`, which is not a ${key === 'holds' ? 'hold' : 'trigger'} of the policy (its ${key}: ${listed(known)})`,
        zh: `\`${key}\` 中的 \`${v[unknownAt]}\` 不是政策的${key === 'holds' ? '暂扣规则' : '触发规则'}（政策的${key === 'holds' ? '暂扣规则' : '触发规则'}：${listedZh(known)}）`,
      });
  }
  return undefined;
}

function readCase(
  c: RawCase,
  i: number,
  name: string,
  testFile: string,
  contract: Parameters<typeof readRecords>[2],
  samples: Map<string, EmployeeRecord[]>,
): TestCase {
  if (!c.expect)
    throw new ExitError(EXIT.input, diagnostic('cli_test_case_expect', { file: testFile, name }, { file: testFile }));
  let record: EmployeeRecord;
  if (c.sample) {
    const file = resolve(dirname(testFile), c.sample.file);
    // a workbook or a data mapping read as text would be refused for its bytes (`NUL bytes, as UTF-16
    // text…`): a sample is a row of a text table, said so at the case
    const format = formatOf(file);
    if (format !== 'csv' && format !== 'json')
      throw new ExitError(
        EXIT.input,
        diagnostic(
          'cli_test_case_sample_format',
          { file: testFile, name, sample: String(c.sample.file) },
          { file: testFile },
        ),
      );
    if (!samples.has(file)) {
      const read = readRecords(readText(file, 'data'), format, contract, {
        file,
      });
      samples.set(file, read.records);
    }
    const { employee, period } = c.sample;
    // a file of several months holds the employee once a month: the case says which, or is refused
    const rows = samples
      .get(file)!
      .filter((r) => r.employee_id === String(employee) && (period === undefined || r.period === period));
    if (rows.length > 1)
      throw new ExitError(
        EXIT.input,
        diagnostic(
          'cli_test_case_sample_months',
          {
            file: testFile,
            name,
            employee: String(employee),
            sample: c.sample.file,
            count: rows.length,
            periods: rows.map((r) => r.period).join(', '),
          },
          { file: testFile },
        ),
      );
    const found = rows[0];
    if (!found)
      throw new ExitError(
        EXIT.input,
        diagnostic(
          'cli_test_case_sample',
          { file: testFile, name, employee: String(employee), sample: c.sample.file },
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
      // as a run reads the cell: an alias is its declared team; spaces and full-width forms folded
      team: r.team === undefined ? '测试组' : (teamOfCase(r.team, contract.teams) ?? teamName(r.team)),
      stage: r.stage ?? '',
      period: r.period ?? '2026-10',
      metrics: r.metrics ?? {},
      ...(r.pay_base !== undefined ? { pay_base: r.pay_base } : {}),
    };
  } else
    throw new ExitError(EXIT.input, diagnostic('cli_test_case_input', { file: testFile, name }, { file: testFile }));
  return { name, record, ...(c.history ? { history: c.history } : {}), expect: c.expect };
}

/** The cases of a test file, or its first problem (`yardstick validate`). */
export function readCases(
  _policyFile: string,
  testFile: string,
  contract: Parameters<typeof readRecords>[2],
  ids?: CaseIds,
): TestCase[] {
  return readCaseList(testFile, contract, ids).map((c) => {
    if (!c.ok) throw c.problem;
    return c.case;
  });
}

/** A line of a test report in `lang` (the catalogue's `cli_test_report`, Chinese first as `validate` says its summaries). */
const said = (id: string, args: Record<string, unknown>, lang: Lang) =>
  localise(diagnostic(id as never, args as never), lang).message;

/** A problem with its help on an indented line, in `lang`, as the English `ExitError.withHelp` says it. */
function withHelp(d: Diagnostic, lang: Lang): string {
  const { message, help } = localise(d, lang);
  return help === undefined ? message : `${message}\n  ${lang === 'zh' ? '提示：' : 'help: '}${help}`;
}

export function describeReport(file: string, r: TestOutcome, lang: Lang = 'en'): string[] {
  const lines = [said('cli_test_report', { file, passed: r.passed, failed: r.failed }, lang)];
  for (const c of r.cases) {
    if (c.ok) continue;
    lines.push(`  ✗ ${c.name}`);
    if (c.error) {
      const detail = c.reasons?.length
        ? c.reasons.map((d) => localise(d, lang).message).join(lang === 'zh' ? '；' : '; ')
        : c.error;
      lines.push(`      ${said('cli_test_report.cannot_evaluate', { detail }, lang)}`);
    }
    if (c.unreadable) {
      const detail = c.problem ? withHelp(c.problem, lang) : c.unreadable;
      lines.push(`      ${said('cli_test_report.unreadable_case', { detail }, lang)}`);
    }
    for (const f of c.failures) {
      const failure = said(
        'cli_test_report.failure',
        { field: f.field, expected: JSON.stringify(f.expected), actual: JSON.stringify(f.actual) },
        lang,
      );
      // where the expectation is written, as every message about a file says it
      const place = c.places?.[f.field];
      lines.push(`      ${place ? `${place}: ` : ''}${failure}`);
    }
  }
  const u = r.uncovered;
  const parts = (
    [
      ['indicators', '指标', u.indicators],
      ['rules', '规则', u.rules],
      ['grades', '等级', u.grades],
      ['tiers', '档位', u.tiers],
    ] as const
  ).filter(([, , l]) => l.length);
  if (parts.length)
    lines.push(
      `  ${said(
        'cli_test_report.uncovered',
        {
          parts: parts.map(([en, , l]) => `${en} ${l.join(', ')}`).join('; '),
          parts_zh: parts.map(([, zh, l]) => `${zh} ${l.join(', ')}`).join('；'),
        },
        lang,
      )}`,
    );
  return lines;
}

export async function runTestsFor(
  policyFile: string,
  io: Io,
  /** the policy as the report names it, when it is read from a copy (`check --staged`) */
  shownAs = policyFile,
): Promise<TestOutcome | undefined> {
  const testFile = testFileFor(policyFile);
  // "no tests" is said of a policy that is there and validates: a mistyped path is a file that
  // cannot be read, and a policy that does not validate is reported as `validate` reports it
  if (!existsSync(testFile)) {
    readBytes(policyFile, 'policy');
    if (isRollupFile(policyFile)) loadRollupFile(policyFile, io.stderr, io.lang);
    else loadPolicyFile(policyFile, io.stderr, io.lang);
    return undefined;
  }
  let list: ({ ok: true; places: Record<string, string> } | { ok: false; name: string; problem: ExitError })[];
  let report: TestReport;
  if (isRollupFile(policyFile)) {
    const { doc } = loadRollupFile(policyFile, io.stderr, io.lang);
    const cases = await readRollupCases(doc, policyFile, testFile, testFileFor(shownAs));
    list = cases;
    report = runRollupTests(
      doc,
      cases.flatMap((c) => (c.ok ? [c.case] : [])),
    );
  } else {
    const policy = loadPolicyFile(policyFile, io.stderr, io.lang);
    const cases = readCaseList(testFile, policy.contract, caseIdsOf(policy), testFileFor(shownAs));
    list = cases;
    report = await runPolicyTests(
      policy,
      cases.flatMap((c) => (c.ok ? [c.case] : [])),
    );
  }
  // a case that cannot be built fails in its place, with its problem; the others still run
  const ran = report.cases[Symbol.iterator]();
  const cases = list.map(
    (c): CaseOutcome =>
      c.ok
        ? { ...ran.next().value!, places: c.places }
        : { name: c.name, ok: false, failures: [], unreadable: c.problem.withHelp, problem: c.problem.diagnostics[0] },
  );
  const unreadable = list.filter((c) => !c.ok).length;
  return { ...report, cases, failed: report.failed + unreadable };
}

export async function testCommand(files: string[], io: Io, lang: Lang = 'zh'): Promise<number> {
  const policies = files.length
    ? files
    : policiesFolder('test')
        .filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('.test.yaml'))
        .sort()
        .map((f) => join('policies', f));
  let passed = 0;
  let failed = 0;
  let broken = 0;
  for (const file of policies) {
    // a policy or a test file that cannot be read fails that policy; the others still run
    let report: TestOutcome | undefined;
    try {
      report = await runTestsFor(file, io);
    } catch (error) {
      if (!(error instanceof ExitError)) throw error;
      broken++;
      // reported as the error that used to end the command, and the next policy is tested
      const [problem, ...behind] = error.diagnostics;
      if (diagnosticsKept()) {
        // `--error-format json`: into the one JSON document, not as text
        for (const d of error.diagnostics) sayDiagnostic(io.stderr, d, lang);
        continue;
      }
      const { message, help } = localise(problem!, lang);
      io.stderr(`error: ${message}${help === undefined ? '' : `\n  ${lang === 'zh' ? '提示：' : 'help: '}${help}`}`);
      for (const d of behind) io.stderr(formatDiagnostic(d, lang));
      continue;
    }
    if (!report) {
      io.stdout(`${said('cli_test_report.no_tests', { file, tests: testFileFor(file) }, lang)}\n`);
      continue;
    }
    passed += report.passed;
    failed += report.failed;
    io.stdout(describeReport(file, report, lang).join('\n') + '\n');
  }
  io.stdout(
    `${broken ? said('cli_test_report.total_broken', { passed, failed, broken }, lang) : said('cli_test_report.total', { passed, failed }, lang)}\n`,
  );
  return failed || broken ? EXIT.input : EXIT.ok;
}
