// Catalogue part for the language stage (yaml_…, schema_…, policy_…): one entry per code, in code
// order; a code's other phrasings follow it as `code.variant`.

import { defineMessages } from './catalogue.js';

const YAML_SYNTAX_HELP = { en: 'fix the YAML syntax at this position', zh: '请修正此处的 YAML 语法' } as const;
const YAML_INDENT_HELP = {
  en: 'check the indentation: nested keys are indented by two spaces under their parent',
  zh: '请检查缩进：下级键比上级多缩进两个空格',
} as const;
const DEPTH = {
  message: { en: 'values nest more than {depth} levels deep', zh: '内容嵌套超过 {depth} 层' },
  help: {
    en: 'a policy nests a few levels (roles, indicators, conditions): flatten this value',
    zh: '政策一般只嵌套几层（岗位、指标、条件）：请把这里改浅一些',
  },
} as const;
const ALIAS_HELP = {
  en: 'write the repeated values out instead of referring to them with `*`',
  zh: '请把重复的内容直接写出来，不要用 `*` 引用',
} as const;
const DOCS_HELP = { en: 'see docs/policy-language.md', zh: '请参阅 docs/policy-language.md' } as const;

const GRADES_HELP = { en: 'grades of this policy: {grades}', zh: '本政策的等级：{grades}' } as const;
const SCALE_HELP = { en: 'the scale: {scale}', zh: '强制分布的等级：{scale}' } as const;
const UNREACHABLE_HELP = {
  en: 'lower the min, or raise indicator caps, `score.max` or adjustment points',
  zh: '请降低 min，或提高指标上限、`score.max` 或加分',
} as const;
const STEP_BOUND = {
  en: 'step {step} of `{indicator}` has no `{bound}`',
  zh: '`{indicator}` 的第 {step} 档没有 `{bound}`',
} as const;
const STEPS_ORDER = {
  en: 'step {step} of `{indicator}` ({bound} {value}) is out of order after {bound} {previous}',
  zh: '`{indicator}` 的第 {step} 档（{bound} {value}）排在 {bound} {previous} 之后，顺序不对',
} as const;
const TARGET_ORDER = {
  en: '{first} {a} and {second} {b} of `{indicator}` are out of order: {order}',
  zh: '`{indicator}` 的 {first} {a} 和 {second} {b} 顺序不对：应为 {order}',
} as const;
const TARGET_ORDER_LOWER = {
  en: '{first} {a} and {second} {b} of `{indicator}` are out of order: lower is better, so {order}',
  zh: '`{indicator}` 的 {first} {a} 和 {second} {b} 顺序不对：越低越好，应为 {order}',
} as const;
const UNKNOWN_KEY = { en: 'unknown key `{key}` in `{where}`', zh: '`{where}` 中有未知的键 `{key}`' } as const;
const EXPRESSION_HELP = {
  en: 'expressions use metric ids, numbers, + - * / ( ), comparisons, `a ? b : c` and min max abs round floor ceil',
  zh: '公式可用指标编号、数字、+ - * / ( )、比较、`a ? b : c` 以及 min max abs round floor ceil',
} as const;
const EXPRESSION_LIMITS_HELP = {
  en: 'an expression may have at most {max_length} characters, {max_nodes} numbers, names and operators, and {max_arguments} arguments per function: split it into derived metrics',
  zh: '一个公式最多 {max_length} 个字符、{max_nodes} 个数字、名称和运算符，每个函数最多 {max_arguments} 个参数：请拆成几个派生指标',
} as const;
const NOT_FINITE_HELP = {
  en: 'write an ordinary number such as `0.05` or `6000` (YAML reads `.nan`, `.inf`, `-.inf` and numbers beyond about 1e308 as not-a-number or infinity)',
  zh: '请写普通数字，如 `0.05` 或 `6000`（YAML 把 `.nan`、`.inf`、`-.inf` 和超过约 1e308 的数读作非数字或无穷大）',
} as const;

