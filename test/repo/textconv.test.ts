// `yardstick textconv`, git's diff driver for policies, in a repository that is not Yardstick's:
// the canonical layout for a policy that parses, the text as written under one marker line for one
// that does not (a file saved mid-edit), so `git log -p` never stops at "unable to read files to diff".

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_UTF8_MARKER, NOT_UTF8_MARKERS, TEXTCONV_MARKER, textconv, textconvText } from '../../node/cli/textconv.js';
import { PROJECT, git, scratch, sh } from './scratch.js';

describe('textconv', { timeout: 60_000 }, () => {
  it('prints a policy in the canonical layout: flow maps padded, comments kept', () => {
    expect(textconvText('policy: p # 编号\nmetrics: {a: {label: 甲}}\n')).toBe(
      'policy: p # 编号\nmetrics: { a: { label: 甲 } }\n',
    );
  });

  it('prints text that is not YAML as written, under the marker, ending with a newline', () => {
    expect(textconvText('policy: p\nroles: [ unclosed')).toBe(`${TEXTCONV_MARKER}\npolicy: p\nroles: [ unclosed\n`);
    expect(TEXTCONV_MARKER).toBe(
      '# ⚠ yardstick: not valid YAML, shown as written (yardstick validate names the problem)',
    );
  });

  it('prints a file that is not UTF-8 (saved as GBK) as GBK text under its marker: a changed title shows', () => {
    const dir = scratch('textconv-gbk');
    // `title: 啊` and `title: 阿` in GBK: B0 A1 and B0 A2; read as UTF-8 both were `title: ��`
    const shown = (bytes: number[]) => {
      const file = join(dir, 'p.yaml');
      writeFileSync(file, Buffer.from([...Buffer.from('policy: tiny\ntitle: '), ...bytes, 0x0a]));
      let out = '';
      expect(textconv(file, (s) => (out += s))).toBe(0);
      return out;
    };
    expect(shown([0xb0, 0xa1])).toBe(`${NOT_UTF8_MARKER}\npolicy: tiny\ntitle: 啊\n`);
    expect(shown([0xb0, 0xa2])).toBe(`${NOT_UTF8_MARKER}\npolicy: tiny\ntitle: 阿\n`);
    expect(NOT_UTF8_MARKER).toBe(
      '# ⚠ yardstick: not UTF-8 text, shown as GBK (GB18030); save the policy as UTF-8 (yardstick validate refuses it)',
    );
  });

  it('never shows two different files the same: bytes of no encoding one by one, UTF-16 as text', () => {
    const dir = scratch('textconv-bytes');
    const shown = (bytes: Buffer) => {
      const file = join(dir, 'p.yaml');
      writeFileSync(file, bytes);
      let out = '';
      expect(textconv(file, (s) => (out += s))).toBe(0);
      return out;
    };
    // Latin-1 `café` → `cafè` (E9 → E8): as GB18030 with replacement both were `caf�`
    const latin1 = (last: number) => Buffer.from([...Buffer.from('policy: p\ntitle: caf'), last, 0x0a]);
    expect(shown(latin1(0xe9))).toBe(`${NOT_UTF8_MARKERS.bytes}\npolicy: p\ntitle: caf\\xE9\n`);
    expect(shown(latin1(0xe8))).toBe(`${NOT_UTF8_MARKERS.bytes}\npolicy: p\ntitle: caf\\xE8\n`);
    // a UTF-8 file with one stray byte in a comment: every other character as written, 数 vs 效 shown
    const stray = (alias: string) =>
      Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\naliases: [ ${alias} ]\n`)]);
    expect(shown(stray('订单数'))).not.toBe(shown(stray('订单效')));
    expect(shown(stray('订单数'))).toContain('aliases: [ \\xE8\\xAE\\xA2');
    // UTF-16 with its byte order mark
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('policy: p\ntitle: 啊\n', 'utf16le')]);
    expect(shown(utf16)).toBe(`${NOT_UTF8_MARKERS.utf16}\npolicy: p\ntitle: 啊\n`);
  });

  it('lets git log -p show every version in another repository, a broken one included', () => {
    const repo = scratch('textconv');
    git(repo, 'init', '-q', '-b', 'main');
    writeFileSync(join(repo, '.gitattributes'), 'policies/*.yaml diff=yardstick\n');
    git(repo, 'config', 'diff.yardstick.textconv', `node ${join(PROJECT, 'node/cli/bin.mjs')} textconv`);
    sh(repo, 'mkdir', ['policies']);
    writeFileSync(join(repo, 'policies/p.yaml'), 'policy: p\nweights: {a: 40, b: 60}\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'one');
    writeFileSync(join(repo, 'policies/p.yaml'), 'policy: p\nweights: {a: 45, b: [\n');
    git(repo, 'commit', '-q', '-am', 'two');
    const log = sh(repo, 'git', ['log', '-p', '--format=%s', '-2']);
    expect(log.stderr).toBe('');
    expect(log.code).toBe(0);
    const lines = log.stdout.split('\n');
    // the first version in the canonical layout (padded braces), the second as written under the marker
    expect(lines).toContain('+weights: { a: 40, b: 60 }');
    expect(lines).toContain(`+${TEXTCONV_MARKER}`);
    expect(lines).toContain('+weights: {a: 45, b: [');
  });
});
