// In a real browser: a policy open in two tabs is edited in one, read-only in the other, so that
// neither overwrites the other's unsaved draft; once the first tab closes, the second can edit and
// is offered the first one's draft. Before, the tab that typed last overwrote the other's draft.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { available, openPolicy, startEditor, type Editor } from './editor-harness.js';

let e: Editor;
const DRAFT = 'yardstick:draft:short-video-team.yaml';

describe.skipIf(!available)('a policy open in two tabs', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e = await startEditor();
  }, 180_000);
  afterAll(async () => {
    await e?.close();
  });

  it('is edited in the first, read-only in the second, and editable there with the draft offered once the first closes', async () => {
    await e.reset();
    await openPolicy(e);
    const first = e.page;
    // the first tab: 编导's completion threshold 30 % → 35 %, not saved
    const threshold = (page: typeof first) =>
      page.locator('table.targets[data-role=director]').getByLabel('完播率 门槛', { exact: true });
    await first.click('[data-testid=tab-panels]');
    await threshold(first).fill('35');
    await threshold(first).press('Tab');
    await expect
      .poll(() => first.evaluate((key) => localStorage.getItem(key), DRAFT), { timeout: 10_000 })
      .toContain('threshold: 0.35');

    // the second tab on the same policy: a banner, nothing editable, the first tab's draft untouched
    const second = await e.context.newPage();
    await second.goto(`${e.url}&policy=short-video-team.yaml`);
    const banner = second.locator('[data-testid=elsewhere-banner]');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.textContent()).toBe(
      '此政策正在本浏览器的另一个标签页中编辑：这里只读，以免两边的未保存修改互相覆盖。那个标签页关闭或打开别的政策后，这里即可编辑。',
    );
    expect(await second.locator('[data-testid=draft-banner]').count()).toBe(0);
    await second.click('[data-testid=tab-panels]');
    await threshold(second).fill('40');
    await threshold(second).press('Tab');
    await expect
      .poll(() => second.locator('[data-testid=message]').textContent(), { timeout: 10_000 })
      .toContain('此政策正在本浏览器的另一个标签页中编辑');
    await second.waitForTimeout(500);
    expect(await second.evaluate((key) => localStorage.getItem(key), DRAFT)).toContain('threshold: 0.35');
    expect(e.onDisk('short-video-team.yaml')).toContain('threshold: 0.30');

    // the first tab closes: the second can edit, and is offered the first one's unsaved work
    await first.close({ runBeforeUnload: false });
    await second.locator('[data-testid=draft-banner]').waitFor({ timeout: 30_000 });
    expect(await banner.count()).toBe(0);
    await second.locator('[data-testid=draft-banner]').getByRole('button', { name: '恢复草稿' }).click();
    await expect.poll(() => second.locator('[data-testid=status]').textContent()).toBe('未保存的修改');
    await expect.poll(() => threshold(second).inputValue()).toBe('35');
    e.page = second;
  });
});
