// Catalogue part for the data stage (data_…): one entry per code, in code order; a code's other
// phrasings follow it as `code.variant`. Arguments named `detail` carry text another reader wrote
// (the CSV reader, the value and period readers); a `help` the caller computes replaces the
// catalogue help.

import { defineMessages } from './catalogue.js';

const SCIENTIFIC_HELP = {
  en: 'Excel turned the id into a number: format the column as text before export',
  zh: 'Excel 把工号变成了数字：请在导出前把这一列设为文本格式',
} as const;
/** An employee with no row in a source that has an unmatched row of their key but for leading zeros. */
const NO_ROW_NEAR = {
  en: '`{file}` row {key_row} has `{key}`, which matches nobody and differs from this key only by leading zeros: keys are not joined across spellings, so if it is this person write the key as the roster has it (a number-like key column formatted as text before export keeps its zeros)',
  zh: '`{file}` 第 {key_row} 行是 `{key}`，它找不到对应的人，与此键只差数字开头的 0：不同写法的键不会被对上，如果是此人，请按花名册的写法填写（数字型的键列在导出前设为文本格式，可保留开头的 0）',
} as const;
const UNMATCHED = {
  en: 'row matches nobody in the roster: `{key}`',
  zh: '这一行在花名册中找不到对应的人：`{key}`',
} as const;
const OUT_OF_RANGE = {
  en: '`{label}` must be between {min} and {max}, got `{value}`',
  zh: '`{label}` 应在 {min} 到 {max} 之间，填的是 `{value}`',
} as const;
const KEY_MAPPING_HELP = {
  en: 'name the key in the data mapping: `key: { column: <header in this file>, roster: <header in the roster> }`',
  zh: '请在数据映射中写明键：`key: { column: <本文件的列名>, roster: <花名册的列名> }`',
} as const;
const JSON_KEY_HELP = {
  en: 'each key may appear once in a record: keep the right value and remove the other',
  zh: '每条记录中每个键只能出现一次：请保留正确的值，删掉另一个',
} as const;
const XLSX_SIZE_HELP = {
  en: 'a monthly export unpacks to a few MB: check the file, or export the sheet as CSV',
  zh: '一个月的导出文件解压后一般只有几 MB：请检查文件，或把工作表导出为 CSV',
} as const;
const QUOTES_HELP = {
  en: 'check the quotes in this row: a cell that starts with " must end with "',
  zh: '请检查这一行的引号：以 " 开头的单元格必须以 " 结尾',
} as const;
const UNKNOWN_COLUMN = {
  en: 'column `{column}` matches no metric and is ignored',
  zh: '列 `{column}` 不对应任何指标，已忽略',
} as const;
const DUPLICATE_KEY = {
  en: 'roster rows {first} and {second} both claim the key {keys} in `{column}`',
  zh: '花名册第 {first} 行和第 {second} 行在 `{column}` 中使用同一个键 {keys}',
} as const;
const DUPLICATE_EMPLOYEE = {
  en: 'employee `{id}` already appears in row {first}{written}',
  zh: '员工 `{id}` 已在第 {first} 行出现{written}',
} as const;
const MIXED_RATIO = {
  en: 'column `{column}` ({metric}) writes ratios two ways: `{fraction}` (row {fraction_row}) is a fraction, `{percent}` (row {percent_row}) is percent points',
  zh: '列 `{column}`（{metric}）的比例有两种写法：`{fraction}`（第 {fraction_row} 行）是小数，`{percent}`（第 {percent_row} 行）是百分点',
} as const;
const DUPLICATE_ROW_HELP = {
  en: 'each employee has one row per export: remove or merge the duplicate',
  zh: '每位员工在每个导出文件中只有一行：请删除或合并重复的行',
} as const;
const JSON_SHAPE_HELP = {
  en: 'the file must be a JSON array of objects, or { "records": [ … ] }',
  zh: '文件应为对象组成的 JSON 数组，或 { "records": [ … ] }',
} as const;
const DEFAULT_HELP = {
  en: 'fill in {label}, or give the metric a `default` in the policy',
  zh: '请填写{label}，或在政策中给该指标设 `default`',
} as const;
const TOTALS = {
  en: 'row {row} is a totals row (`{word}`), not an employee, and is skipped',
  zh: '第 {row} 行是合计行（`{word}`），不是员工，已跳过',
} as const;
const PAY_BASE_HELP = {
  en: "write the monthly performance-pay base in yuan, e.g. 4000, or leave it empty to use the role's",
  zh: '请填写每月绩效基数（元），如 4000；留空则用岗位的基数',
} as const;
const ROW_LENGTH_HELP = {
  en: 'a number with thousands separators must be quoted ("1,500,000"), or the export is broken: every row has as many cells as the header',
  zh: '带千位分隔符的数字要加引号（"1,500,000"），否则就是导出文件有误：每行的单元格数应与表头相同',
} as const;
const PERIOD_HELP = {
  en: 'write the month as YYYY-MM, e.g. 2026-10 (2026/10, 2026年10月, 202610 and 2026-10-01 are read as that month too)',
  zh: '请把月份写成 YYYY-MM，如 2026-10（2026/10、2026年10月、202610 和 2026-10-01 也都读作该月）',
} as const;
const EXCEL_ERROR_HELP = {
  en: 'the formula in this cell failed in Excel ({error}: {meaning}): fix it in the workbook, or type the value',
  zh: '这个单元格的公式在 Excel 中出错（{error}：{meaning}）：请在工作簿中修正，或直接填写数值',
} as const;
const NOT_A_NUMBER = { en: '`{text}` is not a number', zh: '`{text}` 不是数字' } as const;
const MISSING_FIELD = { en: 'empty `{field_zh}` ({field})', zh: '`{field_zh}`（{field}）为空' } as const;

