// Unsaved work and the policy picker when something goes wrong around them, in a real browser:
// - a switch to a policy that was moved off the disk left the tab without its edit lock (a second
//   tab then edited the same policy and the two overwrote each other's draft), with nothing said;
// - a draft that did not fit in the browser's storage was dropped with an uncaught error, and the
//   work was gone after a reload, with nothing said;
// - the picker kept a fixed and saved policy marked unreadable (and a saved version stale).

import { renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { available, openPolicy, startEditor, type Editor } from './editor-harness.js';

let e: Editor;
let page: Page;
let pageErrors: string[] = [];
const testId = (id: string) => page.locator(`[data-testid=${id}]`);
const status = () => testId('status').textContent();
/** The note over the work area, without its close button. */
const message = async () =>
  (await testId('message').count()) ? (await testId('message').textContent())!.replace(/ ×$/, '') : '';

describe.skipIf(!available)('unsaved work and the picker when something goes wrong', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e = await startEditor();
    page = e.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180_000);
  afterAll(async () => e?.close());

  it('a switch to a policy moved off the disk says so and keeps the policy open, its edit and its edit lock', async () => {
    await e.reset();
    pageErrors = [];
    await openPolicy(e, 'short-video-team.yaml');
    await page.locator('[data-testid=editor] .view-line', { hasText: 'version: 1.2.0' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type('7');
    await expect.poll(status, { timeout: 20_000 }).toBe('未保存的修改');
    const moved = join(e.root, 'annual-review.yaml');
    renameSync(join(e.root, 'policies', 'annual-review.yaml'), moved);
    try {
      await page.selectOption('[data-testid=policy-select]', 'annual-review.yaml');
      await expect.poll(message, { timeout: 20_000 }).toBe('没有这个文件：`annual-review.yaml`');
      expect(await testId('policy-select').inputValue()).toBe('short-video-team.yaml');
      expect(await status()).toBe('未保存的修改');
      expect(await page.locator('[data-testid=editor] .view-line', { hasText: 'version: 1.2.07' }).count()).toBe(1);
      expect(pageErrors).toEqual([]);

      // the tab still edits the policy: a second tab shows it read-only and is offered no draft
      const second = await e.context.newPage();
      await second.goto(`${e.url}&policy=short-video-team.yaml`);
      const banner = second.locator('[data-testid=elsewhere-banner]');
      await banner.waitFor({ timeout: 60_000 });
      expect(await banner.textContent()).toBe(
        '此政策正在本浏览器的另一个标签页中编辑：这里只读，以免两边的未保存修改互相覆盖。那个标签页关闭或打开别的政策后，这里即可编辑。',
      );
      expect(await second.locator('[data-testid=draft-banner]').count()).toBe(0);
      await second.close({ runBeforeUnload: false });

      // 保存 writes the policy still open, with the edit
      await testId('save').click();
      await expect.poll(status, { timeout: 20_000 }).toBe('已保存');
      expect(e.onDisk('short-video-team.yaml')).toBe(
        e.committed('short-video-team.yaml').replace('version: 1.2.0\n', 'version: 1.2.07\n'),
      );
    } finally {
      renameSync(moved, join(e.root, 'policies', 'annual-review.yaml'));
    }
  });

  it('a draft that does not fit in the browser is said, in the page language, and raises no error', async () => {
    await e.reset();
    await openPolicy(e, 'short-video-team.yaml');
    // other policies' leftover drafts fill the browser's storage, all but a little room
    await page.evaluate(() => {
      const fill = (key: string, size: number) => {
        try {
          localStorage.setItem(
            key,
            JSON.stringify({ text: '#'.repeat(size), etag: '"x"', at: '2026-11-01T00:00:00Z' }),
          );
          return true;
        } catch {
          return false;
        }
      };
      let low = 0;
      let high = 20_000_000;
      while (high - low > 100) {
        const mid = Math.floor((low + high) / 2);
        if (fill('yardstick:draft:content-three-dimension.yaml', mid)) low = mid;
        else high = mid;
      }
      fill('yardstick:draft:content-three-dimension.yaml', low - 2_000);
    });
    await openPolicy(e, 'short-video-team.yaml');
    pageErrors = [];
    await page.locator('[data-testid=editor] .view-line', { hasText: 'version: 1.2.0' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type('7');
    const notKept = testId('draft-not-kept');
    await notKept.waitFor({ timeout: 20_000 });
    expect(await notKept.textContent()).toBe(
      '这次未保存的修改无法作为草稿保存在浏览器中（浏览器的存储空间已满）：重新加载或关闭页面后它会丢失。请先保存（或复制出来）。',
    );
    expect(pageErrors).toEqual([]);
    await page.selectOption('[aria-label=language]', 'en');
    expect(await notKept.textContent()).toBe(
      'This unsaved edit could not be kept as a draft in the browser (its storage is full): it will be lost if the page is reloaded or closed. Save it first (or copy it out).',
    );
    await page.selectOption('[aria-label=language]', 'zh');
    // saved, there is nothing left to lose
    await testId('save').click();
    await expect.poll(status, { timeout: 20_000 }).toBe('已保存');
    expect(await notKept.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('after a save the picker lists the policy as it is now: a fixed merge conflict can be picked again, with its new version', async () => {
    await e.reset();
    const name = 'livestream-team.yaml';
    e.write(
      name,
      e
        .committed(name)
        .replace('version: 1.2.1\n', '<<<<<<< HEAD\nversion: 1.2.1\n=======\nversion: 1.2.2\n>>>>>>> other\n'),
    );
    await page.goto(`${e.url}&policy=${name}`);
    const option = page.locator(`[data-testid=policy-select] option[value="${name}"]`);
    await page.locator('[data-testid=editor] .view-line', { hasText: '<<<<<<< HEAD' }).waitFor({ timeout: 60_000 });
    // the option names the file and says it cannot be read; the problem itself is on hover
    await expect.poll(() => option.textContent(), { timeout: 20_000 }).toBe(`⚠ ${name} — 无法读取`);
    expect(await option.evaluate((o) => (o as HTMLOptionElement).disabled)).toBe(true);
    expect(await option.getAttribute('title')).toMatch(/^第 8 行第 1 列：/);

    // the conflict resolved in the editor (the other side's version kept) and saved, once the page
    // has settled (a re-render until then can take the focus from the editor, and keys go nowhere)
    await expect.poll(message, { timeout: 20_000 }).toMatch(/^政策 livestream-team\.yaml 无法读取：第 8 行第 1 列：/);
    const conflictLine = page.locator('[data-testid=editor] .view-line', { hasText: '<<<<<<< HEAD' });
    const inEditor = () => page.evaluate(() => document.activeElement?.closest('[data-testid=editor]') != null);
    for (let tries = 0; ; tries++) {
      await conflictLine.click();
      if (await inEditor()) break;
      if (tries === 50) throw new Error('the YAML editor does not take the focus');
      await page.waitForTimeout(100);
    }
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.type('version: 1.2.2\n');
    // the text parses again: the problems no longer list the conflict
    await expect.poll(() => testId('problems').textContent(), { timeout: 20_000 }).not.toContain('合并冲突');
    await testId('save').click();
    await expect.poll(status, { timeout: 20_000 }).toBe('已保存');
    expect(e.onDisk(name)).toBe(e.committed(name).replace('version: 1.2.1\n', 'version: 1.2.2\n'));
    await expect.poll(() => option.textContent(), { timeout: 20_000 }).toBe('直播带货团队月度绩效考核 · v1.2.2');
    expect(await option.evaluate((o) => (o as HTMLOptionElement).disabled)).toBe(false);

    // picked again from another policy
    await page.selectOption('[data-testid=policy-select]', 'short-video-team.yaml');
    await page.locator('[data-testid=editor] .view-line', { hasText: 'policy: short-video-team' }).waitFor();
    await page.selectOption('[data-testid=policy-select]', name);
    await page.locator('[data-testid=editor] .view-line', { hasText: 'version: 1.2.2' }).waitFor({ timeout: 20_000 });
    expect(await testId('policy-select').inputValue()).toBe(name);
  });
});
