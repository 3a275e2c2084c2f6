// A roll-up policy's test file (`annual-review.test.yaml`) read as strictly as a month policy's: a
// case that could mean something other than what is written (a score `abc`, a month without a
// score, a payout with a fraction of a fen, `expect: {}`, an award or grade the policy does not
// have, an expected employee in none of the months) is refused at its value, file:line:col, and
// fails in its place while the other cases still run. Schema: the second branch of
// schemas/policy-test.schema.json (test/repo/schemas.test.ts checks that the key lists agree).

import { dirname, resolve } from 'node:path';
import {
  diagnostic,
  type EmployeeRecord,
  isCanonicalPeriod,
  localise,
  loadPolicy,
  type PolicyDoc,
  readsAsWritten,
  readYaml,
  type RollupDoc,
  type RollupExpectation,
  type RollupMonth,
  type RollupTestCase,
  rollupMonthOf,
  runPolicy,
} from '../../engine/index.js';
import { EXIT, ExitError, policyInvalid } from './errors.js';
import { readText } from './io.js';
import { readDataFile } from './pipeline.js';
import { monthlyBeside, rollupPeriodArgument } from './rollup.js';
import { placesIn, unknownKey, type YamlPath } from './test-file.js';

export const ROLLUP_CASE_KEYS = ['name', 'period', 'months', 'sample', 'expect'] as const;
export const ROLLUP_MONTH_KEYS = [
  'employee_id',
  'name',
  'role',
  'team',
  'stage',
  'period',
  'score',
  'grade',
  'tier',
  'payout',
  'values',
  'held',
] as const;
export const ROLLUP_SAMPLE_KEYS = ['policy', 'data'] as const;
export const ROLLUP_EXPECT_KEYS = [
  'score',
  'grade',
  'calibrated_grade',
  'payout',
  'awards',
  'facts',
  'excluded',
] as const satisfies readonly (keyof RollupExpectation)[];
// every field a roll-up expectation can check is a key of the file (a compile error otherwise)
const everyExpectation: Exclude<keyof RollupExpectation, (typeof ROLLUP_EXPECT_KEYS)[number]> extends never
  ? true
  : false = true;
void everyExpectation;

/** The months a sample names, scored with its monthly policy (a recording run of each data file in order). */
export interface RollupSample {
  policy: string;
  data: string[];
}

/** A case as read: its months written out, or the sample they are scored from. */
export type RollupCaseRead = Omit<RollupTestCase, 'months'> & { months?: RollupMonth[]; sample?: RollupSample };

export type RollupCaseItem =
  | { ok: true; case: RollupCaseRead; places: Record<string, string> }
  | { ok: false; name: string; problem: ExitError };

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isMapping = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
/** Whole fen: 796.001 yuan can never be paid (tolerance for the double of a two-decimal number). */
const wholeFen = (yuan: number) => Math.abs(yuan * 100 - Math.round(yuan * 100)) <= 1e-6;
const listed = (known: readonly string[]) => (known.length ? known.join(', ') : 'none');
const listedZh = (known: readonly string[]) => (known.length ? known.join('、') : '无');

/**
 * Reads a roll-up policy's test file into cases. `monthly` (the monthly policy beside the roll-up)
 * lets a written month's grade, tier, role, stage and values be checked against it. A case that
 * cannot be read is returned as its problem, in its place; a file that cannot be read throws.
 */
