// What the page says must describe the state it is in now. A permission refusal stayed on screen
// after the next save had been answered (a conflict, resolved, then saved); a merge conflict opened
// fresh said "showing the last correct result" over an empty preview; a 保存 pressed right after
// the YAML was fixed was refused on the problem list of the broken text before it.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnostic } from '../../engine/index.js';
import { available, openPolicy, startEditor, type Editor } from './editor-harness.js';

let e: Editor;
let page: Page;
const testId = (id: string) => page.locator(`[data-testid=${id}]`);
const status = () => testId('status').textContent();
const message = async () => ((await testId('message').count()) ? await testId('message').textContent() : '');
const line = (text: string) => page.locator('[data-testid=editor] .view-line', { hasText: text });

const DENIED_ZH = '没有读写 `policies` 的权限';

describe.skipIf(!available)('messages that describe a state the page is no longer in', () => {
  beforeAll(async () => {
    e = await startEditor();
    page = e.page;
  }, 180_000);
  afterAll(async () => e?.close());

  it('a permission refusal goes once a later save is answered: a conflict resolved, then saved', async () => {
    await openPolicy(e);
    await line('version: 1.2.0').click();
    await page.keyboard.press('End');
    await page.keyboard.type('7');
    await expect.poll(status, { timeout: 20_000 }).toBe('未保存的修改');
    // the policies folder refuses the save (no permission), as the server says it
    const denied = diagnostic('cli_server_fs.denied', { project_path: 'policies' });
    await page.route('**/api/policies/**', (r) =>
      r.request().method() === 'PUT'
        ? r.fulfill({
            status: 403,
            contentType: 'application/json',
            body: JSON.stringify({ error: denied.message, diagnostics: [{ ...denied, args: denied.args }] }),
          })
        : r.continue(),
    );
    await testId('save').click();
    await expect.poll(message, { timeout: 20_000 }).toContain(DENIED_ZH);
    await page.unroute('**/api/policies/**');
    // the folder can be written again, and someone changed the file meanwhile: the save is a conflict
    const theirs = e.onDisk('short-video-team.yaml').replace('currency: CNY\n', 'currency: CNY # 人民币\n');
    e.write('short-video-team.yaml', theirs);
    await testId('save').click();
    await testId('conflict').waitFor({ timeout: 20_000 });
    // the refusal is no longer what happens: the server answered
    expect(await message()).not.toContain(DENIED_ZH);
    await testId('adopt-merge').click();
    await expect.poll(() => testId('conflict').count()).toBe(0);
    expect(await message()).not.toContain(DENIED_ZH);
    await testId('save').click();
    await expect.poll(status, { timeout: 20_000 }).toBe('已保存');
    expect(e.onDisk('short-video-team.yaml')).toContain('version: 1.2.07\n');
    expect(e.onDisk('short-video-team.yaml')).toContain('currency: CNY # 人民币\n');
    expect(await message()).not.toContain(DENIED_ZH);
    await e.reset();
  }, 120_000);

  it('a merge conflict opened fresh says there is no result yet and why, not "the last correct result"', async () => {
    const conflicted = e
      .committed('short-video-team.yaml')
      .replace('policy: short-video-team\n', 'policy: conflict-team\n')
      .replace('version: 1.2.0\n', '<<<<<<< HEAD\nversion: 1.2.0\n=======\nversion: 1.3.0\n>>>>>>> feature\n');
    e.write('conflict-team.yaml', conflicted);
    await page.goto(`${e.url}&policy=conflict-team.yaml`);
    await line('<<<<<<< HEAD').waitFor({ timeout: 60_000 });
    const banner = testId('invalid-banner');
    await banner.waitFor({ timeout: 30_000 });
    const zh = await banner.textContent();
    expect(zh).not.toContain('上一次正确');
    expect(zh).toMatch(/^政策有错误，还没有试算结果：打开以来它还没有一次能计算。 行 7: 文件中有未解决的 git 合并冲突/);
    expect(await page.locator('[data-testid=results]').count()).toBe(0);
    await page.selectOption('select[aria-label=language]', 'en');
    await expect
      .poll(() => banner.textContent(), { timeout: 20_000 })
      .toMatch(
        /^The policy has errors, so there is no result yet: it has not been computed once since it was opened\. line 7: /,
      );
    expect(await banner.textContent()).not.toContain('last good result');
    await page.selectOption('select[aria-label=language]', 'zh');
    await e.reset();
  }, 120_000);

  it('a draft a newer edit could not replace (the storage was full) is offered as older, not as the latest work', async () => {
    await openPolicy(e);
    const older = e.committed('short-video-team.yaml').replace('version: 1.2.0\n', 'version: 1.2.5\n');
    const etag = await page.evaluate(async () => {
      const token = new URLSearchParams(location.search).get('token') ?? '';
      const r = await fetch('/api/policies/short-video-team.yaml', { headers: { 'x-yardstick-token': token } });
      return ((await r.json()) as { etag: string }).etag;
    });
    await page.evaluate(
      ([text, etag]) =>
        localStorage.setItem(
          'yardstick:draft:short-video-team.yaml',
          JSON.stringify({ text, etag, at: '2026-11-30T12:00:00.000Z', newerLost: '2026-11-30T12:05:00.000Z' }),
        ),
      [older, etag] as const,
    );
    await page.reload();
    await testId('draft-banner').waitFor({ timeout: 60_000 });
    expect(await testId('draft-banner').textContent()).toContain(
      '发现一份较早的草稿：它之后的修改因浏览器的存储空间已满没能保存下来，所以它不是你最后的修改。',
    );
    expect(await testId('draft-banner').textContent()).not.toContain('发现上次未保存的草稿');
    await e.reset();
  }, 120_000);

  // The page refused a save on the problem list, which follows the text a moment later (after a
  // pause and the worker's evaluation): 保存 right after the YAML was fixed said it does not parse.
  it('保存 right after the YAML is fixed saves it; right after it is broken refuses it', async () => {
    await openPolicy(e);
    const errors = () => testId('problems').locator('.problem.error').count();
    await line('title: 短视频团队月度绩效考核').click();
    await page.keyboard.press('End');
    await page.keyboard.type('X: y');
    // the problem list has caught up: the YAML does not parse
    await expect.poll(errors, { timeout: 20_000 }).toBeGreaterThan(0);
    // fixed, and saved at once, before the problem list can follow
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await testId('save').click();
    await expect.poll(status, { timeout: 20_000 }).toBe('已保存');
    expect(e.onDisk('short-video-team.yaml')).toContain('title: 短视频团队月度绩效考核X\n');
    await expect.poll(errors, { timeout: 20_000 }).toBe(0);
    // broken, and saved at once while the problem list still says nothing is wrong: refused by the page
    await line('title: 短视频团队月度绩效考核X').click();
    await page.keyboard.press('End');
    await page.keyboard.type(': y');
    await testId('save').click();
    await expect.poll(message, { timeout: 20_000 }).toBe('YAML 无法解析，不能保存 ×');
    expect(await status()).toBe('未保存的修改');
    expect(e.onDisk('short-video-team.yaml')).toContain('title: 短视频团队月度绩效考核X\n');
    await e.reset();
  }, 120_000);
});
