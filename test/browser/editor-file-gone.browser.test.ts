// A policy deleted on disk while the page has unsaved edits of it — a `git checkout` of a branch
// that does not have it, a `git rm` in a terminal. The save said the server's words for a
// programmer (`没有名为 … 的政策；请用 If-None-Match: * 新建`) and could never write the edit: the work
// was stuck in the page. Now the save writes the file again with the edit and says so.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { available, openPolicy, startEditor, type Editor } from './editor-harness.js';

let e: Editor;
let page: Page;
const testId = (id: string) => page.locator(`[data-testid=${id}]`);
const status = () => testId('status').textContent();
const NAME = 'short-video-team.yaml';

describe.skipIf(!available)('a policy deleted on disk under unsaved edits', () => {
  beforeAll(async () => {
    e = await startEditor();
    page = e.page;
  }, 180_000);
  afterAll(async () => e?.close());

  it('is written again with the edit on 保存, and the page says the file had been deleted', async () => {
    await openPolicy(e, NAME);
    await page.locator('[data-testid=editor] .view-line', { hasText: 'version: 1.2.0' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type('7');
    await expect.poll(status, { timeout: 20_000 }).toBe('未保存的修改');
    execFileSync('git', ['-C', e.root, 'rm', '-q', `policies/${NAME}`]);
    expect(existsSync(join(e.root, 'policies', NAME))).toBe(false);
    await testId('save').click();
    await expect.poll(status, { timeout: 20_000 }).toBe('已保存');
    expect(await testId('message').textContent()).toContain(
      `磁盘上的 ${NAME} 已被删除（例如切换了 git 分支）：已用编辑器中的内容重新创建它。若不需要这个文件，请在磁盘上删除它。`,
    );
    expect(e.onDisk(NAME)).toBe(e.committed(NAME).replace('version: 1.2.0\n', 'version: 1.2.07\n'));
    await e.reset();
  }, 120_000);
});
