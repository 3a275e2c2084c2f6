// An alias whose anchor is written nowhere before it (`*defualts`, a typo, or the anchor written
// after the alias) is named at the alias. Before, the yaml reader's "unresolved alias" was taken
// for an expansion past the limit: "the aliases (`*name`) expand to too many values", at the first
// alias of the file, whichever alias was wrong.

import { describe, expect, it } from 'vitest';
import { readYaml } from '../../engine/language/limits.js';
import { formatPolicyText, loadPolicy, localise } from '../../engine/index.js';
import { yardstick } from '../yardstick.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const problems = (text: string) =>
  loadPolicy(text, 'p.yaml').diagnostics.map((d) => [d.code, d.span?.line, d.span?.column, localise(d, 'zh').message]);

describe('an alias to no anchor', () => {
  it('is named at itself, after a good alias: `c: ` is 3 characters', () => {
    expect(problems('policy: p\na: &x 1\nb: *x\nc: *y\n')).toEqual([
      ['yaml_unknown_alias', 4, 4, '别名 `*y` 找不到写在它前面的锚点 `&y`'],
    ]);
  });

  it('an anchor written after its alias is not before it', () => {
    expect(problems('policy: p\nb: *x\na: &x 1\n')).toEqual([
      ['yaml_unknown_alias', 2, 4, '别名 `*x` 找不到写在它前面的锚点 `&x`'],
    ]);
  });

  it('in a data mapping (readYaml), in English', () => {
    const r = readYaml('roster:\n  file: *roster_file\n', 'm.data.yaml');
    expect(r.ok).toBe(false);
    const d = !r.ok ? r.diagnostics[0]! : undefined;
    expect([d?.code, d?.span?.line, d?.span?.column, d?.message, d?.help]).toEqual([
      'yaml_unknown_alias',
      2,
      9,
      'the alias `*roster_file` refers to no anchor `&roster_file` written before it',
      'check the spelling of the alias, or write `&roster_file` on the value it stands for, above it',
    ]);
  });

  it('a good alias still reads as its anchor', () => {
    const r = readYaml('a: &x [1, 2]\nb: *x\n', 'm.data.yaml');
    expect(r.ok && r.value).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it('fmt leaves the file as it is and names the alias (it crashed with an internal error before)', async () => {
    const text = 'policy: p\ntitle: *nope\n';
    expect(formatPolicyText(text)).toBeNull();
    const file = join(mkdtempSync(join(tmpdir(), 'yardstick-alias-')), 'p.yaml');
    writeFileSync(file, text);
    expect(await yardstick('fmt', file)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `${file}:2:8: error[yaml_unknown_alias]: the alias \`*nope\` refers to no anchor \`&nope\` written before it\n` +
        '  help: check the spelling of the alias, or write `&nope` on the value it stands for, above it',
    });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
