// The policy the address names (`?policy=`) and the page cannot show as a policy. A policy holding an
// unresolved git merge conflict opened another policy (short-video-team.yaml) with 没有问题, and a
// name that does not exist did the same: the page never said the policy asked for was not there.
// Now the conflicted file opens as text, with the conflict in 问题 at its line and a banner saying
// why, and it cannot be saved until it parses; an unknown name is said. And when the policies folder
// is moved away under an unsaved edit, 保存 says which folder and what to do (not 内部错误), and the
// edit stays in the page.

import { renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { available, openPolicy, startEditor, type Editor } from './editor-harness.js';

let e: Editor;
let page: Page;
const testId = (id: string) => page.locator(`[data-testid=${id}]`);
const status = () => testId('status').textContent();
const message = () => testId('message').textContent();
const line = (text: string) => page.locator('[data-testid=editor] .view-line', { hasText: text });

const CONFLICTED = 'conflict-team.yaml';
const MERGE_ZH = '文件中有未解决的 git 合并冲突：第 7 行的 `<<<<<<<` 开始，第 11 行的 `>>>>>>>` 结束';
const MERGE_HELP_ZH =
  '请在每处冲突中保留一方（或合并两方），并删除 `<<<<<<<`、`=======`、`>>>>>>>` 这几行；之后可用 `yardstick diff --base HEAD` 查看合并带来的改动';

describe.skipIf(!available)('a policy the address names that the page cannot open as a policy', () => {
  let conflicted: string;
  beforeAll(async () => {
    e = await startEditor();
    page = e.page;
    conflicted = e
      .committed('short-video-team.yaml')
      .replace('policy: short-video-team\n', 'policy: conflict-team\n')
      .replace('version: 1.2.0\n', '<<<<<<< HEAD\nversion: 1.2.0\n=======\nversion: 1.3.0\n>>>>>>> feature\n');
  }, 180_000);
  afterAll(async () => e?.close());

  it('a merge conflict: its text opens, the banner and 问题 say the conflict at its line, and it is never saved', async () => {
    e.write(CONFLICTED, conflicted);
    page.removeAllListeners('dialog');
    page.on('dialog', (d) => d.accept());
    await page.goto(`${e.url}&policy=${CONFLICTED}`);
    await line('<<<<<<< HEAD').waitFor({ timeout: 60_000 });
    await expect
      .poll(message, { timeout: 30_000 })
      .toBe(
        `政策 ${CONFLICTED} 无法读取：第 7 行第 1 列：${MERGE_ZH}（${MERGE_HELP_ZH}）。编辑器中打开的是它的原文：请修正后保存（YAML 无法解析时不会保存）。 ×`,
      );
    // the file asked for is the one open, not another
    expect(await testId('policy-select').inputValue()).toBe(CONFLICTED);
    expect(await line('policy: conflict-team').count()).toBe(1);
    await expect
      .poll(() => testId('problems').locator('.problem').allTextContents(), { timeout: 30_000 })
      .toEqual([`行 7:1 ${MERGE_ZH} ${MERGE_HELP_ZH}`]);
    expect(await status()).toBe('已保存');
    expect(await testId('save').isDisabled()).toBe(true);

    // an edit that leaves the conflict in is refused by 保存; the file on disk is as it was
    await line('title: 短视频团队月度绩效考核').click();
    await page.keyboard.press('End');
    await page.keyboard.type('X');
    await expect.poll(status, { timeout: 20_000 }).toBe('未保存的修改');
    await testId('save').click();
    await expect.poll(message, { timeout: 20_000 }).toBe('YAML 无法解析，不能保存 ×');
    expect(e.onDisk(CONFLICTED)).toBe(conflicted);
    await e.reset();
  }, 120_000);

  it('a name no policy has: the page says so, and which policy it opened instead', async () => {
    await page.goto(`${e.url}&policy=no-such-team.yaml`);
    await line('policy: short-video-team').waitFor({ timeout: 60_000 });
    await expect
      .poll(message, { timeout: 30_000 })
      .toBe('没有名为 no-such-team.yaml 的政策（地址中的 policy=），已打开 short-video-team.yaml。 ×');
    expect(await testId('policy-select').inputValue()).toBe('short-video-team.yaml');
  }, 120_000);

  it('the policies folder moved away under an unsaved edit: 保存 names the folder and what to do, and the edit stays', async () => {
    await openPolicy(e);
    await line('version: 1.2.0').click();
    await page.keyboard.press('End');
    await page.keyboard.type('7');
    await expect.poll(status, { timeout: 20_000 }).toBe('未保存的修改');
    renameSync(join(e.root, 'policies'), join(e.root, 'policies.gone'));
    try {
      await testId('save').click();
      await expect
        .poll(message, { timeout: 20_000 })
        .toBe(
          '`policies` 不存在：它可能已被移动、改名或删除（请把它放回原处（或在含有 `policies/` 的文件夹中重新启动编辑器），然后重试；未保存的修改仍在编辑器中） ×',
        );
      expect(await status()).toBe('未保存的修改');
      expect(await line('version: 1.2.07').count()).toBe(1);
    } finally {
      renameSync(join(e.root, 'policies.gone'), join(e.root, 'policies'));
    }
    // with the folder back, the same edit saves
    await testId('save').click();
    await expect.poll(status, { timeout: 20_000 }).toBe('已保存');
    expect(e.onDisk('short-video-team.yaml')).toContain('version: 1.2.07\n');
    await e.reset();
  }, 120_000);
});
