// The 考核方案 of each bundled policy, opened in Debian's Chromium: it prints to A4, nothing runs
// past the page's edge, every role starts a page, and every number the page shows from the policy
// equals the number in the YAML (read back from the page, parsed from the file independently).

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildDocument, renderHtml } from '../../engine/index.js';
import { main } from '../../node/cli/main.js';
import { compiledPolicy, policy, when } from '../builders.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && (process.env.CI === 'true' || process.env.YARDSTICK_BROWSER_TESTS === 'required'))
  throw new Error(`no Chromium at ${CHROMIUM}`);

const POLICIES = ['short-video-team', 'livestream-team', 'content-three-dimension'];
/** Each policy's document in both languages: English words are longer, and must fit the page as well. */
const LANGS = ['zh', 'en'] as const;
let out: string;
let context: BrowserContext;

/** The number a cell shows: `¥6,000.00` → 6000, `15.0%` → 0.15, `×1.2` → 1.2, `40%` of a weight → 40, `2分` or `2m` → 120 (seconds). */
function shown(text: string, path: (string | number)[]): number {
  // a duration: `2分`, `1分30秒`, `45秒`
  const duration = /^(?:(\d+)分)?(?:([\d.]+)秒)?$/.exec(text.trim());
  if (duration && (duration[1] || duration[2])) return Number(duration[1] ?? 0) * 60 + Number(duration[2] ?? 0);
  // in English: `2m`, `1m 30s`, `45s`
  const english = /^(?:(\d+)m)?\s*(?:([\d.]+)s)?$/.exec(text.trim());
  if (english && (english[1] || english[2])) return Number(english[1] ?? 0) * 60 + Number(english[2] ?? 0);
  const digits = Number(text.replace(/[¥,×\s]/g, '').replace(/%$/, ''));
  const isWeight = path.includes('weight');
  return text.trim().endsWith('%') && !isWeight ? digits / 100 : digits;
}

/** What runs past the printable width: the page, and every cell, paragraph and heading within it. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const wide: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) wide.push('page');
    for (const el of document.querySelectorAll('table, td, th, p, li, h1, h2'))
      if (el.scrollWidth > el.clientWidth + 1) wide.push(`${el.tagName}: ${el.textContent?.slice(0, 40)}`);
    return wide;
  });
}

function at(doc: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], doc);
}

describe.skipIf(!available)('the 考核方案 in Chromium', () => {
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'yardstick-doc-'));
    for (const name of POLICIES)
      for (const lang of LANGS) {
        const code = await main(
          ['doc', `policies/${name}.yaml`, '--lang', lang, '--out', join(out, `${name}.${lang}.html`)],
          { stdout: () => {}, stderr: () => {} },
        );
        expect(code).toBe(0);
      }
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
      // A4's printable width at 96 dpi: 210 mm less 2 × 14 mm margins = 182 mm ≈ 688 px
      viewport: { width: 688, height: 1000 },
    });
  }, 120_000);

  afterAll(async () => context?.close());

  for (const name of POLICIES)
    for (const lang of LANGS) {
      it(`${name} (${lang}): A4 pages, no overflow, a page per role, every number equal to the policy`, async () => {
        const yaml = parse(readFileSync(`policies/${name}.yaml`, 'utf8'));
        const page = await context.newPage();
        await page.emulateMedia({ media: 'print' });
        await page.goto(`file://${resolve(out, `${name}.${lang}.html`)}`);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');

        // nothing wider than the printable width: the page, and every cell within its table
        expect(await overflowing(page)).toEqual([]);

        // a section per role, each starting a printed page
        const roles = Object.keys(yaml.roles);
        const breaks = await page.evaluate(() =>
          [...document.querySelectorAll('section[id^="role-"]')].map((s) => [s.id, getComputedStyle(s).breakBefore]),
        );
        expect(breaks).toEqual(roles.map((r) => [`role-${r}`, 'page']));

        // every number that comes from the policy, read back from the page
        const cells = await page.evaluate(() =>
          [...document.querySelectorAll('[data-path]')].map((el) => ({
            path: JSON.parse(el.getAttribute('data-path')!),
            text: el.textContent ?? '',
          })),
        );
        expect(cells.length).toBeGreaterThan(20);
        for (const c of cells)
          expect({ path: c.path, value: shown(c.text, c.path) }).toEqual({ path: c.path, value: at(yaml, c.path) });
        // every role's pay base and every tier band is among them
        for (const r of roles) expect(cells.some((c) => c.path.join('.') === `roles.${r}.pay_base`)).toBe(true);
        const bands = (yaml.payout.tiers?.bands ?? []) as unknown[];
        for (let i = 0; i < bands.length; i++)
          expect(cells.some((c) => c.path.join('.') === `payout.tiers.bands.${i}.min`)).toBe(true);

        // printed: A4 sheets (595 × 842 points), more than one page
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        const text = pdf.toString('latin1');
        const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
          Number(m[1]),
          Number(m[2]),
        ]);
        expect(boxes.length).toBeGreaterThan(roles.length);
        // A4 is 210 × 297 mm = 595.28 × 841.89 points; Chromium rounds its sheet to whole pixels
        for (const [width, height] of boxes) {
          expect(Math.abs(width! - 595.28)).toBeLessThan(1);
          expect(Math.abs(height! - 841.89)).toBeLessThan(1);
        }

        if (process.env.YARDSTICK_UPDATE_SCREENSHOT && name === 'short-video-team' && lang === 'zh') {
          await page.emulateMedia({ media: 'screen' });
          await page.setViewportSize({ width: 794, height: 1123 });
          await page.screenshot({ path: 'docs/document-short-video.png' });
          await page.locator('#role-ops_manager').screenshot({ path: 'docs/document-role.png' });
        }
      });
    }

  // one Latin word of 300 letters as the title, a role's and a rule's: the h1 and the paragraph
  // quoting the title ran past the page's edge (a CJK title wraps between its characters anyway)
  it('wraps a title of one very long word inside the page', async () => {
    const word = 'A'.repeat(300);
    const text = policy()
      .set('title', word)
      .role('staff', { title: word })
      .adjustment('viral', { title: word, when: when('rating', 'greaterThan', 85), award: 100 })
      .yaml();
    const file = join(out, 'long-word.html');
    writeFileSync(file, renderHtml(buildDocument(compiledPolicy(text, 'p.yaml'))));
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(`file://${file}`);
    expect(await overflowing(page)).toEqual([]);
  });
});