export const language = defineMessages({
  // yaml_…: the YAML reader. Codes named after the yaml library's error codes carry its English text
  // as `{detail}`, and the same said in Chinese as `{detail_zh}` (engine/language/yaml-errors.ts).
  yaml_alias_props: { message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' }, help: YAML_SYNTAX_HELP },
  yaml_bad_alias: { message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' }, help: YAML_SYNTAX_HELP },
  yaml_bad_collection_type: {
    message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' },
    help: YAML_SYNTAX_HELP,
  },
  yaml_bad_directive: { message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' }, help: YAML_SYNTAX_HELP },
  yaml_bad_dq_escape: { message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' }, help: YAML_SYNTAX_HELP },
  yaml_bad_indent: { message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' }, help: YAML_INDENT_HELP },
  'yaml_bad_indent.file': { message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' }, help: YAML_SYNTAX_HELP },
  yaml_bad_prop_order: { message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' }, help: YAML_SYNTAX_HELP },
  yaml_bad_scalar_start: {
    message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' },
    help: YAML_SYNTAX_HELP,
  },
  yaml_block_as_implicit_key: {
    message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' },
    help: YAML_INDENT_HELP,
  },
  'yaml_block_as_implicit_key.file': {
    message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' },
    help: YAML_SYNTAX_HELP,
  },
  yaml_block_in_flow: {
    message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' },
    help: YAML_SYNTAX_HELP,
  },
  yaml_duplicate_key: {
    message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' },
    help: {
      en: 'each key may appear once in a mapping: rename or remove one of them',
      zh: '一个映射里每个键只能出现一次：请改名或删掉其中一个',
    },
  },
  'yaml_duplicate_key.file': {
    message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' },
    help: YAML_SYNTAX_HELP,
  },
  yaml_impossible: { message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' }, help: YAML_SYNTAX_HELP },
  yaml_key_over_1024_chars: {
    message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' },
    help: YAML_SYNTAX_HELP,
  },
  yaml_line_too_long: {
    message: {
      en: 'line {line} has {length} characters, more than the {limit} a line may have',
      zh: '第 {line} 行有 {length} 个字符，超过每行上限 {limit}',
    },
    help: { en: 'break the value over several lines, or shorten it', zh: '请把内容拆成多行，或写短一些' },
  },
  yaml_missing_char: { message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' }, help: YAML_INDENT_HELP },
  'yaml_missing_char.file': { message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' }, help: YAML_SYNTAX_HELP },
  yaml_merge_key: {
    message: {
      en: 'the merge key `<<` is not part of the policy language: YAML readers disagree on it (YAML 1.1 copies the keys, YAML 1.2 reads a key named `<<`)',
      zh: '合并键 `<<` 不属于政策语言：不同的 YAML 读取程序对它理解不同（YAML 1.1 复制键，YAML 1.2 读作名为 `<<` 的键）',
    },
    help: {
      en: 'write the keys out in this mapping (an alias `*name` for a whole value is fine)',
      zh: '请在这个映射里把键逐一写出（用别名 `*name` 引用整个值是可以的）',
    },
  },
  yaml_multiline_implicit_key: {
    message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' },
    help: YAML_INDENT_HELP,
  },
  'yaml_multiline_implicit_key.file': {
    message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' },
    help: YAML_SYNTAX_HELP,
  },
  yaml_multiple_anchors: {
    message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' },
    help: YAML_SYNTAX_HELP,
  },
  // yaml's own text here ("please use YAML.parseAllDocuments()") addresses programmers
  yaml_multiple_docs: {
    message: {
      en: 'the file holds a second YAML document from here: a line `---` (or `...`) ends the first',
      zh: '文件从这里开始是第二个 YAML 文档：`---`（或 `...`）这一行结束了第一个文档',
    },
    help: {
      en: 'a file holds one document: remove the `---` line, or move what follows it to a file of its own',
      zh: '一个文件只能有一个文档：请删掉 `---` 这一行，或把其后的内容移到单独的文件',
    },
  },
  yaml_merge_conflict: {
    message: {
      en: 'the file holds an unresolved git merge conflict: `{open}` on line {line} begins it, `{close}` on line {end} ends it',
      zh: '文件中有未解决的 git 合并冲突：第 {line} 行的 `{open}` 开始，第 {end} 行的 `{close}` 结束',
    },
    help: {
      en: 'keep one side of each conflict (or combine them) and delete the `{open}`, `{middle}` and `{close}` lines; `yardstick diff --base HEAD` then shows what the merge changed',
      zh: '请在每处冲突中保留一方（或合并两方），并删除 `{open}`、`{middle}`、`{close}` 这几行；之后可用 `yardstick diff --base HEAD` 查看合并带来的改动',
    },
  },
  'yaml_merge_conflict.diff3': {
    message: {
      en: 'the file holds an unresolved git merge conflict: `{open}` on line {line} begins it, `{close}` on line {end} ends it',
      zh: '文件中有未解决的 git 合并冲突：第 {line} 行的 `{open}` 开始，第 {end} 行的 `{close}` 结束',
    },
    help: {
      en: 'keep one side of each conflict (or combine them) and delete the `{open}`, `{middle}` and `{close}` lines, and the `{base_marker}` line with the original lines below it up to `{middle}`; `yardstick diff --base HEAD` then shows what the merge changed',
      zh: '请在每处冲突中保留一方（或合并两方），删除 `{open}`、`{middle}`、`{close}` 这几行，并删除 `{base_marker}` 这一行及其下方直到 `{middle}` 的原始内容；之后可用 `yardstick diff --base HEAD` 查看合并带来的改动',
    },
  },
  yaml_multiple_tags: { message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' }, help: YAML_SYNTAX_HELP },
  yaml_non_string_key: { message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' }, help: YAML_SYNTAX_HELP },
  yaml_not_a_mapping: {
    message: {
      en: 'a policy file must be a mapping of keys such as `policy:`, `metrics:` and `roles:`',
      zh: '政策文件应由 `policy:`、`metrics:`、`roles:` 等键组成',
    },
    help: {
      en: 'start the file with `policy: my-policy-id` and see docs/policy-language.md',
      zh: '请以 `policy: my-policy-id` 开头，并参阅 docs/policy-language.md',
    },
  },
  yaml_resource_exhaustion: {
    message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' },
    help: YAML_SYNTAX_HELP,
  },
  yaml_tab_as_indent: {
    message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' },
    help: { en: 'indent with spaces, not tabs', zh: '请用空格缩进，不要用制表符' },
  },
  'yaml_tab_as_indent.file': { message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' }, help: YAML_SYNTAX_HELP },
  yaml_tag: {
    message: {
      en: 'the tag `{tag}` is not part of the policy language: a value means what it shows',
      zh: '标签 `{tag}` 不属于政策语言：值按写出来的样子读取',
    },
    help: {
      en: 'remove `{tag}`: write a number as it is (`4000`) and text that looks like a number in quotes (`"10"`)',
      zh: '请删掉 `{tag}`：数字直接写（`4000`），像数字的文字加引号（`"10"`）',
    },
  },
  yaml_tag_resolve_failed: { message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' }, help: YAML_SYNTAX_HELP },
  yaml_too_deep: DEPTH,
  yaml_too_many_aliases: {
    message: {
      en: 'more than {limit} aliases (`*name`) in one file',
      zh: '一个文件中的别名（`*name`）超过 {limit} 个',
    },
    help: ALIAS_HELP,
  },
  'yaml_too_many_aliases.expansion': {
    message: { en: 'the aliases (`*name`) expand to too many values', zh: '别名（`*name`）展开后的内容过多' },
    help: ALIAS_HELP,
  },
  yaml_unknown_alias: {
    message: {
      en: 'the alias `*{name}` refers to no anchor `&{name}` written before it',
      zh: '别名 `*{name}` 找不到写在它前面的锚点 `&{name}`',
    },
    help: {
      en: 'check the spelling of the alias, or write `&{name}` on the value it stands for, above it',
      zh: '请检查别名的拼写，或在它前面、它所代表的值上写 `&{name}`',
    },
  },
  yaml_unexpected_token: {
    message: { en: '{detail}', zh: 'YAML 语法有误：{detail_zh}' },
    help: YAML_SYNTAX_HELP,
  },
  yaml_unquoted_expression: {
    message: {
      en: 'the formula `{text}` is read as a key and a value: YAML takes `: ` as the end of a key',
      zh: '公式 `{text}` 被读成了键和值：YAML 把 `: ` 当作键的结尾',
    },
    help: { en: 'quote the expression: `"{text}"`', zh: '请给公式加引号：`"{text}"`' },
  },
  'yaml_unquoted_expression.comma': {
    message: {
      en: 'the formula is cut at a comma and reads `{cut}`: inside `{ … }` YAML takes a comma as the end of a value',
      zh: '公式在逗号处被截断，只剩 `{cut}`：在 `{ … }` 里，YAML 把逗号当作值的结尾',
    },
    help: { en: 'quote the expression: `"{text}"`', zh: '请给公式加引号：`"{text}"`' },
  },

  // schema_…: the policy against schemas/policy.schema.json. A help from the schema's own
  // (bilingual) description replaces the catalogue help.
  schema_bad_id: {
    message: { en: '`{name}` in `{where}` is not a valid id', zh: '`{where}` 中的 `{name}` 不是有效的编号' },
    help: {
      en: 'ids start with a lowercase letter and use lowercase letters, digits and underscores, e.g. `follower_growth`',
      zh: '编号以小写字母开头，只用小写字母、数字和下划线，如 `follower_growth`',
    },
  },
  'schema_bad_id.stage_title': {
    message: {
      en: '`{name}` in `{where}` is the title of the stage `{stage}`: a weight names its stage by id',
      zh: '`{where}` 中的 `{name}` 是阶段 `{stage}` 的名称：权重要用阶段的编号',
    },
    help: { en: 'write `{stage}:` for `{name}:`', zh: '请把 `{name}:` 写成 `{stage}:`' },
  },
  schema_const: { message: { en: '`{where}` {detail}', zh: '`{where}` 的值不符合要求（{detail}）' }, help: DOCS_HELP },
  schema_enum: {
    message: {
      en: '`{where}` must be one of {allowed}, not `{value}`',
      zh: '`{where}` 只能是 {allowed} 之一，不能是 `{value}`',
    },
    help: { en: 'pick one of the allowed values', zh: '请从允许的值中选一个' },
  },
  schema_missing_key: {
    message: { en: '`{where}` is missing required key `{key}`', zh: '`{where}` 缺少必填键 `{key}`' },
    help: { en: 'add `{key}:`', zh: '请添加 `{key}:`' },
  },
  // the key's own description from the schema (in Chinese and English) after the instruction
  'schema_missing_key.described': {
    message: { en: '`{where}` is missing required key `{key}`', zh: '`{where}` 缺少必填键 `{key}`' },
    help: { en: 'add `{key}:` — {description}', zh: '请添加 `{key}:` — {description}' },
  },
  'schema_missing_key.one_of': {
    message: { en: '`{where}` needs at least one of `{keys}`', zh: '`{where}` 至少需要 `{keys}` 中的一个' },
    help: { en: 'add one of `{keys}`', zh: '请添加 `{keys}` 中的一个' },
  },
  schema_not: { message: { en: '`{where}` is not allowed here', zh: '此处不允许 `{where}`' }, help: DOCS_HELP },
  schema_pattern: {
    message: { en: '`{value}` is not a valid value for `{where}`', zh: '`{value}` 不是 `{where}` 的有效值' },
    help: { en: 'it must match {pattern}', zh: '应符合格式 {pattern}' },
  },
  schema_range: { message: { en: '`{where}` {detail}', zh: '`{where}` 超出允许范围（{detail_zh}）' }, help: DOCS_HELP },
  schema_reserved_name: {
    message: { en: '`{name}` in `{where}` is a reserved name', zh: '`{where}` 中的 `{name}` 是保留名称' },
    help: {
      en: 'choose another name: {reserved} are reserved (docs/policy-language.md, reserved names)',
      zh: '请换一个名称：{reserved} 是保留名称（见 docs/policy-language.md 的“保留名称”）',
    },
  },
  schema_shape: {
    message: { en: '`{where}` does not have a recognised shape', zh: '`{where}` 的写法无法识别' },
    help: DOCS_HELP,
  },
  schema_type: {
    message: { en: '`{where}` must be a {type}, not `{value}`', zh: '`{where}` 的类型应为 {type}，不能是 `{value}`' },
    help: DOCS_HELP,
  },
  'schema_type.object': {
    message: {
      en: '`{where}` must be a mapping, not `{value}`',
      zh: '`{where}` 应为映射（`key: value` 的形式），不能是 `{value}`',
    },
    help: DOCS_HELP,
  },
  'schema_type.array': {
    message: { en: '`{where}` must be a list, not `{value}`', zh: '`{where}` 应为列表，不能是 `{value}`' },
    help: DOCS_HELP,
  },
  'schema_type.string': {
    message: { en: '`{where}` must be a string, not `{value}`', zh: '`{where}` 应为文字，不能是 `{value}`' },
    help: DOCS_HELP,
  },
  'schema_type.number': {
    message: { en: '`{where}` must be a number, not `{value}`', zh: '`{where}` 应为数字，不能是 `{value}`' },
    help: DOCS_HELP,
  },
  'schema_type.quoted_number': {
    message: {
      en: '`{where}` must be a number, not the text `"{value}"`',
      zh: '`{where}` 应为数字，不能是加了引号的文字 `"{value}"`',
    },
    help: {
      en: 'remove the quotes: write `{value}` (YAML reads a quoted number as text)',
      zh: '去掉引号，写成 `{value}`（YAML 会把加了引号的数字读成文字）',
    },
  },
  'schema_type.full_width_number': {
    message: {
      en: '`{where}` must be a number, not `{value}`, written in full-width digits (YAML reads it as text)',
      zh: '`{where}` 应为数字，不能是全角数字 `{value}`（YAML 会把它读成文字）',
    },
    help: { en: 'write `{number}` in half-width digits', zh: '请用半角数字写成 `{number}`' },
  },
  'schema_type.percent_text': {
    message: {
      en: '`{where}` must be a number, not `{value}`',
      zh: '`{where}` 应为数字，不能是 `{value}`',
    },
    help: {
      en: 'a policy writes ratios as decimals (`{value}` is `{decimal}`) and weights and points as plain numbers (`40`, not `40%`)',
      zh: '政策中的比率写成小数（`{value}` 即 `{decimal}`），权重和分数写成普通数字（写 `40`，不写 `40%`）',
    },
  },
  'schema_type.integer': {
    message: { en: '`{where}` must be a whole number, not `{value}`', zh: '`{where}` 应为整数，不能是 `{value}`' },
    help: DOCS_HELP,
  },
  'schema_type.boolean': {
    message: { en: '`{where}` must be a boolean, not `{value}`', zh: '`{where}` 应为 true 或 false，不能是 `{value}`' },
    help: DOCS_HELP,
  },
  'schema_type.version': {
    message: {
      en: '`version` must be text such as `1.0.0`, not a number',
      zh: '`version` 应写成 `1.0.0` 这样的文字，不能是数字',
    },
    help: {
      en: 'write three numbers: `version: 1.0.0` (YAML reads `1.0` as a number)',
      zh: '请写三段数字：`version: 1.0.0`（YAML 会把 `1.0` 读成数字）',
    },
  },
  schema_uniqueitems: {
    message: { en: '`{where}` {detail}', zh: '`{where}` 中有重复项（{detail_zh}）' },
    help: DOCS_HELP,
  },
  schema_unknown_key: {
    message: UNKNOWN_KEY,
    help: { en: 'allowed keys: {allowed}', zh: '允许的键：{allowed}' },
  },
  'schema_unknown_key.near': {
    message: UNKNOWN_KEY,
    help: { en: 'did you mean `{near}`? allowed keys: {allowed}', zh: '是不是想写 `{near}`？允许的键：{allowed}' },
  },

  // policy_…: the policy's meaning (engine/language/check.ts, numbers.ts).
  policy_calibration_map: {
    message: {
      en: 'the calibration scale differs from the grades but has no `map`',
      zh: '强制分布的等级与政策的等级不同，但没有写 `map`',
    },
    help: {
      en: 'say which scale grade each grade starts at, e.g. `map: { {example} }`',
      zh: '请写明每个等级对应的分布等级，如 `map: { {example} }`',
    },
  },
  'policy_calibration_map.missing': {
    message: {
      en: 'the calibration `map` does not say where grade `{grade}` goes on the scale ({scale})',
      zh: '强制分布的 `map` 没有写等级 `{grade}` 对应哪个分布等级（{scale}）',
    },
    help: {
      en: 'map every grade to a scale grade, e.g. `{example}`',
      zh: '请为每个等级写明对应的分布等级，如 `{example}`',
    },
  },
  policy_default_out_of_range: {
    message: {
      en: 'the default {value} of `{metric}` lies outside what it can be (its range, {min} to {max}): an empty cell would be read as a value no cell may hold',
      zh: '`{metric}` 的默认值 {value} 超出它可能的取值（其 range，{min} 到 {max}）：空单元格会被读成任何单元格都不允许的值',
    },
    help: {
      en: 'write a default within the range, or widen the `range`',
      zh: '请把默认值写在 range 之内，或放宽 `range`',
    },
  },
  'policy_default_out_of_range.derived': {
    message: {
      en: 'the default {value} of `{metric}` lies outside its range ({min} to {max}): a record whose value cannot be computed would take a value the range refuses',
      zh: '`{metric}` 的默认值 {value} 超出它的 range（{min} 到 {max}）：无法计算的记录会取到 range 不允许的值',
    },
    help: {
      en: 'write a default within the range, or widen the `range`',
      zh: '请把默认值写在 range 之内，或放宽 `range`',
    },
  },
  'policy_default_out_of_range.ratio': {
    message: {
      en: 'the default {value} of `{metric}` lies outside what it can be (a ratio, 0 to 1): an empty cell would be read as {percent}',
      zh: '`{metric}` 的默认值 {value} 超出它可能的取值（比率，0 到 1）：空单元格会被读成 {percent}',
    },
    help: {
      en: 'a policy writes a ratio as a fraction, whatever `ratio_format` the data uses: 30 % is 0.3; a ratio that can exceed 100 % states its `range`',
      zh: '政策中的比率一律写小数，与数据的 `ratio_format` 无关：30% 写作 0.3；可能超过 100% 的比率请写明 `range`',
    },
  },
  'policy_default_out_of_range.count': {
    message: {
      en: 'the default {value} of `{metric}` is not a count (a whole number, 0 or more): no cell may hold it',
      zh: '`{metric}` 的默认值 {value} 不是次数（不小于 0 的整数）：任何单元格都不允许这个值',
    },
    help: { en: 'write a whole number, 0 or more', zh: '请写不小于 0 的整数' },
  },
  policy_derived_cycle: {
    message: {
      en: 'derived metrics depend on each other in a cycle: {cycle}',
      zh: '派生指标互相依赖，形成循环：{cycle}',
    },
    help: {
      en: 'break the cycle: one of them must be computed from plain metrics',
      zh: '请打破循环：其中一个须由普通指标算出',
    },
  },
  policy_duplicate_id: {
    message: { en: '`{id}` is both a metric and a derived metric', zh: '`{id}` 既是指标又是派生指标' },
    help: { en: 'rename one of them', zh: '请把其中一个改名' },
  },
  'policy_duplicate_id.escalated': {
    message: {
      en: 'trigger `{id}` has the id the escalation of improvement plan `{plan}` adds to a scorecard',
      zh: '触发规则 `{id}` 与改进计划 `{plan}` 升级时加在结果上的触发同名',
    },
    help: {
      en: 'an unmet plan of `{plan}` adds the exit review `{id}`: rename this trigger',
      zh: '`{plan}` 期满未达标时会加上调岗或退出评估 `{id}`：请给这条触发规则改名',
    },
  },
  'policy_duplicate_id.grade': {
    message: { en: 'grade `{grade}` is listed twice', zh: '等级 `{grade}` 写了两次' },
    help: { en: 'give every grade its own name', zh: '每个等级用不同的名称' },
  },
  'policy_duplicate_id.grade_spelling': {
    message: {
      en: 'grade `{grade}` differs from grade `{other}` only in width, spaces or letter case',
      zh: '等级 `{grade}` 与等级 `{other}` 只差全角半角、空格或大小写',
    },
    help: {
      en: 'they read as one grade on a statement: give every grade a name of its own',
      zh: '在绩效说明上看起来是同一个等级：每个等级用明显不同的名称',
    },
  },
  'policy_duplicate_id.tier': {
    message: { en: 'tier `{tier}` is listed twice', zh: '档位 `{tier}` 写了两次' },
    help: { en: 'give every tier its own id', zh: '每个档位用不同的编号' },
  },
  policy_duplicate_label: {
    message: {
      en: 'column name `{label}` is used by both `{other}` and `{id}`',
      zh: '列名 `{label}` 同时被 `{other}` 和 `{id}` 使用',
    },
    help: {
      en: 'give each metric its own label and aliases so data columns map to one metric',
      zh: '每个指标用各自的名称和别名，让每一列只对应一个指标',
    },
  },
  'policy_duplicate_label.derived': {
    message: {
      en: 'derived metric `{id}` is labelled `{label}`, a name `{other}` already has',
      zh: '派生指标 `{id}` 的名称 `{label}` 已是 `{other}` 的名称',
    },
    help: {
      en: 'explanations and statements would show two different values under one name: give the derived metric a label of its own',
      zh: '说明和结果通知中两个不同的数值会用同一个名称：请给派生指标另起一个名称',
    },
  },
  policy_duplicate_team_name: {
    message: {
      en: 'team name `{name}` is used by both `{other}` and `{id}`',
      zh: '团队名 `{name}` 同时被 `{other}` 和 `{id}` 使用',
    },
    help: {
      en: 'each title and alias must name one team (width, spaces and letter case do not count as a difference): remove it from one of them',
      zh: '每个名称和别名只能指一个团队（全角半角、空格和大小写不算区别）：请从其中一个删掉',
    },
  },
  policy_ambiguous_name: {
    message: {
      en: 'role name `{name}` is used by both `{other}` and `{id}`',
      zh: '岗位名 `{name}` 同时被 `{other}` 和 `{id}` 使用',
    },
    help: {
      en: 'the data names a role by its id or title, and width, invisible characters and letter case do not count as a difference: give each role its own title',
      zh: '数据按编号或名称识别岗位，全角半角、不可见字符和大小写不算区别：请给每个岗位不同的名称',
    },
  },
  'policy_ambiguous_name.stage': {
    message: {
      en: 'stage name `{name}` is used by both `{other}` and `{id}`',
      zh: '阶段名 `{name}` 同时被 `{other}` 和 `{id}` 使用',
    },
    help: {
      en: 'the data names a stage by its id or title, and width, invisible characters and letter case do not count as a difference: give each stage its own title',
      zh: '数据按编号或名称识别阶段，全角半角、不可见字符和大小写不算区别：请给每个阶段不同的名称',
    },
  },
  policy_empty_team_name: {
    message: { en: 'a name of team `{id}` is only spaces', zh: '团队 `{id}` 有一个名称只有空格' },
    help: { en: 'write the team name as the data writes it', zh: '请按数据里的写法填写团队名' },
  },
  // {detail}: the expression reader's (jsep's) own words
  policy_expression_syntax: {
    message: { en: 'cannot read expression `{text}`: {detail}', zh: '无法读取公式 `{text}`：{detail}' },
    help: EXPRESSION_HELP,
  },
  'policy_expression_syntax.literal': {
    message: {
      en: 'cannot read expression `{text}`: only numbers are allowed, not `{literal}`',
      zh: '无法读取公式 `{text}`：公式里只能写数字，不能写 `{literal}`',
    },
    help: EXPRESSION_HELP,
  },
  'policy_expression_syntax.number_too_large': {
    message: {
      en: 'cannot read expression `{text}`: number `{number}` is too large to be exact (at most 9007199254740991)',
      zh: '无法读取公式 `{text}`：数字 `{number}` 太大，无法精确计算（最大为 9007199254740991）',
    },
    help: EXPRESSION_HELP,
  },
  'policy_expression_syntax.operator': {
    message: {
      en: 'cannot read expression `{text}`: operator `{operator}` is not allowed',
      zh: '无法读取公式 `{text}`：不能使用运算符 `{operator}`',
    },
    help: EXPRESSION_HELP,
  },
  'policy_expression_syntax.divide_by_zero': {
    message: {
      en: 'cannot read expression `{text}`: `{operator} 0` divides by zero for every record',
      zh: '无法读取公式 `{text}`：`{operator} 0` 对每个人都是除以零',
    },
    help: EXPRESSION_HELP,
  },
  'policy_expression_syntax.percent': {
    message: {
      en: 'cannot read expression `{text}`: `%` is the remainder of a division, not percent: write 80% as 0.8',
      zh: '无法读取公式 `{text}`：`%` 是除法的余数，不是百分比：80% 请写成 0.8',
    },
    help: EXPRESSION_HELP,
  },
  'policy_expression_syntax.chained_comparison': {
    message: {
      en: 'cannot read expression `{text}`: comparisons do not chain: write `60 <= score && score < 80`',
      zh: '无法读取公式 `{text}`：比较不能连写：请写成 `60 <= score && score < 80`',
    },
    help: EXPRESSION_HELP,
  },
  'policy_expression_syntax.round_digits': {
    message: {
      en: 'cannot read expression `{text}`: `round` takes a whole number of digits, not {digits}',
      zh: '无法读取公式 `{text}`：`round` 的位数必须是整数，不能是 {digits}',
    },
    help: EXPRESSION_HELP,
  },
  'policy_expression_syntax.callee': {
    message: {
      en: 'cannot read expression `{text}`: only named functions can be called',
      zh: '无法读取公式 `{text}`：只能调用有名称的函数',
    },
    help: EXPRESSION_HELP,
  },
  'policy_expression_syntax.unknown_function': {
    message: {
      en: 'cannot read expression `{text}`: unknown function `{name}`; known: {functions}',
      zh: '无法读取公式 `{text}`：没有函数 `{name}`；可用的函数：{functions}',
    },
    help: EXPRESSION_HELP,
  },
  'policy_expression_syntax.arity': {
    message: {
      en: 'cannot read expression `{text}`: `{name}` takes {count} argument(s), got {given}',
      zh: '无法读取公式 `{text}`：`{name}` 需要 {count} 个参数，这里有 {given} 个',
    },
    help: EXPRESSION_HELP,
  },
  'policy_expression_syntax.arity_range': {
    message: {
      en: 'cannot read expression `{text}`: `{name}` takes {min} to {max} argument(s), got {given}',
      zh: '无法读取公式 `{text}`：`{name}` 需要 {min} 到 {max} 个参数，这里有 {given} 个',
    },
    help: EXPRESSION_HELP,
  },
  'policy_expression_syntax.arity_open': {
    message: {
      en: 'cannot read expression `{text}`: `{name}` takes {min} to any number of argument(s), got {given}',
      zh: '无法读取公式 `{text}`：`{name}` 至少需要 {min} 个参数，这里有 {given} 个',
    },
    help: EXPRESSION_HELP,
  },
  'policy_expression_syntax.node_type': {
    message: {
      en: 'cannot read expression `{text}`: `{type}` is not allowed in an expression',
      zh: '无法读取公式 `{text}`：公式里不能使用 `{type}`',
    },
    help: EXPRESSION_HELP,
  },
  policy_expression_too_large: {
    message: {
      en: 'the expression has {length} characters, more than the {max_length} an expression may have',
      zh: '公式有 {length} 个字符，超过上限 {max_length} 个',
    },
    help: EXPRESSION_LIMITS_HELP,
  },
  'policy_expression_too_large.depth': {
    message: { en: 'the expression nests too deeply to read', zh: '公式嵌套太深，无法读取' },
    help: EXPRESSION_LIMITS_HELP,
  },
  'policy_expression_too_large.nodes': {
    message: {
      en: 'the expression has more than {max_nodes} numbers, names and operators',
      zh: '公式中的数字、名称和运算符超过 {max_nodes} 个',
    },
    help: EXPRESSION_LIMITS_HELP,
  },
  'policy_expression_too_large.arguments': {
    message: {
      en: '`{name}` has {count} arguments, more than the {max_arguments} a function may take',
      zh: '`{name}` 有 {count} 个参数，超过每个函数的上限 {max_arguments} 个',
    },
    help: EXPRESSION_LIMITS_HELP,
  },
  policy_fact_not_available: {
    message: {
      en: 'fact `{fact}` is not known yet when {where} run',
      zh: '`{where}` 在评分和定级之前运行，那时还没有 `{fact}`',
    },
    help: {
      en: 'holds and adjustments run before scoring and grading; use `{fact}` in a trigger, or base the rule on `base_score` or a metric',
      zh: '暂扣和加减分在评分、定级之前运行：请在触发动作中使用 `{fact}`，或改用 `base_score` 或某个指标',
    },
  },
  policy_grade_unreachable: {
    message: {
      en: 'grade `{grade}` needs {min} points but no employee can score more than {max}',
      zh: '等级 `{grade}` 需要 {min} 分，但任何人最多只能得 {max} 分',
    },
    help: UNREACHABLE_HELP,
  },
  policy_grades_cover_zero: {
    message: {
      en: 'the last grade `{grade}` starts at {min}, so scores below {min} get no grade',
      zh: '最后一个等级 `{grade}` 从 {min} 分起，低于 {min} 分的人没有等级',
    },
    help: { en: 'end the grade table with `min: 0`', zh: '请让等级表以 `min: 0` 结尾' },
  },
  policy_grades_order: {
    message: {
      en: 'grade `{grade}` (min {min}) must have a lower min than `{previous}` (min {previous_min})',
      zh: '等级 `{grade}`（min {min}）的 min 应低于 `{previous}`（min {previous_min}）',
    },
    help: {
      en: 'list grades from the best down with strictly decreasing `min`: the first match applies',
      zh: '请从最好的等级往下排，`min` 逐个递减：按第一个符合的等级算',
    },
  },
  policy_lower_needs_threshold: {
    message: {
      en: 'lower-is-better indicator `{indicator}` needs a `threshold`',
      zh: '越低越好的指标 `{indicator}` 需要 `threshold`',
    },
    help: {
      en: 'add the worst value that still scores 60 points, e.g. `threshold: 0.15` for a return rate with target 0.10',
      zh: '请填写仍得 60 分的最差值，如退货率目标 0.10 时写 `threshold: 0.15`',
    },
  },
  policy_missing_param: {
    message: { en: 'fact `{fact}` needs `params: { {param}: … }`', zh: '`{fact}` 需要 `params: { {param}: … }`' },
    help: { en: 'e.g. `params: { {param}: C }`', zh: '如 `params: { {param}: C }`' },
  },
  'policy_missing_param.indicator': {
    message: { en: 'fact `{fact}` needs `params: { {param}: … }`', zh: '`{fact}` 需要 `params: { {param}: … }`' },
    help: {
      en: 'e.g. `params: { indicator: completion, level: target }`: an indicator by its path from the role, a level of threshold, target or challenge',
      zh: '如 `params: { indicator: completion, level: target }`：指标按从岗位开始的路径写，level 为 threshold、target 或 challenge',
    },
  },
  policy_missing_target: {
    message: {
      en: 'indicator `{indicator}` has a threshold but no target',
      zh: '指标 `{indicator}` 有 threshold 但没有 target',
    },
    help: { en: 'add `target:`', zh: '请添加 `target:`' },
  },
  policy_number_not_finite: {
    message: {
      en: '`{written}` is not a number: a policy can only use finite numbers',
      zh: '`{written}` 不是数字：政策只能使用有限的数字',
    },
    help: NOT_FINITE_HELP,
  },
  'policy_number_not_finite.infinite': {
    message: {
      en: '`{written}` is infinite: a policy can only use finite numbers',
      zh: '`{written}` 是无穷大：政策只能使用有限的数字',
    },
    help: NOT_FINITE_HELP,
  },
  policy_number_ambiguous: {
    message: {
      en: '`{written}` is not a plain decimal number: YAML readers disagree on what it is (`0x` is hexadecimal, `0o` octal, and a leading 0 octal to YAML 1.1 readers)',
      zh: '`{written}` 不是普通的十进制数：不同的 YAML 读取程序对它理解不同（`0x` 是十六进制，`0o` 是八进制，开头的 0 在 YAML 1.1 中表示八进制）',
    },
    help: {
      en: 'write it in decimal without leading zeros: `{decimal}` if that is the number meant',
      zh: '请写成不带前导 0 的十进制数：如果指的是 `{decimal}`，就写 `{decimal}`',
    },
  },
  policy_number_inexact: {
    message: {
      en: '`{written}` has more digits than a number can hold exactly: it would be read as {read}',
      zh: '`{written}` 的有效数字太多，无法精确保存：会被读作 {read}',
    },
    help: {
      en: 'write {read} if that is what is meant; a policy number keeps at most 15–17 significant digits',
      zh: '如果本意是 {read}，请直接写 {read}；政策中的数字最多保留 15–17 位有效数字',
    },
  },
  policy_number_too_large: {
    message: {
      en: '`{written}` is too large to be exact: numbers in a policy are at most 9007199254740991 (2^53 − 1)',
      zh: '`{written}` 太大，无法精确计算：政策中的数字最大为 9007199254740991（2^53 − 1）',
    },
    help: {
      en: 'write a realistic figure; money is limited to ¥{money_limit} per person',
      zh: '请写合理的数字；每人金额上限为 ¥{money_limit}',
    },
  },
  policy_plan_without_close_when: {
    message: {
      en: 'improvement plan `{id}` has no `close_when`: it closes as soon as its `when` no longer holds',
      zh: '改进计划 `{id}` 没有 `close_when`：一旦 `when` 不再成立就会关闭',
    },
    help: {
      en: 'say when the plan is met, e.g. `close_when: {default}` (the default) or `close_when: { all: [ { fact: attainment, operator: greaterThanInclusive, value: 0.9 } ] }`',
      zh: '请写明计划何时达成，如 `close_when: {default}`（默认）或 `close_when: { all: [ { fact: attainment, operator: greaterThanInclusive, value: 0.9 } ] }`',
    },
  },
  policy_quota_impossible: {
    message: {
      en: 'the quota for `{grade}` asks for at least {min} but at most {max}',
      zh: '`{grade}` 的比例要求至少 {min}，却又至多 {max}',
    },
    help: { en: 'make min no larger than max', zh: '请让 min 不大于 max' },
  },
  'policy_quota_impossible.min_sum': {
    message: {
      en: 'the minimum shares add up to {percent}%, more than everyone',
      zh: '各等级的最低比例合计 {percent}%，超过全部人数',
    },
    help: { en: 'lower the `min` shares so they add up to 100% or less', zh: '请降低 `min` 比例，使合计不超过 100%' },
  },
  'policy_quota_impossible.max_sum': {
    message: {
      en: 'the maximum shares add up to {percent}%, so not everyone can be placed',
      zh: '各等级的最高比例合计 {percent}%，有人无法分到等级',
    },
    help: {
      en: 'leave one grade (usually the middle one) without a `max`, or raise the maxima',
      zh: '请让一个等级（通常是中间等级）不设 `max`，或提高最高比例',
    },
  },
  'policy_quota_impossible.last_max': {
    message: {
      en: '`{grade}` is the lowest grade of the scale, so its `max` can never be applied: forced distribution only moves people down',
      zh: '`{grade}` 是分布中最低的等级，它的 `max` 永远无法执行：强制分布只会把人往下调',
    },
    help: {
      en: 'remove the `max` of `{grade}`, or set a `min` on the grades above it',
      zh: '请删除 `{grade}` 的 `max`，或给它上面的等级设 `min`',
    },
  },
  'policy_quota_impossible.first_min': {
    message: {
      en: '`{grade}` is the highest grade of the scale, so its `min` can never be applied: forced distribution only moves people down',
      zh: '`{grade}` 是分布中最高的等级，它的 `min` 永远无法执行：强制分布只会把人往下调',
    },
    help: {
      en: 'remove the `min` of `{grade}`, or set a `max` on the grades below it',
      zh: '请删除 `{grade}` 的 `min`，或给它下面的等级设 `max`',
    },
  },
  'policy_rating_needs_range.max': {
    message: {
      en: 'rating indicator `{indicator}` scores `{metric}` out of its range maximum {max}, which is not above 0',
      zh: '评分制指标 `{indicator}` 以 `{metric}` 范围的最大值 {max} 为满分，但它不大于 0',
    },
    help: {
      en: 'give `{metric}` a range whose maximum is the full mark, such as `range: [0, 100]` or `range: [0, 5]`',
      zh: '请给 `{metric}` 写以最大值为满分的范围，如 `range: [0, 100]` 或 `range: [0, 5]`',
    },
  },
  policy_range_order: {
    message: {
      en: '`{id}`: `range: [{min}, {max}]` has its minimum above its maximum',
      zh: '`{id}`：`range: [{min}, {max}]` 的最小值大于最大值',
    },
    help: {
      en: 'write the range as [minimum, maximum]: `range: [{max}, {min}]`',
      zh: '范围写作 [最小, 最大]：`range: [{max}, {min}]`',
    },
  },
  policy_ratio_range_percent: {
    message: {
      en: '`{id}` is a ratio, which a policy writes as a fraction (0.3 is 30 %): `range: [{min}, {max}]` reads as percent points, so a threshold such as 30 could mean 30 % or 3000 %',
      zh: '`{id}` 是比率，政策中比率写作小数（0.3 即 30%）：`range: [{min}, {max}]` 像是按百分数写的，门槛写 30 既可能是 30% 也可能是 3000%',
    },
    help: {
      en: 'write the range and every threshold as fractions: `range: [{fmin}, {fmax}]`',
      zh: '范围和各门槛都写成小数：`range: [{fmin}, {fmax}]`',
    },
  },
  policy_rating_needs_range: {
    message: {
      en: 'rating indicator `{indicator}` scores `{metric}`, which has no `range`',
      zh: '评分制指标 `{indicator}` 使用的 `{metric}` 没有 `range`',
    },
    help: {
      en: 'give `{metric}` (a metric or a derived metric) a range such as `range: [0, 100]` or `range: [0, 5]`: its maximum is the full mark',
      zh: '请给 `{metric}`（指标或派生指标）写范围，如 `range: [0, 100]` 或 `range: [0, 5]`：最大值即满分',
    },
  },
  policy_reserved_id: {
    message: { en: '`{id}` is a built-in name and cannot be a metric id', zh: '`{id}` 是内置名称，不能用作指标编号' },
    help: { en: 'rename the metric, e.g. `{id}_value`', zh: '请给指标改名，如 `{id}_value`' },
  },
  policy_step_bound: {
    message: STEP_BOUND,
    help: { en: 'steps give `min`, from the highest down', zh: '每档写 `min`，从高到低排列' },
  },
  'policy_step_bound.lower': {
    message: STEP_BOUND,
    help: {
      en: 'steps of a lower-is-better indicator give `max`, from the lowest up',
      zh: '越低越好的指标每档写 `max`，从低到高排列',
    },
  },
  policy_steps_order: {
    message: STEPS_ORDER,
    help: {
      en: 'order steps by `min` from the highest down: the first match scores',
      zh: '请按 `min` 从高到低排列：按第一个符合的档计分',
    },
  },
  'policy_steps_order.lower': {
    message: STEPS_ORDER,
    help: { en: 'order steps by `max` from the lowest up', zh: '请按 `max` 从低到高排列' },
  },
  policy_steps_overlap: {
    message: {
      en: 'steps {step} and {next} of `{indicator}` both start at {value}',
      zh: '`{indicator}` 的第 {step} 档和第 {next} 档都从 {value} 起',
    },
    help: { en: 'give every step its own bound', zh: '每档用不同的起点' },
  },
  policy_step_bound_unused: {
    message: {
      en: 'step {step} of `{indicator}` gives `max: {value}`, which changes nothing: a higher-is-better step table reads only `min` (the first step whose `min` the value reaches scores, whatever its `max`)',
      zh: '`{indicator}` 的第 {step} 档写了 `max: {value}`，不起作用：越高越好的阶梯只看 `min`（按第一个达到其 `min` 的档计分，不管 `max`）',
    },
    help: {
      en: 'remove `max`; a range that should score less gets a step of its own, e.g. `{ min: …, points: 0 }` between the two',
      zh: '请删除 `max`；要让某一段得分更低，请为它单独写一档，如在两档之间加 `{ min: …, points: 0 }`',
    },
  },
  'policy_step_bound_unused.lower': {
    message: {
      en: 'step {step} of `{indicator}` gives `min: {value}`, which changes nothing: a lower-is-better step table reads only `max` (the first step whose `max` the value is at or below scores, whatever its `min`)',
      zh: '`{indicator}` 的第 {step} 档写了 `min: {value}`，不起作用：越低越好的阶梯只看 `max`（按第一个不超过其 `max` 的档计分，不管 `min`）',
    },
    help: {
      en: 'remove `min`; a range that should score less gets a step of its own, e.g. `{ max: …, points: 0 }` between the two',
      zh: '请删除 `min`；要让某一段得分更低，请为它单独写一档，如在两档之间加 `{ max: …, points: 0 }`',
    },
  },
  policy_points_above_cap: {
    message: {
      en: "step {step} of `{indicator}` gives {points} points, above the indicator's cap of {cap}: it would score {cap}",
      zh: '`{indicator}` 的第 {step} 档给 {points} 分，超过该指标的上限 {cap}：实际只得 {cap} 分',
    },
    help: {
      en: "raise the indicator's `cap` to {points}, or give the step at most {cap} points",
      zh: '请把该指标的 `cap` 提高到 {points}，或让这一档不超过 {cap} 分',
    },
  },
  'policy_points_above_cap.pass_fail': {
    message: {
      en: "`{key}: {points}` of `{indicator}` is above the indicator's cap of {cap}: it would score {cap}",
      zh: '`{indicator}` 的 `{key}: {points}` 超过该指标的上限 {cap}：实际只得 {cap} 分',
    },
    help: {
      en: "raise the indicator's `cap` to {points}, or write at most {cap}",
      zh: '请把该指标的 `cap` 提高到 {points}，或写不超过 {cap} 的分数',
    },
  },
  policy_scoring_key_unused: {
    message: {
      en: '`{key}` of `{indicator}` is not used by `scoring: {scoring}`, so it changes nothing',
      zh: '`{indicator}` 的 `{key}` 不被 `scoring: {scoring}` 使用，写了也不起作用',
    },
    help: {
      en: 'remove it, or set the scoring that uses it: `scoring: {uses}`',
      zh: '请删除它，或改用使用它的计分方式：`scoring: {uses}`',
    },
  },
  policy_points_max_decimals: {
    message: {
      en: '`max: {max}` of the points of `{id}` has more decimals than the score ({decimals}): the score is rounded after it, so the rule could add more than {max}',
      zh: '`{id}` 加分的 `max: {max}` 比总分的小数位（{decimals}）更细：总分随后会被舍入，这条规则实际可能加得比 {max} 多',
    },
    help: {
      en: 'write the limit as the score is written (`score.decimals: {decimals}`), e.g. `max: {down}`, or raise `score.decimals`',
      zh: '请按总分的小数位（`score.decimals: {decimals}`）写上限，如 `max: {down}`，或提高 `score.decimals`',
    },
  },
  policy_reference_out_of_range: {
    message: {
      en: '{level} {value} of `{indicator}` lies outside what `{metric}` can be (its range, {min} to {max}): no employee can reach it',
      zh: '`{indicator}` 的 {level} {value} 超出 `{metric}` 可能的取值（其 range，{min} 到 {max}）：任何人都达不到',
    },
    help: {
      en: 'write a value the metric can take, or widen its `range`',
      zh: '请写指标能取到的值，或放宽它的 `range`',
    },
  },
  'policy_reference_out_of_range.count': {
    message: {
      en: '{level} {value} of `{indicator}` lies outside what `{metric}` can be (a count, 0 or more): no employee can reach it',
      zh: '`{indicator}` 的 {level} {value} 超出 `{metric}` 可能的取值（次数，不小于 0）：任何人都达不到',
    },
    help: { en: 'a count is never negative: write 0 or more', zh: '次数不会小于 0：请写 0 或更大的值' },
  },
  'policy_reference_out_of_range.ratio': {
    message: {
      en: '{level} {value} of `{indicator}` lies outside what `{metric}` can be (a ratio, 0 to 1): no employee can reach it',
      zh: '`{indicator}` 的 {level} {value} 超出 `{metric}` 可能的取值（比率，0 到 1）：任何人都达不到',
    },
    help: {
      en: 'a policy writes a ratio as a fraction, whatever `ratio_format` the data uses: 30 % is 0.3; a ratio that can exceed 100 % states its `range`',
      zh: '政策中的比率一律写小数，与数据的 `ratio_format` 无关：30% 写作 0.3；可能超过 100% 的比率请写明 `range`',
    },
  },
  policy_target_order: {
    message: TARGET_ORDER,
    help: {
      en: 'the threshold (60 points) must be below the target (100 points)',
      zh: 'threshold（60 分）应低于 target（100 分）',
    },
  },
  'policy_target_order.challenge': {
    message: TARGET_ORDER,
    help: {
      en: 'the challenge (120 points) must be above the target (100 points)',
      zh: 'challenge（120 分）应高于 target（100 分）',
    },
  },
  'policy_target_order.lower': {
    message: TARGET_ORDER_LOWER,
    help: {
      en: 'for a lower-is-better indicator the threshold is the highest acceptable value',
      zh: '越低越好的指标，threshold 是可接受的最高值',
    },
  },
  'policy_target_order.lower_challenge': {
    message: TARGET_ORDER_LOWER,
    help: {
      en: 'for a lower-is-better indicator the challenge is below the target',
      zh: '越低越好的指标，challenge 应低于 target',
    },
  },
  policy_team_not_title: {
    message: {
      en: "`{value}` is another spelling of team `{team}`: conditions compare with the team's title",
      zh: '`{value}` 是团队 `{team}` 的另一种写法：条件按团队的正式名称比较',
    },
    help: { en: 'write `{team}`', zh: '请写 `{team}`' },
  },
  policy_tier_unreachable: {
    message: {
      en: 'tier `{tier}` needs attainment {min} but no employee can score more than {max} (attainment {max_attainment})',
      zh: '档位 `{tier}` 需要达成率 {min}，但任何人最多只能得 {max} 分（达成率 {max_attainment}）',
    },
    help: UNREACHABLE_HELP,
  },
  policy_tiers_order: {
    message: {
      en: 'tier `{tier}` (min {min}) must have a lower min than `{previous}` (min {previous_min})',
      zh: '档位 `{tier}`（min {min}）的 min 应低于 `{previous}`（min {previous_min}）',
    },
    help: {
      en: 'list tiers from the best down with strictly decreasing `min`: the first match applies',
      zh: '请从最高档往下排，`min` 逐个递减：按第一个符合的档位算',
    },
  },
  // {where}: the section of the rule, `adjustments`, `holds` or `triggers`
  policy_unknown_fact: {
    message: { en: 'unknown fact `{fact}` in {where}', zh: '`{where}` 的条件用了未知的数据项 `{fact}`' },
    help: {
      en: 'known metrics, derived metrics and built-in facts: {known}',
      zh: '可用的指标、派生指标和内置数据项：{known}',
    },
  },
  'policy_unknown_fact.near': {
    message: { en: 'unknown fact `{fact}` in {where}', zh: '`{where}` 的条件用了未知的数据项 `{fact}`' },
    help: {
      en: 'did you mean `{near}`? known metrics, derived metrics and built-in facts: {known}',
      zh: '是不是想写 `{near}`？可用的指标、派生指标和内置数据项：{known}',
    },
  },
  policy_unknown_grade: {
    message: { en: 'unknown grade `{grade}`', zh: '未知的等级 `{grade}`' },
    help: GRADES_HELP,
  },
  'policy_unknown_grade.grade_cap': {
    message: { en: 'unknown grade `{grade}` in `grade_cap`', zh: '`grade_cap` 中有未知的等级 `{grade}`' },
    help: GRADES_HELP,
  },
  'policy_unknown_grade.calibration_map': {
    message: { en: 'unknown grade `{grade}` in the calibration map', zh: '强制分布的 map 中有未知的等级 `{grade}`' },
    help: GRADES_HELP,
  },
  'policy_unknown_grade.scale': {
    message: { en: '`{grade}` is not on the calibration scale', zh: '`{grade}` 不在强制分布的等级中' },
    help: SCALE_HELP,
  },
  'policy_unknown_grade.quota': {
    message: {
      en: 'quota for `{grade}`, which is not on the calibration scale',
      zh: '为 `{grade}` 设了比例，但它不在强制分布的等级中',
    },
    help: SCALE_HELP,
  },
  policy_unknown_metric: {
    message: {
      en: 'unknown metric `{metric}` in indicator `{indicator}`',
      zh: '指标 `{indicator}` 使用了未知的数据项 `{metric}`',
    },
    help: { en: 'known metrics or derived: {known}', zh: '可用的数据项和派生指标：{known}' },
  },
  'policy_unknown_metric.near': {
    message: {
      en: 'unknown metric `{metric}` in indicator `{indicator}`',
      zh: '指标 `{indicator}` 使用了未知的数据项 `{metric}`',
    },
    help: {
      en: 'did you mean `{near}`? known metrics or derived: {known}',
      zh: '是不是想写 `{near}`？可用的数据项和派生指标：{known}',
    },
  },
  'policy_unknown_metric.per_unit': {
    message: {
      en: 'unknown metric `{metric}` in what `{id}` counts per unit',
      zh: '`{id}` 的计件数使用了未知的数据项 `{metric}`',
    },
    help: { en: 'known metrics and derived metrics: {known}', zh: '可用的数据项和派生指标：{known}' },
  },
  'policy_unknown_metric.rolling_average': {
    message: {
      en: 'unknown metric `{metric}` for rolling_average',
      zh: 'rolling_average 使用了未知的数据项 `{metric}`',
    },
    help: { en: 'use `score` or a metric an indicator scores', zh: '请用 `score` 或某个指标评分的数据项' },
  },
  'policy_unknown_metric.tier_basis': {
    message: { en: 'unknown tier basis `{metric}`', zh: '未知的档位依据 `{metric}`' },
    help: {
      en: 'use `attainment` (score / 100) or a metric: known metrics: {known}',
      zh: '请用 `attainment`（得分 / 100）或某个数据项；可用的数据项：{known}',
    },
  },
  'policy_unknown_metric.tier_basis_near': {
    message: { en: 'unknown tier basis `{metric}`', zh: '未知的档位依据 `{metric}`' },
    help: {
      en: 'use `attainment` (score / 100) or a metric: did you mean `{near}`? known metrics: {known}',
      zh: '请用 `attainment`（得分 / 100）或某个数据项；是不是想写 `{near}`？可用的数据项：{known}',
    },
  },
  'policy_unknown_metric.derived': {
    message: {
      en: 'unknown metric `{metric}` in derived metric `{id}`',
      zh: '派生指标 `{id}` 使用了未知的数据项 `{metric}`',
    },
    help: { en: 'known metrics: {known}', zh: '可用的数据项：{known}' },
  },
  'policy_unknown_metric.derived_near': {
    message: {
      en: 'unknown metric `{metric}` in derived metric `{id}`',
      zh: '派生指标 `{id}` 使用了未知的数据项 `{metric}`',
    },
    help: { en: 'did you mean `{near}`? known metrics: {known}', zh: '是不是想写 `{near}`？可用的数据项：{known}' },
  },
  'policy_unknown_metric.property': {
    message: { en: 'unknown metric `{metric}` in property `{id}`', zh: '性质 `{id}` 使用了未知的数据项 `{metric}`' },
    help: { en: 'known metrics or derived: {known}', zh: '可用的数据项和派生指标：{known}' },
  },
  'policy_unknown_metric.property_near': {
    message: { en: 'unknown metric `{metric}` in property `{id}`', zh: '性质 `{id}` 使用了未知的数据项 `{metric}`' },
    help: {
      en: 'did you mean `{near}`? known metrics or derived: {known}',
      zh: '是不是想写 `{near}`？可用的数据项和派生指标：{known}',
    },
  },
  policy_unknown_indicator: {
    message: { en: 'no role has indicator `{indicator}`', zh: '没有哪个岗位有指标 `{indicator}`' },
    help: {
      en: 'name an indicator by its path from the role (a group’s child as `group.child`): {known}',
      zh: '请用从岗位开始的路径写指标（指标组下的指标写作 `组.指标`）：{known}',
    },
  },
  'policy_unknown_indicator.near': {
    message: { en: 'no role has indicator `{indicator}`', zh: '没有哪个岗位有指标 `{indicator}`' },
    help: {
      en: 'did you mean `{near}`? indicators by their path from the role: {known}',
      zh: '是不是想写 `{near}`？按从岗位开始的路径写的指标：{known}',
    },
  },
  policy_unknown_operator: {
    message: { en: 'unknown operator `{operator}`', zh: '未知的运算符 `{operator}`' },
    help: { en: 'known operators: {known}', zh: '可用的运算符：{known}' },
  },
  'policy_unknown_operator.near': {
    message: { en: 'unknown operator `{operator}`', zh: '未知的运算符 `{operator}`' },
    help: { en: 'did you mean `{near}`? known operators: {known}', zh: '是不是想写 `{near}`？可用的运算符：{known}' },
  },
  policy_unknown_role: {
    message: { en: 'unknown role `{role}`', zh: '未知的岗位 `{role}`' },
    help: { en: 'known roles: {known}', zh: '本政策的岗位：{known}' },
  },
  'policy_unknown_role.near': {
    message: { en: 'unknown role `{role}`', zh: '未知的岗位 `{role}`' },
    help: { en: 'did you mean `{near}`? known roles: {known}', zh: '是不是想写 `{near}`？本政策的岗位：{known}' },
  },
  policy_unknown_stage: {
    message: { en: 'unknown stage `{stage}`', zh: '未知的阶段 `{stage}`' },
    help: { en: 'known stages: {known}', zh: '本政策的阶段：{known}' },
  },
  'policy_unknown_stage.near': {
    message: { en: 'unknown stage `{stage}`', zh: '未知的阶段 `{stage}`' },
    help: { en: 'did you mean `{near}`? known stages: {known}', zh: '是不是想写 `{near}`？本政策的阶段：{known}' },
  },
  'policy_unknown_stage.weight': {
    message: { en: 'unknown stage `{stage}` in the weight of `{id}`', zh: '`{id}` 的权重中有未知的阶段 `{stage}`' },
    help: { en: 'known stages: {known}', zh: '本政策的阶段：{known}' },
  },
  'policy_unknown_stage.weight_near': {
    message: { en: 'unknown stage `{stage}` in the weight of `{id}`', zh: '`{id}` 的权重中有未知的阶段 `{stage}`' },
    help: { en: 'did you mean `{near}`? known stages: {known}', zh: '是不是想写 `{near}`？本政策的阶段：{known}' },
  },
  policy_unknown_team: {
    message: { en: 'unknown team `{team}`', zh: '未知的团队 `{team}`' },
    help: { en: 'teams of this policy: {teams}', zh: '本政策的团队：{teams}' },
  },
  policy_unknown_tier: {
    message: { en: 'unknown tier `{tier}`', zh: '未知的档位 `{tier}`' },
    help: { en: 'tiers of this policy: {known}', zh: '本政策的档位：{known}' },
  },
  'policy_unknown_tier.near': {
    message: { en: 'unknown tier `{tier}`', zh: '未知的档位 `{tier}`' },
    help: {
      en: 'did you mean `{near}`? tiers of this policy: {known}',
      zh: '是不是想写 `{near}`？本政策的档位：{known}',
    },
  },
  'policy_unknown_tier.none': {
    message: { en: 'unknown tier `{tier}`: the policy has no tiers', zh: '未知的档位 `{tier}`：本政策没有档位' },
    help: {
      en: 'a tier is a band of `payout.tiers`: declare it there, or name one that is',
      zh: '档位是 `payout.tiers` 中的档：请在那里声明它，或改用已声明的档位',
    },
  },
  policy_unknown_variable: {
    message: { en: 'unknown name `{name}` in `{text}`', zh: '公式 `{text}` 中有未知的名称 `{name}`' },
    help: { en: 'known names: {known}', zh: '可用的名称：{known}' },
  },
  'policy_unknown_variable.near': {
    message: { en: 'unknown name `{name}` in `{text}`', zh: '公式 `{text}` 中有未知的名称 `{name}`' },
    help: { en: 'did you mean `{near}`? known names: {known}', zh: '是不是想写 `{near}`？可用的名称：{known}' },
  },
  policy_value_type: {
    message: {
      en: '`{operator}` compares numbers, but the value is `{value}`',
      zh: '`{operator}` 比较的是数字，但值是 `{value}`',
    },
    help: { en: 'write a number, e.g. `value: 0.05` for 5%', zh: '请写数字，如 5% 写作 `value: 0.05`' },
  },
  'policy_value_type.absent': {
    message: {
      en: '`{operator}` asks whether `{fact}` has a value, and takes no `value`',
      zh: '`{operator}` 判断 `{fact}` 是否有值，不需要写 `value`',
    },
    help: {
      en: 'write `{ fact: {fact}, operator: {operator} }`',
      zh: '请写作 `{ fact: {fact}, operator: {operator} }`',
    },
  },
  'policy_value_type.level': {
    message: {
      en: '`level` of `{fact}` is `{value}`, not a reference point',
      zh: '`{fact}` 的 `level` 是 `{value}`，不是指标的参考点',
    },
    help: {
      en: 'write `threshold` (门槛), `target` (目标) or `challenge` (挑战)',
      zh: '请写 `threshold`（门槛）、`target`（目标）或 `challenge`（挑战）',
    },
  },
  'policy_value_type.attainment': {
    message: {
      en: '`attainment` is score / 100 (96.96 points is 0.9696) and reaches at most {max}, so `{value}` is {value} % written as percent points',
      zh: '`attainment` 为总分 / 100（96.96 分为 0.9696），最高只能到 {max}，`{value}` 是按百分点写的 {value}%',
    },
    help: {
      en: 'write `{fraction}` for {value} % (a policy writes attainment as a fraction)',
      zh: '{value}% 请写作 `{fraction}`（政策中的达成率一律写小数）',
    },
  },
  'policy_value_type.ratio': {
    message: {
      en: '`{fact}` is a ratio from 0 to 1 (45.3 % is 0.453), so `{value}` is outside it',
      zh: '`{fact}` 是 0 到 1 之间的比率（45.3% 为 0.453），`{value}` 超出了这个范围',
    },
    help: {
      en: 'write `{fraction}` for {value} % (a policy writes a ratio as a fraction, whatever `ratio_format` the data uses); a ratio that can exceed 100 % states its `range`',
      zh: '{value}% 请写作 `{fraction}`（政策中的比率一律写小数，与数据的 `ratio_format` 无关）；可能超过 100% 的比率请写明 `range`',
    },
  },
  'policy_value_type.share': {
    message: {
      en: '`{fact}` is a share from 0 to 1 (3 of 4 is 0.75), so `{value}` is outside it',
      zh: '`{fact}` 是 0 到 1 之间的占比（4 项中 3 项为 0.75），`{value}` 超出了这个范围',
    },
    help: { en: 'write `{fraction}` for {value} %', zh: '{value}% 请写作 `{fraction}`' },
  },
  'policy_value_type.indicators': {
    message: {
      en: '`indicators` of `{fact}` must be a list of indicator paths',
      zh: '`{fact}` 的 `indicators` 应为指标路径的列表',
    },
    help: { en: 'e.g. `indicators: [completion, output]`', zh: '如 `indicators: [completion, output]`' },
  },
  'policy_value_type.plan_status': {
    message: {
      en: '`{value}` is not a status of an improvement plan',
      zh: '`{value}` 不是改进计划的状态',
    },
    help: {
      en: 'a plan is `open`, `extended`, `closed` or `escalated`; `operator: absent` when there is none',
      zh: '改进计划的状态为 `open`、`extended`、`closed` 或 `escalated`；没有计划请用 `operator: absent`',
    },
  },
  'policy_value_type.periods': {
    message: {
      en: '`periods` of rolling_average must be a whole number of periods, 1 or more',
      zh: 'rolling_average 的 `periods` 应为不小于 1 的整数',
    },
    help: { en: 'e.g. `params: { of: score, periods: 3 }`', zh: '如 `params: { of: score, periods: 3 }`' },
  },
  'policy_value_type.number': {
    message: {
      en: '`{fact}` is a number, but `{operator}` compares it with `{value}`, which is not one: no record can equal it',
      zh: '`{fact}` 是数字，但 `{operator}` 拿它与 `{value}` 比较，`{value}` 不是数字：没有记录会等于它',
    },
    help: {
      en: 'write a number, e.g. `value: 1000` (`1_000`, `1,000` and a number in quotes are text)',
      zh: '请写数字，如 `value: 1000`（`1_000`、`1,000` 和加引号的数字都是文本）',
    },
  },
  'policy_value_type.boolean': {
    message: {
      en: '`{fact}` is true or false, but `{operator}` compares it with `{value}`, which is neither: no record can equal it',
      zh: '`{fact}` 只能是 true 或 false，但 `{operator}` 拿它与 `{value}` 比较，`{value}` 两者都不是：没有记录会等于它',
    },
    help: {
      en: 'write `true` or `false` (`yes`, `no`, `on` and `off` are text in YAML 1.2, not true or false)',
      zh: '请写 `true` 或 `false`（在 YAML 1.2 中 `yes`、`no`、`on`、`off` 是文本，不是 true 或 false）',
    },
  },
  'policy_value_type.contains': {
    message: {
      en: '`{operator}` asks whether a list holds a value, but `{fact}` is one value, not a list: the comparison never holds',
      zh: '`{operator}` 判断列表中是否有某个值，但 `{fact}` 是单个值而不是列表：这个比较永远不成立',
    },
    help: {
      en: 'compare the value itself: `equal`, or `in` with a list of the values meant (`value: [直播一组, 直播二组]`)',
      zh: '请直接比较这个值：用 `equal`，或用 `in` 列出所指的各个值（`value: [直播一组, 直播二组]`）',
    },
  },
  'policy_value_type.empty_list': {
    message: {
      en: '`{operator}` compares `{fact}` with an empty list: nothing is in it, so `in` never holds and `notIn` always does',
      zh: '`{operator}` 拿 `{fact}` 与空列表比较：空列表中什么都没有，`in` 永远不成立，`notIn` 永远成立',
    },
    help: {
      en: 'list the values meant (`value: [A, B]`), or remove the comparison',
      zh: '请列出所指的值（`value: [A, B]`），或删去这个比较',
    },
  },
  'policy_value_type.not_list': {
    message: {
      en: '`{operator}` asks whether `{fact}` is one of a list of values, but `{value}` is one value, not a list',
      zh: '`{operator}` 判断 `{fact}` 是否为列表中的某个值，但 `{value}` 是单个值，不是列表',
    },
    help: {
      en: 'write the list: `value: [ {value} ]`, or `equal` (`notEqual`) for one value',
      zh: '请写成列表：`value: [ {value} ]`，或对单个值用 `equal`（`notEqual`）',
    },
  },
  'policy_value_type.list_for_one': {
    message: {
      en: '`{operator}` compares `{fact}` with one value, but `{value}` is a list: no record equals a list, so `equal` never holds and `notEqual` always does',
      zh: '`{operator}` 拿 `{fact}` 与单个值比较，但 `{value}` 是列表：没有记录会等于一个列表，`equal` 永远不成立，`notEqual` 永远成立',
    },
    help: {
      en: 'for one of several values write `operator: in` (`notIn`); for one value, write it without brackets',
      zh: '要判断是否为其中之一，请用 `operator: in`（`notIn`）；只比较一个值，请去掉方括号',
    },
  },
  'policy_value_type.not_number_fact': {
    message: {
      en: '`{operator}` compares numbers, but `{fact}` is not a number: the comparison never holds',
      zh: '`{operator}` 比较的是数字，但 `{fact}` 不是数字：这个比较永远不成立',
    },
    help: {
      en: 'compare `{fact}` with `equal` or `in`, or compare a number (a metric, `score`, `pay_base`, …)',
      zh: '请对 `{fact}` 用 `equal` 或 `in`，或改为比较数字（指标、`score`、`pay_base` 等）',
    },
  },
  'policy_value_type.fact_kinds': {
    message: {
      en: '`{operator}` compares `{fact}` with the fact `{ref}`, but they are not of one kind (a number, text, true/false): no record can satisfy it as meant',
      zh: '`{operator}` 拿 `{fact}` 与事实 `{ref}` 比较，但两者类型不同（数字、文本、是/否）：没有记录能按本意满足它',
    },
    help: {
      en: 'compare `{fact}` with a fact of its own kind, or with the value itself',
      zh: '请让 `{fact}` 与同类型的事实比较，或直接写出要比较的值',
    },
  },
  'policy_value_type.employee_id': {
    message: {
      en: 'the employee id `{value}` is read from the data as `{id}` (full-width letters and digits become half-width, spaces and invisible characters are dropped): no record can equal `{value}`',
      zh: '员工工号 `{value}` 在数据中读作 `{id}`（全角字母和数字转为半角，空格和不可见字符去掉）：没有记录会等于 `{value}`',
    },
    help: { en: 'write `{id}`', zh: '请写作 `{id}`' },
  },
  'policy_value_type.team': {
    message: {
      en: 'the team `{value}` is read from the data as `{team}` (spaces at its ends and invisible characters are dropped): no record can equal `{value}`',
      zh: '团队 `{value}` 在数据中读作 `{team}`（两端的空格和不可见字符去掉）：没有记录会等于 `{value}`',
    },
    help: { en: 'write `{team}`', zh: '请写作 `{team}`' },
  },
  'policy_value_type.text': {
    message: {
      en: '`{fact}` is text, but `{operator}` compares it with the number or true/false `{value}`: no record can equal it',
      zh: '`{fact}` 是文本，但 `{operator}` 拿它与数字或 true/false `{value}` 比较：没有记录会等于它',
    },
    help: {
      en: 'write the value in quotes: `value: "{value}"`',
      zh: '请给值加引号：`value: "{value}"`',
    },
  },
  policy_weight_missing_stage: {
    message: { en: 'weight of `{id}` has no value for stage `{stage}`', zh: '`{id}` 的权重没有阶段 `{stage}` 的值' },
    help: {
      en: 'add `{stage}: <weight>` to the weight, or use one number for every stage',
      zh: '请在权重中添加 `{stage}: <权重>`，或所有阶段用同一个数',
    },
  },
  policy_weights_sum: {
    message: {
      en: 'weights of `{path}` sum to {sum} for stage `{stage}`, not 100',
      zh: '`{path}` 在阶段 `{stage}` 的权重合计为 {sum}，不是 100',
    },
    help: {
      en: 'change the weights of {indicators} so they add up to 100',
      zh: '请调整 {indicators} 的权重，使合计为 100',
    },
  },
});