export const data = defineMessages({
  data_bad_id: {
    message: {
      en: '`{id}` is not an employee id but a number in scientific notation',
      zh: '`{id}` 不是工号，而是科学计数法的数字',
    },
    help: SCIENTIFIC_HELP,
  },
  'data_bad_id.decimal': {
    message: {
      en: '`{id}` is not an employee id but a number with a decimal point',
      zh: '`{id}` 不是工号，而是带小数点的数字',
    },
    help: {
      en: 'the id column was turned into decimal numbers on export: write the ids as text, as the roster writes them (`1001`, not `1001.0`); in Excel format the column as text, in pandas read it with dtype=str',
      zh: '导出时工号列被转成了小数：请按花名册的写法把工号写成文本（`1001`，而不是 `1001.0`）；在 Excel 中把这一列设为文本格式，在 pandas 中用 dtype=str 读取',
    },
  },
  data_bad_pay_base: {
    message: { en: 'pay base `{value}` is not an amount', zh: '绩效基数 `{value}` 不是金额' },
    help: PAY_BASE_HELP,
  },
  'data_bad_pay_base.negative': {
    message: { en: 'pay base `{value}` is below 0', zh: '绩效基数 `{value}` 小于 0' },
    help: PAY_BASE_HELP,
  },
  'data_bad_pay_base.fraction': {
    message: {
      en: 'pay base `{value}` has a fraction of a fen',
      zh: '绩效基数 `{value}` 有不足一分的零头',
    },
    help: {
      en: 'write the pay base to the fen, as it is paid (e.g. 4000 or 4000.50): which fen `{value}` means is not for the program to guess',
      zh: '请把绩效基数写到分，与实际发放一致（如 4000 或 4000.50）：`{value}` 应该是哪一分，不能由程序猜',
    },
  },
  'data_bad_pay_base.too_large': {
    message: {
      en: 'pay base `{value}` is too large: at most {limit} yuan per person',
      zh: '绩效基数 `{value}` 过大：每人最多 {limit} 元',
    },
    help: PAY_BASE_HELP,
  },
  data_bad_period: { message: { en: '{detail}', zh: '月份有误：{detail}' }, help: { en: '{advice}', zh: '{advice}' } },
  'data_bad_period.given': {
    message: { en: 'the period given for the file: {detail}', zh: '为文件指定的月份有误：{detail}' },
    help: { en: '{advice}', zh: '{advice}' },
  },
  data_csv_malformed: {
    message: { en: '{detail}', zh: 'CSV 格式有误（{detail}）' },
    help: QUOTES_HELP,
  },
  'data_csv_malformed.quotes': {
    message: { en: 'a quoted cell is never closed', zh: '有一个带引号的单元格没有结束引号' },
    help: QUOTES_HELP,
  },
  'data_csv_malformed.trailing_quote': {
    message: {
      en: 'a quoted cell has text after its closing quote',
      zh: '有一个带引号的单元格在结束引号之后还有文字',
    },
    help: {
      en: 'write the whole cell inside the quotes, and a quote within it twice: `"他说""好"""`',
      zh: '请把整个单元格写在引号内，单元格里的引号写两次：`"他说""好"""`',
    },
  },
  data_duplicate_column: {
    message: {
      en: 'columns `{first}` and `{second}` both mean `{id}`',
      zh: '列 `{first}` 和 `{second}` 都表示 `{id}`',
    },
    help: { en: 'keep one of them', zh: '请只保留其中一列' },
  },
  'data_duplicate_column.same': {
    message: {
      en: 'the column `{column}` is there twice, as columns {first_at} and {second_at}: which one holds `{id}` cannot be told',
      zh: '列 `{column}` 出现了两次（{first_at} 列和 {second_at} 列），无法判断哪一列是 `{id}`',
    },
    help: { en: 'delete or rename one of the two columns', zh: '请删除其中一列，或给它改名' },
  },
  'data_duplicate_column.sources': {
    message: {
      en: 'column `{first}` of `{first_file}` and column `{second}` of `{second_file}` both mean `{id}`',
      zh: '`{first_file}` 的列 `{first}` 和 `{second_file}` 的列 `{second}` 都表示 `{id}`',
    },
    help: {
      en: 'keep the column in one of the files, or map one of them to another metric with `columns:` in the data mapping',
      zh: '请只在其中一个文件里保留这一列，或在数据映射的 `columns:` 中把其中一列对应到别的指标',
    },
  },
  data_duplicate_employee: {
    message: DUPLICATE_EMPLOYEE,
    help: {
      en: 'each employee has one row per period: remove or merge the duplicate',
      zh: '每位员工每个月只有一行：请删除或合并重复的行',
    },
  },
  'data_duplicate_employee.first': {
    message: {
      en: 'employee `{id}` appears again in row {again}: which row is right cannot be told, so neither is scored',
      zh: '员工 `{id}` 在第 {again} 行又出现了一次：无法判断哪一行是对的，两行都不计算',
    },
    help: {
      en: 'each employee has one row per period: remove or merge the duplicate',
      zh: '每位员工每个月只有一行：请删除或合并重复的行',
    },
  },
  'data_duplicate_employee.spelling': {
    message: DUPLICATE_EMPLOYEE,
    help: {
      en: 'each employee has one row per period: remove or merge the duplicate (ids are compared ignoring full-width forms, spaces and invisible characters)',
      zh: '每位员工每个月只有一行：请删除或合并重复的行（比较工号时不区分全角半角、空格和不可见字符）',
    },
  },
  data_duplicate_key: {
    message: DUPLICATE_KEY,
    help: {
      en: 'each key names one employee: fix the roster so that no two rows share it (keys are compared ignoring case, full-width forms, spaces and invisible characters)',
      zh: '每个键只对应一位员工：请修改花名册，不要让两行共用一个键（比较时不区分大小写、全角半角、空格和不可见字符）',
    },
  },
  'data_duplicate_key.scientific': {
    message: DUPLICATE_KEY,
    help: SCIENTIFIC_HELP,
  },
  data_duplicate_row: {
    message: {
      en: '{keys} has two rows in `{file}` (rows {first} and {second})',
      zh: '{keys} 在 `{file}` 中有两行（第 {first} 行和第 {second} 行）',
    },
    help: DUPLICATE_ROW_HELP,
  },
  data_empty: {
    message: { en: 'the file has no header row', zh: '文件没有表头行' },
    help: {
      en: 'the first row must name the columns, e.g. 工号,姓名,岗位,团队,阶段,月份,…',
      zh: '第一行应为列名，如 工号,姓名,岗位,团队,阶段,月份,…',
    },
  },
  'data_empty.json': {
    message: { en: 'the file holds no records: an empty list', zh: '文件中没有任何记录：是一个空列表' },
    help: {
      en: 'export the month again: the file must hold one object per employee, e.g. [{"工号": "E1", "姓名": "张三", …}]',
      zh: '请重新导出该月数据：文件中每位员工应有一个对象，如 [{"工号": "E1", "姓名": "张三", …}]',
    },
  },
  data_encoding: {
    message: { en: 'the file is not valid {encoding} text', zh: '文件不是有效的 {encoding} 文本' },
    help: {
      en: 'save it from Excel as "CSV UTF-8", or name the encoding with --encoding utf-8|gbk|gb18030',
      zh: '请在 Excel 中另存为“CSV UTF-8”，或用 --encoding utf-8|gbk|gb18030 指定编码',
    },
  },
  'data_encoding.mixed': {
    message: {
      en: 'the file is UTF-8 but this cell is not: read as GBK it says `{gbk}`',
      zh: '文件是 UTF-8 编码，但这个单元格不是：按 GBK 读是 `{gbk}`',
    },
    help: {
      en: 'retype the cell, or save the whole file again from Excel as "CSV UTF-8"',
      zh: '请重新输入这个单元格，或在 Excel 中把整个文件另存为“CSV UTF-8”',
    },
  },
  'data_encoding.cut': {
    message: {
      en: 'the file ends in the middle of a {encoding} character, on row {row}: it was cut short',
      zh: '文件在第 {row} 行的一个 {encoding} 字符中间结束：文件不完整',
    },
    help: {
      en: 'export or copy the file again: a download, a copy or an export that did not finish leaves its last row incomplete',
      zh: '请重新导出或复制该文件：没有完成的下载、复制或导出会让最后一行不完整',
    },
  },
  data_is_workbook: {
    message: {
      en: 'the file is an Excel workbook (.xlsx), not {format} text as its name `{file}` says',
      zh: '文件是 Excel 工作簿（.xlsx），不是文件名 `{file}` 所说的 {format} 文本',
    },
    help: {
      en: 'rename it to end in .xlsx, or save it from Excel as "CSV UTF-8"',
      zh: '请把文件名改为以 .xlsx 结尾，或在 Excel 中另存为“CSV UTF-8”',
    },
  },
  'data_is_workbook.xls': {
    message: {
      en: 'the file is an old Excel workbook (.xls), not {format} text as its name `{file}` says',
      zh: '文件是旧版 Excel 工作簿（.xls），不是文件名 `{file}` 所说的 {format} 文本',
    },
    help: {
      en: 'save it from Excel as .xlsx or as "CSV UTF-8"',
      zh: '请在 Excel 中另存为 .xlsx 或“CSV UTF-8”',
    },
  },
  'data_encoding.nul': {
    message: {
      en: 'the file holds NUL bytes, as UTF-16 text without its byte-order mark does (or it is not a text file)',
      zh: '文件中有 NUL 字节，像是没有字节顺序标记的 UTF-16 文本（或者不是文本文件）',
    },
    help: {
      en: 'save it from Excel as "CSV UTF-8", or as "Unicode text" (UTF-16 that starts with its byte-order mark)',
      zh: '请在 Excel 中另存为“CSV UTF-8”，或“Unicode 文本”（以字节顺序标记开头的 UTF-16）',
    },
  },
  data_excel_error: {
    message: {
      en: '`{value}` in `{field_zh}` ({field}) is an Excel error',
      zh: '`{field_zh}`（{field}）中的 `{value}` 是 Excel 错误',
    },
    help: EXCEL_ERROR_HELP,
  },
  data_fits_nobody: {
    message: {
      en: 'no record in `{file}` fits the policy `{policy}`',
      zh: '`{file}` 中没有一条记录适用政策 `{policy}`',
    },
    help: {
      en: '{why}{found}roles the policy knows: {known}; check that the data file and the policy belong together',
      zh: '{why}{found}政策中的岗位：{known}；请确认数据文件和政策是否对应',
    },
  },
  data_fractional_count: {
    message: {
      en: '`{label}` is a count, got `{value}` ({number})',
      zh: '`{label}` 是计数，但填的是 `{value}`（{number}）',
    },
    help: {
      en: 'a count is a whole number: check the export, or give the metric another unit if it is an average',
      zh: '计数应为整数：请检查导出文件；如果它是平均值，请给该指标换一个单位',
    },
  },
  data_header_not_first: {
    message: {
      en: 'the column names are on row {row}, not on row 1: the row above is not a header',
      zh: '列名在第 {row} 行，不在第 1 行：上面一行不是表头',
    },
    help: {
      en: 'delete row 1 (a title or notes above the table), so that 工号, 姓名, 岗位, … are the first row',
      zh: '请删除第 1 行（表格上方的标题或说明），让 工号、姓名、岗位…… 成为第一行',
    },
  },
  'data_header_not_first.rows': {
    message: {
      en: 'the column names are on row {row}, not on row 1: the rows above are not a header',
      zh: '列名在第 {row} 行，不在第 1 行：上面几行不是表头',
    },
    help: {
      en: 'delete rows 1–{last} (a title or notes above the table), so that 工号, 姓名, 岗位, … are the first row',
      zh: '请删除第 1–{last} 行（表格上方的标题或说明），让 工号、姓名、岗位…… 成为第一行',
    },
  },
  data_header_repeated: {
    message: {
      en: 'row {row} repeats the header, as an export does after a page break, and is skipped',
      zh: '第 {row} 行重复了表头（导出文件分页时会这样），已跳过',
    },
    help: {
      en: 'nothing to do if it is the header printed again: the rows below it are read as before',
      zh: '如果是再次出现的表头，无需处理：它下面的行照常读取',
    },
  },
  'data_header_repeated.reordered': {
    message: {
      en: 'row {row} is a header again, with its columns in another order (column `{column}` holds `{value}` there): a second export pasted below the first, whose rows would be read under the first header’s columns',
      zh: '第 {row} 行又是一行表头，但列的顺序不同（`{column}` 列在这一行是 `{value}`）：像是第二份导出粘贴在第一份下面，它下面的行会按第一行表头的列读取',
    },
    help: {
      en: 'put each export in a file of its own (a data mapping can join them), or move the second export’s columns into the first one’s order and delete its header row',
      zh: '请把每份导出放在单独的文件中（可以用数据映射合并），或把第二份导出的列调整为第一份的顺序，并删除它的表头行',
    },
  },
  data_id_case: {
    message: {
      en: 'ids `{first}` (row {first_row}) and `{second}` (row {second_row}) differ only in upper and lower case: they are read as two employees',
      zh: '工号 `{first}`（第 {first_row} 行）和 `{second}`（第 {second_row} 行）只有大小写不同：按两位员工处理',
    },
    help: {
      en: 'if they are one person, write the id the same way in every row and file',
      zh: '如果是同一个人，请在所有行和文件中用同一种写法',
    },
  },
  data_id_zeros: {
    message: {
      en: 'ids `{first}` (row {first_row}) and `{second}` (row {second_row}) are the same number with and without leading zeros: they are read as two employees',
      zh: '工号 `{first}`（第 {first_row} 行）和 `{second}`（第 {second_row} 行）是同一个数字，只差开头的 0：按两位员工处理',
    },
    help: {
      en: 'if they are one person, write the id the same way in every row and file: Excel drops the leading zeros of a number-like id, so format the 工号 column as text before export',
      zh: '如果是同一个人，请在所有行和文件中用同一种写法：Excel 会去掉数字型工号开头的 0，请在导出前把工号列设为文本格式',
    },
  },
  data_json_duplicate_key: {
    message: { en: 'record {record} gives `{key}` twice', zh: '第 {record} 条记录中 `{key}` 出现了两次' },
    help: JSON_KEY_HELP,
  },
  'data_json_duplicate_key.object': {
    message: { en: 'an object gives `{key}` twice', zh: '一个对象中 `{key}` 出现了两次' },
    help: JSON_KEY_HELP,
  },
  data_json_malformed: {
    message: { en: 'not valid JSON: {detail}', zh: '不是有效的 JSON：{detail_zh}' },
    help: JSON_SHAPE_HELP,
  },
  'data_json_malformed.shape': {
    message: { en: 'expected an array of objects, one per employee', zh: '应为对象组成的数组，每位员工一个对象' },
    help: JSON_SHAPE_HELP,
  },
  'data_json_malformed.other_key': {
    message: {
      en: 'the file has `{key}` beside `records` at the top level, and only `records` is read',
      zh: '文件顶层除 `records` 外还有 `{key}`，而只有 `records` 会被读取',
    },
    help: {
      en: "put every employee's row in `records`, and remove `{key}`: what it holds would be left unread",
      zh: '请把每位员工的行都放进 `records`，并删掉 `{key}`：其中的内容不会被读取',
    },
  },
  data_field_conflict: {
    message: {
      en: 'this file has `{value}`, but the roster has `{roster_value}` for the same person (`{roster}` row {roster_row})',
      zh: '此文件中为 `{value}`，但花名册中同一人为 `{roster_value}`（`{roster}` 第 {roster_row} 行）',
    },
    help: {
      en: 'make the two agree (a key joined to the wrong person shows so too), or delete the column from this file: the roster is read',
      zh: '请使两者一致（工号对错了人也会这样），或从此文件中删除该列：以花名册为准',
    },
  },
  'data_field_conflict.roster_empty': {
    message: {
      en: 'this file has `{value}`, but the roster leaves it empty for the same person (`{roster}` row {roster_row})',
      zh: '此文件中为 `{value}`，但花名册中同一人此项为空（`{roster}` 第 {roster_row} 行）',
    },
    help: {
      en: 'fill it in the roster (the roster is read, not this file), or delete the column from this file',
      zh: '请在花名册中填写（读取的是花名册，而不是此文件），或从此文件中删除该列',
    },
  },
  data_key_normalised: {
    message: {
      en: "`{key}` (row {row}) is matched to the roster's `{roster_key}` (`{roster}` row {roster_row})",
      zh: '`{key}`（第 {row} 行）匹配到花名册中的 `{roster_key}`（`{roster}` 第 {roster_row} 行）',
    },
    help: {
      en: 'the two spellings differ only in upper and lower case, full-width forms, spaces or invisible characters: check it is the same person, and write the key as the roster does',
      zh: '两种写法只差大小写、全角半角、空格或不可见字符：请确认是同一个人，并按花名册的写法填写',
    },
  },
  data_missing_column: {
    message: { en: 'the file has no `{field_zh}` ({field}) column', zh: '文件没有 `{field_zh}`（{field}）列' },
    help: { en: 'add a column named {names}', zh: '请添加名为 {names} 的列' },
  },
  'data_missing_column.period': {
    message: { en: 'the file has no `月份` (period) column', zh: '文件没有 `月份`（period）列' },
    help: {
      en: 'add a 月份 column such as 2026-10, or pass the period (`--period 2026-10`)',
      zh: '请添加 月份 列（如 2026-10），或指定月份（`--period 2026-10`）',
    },
  },
  'data_missing_column.metric': {
    message: {
      en: 'the file has no column for `{label}` ({id}), which {roles} need',
      zh: '文件没有 `{label}`（{id}）列，而 {roles} 需要它',
    },
    help: { en: 'add a column named {names}{near_help}', zh: '请添加名为 {names} 的列{near_help}' },
  },
  'data_missing_column.metric_default': {
    message: {
      en: 'the file has no column for `{label}` ({id}), which {roles} need; its `default` fills empty cells, not a missing column',
      zh: '文件没有 `{label}`（{id}）列，而 {roles} 需要它；`default` 只填空单元格，不能代替缺少的列',
    },
    help: {
      en: 'add a column named {names}, or set `default_when_missing_column: true` on the metric if a file without it means {default} for everyone{near_help}',
      zh: '请添加名为 {names} 的列；如果文件没有这一列表示所有人都是 {default}，请在该指标上设 `default_when_missing_column: true`{near_help}',
    },
  },
  'data_missing_column.roster': {
    message: { en: 'the roster has no `工号` (employee_id) column', zh: '花名册没有 `工号`（employee_id）列' },
    help: {
      en: 'the roster lists each employee once with 工号, 姓名, 岗位, 团队, 阶段',
      zh: '花名册每位员工一行，包含 工号、姓名、岗位、团队、阶段',
    },
  },
  'data_missing_column.key': {
    message: { en: '`{file}` has no key column `{column}`', zh: '`{file}` 没有键列 `{column}`' },
    help: KEY_MAPPING_HELP,
  },
  'data_missing_column.roster_key': {
    message: {
      en: 'the roster has no column `{column}` to join `{file}` on',
      zh: '花名册没有用来关联 `{file}` 的列 `{column}`',
    },
    help: KEY_MAPPING_HELP,
  },
  data_missing_field: { message: MISSING_FIELD, help: { en: 'fill in the {field_zh}', zh: '请填写{field_zh}' } },
  'data_missing_field.period': {
    message: { en: 'empty `月份` (period)', zh: '`月份`（period）为空' },
    help: { en: 'fill in the period, e.g. 2026-10', zh: '请填写月份，如 2026-10' },
  },
  'data_missing_field.team': {
    message: {
      en: 'empty `团队` (team): the cell holds only invisible characters',
      zh: '`团队`（team）为空：单元格里只有不可见字符',
    },
    help: { en: 'fill in the 团队', zh: '请填写团队' },
  },
  data_missing_metric: {
    message: { en: 'missing `{label}` ({id}) for role `{role}`', zh: '岗位 `{role}` 缺少 `{label}`（{id}）' },
    help: DEFAULT_HELP,
  },
  data_mixed_ratio_notation: {
    message: MIXED_RATIO,
    help: {
      en: 'write every cell one way: as a fraction (0.453) or with a % sign (45.3%); if the export writes percent points, set `ratio_format: percent_points` and fix the fraction cells',
      zh: '请统一写法：小数（0.453）或带 % 号（45.3%）；如果导出的是百分点，请设 `ratio_format: percent_points` 并修正小数单元格',
    },
  },
  'data_mixed_ratio_notation.percent_points': {
    message: MIXED_RATIO,
    help: {
      en: 'the column is read as percent points (`ratio_format: percent_points`): write every cell as percent points (45.3) or with a % sign (45.3%, 0.8%)',
      zh: '这一列按百分点读取（`ratio_format: percent_points`）：请把每个单元格写成百分点（45.3）或带 % 号（45.3%、0.8%）',
    },
  },
  data_negative_count: {
    message: { en: '`{label}` cannot be negative, got `{value}`', zh: '`{label}` 不能为负数，填的是 `{value}`' },
    help: { en: 'counts are 0 or more: check the export', zh: '计数应不小于 0：请检查导出文件' },
  },
  data_no_data: {
    message: { en: '`{id}` has no row in `{file}`', zh: '`{id}` 在 `{file}` 中没有数据行' },
    help: {
      en: 'their metrics from this file are missing: a required one excludes them',
      zh: '此人来自这个文件的指标缺失：缺少必需指标的员工不参与计算',
    },
  },
  'data_no_data.near': {
    message: { en: '`{id}` has no row in `{file}`', zh: '`{id}` 在 `{file}` 中没有数据行' },
    help: NO_ROW_NEAR,
  },
  data_no_row: {
    message: {
      en: '`{id}` has no row in `{file}`, which gives {labels}',
      zh: '`{id}` 在提供 {labels} 的 `{file}` 中没有数据行',
    },
    help: {
      en: "add their row to `{file}`, or set `missing_rows: default` on that source in the data mapping if no row means each metric's `default`",
      zh: '请在 `{file}` 中补上此人的行；如果没有行就表示取各指标的 `default`，请在数据映射中给该来源设 `missing_rows: default`',
    },
  },
  'data_no_row.near': {
    message: {
      en: '`{id}` has no row in `{file}`, which gives {labels}',
      zh: '`{id}` 在提供 {labels} 的 `{file}` 中没有数据行',
    },
    help: NO_ROW_NEAR,
  },
  data_not_a_number: {
    message: { en: '{detail}', zh: '无法读取的值：{detail}' },
    help: { en: '{advice}', zh: '{advice}' },
  },
  data_out_of_range: {
    message: OUT_OF_RANGE,
    help: { en: 'check the value; the policy declares this range', zh: '请检查数值；这个范围由政策规定' },
  },
  'data_out_of_range.percent': {
    message: OUT_OF_RANGE,
    help: {
      en: 'write `{value}%` if it means {value} %, or set `ratio_format: percent_points` on the metric (or on the column in a data mapping) if the export writes percent points',
      zh: '如果表示 {value} %，请写 `{value}%`；如果导出的是百分点，请在该指标（或数据映射的列）上设 `ratio_format: percent_points`',
    },
  },
  'data_out_of_range.ratio': {
    message: OUT_OF_RANGE,
    help: {
      en: 'a ratio is between 0 and 1 (0 % to 100 %) unless the metric states a `range` in the policy: check the value, or give the metric a `range`',
      zh: '比例在 0 到 1 之间（0 % 到 100 %），除非政策给该指标设了 `range`：请检查数值，或给指标设 `range`',
    },
  },
  data_mixed_periods: {
    message: {
      en: 'the data holds {count} months: {periods}; each month is scored on its own, in order, and the totals add them up',
      zh: '数据包含 {count} 个月份：{periods}；每个月分别评分（按先后顺序），合计为各月之和',
    },
    help: {
      en: 'if the file is meant to be one month, pass `--period {month}` (or `period:` in a data mapping): rows of other months are then refused',
      zh: '如果这份文件只应是一个月的数据，请指定 `--period {month}`（或在数据映射中写 `period:`）：其他月份的行将被拒绝',
    },
  },
  data_period_mismatch: {
    message: {
      en: '月份 `{text}` is {period}, but the period given for the file is {given}',
      zh: '月份 `{text}` 是 {period}，但为文件指定的月份是 {given}',
    },
    help: {
      en: 'give the month the data is for: fix the 月份 column or the period given (--period, or `period:` in a data mapping)',
      zh: '请填写数据所属的月份：修正 月份 列或指定的月份（--period，或数据映射中的 `period:`）',
    },
  },
  data_row_length: {
    message: {
      en: 'row {row} has {cells} cells but the header has {columns}: the cells past the header are {past_cells}',
      zh: '第 {row} 行有 {cells} 个单元格，但表头只有 {columns} 列：多出的单元格是 {past_cells}',
    },
    help: ROW_LENGTH_HELP,
  },
  'data_row_length.line_break': {
    message: {
      en: 'row {row} has {cells} cells but the header has {columns}: it is {lines} lines joined at the line break inside `{cell}`, as a file whose lines end in two ways (CRLF and LF) is read',
      zh: '第 {row} 行有 {cells} 个单元格，但表头只有 {columns} 列：它是在 `{cell}` 中的换行处连在一起的 {lines} 行，文件的行尾有两种写法（CRLF 和 LF）时会这样',
    },
    help: {
      en: 'save the file again from Excel, or convert its line breaks to one kind (CRLF or LF) in a text editor; a cell that holds a line break must be in quotes',
      zh: '请用 Excel 重新保存该文件，或在文本编辑器中把换行统一为一种（CRLF 或 LF）；含换行的单元格必须加引号',
    },
  },
  'data_row_length.empty_cell': {
    message: {
      en: 'row {row} has {cells} cells but the header has {columns}: the cell past the header is empty, but a cell earlier in the row may have been split',
      zh: '第 {row} 行有 {cells} 个单元格，但表头只有 {columns} 列：多出的单元格是空的，但前面可能有单元格被拆开了',
    },
    help: ROW_LENGTH_HELP,
  },
  'data_row_length.empty_cells': {
    message: {
      en: 'row {row} has {cells} cells but the header has {columns}: the {past} cells past the header are empty, but a cell earlier in the row may have been split',
      zh: '第 {row} 行有 {cells} 个单元格，但表头只有 {columns} 列：多出的 {past} 个单元格是空的，但前面可能有单元格被拆开了',
    },
    help: ROW_LENGTH_HELP,
  },
  data_similar_teams: {
    message: {
      en: 'teams `{name}` and `{earlier}` look like one team written two ways, but are counted as two teams',
      zh: '团队 `{name}` 和 `{earlier}` 像是同一团队的两种写法，但按两个团队计算',
    },
    help: {
      en: 'if they are one team, declare the teams in the policy (`teams:`) with `{name}` among the aliases of `{earlier}`, or write it one way in the data; if they are two teams, declare both in `teams:`',
      zh: '如果是同一团队，请在政策的 `teams:` 中把 `{name}` 写进 `{earlier}` 的别名，或在数据中统一写法；如果是两个团队，请在 `teams:` 中分别声明',
    },
  },
  'data_similar_teams.grouped': {
    message: {
      en: 'teams `{name}` and `{earlier}` look like one team written two ways, and the policy shares pay by team ({grouping}): as two teams they would be paid differently',
      zh: '团队 `{name}` 和 `{earlier}` 像是同一团队的两种写法，而政策按团队分配（{grouping_zh}）：按两个团队计算会改变发放结果',
    },
    help: {
      en: 'declare the teams in the policy (`teams:`): `{name}` among the aliases of `{earlier}` if they are one team, or both as teams if they are two; or write the team one way in the data',
      zh: '请在政策中声明团队（`teams:`）：如果是同一团队，把 `{name}` 写进 `{earlier}` 的别名；如果是两个团队，分别声明；或在数据中统一写法',
    },
  },
  data_team_spelling_merged: {
    message: {
      en: 'team `{name}` differs from `{earlier}` only in width, spaces or invisible characters and is counted as team `{team}`',
      zh: '团队 `{name}` 与 `{earlier}` 只差全角半角、空格或不可见字符，按团队 `{team}` 计算',
    },
    help: {
      en: 'nothing to do if they are one team; if not, give them names that differ in letters',
      zh: '如果是同一团队，无需处理；如果不是，请用文字不同的名称',
    },
  },
  data_totals_row: {
    message: TOTALS,
    help: {
      en: "nothing to do if it is the export's total; a real employee needs 工号, 姓名, 岗位 and 阶段",
      zh: '如果是导出文件的合计行，无需处理；真正的员工行需要 工号、姓名、岗位 和 阶段',
    },
  },
  'data_totals_row.joined': {
    message: TOTALS,
    help: {
      en: "nothing to do if it is the export's total; a real employee's row needs their key",
      zh: '如果是导出文件的合计行，无需处理；真正的员工行需要填写其键',
    },
  },
  data_unknown_column: {
    message: UNKNOWN_COLUMN,
    help: {
      en: "add the column to a metric's `aliases` in the policy if it should be used",
      zh: '如果要使用这一列，请把它写进政策中某个指标的 `aliases`',
    },
  },
  'data_unknown_column.near': {
    message: UNKNOWN_COLUMN,
    help: {
      en: "did you mean `{near}`? add it to the metric's `aliases` if it is the same thing",
      zh: '是不是 `{near}`？如果是同一指标，请把它写进该指标的 `aliases`',
    },
  },
  'data_unknown_column.more': {
    message: {
      en: 'and {count} more column(s) match no metric and are ignored',
      zh: '另有 {count} 列不对应任何指标，已忽略',
    },
    help: {
      en: "`yardstick data inspect` lists every column; add a column to a metric's `aliases` in the policy if it should be used",
      zh: '`yardstick data inspect` 会列出全部列；如果要使用某一列，请把它写进政策中某个指标的 `aliases`',
    },
  },
  'data_unknown_column.field': {
    message: {
      en: 'column `{column}` looks like `{near}` with a unit or spaces added, and would not be read as `{near}`: the file has no `{near}` column',
      zh: '列 `{column}` 像是加了单位或空格的 `{near}`，不会被当作 `{near}` 读取：文件中没有 `{near}` 列',
    },
    help: {
      en: 'rename the column to `{near}`, its values written as the policy reads them (a pay base in yuan), or delete it if it is not meant to be read',
      zh: '请把这一列改名为 `{near}`，数值按政策读取的写法填写（绩效基数以元为单位）；如果不应读取这一列，请删除它',
    },
  },
  data_sheet_not_workbook: {
    message: {
      en: '`{file}` is not an Excel workbook, so it has no sheet `{sheet}`',
      zh: '`{file}` 不是 Excel 工作簿，没有工作表 `{sheet}`',
    },
    help: {
      en: 'a sheet names one of an .xlsx file’s sheets: leave out --sheet (or `sheet:` in a data mapping) for a CSV or JSON file',
      zh: '工作表只用于 .xlsx 文件：读取 CSV 或 JSON 文件时请去掉 --sheet（或数据映射中的 `sheet:`）',
    },
  },
  'data_sheet_not_workbook.mapping': {
    message: {
      en: '`{file}` is a data mapping, so `--sheet {sheet}` names no sheet of it',
      zh: '`{file}` 是数据映射，`--sheet {sheet}` 不对应其中任何工作表',
    },
    help: {
      en: 'a data mapping names each workbook’s sheet itself (`sheet:` under its roster or a source): leave out --sheet',
      zh: '数据映射自己为每个工作簿指定工作表（花名册或数据源下的 `sheet:`）：请去掉 --sheet',
    },
  },
  data_unknown_format: {
    message: {
      en: '`{file}` is not a .csv, .tsv, .txt, .json or .xlsx file',
      zh: '`{file}` 不是 .csv、.tsv、.txt、.json 或 .xlsx 文件',
    },
    help: { en: 'export the data as CSV or Excel', zh: '请把数据导出为 CSV 或 Excel' },
  },
  data_unknown_role: {
    message: { en: 'unknown role `{role}`', zh: '未知的岗位 `{role}`' },
    help: { en: 'roles of this policy: {roles}', zh: '本政策的岗位：{roles}' },
  },
  data_unknown_stage: {
    message: { en: 'unknown stage `{stage}`', zh: '未知的阶段 `{stage}`' },
    help: { en: 'stages of this policy: {stages}', zh: '本政策的阶段：{stages}' },
  },
  data_unknown_team: {
    message: { en: 'unknown team `{team}`', zh: '未知的团队 `{team}`' },
    help: {
      en: "{near}declared teams: {teams}; a team written another way goes under that team's `aliases` in the policy",
      zh: '{near}已声明的团队：{teams}；团队的其他写法请写进政策中该团队的 `aliases`',
    },
  },
  data_unmatched_row: {
    message: UNMATCHED,
    help: {
      en: 'check the key, or add the person to the roster `{roster}`',
      zh: '请检查键，或把此人加入花名册 `{roster}`',
    },
  },
  'data_unmatched_row.zeros': {
    message: UNMATCHED,
    help: {
      en: 'the roster has `{roster_key}` (row {roster_row}): Excel drops the leading zeros of a number-like key, so format the column as text before export',
      zh: '花名册中是 `{roster_key}`（第 {roster_row} 行）：Excel 会去掉数字型键开头的 0，请在导出前把这一列设为文本格式',
    },
  },
  'data_unmatched_row.padding': {
    message: UNMATCHED,
    help: {
      en: 'the roster has `{roster_key}` (row {roster_row}): the same letters and number with or without leading zeros; keys are not joined across spellings, so if they are one person write the key as the roster has it',
      zh: '花名册中是 `{roster_key}`（第 {roster_row} 行）：两者字母和数字相同，只差数字开头的 0；不同写法的键不会被对上，如果是同一人，请按花名册的写法填写',
    },
  },
  'data_unmatched_row.scientific': {
    message: UNMATCHED,
    help: SCIENTIFIC_HELP,
  },
  data_xlsx_other_sheet: {
    message: {
      en: 'the sheet `{sheet}` was read, and it has no header of this data; the sheet `{other}` has one',
      zh: '读取的是工作表 `{sheet}`，其中没有本数据的表头；工作表 `{other}` 中有',
    },
    help: {
      en: 'name the sheet to read: `--sheet {other}` (in a data mapping, `sheet: {other}`), or move it first',
      zh: '请指定要读取的工作表：`--sheet {other}`（数据映射中写 `sheet: {other}`），或把它移到最前面',
    },
  },
  'data_xlsx_other_sheet.several': {
    message: {
      en: 'the sheet `{sheet}` was read, and it has no header of this data; the sheets {others} have one',
      zh: '读取的是工作表 `{sheet}`，其中没有本数据的表头；工作表 {others} 中有',
    },
    help: {
      en: 'name the sheet that holds this month: `--sheet NAME` (in a data mapping, `sheet: NAME`)',
      zh: '请指定存放本月数据的工作表：`--sheet 名称`（数据映射中写 `sheet: 名称`）',
    },
  },
  'data_xlsx_other_sheet.also': {
    message: {
      en: 'the first sheet `{sheet}` was read, and other sheets have a header of this data too ({others}): which one holds this month cannot be told',
      zh: '读取的是第一个工作表 `{sheet}`，但其他工作表中也有本数据的表头（{others}）：无法判断哪一个是本月的数据',
    },
    help: {
      en: 'name the sheet that holds this month: `--sheet NAME` (in a data mapping, `sheet: NAME`), or keep one month per workbook',
      zh: '请指定存放本月数据的工作表：`--sheet 名称`（数据映射中写 `sheet: 名称`），或每个工作簿只放一个月的数据',
    },
  },
  data_xlsx_too_large: {
    message: {
      en: 'the workbook unpacks to {size} MiB, more than the {limit} MiB a workbook may',
      zh: '工作簿解压后为 {size} MiB，超过上限 {limit} MiB',
    },
    help: XLSX_SIZE_HELP,
  },
  'data_xlsx_too_large.counted': {
    message: {
      en: 'the workbook unpacks to more than the {limit} MiB a workbook may',
      zh: '工作簿解压后超过上限 {limit} MiB',
    },
    help: XLSX_SIZE_HELP,
  },
  data_xlsx_too_many_rows: {
    message: {
      en: 'a sheet of the workbook has more than {limit} rows, the most a workbook sheet may have',
      zh: '工作簿中有一个工作表超过 {limit} 行，超出上限',
    },
    help: {
      en: 'save a month this large as CSV: a CSV run to a CSV file (`--format csv --out FILE`) streams any number of rows',
      zh: '这么大的月份数据请存为 CSV：CSV 输入、CSV 输出（`--format csv --out FILE`）可逐行处理任意行数',
    },
  },
  data_xlsx_unreadable: {
    message: { en: 'cannot read the workbook: {detail}', zh: '无法读取工作簿：{detail_zh}' },
    help: {
      en: 'save it from Excel as .xlsx (Excel Workbook), or export CSV',
      zh: '请在 Excel 中另存为 .xlsx（Excel 工作簿），或导出 CSV',
    },
  },
  'data_xlsx_unreadable.encrypted': {
    message: {
      en: 'the workbook is protected by a password (encrypted), and cannot be read without it',
      zh: '工作簿设置了打开密码（已加密），没有密码无法读取',
    },
    help: {
      en: 'open it in Excel with the password, clear it (File → Info → Protect Workbook → Encrypt with Password) and save; or export CSV',
      zh: '请用密码在 Excel 中打开，清除密码（文件 → 信息 → 保护工作簿 → 用密码进行加密）后保存；或导出 CSV',
    },
  },
  'data_xlsx_unreadable.sheet': {
    message: { en: 'the workbook has no sheet `{sheet}`', zh: '工作簿中没有工作表 `{sheet}`' },
    help: { en: 'its sheets: {sheets}', zh: '工作表有：{sheets}' },
  },
  'data_xlsx_unreadable.merged': {
    message: {
      en: 'the cells {range} are merged: Excel shows `{value}` on rows {top} to {bottom}, but only row {top} holds it',
      zh: '单元格 {range} 是合并单元格：Excel 在第 {top} 到 {bottom} 行显示 `{value}`，但只有第 {top} 行有这个值',
    },
    help: {
      en: 'unmerge the cells and write the value in every row it is meant for (Excel: Merge & Center off, then fill down with Ctrl+D): a row below would be read as empty',
      zh: '请取消合并，并在每个适用的行填写该值（Excel：取消“合并后居中”，再用 Ctrl+D 向下填充）：否则下面的行会被读成空值',
    },
  },
  'data_xlsx_unreadable.hidden_rows': {
    message: {
      en: '{count} hidden row(s) hold data: rows {rows}; Excel does not show them (a filter, Hide, or a height too small to show them), but they would be read',
      zh: '有 {count} 个隐藏行含有数据：第 {rows} 行；Excel 中看不到它们（筛选、隐藏或行高太小而看不到），但它们会被读取',
    },
    help: {
      en: 'show every row (Data → Clear the filter, or Unhide rows), delete the rows that are not to be read, and save: which hidden rows were meant to be left out cannot be told',
      zh: '请显示全部行（数据 → 清除筛选，或取消隐藏行），删除不应读取的行后保存：无法判断哪些隐藏行是要排除的',
    },
  },
  'data_xlsx_unreadable.hidden_columns': {
    message: {
      en: '{count} hidden column(s) hold data: {columns}; Excel does not show them (Hide, a collapsed group, or a width too small to show them), but they would be read',
      zh: '有 {count} 个隐藏列含有数据：{columns}；Excel 中看不到它们（隐藏、折叠的分组或列宽太小而看不到），但它们会被读取',
    },
    help: {
      en: 'show every column (Unhide columns), delete the columns that are not to be read, and save: a column nobody sees would feed the results',
      zh: '请显示全部列（取消隐藏列），删除不应读取的列后保存：看不到的列会影响结果',
    },
  },
  'data_xlsx_unreadable.invisible': {
    message: {
      en: '{count} cell(s) hold data that Excel does not show: the number format `{number_format}` shows nothing, or something else, in place of the value, but the value would be read',
      zh: '有 {count} 个单元格含有数据，但 Excel 不显示其值：数字格式 `{number_format}` 显示为空或其他内容，但值会被读取',
    },
    help: {
      en: 'give the cells a number format that shows their value (Format Cells → General), check them, and save: a value nobody sees would feed the results',
      zh: '请给这些单元格设置能显示值的数字格式（设置单元格格式 → 常规），核对后保存：看不到的值会影响结果',
    },
  },
  'data_xlsx_unreadable.font_colour': {
    message: {
      en: '{count} cell(s) hold data that Excel does not show: the text colour {colour} cannot be told from the background {fill}, but the value would be read',
      zh: '有 {count} 个单元格含有数据，但 Excel 中看不到：文字颜色 {colour} 与背景色 {fill} 无法区分，但值会被读取',
    },
    help: {
      en: 'give the cells a font colour that stands out from their fill (Home → Font Color → Automatic), check them, and save: a value nobody sees would feed the results',
      zh: '请给这些单元格设置与背景色不同的字体颜色（开始 → 字体颜色 → 自动），核对后保存：看不到的值会影响结果',
    },
  },
  'data_xlsx_unreadable.font_size': {
    message: {
      en: '{count} cell(s) hold data that Excel does not show readably: the font is {size} pt, but the value would be read',
      zh: '有 {count} 个单元格含有数据，但 Excel 中无法看清：字号为 {size} 磅，但值会被读取',
    },
    help: {
      en: 'give the cells a readable font size (Home → Font Size, 11 pt), check them, and save: a value nobody sees would feed the results',
      zh: '请给这些单元格设置能看清的字号（开始 → 字号，11 磅），核对后保存：看不到的值会影响结果',
    },
  },
  'data_xlsx_unreadable.covered': {
    message: {
      en: '{count} cell(s) under merged cells hold data: the merge {range} shows only its first cell, but the cells it covers would be read',
      zh: '有 {count} 个被合并单元格覆盖的单元格含有数据：合并区域 {range} 只显示第一个单元格，但被覆盖的单元格会被读取',
    },
    help: {
      en: 'unmerge the cells (Merge & Center off), check the values that appear, delete those not to be read, and save',
      zh: '请取消合并（关闭“合并后居中”），核对显示出来的值，删除不应读取的值后保存',
    },
  },
  'data_xlsx_unreadable.formula': {
    message: {
      en: 'the cell holds the formula `{formula}` without its result: the workbook was written by a program and never calculated',
      zh: '该单元格是公式 `{formula}`，但没有计算结果：工作簿由程序生成，从未计算过',
    },
    help: {
      en: 'open the workbook in Excel or WPS and save it, so that every formula keeps its result; or type the values',
      zh: '请用 Excel 或 WPS 打开工作簿并保存，让每个公式都存下计算结果；或直接填写数值',
    },
  },
  'data_xlsx_unreadable.formula_placeholder': {
    message: {
      en: 'the cell holds the formula `{formula}`, and the workbook asks to be calculated when it is opened: the result stored beside the formula is a placeholder a program wrote (XlsxWriter and pandas store 0), not what Excel shows',
      zh: '该单元格是公式 `{formula}`，且工作簿要求打开时重新计算：公式旁存的结果是生成它的程序写的占位值（XlsxWriter、pandas 写 0），不是 Excel 显示的值',
    },
    help: {
      en: 'open the workbook in Excel or WPS and save it, so that every formula keeps its result; or type the values',
      zh: '请用 Excel 或 WPS 打开工作簿并保存，让每个公式都存下计算结果；或直接填写数值',
    },
  },
  'data_xlsx_unreadable.time_minutes': {
    message: {
      en: 'the cell holds the time {time} (h:mm:ss) in the format `{number_format}`, which shows hours and minutes only: typed `0:45`, such a cell is 45 minutes, while `0:45` in a CSV saved from the sheet is read as minutes and seconds (m:ss); which one is meant cannot be told',
      zh: '该单元格存的时间是 {time}（h:mm:ss），格式 `{number_format}` 只显示小时和分钟：这样的单元格输入 `0:45` 是 45 分钟，而另存为 CSV 后 `0:45` 按分钟和秒读取（m:ss）；无法判断本意',
    },
    help: {
      en: 'format the column as `[h]:mm:ss` or `mm:ss`, so that the seconds show, or write each duration with its unit (`45秒`, `2分30秒`, `1.5小时`)',
      zh: '请把该列设为 `[h]:mm:ss` 或 `mm:ss` 格式，让秒显示出来；或写明每个时长的单位（`45秒`、`2分30秒`、`1.5小时`）',
    },
  },
  'data_xlsx_unreadable.time_wraps': {
    message: {
      en: 'the cell holds the duration {time} (h:mm:ss), but its format `{number_format}` shows {clock_unit} as a clock does, starting again at {wrap}: Excel shows {dropped} less than the cell holds, and a CSV saved from the sheet reads what Excel shows; which one is meant cannot be told',
      zh: '该单元格存的时长是 {time}（h:mm:ss），但格式 `{number_format}` 像时钟一样显示{clock_unit_zh}，到 {wrap} 又从 0 算起：Excel 显示的比单元格存的少 {dropped}，另存为 CSV 后读到的也是 Excel 显示的值；无法判断本意',
    },
    help: {
      en: 'format the column as `[h]:mm:ss` (elapsed hours), check what it shows, and save; or write each duration with its unit (`36小时`, `2分30秒`)',
      zh: '请把该列设为 `[h]:mm:ss` 格式（累计小时），核对显示的时长后保存；或写明每个时长的单位（`36小时`、`2分30秒`）',
    },
  },
});

