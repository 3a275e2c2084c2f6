// Issue 14 in a real browser: the editor as an HR analyst uses it (Chinese interface).

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { available, openPolicy, startEditor, type Editor } from './editor-harness.js';

const POLICY = 'short-video-team.yaml';
let e: Editor;
const status = () => e.page.locator('[data-testid=status]').textContent();

describe.skipIf(!available)('the editor for HR (issue 14)', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    e = await startEditor();
  }, 180_000);
  afterAll(async () => {
    await e?.close();
  });
  beforeEach(async () => {
    await e.reset();
    await openPolicy(e, POLICY);
  }, 90_000);

  it('shows and takes ratios in percent, and refuses impossible values at the field', async () => {
    const { page } = e;
    await page.click('[data-testid=tab-panels]');
    const target = page.locator('table.targets[data-role=director]').getByLabel('完播率 目标', { exact: true });
    expect(await target.inputValue()).toBe('40');
    expect(await page.locator('table.targets[data-role=director]').getByLabel('完播率 挑战', { exact: true }).inputValue()).toBe('50');
    await target.fill('7000');
    await target.press('Tab');
    expect(await page.locator('[data-testid=field-problem]').textContent()).toBe('请填 0% 到 100% 之间的数');
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    expect(await status()).toBe('已保存');
    await target.fill('70');
    await target.press('Tab');
    expect(await page.locator('[data-testid=field-problem]').count()).toBe(0);
    await expect.poll(status).toBe('未保存的修改');
    await page.click('[data-testid=save]');
    await expect.poll(status).toBe('已保存');
    expect(e.onDisk(POLICY)).toContain('        target: 0.7 # domain: completion rate ≥ 40%\n');
    expect(await target.inputValue()).toBe('70');
  });
});
