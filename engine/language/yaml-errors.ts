// The yaml library reports its errors in English. A message in Chinese says the same in Chinese:
// one entry per kind of error the library reports (its code and the words of its message), and
// for a message this list does not know (a newer yaml release), the code's own Chinese phrase —
// never the English words inside a Chinese sentence.

/** `flow map` / `flow sequence`, as yaml names a `{…}` or `[…]` collection. */
const FLOW: Record<string, string> = {
  'flow map': '花括号映射 `{…}`',
  'Flow map': '花括号映射 `{…}`',
  'flow sequence': '方括号列表 `[…]`',
  'Flow sequence': '方括号列表 `[…]`',
};
const flow = (name: string) => FLOW[name] ?? name;

/** What yaml calls the character a plain value may not start with. */
const START: Record<string, string> = {
  'a tab character': '制表符',
  'flow indicator character ,': '逗号 `,`',
  'directive indicator character %': '`%`',
  'block scalar indicator |': '`|`',
  'block scalar indicator >': '`>`',
  'reserved character @': '`@`',
  'reserved character `': '反引号 `` ` ``',
};

type Kind = readonly [RegExp, (...groups: string[]) => string];

/** yaml's error code → its messages (English, as the library words them) → the Chinese. */
const KINDS: Record<string, { any: string; kinds?: readonly Kind[] }> = {
  ALIAS_PROPS: { any: '别名（`*name`）不能带锚点或标签' },
  BAD_ALIAS: {
    any: '别名写法有误',
    kinds: [
      [/^Anchor ending in : is ambiguous$/, () => '锚点名以 `:` 结尾，有歧义'],
      [/^Alias ending in : is ambiguous$/, () => '别名以 `:` 结尾，有歧义'],
      [/^Anchor cannot be an empty string$/, () => '锚点名（`&` 之后）不能为空'],
      [/^Alias cannot be an empty string$/, () => '别名（`*` 之后）不能为空'],
    ],
  },
  BAD_COLLECTION_TYPE: { any: '列表或映射与它的标签类型不符' },
  BAD_DIRECTIVE: {
    any: 'YAML 指令（`%` 开头的行）有误',
    kinds: [
      [/^Unknown directive (\S+)$/, (name) => `未知的 YAML 指令 \`${name}\``],
      [/^Unsupported YAML version (\S+)$/, (v) => `不支持的 YAML 版本 \`${v}\``],
    ],
  },
  BAD_DQ_ESCAPE: {
    any: '双引号内的转义字符有误',
    kinds: [
      [/^Invalid escape sequence (.+)$/s, (raw) => `双引号内的转义 \`${raw}\` 无效（反斜杠 \`\\\` 要写成 \`\\\\\`）`],
    ],
  },
  BAD_INDENT: {
    any: '缩进有误',
    kinds: [
      [/^All mapping items must start at the same column$/, () => '同一映射中的键应从同一列开始'],
      [/^All sequence items must start at the same column$/, () => '同一列表中的各项（`-`）应从同一列开始'],
      [
        /^(Flow map|Flow sequence) in block collection must be sufficiently indented and end with a (\S)$/,
        (name, end) => `${flow(name ?? '')}要比上级缩进更多，并以 \`${end}\` 结尾`,
      ],
      [/^Flow end indicator should be more indented than parent$/, () => '结尾的 `]` 或 `}` 应比上级缩进更多'],
      [/^Block scalar values in collections must be indented$/, () => '列表或映射中的多行文本（`|`、`>`）必须缩进'],
      [
        /^Block scalar lines must not be less indented than their /,
        () => '多行文本（`|`、`>`）的行不能比第一行缩进得少',
      ],
      [
        /^Block scalars with more-indented leading empty lines must use an explicit indentation indicator$/,
        () => '多行文本开头的空行缩进更多时，要写明缩进（如 `|2`）',
      ],
    ],
  },
  BAD_PROP_ORDER: {
    any: '锚点和标签的位置有误',
    kinds: [[/^Anchors and tags must be after the (\S+) indicator$/, (ind) => `锚点和标签要写在 \`${ind}\` 之后`]],
  },
  BAD_SCALAR_START: {
    any: '不加引号的值不能以这个字符开头',
    kinds: [[/^Plain value cannot start with (.+)$/, (c) => `不加引号的值不能以 ${START[c ?? ''] ?? c} 开头`]],
  },
  BLOCK_AS_IMPLICIT_KEY: {
    any: '键的位置写了多行内容',
    kinds: [
      [/^A block sequence may not be used as an implicit map key$/, () => '列表（`-`）不能用作键'],
      [/^Nested mappings are not allowed in compact mappings$/, () => '一行里只能写一个 `键: 值`，不能再嵌套映射'],
    ],
  },
  BLOCK_IN_FLOW: { any: '方括号或花括号内不能写多行的列表或映射' },
  DUPLICATE_KEY: { any: '同一映射里有重复的键' },
  IMPOSSIBLE: { any: '这里的内容无法读取' },
  KEY_OVER_1024_CHARS: { any: '键太长：`:` 离键的开头超过 1024 个字符' },
  MISSING_CHAR: {
    any: '缺少字符',
    kinds: [
      [/^Missing closing "quote$/, () => '缺少结尾的双引号 `"`'],
      [/^Missing closing 'quote$/, () => "缺少结尾的单引号 `'`"],
      [/^Missing , between (flow map|flow sequence) items$/, (name) => `${flow(name ?? '')}的各项之间缺少逗号 \`,\``],
      [
        /^Missing , or : between (flow map|flow sequence) items$/,
        (name) => `${flow(name ?? '')}的各项之间缺少 \`,\` 或 \`:\``,
      ],
      [/^Missing space after : in (flow map|flow sequence)$/, (name) => `${flow(name ?? '')}中 \`:\` 后面缺少空格`],
      [/^(Flow map|Flow sequence) must end with a (\S)$/, (name, end) => `${flow(name ?? '')}缺少结尾的 \`${end}\``],
      [/^Implicit map keys need to be followed by map values$/, () => '键后面缺少 `:` 和值'],
      [/^Comments must be separated from other tokens by white space characters$/, () => '注释的 `#` 前面要有空格'],
      [/^Tags and anchors must be separated from the next token by white space$/, () => '标签和锚点后面要有空格'],
      [/^Sequence item without - indicator$/, () => '列表项缺少开头的 `-`'],
      [/^Missing directives-end(\/doc-start)? indicator line$/, () => '指令之后缺少 `---` 这一行'],
      [/^Missing newline after block sequence props$/, () => '锚点或标签之后，列表要从下一行开始'],
      [
        /^Block collection cannot start on same line with directives-end marker$/,
        () => '列表或映射不能与 `---` 写在同一行',
      ],
    ],
  },
  MULTILINE_IMPLICIT_KEY: { any: '键不能跨行' },
  MULTIPLE_ANCHORS: { any: '一个值只能有一个锚点（`&name`）' },
  MULTIPLE_DOCS: { any: '文件中有第二个 YAML 文档' },
  MULTIPLE_TAGS: { any: '一个值只能有一个标签' },
  NON_STRING_KEY: { any: '键必须是文字' },
  RESOURCE_EXHAUSTION: { any: 'YAML 内容过大，无法读取' },
  TAB_AS_INDENT: { any: '缩进用了制表符' },
  TAG_RESOLVE_FAILED: {
    any: '无法识别的标签',
    kinds: [[/^Unresolved tag: (.+)$/, (tag) => `无法识别的标签 \`${tag}\``]],
  },
  UNEXPECTED_TOKEN: {
    any: '此处有多余或意外的内容',
    kinds: [
      [/^Unexpected , in (flow map|flow sequence)$/, (name) => `${flow(name ?? '')}中此处不该有逗号 \`,\``],
      [
        /^Unexpected empty item in (flow map|flow sequence)$/,
        (name) => `${flow(name ?? '')}中有空项（两个逗号之间没有值）`,
      ],
      [/^Unexpected (scalar|flow-seq-end|flow-map-end|[\w-]+) at node end$/, () => '值已经结束，此处还有多余的内容'],
      [/^Block scalar header includes extra characters: (.+)$/s, (x) => `\`|\` 或 \`>\` 后面有多余的字符 \`${x}\``],
    ],
  },
};

/**
 * yaml's message (first line, without its trailing position and full stop, lower-cased as the
 * English diagnostics show it) as `detail`, and the same said in Chinese as `detail_zh`.
 */
export function yamlDetail(code: string, message: string): { detail: string; detail_zh: string } {
  const first = message.replace(/\n[\s\S]*$/, '').replace(/ at line \d+, column \d+:?$/, '');
  const words = first.replace(/\.$/, '');
  const en = words.charAt(0).toLowerCase() + words.slice(1);
  const entry = KINDS[code];
  if (!entry) return { detail: en, detail_zh: '这里的内容无法读取' };
  for (const [pattern, zh] of entry.kinds ?? []) {
    const m = pattern.exec(words);
    if (m) return { detail: en, detail_zh: zh(...m.slice(1)) };
  }
  return { detail: en, detail_zh: entry.any };
}
