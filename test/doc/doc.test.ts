// `yardstick doc`: the 考核方案 from a policy — the engine's worked example, the change summary
// against an earlier version, English, and the policy's own text never read as markup.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument, diffPolicies, renderHtml, renderMarkdown } from '../../engine/index.js';
import { compiledPolicy, policy } from '../builders.js';
import { yardstick } from '../yardstick.js';

describe('the document', () => {
  it('works the example of a typical employee through the engine', () => {
    // a rating at 80 % of its full mark is 80 points: grade A (from 80), pay 1000 × 80 / 100 = ¥800.00
    const md = renderMarkdown(buildDocument(compiledPolicy(policy().yaml(), 'p.yaml')));
    expect(md).toContain('| 评分 | 80 | 80 | 100% | 80 |');
    expect(md).toContain('- 总分 80 分，等级 A');
    expect(md).toContain('- 应发合计 ¥800.00');
    expect(md).toContain('## 岗位：员工');
  });

  it('shows names and policy text as written, never as markup, in HTML and in Markdown', () => {
    const text = policy()
      .role('staff', { title: '<img src=x onerror=alert(1)>|*员工*' })
      .set('description', 'A <script>alert(1)</script> plan')
      .yaml();
    const doc = buildDocument(compiledPolicy(text, 'p.yaml'));
    const html = renderHtml(doc);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;|*员工*');
    const md = renderMarkdown(doc);
    expect(md).toContain('## 岗位：&lt;img src=x onerror=alert(1)&gt;\\|\\*员工\\*');
    expect(md).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; plan');
  });

  it('a pipe inside backticks in a name does not split a Markdown table row', () => {
    // the label is kept as a code span, where GFM still splits a row at `|`: the indicator row had
    // one cell more than its head, every column after it shifted
    const text = policy()
      .metric('rating', { label: '`评分|考核`', unit: 'score', range: [0, 100] })
      .yaml();
    const md = renderMarkdown(buildDocument(compiledPolicy(text, 'p.yaml')));
    expect(md).toContain('\n| `评分\\|考核` | 评分制 | — | — | — | 120 | 100% |\n');
    expect(md).toContain('\n| `评分\\|考核` | 80 | 80 | 100% | 80 |\n');
    // outside a table the code span is as written
    expect(md).toContain('例：`评分|考核` 实际为 90');
  });

  it('lists the changes since the previous version in the words of `yardstick diff`', () => {
    const before = compiledPolicy(policy().yaml(), 'p.yaml').doc;
    const after = compiledPolicy(
      policy()
        .set('version', '1.1.0')
        .role('staff', {
          title: '员工',
          pay_base: 1200,
          indicators: { rating: { metric: 'rating', scoring: 'rating', weight: 100 } },
        })
        .yaml(),
      'p.yaml',
    );
    const md = renderMarkdown(buildDocument(after, { base: before, baseName: 'HEAD~1' }));
    expect(md).toContain('## 与上一版本（1.0.0，HEAD\\~1）相比的变化');
    for (const change of diffPolicies(before, after.doc, 'zh')) expect(md).toContain(`- ${change.text}`);
    // the pay base moved from ¥1,000.00 to ¥1,200.00
    expect(md).toMatch(/- .*¥1,000\.00 → ¥1,200\.00/);
  });

  it('is written in English with --lang en', () => {
    const md = renderMarkdown(buildDocument(compiledPolicy(policy().yaml(), 'p.yaml'), { lang: 'en' }));
    expect(md).toContain('## 1. Purpose');
    expect(md).toContain('- Score 80, grade A');
    expect(md).toContain('- Total pay ¥800.00');
  });
});

describe('yardstick doc', () => {
  it('prints the Markdown of a bundled policy, and compares it with HEAD', async () => {
    const r = await yardstick('doc', 'policies/short-video-team.yaml', '--base', 'HEAD');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('# 短视频团队月度绩效考核 · 考核方案');
    expect(r.stdout).toContain('| 运营经理 | ¥6,000.00 |');
  });

  it('refuses a policy that does not validate, with exit code 1', async () => {
    const r = await yardstick('doc', 'test/doc/no-such-policy.yaml');
    expect(r.code).toBe(1);
  });
});

describe('docs/plans', () => {
  // the rendered plans shown in docs/document.md are the bundled policies' documents as they are now:
  // a policy edited without rendering its plan again (`yardstick doc policies/X.yaml --out docs/plans/X.md`) fails here
  for (const name of ['short-video-team', 'livestream-team', 'content-three-dimension'])
    for (const lang of ['zh', 'en'] as const)
      it(`docs/plans/${name}${lang === 'en' ? '.en' : ''}.md is the ${lang} document of policies/${name}.yaml`, async () => {
        const r = await yardstick('doc', `policies/${name}.yaml`, '--lang', lang);
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(readFileSync(`docs/plans/${name}${lang === 'en' ? '.en' : ''}.md`, 'utf8'));
      });
});
