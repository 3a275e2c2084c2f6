// A statement prints the policy's and the data's text as written: titles and names with `` ` ``,
// `*`, `|`, `<`, `&`, a YAML block scalar's line break, a very long name. The statement is HTML
// only, so each is escaped text, never a tag and never a code span (the 考核方案's Markdown read
// `` `…` `` in a title as code; the statement never did — this guards it).

import { describe, expect, it } from 'vitest';
import { renderStatement } from '../../engine/index.js';
import { compiledPolicy, policy, staffScorecard, when } from '../builders.js';

const PROVENANCE = { policy: { file: 'p.yaml', id: 'mini', version: '1.0.0', hash: 'abc' }, data: [], engine: '1.0.0' };

describe('a statement with odd policy text', () => {
  it('prints titles with ` * | < & and a line break as written, with no code and no tag', () => {
    const text = policy()
      .set('title', '`新人`奖 *重点* a|b <i>&amp;')
      .adjustment('viral', { title: '爆款`奖`\n第二行', when: when('rating', 'greaterThan', 85), award: 100 })
      .yaml();
    const compiled = compiledPolicy(text, 'p.yaml');
    // rating 90 → 90 points, A; 1000 × 90 / 100 = ¥900.00, + ¥100.00 award
    const html = renderStatement(compiled, staffScorecard(compiled, { rating: 90 }), PROVENANCE);
    expect(html).toContain('<h1>`新人`奖 *重点* a|b &lt;i&gt;&amp;amp; · 绩效考核结果通知</h1>');
    expect(html).toContain('<td>爆款`奖`\n第二行</td>');
    expect(html).not.toContain('<code>');
    expect(html).not.toContain('<i>');
  });

  // a CJK title wraps between its characters anyway; one Latin word of 300 letters ran off the A4 page
  it('lets a very long title of one word wrap instead of running off the page', () => {
    const name = 'A'.repeat(300);
    const text = policy().set('title', name).yaml();
    const compiled = compiledPolicy(text, 'p.yaml');
    const html = renderStatement(compiled, staffScorecard(compiled, { rating: 90 }), PROVENANCE);
    expect(html).toContain(`<h1>${name} · 绩效考核结果通知</h1>`);
    expect(html).toMatch(/overflow-wrap: anywhere/);
  });
});
