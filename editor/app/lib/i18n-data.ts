// The 数据 view's words (data mappings, `data inspect`, outputs) in Chinese and English.

import type { Diagnostic } from '../../../engine/index.js';
import type { Lang } from './i18n';

const why = (l: Lang, w: string) => {
  const m = /^no row in (.+)$/.exec(w);
  if (m) return l === 'zh' ? `${m[1]} 中没有此人的行` : `no row in ${m[1]}`;
  const zh: Record<string, string> = { 'empty cell': '单元格为空', 'no column': '文件没有这一列' };
  return l === 'zh' ? (zh[w] ?? w) : w;
};

/** Where a diagnostic points: the mapping's line and column, or the data's file, row, column and raw value. */
function place(l: Lang, d: Diagnostic): string {
  const zh = l === 'zh';
  const parts: string[] = [];
  if (d.file) parts.push(d.file);
  if (d.span)
    parts.push(zh ? `第 ${d.span.line} 行第 ${d.span.column} 列` : `line ${d.span.line}, column ${d.span.column}`);
  else if (d.cell) {
    if (d.cell.sheet) parts.push(zh ? `工作表 ${d.cell.sheet}` : `sheet ${d.cell.sheet}`);
    parts.push(zh ? `第 ${d.cell.row} 行` : `row ${d.cell.row}`);
    if (d.cell.column) parts.push(zh ? `${d.cell.column} 列` : `column ${d.cell.column}`);
    if (d.cell.value !== undefined) parts.push(zh ? `原值「${d.cell.value}」` : `value \`${d.cell.value}\``);
  }
  return parts.join(zh ? '，' : ', ');
}

export const dataWords = {
  zh: {
    tab: '数据',
    title: (file: string) => `数据来源：${file}`,
    single: '这是单个数据文件，在浏览器中读取。选择数据映射（*.data.yaml）可以看到各个文件如何合并、明细如何汇总。',
    reading: '正在本机读取数据映射…',
    counts: (n: number, x: number) => `可计算 ${n} 人，无法计算 ${x} 人`,
    period: (p: string) => `考核期 ${p}`,
    columns: '各文件的列',
    rows: (n: number) => `${n} 行`,
    sheet: (s: string) => `工作表 ${s}`,
    meaning: { field: '员工字段', metric: '指标', key: '关联键', unused: '未使用' },
    renamed: (as: string) => `（按「${as}」）`,
    events: '明细汇总（每人）',
    eventFile: (enc: string, sha: string) => `按 ${enc} 读取 · sha256 ${sha.slice(0, 16)}…`,
    aggregateRows: (n: number) => `本月 ${n} 行`,
    notInRoster: '不在花名册中',
    noKey: '（无关联键）',
    employees: (n: number) => `${n} 个账号`,
    problems: (n: number) => `问题与提示（${n}）`,
    defaults: (n: number) => `使用了默认值（${n}）`,
    defaultLine: (label: string, value: number, n: number) => `${label} = ${value}：${n} 人`,
    excluded: (n: number) => `无法计算的记录（${n}）`,
    why,
    place,
    outputs: '导出与打印',
    outputsNote:
      '由本机服务器按命令行的做法生成（与 yardstick run --format xlsx、yardstick statements 相同），无法计算的记录不计入。',
    uploaded: '上传的文件只在浏览器里。要导出，请把文件放进 data/ 文件夹，再在上方“数据”中选择它。',
    exportResults: '导出试算结果（XLSX）',
    exportImpact: '导出修改影响（XLSX）',
    impactAgainst: (saved: boolean) => (saved ? '对比上次保存的版本' : '对比 git 中已提交的版本'),
    statement: '一位员工的结果通知',
    print: '打印',
    downloadOne: '下载',
    downloadAll: '下载本月全部结果通知（ZIP）',
    working: '正在生成…',
    done: (name: string) => `已下载 ${name}`,
  },
  en: {
    tab: 'Data',
    title: (file: string) => `Data: ${file}`,
    single:
      'This is a single data file, read in the browser. Choose a data mapping (*.data.yaml) to see how its files are joined and its rows aggregated.',
    reading: 'Reading the data mapping on this machine…',
    counts: (n: number, x: number) => `${n} can be scored, ${x} cannot`,
    period: (p: string) => `period ${p}`,
    columns: 'Columns of each file',
    rows: (n: number) => `${n} rows`,
    sheet: (s: string) => `sheet ${s}`,
    meaning: { field: 'employee field', metric: 'metric', key: 'join key', unused: 'unused' },
    renamed: (as: string) => ` (as \`${as}\`)`,
    events: 'Event files, aggregated per employee',
    eventFile: (enc: string, sha: string) => `read as ${enc} · sha256 ${sha.slice(0, 16)}…`,
    aggregateRows: (n: number) => `${n} row(s) of the month`,
    notInRoster: 'not in the roster',
    noKey: '(no key)',
    employees: (n: number) => `${n} keys`,
    problems: (n: number) => `Problems and notes (${n})`,
    defaults: (n: number) => `Defaults applied (${n})`,
    defaultLine: (label: string, value: number, n: number) => `${label} = ${value}: ${n} record(s)`,
    excluded: (n: number) => `Records that cannot be scored (${n})`,
    why,
    place,
    outputs: 'Export and print',
    outputsNote:
      'Built by the local server as the CLI builds them (yardstick run --format xlsx, yardstick statements); records that cannot be scored are left out.',
    uploaded:
      'An uploaded file stays in the browser. To export, put it in the data/ folder and choose it under Data above.',
    exportResults: 'Export the preview (XLSX)',
    exportImpact: 'Export the impact (XLSX)',
    impactAgainst: (saved: boolean) => (saved ? 'against the last save' : 'against the version committed in git'),
    statement: "One employee's statement",
    print: 'Print',
    downloadOne: 'Download',
    downloadAll: "Download all of the month's statements (ZIP)",
    working: 'Building…',
    done: (name: string) => `downloaded ${name}`,
  },
};