export function readRollupCaseList(
  doc: RollupDoc,
  testFile: string,
  monthly?: PolicyDoc,
  shown = testFile,
): RollupCaseItem[] {
  const yaml = readYaml(readText(testFile, 'policy tests'), testFile);
  if (!yaml.ok)
    throw new ExitError(
      EXIT.input,
      diagnostic('cli_tests_unreadable', { file: testFile }, { file: testFile }),
      yaml.diagnostics,
    );
  const top = yaml.value as { cases?: unknown } | null;
  if (!isMapping(top) || !Array.isArray(top.cases))
    throw new ExitError(EXIT.input, diagnostic('cli_tests_shape', { file: testFile }, { file: testFile }));
  const { at, keyAt, written } = placesIn(yaml.doc, yaml.lines, shown);
  const under = (path: YamlPath) => (k: string) => keyAt([...path, k]);
  const topKey = unknownKey(top, ['cases'], 'file', under([]), testFile);
  if (topKey) throw new ExitError(EXIT.input, topKey);
  const names = new Set<string>();
  return top.cases.map((c: unknown, i: number): RollupCaseItem => {
    const name = isMapping(c) && typeof c.name === 'string' && c.name !== '' ? c.name : `case ${i + 1}`;
    // at the value, or at the key it is written under (an employee id no month has)
    const problem = (path: YamlPath, what: { en: string; zh: string }, onKey = false) =>
      new ExitError(
        EXIT.input,
        diagnostic(
          'cli_test_case_value.rollup',
          { place: onKey ? keyAt(path) : at(path), name, what },
          { file: shown },
        ),
      );
    try {
      const read = readCase(c, i, name, { doc, monthly, at, written, under, problem, names, testFile, shown });
      return { ok: true, ...read };
    } catch (error) {
      if (!(error instanceof ExitError)) throw error;
      return { ok: false, name, problem: error };
    }
  });
}

interface Reading {
  doc: RollupDoc;
  monthly?: PolicyDoc;
  at: (path: YamlPath) => string;
  written: (path: YamlPath) => string | undefined;
  under: (path: YamlPath) => (k: string) => string;
  problem: (path: YamlPath, what: { en: string; zh: string }, onKey?: boolean) => ExitError;
  names: Set<string>;
  testFile: string;
  shown: string;
}

function readCase(
  c: unknown,
  i: number,
  name: string,
  r: Reading,
): { case: RollupCaseRead; places: Record<string, string> } {
  const here = ['cases', i] as const;
  if (!isMapping(c))
    throw r.problem(here, {
      en: 'a case is a mapping of `name`, `period`, `months` (or `sample`) and `expect`',
      zh: '用例应为包含 `name`、`period`、`months`（或 `sample`）和 `expect` 的映射',
    });
  const wrongKey =
    unknownKey(c, ROLLUP_CASE_KEYS, 'case', r.under(here), r.testFile) ??
    unknownKey(c.sample, ROLLUP_SAMPLE_KEYS, 'sample', r.under([...here, 'sample']), r.testFile);
  if (wrongKey) throw new ExitError(EXIT.input, wrongKey);
  // a report names its cases: two of one name would be one line for two outcomes
  if (typeof c.name === 'string' && c.name !== '') {
    if (r.names.has(c.name))
      throw r.problem([...here, 'name'], {
        en: `another case before it is named \`${c.name}\`: give each case its own name`,
        zh: `前面已有名为 \`${c.name}\` 的用例：请给每个用例起不同的名字`,
      });
    r.names.add(c.name);
  } else if (c.name !== undefined)
    throw r.problem([...here, 'name'], { en: '`name` is not text', zh: '`name` 不是文字' });
  const period = readCasePeriod(c.period, [...here, 'period'], r);
  if (c.months !== undefined && c.sample !== undefined)
    throw r.problem([...here, 'sample'], {
      en: 'the case gives both `months:` and `sample:`: give one (the months written out, or the sample they are scored from)',
      zh: '用例同时写了 `months:` 和 `sample:`：请只写其一（写明各月结果，或给出用来评分的样例）',
    });
  if (c.months === undefined && c.sample === undefined)
    throw r.problem(here, {
      en: 'the case needs `months:` (the months written out) or `sample:` (a monthly policy and data files to score them from)',
      zh: '用例需要 `months:`（写明各月结果）或 `sample:`（用来评分的月度政策和数据文件）',
    });
  const months = c.months === undefined ? undefined : readMonths(c.months, [...here, 'months'], r);
  const sample = c.sample === undefined ? undefined : readSample(c.sample, [...here, 'sample'], r);
  const { expect, places } = readExpect(c.expect, [...here, 'expect'], months, r);
  const base = { name, period: period.period, periodMonths: period.months, expect };
  return { case: months ? { ...base, months } : { ...base, sample: sample! }, places };
}

