// The message catalogue is complete and documented: every code the engine can report has English
// and Chinese text with the same placeholders, and docs/diagnostics.md lists it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadPolicy, runPolicy } from '../../engine/index.js';
import { MESSAGES, codeOf, placeholders, type MessageEntry } from '../../engine/model/messages/index.js';
import { readerReasons } from '../../engine/model/messages/data.js';
import { readRecords } from '../../engine/data/index.js';
import { compiledPolicy, csvText, studioContract } from '../builders.js';

const entries = Object.entries(MESSAGES) as [string, MessageEntry][];
const codes = [...new Set(entries.map(([id]) => codeOf(id)))];
const CJK = /[\u4e00-\u9fff]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the message catalogue', () => {
  it.each(entries)('%s has an English and a Chinese message, the Chinese one in Chinese', (_id, entry) => {
    expect(entry.message.en).not.toBe('');
    expect(entry.message.zh).toMatch(CJK);
    if (entry.help) {
      expect(entry.help.en).not.toBe('');
      expect(entry.help.zh).not.toBe('');
    }
  });

  // an argument whose text differs by language is passed twice: `{what}` in English, `{what_zh}` in Chinese
  const named = (template: string) =>
    placeholders(template)
      .map((p) => p.replace(/_zh$/, ''))
      .sort();
  it.each(entries)('%s fills the same placeholders in English and Chinese', (_id, entry) => {
    expect(named(entry.message.zh)).toEqual(named(entry.message.en));
    if (entry.help) expect(named(entry.help.zh)).toEqual(named(entry.help.en));
  });

  it('writes English messages lowercase, without a trailing period', () => {
    const shouted = entries
      .filter(([, e]) => /^[A-Z]/.test(e.message.en) || /\.$/.test(e.message.en))
      .map(([id]) => id);
    expect(shouted).toEqual([]);
  });

  it('writes Chinese messages with full-width punctuation and no full stop at the end', () => {
    const halfWidth = entries
      .filter(([, e]) => /[\u4e00-\u9fff][,:;?]|[,:;?][\u4e00-\u9fff]|。$/.test(e.message.zh))
      .map(([id]) => id);
    expect(halfWidth).toEqual([]);
  });

  it('has a variant only beside its code', () => {
    const orphans = entries.map(([id]) => id).filter((id) => id.includes('.') && !Object.hasOwn(MESSAGES, codeOf(id)));
    expect(orphans).toEqual([]);
  });
});

describe('every diagnostic code in engine/ is in the catalogue', () => {
  // string literals that look like a code: 'data_missing_column', 'schema_type.version', …
  const literal = /'((?:yaml|schema|policy|data|eval)_[a-z0-9_]+(?:\.[a-z_]+)?)'/g;
  const used = new Map<string, string>();
  for (const file of sourceFiles('engine').filter((f) => !f.includes(join('model', 'messages')))) {
    for (const m of readFileSync(file, 'utf8').matchAll(literal)) used.set(m[1], file);
  }

  it('finds the codes it checks', () => {
    expect(used.size).toBeGreaterThan(90);
  });

  it.each([...used])('%s (%s)', (id) => {
    expect(Object.hasOwn(MESSAGES, id)).toBe(true);
  });

  it('has an entry for every error code of the yaml reader (engine/language/limits.ts reports them as yaml_<code>)', () => {
    const declared = readFileSync('node_modules/yaml/dist/errors.d.ts', 'utf8').match(
      /export type ErrorCode = ([^;]+);/,
    )![1];
    const yamlCodes = [...declared.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => `yaml_${m[1].toLowerCase()}`);
    expect(yamlCodes.length).toBeGreaterThan(20);
    expect(yamlCodes.filter((c) => !Object.hasOwn(MESSAGES, c))).toEqual([]);
  });

  it('has an entry for `policy_unknown_<what>` of every kind the policy checks name that way', () => {
    const checks = readdirSync('engine/language/check')
      .map((f) => readFileSync(`engine/language/check/${f}`, 'utf8'))
      .join('\n');
    const kinds = [...checks.matchAll(/checkIdValues\([^;]*'([a-z]+)'\)/g)].map((m) => `policy_unknown_${m[1]}`);
    expect(kinds.sort()).toEqual(['policy_unknown_role', 'policy_unknown_stage']);
    for (const code of kinds) expect(Object.keys(MESSAGES)).toContain(code);
  });
});

