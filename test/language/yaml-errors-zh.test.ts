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
  // [what, policy text, code, line, column, Chinese, English]; columns counted by hand in the comment
  it.each([
    [
      'a key written twice: at the second key',
      'policy: p\npolicy: q\n',
      'yaml_duplicate_key',
      2,
      1,
      'YAML 语法有误：同一映射里有重复的键：`policy`',
      'map keys must be unique: `policy`',
    ],
    [
      'a double quote never closed: at the end of the text, where the reader stopped',
      'policy: p\ntitle: "abc\n',
      'yaml_missing_char',
      3,
      1,
      'YAML 语法有误：缺少结尾的双引号 `"`',
      'missing closing "quote',
    ],
    [
      'a single quote never closed',
      "policy: p\ntitle: 'abc\n",
      'yaml_missing_char',
      3,
      1,
      "YAML 语法有误：缺少结尾的单引号 `'`",
      "missing closing 'quote",
    ],
    [
      'an escape YAML lacks: `title: "a` is 9 characters',
      'policy: p\ntitle: "a\\qb"\n',
      'yaml_bad_dq_escape',
      2,
      10,
      'YAML 语法有误：双引号内的转义 `\\q` 无效（反斜杠 `\\` 要写成 `\\\\`）',
      'invalid escape sequence \\q',
    ],
    [
      'a value starting with `@`: `title: ` is 7 characters',
      'policy: p\ntitle: @me\n',
      'yaml_bad_scalar_start',
      2,
      8,
      'YAML 语法有误：不加引号的值不能以 `@` 开头',
      'plain value cannot start with reserved character @',
    ],
    [
      'text after a closed quote: `title: "x" ` is 11 characters',
      'policy: p\ntitle: "x" y\n',
      'yaml_unexpected_token',
      2,
      12,
      'YAML 语法有误：值已经结束，此处还有多余的内容',
      'unexpected scalar at node end',
    ],
    [
      'a comment glued to a value: `foo: "a"` is 8 characters',
      'policy: p\nfoo: "a"#c\n',
      'yaml_missing_char',
      2,
      9,
      'YAML 语法有误：注释的 `#` 前面要有空格',
      'comments must be separated from other tokens by white space characters',
    ],
    [
      'a tab as indentation',
      'policy: p\nmetrics:\n\ta: 1\n',
      'yaml_tab_as_indent',
      3,
      1,
      'YAML 语法有误：缩进用了制表符',
      'tabs are not allowed as indentation',
    ],
    [
      'two anchors: the second `&` after `title: &a ` (10 characters)',
      'policy: p\ntitle: &a &b x\n',
      'yaml_multiple_anchors',
      2,
      11,
      'YAML 语法有误：一个值只能有一个锚点（`&name`）',
      'a node can have at most one anchor',
    ],
    [
      'a `[…]` list never closed: at the next line',
      'policy: p\ntags: [a, b\n',
      'yaml_bad_indent',
      3,
      1,
      'YAML 语法有误：方括号列表 `[…]`要比上级缩进更多，并以 `]` 结尾',
      'flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'two `key: value` on one line: the second key after `a: ` (3 characters)',
      'policy: p\na: b: c\n',
      'yaml_block_as_implicit_key',
      2,
      4,
      'YAML 语法有误：一行里只能写一个 `键: 值`，不能再嵌套映射',
      'nested mappings are not allowed in compact mappings',
    ],
  ] as const)('%s', (_what, text, code, line, column, zh, en) => {
    expect(first(text)).toEqual([code, line, column, zh, en]);
  });

  it('a data mapping or test file (readYaml): the same Chinese, the general help', () => {
    const read = readYaml('roster:\n  file: a.csv\nroster: x\n', 'm.data.yaml');
    expect(read.ok).toBe(false);
    const d = !read.ok ? read.diagnostics[0]! : undefined;
    expect([d?.code, d?.span?.line, d?.span?.column]).toEqual(['yaml_duplicate_key', 3, 1]);
    expect(localise(d!, 'zh')).toEqual({
      message: 'YAML 语法有误：同一映射里有重复的键：`roster`',
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

describe('a key written twice is named', () => {
  // yaml's "map keys must be unique" named no key; a policy repeats `target`, `weight`, `title` many times
  it.each([
    ['a plain key, in a nested mapping', 'policy: p\nroles:\n  a:\n    target: 1\n    target: 2\n', 5, 5, '`target`'],
    ['a quoted key, as written', 'policy: p\nroles:\n  a:\n    target: 1\n    "target": 2\n', 5, 5, '`"target"`'],
    ['a key in a flow mapping', 'policy: p\nm: { a: 1, a: 2 }\n', 2, 12, '`a`'],
  ])('%s', (_what, text, line, column, key) => {
    const d = parsePolicyText(text, 'p.yaml').diagnostics[0]!;
    expect([d.code, d.span?.line, d.span?.column, d.message]).toEqual([
      'yaml_duplicate_key',
      line,
      column,
      `map keys must be unique: ${key}`,
    ]);
    expect(localise(d, 'zh').message).toBe(`YAML 语法有误：同一映射里有重复的键：${key}`);
  });
});
