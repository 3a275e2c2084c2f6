// With forced distribution, the preview's table says who the quota moved, beside the grade: the
// same as `yardstick run` says it (test/format/calibrated-column.test.ts, where the quota's
// arithmetic is worked by hand). The bundled livestream policy on its sample month: 直播三组 has one
// A+ place (⌊15 × 10 %⌋ = 1), LS0034 keeps it, LS0032 and LS0031 are calibrated A. The grade
// column itself is the grade before calibration, as pay and triggers read it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { available, type Editor, focusYamlEditor, openPolicy, startEditor } from './editor-harness.js';

let e: Editor;

describe.skipIf(!available)('the preview shows the calibrated grade beside the grade', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    e = await startEditor();
    await openPolicy(e);
    // the livestream policy, then its own sample month (the short-video month has none of its roles)
    await e.page.selectOption('[data-testid=policy-select]', 'livestream-team.yaml');
    await e.page.selectOption('[data-testid=dataset-select]', 'examples/livestream-2026-10.csv');
  }, 180_000);
  afterAll(async () => {
    await e?.close();
  });

  it('A+ → A for the two the team quota moved, nothing for those it did not, the reason as the title', async () => {
    const row = (id: string) => e.page.locator('[data-testid=results] tbody tr', { hasText: id });
    await row('LS0031').waitFor({ timeout: 60_000 });
    expect(await row('LS0031').locator('td').nth(5).textContent()).toBe('A+ → A');
    expect(await row('LS0032').locator('td').nth(5).textContent()).toBe('A+ → A');
    expect(await row('LS0034').locator('td').nth(5).textContent()).toBe('A+');
    expect(await row('LS0001').locator('td').nth(5).textContent()).toBe('B');
    expect(await e.page.locator('[data-testid=calibrated]').count()).toBe(2);
    expect(await row('LS0031').locator('[data-testid=calibrated]').getAttribute('title')).toBe(
      '强制分布（校准）后的等级；得分、触发与应发按校准前的等级',
    );
  });

  // A+ max 10 % → 20 %: 直播三组's 15 people have ⌊15 × 20 %⌋ = 3 A+ places, so LS0031 and LS0032
  // keep their A+ too (no other team's A+ was cut by the quota). Pay reads the grade before
  // calibration: ¥0.00. The list said nobody's grade or pay changed.
  it('修改影响 lists the two whose calibrated grade a quota change moves, A → A+, for ¥0.00', async () => {
    const page = e.page;
    // the quota found with the editor's find box (typed once the box has the focus), then typed over
    await focusYamlEditor(page);
    await page.keyboard.press('Control+f');
    const find = page.locator('[data-testid=editor] .find-widget .find-part textarea');
    await expect.poll(() => find.evaluate((el) => el === document.activeElement)).toBe(true);
    await find.fill('max: 0.1 }');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => find.evaluate((el) => el === document.activeElement)).toBe(false);
    await page.keyboard.type('max: 0.2 }', { delay: 5 });
    await page.locator('[data-testid=editor] .view-line', { hasText: 'A+: { max: 0.2 }' }).waitFor();
    await page.click('[data-testid=tab-changes]');
    await expect.poll(() => page.locator('[data-testid=changed]').textContent(), { timeout: 30_000 }).toBe('2');
    expect(await page.locator('[data-testid=delta]').textContent()).toBe('¥0.00');
    const rows = page.locator('.changes > table tbody tr');
    expect(await rows.locator('td:first-child').allTextContents()).toEqual(['LS0031', 'LS0032']);
    expect(await rows.locator('td:nth-child(4)').allTextContents()).toEqual([
      'A+ → A+（校准 A → A+）',
      'A+ → A+（校准 A → A+）',
    ]);
  });
});