/** The text of every `{…}` at its own level (what is nested inside it left out), string literals emptied. */
function objectBodies(source: string): string[] {
  const text = source.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
  const open: string[] = [];
  const bodies: string[] = [];
  for (const c of text) {
    if (c === '{') open.push('');
    else if (c === '}') bodies.push(open.pop() ?? '');
    else if (open.length) open[open.length - 1] += c;
  }
  return bodies;
}

/**
 * Diagnostics written by hand instead of from the catalogue: an object with a `code` and a
 * `message` (not a type such as `{ code: string; message: string }`), or a `report(…)` call whose
 * second argument is not the arguments object (the old `report(code, path, message, help)`).
 */
function handBuilt(source: string): string[] {
  const found = objectBodies(source).filter(
    (body) => /\bcode\s*(?::(?!\s*string\b)|,|$)/.test(body.trim()) && /\bmessage\s*:(?!\s*string\b)/.test(body),
  );
  for (const m of source.matchAll(/\breport\(/g)) {
    // skip the first argument (balanced brackets, quotes), then look at the second
    let depth = 0;
    let i = m.index + m[0].length;
    let quote = '';
    for (; i < source.length; i++) {
      const c = source[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
      } else if (c === "'" || c === '"' || c === '`') quote = c;
      else if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) depth--;
      else if (c === ',' && depth === 0) break;
      if (depth < 0) break;
    }
    const second = source.slice(i + 1).trimStart();
    if (source[i] === ',' && !/^(\{|args\b)/.test(second)) found.push(source.slice(m.index, i + 1 + 40));
  }
  return found;
}

describe('diagnostics in engine/language, explanation and review come from the catalogue', () => {
  const files = ['engine/language', 'engine/explanation', 'engine/review'].flatMap(sourceFiles);

  it('scans the files that report policy problems', () => {
    expect(files).toContain(join('engine', 'language', 'check', 'rules.ts'));
    expect(files).toContain(join('engine', 'language', 'schema.ts'));
    expect(files.length).toBeGreaterThan(20);
  });

  it('finds the hand-built shapes it looks for', () => {
    expect(handBuilt("out.push({ code: 'policy_x', severity: 'error', message: 'bad', span });")).toHaveLength(1);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text under test holds a template
    expect(handBuilt('return { message: `bad ${x}`, help, code };')).toHaveLength(1);
    expect(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text under test holds a template
      handBuilt("report('policy_unknown_role', path, `unknown role \\`${v}\\``, hint(v, ids, 'roles'));"),
    ).toHaveLength(1);
    expect(handBuilt("report(lower ? 'a' : 'b', [...path, 'min'], 'text', 'help');")).toHaveLength(1);
    expect(handBuilt("report('policy_unknown_role', { role: v, known }, path);")).toEqual([]);
    expect(
      handBuilt("report(lower ? 'policy_target_order.lower' : 'policy_target_order', args, [...path, 'threshold']);"),
    ).toEqual([]);
    expect(handBuilt('out.push({ code, severity, message: `bad`, span: { line: 1, column: 1 } });')).toHaveLength(1);
    expect(handBuilt("return { ok: false, message: 'the YAML has errors' };")).toEqual([]);
    expect(handBuilt('function f(e: { code: string; message: string }) {}')).toEqual([]);
    expect(
      handBuilt("return { ...diagnostic('yaml_impossible', { detail }, { severity, file, span }), code };"),
    ).toEqual([]);
  });

  it.each(files)('%s builds no diagnostic by hand', (file) => {
    expect(handBuilt(readFileSync(file, 'utf8'))).toEqual([]);
  });
});

describe('policy diagnostics in Chinese, with line and column', () => {
  // each line below is counted by hand: weights 60 + 45, a misspelt operator and stage, a function
  // that does not exist, a grade the policy does not have, an improvement plan without close_when
  const policy = `policy: ops
title: 运营提成
version: 1.0.0
metrics:
  gmv: { label: 成交额, unit: money }
  refund_rate: { label: 退款率, unit: ratio }
stages:
  growth: { title: 成长期 }
roles:
  ops_manager:
    title: 运营经理
    pay_base: 6000
    indicators:
      gmv: { metric: gmv, threshold: 80000, target: 100000, weight: 60 }
      refund: { metric: refund_rate, better: lower, threshold: 0.15, target: 0.1, weight: 45 }
holds:
  refunds:
    title: 退款过高
    when: { all: [ { fact: refund_rate, operator: greaterThen, value: 0.3 }, { fact: stage, operator: equal, value: growht } ] }
grades:
  - { grade: A, min: 90 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * eval(score) / 100
  rounding: { to: 0.01, mode: half_up }
triggers:
  pip:
    title: 改进计划
    when: { all: [ { fact: grade, operator: equal, value: D } ] }
    action: { type: improvement_plan, days: 30 }
`;
  const result = loadPolicy(policy, 'ops.yaml');
  const zh = result.diagnostics.map((d) => formatDiagnostic(d, 'zh'));

  it('reports every problem, in order of position', () => {
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => `${d.span?.line}:${d.span?.column} ${d.code}`)).toEqual([
      '13:5 policy_weights_sum',
      '19:51 policy_unknown_operator',
      '19:117 policy_unknown_stage',
      '25:20 policy_expression_syntax',
      '30:59 policy_unknown_grade',
      '31:5 policy_plan_without_close_when',
    ]);
  });

  it('says the weights that do not add up to 100', () => {
    expect(zh[0]).toBe(
      'ops.yaml:13:5: error[policy_weights_sum]: `roles.ops_manager.indicators` 在阶段 `growth` 的权重合计为 105，不是 100\n  提示：请调整 `gmv`, `refund` 的权重，使合计为 100',
    );
    expect(result.diagnostics[0]?.message).toBe(
      'weights of `roles.ops_manager.indicators` sum to 105 for stage `growth`, not 100',
    );
  });

  it('offers the nearest operator and stage, in Chinese', () => {
    expect(zh[1]).toBe(
      'ops.yaml:19:51: error[policy_unknown_operator]: 未知的运算符 `greaterThen`\n' +
        '  提示：是不是想写 `greaterThan`？可用的运算符：equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain, absent, present',
    );
    expect(zh[2]).toBe(
      'ops.yaml:19:117: error[policy_unknown_stage]: 未知的阶段 `growht`\n  提示：是不是想写 `growth`？本政策的阶段：growth',
    );
    expect(result.diagnostics[2]?.help).toBe('did you mean `growth`? known stages: growth');
  });

  it('says why a formula cannot be read, the formula as written', () => {
    expect(zh[3]).toBe(
      'ops.yaml:25:20: error[policy_expression_syntax]: 无法读取公式 `pay_base * eval(score) / 100`：没有函数 `eval`；可用的函数：min, max, abs, round, floor, ceil\n' +
        '  提示：公式可用指标编号、数字、+ - * / ( )、比较、`a ? b : c` 以及 min max abs round floor ceil',
    );
  });

  it('names the grades the policy has, and warns about a plan without close_when', () => {
    expect(zh[4]).toBe('ops.yaml:30:59: error[policy_unknown_grade]: 未知的等级 `D`\n  提示：本政策的等级：A, B, C');
    expect(zh[5]).toBe(
      'ops.yaml:31:5: warning[policy_plan_without_close_when]: 改进计划 `pip` 没有 `close_when`：一旦 `when` 不再成立就会关闭\n' +
        '  提示：请写明计划何时达成，如 `close_when: { not: { all: [ { fact: grade, operator: equal, value: D } ] } }`（默认）或 `close_when: { all: [ { fact: attainment, operator: greaterThanInclusive, value: 0.9 } ] }`',
    );
  });
});

