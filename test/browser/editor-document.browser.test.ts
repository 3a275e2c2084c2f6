// In a real browser: the preview tab offers the 考核方案 (方案文档) rendered by the engine from the
// text in the editor — unsaved edits included — in a frame where nothing can run, with the
// changes since the committed version, in the interface's language, and as HTML or Markdown files.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { available, openPolicy, startEditor, type Editor } from './editor-harness.js';

let e: Editor;
const testId = (id: string) => e.page.locator(`[data-testid=${id}]`);
const doc = () => e.page.frameLocator('[data-testid=document-frame]');
/** The document's cell for a key path of the policy (render.ts writes it as `data-path`). */
const cell = (path: (string | number)[]) =>
  doc()
    .locator(`td[data-path='${JSON.stringify(path)}']`)
    .first();
/** `YARDSTICK_UPDATE_SCREENSHOT=1` refreshes the picture in docs/editor-screens/. */
const shot = async (name: string) => {
  if (process.env.YARDSTICK_UPDATE_SCREENSHOT) await e.page.screenshot({ path: `docs/editor-screens/${name}.png` });
};
const THRESHOLD = ['roles', 'director', 'indicators', 'completion', 'threshold'];

describe.skipIf(!available)('the policy document in the editor', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    e = await startEditor();
  }, 180_000);
  afterAll(async () => {
    await e?.close();
  });
  beforeEach(async () => {
    await e.reset();
    await openPolicy(e);
  });

  it('shows the document of the edited text: a threshold changed in the panels changes the number and the change summary', async () => {
    const { page } = e;
    await testId('document-toggle').click();
    // short-video-team.yaml: 编导's completion rate, threshold 0.30, target 0.40, challenge 0.50
    await expect.poll(() => cell(THRESHOLD).textContent(), { timeout: 30_000 }).toBe('30.0%');
    expect(await doc().locator('h1').textContent()).toBe('短视频团队月度绩效考核 · 考核方案');
    // compared with the committed version, which is the same text
    expect(await doc().locator('section#changes h2').textContent()).toBe('与上一版本（1.2.0，HEAD）相比的变化');
    await expect.poll(() => doc().locator('section#changes p').textContent()).toBe('与上一版本相比没有变化。');

    // the threshold to 35 % in the panels (not saved)
    await page.click('[data-testid=tab-panels]');
    const director = page.locator('table.targets[data-role=director]');
    await director.getByLabel('完播率 门槛', { exact: true }).fill('35');
    await director.getByLabel('完播率 门槛', { exact: true }).press('Tab');
    expect(e.onDisk('short-video-team.yaml')).toContain('threshold: 0.30');

    // back in the preview the document is open again and shows the edit
    await page.click('[data-testid=tab-preview]');
    await expect.poll(() => cell(THRESHOLD).textContent(), { timeout: 30_000 }).toBe('35.0%');
    expect(await cell(THRESHOLD).getAttribute('data-value')).toBe('0.35');
    await expect
      .poll(() => doc().locator('section#changes li').allTextContents())
      .toEqual(['编导 · 完播率 门槛 30.0% → 35.0%']);
    await cell(THRESHOLD).scrollIntoViewIfNeeded();
    await shot('document-view');
  });

  it('runs nothing from the document: a sandbox without scripts, and a name with markup shown as text', async () => {
    const { page } = e;
    // a role title that is markup and script: the engine escapes it, and the frame could not run it anyway
    const text = e
      .committed('short-video-team.yaml')
      .replace('title: 编导', 'title: "<img src=x onerror=alert(1)>编导"');
    e.write('short-video-team.yaml', text);
    await openPolicy(e);
    let alerted = false;
    page.on('dialog', () => (alerted = true));
    await testId('document-toggle').click();
    const frame = testId('document-frame');
    await frame.waitFor({ timeout: 30_000 });
    expect(await frame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
    await expect
      .poll(() => doc().locator('body').textContent(), { timeout: 30_000 })
      .toContain('<img src=x onerror=alert(1)>编导');
    expect(await doc().locator('img').count()).toBe(0);
    expect(alerted).toBe(false);
  });

  it('follows the interface language and downloads the HTML and the Markdown', async () => {
    const { page } = e;
    await testId('document-toggle').click();
    await expect.poll(() => cell(THRESHOLD).textContent(), { timeout: 30_000 }).toBe('30.0%');
    await page.selectOption('select[aria-label=language]', 'en');
    await expect
      .poll(() => doc().locator('h1').textContent(), { timeout: 30_000 })
      .toBe('短视频团队月度绩效考核 · Performance plan');
    await expect
      .poll(() => doc().locator('section#changes p').textContent())
      .toBe('No changes since the previous version.');

    const [html] = await Promise.all([page.waitForEvent('download'), testId('document-download-html').click()]);
    expect(html.suggestedFilename()).toBe('short-video-team-plan.html');
    const saved = readFileSync((await html.path())!, 'utf8');
    expect(saved).toContain('<html lang="en">');
    expect(saved).toContain(
      `data-path="${JSON.stringify(THRESHOLD).replaceAll('"', '&quot;')}" data-value="0.3">30.0%`,
    );

    const [md] = await Promise.all([page.waitForEvent('download'), testId('document-download-md').click()]);
    expect(md.suggestedFilename()).toBe('short-video-team-plan.md');
    expect(readFileSync((await md.path())!, 'utf8')).toMatch(/^# 短视频团队月度绩效考核 · Performance plan\n/);
    await page.selectOption('select[aria-label=language]', 'zh');
  });
});