/**
 * Why the value and period readers refused a cell, in both languages: a reason fills `{detail}`
 * (and its help `{advice}`) of data_not_a_number and data_bad_period, so a Chinese message is
 * Chinese throughout. `{text}` is the cell as written.
 */
export const readerReasons = defineMessages({
  period_ambiguous_dot: {
    message: {
      en: '`{text}` may be January or October: Excel turns 2026.10 into the number 2026.1',
      zh: '`{text}` 可能是 1 月，也可能是 10 月：Excel 会把 2026.10 变成数字 2026.1',
    },
    help: {
      en: 'write the month as YYYY-MM (2026-01 or 2026-10), and format the 月份 column as text before export',
      zh: '请把月份写成 YYYY-MM（2026-01 或 2026-10），并在导出前把 月份 列设为文本格式',
    },
  },
  period_excel_serial: {
    message: {
      en: '`{text}` is an Excel date number ({date}), not a month',
      zh: '`{text}` 是 Excel 的日期序号（{date}），不是月份',
    },
    help: {
      en: 'Excel turned the date into a number: format the 月份 column as text (or as a date) before export, or write the month as YYYY-MM, e.g. 2026-10',
      zh: 'Excel 把日期变成了数字：请在导出前把 月份 列设为文本（或日期）格式，或把月份写成 YYYY-MM，如 2026-10',
    },
  },
  period_no_year: {
    message: { en: '`{text}` has no four-digit year', zh: '`{text}` 没有四位数的年份' },
    help: PERIOD_HELP,
  },
  period_not_a_month: { message: { en: '`{text}` is not a month', zh: '`{text}` 不是月份' }, help: PERIOD_HELP },
  period_bad_month: {
    message: {
      en: '`{text}` has no month {month}: months are 1 to 12',
      zh: '`{text}` 中的月份 {month} 不存在：月份只有 1 到 12',
    },
    help: PERIOD_HELP,
  },
  period_bad_year: {
    message: {
      en: '`{text}` has the year {year}, outside 2000–2099',
      zh: '`{text}` 的年份 {year} 不在 2000–2099 之间',
    },
    help: PERIOD_HELP,
  },
  period_a_day: {
    message: { en: '`{text}` is a day, not a month', zh: '`{text}` 是某一天，不是月份' },
    help: {
      en: 'write the month the data measures as YYYY-MM, e.g. {month}: a date other than the 1st (an export or payment date) is not read as its month',
      zh: '请把数据所属的月份写成 YYYY-MM，如 {month}：1 日以外的日期（导出日期或发放日期）不会读作该月',
    },
  },
  value_dot_thousands: {
    message: {
      en: '`{text}` may be {grouped} or {decimal}: the file is separated by semicolons, as Excel writes it where a dot groups thousands and a comma is the decimal mark',
      zh: '`{text}` 可能是 {grouped}，也可能是 {decimal}：该文件以分号分隔，Excel 在以点号分隔千位、以逗号作小数点的地区这样保存',
    },
    help: {
      en: 'write the number without the dot ({grouped}), or save the file as CSV UTF-8 (comma-separated), where a dot is the decimal mark',
      zh: '请去掉点号写作 {grouped}，或另存为“CSV UTF-8（逗号分隔）”，其中点号是小数点',
    },
  },
  value_inexact: {
    message: {
      en: '`{text}` has more digits than a number keeps: it would be read as {read}',
      zh: '`{text}` 的位数超过数字能精确保存的位数：会被读作 {read}',
    },
    help: {
      en: 'write it with 15 significant digits or fewer, as the figure is meant (a threshold compared with it could fall on the other side)',
      zh: '请按实际数值写成不超过 15 位有效数字（否则与门槛比较时可能落到另一边）',
    },
  },
  value_inexact_middle: {
    message: {
      en: 'the middle of `{text}` is {exact}, more digits than a number keeps: it would be read as {read}',
      zh: '`{text}` 的中间值是 {exact}，位数超过数字能精确保存的位数：会被读作 {read}',
    },
    help: {
      en: 'write the value meant instead of the range, with 15 significant digits or fewer (a threshold compared with it could fall on the other side)',
      zh: '请不写范围，直接填写本意的数值，且不超过 15 位有效数字（否则与门槛比较时可能落到另一边）',
    },
  },
  value_inexact_duration: {
    message: {
      en: '`{text}` is {exact} seconds, more digits than a number keeps: it would be read as {read}',
      zh: '`{text}` 是 {exact} 秒，位数超过数字能精确保存的位数：会被读作 {read}',
    },
    help: {
      en: 'write the duration with fewer decimal places (a threshold compared with it could fall on the other side)',
      zh: '请减少时长的小数位数（否则与门槛比较时可能落到另一边）',
    },
  },
  value_too_large: {
    message: {
      en: '`{text}` is too large to be a figure (at most 9007199254740991)',
      zh: '`{text}` 太大，不是可用的数字（最多 9007199254740991）',
    },
    help: {
      en: 'check the cell: the export may have joined or repeated digits',
      zh: '请检查单元格：导出时可能把数字连在一起或重复了',
    },
  },
  value_excel_error: {
    message: { en: '`{text}` is an Excel error, not a number', zh: '`{text}` 是 Excel 错误，不是数字' },
    help: EXCEL_ERROR_HELP,
  },
  value_excel_error_duration: {
    message: { en: '`{text}` is an Excel error, not a duration', zh: '`{text}` 是 Excel 错误，不是时长' },
    help: EXCEL_ERROR_HELP,
  },
  value_date: {
    message: { en: '`{text}` is a date, not a number', zh: '`{text}` 是日期，不是数字' },
    help: {
      en: 'the cell holds a date: check that this is the right column, or format the cells as numbers in Excel',
      zh: '单元格里是日期：请检查列是否选对，或在 Excel 中把单元格设为数字格式',
    },
  },
  value_fen_in_yuan: {
    message: {
      en: '`{text}` is written in yuan, but the column is in fen (`money_in: fen`)',
      zh: '`{text}` 写的是元，但这一列以分为单位（`money_in: fen`）',
    },
    help: {
      en: 'write the cell in fen as the rest of the column (12345 for ¥123.45), or drop `money_in: fen` if the export is in yuan',
      zh: '请像这一列的其他单元格一样以分填写（¥123.45 写作 12345）；如果导出的是元，请去掉 `money_in: fen`',
    },
  },
  value_fen_fraction: {
    message: {
      en: '`{text}` has a fraction of a fen, but the column is in fen (`money_in: fen`)',
      zh: '`{text}` 含有不足一分的小数，但这一列以分为单位（`money_in: fen`）',
    },
    help: {
      en: 'write whole fen (12345 for ¥123.45), or drop `money_in: fen` if the export is in yuan',
      zh: '请填写整数分（¥123.45 写作 12345）；如果导出的是元，请去掉 `money_in: fen`',
    },
  },
  value_open_ended: {
    message: {
      en: '`{text}` is a bound (more than or less than a figure), not a value',
      zh: '`{text}` 只是一个界限（多于或少于某个数），不是具体数值',
    },
    help: {
      en: 'write the exact figure from the back-office: Douyin shows `10万+` for any count above 100,000',
      zh: '请填写后台的准确数值：抖音对超过 10万 的数都显示为 `10万+`',
    },
  },
  value_range: {
    message: { en: '`{text}` is a range, not one value', zh: '`{text}` 是一个范围，不是单个数值' },
    help: {
      en: 'give one value, or set `ranges: low | middle | high` on the metric in the policy',
      zh: '请填写单个数值，或在政策中给该指标设 `ranges: low | middle | high`',
    },
  },
  value_bad_range: {
    message: { en: '`{text}` is not a readable range', zh: '`{text}` 不是能读取的范围' },
    help: { en: 'write a range as low~high, e.g. 7.5w~10w', zh: '范围请写成 低~高，如 7.5w~10w' },
  },
  value_not_a_ratio: {
    message: NOT_A_NUMBER,
    help: { en: 'write a ratio such as 45.3% or 0.453', zh: '请填写比例，如 45.3% 或 0.453' },
  },
  value_not_an_amount: {
    message: NOT_A_NUMBER,
    help: {
      en: 'write an amount such as 1234.50, ¥1,234.50 or 1.2万',
      zh: '请填写金额，如 1234.50、¥1,234.50 或 1.2万',
    },
  },
  value_not_a_duration: {
    message: { en: '`{text}` is not a duration', zh: '`{text}` 不是时长' },
    help: {
      en: 'write a duration such as 1小时21分5秒, 21分5秒, 01:21:05 or a number of seconds',
      zh: '请填写时长，如 1小时21分5秒、21分5秒、01:21:05 或秒数',
    },
  },
  value_not_a_number: {
    message: NOT_A_NUMBER,
    help: { en: 'write a number such as 1234, 1,234, 1.2万 or 3.5w', zh: '请填写数字，如 1234、1,234、1.2万 或 3.5w' },
  },
});

export type ReaderReason = keyof typeof readerReasons;
