// The message catalogue is complete and documented: every code the engine can report has English
// and Chinese text with the same placeholders, and docs/diagnostics.md lists it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, codeOf, placeholders, type MessageEntry } from '../../engine/model/messages/index.js';
import { readerReasons } from '../../engine/model/messages/data.js';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';
import { readRecords } from '../../engine/data/index.js';
import { runPolicy } from '../../engine/index.js';
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

describe('data, model and evaluation build every diagnostic from the catalogue', () => {
  // a hand-built diagnostic: `{ code: 'data_…', … }`, `{ code, severity, … }`, or `code: \`…\``
  const handBuilt = /\bcode:\s*['`]|\{\s*code,\s*severity\b/;
  const files = ['engine/data', 'engine/model', 'engine/evaluation'].flatMap(sourceFiles).filter((f) => !f.includes(join('model', 'messages')));

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
    const left = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (handBuilt.test(line) ? [`${f}:${i + 1}`] : [])));
    expect(left).toEqual([]);
  });

  it.each(Object.entries(readerReasons))('reader reason %s is in English and Chinese with the same placeholders', (_id, entry) => {
    expect(entry.message.zh).toMatch(CJK);
    expect(entry.help.zh).toMatch(CJK);
    expect(placeholders(entry.message.zh).sort()).toEqual(placeholders(entry.message.en).sort());
    expect(placeholders(entry.help.zh).sort()).toEqual(placeholders(entry.help.en).sort());
  });
});

describe('data and evaluation diagnostics in Chinese', () => {
  const HEADER = '工号,姓名,岗位,团队,阶段,月份,视频数,完播率,上级评分,违规次数,平均响应时长';
  const reasonsOf = (...rows: string[]) => readRecords(csvText(HEADER, ...rows), 'csv', studioContract(), { file: 'm.csv' }).excluded.flatMap((x) => x.reasons);
  const zh = (...rows: string[]) => reasonsOf(...rows).map((d) => formatDiagnostic(d, 'zh'));

  it('a ratio written as percent points: `33.1` for 完播率', () => {
    expect(zh('E1,张三,编导,一组,初创期,2026-10,30,33.1,80,0,')).toEqual([
      'm.csv:2: error[data_out_of_range]: `完播率` 应在 0 到 1 之间，填的是 `33.1`\n' +
        '  位置：第 2 行，列 `完播率`，值 `33.1`\n' +
        '  提示：如果表示 33.1 %，请写 `33.1%`；如果导出的是百分点，请在该指标（或数据映射的列）上设 `ratio_format: percent_points`',
    ]);
  });

  it('a cell that is not a number: `12..5`, with the value reader\'s reason and help in Chinese', () => {
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

  it('a month that does not exist, with the period reader\'s reason in Chinese (English unchanged)', () => {
    const [d] = reasonsOf('E1,张三,编导,一组,初创期,2026-13,30,40%,80,0,');
    expect(d?.message).toBe('`2026-13` has no month 13: months are 1 to 12');
    expect(formatDiagnostic(d!, 'zh')).toBe(
      'm.csv:2: error[data_bad_period]: 月份有误：`2026-13` 中的月份 13 不存在：月份只有 1 到 12\n' +
        '  位置：第 2 行，列 `月份`，值 `2026-13`\n' +
        '  提示：请把月份写成 YYYY-MM，如 2026-10（2026/10、2026年10月、202610 和 2026-10-01 也都读作该月）',
    );
  });

  it('an unknown role lists the policy\'s roles with Chinese punctuation', () => {
    expect(zh('E1,张三,主播,一组,初创期,2026-10,30,40%,80,0,')).toEqual([
      'm.csv:2: error[data_unknown_role]: 未知的岗位 `主播`\n' + '  位置：第 2 行，列 `岗位`，值 `主播`\n' + '  提示：本政策的岗位：编导 (director)、客服 (service)',
    ]);
  });

  it('performance pay below 0 names the employee, formula and place in Chinese', async () => {
    const worked = readFileSync('docs/worked-example.yaml', 'utf8').replace('pay_base * min(score, 120) / 100', 'pay_base * (score - 100) / 100');
    const compiled = compiledPolicy(worked, 'w.yaml');
    const header = '工号,姓名,岗位,团队,阶段,月份,发布视频数,完播率,上级评分,单条最高播放,绩效基数';
    const read = readRecords(csvText(header, 'E1,林小雨,编导,短视频一组,初创期,2026-10,28,43.7%,85,"1,250,000",'), 'csv', compiled.contract, { file: 'd.csv' });
    const run = await runPolicy(compiled, { records: read.records, excluded: read.excluded });
    expect(run.excluded.flatMap((x) => x.reasons.map((d) => formatDiagnostic(d, 'zh')))).toEqual([
      'd.csv:2: error[eval_negative_pay]: `E1` 的绩效奖金 `pay_base * (score - 100) / 100` 为 -¥121.60（w.yaml:47:20）：不能小于 0（只有封顶和小于 1 的档位系数会降低金额）\n' +
        '  提示：奖金公式的结果不能小于 0：请修正这条记录的数据；如果本意是最低为 0，请在政策中写 `max(0, …)`',
    ]);
  });
});