/** The roll-up period: `2026`, `2026-H2`, `2026-Q3` (a year unquoted reads as the number 2026, and is that year). */
function readCasePeriod(value: unknown, path: YamlPath, r: Reading) {
  if (value === undefined)
    throw r.problem(path.slice(0, -1), {
      en: `the case has no \`period:\`: write the ${kindEn(r.doc)} it rolls up (${exampleOf(r.doc)})`,
      zh: `用例没有 \`period:\`：请写出汇总的${kindZh(r.doc)}（${exampleOf(r.doc)}）`,
    });
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' && /^[0-9]{4}$/.test(r.written(path) ?? '')
        ? String(value)
        : undefined;
  if (text === undefined)
    throw r.problem(path, {
      en: `\`period\` is \`${r.written(path) ?? JSON.stringify(value)}\`, not a roll-up period: write it as \`${exampleOf(r.doc)}\``,
      zh: `\`period\` 为 \`${r.written(path) ?? JSON.stringify(value)}\`，不是汇总期：请写成 \`${exampleOf(r.doc)}\``,
    });
  try {
    return rollupPeriodArgument(text, r.doc);
  } catch (error) {
    if (!(error instanceof ExitError) || !error.diagnostics[0]) throw error;
    const [en, zh] = [localise(error.diagnostics[0], 'en'), localise(error.diagnostics[0], 'zh')];
    throw r.problem(path, {
      en: en.help ? `${en.message} (${en.help})` : en.message,
      zh: zh.help ? `${zh.message}（${zh.help}）` : zh.message,
    });
  }
}

const EXAMPLE = { quarter: '2026-Q3', half_year: '2026-H2', year: '2026' } as const;
const exampleOf = (doc: RollupDoc) => EXAMPLE[doc.rollup.period];
const kindEn = (doc: RollupDoc) => doc.rollup.period.replace('_', '-');
const kindZh = (doc: RollupDoc) => ({ quarter: '季度', half_year: '半年', year: '年度' })[doc.rollup.period];

function readSample(value: unknown, path: YamlPath, r: Reading): RollupSample {
  const s = value as Record<string, unknown>;
  if (!isMapping(value) || typeof s.policy !== 'string' || s.policy.trim() === '')
    throw r.problem(isMapping(value) ? [...path, 'policy'] : path, {
      en: '`sample` needs `policy:`, the monthly policy file the months are scored with (relative to this file)',
      zh: '`sample` 需要 `policy:`：用来评分各月的月度政策文件（相对本文件）',
    });
  const data = s.data;
  if (!Array.isArray(data) || data.length === 0 || data.some((f) => typeof f !== 'string' || f.trim() === ''))
    throw r.problem(s.data === undefined ? path : [...path, 'data'], {
      en: '`sample` needs `data:`, a list of the months’ data files in order (relative to this file)',
      zh: '`sample` 需要 `data:`：按月份顺序列出的数据文件（相对本文件）',
    });
  return { policy: s.policy, data: data as string[] };
}

