// The message catalogue is complete and documented: every code the engine can report has English
// and Chinese text with the same placeholders, and docs/diagnostics.md lists it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
    expect(Object.prototype.hasOwnProperty.call(MESSAGES, id)).toBe(true);
    expect(doc).toContain(`### \`${codeOf(id)}\``);
  });

  it('leaves no ExitError with a pasted `help:` string', () => {
    const pasted = files.filter((f) => /ExitError\([^;]*help:/s.test(readFileSync(f, 'utf8').replace(/diagnostic\([^;]*/g, '')));
    expect(pasted).toEqual([]);
  });
});
