// Catalogue part for event sources (per-video, per-session, per-order exports aggregated into the
// month's metrics by node/cli/events). Keep entries in code order.

import { defineMessages } from './catalogue.js';

export const events = defineMessages({
  data_event_cell: {
    message: { en: '`{value}` in `{column}` is not {what}', zh: '`{column}` 列的 `{value}` 不是{what_zh}' },
    help: {
      en: 'fix the cell in the export; the employee cannot be scored on this source until then',
      zh: '请在导出文件中修正该单元格；修正前该员工无法按此数据源评分',
    },
  },
  'data_event_cell.too_large': {
    message: {
      en: '`{value}` in `{column}` is larger than 999,999,999,999, the most an event cell may hold',
      zh: '`{column}` 列的 `{value}` 超过 999,999,999,999，即事件单元格的上限',
    },
    help: {
      en: 'check the cell: the export may have joined or repeated digits; the employee cannot be scored on this source until then',
      zh: '请检查单元格：导出时可能把数字连在一起或重复了；修正前该员工无法按此数据源评分',
    },
  },
  'data_event_cell.inexact': {
    message: {
      en: '`{value}` in `{column}` has more decimal places than an event cell is read with (six; four before a `%`): it would be rounded, and a rounded number can cross a threshold',
      zh: '`{column}` 列的 `{value}` 小数位数超过事件单元格的读取精度（六位；带 `%` 时四位）：读取时会被四舍五入，而四舍五入后的数值可能跨过门槛',
    },
    help: {
      en: 'round the column in the export to six decimal places (a percentage to four), so that the file says the number that is meant; the employee cannot be scored on this source until then',
      zh: '请在导出文件中把该列四舍五入到六位小数（百分比四位），让文件写明本意的数值；修正前该员工无法按此数据源评分',
    },
  },
  'data_event_cell.structured': {
    message: {
      en: '`{value}` in `{column}` is a list or an object, not one value: a condition would compare its text, and a count would take it for one id',
      zh: '`{column}` 列的 `{value}` 是列表或对象，不是单个值：条件会拿它的文本去比较，计数会把它当作一个编号',
    },
    help: {
      en: 'export the column with one value in each record (`"已退款"`, not `["已退款"]`); the file cannot be read until then',
      zh: '请在导出文件中让该列每条记录只写一个值（写 `"已退款"`，而不是 `["已退款"]`）；修正前无法读取该文件',
    },
  },
  'data_event_cell.negative': {
    message: { en: '`{value}` in `{column}` is negative', zh: '`{column}` 列的 `{value}` 是负数' },
    help: {
      en: 'a negative amount is often a refund row: leave refund rows out with `where:`, or write `negatives: allow` in the metric to count negative cells as they are (a sum then nets them out); otherwise fix the cell',
      zh: '负数往往是退款行：请用 `where:` 排除退款行，或在指标中写 `negatives: allow` 按原值计入负数（求和时相互抵消）；否则请修正该单元格',
    },
  },
  'data_event_cell.excel_error': {
    message: {
      en: '`{value}` in `{column}` is an Excel error, not a value a condition or a count can read',
      zh: '`{column}` 列的 `{value}` 是 Excel 错误，不是条件或计数能读取的值',
    },
    help: {
      en: 'the formula behind this cell failed in Excel ({meaning}): fix it in the export, or type the value',
      zh: '这个单元格背后的公式在 Excel 中出错（{meaning}）：请在导出文件中修正，或直接填写值',
    },
  },
  'data_event_cell.hour_24': {
    message: {
      en: '`{value}` in `{column}` is at 24:00, the end of one day and the start of the next: which day, and so which month, it counts in cannot be told',
      zh: '`{column}` 列的 `{value}` 是 24:00，既是当天的结束又是次日的开始：无法确定它算哪一天、哪个月',
    },
    help: {
      en: "write it as the day's 23:59:59 or as 00:00 of the next day, whichever is meant; the employee cannot be scored on this source until then",
      zh: '请按本意写成当天的 23:59:59 或次日的 00:00；修正前该员工无法按此数据源评分',
    },
  },
  'data_event_cell.at_least': {
    message: {
      en: '`{value}` in `{column}` says only that the number is at least {least}',
      zh: '`{column}` 列的 `{value}` 只说明数值不少于 {least}',
    },
    help: {
      en: 'such a cell is read only in a condition its least value decides (`10万+` is `>= 100000`); a sum, average, minimum or maximum needs the exact numbers: export them',
      zh: '这类单元格只用于其下限足以判定的条件（`10万+` 满足 `>= 100000`）；求和、平均、最小、最大需要精确数值，请导出精确数值',
    },
  },
  'data_event_cell.percent': {
    message: {
      en: '`{value}` in `{column}` is a percentage, but the column is read into a metric that is not a ratio (`{metrics}`)',
      zh: '`{column}` 列的 `{value}` 是百分比，但该列汇总为非比率指标（`{metrics}`）',
    },
    help: {
      en: 'write the number itself (the export may have formatted the column as a percentage): a `%` is read only in a column of ratios; the employee cannot be scored on this source until then',
      zh: '请填写数值本身（导出时可能把该列设成了百分比格式）：只有比率列才读取 `%`；修正前该员工无法按此数据源评分',
    },
  },
  'data_event_cell.percent_both': {
    message: {
      en: '`{value}` in `{column}` is a percentage, but the column is read both into a ratio written as a fraction (`{fraction_metrics}`) and into one written in percent points (`{points_metrics}`): which of the two the `%` means cannot be told',
      zh: '`{column}` 列的 `{value}` 是百分比，但该列既汇总为按小数书写的比率（`{fraction_metrics}`），又汇总为按百分点书写的比率（`{points_metrics}`）：无法确定该按哪一种读取',
    },
    help: {
      en: 'one column cannot hold both: give the metrics the same `ratio_format` in the mapping, or read them from two columns; the employee cannot be scored on this source until then',
      zh: '同一列不能同时是两种写法：请在映射中为这些指标设置相同的 `ratio_format`，或从两个列分别读取；修正前该员工无法按此数据源评分',
    },
  },
  'data_event_cell.repeated': {
    message: {
      en: '`{value}` in `{column}` is the id of row {first_row} too: the row is repeated, and would count twice',
      zh: '`{column}` 列的 `{value}` 与第 {first_row} 行的编号相同：该行重复，会被计入两次',
    },
    help: {
      en: 'the export holds a row twice (exported twice, or two files joined): remove the repeated rows; if rows may share the id (a refund row with its order’s 订单号), leave `row_id` out of the mapping; the employee cannot be scored on this source until then',
      zh: '导出文件中有重复的行（重复导出，或两个文件拼在一起）：请删除重复的行；如果不同的行本就可能共用编号（退款行与原订单同一个订单号），请从映射中删去 `row_id`；修正前该员工无法按此数据源评分',
    },
  },
  data_event_column: {
    message: { en: 'the event file has no column `{column}`', zh: '事件文件没有 `{column}` 列' },
    help: { en: 'the columns are: {columns}', zh: '文件中的列：{columns}' },
  },
  data_event_key_spellings: {
    message: {
      en: 'the key of {employee} is written {count} ways in `{column}` (rows of the month: {keys}), and each is aggregated apart',
      zh: '`{column}` 列中 {employee} 的关联值有 {count} 种写法（本月行数：{keys}），各自分开汇总',
    },
    help: {
      en: 'the spellings differ only in case, full-width forms or spaces: write the key one way in the export, as the roster does; the employee cannot be scored on this source until then',
      zh: '这些写法只差大小写、全角半角或空格：请在导出文件中统一按花名册的写法填写；修正前该员工无法按此数据源评分',
    },
  },
  data_event_no_key: {
    message: {
      en: '{count} row(s) have an empty `{column}` and are not counted for anyone',
      zh: '{count} 行的 `{column}` 为空，不计入任何人',
    },
    help: {
      en: 'fill the key column in the export, or check that `key.column` names the right column',
      zh: '请补全导出文件中的关联列，或检查 `key.column` 是否指向正确的列',
    },
  },
  data_event_read: {
    message: { en: 'the event file cannot be read: {reason}', zh: '无法读取事件文件：{reason_zh}' },
    help: {
      en: 'save it as CSV (UTF-8 or GBK), XLSX, JSON or Parquet, with one header row',
      zh: '请另存为带一行表头的 CSV（UTF-8 或 GBK）、XLSX、JSON 或 Parquet',
    },
  },
  data_event_shape: {
    message: { en: '{problem}', zh: '事件数据源写法有误：{problem_zh}' },
    help: {
      en: "an event source has `file:`, `time:` (the column with each row's time), `metrics:` (each name with `agg`, and `column`, `where`, `per`, `across`, `growth`, `negatives` as needed) and optionally `key:`, `encoding:`, `sheet:`, `header_row:`, `fill_down:`, `row_id:`; see docs/events.md",
      zh: '事件数据源需要 `file:`、`time:`（每行的时间列）、`metrics:`（每个名称写 `agg`，按需写 `column`、`where`、`per`、`across`、`growth`、`negatives`），可选 `key:`、`encoding:`、`sheet:`、`header_row:`、`fill_down:`、`row_id:`；见 docs/events.md',
    },
  },
  data_mapping_shape: {
    message: { en: '{problem}', zh: '数据映射写法有误：{problem_zh}' },
    help: {
      en: 'a data mapping has `roster: { file: … }` and `sources:`, each with `file:` and optionally `key: { column, roster }`, `columns:`, `sheet:`, `encoding:`, `missing_rows: error | default`',
      zh: '数据映射需要 `roster: { file: … }` 和 `sources:`，每个来源写 `file:`，可选 `key: { column, roster }`、`columns:`、`sheet:`、`encoding:`、`missing_rows: error | default`',
    },
  },
  data_mapping_unknown_key: {
    message: { en: 'unknown key `{key}` in `{where}`', zh: '`{where}` 中有未知的键 `{key}`' },
    help: {
      en: 'a data mapping uses only the keys it knows, so a misspelt one is not silently ignored; allowed keys: {allowed}',
      zh: '数据映射只接受已知的键，拼错的键不会被悄悄忽略；允许的键：{allowed}',
    },
  },
  'data_mapping_unknown_key.near': {
    message: { en: 'unknown key `{key}` in `{where}`', zh: '`{where}` 中有未知的键 `{key}`' },
    help: {
      en: 'did you mean `{near}`? allowed keys: {allowed}',
      zh: '是不是想写 `{near}`？允许的键：{allowed}',
    },
  },
  data_event_time_zone: {
    message: { en: 'time zone `{zone}` {problem}', zh: '时区 `{zone}` {problem_zh}' },
    help: {
      en: 'name an IANA time zone, such as `Asia/Shanghai` (the default) or `America/Los_Angeles`',
      zh: '请填写 IANA 时区名，例如 `Asia/Shanghai`（默认）或 `America/Los_Angeles`',
    },
  },
  data_event_unmatched: {
    message: {
      en: '{count} row(s) of the month match no employee in the roster ({keys})',
      zh: '本月有 {count} 行在花名册中找不到对应员工（{keys}）',
    },
    help: {
      en: 'they are left out; add the people to the roster or check the key spelling',
      zh: '这些行未计入；请把相关人员加入花名册或检查关联值的写法',
    },
  },
});