function readMonths(value: unknown, path: YamlPath, r: Reading): RollupMonth[] {
  if (!Array.isArray(value) || value.length === 0)
    throw r.problem(path, {
      en: '`months` is not a list of months (one item per employee and month)',
      zh: '`months` 不是各月结果的列表（每人每月一项）',
    });
  const seen = new Set<string>();
  const monthly = r.monthly;
  const grades = monthly?.grades.map((g) => g.grade);
  const tiers = monthly && (monthly.payout.tiers?.bands ?? []).map((b) => b.tier);
  const metrics = monthly ? [...Object.keys(monthly.metrics), ...Object.keys(monthly.derived ?? {})] : undefined;
  const readsPayout = Object.values(r.doc.facts).some((f) => Object.values(f).includes('payout'));
  return value.map((m: unknown, j: number): RollupMonth => {
    const here = [...path, j];
    const at = (key: string) => [...here, key];
    if (!isMapping(m))
      throw r.problem(here, {
        en: 'a month is a mapping: `{ employee_id: E1, period: 2026-07, score: 90, grade: A, payout: 900 }`',
        zh: '每个月应为映射：`{ employee_id: E1, period: 2026-07, score: 90, grade: A, payout: 900 }`',
      });
    const wrongKey = unknownKey(m, ROLLUP_MONTH_KEYS, 'month', r.under(here), r.testFile);
    if (wrongKey) throw new ExitError(EXIT.input, wrongKey);
    const missing = (key: string, en: string, zh: string) =>
      r.problem(here, { en: `the month has no \`${key}:\` (${en})`, zh: `该月没有 \`${key}:\`（${zh}）` });
    // the employee id as the data writes it: `1002` is the id 1002; `1e3` or `1002.0` is a number
    // YAML reads as 1000 or 1002, which nobody spelt as an id
    const id = m.employee_id;
    if (id === undefined) throw missing('employee_id', 'whose month it is', '是谁的月份');
    if (
      !(typeof id === 'string' && id.trim() !== '') &&
      !(typeof id === 'number' && /^[0-9]+$/.test(r.written(at('employee_id')) ?? ''))
    )
      throw r.problem(at('employee_id'), {
        en: `\`employee_id\` is \`${r.written(at('employee_id')) ?? JSON.stringify(id)}\`, not an employee id: write it as the data does, in quotes (\`'1000'\`)`,
        zh: `\`employee_id\` 为 \`${r.written(at('employee_id')) ?? JSON.stringify(id)}\`，不是工号：请照数据中的写法加引号填写（\`'1000'\`）`,
      });
    const employee = String(id);
    if (m.period === undefined) throw missing('period', 'the month, as 2026-07', '月份，写成 2026-07');
    if (!isCanonicalPeriod(m.period))
      throw r.problem(at('period'), {
        en: `\`period\` is \`${r.written(at('period')) ?? JSON.stringify(m.period)}\`, not a month: write it as \`2026-07\``,
        zh: `\`period\` 为 \`${r.written(at('period')) ?? JSON.stringify(m.period)}\`，不是月份：请写成 \`2026-07\``,
      });
    // the ledger holds one result per person and month: a second would be counted twice
    const key = `${employee}\u0000${m.period}`;
    if (seen.has(key))
      throw r.problem(at('period'), {
        en: `\`${employee}\` already has a month ${m.period} above: a person has one result a month`,
        zh: `上面已有 \`${employee}\` 的 ${m.period}：每人每月只有一个结果`,
      });
    seen.add(key);
    if (m.score === undefined) throw missing('score', 'the month’s score', '该月得分');
    const score = number(m.score, at('score'), 'score', r);
    if (m.grade === undefined) throw missing('grade', 'the month’s grade before calibration', '该月校准前的等级');
    if (typeof m.grade !== 'string' || (grades && !grades.includes(m.grade)))
      throw r.problem(at('grade'), {
        en: `\`grade\` is \`${show(m.grade, at('grade'), r)}\`, which is not a grade of ${monthly ? `the monthly policy ${monthly.policy} (its grades: ${listed(grades!)})` : 'a monthly policy'}`,
        zh: `\`grade\` 为 \`${show(m.grade, at('grade'), r)}\`，不是${monthly ? `月度政策 ${monthly.policy} 的等级（其等级：${listedZh(grades!)}）` : '月度政策的等级'}`,
      });
    if (m.tier !== undefined && m.tier !== null && (typeof m.tier !== 'string' || (tiers && !tiers.includes(m.tier))))
      throw r.problem(at('tier'), {
        en: `\`tier\` is \`${show(m.tier, at('tier'), r)}\`, which is not a tier of ${monthly ? `the monthly policy ${monthly.policy} (its tiers: ${listed(tiers ?? [])})` : 'a monthly policy'} (\`null\` for no tier)`,
        zh: `\`tier\` 为 \`${show(m.tier, at('tier'), r)}\`，不是${monthly ? `月度政策 ${monthly.policy} 的档位（其档位：${listedZh(tiers ?? [])}）` : '月度政策的档位'}（无档位写 \`null\`）`,
      });
    // a month without its pay is paid nothing: said, when the roll-up reads the pay
    if (m.payout === undefined && readsPayout)
      throw missing(
        'payout',
        'the month’s pay in yuan, which the roll-up’s facts read',
        '该月应发（元），汇总政策的事实要读取它',
      );
    const payout = m.payout === undefined ? 0 : number(m.payout, at('payout'), 'payout', r);
    if (!wholeFen(payout))
      throw r.problem(at('payout'), {
        en: `\`payout\` is \`${show(m.payout, at('payout'), r)}\`, which has a fraction of a fen: a month’s pay is exact to the fen (0.01 yuan)`,
        zh: `\`payout\` 为 \`${show(m.payout, at('payout'), r)}\`，含不足一分的部分：月度应发精确到分（0.01 元）`,
      });
    for (const field of ['name', 'team', 'role', 'stage'] as const) {
      const v = m[field];
      if (v !== undefined && (typeof v !== 'string' || v.trim() === ''))
        throw r.problem(at(field), {
          en: `\`${field}\` is \`${show(v, at(field), r)}\`, not text`,
          zh: `\`${field}\` 为 \`${show(v, at(field), r)}\`，不是文字`,
        });
    }
    for (const [field, known] of [
      ['role', monthly && Object.keys(monthly.roles)],
      ['stage', monthly && Object.keys(monthly.stages)],
    ] as const) {
      const v = m[field];
      if (typeof v === 'string' && known && !known.includes(v))
        throw r.problem(at(field), {
          en: `\`${field}\` is \`${v}\`, which is not a ${field} of the monthly policy ${monthly!.policy} (its ${field}s: ${listed(known)})`,
          zh: `\`${field}\` 为 \`${v}\`，不是月度政策 ${monthly!.policy} 的${field === 'role' ? '岗位' : '阶段'}（其${field === 'role' ? '岗位' : '阶段'}：${listedZh(known)}）`,
        });
    }
    const values: Record<string, number> = {};
    if (m.values !== undefined) {
      if (!isMapping(m.values))
        throw r.problem(at('values'), {
          en: '`values` is not a mapping of metric ids to numbers',
          zh: '`values` 不是“指标编号 → 数值”的映射',
        });
      for (const [metric, v] of Object.entries(m.values)) {
        const place = [...here, 'values', metric];
        if (metrics && !metrics.includes(metric))
          throw r.problem(
            place,
            {
              en: `\`${metric}\` is not a metric of the monthly policy ${monthly!.policy} (its metrics: ${listed(metrics)})`,
              zh: `\`${metric}\` 不是月度政策 ${monthly!.policy} 的指标（其指标：${listedZh(metrics)}）`,
            },
            true,
          );
        values[metric] = number(v, place, metric, r);
      }
    }
    if (m.held !== undefined && typeof m.held !== 'boolean')
      throw r.problem(at('held'), {
        en: `\`held\` is \`${show(m.held, at('held'), r)}\`: write \`true\` (the month’s pay was held when recorded) or leave it out`,
        zh: `\`held\` 为 \`${show(m.held, at('held'), r)}\`：请写 \`true\`（记录时该月应发被暂扣）或不写`,
      });
    return {
      employee_id: employee,
      name: (m.name as string | undefined) ?? employee,
      role: (m.role as string | undefined) ?? '',
      // one team for everyone a case does not place in a team (docs/policy-language.md)
      team: (m.team as string | undefined) ?? '测试组',
      stage: (m.stage as string | undefined) ?? '',
      period: m.period,
      score,
      grade: m.grade,
      ...(typeof m.tier === 'string' ? { tier: m.tier } : {}),
      payoutFen: Math.round(payout * 100),
      values,
      ...(m.held === true ? { held: true as const } : {}),
    };
  });
}

