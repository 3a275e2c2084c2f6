// In a real browser: a roll-up policy opens as a roll-up (not as a broken monthly policy), and the
// budget panel of issue 17 item 10 draws the engine's sweep against a budget and jumps to the value
// that fits it.

import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { available, type Editor, focusYamlEditor, openPolicy, startEditor } from './editor-harness.js';

let e: Editor;
const testId = (id: string) => e.page.locator(`[data-testid=${id}]`);
/** `YARDSTICK_UPDATE_SCREENSHOT=1` refreshes the pictures in docs/editor-screens/. */
const shot = async (name: string, target?: Locator) => {
  if (!process.env.YARDSTICK_UPDATE_SCREENSHOT) return;
  const path = `docs/editor-screens/${name}.png`;
  await (target ?? e.page).screenshot({ path });
};
/** The lines the editor shows now (Monaco draws only the lines in view; each line a block, spaces as no-break spaces). */
const editorText = async () =>
  (await e.page.locator('[data-testid=editor] .view-lines').textContent())!.replaceAll('\u00a0', ' ');

describe.skipIf(!available)('roll-up policies and the budget panel in the editor', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    e = await startEditor();
  }, 180_000);
  afterAll(async () => {
    await e?.close();
  });
  beforeEach(async () => {
    await e.reset();
  });

  it('opens policies/annual-review.yaml as a yearly roll-up: marked in the picker, a note instead of the month, engine diagnostics, save', async () => {
    const { page } = e;
    page.removeAllListeners('dialog');
    page.on('dialog', (d) => d.accept());
    await page.goto(`${e.url}&policy=annual-review.yaml`);
    await page
      .locator('[data-testid=editor] .view-line', { hasText: 'policy: annual-review' })
      .waitFor({ timeout: 60_000 });
    await testId('rollup-note').waitFor({ timeout: 60_000 });
    // the picker marks it as a roll-up, beside the monthly policies
    const option = testId('policy-select').locator('option[value="annual-review.yaml"]');
    expect(await option.textContent()).toBe('直播带货团队年度考核 · v1.0.0 · 年度汇总');
    expect(await option.isDisabled()).toBe(false);
    expect(await testId('policy-select').inputValue()).toBe('annual-review.yaml');
    // the note: what it is and the command that runs it; no month tabs, no error banner
    await expect
      .poll(() => testId('rollup-note').locator('h2').textContent())
      .toBe('这是一份年度汇总政策（roll-up），不是月度政策');
    expect(await testId('rollup-command').textContent()).toBe(
      'yardstick rollup policies/annual-review.yaml --period 2026',
    );
    // checked by the engine against the monthly policy it names (rollup.of: livestream-team)
    await expect
      .poll(() => testId('rollup-note').textContent())
      .toContain('引用的指标、等级和档位已对照月度政策 livestream-team.yaml 检查');
    expect(await testId('invalid-banner').count()).toBe(0);
    expect(await testId('tab-preview').count()).toBe(0);
    expect(await testId('problems').locator('.ptitle').textContent()).toBe('问题 (0)');
    // hover, completion and schema markers use the schema's rollupPolicy part: no squiggle on a valid
    // roll-up (the monthly root schema would mark `rollup:` and the missing `roles:`)
    await page.waitForTimeout(1500);
    expect(
      await page.locator('[data-testid=editor] .squiggly-error, [data-testid=editor] .squiggly-warning').count(),
    ).toBe(0);
    await shot('rollup-note', page.locator('main.work'));

    // a YAML error: the file has 53 lines and ends with a newline, so the cursor at the end is on
    // line 54; the typed line is 55, a second `policy:` key
    await focusYamlEditor(page);
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\npolicy: x', { delay: 5 });
    await testId('invalid-banner').waitFor();
    expect(await testId('invalid-banner').textContent()).toMatch(/^汇总政策有错误，请在左侧修正： 行 55: /);
    expect(await testId('problems').locator('.problem.error .where').first().textContent()).toBe('行 55:1');
    await expect.poll(() => page.locator('[data-testid=editor] .squiggly-error').count()).toBeGreaterThan(0);
    // the note stays: a broken roll-up is still a roll-up
    expect(await testId('rollup-note').count()).toBe(1);

    // fixed again, then a real change saved like any policy
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect.poll(() => testId('invalid-banner').count()).toBe(0);
    await page.keyboard.type('# reviewed', { delay: 5 });
    await expect.poll(() => testId('status').textContent()).toBe('未保存的修改');
    await testId('save').click();
    await expect.poll(() => testId('status').textContent()).toBe('已保存');
    expect(e.onDisk('annual-review.yaml')).toBe(`${e.committed('annual-review.yaml')}# reviewed`);
    expect(await testId('rollup-note').count()).toBe(1);

    // another policy from the picker is a month's policy again: tabs and preview, no note
    await testId('policy-select').selectOption('short-video-team.yaml');
    await page.waitForSelector('[data-testid=results] tbody tr', { timeout: 60_000 });
    expect(await testId('rollup-note').count()).toBe(0);
    expect(await testId('tab-preview').getAttribute('aria-selected')).toBe('true');
    // and back: the roll-up's note, with nothing of the month left on the right
    await testId('policy-select').selectOption('annual-review.yaml');
    await testId('rollup-note').waitFor();
    expect(await testId('results').count()).toBe(0);
  });

  it('the budget panel: the completion target over 31 %–49 %, a budget of ¥700,000, the value that fits, applied and undone', async () => {
    const { page } = e;
    await openPolicy(e, 'short-video-team.yaml');
    const tab = testId('tab-budget');
    // keyboard: the tabs are ARIA tabs, the arrow keys reach 预算 from 修改影响
    await testId('tab-changes').click();
    await testId('tab-changes').press('ArrowRight');
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-budget');

    const param = page.getByLabel('要调整的数');
    await param.selectOption('roles.director.indicators.completion.target');
    expect(await param.locator('option:checked').textContent()).toBe('编导 · 完播率 · 目标（现行 40 %）');
    // the range stays strictly between the threshold (30 %) and the challenge (50 %)
    expect(await testId('budget-from').inputValue()).toBe('31');
    expect(await testId('budget-to').inputValue()).toBe('49');
    expect(await testId('budget-step').inputValue()).toBe('1');
    await page.getByLabel('预算（应发合计，如 ¥700,000 或 70万）').fill('¥700,000');
    // by keyboard: Tab from the budget reaches 计算曲线, Enter draws
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe(
      'budget-draw',
    );
    await page.keyboard.press('Enter');
    await testId('budget-chart').waitFor({ timeout: 60_000 });

    // 19 values, one point each; the budget line is labelled as text in the SVG
    expect(await testId('budget-chart').locator('circle:not(.fit)').count()).toBe(19);
    expect(await testId('budget-chart').locator('text', { hasText: '预算 ¥700,000.00' }).count()).toBe(1);
    // the total falls as the target rises; the slider starts on the grid value that fits: 38 %
    // (¥695,883.02, as `yardstick sweep` prints it at 0.38), the one before (37 %) is over the budget
    expect(await testId('budget-at').textContent()).toMatch(/^取值 38 %：应发合计 ¥695,883.02；/);
    const slider = testId('budget-slider');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await testId('budget-at').textContent()).toMatch(/^取值 37 %：应发合计 ¥701,245.74；/);

    // the value that fits, found by bisection between 37 % and 38 %: the CLI finds the same one
    const cli = await yardstick(
      'sweep',
      'policies/short-video-team.yaml',
      '--data',
      'examples/sample-2026-10.csv',
      '--exclude-invalid',
      '--set',
      'roles.director.indicators.completion.target=31%..49%/1%',
      '--budget',
      '700000',
      '--format',
      'json',
    );
    const fit = (JSON.parse(cli.stdout) as { fit: { kind: string; value: number; payout_total: number } }).fit;
    expect(fit.kind).toBe('fits');
    expect(fit.value).toBeGreaterThan(0.37);
    expect(fit.value).toBeLessThanOrEqual(0.38);
    expect(fit.payout_total).toBeLessThanOrEqual(700000);
    const percent = `${Number((fit.value * 100).toFixed(6))} %`;
    expect(await testId('budget-fit').locator('p').textContent()).toMatch(
      new RegExp(`^符合预算的取值：${percent}，应发合计 ¥[0-9,.]+，不超过预算 ¥700,000.00`),
    );
    await shot('budget-panel', page.locator('section.right'));
    // labelled and without serious accessibility problems, with the chart drawn
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    const serious = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string }[] }>;
          };
        }
      ).axe;
      const r = await axe.run(document.querySelector('[data-testid=budget-panel]'), { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(serious).toEqual([]);

    // jump: the YAML holds that value, the policy is unsaved; undo in the editor restores 0.40
    await testId('budget-apply').click();
    await expect.poll(editorText).toContain(`target: ${fit.value} # domain: completion rate ≥ 40%`);
    expect(await testId('status').textContent()).toBe('未保存的修改');
    expect(await testId('budget-applied').textContent()).toBe(
      `已把 ${percent} 写入左侧的 YAML（未保存；在编辑器里按 Ctrl+Z 可撤销）。再点计算曲线可看改后的曲线。`,
    );
    await focusYamlEditor(page);
    await page.keyboard.press('Control+z');
    // the text is the saved file's again (the unsaved mark goes), and the panels read 40 % again
    await expect.poll(() => testId('status').textContent()).toBe('已保存');
    await testId('tab-panels').click();
    expect(
      await page.locator('table.targets[data-role=director]').getByLabel('完播率 目标', { exact: true }).inputValue(),
    ).toBe('40');
  });
});