describe('docs/diagnostics.md', () => {
  const doc = readFileSync('docs/diagnostics.md', 'utf8');
  it.each(codes)('documents %s', (code) => {
    expect(doc).toContain(`### \`${code}\``);
  });
  it.each(entries)('gives the English and Chinese message of %s', (_id, entry) => {
    expect(doc).toContain(
      `| message | ${entry.message.en.replace(/\|/g, '\\|')} | ${entry.message.zh.replace(/\|/g, '\\|')} |`,
    );
  });
  it('lists no code the catalogue does not have', () => {
    const listed = [...doc.matchAll(/^### `([a-z0-9_]+)`$/gm)].map((m) => m[1]);
    expect(listed.filter((c) => !codes.includes(c))).toEqual([]);
  });
});

describe('docs/message-style.md', () => {
  const doc = readFileSync('docs/message-style.md', 'utf8');
  it('covers what/where/help, English, Chinese, numbers and money, and blame', () => {
    for (const heading of [
      '## What, where, help',
      '## English',
      '## Chinese 中文',
      '## Numbers and money',
      '## No blame',
    ])
      expect(doc).toContain(heading);
  });
});

describe('data, model and evaluation build every diagnostic from the catalogue', () => {
  // a hand-built diagnostic: `{ code: 'data_…', … }`, `{ code, severity, … }`, or `code: \`…\``
  const handBuilt = /\bcode:\s*['`]|\{\s*code,\s*severity\b/;
  const files = ['engine/data', 'engine/model', 'engine/evaluation']
    .flatMap(sourceFiles)
    .filter((f) => !f.includes(join('model', 'messages')));

  it('scans the three folders', () => {
    expect(files).toContain(join('engine', 'data', 'records.ts'));
    expect(files).toContain(join('engine', 'evaluation', 'evaluate.ts'));
    expect(files.length).toBeGreaterThan(25);
  });

  it('finds a hand-built diagnostic when there is one (the pattern is not blind)', () => {
    expect("out.push({ code: 'data_empty', severity: 'error', message: 'x' })").toMatch(handBuilt);
    expect("return { code, severity: 'warning', message, help }").toMatch(handBuilt);
    expect("diagnostic('data_empty', {}, { file })").not.toMatch(handBuilt);
  });

  it('has no hand-built `{ code: …, message: … }` diagnostic left', () => {
    const left = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (handBuilt.test(line) ? [`${f}:${i + 1}`] : [])),
    );
    expect(left).toEqual([]);
  });

  it.each(Object.entries(readerReasons))(
    'reader reason %s is in English and Chinese with the same placeholders',
    (_id, entry) => {
      expect(entry.message.zh).toMatch(CJK);
      expect(entry.help.zh).toMatch(CJK);
      expect(placeholders(entry.message.zh).sort()).toEqual(placeholders(entry.message.en).sort());
      expect(placeholders(entry.help.zh).sort()).toEqual(placeholders(entry.help.en).sort());
    },
  );
});

describe('data and evaluation diagnostics in Chinese', () => {
  const HEADER = '工号,姓名,岗位,团队,阶段,月份,视频数,完播率,上级评分,违规次数,平均响应时长';
  const reasonsOf = (...rows: string[]) =>
    readRecords(csvText(HEADER, ...rows), 'csv', studioContract(), { file: 'm.csv' }).excluded.flatMap(
      (x) => x.reasons,
    );
  const zh = (...rows: string[]) => reasonsOf(...rows).map((d) => formatDiagnostic(d, 'zh'));

  it('a ratio written as percent points: `33.1` for 完播率', () => {
    expect(zh('E1,张三,编导,一组,初创期,2026-10,30,33.1,80,0,')).toEqual([
      'm.csv:2: error[data_out_of_range]: `完播率` 应在 0 到 1 之间，填的是 `33.1`\n' +
        '  位置：第 2 行，列 `完播率`，值 `33.1`\n' +
        '  提示：如果表示 33.1 %，请写 `33.1%`；如果导出的是百分点，请在该指标（或数据映射的列）上设 `ratio_format: percent_points`',
    ]);
  });

  it("a cell that is not a number: `12..5`, with the value reader's reason and help in Chinese", () => {
    expect(zh('E1,张三,编导,一组,初创期,2026-10,12..5,40%,80,0,')).toEqual([
      'm.csv:2: error[data_not_a_number]: 无法读取的值：`12..5` 不是数字\n' +
        '  位置：第 2 行，列 `视频数`，值 `12..5`\n' +
        '  提示：请填写数字，如 1234、1,234、1.2万 或 3.5w',
    ]);
  });

  it('an Excel error in a ratio cell names what it means, in Chinese', () => {
    expect(zh('E1,张三,编导,一组,初创期,2026-10,30,#DIV/0!,80,0,')).toEqual([
      'm.csv:2: error[data_not_a_number]: 无法读取的值：`#DIV/0!` 是 Excel 错误，不是数字\n' +
        '  位置：第 2 行，列 `完播率`，值 `#DIV/0!`\n' +
        '  提示：这个单元格的公式在 Excel 中出错（#DIV/0!：除数为 0）：请在工作簿中修正，或直接填写数值',
    ]);
  });

  it("a month that does not exist, with the period reader's reason in Chinese (English unchanged)", () => {
    const [d] = reasonsOf('E1,张三,编导,一组,初创期,2026-13,30,40%,80,0,');
    expect(d?.message).toBe('`2026-13` has no month 13: months are 1 to 12');
    expect(formatDiagnostic(d!, 'zh')).toBe(
      'm.csv:2: error[data_bad_period]: 月份有误：`2026-13` 中的月份 13 不存在：月份只有 1 到 12\n' +
        '  位置：第 2 行，列 `月份`，值 `2026-13`\n' +
        '  提示：请把月份写成 YYYY-MM，如 2026-10（2026/10、2026年10月、202610 和 2026-10-01 也都读作该月）',
    );
  });

  it("an unknown role lists the policy's roles with Chinese punctuation", () => {
    expect(zh('E1,张三,主播,一组,初创期,2026-10,30,40%,80,0,')).toEqual([
      'm.csv:2: error[data_unknown_role]: 未知的岗位 `主播`\n' +
        '  位置：第 2 行，列 `岗位`，值 `主播`\n' +
        '  提示：本政策的岗位：编导 (director)、客服 (service)',
    ]);
  });

  it('performance pay below 0 names the employee, formula and place in Chinese', async () => {
    const worked = readFileSync('docs/worked-example.yaml', 'utf8').replace(
      'pay_base * min(score, 120) / 100',
      'pay_base * (score - 100) / 100',
    );
    const compiled = compiledPolicy(worked, 'w.yaml');
    const header = '工号,姓名,岗位,团队,阶段,月份,发布视频数,完播率,上级评分,单条最高播放,绩效基数';
    const read = readRecords(
      csvText(header, 'E1,林小雨,编导,短视频一组,初创期,2026-10,28,43.7%,85,"1,250,000",'),
      'csv',
      compiled.contract,
      { file: 'd.csv' },
    );
    const run = await runPolicy(compiled, { records: read.records, excluded: read.excluded });
    expect(run.excluded.flatMap((x) => x.reasons.map((d) => formatDiagnostic(d, 'zh')))).toEqual([
      'd.csv:2: error[eval_negative_pay]: `E1` 的绩效奖金 `pay_base * (score - 100) / 100` 为 -¥121.60（w.yaml:47:20）：不能小于 0（只有封顶和小于 1 的档位系数会降低金额）\n' +
        '  提示：奖金公式的结果不能小于 0：请修正这条记录的数据；如果本意是最低为 0，请在政策中写 `max(0, …)`',
    ]);
  });
});

describe('every diagnostic code in node/ and editor/server is in the catalogue and the docs', () => {
  const literal = /diagnostic\('((?:io|cli|yaml|schema|policy|data|eval)_[a-z0-9_]+(?:\.[a-z_]+)?)'/g;
  const files = [...sourceFiles('node'), ...sourceFiles('editor/server')];
  const used = new Map<string, string>();
  for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(literal)) used.set(m[1], file);
  const doc = readFileSync('docs/diagnostics.md', 'utf8');

  it('finds the codes it checks', () => {
    expect(used.size).toBeGreaterThan(40);
  });

  it.each([...used])('%s (%s) is in MESSAGES and docs/diagnostics.md', (id) => {
    expect(Object.hasOwn(MESSAGES, id)).toBe(true);
    expect(doc).toContain(`### \`${codeOf(id)}\``);
  });

  it('leaves no ExitError with a pasted `help:` string', () => {
    const pasted = files.filter((f) =>
      /ExitError\([^;]*help:/s.test(readFileSync(f, 'utf8').replace(/diagnostic\([^;]*/g, '')),
    );
    expect(pasted).toEqual([]);
  });
});
