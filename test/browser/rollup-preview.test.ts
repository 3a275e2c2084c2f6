// In a real browser: annual-review.yaml previews as a roll-up over livestream-team's six sample
// months (examples/history), its numbers those worked out by hand in test/editor/rollup-preview.test.ts;
// an edit of min_months leaves people out with the reason; a broken YAML keeps the last preview,
// marked out of date, under the red banner; a monthly policy that is not there is said so.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { available, type Editor, focusYamlEditor, startEditor } from './editor-harness.js';

let e: Editor;
const testId = (id: string) => e.page.locator(`[data-testid=${id}]`);
const rowOf = (id: string) => e.page.locator(`[data-testid=rollup-row][data-employee=${id}]`);
const cell = (id: string, what: string) => rowOf(id).locator(`[data-testid=${what}]`).textContent();

describe.skipIf(!available)('the roll-up preview in the editor', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e = await startEditor();
  }, 180_000);
  afterAll(async () => {
    await e?.close();
  });
  beforeEach(async () => {
    await e.reset();
  });

  it('annual-review.yaml: hand-computed roll-ups, min_months edited, a YAML error, a monthly policy that is not there', async () => {
    const { page } = e;
    page.removeAllListeners('dialog');
    page.on('dialog', (d) => d.accept());
    await page.goto(`${e.url}&policy=annual-review.yaml`);
    await rowOf('LS0019').waitFor({ timeout: 90_000 });
    expect(await testId('rollup-title').textContent()).toBe('汇总预览：2026');
    expect(await testId('rollup-months').textContent()).toBe('2026-05, 2026-06, 2026-07, 2026-08, 2026-09, 2026-10');
    expect(await testId('rollup-count').textContent()).toBe('参与汇总：60 人');
    // LS0019: (99.35 + 101.16 + 100.93 + 101.75 + 99.04 + 100.45) / 6 = 100.45, E, fourth → M+,
    // silver every month → the yearly bonus of ¥50,000
    expect(await cell('LS0019', 'months')).toBe('6');
    expect(await cell('LS0019', 'score')).toBe('100.45');
    expect(await cell('LS0019', 'grade')).toBe('E');
    expect(await cell('LS0019', 'calibrated')).toBe('M+');
    expect(await cell('LS0019', 'awards')).toBe('银牌年度奖金 ¥50,000.00');
    expect(await cell('LS0019', 'pay')).toBe('¥50,000.00');
    // LS0013: 661.9 / 6 = 110.32, E; bronze every month → no award
    expect(await cell('LS0013', 'score')).toBe('110.32');
    expect(await cell('LS0013', 'pay')).toBe('¥0.00');
    // the facts, on a click
    await rowOf('LS0013').click();
    await expect
      .poll(() => testId('rollup-facts').locator('[data-fact=avg_score]').textContent())
      .toBe('月均得分 110.32');
    expect(await testId('rollup-facts').locator('[data-fact=lowest_score]').textContent()).toBe('最低月得分 109.5');
    expect(await testId('invalid-banner').count()).toBe(0);

    // min_months 6 → 7: six months recorded, so everyone is left out, with the reason
    await page.locator('[data-testid=editor] .view-line', { hasText: 'min_months: 6' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('7');
    const ls0019 = testId('rollup-excluded').locator('li[data-employee=LS0019]');
    await ls0019.waitFor({ timeout: 30_000 });
    expect(await ls0019.textContent()).toMatch(
      /^LS0019 \S+：12 个月中只记录了 6 个月（2026-05、2026-06、2026-07、2026-08、2026-09、2026-10），少于 min_months: 7，未参与汇总$/,
    );
    expect(await testId('rollup-left-out-count').textContent()).toBe('未参与汇总：60 人');
    expect(await testId('rollup-row').count()).toBe(0);
    // and back to 6
    await page.keyboard.press('Backspace');
    await page.keyboard.type('6');
    await rowOf('LS0019').waitFor();

    // a YAML error (a second `policy:` key on line 55): the banner with its line, the last preview kept, marked stale
    await focusYamlEditor(page);
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\npolicy: x', { delay: 5 });
    await testId('invalid-banner').waitFor();
    expect(await testId('invalid-banner').textContent()).toMatch(/^汇总政策有错误，请在左侧修正： 行 55: /);
    await testId('rollup-stale').waitFor();
    expect(await cell('LS0019', 'score')).toBe('100.45');
    // fixed: fresh again
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect.poll(() => testId('rollup-stale').count()).toBe(0);
    expect(await testId('invalid-banner').count()).toBe(0);

    // rollup.of naming a policy that is not in the folder: said in words, no preview
    await page.keyboard.press('Control+Home');
    await page.locator('[data-testid=editor] .view-line', { hasText: 'of: livestream-team' }).click();
    await page.keyboard.press('End');
    for (let i = 0; i < 'livestream-team'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('nobody', { delay: 5 });
    await expect
      .poll(() => testId('rollup-message').textContent(), { timeout: 30_000 })
      .toBe('找不到汇总政策引用的月度政策 nobody.yaml（rollup.of: nobody）：policies 文件夹中没有这个文件，无法预览。');
    expect(await testId('rollup-results').count()).toBe(0);
  });
});
