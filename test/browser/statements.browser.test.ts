// A statement, opened in Debian's Chromium as HR would print it, shows the right numbers.

import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderStatement } from '../../engine/index.js';
import { main } from '../../node/cli/main.js';
import { compiledPolicy, policy, staffScorecard, when } from '../builders.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && (process.env.CI === 'true' || process.env.YARDSTICK_BROWSER_TESTS === 'required'))
  throw new Error(`no Chromium at ${CHROMIUM}`);

let out: string;
let context: BrowserContext;

describe.skipIf(!available)('printable statements in Chromium', () => {
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'yardstick-statements-'));
    const code = await main(
      [
        'statements',
        'policies/short-video-team.yaml',
        '--data',
        'examples/exports-2026-10/month.data.yaml',
        '--out',
        out,
        '--exclude-invalid',
      ],
      { stdout: () => {}, stderr: () => {} },
    );
    expect(code).toBe(0);
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'yardstick-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 900, height: 1250 },
    });
  }, 120_000);

  afterAll(async () => context?.close());

  it("SV0042's statement shows the hand-computed score, grade and pay", async () => {
    const page = await context.newPage();
    await page.goto(`file://${resolve(out, 'SV0042.html')}`);
    const cards = await page.locator('.card .v').allTextContents();
    // 83.47 × 40% + 92 × 40% + 100 × 20% = 33.39 + 36.8 + 20 = 90.19; +10 viral = 100.19 → A+, silver:
    // 3000 × 100.19% = 3005.70 + 601.14 + 1000 + 2000 = 6606.84
    expect(cards).toEqual(['100.19', 'A+', '¥6,606.84']);
    const lines = await page.locator('h2:has-text("绩效工资明细") + table tr').allTextContents();
    expect(lines.slice(1)).toEqual([
      '绩效工资¥3,005.70',
      '档位加成 银牌 × 1.2¥601.14',
      '档位奖金 银牌¥1,000.00',
      '爆款奖励(单条播放≥100万)¥2,000.00',
      '合计¥6,606.84',
    ]);
    expect(await page.locator('.prov').textContent()).toMatch(
      /^依据: 政策 short-video-team v1\.2\.0 \(policies\/short-video-team\.yaml, sha256 [0-9a-f]{16}\) · 数据 examples\/exports-2026-10\/month\.data\.yaml \(sha256 [0-9a-f]{16}\), examples\/exports-2026-10\/花名册\.xlsx \(sha256 [0-9a-f]{16}\), examples\/exports-2026-10\/创作者后台导出\.csv \(sha256 [0-9a-f]{16}\), examples\/exports-2026-10\/内部评审\.xlsx \(sha256 [0-9a-f]{16}\) · 引擎 yardstick \d+\.\d+\.\d+$/,
    );
    await page.screenshot({
      path: process.env.YARDSTICK_UPDATE_SCREENSHOT ? 'docs/statement-SV0042.png' : join(out, 'statement.png'),
    });
  });

  it("SV0042's statement explains the pay: the formula with its numbers, the tier and the interpolation", async () => {
    const page = await context.newPage();
    await page.goto(`file://${resolve(out, 'SV0042.html')}`);
    expect(await page.locator('ul.calc li').allTextContents()).toEqual([
      // 3000 × 100.19 / 100 = 3005.70
      '绩效工资 = pay_base * min(score, 120) / 100 = 3,000 × min(100.19, 120) / 100 = ¥3,005.70（绩效基数 ¥3,000.00，总分 100.19）',
      // attainment 100.19 / 100 = 100.19 %, silver from 90 %
      '档位 银牌：达成率（总分 / 100） 100.19% ≥ 90.0%（银牌 的门槛）',
    ]);
    // 24 h delivery 88.8 % between threshold 80 % and target 95 %: 60 + 40 × 8.8 / 15 = 83.4666… ≈ 83.47
    expect(await page.locator('td .why').first().textContent()).toBe('介于门槛 80.0% 与目标 95.0% 之间');
    expect(await page.locator('td .why').nth(1).textContent()).toBe(
      '60 + 40 × (88.8% − 80.0%) / (95.0% − 80.0%) = 83.4667 ≈ 83.47 分',
    );
  });

  it('prints the longest statements on one A4 page each, signature lines included', async () => {
    // the 20 largest statement files (most rows, rules, holds and triggers) stand for the month
    const files = readdirSync(out)
      .filter((f) => f.endsWith('.html') && f !== 'index.html')
      .sort((a, b) => statSync(join(out, b)).size - statSync(join(out, a)).size)
      .slice(0, 20);
    const page = await context.newPage();
    const pages: Record<string, number> = {};
    for (const f of files) {
      await page.goto(`file://${resolve(out, f)}`);
      const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      pages[f] = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    }
    expect(Object.entries(pages).filter(([, n]) => n !== 1)).toEqual([]);
  }, 120_000);

  // one Latin word of 300 letters as the policy's title and a rule's: it ran off the page (the body
  // and the table wider than the window); a CJK title wraps between its characters anyway
  it('wraps a title of one very long word inside the page', async () => {
    const word = 'A'.repeat(300);
    const compiled = compiledPolicy(
      policy()
        .set('title', word)
        .adjustment('viral', { title: word, when: when('rating', 'greaterThan', 85), award: 100 })
        .yaml(),
      'p.yaml',
    );
    const file = join(out, 'long-word.html');
    writeFileSync(
      file,
      renderStatement(compiled, staffScorecard(compiled, { rating: 90 }), {
        policy: { file: 'p.yaml', id: 'mini', version: '1.0.0', hash: 'abc' },
        data: [],
        engine: '1.0.0',
      }),
    );
    const page = await context.newPage();
    await page.goto(`file://${file}`);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
  });

  it('the index gives the reasons of the excluded records in Chinese', async () => {
    const page = await context.newPage();
    await page.goto(`file://${resolve(out, 'index.html')}`);
    expect(await page.locator('h2:has-text("因数据问题未评分") + ul li').allTextContents()).toEqual([
      'SV0013 苏红: 岗位 `编导` 缺少 `完播率`（completion_rate）',
      'SV0055 邓梓佳: 无法读取的值：`12..5` 不是数字',
    ]);
  });

  it('the index lists every scored employee and draws the grade distribution', async () => {
    const page = await context.newPage();
    await page.goto(`file://${resolve(out, 'index.html')}`);
    expect(await page.locator('h2:has-text("员工列表") + table tbody tr').count()).toBe(198);
    expect(await page.locator('svg text').allTextContents()).toEqual(['12', 'A+', '76', 'A', '68', 'B', '42', 'C']);
    await page.screenshot({
      path: process.env.YARDSTICK_UPDATE_SCREENSHOT ? 'docs/statements-index.png' : join(out, 'index.png'),
    });
  });
});
