// `yardstick doc`: the 考核方案 from a policy — the engine's worked example, the change summary
// against an earlier version, English, and the policy's own text never read as markup.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, diffPolicies, renderHtml, renderMarkdown } from '../../engine/index.js';
import { compiledPolicy, policy, when } from '../builders.js';
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

  it("writes each tier's lower bound in its basis's unit: a ratio as a percent, money in yuan", () => {
    const b = policy()
      .metric('gmv', { label: 'GMV', unit: 'money' })
      .metric('gmv_rate', { label: '完成率', unit: 'ratio' });
    b.draft.payout.tiers = { basis: 'gmv_rate', bands: [{ tier: 'gold', title: '金牌', min: 0.955, award: 100 }] };
    expect(renderMarkdown(buildDocument(compiledPolicy(b.yaml(), 'p.yaml')))).toContain(
      '| 金牌 | 95.5% | — | ¥100.00 |',
    );
    b.draft.payout.tiers = { basis: 'gmv', bands: [{ tier: 'gold', title: '金牌', min: 500000, award: 100 }] };
    expect(renderMarkdown(buildDocument(compiledPolicy(b.yaml(), 'p.yaml')))).toContain(
      '| 金牌 | ¥500,000.00 | — | ¥100.00 |',
    );
  });

  it("writes a built-in fact's value in its unit in a condition: attainment as a percent, pay base in yuan", () => {
    const b = policy()
      .trigger('pip', {
        title: '改进计划',
        when: when('attainment', 'lessThan', 0.6),
        action: { type: 'improvement_plan', days: 30 },
      })
      .trigger('big', { title: '高基数', when: when('pay_base', 'greaterThan', 5000), action: { type: 'notify' } });
    const md = renderMarkdown(buildDocument(compiledPolicy(b.yaml(), 'p.yaml')));
    expect(md).toContain('| 改进计划 | 达成率 &lt; 60.0% |');
    expect(md).toContain('| 高基数 | 绩效基数 &gt; ¥5,000.00 |');
  });

  it('writes a cap that is an amount in yuan, and a cap that is a formula as the formula', () => {
    const md = renderMarkdown(
      buildDocument(compiledPolicy(policy().payout({ awards_cap: 2500, cap: 'pay_base * 3' }).yaml(), 'p.yaml')),
    );
    expect(md).toContain('- 奖励合计封顶：¥2,500.00\n- 单人应发封顶：`pay_base * 3`\n');
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

  // A label written with backticks was read as code: `评分|考核` printed in a code span (and in
  // HTML as <code>评分|考核</code>). The policy's text is words as written; only the product's own
  // formula is code. A pipe still does not split a Markdown table row.
  it('a label with backticks prints them as written, not as code, and its pipe does not split a table row', () => {
    const text = policy()
      .metric('rating', { label: '`评分|考核`', unit: 'score', range: [0, 100] })
      .yaml();
    const doc = buildDocument(compiledPolicy(text, 'p.yaml'));
    const md = renderMarkdown(doc);
    expect(md).toContain('\n| \\`评分\\|考核\\` | 评分制 | — | — | — | 120 | 100% |\n');
    expect(md).toContain('\n| \\`评分\\|考核\\` | 80 | 80 | 100% | 80 |\n');
    expect(md).toContain('例：\\`评分\\|考核\\` 实际为 90');
    // the formula is the one code span
    expect(md.match(/(?<!\\)`[^`]*`/g)).toEqual(['`pay_base * score / 100`']);
    const html = renderHtml(doc);
    expect(html).toContain('<td>`评分|考核`</td>');
    expect(html.match(/<code>[^<]*<\/code>/g)).toEqual(['<code>pay_base * score / 100</code>']);
  });

  it('prints a title with `, *, _, |, <, & and a block scalar’s line breaks as written', () => {
    // description and title from a YAML block scalar (|): each line break a space; the marks escaped
    const text = policy()
      .set('title', '`新人`奖 *重点* __x__ a|b <i>&amp;')
      .set('description', '1. 目的\n- 第二行 `代码`\n')
      .adjustment('viral', {
        title: '爆款`奖`',
        when: { fact: 'rating', operator: 'greaterThan', value: 90 },
        award: 100,
      })
      .yaml();
    const doc = buildDocument(compiledPolicy(text, 'p.yaml'));
    const md = renderMarkdown(doc);
    expect(md.split('\n')[0]).toBe('# \\`新人\\`奖 \\*重点\\* \\_\\_x\\_\\_ a\\|b &lt;i&gt;\\&amp; · 考核方案');
    // a paragraph, not an ordered list holding a bullet list
    expect(md).toContain('\n\n1\\. 目的 - 第二行 \\`代码\\`\n\n');
    expect(md).toContain('爆款\\`奖\\`');
    const html = renderHtml(doc);
    expect(html).toContain('<h1>`新人`奖 *重点* __x__ a|b &lt;i&gt;&amp;amp; · 考核方案</h1>');
    expect(html).toContain('<p>1. 目的\n- 第二行 `代码`\n</p>');
    expect(html).toContain('爆款`奖`');
    expect(html.match(/<code>[^<]*<\/code>/g)).toEqual(['<code>pay_base * score / 100</code>']);
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

  it('refuses a --format the --out file’s extension contradicts, exit 2, writing nothing (HTML went into plan.md)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'yardstick-doc-out-')), 'plan.md');
    const r = await yardstick(
      'doc',
      'policies/short-video-team.yaml',
      '--out',
      out,
      '--format',
      'html',
      '--lang',
      'en',
    );
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`error: --out \`${out}\` names a .md file, but --format is html`);
    expect(existsSync(out)).toBe(false);
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

describe('yardstick doc --base, the base version not loading', () => {
  const project = resolve('.');
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'yardstick-doc-base-'));
    // the committed version has a weight written as text on line 3 (`weight: 七十`), the working
    // copy is the bundled flagship
    writeFileSync(join(repo, 'p.yaml'), 'policy: x\nversion: 1.0.0\nweight: 七十\n');
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'broken policy');
    writeFileSync(join(repo, 'p.yaml'), readFileSync(join(project, 'policies/short-video-team.yaml'), 'utf8'));
    process.chdir(repo);
  });
  afterAll(() => process.chdir(project));

  it("refuses with exit code 1 and says the base version's own problems, each at its line", async () => {
    const r = await yardstick('doc', 'p.yaml', '--base', 'HEAD', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    // six required keys missing (title, metrics, stages, roles, grades, payout) and one unknown: seven
    expect(lines[0]).toBe('error: HEAD:p.yaml: the policy has 7 problem(s)');
    // each of them follows, placed in the base version: before, only the count was said
    expect(lines.filter((l) => l.startsWith('HEAD:p.yaml:1:1: error[schema_missing_key]'))).toHaveLength(6);
    expect(lines).toContain('HEAD:p.yaml:3:1: error[schema_unknown_key]: unknown key `weight` in `the policy`');
  });
});

describe('yardstick doc --base on a policy renamed since the base', () => {
  const project = resolve('.');
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' });
  const flagship = () => readFileSync(join(project, 'policies/short-video-team.yaml'), 'utf8');

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'yardstick-doc-rename-'));
    mkdirSync(join(repo, 'policies'));
    writeFileSync(join(repo, 'policies/sv.yaml'), flagship());
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'policy');
    // renamed, and the silver award raised from ¥1,000 to ¥1,200 in the same commit
    git('mv', 'policies/sv.yaml', 'policies/short-video.yaml');
    writeFileSync(
      join(repo, 'policies/short-video.yaml'),
      flagship()
        .replace(/^version: .*$/m, 'version: 1.3.0')
        .replace(
          '{ tier: silver, title: 银牌, min: 0.90, multiplier: 1.2, award: 1000 }',
          '{ tier: silver, title: 银牌, min: 0.90, multiplier: 1.2, award: 1200 }',
        ),
    );
    git('commit', '-qam', 'renamed');
    process.chdir(repo);
  });
  afterAll(() => process.chdir(project));

  it('compares it with its old file and names that file in the summary’s title (it said the base has no such file)', async () => {
    const r = await yardstick('doc', 'policies/short-video.yaml', '--base', 'HEAD~1');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = r.stdout.slice(r.stdout.indexOf('## 与上一版本'));
    expect(summary.split('\n').slice(0, 5)).toEqual([
      '## 与上一版本（1.2.0，HEAD\\~1:policies/sv.yaml）相比的变化',
      '',
      '- 版本 1.2.0 → 1.3.0',
      '- 档位 银牌 奖金 ¥1,000.00 → ¥1,200.00',
      '',
    ]);
  });

  it('still refuses a file that is at neither path at the base', async () => {
    // another policy altogether: git pairs it with no file of the base
    writeFileSync(
      join(repo, 'policies/new.yaml'),
      readFileSync(join(project, 'policies/livestream-team.yaml'), 'utf8'),
    );
    const r = await yardstick('doc', 'policies/new.yaml', '--base', 'HEAD~1', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toContain('policies/new.yaml');
  });
});
