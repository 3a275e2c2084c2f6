// Catalogue part for the CLI and the editor's server: reading and writing files (io_…), the results
// ledger, and the command line (cli_…). One entry per code; `code.variant` for another phrasing.

import { defineMessages } from './catalogue.js';

export const cli = defineMessages({
  io_not_found: {
    message: { en: 'cannot read policy `{file}`: no such file', zh: '找不到政策文件 `{file}`' },
  },
  'io_not_found.data': {
    message: { en: 'cannot read data `{file}`: no such file', zh: '找不到数据文件 `{file}`' },
  },
  'io_not_found.data_mapping': {
    message: { en: 'cannot read data mapping `{file}`: no such file', zh: '找不到数据映射文件 `{file}`' },
  },
  'io_not_found.policy_tests': {
    message: { en: 'cannot read policy tests `{file}`: no such file', zh: '找不到政策测试文件 `{file}`' },
  },
  io_is_folder: {
    message: { en: 'cannot read policy `{file}`: it is a folder', zh: '无法读取政策 `{file}`：这是一个文件夹' },
  },
  'io_is_folder.data': {
    message: { en: 'cannot read data `{file}`: it is a folder', zh: '无法读取数据 `{file}`：这是一个文件夹' },
  },
  'io_is_folder.data_mapping': {
    message: {
      en: 'cannot read data mapping `{file}`: it is a folder',
      zh: '无法读取数据映射 `{file}`：这是一个文件夹',
    },
  },
  'io_is_folder.policy_tests': {
    message: {
      en: 'cannot read policy tests `{file}`: it is a folder',
      zh: '无法读取政策测试 `{file}`：这是一个文件夹',
    },
  },
  io_permission: {
    message: { en: 'cannot read policy `{file}`: permission denied', zh: '无法读取政策 `{file}`：没有读取权限' },
  },
  'io_permission.data': {
    message: { en: 'cannot read data `{file}`: permission denied', zh: '无法读取数据 `{file}`：没有读取权限' },
  },
  'io_permission.data_mapping': {
    message: {
      en: 'cannot read data mapping `{file}`: permission denied',
      zh: '无法读取数据映射 `{file}`：没有读取权限',
    },
  },
  'io_permission.policy_tests': {
    message: {
      en: 'cannot read policy tests `{file}`: permission denied',
      zh: '无法读取政策测试 `{file}`：没有读取权限',
    },
  },
  io_read_failed: {
    message: { en: 'cannot read policy `{file}`: {reason}', zh: '无法读取政策 `{file}`（{reason}）' },
  },
  io_changed_while_read: {
    message: {
      en: '`{file}` changed while this run was using it: the result was computed from what it held before',
      zh: '`{file}` 在本次运行期间被修改了：结果是按修改前的内容算的',
    },
    help: {
      en: 'nothing was written or recorded; when the file is saved (and closed in Excel), run again',
      zh: '没有写出或记录任何内容；请在文件保存好（并在 Excel 中关闭）后重新运行',
    },
  },
  'io_read_failed.data': {
    message: { en: 'cannot read data `{file}`: {reason}', zh: '无法读取数据 `{file}`（{reason}）' },
  },
  'io_read_failed.data_mapping': {
    message: { en: 'cannot read data mapping `{file}`: {reason}', zh: '无法读取数据映射 `{file}`（{reason}）' },
  },
  'io_read_failed.policy_tests': {
    message: { en: 'cannot read policy tests `{file}`: {reason}', zh: '无法读取政策测试 `{file}`（{reason}）' },
  },
  io_not_a_file: {
    message: {
      en: 'cannot read policy `{file}`: it is {kind}, not a file',
      zh: '无法读取政策 `{file}`：它不是普通文件（{kind}）',
    },
    help: { en: 'save the policy to a file and give that file', zh: '请把政策存成文件，再指定该文件' },
  },
  'io_not_a_file.data': {
    message: {
      en: 'cannot read data `{file}`: it is {kind}, not a file',
      zh: '无法读取数据 `{file}`：它不是普通文件（{kind}）',
    },
    help: { en: 'save the data to a file and give that file', zh: '请把数据存成文件，再指定该文件' },
  },
  'io_not_a_file.data_mapping': {
    message: {
      en: 'cannot read data mapping `{file}`: it is {kind}, not a file',
      zh: '无法读取数据映射 `{file}`：它不是普通文件（{kind}）',
    },
    help: { en: 'save the data mapping to a file and give that file', zh: '请把数据映射存成文件，再指定该文件' },
  },
  'io_not_a_file.policy_tests': {
    message: {
      en: 'cannot read policy tests `{file}`: it is {kind}, not a file',
      zh: '无法读取政策测试 `{file}`：它不是普通文件（{kind}）',
    },
    help: { en: 'save the policy tests to a file and give that file', zh: '请把政策测试存成文件，再指定该文件' },
  },
  io_too_large: {
    message: {
      en: 'cannot read policy `{file}`: the file is larger than {size}, the most a policy may be',
      zh: '无法读取政策 `{file}`：文件超过 {size}，这是政策文件的上限',
    },
    help: { en: 'check that this is the policy file', zh: '请确认这是政策文件' },
  },
  'io_too_large.data': {
    message: {
      en: 'cannot read data `{file}`: the file is larger than {size}, the most a data file read whole may be',
      zh: '无法读取数据 `{file}`：文件超过 {size}，这是整体读入的数据文件的上限',
    },
    help: {
      en: 'a CSV run to a CSV file (`--format csv --out FILE`) streams a file of any size; split other files by team or month',
      zh: 'CSV 输入、CSV 输出（`--format csv --out FILE`）可逐块处理任意大小的文件；其他文件请按团队或月份拆分',
    },
  },
  'io_too_large.data_mapping': {
    message: {
      en: 'cannot read data mapping `{file}`: the file is larger than {size}, the most a data mapping may be',
      zh: '无法读取数据映射 `{file}`：文件超过 {size}，这是数据映射文件的上限',
    },
    help: { en: 'check that this is the data mapping file', zh: '请确认这是数据映射文件' },
  },
  'io_too_large.policy_tests': {
    message: {
      en: 'cannot read policy tests `{file}`: the file is larger than {size}, the most a policy tests may be',
      zh: '无法读取政策测试 `{file}`：文件超过 {size}，这是政策测试文件的上限',
    },
    help: { en: 'check that this is the policy tests file', zh: '请确认这是政策测试文件' },
  },
  io_not_text: {
    message: {
      en: 'policy `{file}`: the file is not valid {encoding} text',
      zh: '政策 `{file}` 不是有效的 {encoding} 文本',
    },
    help: {
      en: 'a YAML file is read as UTF-8: save it as UTF-8 (in Notepad, Save as → Encoding: UTF-8), not as ANSI/GBK or Unicode (UTF-16)',
      zh: 'YAML 文件按 UTF-8 读取：请另存为 UTF-8（记事本：另存为 → 编码选 UTF-8），不要存为 ANSI/GBK 或 Unicode（UTF-16）',
    },
  },
  'io_not_text.data': {
    message: {
      en: 'data `{file}`: the file is not valid {encoding} text',
      zh: '数据 `{file}` 不是有效的 {encoding} 文本',
    },
    help: {
      en: 'save it from Excel as "CSV UTF-8", or name the encoding with --encoding utf-8|gbk|gb18030',
      zh: '请在 Excel 中另存为“CSV UTF-8”，或用 --encoding utf-8|gbk|gb18030 指定编码',
    },
  },
  'io_not_text.data_mapping': {
    message: {
      en: 'data mapping `{file}`: the file is not valid {encoding} text',
      zh: '数据映射 `{file}` 不是有效的 {encoding} 文本',
    },
    help: {
      en: 'a YAML file is read as UTF-8: save it as UTF-8 (in Notepad, Save as → Encoding: UTF-8), not as ANSI/GBK or Unicode (UTF-16)',
      zh: 'YAML 文件按 UTF-8 读取：请另存为 UTF-8（记事本：另存为 → 编码选 UTF-8），不要存为 ANSI/GBK 或 Unicode（UTF-16）',
    },
  },
  'io_not_text.policy_tests': {
    message: {
      en: 'policy tests `{file}`: the file is not valid {encoding} text',
      zh: '政策测试 `{file}` 不是有效的 {encoding} 文本',
    },
    help: {
      en: 'a YAML file is read as UTF-8: save it as UTF-8 (in Notepad, Save as → Encoding: UTF-8), not as ANSI/GBK or Unicode (UTF-16)',
      zh: 'YAML 文件按 UTF-8 读取：请另存为 UTF-8（记事本：另存为 → 编码选 UTF-8），不要存为 ANSI/GBK 或 Unicode（UTF-16）',
    },
  },
  io_unknown_data_format: {
    message: {
      en: 'cannot read data `{file}`: expected a .csv, .tsv, .txt, .json or .xlsx file, or a data mapping (.yaml)',
      zh: '无法读取数据 `{file}`：应为 .csv、.tsv、.txt、.json 或 .xlsx 文件，或数据映射（.yaml）',
    },
  },
  io_write_failed: {
    message: { en: 'cannot write `{file}`: {reason}', zh: '无法写入 `{file}`（{reason}）' },
  },
  'io_write_failed.no_folder': {
    message: {
      en: 'cannot write `{file}`: the folder `{dir}` does not exist',
      zh: '无法写入 `{file}`：文件夹 `{dir}` 不存在',
    },
    help: {
      en: 'create the folder first, or write to an existing folder',
      zh: '请先创建该文件夹，或换用已有的文件夹',
    },
  },
  'io_write_failed.no_new_files': {
    message: {
      en: 'cannot write `{file}`: the folder `{dir}` exists but takes no new files (a system folder such as /proc)',
      zh: '无法写入 `{file}`：文件夹 `{dir}` 存在，但不能在其中新建文件（如 /proc 这样的系统文件夹）',
    },
    help: {
      en: 'write to a folder of your own, e.g. results/',
      zh: '请换用你自己的文件夹，如 results/',
    },
  },
  'io_write_failed.parent_is_file': {
    message: {
      en: 'cannot write `{file}`: `{dir}` is a file, not a folder',
      zh: '无法写入 `{file}`：`{dir}` 是文件，不是文件夹',
    },
    help: {
      en: 'write to a path inside a folder, e.g. results/',
      zh: '请换用文件夹中的路径，如 results/',
    },
  },
  'io_write_failed.denied': {
    message: {
      en: 'cannot write `{file}`: permission denied',
      zh: '无法写入 `{file}`：没有写入权限',
    },
    help: {
      en: 'write it to a folder you can write to, or ask for write access',
      zh: '请写到有写入权限的文件夹，或申请写入权限',
    },
  },
  'io_write_failed.full': {
    message: { en: 'cannot write `{file}`: the disk is full', zh: '无法写入 `{file}`：磁盘已满' },
    help: {
      en: 'free some space and run again: nothing was written (the output is written whole or not at all)',
      zh: '请腾出磁盘空间后重新运行：文件没有写入（输出要么完整写入，要么完全不写）',
    },
  },
  'io_write_failed.read_only': {
    message: { en: 'cannot write `{file}`: the disk is read-only', zh: '无法写入 `{file}`：磁盘为只读' },
    help: { en: 'write to a writable disk', zh: '请换用可写的磁盘' },
  },
  io_output_broken_link: {
    message: {
      en: 'cannot write `{file}`: it is a link to a file that does not exist',
      zh: '无法写入 `{file}`：它是指向不存在文件的链接',
    },
    help: {
      en: 'give --out a new file name or an existing regular file',
      zh: '请给 --out 一个新文件名或已有的普通文件',
    },
  },
  io_output_folder: {
    message: { en: 'cannot write `{file}`: it is a folder', zh: '无法写入 `{file}`：这是一个文件夹' },
    help: { en: 'give --out a file name, e.g. results.csv', zh: '请给 --out 一个文件名，如 results.csv' },
  },
  io_output_not_a_file: {
    message: {
      en: 'cannot write `{file}`: it is {kind}, not a file',
      zh: '无法写入 `{file}`：它不是普通文件（{kind}）',
    },
    help: {
      en: 'give --out a new file name or an existing regular file',
      zh: '请给 --out 一个新文件名或已有的普通文件',
    },
  },
  io_output_is_input: {
    message: {
      en: 'refusing to write `{file}`: it is {input}',
      zh: '拒绝写入 `{file}`：它是本次运行的输入（{input}）',
    },
    help: { en: 'write the output to another file', zh: '请把结果写到另一个文件' },
  },
  io_output_not_a_folder: {
    message: {
      en: 'cannot write statements to `{dir}`: it is {kind}, not a folder',
      zh: '无法把绩效说明写入 `{dir}`：它不是文件夹（{kind}）',
    },
    help: { en: 'give --out a folder (it is created if missing)', zh: '请给 --out 一个文件夹（不存在时会自动创建）' },
  },
  io_output_folder_failed: {
    message: { en: 'cannot write statements to `{dir}`: {reason}', zh: '无法把绩效说明写入 `{dir}`（{reason}）' },
  },
  io_stdout: {
    message: { en: 'cannot write to stdout: {reason}', zh: '无法写入标准输出（{reason}）' },
  },
  io_xlsx_text: {
    message: {
      en: 'cannot write `{text}` to an XLSX file: the XLSX writer cannot store this text; use `--format csv` or `--format json`, or rename it in the data',
      zh: '无法把 `{text}` 写入 XLSX 文件：XLSX 写入器无法保存这段文字；请改用 `--format csv` 或 `--format json`，或在数据中改名',
    },
  },
  ledger_id_zeros: {
    message: {
      en: '`{id}` has no earlier months in the ledger `{ledger}`, but `{other}` has: the same number with or without leading zeros',
      zh: '`{id}` 在结果账本 `{ledger}` 中没有以前月份的记录，但 `{other}` 有：两者是同一个数字，只差开头的 0',
    },
    help: {
      en: 'ids are not joined across spellings, so history facts (two C in a row, improvement plans) start again for `{id}`: Excel drops the leading zeros of a number-like id, so format the 工号 column as text before export',
      zh: '不同写法的工号不会被视为同一人，`{id}` 的历史事实（连续两次 C、改进计划）将重新开始：Excel 会去掉数字型工号开头的 0，请在导出前把工号列设为文本格式',
    },
  },
  'ledger_id_zeros.prefixed': {
    message: {
      en: '`{id}` has no earlier months in the ledger `{ledger}`, but `{other}` has: the same letters and number with or without leading zeros',
      zh: '`{id}` 在结果账本 `{ledger}` 中没有以前月份的记录，但 `{other}` 有：两者字母和数字相同，只差数字开头的 0',
    },
    help: {
      en: 'ids are not joined across spellings, so history facts (two C in a row, improvement plans) start again for `{id}`: if they are one person, write the id as the ledger has it, `{other}`',
      zh: '不同写法的工号不会被视为同一人，`{id}` 的历史事实（连续两次 C、改进计划）将重新开始：如果是同一人，请按账本中的写法填写工号 `{other}`',
    },
  },
  'ledger_id_zeros.case': {
    message: {
      en: '`{id}` has no earlier months in the ledger `{ledger}`, but `{other}` has: the same id in another case',
      zh: '`{id}` 在结果账本 `{ledger}` 中没有以前月份的记录，但 `{other}` 有：两者只差字母大小写',
    },
    help: {
      en: 'ids are not joined across spellings, so history facts (two C in a row, improvement plans) start again for `{id}`: if they are one person, write the id as the ledger has it, `{other}`',
      zh: '不同写法的工号不会被视为同一人，`{id}` 的历史事实（连续两次 C、改进计划）将重新开始：如果是同一人，请按账本中的写法填写工号 `{other}`',
    },
  },
  io_ledger_missing: {
    message: { en: 'no results ledger at `{ledger}`', zh: '`{ledger}` 处没有结果账本' },
  },
  'io_ledger_missing.history': {
    message: { en: 'no results ledger at `{ledger}`', zh: '`{ledger}` 处没有结果账本' },
    help: {
      en: 'record a period with `yardstick run … --record`, or give --ledger',
      zh: '请先用 `yardstick run … --record` 记录一个月份，或指定 --ledger',
    },
  },
  io_ledger_folder_missing: {
    message: {
      en: 'the folder of the results ledger `{ledger}` does not exist',
      zh: '结果账本 `{ledger}` 所在的文件夹不存在',
    },
    help: {
      en: 'check the path; to start a new ledger there, create the folder first',
      zh: '请检查路径；若要新建账本，请先创建该文件夹',
    },
  },
  io_ledger_folder_failed: {
    message: {
      en: 'cannot create the folder of the results ledger `{ledger}`: {reason}',
      zh: '无法创建结果账本 `{ledger}` 所在的文件夹（{reason}）',
    },
  },
  io_ledger_lock_failed: {
    message: {
      en: 'cannot lock the results ledger `{ledger}`: cannot create `{lock}`: {reason}',
      zh: '无法锁定结果账本 `{ledger}`：无法创建 `{lock}`（{reason}）',
    },
    help: { en: "the ledger's folder must be writable", zh: '账本所在的文件夹须可写' },
  },
  'io_ledger_lock_failed.write': {
    message: {
      en: 'cannot lock the results ledger `{ledger}`: cannot write `{lock}`: {reason}',
      zh: '无法锁定结果账本 `{ledger}`：无法写入 `{lock}`（{reason}）',
    },
  },
  io_ledger_locked: {
    message: {
      en: 'the results ledger `{ledger}` is still locked after {wait} s: {owner}',
      zh: '结果账本 `{ledger}` 在 {wait} 秒后仍被锁定（{owner}）',
    },
    help: {
      en: 'try again when that run has finished; if it is not running any more, delete `{lock}`',
      zh: '请等那次运行结束后再试；如果它已不在运行，请删除 `{lock}`',
    },
  },
  io_ledger_lock_lost: {
    message: {
      en: 'the lock `{lock}` of the results ledger `{ledger}` was taken over by another run while this one worked: nothing was recorded',
      zh: '结果账本 `{ledger}` 的锁 `{lock}` 在本次运行期间被另一次运行接管：什么也没有记录',
    },
    help: { en: 'run again', zh: '请重新运行' },
  },
  io_ledger_unreadable: {
    message: {
      en: '`{ledger}` is not a readable results ledger: {detail}',
      zh: '`{ledger}` 不是可读的结果账本（{detail}）',
    },
  },
  io_ledger_read_failed: {
    message: {
      en: 'cannot read the results ledger `{ledger}`: {reason}',
      zh: '无法读取结果账本 `{ledger}`（{reason}）',
    },
  },
  io_ledger_links: {
    message: {
      en: 'the results ledger `{ledger}` is a chain of more than 40 symbolic links',
      zh: '结果账本 `{ledger}` 是超过 40 层的符号链接',
    },
    help: { en: 'point --ledger at the file itself', zh: '请让 --ledger 直接指向账本文件' },
  },
  io_ledger_damaged: {
    message: { en: 'the results ledger `{ledger}` is damaged: {detail}', zh: '结果账本 `{ledger}` 已损坏（{detail}）' },
    help: { en: 'nothing was read from it or written to it; {backup}', zh: '没有读取或写入它；{backup}' },
  },
  cli_ledger_wait: {
    message: {
      en: 'the environment variable YARDSTICK_LEDGER_WAIT_SECONDS takes a number of seconds, got `{value}`',
      zh: 'YARDSTICK_LEDGER_WAIT_SECONDS 应为秒数，填的是 `{value}`',
    },
  },
  cli_record_periods: {
    message: {
      en: 'only one period can be recorded at a time (the data holds `{periods}`)',
      zh: '一次只能记录一个月份（数据中是 `{periods}`）',
    },
  },
  cli_record_spelled: {
    message: {
      en: 'period {period} of `{policy}` is already recorded, written `{spelled}`',
      zh: '`{policy}` 的月份 {period} 已记录过，写作 `{spelled}`',
    },
    help: {
      en: "this ledger was written before periods were read as YYYY-MM; correct that run's period in the ledger to {period} before recording or amending it",
      zh: '这个账本写于月份统一为 YYYY-MM 之前：请先把账本中那次运行的月份改为 {period}，再记录或更正',
    },
  },
  cli_record_rollup_id: {
    message: {
      en: "`{policy}` is the id of a roll-up recorded in this ledger ({periods}): a month recorded under it would be read beside the roll-up's periods, and its history with them",
      zh: '`{policy}` 是本账本中已记录的汇总政策的编号（{periods}）：以它记录月份，会与汇总期混在一起，其历史事实也会读到它们',
    },
    help: {
      en: 'nothing was recorded; give the monthly policy its own `policy:` id',
      zh: '没有记录任何内容；请给月度政策一个自己的 `policy:` 编号',
    },
  },
  cli_record_recorded: {
    message: {
      en: 'period {period} of `{policy}` is already recorded (run #{run}, v{version}, {at})',
      zh: '`{policy}` 的月份 {period} 已记录过（第 {run} 次运行，v{version}，{at}）',
    },
    help: {
      en: 'to correct it, run again with --amend; the correction is kept beside the original with top-up and clawback lines',
      zh: '如需更正，请加 --amend 重新运行；更正与原记录并存，并列出补发和扣回',
    },
  },
  cli_record_older_version: {
    message: {
      en: '`{policy}` v{version} is older than v{newest}, which recorded {recorded} (run #{run}): an official result is recorded only under the version in force',
      zh: '`{policy}` 的 v{version} 早于 v{newest}（已用于记录 {recorded}，第 {run} 次运行）：正式结果只按现行版本记录',
    },
    help: {
      en: 'run with the policy as it is now (check out its latest version); to apply the older rules again, give them a new, higher version, as every policy change needs',
      zh: '请使用现行版本的政策（检出最新版本）；如要重新采用旧规则，请给它一个更高的新版本号，每次修改政策都需要这样做',
    },
  },
  cli_record_not_recorded: {
    message: {
      en: 'period {period} of `{policy}` has not been recorded yet: record it without --amend',
      zh: '`{policy}` 的月份 {period} 还没有记录：请不加 --amend 记录',
    },
  },
  cli_record_out_of_order: {
    message: {
      en: 'period {period} of `{policy}` is earlier than the recorded {later}, whose history facts (previous_grade, consecutive_grade, periods_in_role, rolling_average, improvement plans) were computed without it and would be stale',
      zh: '`{policy}` 的月份 {period} 早于已记录的 {later}，那些月份的历史数据（previous_grade、consecutive_grade、periods_in_role、rolling_average、改进计划）没有算上它，会过时',
    },
    help: {
      en: 'record months in order; to record it anyway, run again with --out-of-order, then --amend {later} in order so that their history includes it',
      zh: '请按月份顺序记录；如仍要记录，请加 --out-of-order 重新运行，再按顺序 --amend {later}，让它们的历史数据算上这个月',
    },
  },
  'cli_record_out_of_order.stale': {
    message: {
      en: 'period {period} of `{policy}` would read the history of {later}, recorded before an earlier month was recorded or corrected: the history facts of {later} (improvement plans, consecutive grades, rolling averages) are stale, and {period} would carry them on',
      zh: '`{policy}` 的月份 {period} 会读取 {later} 的历史数据，而 {later} 记录在更早月份的记录或更正之前：{later} 的历史数据（改进计划、连续等级、近期平均）已过时，{period} 会沿用它们',
    },
    help: {
      en: 'first --amend {later} in order (each with --out-of-order while a later month is recorded), so that their history includes the earlier month, then record {period}; or run again with --out-of-order to record it on the stale history all the same',
      zh: '请先按顺序 --amend {later}（已记录更晚月份时每次都加 --out-of-order），让它们的历史数据算上更早的月份，再记录 {period}；如仍要在过时的历史上记录，请加 --out-of-order 重新运行',
    },
  },
  cli_record_amend_excludes: {
    message: { en: '{detail}', zh: '更正会漏掉已记录的人（{detail}）' },
    help: {
      en: 'nothing was recorded; a correction must score everyone recorded for the period: fix their data and run --amend again (someone who should no longer be paid is removed from the data, and is then clawed back)',
      zh: '没有记录任何内容；更正须计算该月已记录的每个人：请修正他们的数据后再次 --amend（不应再发的人请从数据中删除，随后会被扣回）',
    },
  },
  cli_record_before_effective: {
    message: {
      en: 'not recorded: {detail}; record it with the policy version in force for that period',
      zh: '没有记录（{detail}）：请用该月生效的政策版本记录',
    },
  },
  cli_policy_invalid: {
    message: { en: '{file}: the policy has {count} problem(s)', zh: '{file}：政策有 {count} 个问题' },
  },
  cli_policy_unreadable: {
    message: { en: '{file}: the policy cannot be read:', zh: '{file}：无法读取政策：' },
  },
  cli_data_unfit: {
    message: {
      en: '{file}: the data cannot be read, or does not fit the policy',
      zh: '{file}：无法读取数据，或数据与政策不符',
    },
  },
  cli_records_refused: {
    message: {
      en: '{count} record(s) cannot be scored; fix the data, or run again with --exclude-invalid to leave them out of the results and totals',
      zh: '有 {count} 条记录无法计算：请修正数据，或加 --exclude-invalid 重新运行，把它们排除在结果和合计之外',
    },
  },
  cli_unknown_employee: {
    message: { en: 'unknown employee id `{employee}` in `{file}`', zh: '`{file}` 中没有工号 `{employee}`' },
    help: {
      en: '{near}the file has {count} employees, e.g. {examples}',
      zh: '{near}文件中有 {count} 名员工，如 {examples}',
    },
  },
  cli_no_statement: {
    message: {
      en: 'no recorded statement of `{employee}` for {period}{under} in `{ledger}`',
      zh: '`{ledger}` 中没有 `{employee}` 在 {period}{under} 的记录',
    },
  },
  cli_statement_removed: {
    message: {
      en: '`{employee}` is not in the run in force for {period} under `{policy}`: correction run #{run} no longer lists them (run #{listed} recorded {pay}), so their pay for {period} is ¥0.00',
      zh: '`{employee}` 不在 {period} 按政策 `{policy}` 现行的记录中：更正记录 #{run} 已不再列出此人（记录 #{listed} 中为 {pay}），{period} 应发 ¥0.00',
    },
    help: {
      en: '`yardstick history --employee {employee}` shows every recorded line, the clawback included',
      zh: '`yardstick history --employee {employee}` 列出每一条记录，包括追回',
    },
  },
  cli_statement_ambiguous: {
    message: {
      en: '`{employee}` was recorded for {period} under several policies ({policies}): name the policy file',
      zh: '`{employee}` 在 {period} 按多个政策记录过（{policies}）：请指定政策文件',
    },
  },
  cli_statement_ids_case: {
    message: {
      en: 'employee ids {ids} differ only in upper and lower case: their statements would overwrite each other on Windows and macOS',
      zh: '工号 {ids} 只有大小写不同：在 Windows 和 macOS 上它们的绩效说明会互相覆盖',
    },
    help: { en: 'give each employee an id that differs in more than case', zh: '请让每个工号不只在大小写上不同' },
  },
  cli_statement_id_too_long: {
    message: {
      en: "employee `{employee}`'s id makes a statement file name of {bytes} bytes, more than the {max} a file name may have",
      zh: '员工 `{employee}` 的工号生成的结果通知文件名有 {bytes} 字节，超过文件名上限 {max} 字节',
    },
    help: {
      en: 'check the id in the data (an id is a short code such as SV0001): a cell pasted into the id column, perhaps',
      zh: '请检查数据中的工号（工号应是 SV0001 这样的短编码）：可能是误粘贴到工号列的内容',
    },
  },
  cli_statement_several_periods: {
    message: {
      en: '`{file}` holds {count} months ({periods}): statements are written for one month, one per employee',
      zh: '`{file}` 包含 {count} 个月份（{periods}）：结果通知按月写，每人一份',
    },
    help: {
      en: "write each month's statements from that month's file, or name the month with --period YYYY-MM and add --exclude-invalid: it is written as `run` scores the whole file, the earlier months its history, and the other months' rows are listed as left out",
      zh: '请用每个月自己的数据文件分别生成；或用 --period YYYY-MM 指定月份并加 --exclude-invalid：该月按 `run` 对整个文件的评分写出，之前的月份作为它的历史，其他月份的行列为未计入',
    },
  },
  cli_history_none: {
    message: { en: '`{employee}` has no recorded period in `{ledger}`', zh: '`{ledger}` 中没有 `{employee}` 的记录' },
  },
  'cli_history_none.near': {
    message: { en: '`{employee}` has no recorded period in `{ledger}`', zh: '`{ledger}` 中没有 `{employee}` 的记录' },
    help: { en: 'did you mean {near}? ids are compared with their case', zh: '是不是 {near}？工号区分大小写' },
  },
  cli_tests_unreadable: {
    message: { en: 'policy tests `{file}` cannot be read:', zh: '无法读取政策测试 `{file}`：' },
  },
  cli_tests_shape: {
    message: { en: '{file}: expected `cases:` with a list of cases', zh: '{file}：应有 `cases:` 及用例列表' },
  },
  cli_test_case_expect: {
    message: { en: '{file}: case `{name}` has no `expect:`', zh: '{file}：用例 `{name}` 没有 `expect:`' },
  },
  cli_test_case_input: {
    message: {
      en: '{file}: case `{name}` needs `record:` or `sample:`',
      zh: '{file}：用例 `{name}` 需要 `record:` 或 `sample:`',
    },
  },
  cli_test_case_value: {
    message: { en: '{place}: case `{name}`: {what}', zh: '{place}：用例 `{name}`：{what}' },
    help: {
      en: 'give `role` and `stage` by the policy’s ids and `period` as 2026-10, each metric by its id with a number (a ratio as a fraction: 0.2), `pay_base` as a number, `history` as a list of grades, and under `expect:` the score and payout as numbers and the grade as the policy writes it',
      zh: '`role` 和 `stage` 写政策中的编号，`period` 写成 2026-10，每个指标写编号和数值（比率写小数：0.2），`pay_base` 写数值，`history` 写等级列表；`expect:` 中的 score 和 payout 写数值，grade 照政策中的写法填写',
    },
  },
  'cli_test_case_value.rollup': {
    message: { en: '{place}: case `{name}`: {what}', zh: '{place}：用例 `{name}`：{what}' },
    help: {
      en: 'write each month as `{ employee_id: E1, period: 2026-07, score: 90, grade: A, payout: 900 }` (numbers without quotes, pay in yuan to the fen, the monthly policy’s grades and tiers), and under `expect:` each employee id with the roll-up policy’s grades, awards and facts',
      zh: '每个月写成 `{ employee_id: E1, period: 2026-07, score: 90, grade: A, payout: 900 }`（数字不加引号，应发以元为单位精确到分，等级和档位照月度政策填写）；`expect:` 中每个工号写汇总政策的等级、奖项和事实',
    },
  },
  cli_test_case_sample: {
    message: {
      en: '{file}: case `{name}`: employee `{employee}` is not a scorable row of `{sample}`',
      zh: '{file}：用例 `{name}`：员工 `{employee}` 不是 `{sample}` 中可计算的行',
    },
  },
  cli_test_case_sample_format: {
    message: {
      en: '{file}: case `{name}`: the sample `{sample}` is not a .csv, .tsv, .txt or .json file: a case reads its row from a text table',
      zh: '{file}：用例 `{name}`：样本 `{sample}` 不是 .csv、.tsv、.txt 或 .json 文件：用例只从文本表格中读取行',
    },
    help: {
      en: 'save the sheet as CSV UTF-8 (Excel: Save As → CSV UTF-8) beside the test file and name that file in `sample.file`',
      zh: '请把工作表另存为 CSV UTF-8（Excel：另存为 → CSV UTF-8），放在测试文件旁，并在 `sample.file` 中写这个文件',
    },
  },
  cli_test_case_sample_months: {
    message: {
      en: '{file}: case `{name}`: employee `{employee}` is in {count} months of `{sample}` ({periods}): say which with `period:`',
      zh: '{file}：用例 `{name}`：员工 `{employee}` 在 `{sample}` 中有 {count} 个月份（{periods}）：请用 `period:` 指明是哪个月',
    },
    help: {
      en: 'add the month to the sample: `sample: { file: …, employee: …, period: 2026-10 }`',
      zh: '请在 sample 中写明月份：`sample: { file: …, employee: …, period: 2026-10 }`',
    },
  },
  cli_diff_side_invalid: {
    message: { en: '{label}: this side of the diff is not a valid policy', zh: '{label}：比较的这一侧不是有效的政策' },
  },
  cli_diff_kinds: {
    message: {
      en: '`{rollup_side}` is a roll-up policy and `{monthly_side}` a monthly one: diff compares two versions of one policy',
      zh: '`{rollup_side}` 是汇总政策，`{monthly_side}` 是月度政策：diff 只比较同一政策的两个版本',
    },
    help: {
      en: 'give two versions of the same policy: two files or git revisions of the monthly policy, or of the roll-up',
      zh: '请给出同一政策的两个版本：月度政策的两个文件或 git 版本，或汇总政策的两个',
    },
  },
  cli_diff_rollup_data: {
    message: {
      en: '`{file}` is a roll-up policy: it scores the months recorded in the ledger, not a data file, so --data `{data}` cannot measure the change',
      zh: '`{file}` 是汇总政策：它按账本中已记录的月份评分，不读数据文件，--data `{data}` 无法衡量这次修改',
    },
    help: {
      en: 'compare the two versions without --data; run `yardstick rollup POLICY --period …` with each version for its figures',
      zh: '请去掉 --data 比较两个版本；用 `yardstick rollup 政策 --period …` 分别运行两个版本查看金额',
    },
  },
  cli_diff_unscorable: {
    message: {
      en: '{lost}; their pay is not in the impact totals',
      zh: '{lost_zh}：他们的应发不计入影响合计',
    },
    help: {
      en: 'the report lists them with the reason; give the metric a `default` or fix the rule, or run again with --allow-unscorable to accept it',
      zh: '报告列出了他们和原因：请给指标设 `default` 或修正规则，或加 --allow-unscorable 重新运行以接受',
    },
  },
  cli_diff_data_unfit: {
    message: { en: '`{file}` does not fit the policy `{policy}`:', zh: '`{file}` 与政策 `{policy}` 不符：' },
  },
  cli_mapping_teams_shape: {
    message: { en: '{file}: `teams:` must be a mapping of team ids', zh: '{file}：`teams:` 应为以团队编号为键的映射' },
    help: { en: '{help}', zh: '{help}' },
  },
  cli_mapping_teams_declared: {
    message: {
      en: '{file}: the policy declares its teams already, so the data mapping may not',
      zh: '{file}：政策已声明团队，数据映射不能再声明',
    },
    help: {
      en: "keep one list: add the other spellings to the policy's `teams:` as `aliases`, and remove `teams:` from the mapping",
      zh: '只保留一份：请把其他写法作为 `aliases` 加到政策的 `teams:` 中，并从数据映射中删去 `teams:`',
    },
  },
  cli_mapping_team_shape: {
    message: {
      en: '{file}: team `{id}` needs a `title` and may have a list of `aliases`',
      zh: '{file}：团队 `{id}` 需要 `title`，并可有 `aliases` 列表',
    },
    help: { en: '{help}', zh: '{help}' },
  },
  cli_mapping_team_name: {
    message: {
      en: '{file}: team name `{name}` is used by both `{other}` and `{id}`',
      zh: '{file}：团队名 `{name}` 同时被 `{other}` 和 `{id}` 使用',
    },
    help: {
      en: 'each title and alias must name one team (width, spaces and letter case do not count as a difference)',
      zh: '每个名称和别名只能指一个团队（全角半角、空格和大小写不算区别）',
    },
  },
  cli_mapping_period: {
    message: { en: '{file}: `period:` {detail}', zh: '{file}：`period:` 无法读取（{detail_zh}）' },
    help: { en: '{advice}', zh: '{advice_zh}' },
  },
  cli_mapping_period_conflict: {
    message: {
      en: '{file}: the mapping is for `period: {period}`, but `--period` says {given_period}',
      zh: '{file}：数据映射写的是 `period: {period}`，而 `--period` 是 {given_period}',
    },
    help: {
      en: 'leave `--period` out to run the month the mapping names, or change `period:` in the mapping',
      zh: '请去掉 `--period`，按数据映射中的月份运行；或修改数据映射中的 `period:`',
    },
  },
  cli_mapping_no_events: {
    message: {
      en: '{file}: the mapping has no `events:`, so there is no SQL to show',
      zh: '{file}：数据映射中没有 `events:`，没有可显示的 SQL',
    },
    help: { en: 'declare event sources as docs/events.md describes', zh: '请按 docs/events.md 的说明声明事件来源' },
  },
  cli_git_revision: {
    message: { en: 'git revision `{rev}` does not exist', zh: 'git 版本 `{rev}` 不存在' },
  },
  'cli_git_revision.spec': {
    message: { en: 'git revision `{rev}` does not exist', zh: 'git 版本 `{rev}` 不存在' },
    help: {
      en: 'use a branch, tag or commit such as `main` or `HEAD~1`',
      zh: '请使用分支、标签或提交，如 `main` 或 `HEAD~1`',
    },
  },
  cli_git_path: {
    message: { en: '`{path}` is not in git revision `{rev}`', zh: 'git 版本 `{rev}` 中没有 `{path}`' },
    help: {
      en: 'paths are relative to the repository root, e.g. `{rev}:policies/short-video-team.yaml`',
      zh: '路径从仓库根目录算起，如 `{rev}:policies/short-video-team.yaml`',
    },
  },
  cli_usage: {
    message: { en: '{detail}', zh: '命令行有误（{detail}）' },
  },
  cli_option_repeated: {
    message: {
      en: 'option `{option}` is given twice, as `{first}` and as `{second}`',
      zh: '选项 `{option}` 给了两次：`{first}` 和 `{second}`',
    },
    help: {
      en: 'give it once: it takes one value, and a second one does not add to the first',
      zh: '请只给一次：此选项只取一个值，第二个值不会与第一个合并',
    },
  },
  'cli_option_repeated.empty': {
    message: {
      en: 'option `{option}` is given an empty value',
      zh: '选项 `{option}` 的值是空的',
    },
    help: {
      en: 'give it a value, or leave the option out (an empty value would be read as the option not given)',
      zh: '请给它一个值，或不写这个选项（空值会被当作没有给这个选项）',
    },
  },
  cli_period: {
    message: { en: '--period: {detail}', zh: '--period 无法读取（{detail_zh}）' },
    help: { en: '{advice}', zh: '{advice_zh}' },
  },
  cli_outlier: {
    message: {
      en: '--outlier `{value}` is not an amount of yuan (e.g. ¥2,000)',
      zh: '--outlier `{value}` 不是以元计的金额（如 ¥2,000）',
    },
  },
  cli_runs: {
    message: {
      en: '--runs takes a whole number from 1 to 100000, got `{value}`',
      zh: '--runs 应为 1 到 100000 的整数，填的是 `{value}`',
    },
  },
  cli_workers: {
    message: {
      en: '--workers takes a whole number from 1 to 64, got `{value}`',
      zh: '--workers 应为 1 到 64 的整数，填的是 `{value}`',
    },
  },
  cli_xlsx_needs_out: {
    message: {
      en: '--format xlsx writes a workbook: give it a file with --out results.xlsx',
      zh: '--format xlsx 生成工作簿：请用 --out results.xlsx 指定文件',
    },
  },
  cli_out_format: {
    message: {
      en: '--out `{file}` names a .{ext} file, but --format is {format}',
      zh: '--out `{file}` 是 .{ext} 文件，但 --format 指定的是 {format}',
    },
    help: {
      en: 'leave out --format to write what the extension says, or name the file `{suggest}`',
      zh: '去掉 --format 即按扩展名写出，或把文件命名为 `{suggest}`',
    },
  },
  'cli_out_format.unwritten': {
    message: {
      en: '--out `{file}` names a .{ext} file, which `{command}` does not write',
      zh: '--out `{file}` 是 .{ext} 文件，`{command}` 不写这种格式',
    },
    help: {
      en: 'name the file {choices}',
      zh: '请把文件命名为 {choices_zh}',
    },
  },
  'cli_out_format.dash': {
    message: {
      en: '--out `-` would write a file named `-`',
      zh: '--out `-` 会写出一个名为 `-` 的文件',
    },
    help: {
      en: 'leave out --out to print to stdout (or redirect it: `> results.txt`), or name the file',
      zh: '去掉 --out 即输出到标准输出（或重定向：`> results.txt`），或给出文件名',
    },
  },
  cli_check_invalid: {
    message: {
      en: 'does not validate ({count} problem(s); run `yardstick validate {file}`)',
      zh: '无法通过校验（{count} 个问题；请运行 `yardstick validate {file}`）',
    },
  },
  cli_check_unformatted: {
    message: { en: 'not formatted (run `yardstick fmt {file}`)', zh: '格式不规范（请运行 `yardstick fmt {file}`）' },
  },
  cli_check_no_tests: { message: { en: 'has no tests ({tests})', zh: '没有测试（{tests}）' } },
  cli_check_tests_cannot_run: { message: { en: 'tests cannot run: {detail}', zh: '测试无法运行：{detail}' } },
  cli_check_tests_fail: {
    message: { en: 'tests fail ({failed} of {total} case(s))', zh: '测试未通过（{total} 个用例中有 {failed} 个失败）' },
  },
  cli_check_no_effective_from: {
    message: {
      en: 'changed since {base} but has no `effective_from`',
      zh: '自 {base} 以来有改动，但没有 `effective_from`',
    },
  },
  cli_check_version_not_higher: {
    message: {
      en: 'changed since {base} but its version {version} is not higher than {then} (bump `version:`)',
      zh: '自 {base} 以来有改动，但版本 {version} 不高于 {then}（请提高 `version:`）',
    },
  },
  cli_check_effective_not_later: {
    message: {
      en: 'changed since {base} but its effective_from {from} is not later than {then} of version {version}, so it would change periods already paid (set a later `effective_from:`, or, for a deliberate correction, add `retroactive: { reason: … }`)',
      zh: '自 {base} 以来有改动，但 effective_from {from} 不晚于版本 {version} 的 {then}，会改变已发放的月份（请设置更晚的 `effective_from:`；如确为更正，请加 `retroactive: { reason: … }`）',
    },
  },
  cli_check_unscorable: {
    message: {
      en: 'cannot score {count} record(s) of `{data}` that {base} scored (run `yardstick diff --base {base} --data {data}` for who and why)',
      zh: '有 {count} 条 `{data}` 的记录在 {base} 可以评分，现在不能（运行 `yardstick diff --base {base} --data {data}` 查看是谁、为什么）',
    },
  },
  cli_check_passed: {
    message: { en: '{count} policies: valid, formatted, tested', zh: '{count} 个政策：校验通过、格式规范、测试通过' },
  },
  cli_check_passed_staged: {
    message: {
      en: '{count} staged policies: valid, formatted, tested',
      zh: '{count} 个暂存的政策：校验通过、格式规范、测试通过',
    },
  },
  cli_check_passed_base: {
    message: {
      en: '{count} policies: valid, formatted, tested, versions bumped since {base}',
      zh: '{count} 个政策：校验通过、格式规范、测试通过，自 {base} 以来已提高版本',
    },
  },
  cli_check_nothing_staged: { message: { en: 'no policy is staged', zh: '没有暂存的政策' } },
  cli_no_policies_folder: {
    message: {
      en: 'there is no `policies` folder in `{dir}`: `yardstick {command}` reads the policies of `policies/` in the folder it runs in',
      zh: '`{dir}` 中没有 `policies` 文件夹：`yardstick {command}` 读取所在文件夹中 `policies/` 里的政策',
    },
    help: {
      en: 'run it in the folder that holds `policies/` (a policies repository; `yardstick init` creates one)',
      zh: '请在含有 `policies/` 的文件夹中运行（即政策仓库；可用 `yardstick init` 创建）',
    },
  },
  cli_validate_ok: {
    message: {
      en: 'ok  {file}: {policy} v{version}, {roles} roles, {stages} stages',
      zh: 'ok  {file}：{policy} v{version}，{roles} 个角色，{stages} 个阶段',
    },
  },
  'cli_validate_ok.rollup': {
    message: {
      en: 'ok  {file}: {policy} v{version}, roll-up of {of} by {period}, {facts} facts',
      zh: 'ok  {file}：{policy} v{version}，按{period}汇总 {of}，{facts} 个事实',
    },
  },
  'cli_validate_ok.tests': {
    message: {
      en: 'ok  {file}: {count} test case(s) for {policy_file}',
      zh: 'ok  {file}：{policy_file} 的 {count} 个测试用例',
    },
  },
  cli_test_report: {
    message: { en: '{file}: {passed} passed, {failed} failed', zh: '{file}：{passed} 个通过，{failed} 个失败' },
  },
  'cli_test_report.no_tests': {
    message: { en: '{file}: no tests (write them in {tests})', zh: '{file}：没有测试（请写在 {tests}）' },
  },
  'cli_test_report.cannot_evaluate': {
    message: { en: 'cannot evaluate: {detail}', zh: '无法计算：{detail}' },
  },
  'cli_test_report.unreadable_case': {
    message: { en: 'cannot read the case: {detail}', zh: '无法读取用例：{detail}' },
  },
  'cli_test_report.failure': {
    message: { en: '{field}: expected {expected}, got {actual}', zh: '{field}：应为 {expected}，实为 {actual}' },
  },
  'cli_test_report.uncovered': {
    message: { en: 'not exercised by any case: {parts}', zh: '没有用例覆盖：{parts_zh}' },
  },
  'cli_test_report.total': {
    message: { en: '{passed} passed, {failed} failed', zh: '{passed} 个通过，{failed} 个失败' },
  },
  'cli_test_report.total_broken': {
    message: {
      en: '{passed} passed, {failed} failed, {broken} policy(ies) whose tests cannot run',
      zh: '{passed} 个通过，{failed} 个失败，{broken} 个政策的测试无法运行',
    },
  },
  cli_validate_failed: {
    message: { en: 'err {file}: {count} problem(s)', zh: 'err {file}：{count} 个问题' },
  },
  'cli_validate_failed.tests_policy': {
    message: {
      en: 'err {file}: its policy `{policy_file}` does not validate',
      zh: 'err {file}：它的政策 `{policy_file}` 未通过校验',
    },
  },
  cli_check_data_needs_base: {
    message: {
      en: '--data {file} measures a change: give --base REF with it',
      zh: '--data {file} 用于衡量修改的影响：请同时给出 --base REF',
    },
  },
  cli_diff_args: {
    message: {
      en: 'diff needs OLD and NEW (files or REV:path), or --base REF',
      zh: 'diff 需要 OLD 和 NEW（文件或 REV:path），或 --base REF',
    },
  },
  'cli_diff_args.both': {
    message: { en: 'give either OLD NEW or --base REF, not both', zh: '请只给 OLD NEW 或 --base REF 之一，不要同时给' },
  },
  cli_explain_needs_policy: {
    message: {
      en: 'explain needs a POLICY with --data, or --period without --data to reprint a recorded statement',
      zh: 'explain 需要 POLICY 和 --data；或只给 --period（不给 --data）重印已记录的结果',
    },
  },
  cli_explain_needs_period: {
    message: {
      en: 'explain without --data reprints a recorded statement: give --period YYYY-MM',
      zh: '不给 --data 时 explain 重印已记录的结果：请给出 --period YYYY-MM',
    },
  },
  cli_explain_several_periods: {
    message: {
      en: '`{employee}` is in {count} months of `{file}` ({periods}): explain says one month',
      zh: '`{employee}` 在 `{file}` 中有 {count} 个月份（{periods}）：explain 一次只说明一个月',
    },
    help: {
      en: 'name the month with --period YYYY-MM: it is explained as `run` scores the whole file',
      zh: '请用 --period YYYY-MM 指定月份：按 `run` 对整个文件的计算结果说明该月',
    },
  },
  cli_internal: {
    message: { en: 'internal error: {detail}', zh: '内部错误（{detail}）' },
    help: {
      en: 'this is a bug in yardstick, not in your policy or data; please report it with the command you ran',
      zh: '这是 yardstick 的缺陷，不是政策或数据的问题：请连同所运行的命令一起报告',
    },
  },
  cli_init_exists: {
    message: {
      en: 'init writes nothing: {count} file(s) it would create already exist in `{dir}`: {files}',
      zh: 'init 没有写入任何文件：`{dir}` 中已有 {count} 个它要创建的文件：{files}',
    },
    help: {
      en: 'init never overwrites a file: run it in an empty folder, or move these files away first',
      zh: 'init 从不覆盖文件：请在空文件夹中运行，或先把这些文件移走',
    },
  },
  cli_check_staged_alone: {
    message: {
      en: '`--staged` checks the staged policies against HEAD: it takes neither `--base` nor `--data`',
      zh: '`--staged` 将暂存的政策与 HEAD 比较：不能与 `--base` 或 `--data` 一起使用',
    },
  },
  cli_staged_needs_git: {
    message: {
      en: '`check --staged` checks the policies staged for a commit, from the top folder of a git repository, and `{dir}` is not one',
      zh: '`check --staged` 在 git 仓库的顶层文件夹检查准备提交的政策，而 `{dir}` 不是',
    },
    help: {
      en: 'run it in the top folder of the policies repository (or `git init` first)',
      zh: '请在政策仓库的顶层文件夹中运行（或先 `git init`）',
    },
  },
  cli_tests_unknown_key: {
    message: {
      en: '{file}: `{key}` is not a key of {where}; the keys are {allowed}',
      zh: '{file}：`{key}` 不是{where_zh}的键；可用的键：{allowed}',
    },
    help: {
      en: 'check the spelling (schemas/policy-test.schema.json lists every key)',
      zh: '请检查拼写（schemas/policy-test.schema.json 列出了全部键）',
    },
  },
  cli_server_token: {
    message: {
      en: 'missing or wrong token: open the address the server printed',
      zh: '缺少令牌或令牌不对：请打开服务器打印的地址',
    },
  },
  cli_server_host: {
    message: {
      en: 'unknown host `{host}`: open the address the server printed',
      zh: '未知的主机 `{host}`：请打开服务器打印的地址',
    },
  },
  cli_server_origin: {
    message: { en: 'cross-origin requests are not allowed', zh: '不允许从其他网站发起请求' },
  },
  cli_server_too_large: {
    message: {
      en: 'the request is over the 2 MiB the server takes (a policy file may be at most 1 MiB)',
      zh: '请求超过服务器接收的上限 2 MiB（政策文件最大 1 MiB）',
    },
  },
  cli_server_conflict: {
    message: { en: 'the file changed on disk since you opened it', zh: '打开之后，文件在磁盘上被修改过' },
  },
  cli_server_publish: {
    message: {
      en: 'send { "text", "bump": "major" | "minor" | "patch", "effective_from": "YYYY-MM", "note", "mode": "commit" | "branch" } as JSON',
      zh: '请以 JSON 发送 { "text", "bump": "major" | "minor" | "patch", "effective_from": "YYYY-MM", "note", "mode": "commit" | "branch" }',
    },
  },
  'cli_server_publish.period': {
    message: {
      en: '`{period}` is not a period: write the month as YYYY-MM',
      zh: '`{period}` 不是考核期：请按 YYYY-MM 写月份',
    },
  },
  'cli_server_publish.note': {
    message: {
      en: 'write a change note: what changed and why, for the people it concerns',
      zh: '请写修改说明：改了什么、为什么改，写给相关的人看',
    },
  },
  'cli_server_publish.author': {
    message: {
      en: 'say once who publishes (a name and an e-mail address) before publishing',
      zh: '发布前请先设置一次发布人（姓名和邮箱）',
    },
  },
  'cli_server_publish.unchanged': {
    message: {
      en: 'no rule of `{name}` changed since version {version}: nothing to publish',
      zh: '自版本 {version} 以来，`{name}` 没有规则变化：没有可发布的内容',
    },
  },
  'cli_server_publish.version': {
    message: {
      en: '`{version}` is not a version of the form major.minor.patch, so it cannot be bumped',
      zh: '`{version}` 不是「主.次.修订」形式的版本号，无法提高',
    },
  },
  'cli_server_publish.check': {
    message: {
      en: '`{name}` does not pass `yardstick check` ({count} problem(s)); nothing was published',
      zh: '`{name}` 没有通过 `yardstick check`（{count} 个问题）；没有发布任何内容',
    },
  },
  'cli_server_publish.dirty': {
    message: {
      en: 'other files have changes that are not committed ({files}); a published version commits this policy alone',
      zh: '其他文件有尚未提交的修改（{files}）；发布只提交这一份政策',
    },
    help: {
      en: 'commit those changes or put them aside (`git stash`) first, or choose “review branch”, which leaves your files as they are',
      zh: '请先提交这些修改或暂存起来（`git stash`），或者改选「审阅分支」，它不会动你的文件',
    },
  },
  'cli_server_publish.branch_exists': {
    message: {
      en: 'a branch named `{rev}` already exists: merge or delete it, or publish another version',
      zh: '已有名为 `{rev}` 的分支：请先合并或删除它，或发布另一个版本',
    },
  },
  'cli_server_publish.no_git': {
    message: {
      en: 'the policies folder is not in a git repository, so there is no branch to review: publish instead (a saved copy is kept)',
      zh: '政策文件夹不在 git 仓库中，无法创建审阅分支：请直接发布（会保存一份副本）',
    },
  },
  'cli_server_publish.detached': {
    message: {
      en: 'no branch is checked out (a detached HEAD): a version committed here would be on no branch; check out a branch first (`git switch <branch>`), or choose “review branch”',
      zh: '当前没有检出任何分支（HEAD 处于分离状态）：在这里提交的版本不属于任何分支；请先检出一个分支（`git switch <分支>`），或者改选「审阅分支」',
    },
  },
  'cli_server_publish.git_failed': {
    message: {
      en: 'git could not make the commit, so nothing was published and your files are as they were: {detail}',
      zh: 'git 无法完成提交，因此没有发布任何内容，文件保持原样：{detail}',
    },
    help: {
      en: 'if another git command is running (git names its lock file, such as `.git/refs/heads/main.lock`), let it finish or remove a lock left by a crashed one, then publish again',
      zh: '如有其他 git 命令正在运行（git 会给出锁文件名，例如 `.git/refs/heads/main.lock`），请等它结束，或删除崩溃遗留的锁文件，然后重新发布',
    },
  },
  'cli_server_publish.stale': {
    message: {
      en: 'the file changed on disk since you opened it: save first (the editor shows both versions), then publish',
      zh: '打开之后，文件在磁盘上被修改过：请先保存（编辑器会显示两边的修改），再发布',
    },
  },
  cli_server_versions: {
    message: { en: 'no version `{id}` of `{name}`', zh: '`{name}` 没有版本 `{id}`' },
  },
  'cli_server_versions.author': {
    message: {
      en: 'send { "name": "…", "email": "…" } with a name and an e-mail address',
      zh: '请发送 { "name": "…", "email": "…" }，包含姓名和邮箱',
    },
  },
  cli_server_file: {
    message: { en: '{detail}', zh: '文件操作被拒绝（{detail}）' },
  },
  'cli_server_file.name': {
    message: {
      en: '`{name}` cannot be a policy file name: a policy name is lowercase letters, digits and hyphens, ending in .yaml',
      zh: '`{name}` 不能作政策文件名：文件名只能用小写英文字母、数字和连字符，以 .yaml 结尾',
    },
  },
  'cli_server_file.outside': {
    message: { en: '`{name}` is outside the folder', zh: '`{name}` 不在允许的文件夹内' },
  },
  'cli_server_file.link': {
    message: { en: '`{name}` is a link that leads outside the folder', zh: '`{name}` 是指向文件夹外的链接' },
  },
  'cli_server_file.missing': {
    message: { en: 'no such file: `{name}`', zh: '没有这个文件：`{name}`' },
  },
  'cli_server_file.exists': {
    message: {
      en: 'a policy named `{name}` already exists',
      zh: '已有名为 `{name}` 的政策',
    },
  },
  'cli_server_file.not_created': {
    message: {
      en: 'no policy named `{name}`; create it with If-None-Match: *',
      zh: '没有名为 `{name}` 的政策；请用 If-None-Match: * 新建',
    },
  },
  'cli_server_file.body': {
    message: { en: 'send { "text": "…" } as JSON', zh: '请以 JSON 发送 { "text": "…" }' },
  },
  'cli_server_file.if_match': {
    message: {
      en: 'send If-Match with the ETag of the version you edited',
      zh: '请用 If-Match 发送所编辑版本的 ETag',
    },
  },
  'cli_server_file.unreadable': {
    message: {
      en: 'the YAML of `{name}` cannot be read; fix it before saving',
      zh: '`{name}` 的 YAML 无法读取；请先修正再保存',
    },
  },
  'cli_server_file.dataset': {
    message: {
      en: 'datasets are .csv, .json or .xlsx files under examples/ or data/',
      zh: '数据文件须为 examples/ 或 data/ 下的 .csv、.json 或 .xlsx 文件',
    },
  },
  'cli_server_file.employee': {
    message: {
      en: 'no one with the employee id `{employee}` is scored on `{file}`',
      zh: '`{file}` 中没有可计算的工号 `{employee}`',
    },
  },
  'cli_server_file.data_body': {
    message: {
      en: 'send { "path": "examples/….data.yaml", "policy": "…" } as JSON',
      zh: '请以 JSON 发送 { "path": "examples/….data.yaml", "policy": "…" }',
    },
  },
  'cli_server_file.mapping': {
    message: {
      en: 'a data mapping is a .data.yaml file under examples/ or data/',
      zh: '数据映射须为 examples/ 或 data/ 下的 .data.yaml 文件',
    },
  },
  'cli_server_file.data_folder': {
    message: {
      en: '{folder}/ is a link or missing: datasets are read only from plain files under examples/ or data/',
      zh: '{folder}/ 是链接或不存在：只从 examples/ 或 data/ 下的普通文件读取数据',
    },
  },
  'cli_server_file.data_link': {
    message: {
      en: '`{name}` is a link: datasets are read only from plain files under examples/ or data/',
      zh: '`{name}` 是链接：只从 examples/ 或 data/ 下的普通文件读取数据',
    },
  },
  cli_server_fs: {
    message: {
      en: '`{project_path}` does not exist: it may have been moved, renamed or deleted',
      zh: '`{project_path}` 不存在：它可能已被移动、改名或删除',
    },
    help: {
      en: 'put it back (or start the editor again in the folder that holds `policies/`), then try again; unsaved edits stay in the editor',
      zh: '请把它放回原处（或在含有 `policies/` 的文件夹中重新启动编辑器），然后重试；未保存的修改仍在编辑器中',
    },
  },
  'cli_server_fs.denied': {
    message: {
      en: 'no permission to read or write `{project_path}`',
      zh: '没有读写 `{project_path}` 的权限',
    },
    help: {
      en: 'give the account that runs the editor read and write access to it, then try again; unsaved edits stay in the editor',
      zh: '请给运行编辑器的账户读写它的权限，然后重试；未保存的修改仍在编辑器中',
    },
  },
  'cli_server_fs.full': {
    message: { en: 'cannot write `{project_path}`: the disk is full', zh: '无法写入 `{project_path}`：磁盘已满' },
    help: {
      en: 'free some space, then save again: nothing was written, the file on disk is as it was, and unsaved edits stay in the editor',
      zh: '请腾出磁盘空间后重新保存：没有写入任何内容，磁盘上的文件保持原样，未保存的修改仍在编辑器中',
    },
  },
  'cli_server_fs.read_only': {
    message: {
      en: 'cannot write `{project_path}`: the disk is read-only',
      zh: '无法写入 `{project_path}`：磁盘为只读',
    },
    help: {
      en: 'make the disk writable, or start the editor on a folder on a writable disk; unsaved edits stay in the editor',
      zh: '请让磁盘可写，或在可写磁盘上的文件夹中启动编辑器；未保存的修改仍在编辑器中',
    },
  },
  'cli_server_fs.not_folder': {
    message: {
      en: '`{project_path}` is a file where a folder is expected',
      zh: '`{project_path}` 是文件，这里应是文件夹',
    },
    help: {
      en: 'move the file aside and put the folder back, then try again',
      zh: '请移走这个文件并放回文件夹，然后重试',
    },
  },
  'cli_server_fs.is_folder': {
    message: { en: '`{project_path}` is a folder, not a file', zh: '`{project_path}` 是文件夹，不是文件' },
    help: {
      en: 'rename or move the folder, then try again',
      zh: '请给这个文件夹改名或移走它，然后重试',
    },
  },
  cli_server_case: {
    message: { en: 'the test case was not saved: {detail}', zh: '测试用例没有保存：{detail}' },
  },
  'cli_server_case.body': {
    message: {
      en: 'send { "case": … } as JSON: a name, a record with numbers for its metrics, and at least one confirmed expected value',
      zh: '请以 JSON 发送 { "case": … }：用例名、指标为数字的记录，以及至少一个已确认的期望值',
    },
  },
  'cli_server_case.duplicate': {
    message: {
      en: '`{file}` already has a case named `{name}`; choose another name',
      zh: '`{file}` 中已有名为 `{name}` 的用例；请换一个名称',
    },
  },
  'cli_server_case.unreadable': {
    message: {
      en: 'the YAML of `{file}` cannot be read; fix it before adding a case',
      zh: '`{file}` 的 YAML 无法读取；请先修正再添加用例',
    },
  },
  'cli_server_case.limits': {
    message: {
      en: 'with this case `{file}` would break a limit of `yardstick test` (docs/limits.md); shorten the case name or its text',
      zh: '加上这个用例后，`{file}` 会超出 `yardstick test` 的限制（docs/limits.md）；请缩短用例名称或其中的文字',
    },
  },
  'cli_server_case.shape': {
    message: {
      en: '`{file}` has no block list `cases:` to add the case to',
      zh: '`{file}` 中没有可以添加用例的 `cases:` 块列表',
    },
  },
  cli_server_internal: {
    message: { en: 'internal error', zh: '内部错误' },
  },
});