/** A value as the file writes it. */
function show(v: unknown, path: YamlPath, r: Reading): string {
  return typeof v === 'string' ? v : (r.written(path) ?? JSON.stringify(v));
}

/** A number written as one, read as written (`0.89999999999999999` is the double 0.9: refused). */
function number(v: unknown, path: YamlPath, field: string, r: Reading): number {
  if (typeof v === 'string')
    throw r.problem(path, {
      en: `\`${field}\` is the text "${v}", not a number: write it without quotes`,
      zh: `\`${field}\` 为文字 "${v}"，不是数字：请去掉引号`,
    });
  if (!isNumber(v))
    throw r.problem(path, {
      en: `\`${field}\` is \`${show(v, path, r)}\`, not a number`,
      zh: `\`${field}\` 为 \`${show(v, path, r)}\`，不是数字`,
    });
  const source = r.written(path);
  if (source !== undefined && !readsAsWritten(source, v))
    throw r.problem(path, {
      en: `\`${field}\` is written \`${source}\`, more digits than a number keeps: it would be read as ${v}`,
      zh: `\`${field}\` 写作 \`${source}\`，位数超过数字能精确保存的位数：会被读作 ${v}`,
    });
  return v;
}

const EXCLUDED = ['too_few_months', 'no_score'] as const;

