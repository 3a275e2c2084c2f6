// A statement prints the policy's and the data's text as written: titles and names with `` ` ``,
// `*`, `|`, `<`, `&`, a YAML block scalar's line break, a very long name. The statement is HTML
// only, so each is escaped text, never a tag and never a code span (the 考核方案's Markdown read
// `` `…` `` in a title as code; the statement never did — this guards it).

import { describe, expect, it } from 'vitest';
import { isolateBidi, renderIndex, renderStatement, runPolicy } from '../../engine/index.js';
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

  // U+202E (RIGHT-TO-LEFT OVERRIDE) pasted into a name, never closed, printed the rest of its line
  // backwards: 「员工 ‮evil 丙（工号 E1） · 一组」 read as 「… 组一 · ）1E 号工（丙 live」. Each value with a
  // direction control now sits in a first-strong isolate, U+2068 … U+2069, which ends every override
  // opened inside it; values without one are printed exactly as before.
  it('keeps a direction override in a name from turning the rest of the line around', () => {
    const compiled = compiledPolicy(policy().yaml(), 'p.yaml');
    const card = { ...staffScorecard(compiled, { rating: 90 }), name: '\u202Eevil 丙', team: '一组\u2069\u202E' };
    const html = renderStatement(compiled, card, PROVENANCE);
    // the name isolated; the team's stray U+2069 (no isolate open in it) dropped, as it would end the isolate early
    expect(html).toContain('员工 \u2068\u202Eevil 丙\u2069（工号 E1） · \u2068一组\u202E\u2069 · ');
    expect(html).toContain('<title>\u2068\u202Eevil 丙\u2069 · ');
    // an isolate the value opens and leaves open is closed as well as the value's own
    expect(isolateBidi('\u2067abc')).toBe('\u2068\u2067abc\u2069\u2069');
    expect(isolateBidi('甲 E1')).toBe('甲 E1');
  });

  it('keeps it in the index page too', async () => {
    const compiled = compiledPolicy(policy().yaml(), 'p.yaml');
    const card = { ...staffScorecard(compiled, { rating: 90 }), name: '\u202Eevil 丙' };
    const record = {
      employee_id: 'E1',
      name: '\u202Eevil 丙',
      role: 'staff',
      team: '一组',
      stage: 'only',
      period: '2026-10',
    };
    const result = await runPolicy(compiled, { records: [{ ...record, metrics: { rating: 90 } }] });
    expect(result.scorecards[0]).toMatchObject({ name: card.name });
    const html = renderIndex(compiled, result, PROVENANCE, () => 'E1.html');
    expect(html).toContain('<td>\u2068\u202Eevil 丙\u2069</td>');
  });
});
