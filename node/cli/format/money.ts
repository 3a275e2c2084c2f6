// The pool and budget lines of the run table, Markdown and diff: the engine words them
// (engine/explanation/money-text.ts), so the editor's preview shows the same lines.

export { budgetLines, moneyBeforeAfter, poolLines, poolShareFen } from '../../../engine/index.js';