/** `expect:`: each employee's expected result, every id and value one the roll-up can give. */
function readExpect(
  value: unknown,
  path: YamlPath,
  months: RollupMonth[] | undefined,
  r: Reading,
): { expect: Record<string, RollupExpectation>; places: Record<string, string> } {
  const everything = ROLLUP_EXPECT_KEYS.join(', ');
  if (value === undefined)
    throw r.problem(path.slice(0, -1), {
      en: `the case has no \`expect:\`: give each employee’s expected result (${everything})`,
      zh: `用例没有 \`expect:\`：请写出每个人期望的结果（${everything}）`,
    });
  if (!isMapping(value) || Object.keys(value).length === 0)
    throw r.problem(path, {
      en: `\`expect\` names nothing to check: give employee ids, each with at least one of ${everything}`,
      zh: `\`expect\` 没有写要核对的内容：请写工号，每人至少写 ${everything} 之一`,
    });
  const doc = r.doc;
  const grades = doc.grades.map((g) => g.grade);
  const awards = Object.keys(doc.payout?.awards ?? {});
  const facts = ['months', ...Object.keys(doc.facts)];
  const people = months && new Set(months.map((m) => m.employee_id));
  const places: Record<string, string> = {};
  const expect: Record<string, RollupExpectation> = {};
  for (const [id, e] of Object.entries(value)) {
    const here = [...path, id];
    const at = (key: string) => [...here, key];
    if (people && !people.has(id))
      throw r.problem(
        here,
        {
          en: `\`${id}\` is in none of the case’s months: an expectation of them can never be met (the case’s employees: ${listed([...people])})`,
          zh: `\`${id}\` 不在用例的任何一个月中：对其的期望永远无法满足（用例中的员工：${listedZh([...people])}）`,
        },
        true,
      );
    if (!isMapping(e) || Object.keys(e).length === 0)
      throw r.problem(here, {
        en: `\`${id}\` names nothing to check: give at least one of ${everything}`,
        zh: `\`${id}\` 没有写要核对的内容：请至少写 ${everything} 之一`,
      });
    const wrongKey = unknownKey(e, ROLLUP_EXPECT_KEYS, 'employee', r.under(here), r.testFile);
    if (wrongKey) throw new ExitError(EXIT.input, wrongKey);
    const x = e as RollupExpectation & Record<string, unknown>;
    if (x.excluded !== undefined) {
      if (typeof x.excluded !== 'boolean' && !EXCLUDED.includes(x.excluded as never))
        throw r.problem(at('excluded'), {
          en: `\`excluded\` is \`${show(x.excluded, at('excluded'), r)}\`: write \`true\`, \`too_few_months\` or \`no_score\``,
          zh: `\`excluded\` 为 \`${show(x.excluded, at('excluded'), r)}\`：请写 \`true\`、\`too_few_months\` 或 \`no_score\``,
        });
      const other = Object.keys(e).find((k) => k !== 'excluded');
      if (x.excluded !== false && other !== undefined)
        throw r.problem(
          at(other),
          {
            en: `\`${id}\` is expected left out (\`excluded\`), and a person left out has no \`${other}\`: give one or the other`,
            zh: `\`${id}\` 期望被排除（\`excluded\`），被排除的人没有 \`${other}\`：请只写其一`,
          },
          true,
        );
    }
    if (x.score !== undefined) number(x.score, at('score'), 'score', r);
    if (x.payout !== undefined && !wholeFen(number(x.payout, at('payout'), 'payout', r)))
      throw r.problem(at('payout'), {
        en: `\`payout\` is \`${show(x.payout, at('payout'), r)}\`, which has a fraction of a fen: pay is exact to the fen (0.01 yuan)`,
        zh: `\`payout\` 为 \`${show(x.payout, at('payout'), r)}\`，含不足一分的部分：应发精确到分（0.01 元）`,
      });
    for (const field of ['grade', 'calibrated_grade'] as const) {
      const g = x[field];
      if (g !== undefined && (typeof g !== 'string' || !grades.includes(g)))
        throw r.problem(at(field), {
          en: `\`${field}\` is \`${show(g, at(field), r)}\`, which is not a grade of the roll-up policy (its grades: ${listed(grades)})`,
          zh: `\`${field}\` 为 \`${show(g, at(field), r)}\`，不是汇总政策的等级（其等级：${listedZh(grades)}）`,
        });
    }
    if (x.awards !== undefined) {
      const list = x.awards as unknown;
      if (!Array.isArray(list) || list.some((a) => typeof a !== 'string'))
        throw r.problem(at('awards'), {
          en: `\`awards\` is \`${show(list, at('awards'), r)}\`, not a list of award ids (\`[]\` for none)`,
          zh: `\`awards\` 为 \`${show(list, at('awards'), r)}\`，不是奖项编号列表（没有则写 \`[]\`）`,
        });
      const unknownAt = list.findIndex((a) => !awards.includes(a));
      if (unknownAt >= 0)
        throw r.problem([...here, 'awards', unknownAt], {
          en: `\`awards\` gives \`${list[unknownAt]}\`, which is not an award of the roll-up policy (its awards: ${listed(awards)})`,
          zh: `\`awards\` 中的 \`${list[unknownAt]}\` 不是汇总政策的奖项（其奖项：${listedZh(awards)}）`,
        });
    }
    if (x.facts !== undefined) {
      if (!isMapping(x.facts) || Object.keys(x.facts).length === 0)
        throw r.problem(at('facts'), {
          en: '`facts` is not a mapping of fact ids to numbers (`null` for a fact without a value)',
          zh: '`facts` 不是“事实编号 → 数值”的映射（没有值的事实写 `null`）',
        });
      for (const [fact, v] of Object.entries(x.facts)) {
        const place = [...here, 'facts', fact];
        if (!facts.includes(fact))
          throw r.problem(
            place,
            {
              en: `\`${fact}\` is not a fact of the roll-up policy (its facts: ${listed(facts)})`,
              zh: `\`${fact}\` 不是汇总政策的事实（其事实：${listedZh(facts)}）`,
            },
            true,
          );
        if (v !== null) number(v, place, fact, r);
        places[`${id}.facts.${fact}`] = r.at(place);
      }
    }
    places[id] = r.at(here);
    for (const key of Object.keys(e)) if (key !== 'facts') places[`${id}.${key}`] = r.at(at(key));
    expect[id] = x;
  }
  return { expect, places };
}

