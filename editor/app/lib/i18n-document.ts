// The words of the policy document view (方案文档) in the preview tab, in Chinese and English.

import type { Lang } from './i18n';

const zh = {
  title: '方案文档',
  show: '查看方案文档',
  hide: '收起方案文档',
  what: '发给员工的考核方案，由引擎根据编辑器中的当前内容（包括未保存的修改）生成，与计算结果一致。',
  rendering: '正在生成方案文档…',
  cannot: '政策有错误，暂时无法生成方案文档：',
  compared: '文末列出与已提交版本（HEAD）相比的变化。',
  notCompared: '这个文件还没有提交过，没有可比较的版本。',
  downloadHtml: '下载 HTML',
  downloadMd: '下载 Markdown',
  print: '打印（A4）',
  frame: '方案文档预览',
  fileSuffix: '考核方案',
  /** Between two sentences. */
  gap: '',
};

const en: typeof zh = {
  title: 'Policy document',
  show: 'Show the policy document',
  hide: 'Hide the policy document',
  what: 'The performance plan employees receive, rendered by the engine from the text in the editor (unsaved changes included), so it cannot disagree with the results.',
  rendering: 'Rendering the policy document…',
  cannot: 'The policy has errors, so the document cannot be rendered yet:',
  compared: 'The changes since the committed version (HEAD) are listed at the end.',
  notCompared: 'This file has not been committed yet: there is no earlier version to compare with.',
  downloadHtml: 'Download HTML',
  downloadMd: 'Download Markdown',
  print: 'Print (A4)',
  frame: 'Policy document preview',
  fileSuffix: 'plan',
  gap: ' ',
};

export const documentWords: Record<Lang, typeof zh> = { zh, en };
