// commander's own usage errors (an unknown option, a missing value, a choice not offered) in Chinese,
// read off the English commander writes: the Chinese default printed them in English. A message
// that matches none of these is left as commander wrote it.

/** `a, b, c` → `a`、`b`、`c` */
const listed = (items: string) =>
  items
    .split(', ')
    .map((x) => `\`${x}\``)
    .join('、');

/** commander's `(Did you mean --x?)` and `(Did you mean one of --x, --y?)`, as a Chinese aside. */
const suggestion = (s: string | undefined) => (s ? `（是否想用 ${listed(s.replace(/^one of /, ''))}？）` : '');

const RULES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [
    /^error: option '(.+?)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/s,
    (m) => `选项 \`${m[1]}\` 的值 \`${m[2]}\` 无效：可选 ${listed(m[3]!)}`,
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.+?)'\. Allowed choices are (.+)\.$/s,
    (m) => `参数 \`${m[2]}\` 的值 \`${m[1]}\` 无效：可选 ${listed(m[3]!)}`,
  ],
  [/^error: required option '(.+?)' not specified$/, (m) => `缺少必填选项 \`${m[1]}\``],
  [/^error: option '(.+?)' argument missing$/, (m) => `选项 \`${m[1]}\` 缺少值`],
  [/^error: missing required argument '(.+?)'$/, (m) => `缺少参数 \`${m[1]}\``],
  [/^error: unknown option '(.+?)'(?:\n\(Did you mean (.+)\?\))?$/, (m) => `未知选项 \`${m[1]}\`${suggestion(m[2])}`],
  [/^error: unknown command '(.+?)'(?:\n\(Did you mean (.+)\?\))?$/, (m) => `未知命令 \`${m[1]}\`${suggestion(m[2])}`],
  [
    /^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) => `参数过多${m[1] ? `（命令 \`${m[1]}\`）` : ''}：应为 ${m[2]} 个，给了 ${m[3]} 个`,
  ],
];

/** commander's error message in Chinese without its `error: `, or undefined when it is not one of the known ones. */
export function usageErrorZh(message: string): string | undefined {
  const text = message.trimEnd();
  for (const [pattern, zh] of RULES) {
    const m = text.match(pattern);
    if (m) return zh(m);
  }
  return undefined;
}