/** The months the monthly policy scores from sample data files, all at once, so each month sees the months before it as history. */
async function scoreSample(testFile: string, sample: RollupSample): Promise<RollupMonth[]> {
  const here = dirname(testFile);
  const policyFile = resolve(here, sample.policy);
  const loaded = loadPolicy(readText(policyFile, 'policy'), policyFile);
  if (!loaded.ok) throw policyInvalid(policyFile, loaded.diagnostics);
  const records: EmployeeRecord[] = [];
  for (const f of sample.data) {
    const file = resolve(here, f);
    // read as `run` reads it (a workbook, a .tsv, a data mapping); a problem with the file as a
    // whole is refused, and a record with a data problem is left out, as a recording run with
    // --exclude-invalid does
    const read = await readDataFile(file, loaded.policy);
    const errors = read.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) throw new ExitError(EXIT.input, errors[0]!, errors.slice(1));
    records.push(...read.records);
  }
  const result = await runPolicy(loaded.policy, { records });
  return result.scorecards.map((card) => rollupMonthOf(card));
}

/** The monthly policy a roll-up policy file names, when it sits beside it and loads. */
export function monthlyOf(doc: RollupDoc, policyFile: string): PolicyDoc | undefined {
  return monthlyBeside(policyFile, doc.rollup.of);
}

/**
 * A roll-up policy's test file as cases, each case's sample months scored with the monthly policy;
 * a case that cannot be read stays in its place as its problem.
 */
export async function readRollupCases(
  doc: RollupDoc,
  policyFile: string,
  testFile: string,
  shown = testFile,
): Promise<
  (
    | { ok: true; case: RollupTestCase; places: Record<string, string> }
    | { ok: false; name: string; problem: ExitError }
  )[]
> {
  const out = [];
  for (const item of readRollupCaseList(doc, testFile, monthlyOf(doc, policyFile), shown)) {
    if (!item.ok) {
      out.push(item);
      continue;
    }
    const { sample, months, ...rest } = item.case;
    out.push({
      ok: true as const,
      case: { ...rest, months: sample ? await scoreSample(testFile, sample) : (months ?? []) },
      places: item.places,
    });
  }
  return out;
}
