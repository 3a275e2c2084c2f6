// A YAML mistake is said in Chinese in a Chinese message: each kind of error the yaml reader reports
// has its Chinese sentence. Before, the reader's English words sat inside the Chinese one
// (`同一映射里有重复的键（map keys must be unique）`). The English message keeps the reader's words.

import { describe, expect, it } from 'vitest';
import { localise } from '../../engine/index.js';
import { parsePolicyText } from '../../engine/language/parse.js';
import { readYaml } from '../../engine/language/limits.js';
import { yamlDetail } from '../../engine/language/yaml-errors.js';

/** The policy text's first problem: code, line, column, Chinese message, English message. */
function first(text: string) {
  const d = parsePolicyText(text, 'p.yaml').diagnostics[0]!;
  return [d.code, d.span?.line, d.span?.column, localise(d, 'zh').message, localise(d, 'en').message];
}

describe('a YAML mistake in a Chinese message', () => {
  it('a key written twice: at the second key', () => {
    expect(first('policy: p\npolicy: q\n')).toEqual([
      'yaml_duplicate_key',
      2,
      1,
      'YAML 语法有误：同一映射里有重复的键',
      'map keys must be unique',
    ]);
  });

  it('a double quote never closed: where the reader stopped looking, the end of the text', () => {
    expect(first('policy: p\ntitle: "abc\n')).toEqual([
      'yaml_missing_char',
      3,
      1,
      'YAML 语法有误：缺少结尾的双引号 `"`',
      'missing closing "quote',
    ]);
  });

  it('a single quote never closed', () => {
    expect(first("policy: p\ntitle: 'abc\n")[3]).toBe("YAML 语法有误：缺少结尾的单引号 `'`");
  });

  it('a backslash escape YAML does not have, named: `title: "a` is 9 characters, so `\\q` is at column 10', () => {
    expect(first('policy: p\ntitle: "a\\qb"\n')).toEqual([
      'yaml_bad_dq_escape',
      2,
      10,
      'YAML 语法有误：双引号内的转义 `\\q` 无效（反斜杠 `\\` 要写成 `\\\\`）',
      'invalid escape sequence \\q',
    ]);
  });

  it('a value starting with `@`: `title: ` is 7 characters', () => {
    expect(first('policy: p\ntitle: @me\n')).toEqual([
      'yaml_bad_scalar_start',
      2,
      8,
      'YAML 语法有误：不加引号的值不能以 `@` 开头',
      'plain value cannot start with reserved character @',
    ]);
  });

  it('text after a closed quote: `title: "x" ` is 11 characters', () => {
    expect(first('policy: p\ntitle: "x" y\n')).toEqual([
      'yaml_unexpected_token',
      2,
      12,
      'YAML 语法有误：值已经结束，此处还有多余的内容',
      'unexpected scalar at node end',
    ]);
  });

  it('a comment glued to a value: `foo: "a"` is 8 characters', () => {
    expect(first('policy: p\nfoo: "a"#c\n')).toEqual([
      'yaml_missing_char',
      2,
      9,
      'YAML 语法有误：注释的 `#` 前面要有空格',
      'comments must be separated from other tokens by white space characters',
    ]);
  });

  it('a tab as indentation', () => {
    expect(first('policy: p\nmetrics:\n\ta: 1\n')).toEqual([
      'yaml_tab_as_indent',
      3,
      1,
      'YAML 语法有误：缩进用了制表符',
      'tabs are not allowed as indentation',
    ]);
  });

  it('two anchors on one value: the second `&` after `title: &a ` (10 characters)', () => {
    expect(first('policy: p\ntitle: &a &b x\n')).toEqual([
      'yaml_multiple_anchors',
      2,
      11,
      'YAML 语法有误：一个值只能有一个锚点（`&name`）',
      'a node can have at most one anchor',
    ]);
  });

  it('a `[…]` list never closed: at the next line', () => {
    expect(first('policy: p\ntags: [a, b\n')).toEqual([
      'yaml_bad_indent',
      3,
      1,
      'YAML 语法有误：方括号列表 `[…]`要比上级缩进更多，并以 `]` 结尾',
      'flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('two `key: value` on one line: at the second key, after `a: ` (3 characters)', () => {
    expect(first('policy: p\na: b: c\n')).toEqual([
      'yaml_block_as_implicit_key',
      2,
      4,
      'YAML 语法有误：一行里只能写一个 `键: 值`，不能再嵌套映射',
      'nested mappings are not allowed in compact mappings',
    ]);
  });

  it('a data mapping or test file (readYaml): the same Chinese, the general help', () => {
    const read = readYaml('roster:\n  file: a.csv\nroster: x\n', 'm.data.yaml');
    expect(read.ok).toBe(false);
    const d = !read.ok ? read.diagnostics[0]! : undefined;
    expect([d?.code, d?.span?.line, d?.span?.column]).toEqual(['yaml_duplicate_key', 3, 1]);
    expect(localise(d!, 'zh')).toEqual({
      message: 'YAML 语法有误：同一映射里有重复的键',
      help: '请修正此处的 YAML 语法',
    });
  });

  it('no Chinese message of a YAML mistake carries English words (outside `…`)', () => {
    const broken = [
      'policy: p\npolicy: q\n',
      'policy: p\ntitle: "abc\n',
      'policy: p\nmetrics:\n  a: 1\n b: 2\n',
      'policy: p\nroles:\n  - a\n - b\n',
      'policy: p\ntitle: &a *b\n',
      'policy: p\ntags: [a b: c, d]\n',
      'policy: p\ntags: {a: 1,, b: 2}\n',
      'policy: p\n? [a\n',
      'policy: p\ntitle: | x\n  y\n',
      '%FOO bar\n---\npolicy: p\n',
      'policy: p\ntitle: !!str &a !!int 1\n',
      'policy: p\n- a\n',
    ];
    const english = broken.flatMap((text) =>
      parsePolicyText(text, 'p.yaml')
        .diagnostics.filter((d) => d.code.startsWith('yaml_'))
        .map((d) => localise(d, 'zh').message)
        .filter((m) => /[A-Za-z]{3,}/.test(m.replace(/`[^`]*`/g, '').replace(/YAML/g, ''))),
    );
    expect(english).toEqual([]);
  });
});

describe('yamlDetail', () => {
  it("a message of a known code the list does not know yet: the code's general sentence", () => {
    expect(yamlDetail('BAD_INDENT', 'Some newer wording.')).toEqual({
      detail: 'some newer wording',
      detail_zh: '缩进有误',
    });
  });

  it('a code the list does not know: a general sentence, never the English', () => {
    expect(yamlDetail('NEW_CODE', 'Something new')).toEqual({
      detail: 'something new',
      detail_zh: '这里的内容无法读取',
    });
  });
});
