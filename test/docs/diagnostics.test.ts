// The message catalogue is complete and documented: every code the engine can report has English
// and Chinese text with the same placeholders, and docs/diagnostics.md lists it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadPolicy } from '../../engine/index.js';
import { MESSAGES, codeOf, placeholders, type MessageEntry } from '../../engine/model/messages/index.js';

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
  const named = (template: string) => placeholders(template).map((p) => p.replace(/_zh$/, '')).sort();
  it.each(entries)('%s fills the same placeholders in English and Chinese', (_id, entry) => {
    expect(named(entry.message.zh)).toEqual(named(entry.message.en));
    if (entry.help) expect(named(entry.help.zh)).toEqual(named(entry.help.en));
  });

  it('writes English messages lowercase, without a trailing period', () => {
    const shouted = entries.filter(([, e]) => /^[A-Z]/.test(e.message.en) || /\.$/.test(e.message.en)).map(([id]) => id);
    expect(shouted).toEqual([]);
  });

  it('writes Chinese messages with full-width punctuation and no full stop at the end', () => {
    const halfWidth = entries.filter(([, e]) => /[\u4e00-\u9fff][,:;?]|[,:;?][\u4e00-\u9fff]|。$/.test(e.message.zh)).map(([id]) => id);
    expect(halfWidth).toEqual([]);
  });

  it('has a variant only beside its code', () => {
    const orphans = entries.map(([id]) => id).filter((id) => id.includes('.') && !Object.prototype.hasOwnProperty.call(MESSAGES, codeOf(id)));
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
    expect(Object.prototype.hasOwnProperty.call(MESSAGES, id)).toBe(true);
  });

  it('has an entry for every error code of the yaml reader (engine/language/limits.ts reports them as yaml_<code>)', () => {
    const declared = readFileSync('node_modules/yaml/dist/errors.d.ts', 'utf8').match(/export type ErrorCode = ([^;]+);/)![1];
    const yamlCodes = [...declared.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => `yaml_${m[1].toLowerCase()}`);
    expect(yamlCodes.length).toBeGreaterThan(20);
    expect(yamlCodes.filter((c) => !Object.prototype.hasOwnProperty.call(MESSAGES, c))).toEqual([]);
  });

  it('has an entry for `policy_unknown_<what>` of every kind the policy checks name that way', () => {
    const checks = readdirSync('engine/language/check').map((f) => readFileSync(`engine/language/check/${f}`, 'utf8')).join('\n');
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
  const found = objectBodies(source).filter((body) => /\bcode\s*(?::(?!\s*string\b)|,|$)/.test(body.trim()) && /\bmessage\s*:(?!\s*string\b)/.test(body));
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
    expect(handBuilt('return { message: `bad ${x}`, help, code };')).toHaveLength(1);
    expect(handBuilt("report('policy_unknown_role', path, `unknown role \\`${v}\\``, hint(v, ids, 'roles'));")).toHaveLength(1);
    expect(handBuilt("report(lower ? 'a' : 'b', [...path, 'min'], 'text', 'help');")).toHaveLength(1);
    expect(handBuilt("report('policy_unknown_role', { role: v, known }, path);")).toEqual([]);
    expect(handBuilt("report(lower ? 'policy_target_order.lower' : 'policy_target_order', args, [...path, 'threshold']);")).toEqual([]);
    expect(handBuilt("out.push({ code, severity, message: `bad`, span: { line: 1, column: 1 } });")).toHaveLength(1);
    expect(handBuilt("return { ok: false, message: 'the YAML has errors' };")).toEqual([]);
    expect(handBuilt('function f(e: { code: string; message: string }) {}')).toEqual([]);
    expect(handBuilt("return { ...diagnostic('yaml_impossible', { detail }, { severity, file, span }), code };")).toEqual([]);
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
    expect(zh[0]).toBe('ops.yaml:13:5: error[policy_weights_sum]: `roles.ops_manager.indicators` 在阶段 `growth` 的权重合计为 105，不是 100\n  提示：请调整 `gmv`, `refund` 的权重，使合计为 100');
    expect(result.diagnostics[0]?.message).toBe('weights of `roles.ops_manager.indicators` sum to 105 for stage `growth`, not 100');
  });

  it('offers the nearest operator and stage, in Chinese', () => {
    expect(zh[1]).toBe(
      'ops.yaml:19:51: error[policy_unknown_operator]: 未知的运算符 `greaterThen`\n' +
        '  提示：是不是想写 `greaterThan`？可用的运算符：equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain',
    );
    expect(zh[2]).toBe('ops.yaml:19:117: error[policy_unknown_stage]: 未知的阶段 `growht`\n  提示：是不是想写 `growth`？本政策的阶段：growth');
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
    expect(doc).toContain(`| message | ${entry.message.en.replace(/\|/g, '\\|')} | ${entry.message.zh.replace(/\|/g, '\\|')} |`);
  });
  it('lists no code the catalogue does not have', () => {
    const listed = [...doc.matchAll(/^### `([a-z0-9_]+)`$/gm)].map((m) => m[1]);
    expect(listed.filter((c) => !codes.includes(c))).toEqual([]);
  });
});

describe('docs/message-style.md', () => {
  const doc = readFileSync('docs/message-style.md', 'utf8');
  it('covers what/where/help, English, Chinese, numbers and money, and blame', () => {
    for (const heading of ['## What, where, help', '## English', '## Chinese 中文', '## Numbers and money', '## No blame']) expect(doc).toContain(heading);
  });
});
