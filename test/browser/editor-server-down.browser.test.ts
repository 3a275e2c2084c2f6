// The editor in Chromium when its server has stopped, for the requests beside saving: the versions
// view, the 数据 view's outputs and the simulator each said fetch's own English words, "Failed to
// fetch" (the versions view "TypeError: Failed to fetch"), in the Chinese interface. Now each says
// what saving says: the server cannot be reached, what to do, and that the unsaved edit is kept.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { available, openPolicy, startEditor, type Editor } from './editor-harness.js';

let e: Editor;
let page: Page;
const testId = (id: string) => page.locator(`[data-testid=${id}]`);
const status = () => testId('status').textContent();
const ZH =
  '连接不到编辑器的服务器（它可能已停止）：请重新运行 npm start，打开它打印的地址；未保存的修改仍保留在这个浏览器中';
const EN =
  'cannot reach the editor’s server (it may have stopped): run npm start again and open the address it prints; unsaved changes are kept in this browser';

/** Opens the flagship and types one character at the end of its version line: an unsaved edit. */
async function openWithAnEdit() {
  await openPolicy(e);
  await page.locator('[data-testid=editor] .view-line', { hasText: 'version: 1.2.0' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('3');
  await expect.poll(status, { timeout: 20_000 }).toBe('未保存的修改');
}

describe.skipIf(!available)('the editor with its server stopped', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e = await startEditor({ width: 1440, height: 1200 });
    page = e.page;
  }, 180_000);
  afterAll(async () => e?.close());
  beforeEach(async () => {
    await page.unrouteAll();
    await e.reset();
  });

  it('the versions view says the server cannot be reached, in Chinese and in English, and the edit stays', async () => {
    await openWithAnEdit();
    // every request to the versions routes gets no answer, as when the server has stopped
    await page.route('**/api/versions/**', (r) => r.abort());
    await testId('tab-versions').click();
    await expect.poll(() => testId('history-error').textContent(), { timeout: 20_000 }).toBe(ZH);
    await page.selectOption('select[aria-label=language]', 'en');
    await testId('tab-preview').click();
    await testId('tab-versions').click();
    await expect.poll(() => testId('history-error').textContent(), { timeout: 20_000 }).toBe(EN);
    await page.selectOption('select[aria-label=language]', 'zh');
    expect(await status()).toBe('未保存的修改');
  });

  it('an output of the 数据 view says the server cannot be reached, and the edit stays', async () => {
    await openWithAnEdit();
    await testId('tab-data').click();
    await page.route('**/api/data/**', (r) => r.abort());
    await testId('export-results').click();
    await expect.poll(() => testId('outputs-status').textContent(), { timeout: 20_000 }).toBe(ZH);
    expect(await status()).toBe('未保存的修改');
  });

  // a case is saved only from a saved policy (no edit here): what is kept is the case typed
  it('the simulator says the server cannot be reached when it saves a case, and keeps the case', async () => {
    await openPolicy(e);
    await page.locator('[data-testid=results] tbody tr', { hasText: 'SV0068' }).click();
    await testId('open-in-simulator').click();
    await testId('simulator').waitFor();
    await expect.poll(() => testId('card-score').first().textContent(), { timeout: 30_000 }).toBe('89.17');
    await testId('sim-confirm-grade').check();
    await testId('sim-case-name').fill('服务器停了也不丢');
    await page.route('**/api/simulator/**', (r) => r.abort());
    await testId('sim-save-button').click();
    await expect.poll(() => testId('sim-save-note').first().textContent(), { timeout: 20_000 }).toBe(ZH);
    expect(await testId('sim-case-name').inputValue()).toBe('服务器停了也不丢');
    expect(await testId('sim-confirm-grade').isChecked()).toBe(true);
    // and the next save, with the server back, writes it
    await page.unrouteAll();
    await testId('sim-save-button').click();
    await expect
      .poll(() => testId('sim-save-note').first().textContent(), { timeout: 20_000 })
      .toBe('已写入 short-video-team.test.yaml');
  });
});
