// `yardstick doc`: the 考核方案 rendered from a policy (model.ts builds it, render.ts lays it out).

export {
  buildDocument,
  type PolicyDocument,
  type DocumentOptions,
  type Section,
  type Block,
  type Cell,
  type Text,
} from './model.js';
export { renderHtml, renderMarkdown } from './render.js';
