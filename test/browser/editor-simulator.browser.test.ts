// In a real browser (issue 18 item 3): one employee of the bundled sample opened in the simulator,
// two inputs changed, the hand-computed new score and pay seen, the confirmed values saved as a
// case in policies/short-video-team.test.yaml, and `yardstick test` passing on it; a value that
// was not confirmed (or changed after it was) is not written; a ratio typed without `%` is refused
// at its field; and a verify finding's counterexample opens in the simulator (issue 19 item 3).

import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';
import { available, openPolicy, startEditor, type Editor } from './editor-harness.js';

let e: Editor;
const testId = (id: string) => e.page.locator(`[data-testid=${id}]`);
/** `YARDSTICK_UPDATE_SCREENSHOT=1` refreshes the pictures in docs/editor-screens/. */
const shot = async (name: string, target?: Locator) => {
  if (!process.env.YARDSTICK_UPDATE_SCREENSHOT) return;
  await (target ?? e.page).screenshot({ path: `docs/editor-screens/${name}.png` });
};
const text = (id: string) => () => testId(id).first().textContent();

/** SV0068 周军丽 of examples/sample-2026-10.csv, opened from the preview's scorecard. */
async function simulateSv0068() {
  await openPolicy(e, 'short-video-team.yaml');
  await e.page.locator('[data-testid=results] tbody tr', { hasText: 'SV0068' }).click();
  await testId('open-in-simulator').click();
  await testId('simulator').waitFor();
  // as in the preview (policies/short-video-team.test.yaml works it out): 89.17 → A, bronze, ¥4,280.16
  await expect.poll(text('card-score'), { timeout: 30_000 }).toBe('89.17');
  await expect.poll(text('card-total')).toBe('¥4,280.16');
}

describe.skipIf(!available)('the per-person simulator', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    e = await startEditor({ width: 1440, height: 1400 });
  }, 180_000);
  afterAll(async () => {
    await e?.close();
  });
  beforeEach(async () => {
    await e.reset();
  });

  it('changes two inputs of SV0068, shows the new score and pay, and saves only the confirmed values as a passing case', async () => {
    await simulateSv0068();
    await expect.poll(text('sim-changed')).toBe('与原记录相同');

    // 50 for a ratio could mean 50 % or 5000 %: refused at the field, as in a data file
    await testId('sim-input-creative_adoption_rate').fill('50');
    await expect.poll(text('sim-problem-creative_adoption_rate')).toContain('`50`');
    await expect.poll(() => testId('sim-input-creative_adoption_rate').getAttribute('aria-invalid')).toBe('true');

    // completion 40.0% → 45%: 100 + 20 × (0.45 − 0.40) / (0.50 − 0.40) = 110 × 40% = 44
    // adoption 39.4% → 50% (the target): 100 × 20% = 20; videos 28 → step ≥ 24 → 80 × 40% = 32
    // 32 + 44 + 20 = 96 → A (A+ from 100); attainment 96% ≥ 90% → silver
    // 4000 × 96 / 100 = 3840; × 1.2 uplift → +768; silver award 1000 → 5608
    await testId('sim-input-completion_rate').fill('45%');
    await testId('sim-input-creative_adoption_rate').fill('50%');
    await expect.poll(text('card-score')).toBe('96');
    await expect.poll(text('card-grade')).toBe('A');
    await expect.poll(text('card-total')).toBe('¥5,608.00');
    await expect.poll(text('sim-changed')).toBe('已修改 2 项（相对原记录）');
    await expect.poll(text('sim-was-completion_rate')).toBe('原值 40%');
    await expect.poll(text('sim-was-creative_adoption_rate')).toBe('原值 39.4%');
    await expect(testId('sim-was-videos_published').count()).resolves.toBe(0);

    // nothing confirmed: nothing can be saved
    await expect.poll(text('sim-save-blocked')).toBe('请至少确认一个期望值');
    await expect(testId('sim-save-button').isDisabled()).resolves.toBe(true);
    for (const key of ['score', 'grade', 'tier', 'payout']) await testId(`sim-confirm-${key}`).check();
    await testId('sim-case-name').fill('模拟 SV0068 完播率 45% 采纳率 50%');
    await testId('sim-save').scrollIntoViewIfNeeded();
    await shot('editor-simulator');
    await testId('sim-save-button').click();
    await expect.poll(text('sim-save-note')).toBe('已写入 short-video-team.test.yaml');

    const file = e.onDisk('short-video-team.test.yaml');
    const committed = e.committed('short-video-team.test.yaml');
    expect(file.startsWith(committed)).toBe(true);
    expect(file.slice(committed.length)).toBe(
      [
        '',
        '  - name: 模拟 SV0068 完播率 45% 采纳率 50%',
        '    record:',
        '      employee_id: SV0068',
        '      name: 周军丽',
        '      role: director',
        '      team: 短视频三组',
        '      stage: startup',
        '      period: "2026-10"',
        '      metrics: { videos_published: 28, plays: 2298497, likes: 48532, completion_rate: 0.45, max_video_plays: 653000, creative_adoption_rate: 0.5, violations: 0 }',
        "    # saved from the editor's simulator; each expected value was confirmed there",
        '    expect: { score: 96, grade: A, tier: silver, payout: 5608 }',
        '',
      ].join('\n'),
    );
    const run = await yardstick('test', join(e.root, 'policies', 'short-video-team.yaml'));
    expect(run.stdout).toMatch(/short-video-team\.yaml: \d+ passed, 0 failed/);
    expect(run.code).toBe(0);
  });

  it('keeps the changed inputs, the case name and the confirmations when another tab is opened and this one again', async () => {
    await simulateSv0068();
    await testId('sim-input-completion_rate').fill('45%');
    await expect.poll(text('sim-changed')).toBe('已修改 1 项（相对原记录）');
    await testId('sim-confirm-grade').check();
    await testId('sim-case-name').fill('切换标签之后仍在');
    await testId('tab-preview').click();
    await testId('tab-simulator').click();
    await testId('simulator').waitFor();
    await expect.poll(() => testId('sim-input-completion_rate').inputValue()).toBe('45%');
    await expect.poll(text('sim-changed')).toBe('已修改 1 项（相对原记录）');
    expect(await testId('sim-case-name').inputValue()).toBe('切换标签之后仍在');
    await expect.poll(() => testId('sim-confirm-grade').isChecked()).toBe(true);
  });

  it('writes no value that was not confirmed, nor one confirmed and then changed', async () => {
    await simulateSv0068();
    await testId('sim-confirm-score').check();
    // completion 50% is the challenge: 120 × 40% = 48; 32 + 48 + 17.17 = 97.17 → A
    await testId('sim-input-completion_rate').fill('50%');
    await expect.poll(text('card-score')).toBe('97.17');
    // the score confirmed was 89.17: the new one is not confirmed
    await expect(testId('sim-confirm-score').isChecked()).resolves.toBe(false);
    await testId('sim-confirm-grade').check();
    await testId('sim-case-name').fill('只确认等级');
    await testId('sim-save-button').click();
    await expect.poll(text('sim-save-note')).toBe('已写入 short-video-team.test.yaml');
    const added = e.onDisk('short-video-team.test.yaml').slice(e.committed('short-video-team.test.yaml').length);
    expect(added.split('\n').filter((l) => l.includes('expect:'))).toEqual(['    expect: { grade: A }']);

    // the same name again is refused by the server, and the file keeps one such case
    await testId('sim-save-button').click();
    await expect
      .poll(text('sim-save-note'))
      .toBe('`short-video-team.test.yaml` 中已有名为 `只确认等级` 的用例；请换一个名称');
    expect(e.onDisk('short-video-team.test.yaml').split('只确认等级').length).toBe(2);
  });

  it('starts blank: role and stage chosen, every input empty and asked for, then scored', async () => {
    await openPolicy(e, 'short-video-team.yaml');
    await testId('tab-simulator').click();
    await testId('sim-blank').click();
    await testId('sim-role').selectOption('director');
    await testId('sim-stage').selectOption('startup');
    await expect
      .poll(() => testId('sim-field').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.metric)))
      .toEqual([
        'videos_published',
        'plays',
        'likes',
        'completion_rate',
        'max_video_plays',
        'creative_adoption_rate',
        'violations',
      ]);
    expect(await testId('sim-input-completion_rate').inputValue()).toBe('');
    await testId('sim-problem-videos_published').waitFor();
    expect(await testId('sim-problem-violations').count()).toBe(0); // it has a default
    expect(await testId('sim-changed').textContent()).toBe('空白记录');
    // 24 videos → step ≥ 24 → 80 × 40% = 32; completion 40% = target → 100 × 40% = 40;
    // adoption 50% = target → 100 × 20% = 20; 92 → A; attainment 92% ≥ 90% → silver;
    // 4000 × 92 / 100 = 3680, × 1.2 uplift → +736, silver award 1000 → 5416
    for (const [id, value] of [
      ['videos_published', '24'],
      ['plays', '10000'],
      ['likes', '100'],
      ['completion_rate', '40%'],
      ['max_video_plays', '5000'],
      ['creative_adoption_rate', '0.5'],
    ])
      await testId(`sim-input-${id}`).fill(value);
    await expect.poll(text('card-score')).toBe('92');
    await expect.poll(text('card-grade')).toBe('A');
    await expect.poll(text('card-total')).toBe('¥5,416.00');
  });

  it('has no serious or critical accessibility violations (axe-core), a refused field and a changed one on screen', async () => {
    await simulateSv0068();
    await testId('sim-input-completion_rate').fill('45%');
    await testId('sim-input-creative_adoption_rate').fill('50');
    await testId('sim-problem-creative_adoption_rate').waitFor();
    await e.page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    const serious = await e.page.evaluate(async () => {
      type Axe = {
        run: (
          c: unknown,
          o: unknown,
        ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
      const r = await (window as unknown as { axe: Axe }).axe.run(document.querySelector('[data-testid=simulator]'), {
        resultTypes: ['violations'],
      });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(serious).toEqual([]);
  });

  it('opens the counterexample of a verify finding in the simulator', async () => {
    // a pay that falls as the score rises: verify finds employees V1 and V2 where better pays less
    e.write(
      'short-video-team.yaml',
      e
        .onDisk('short-video-team.yaml')
        .replace(
          'performance_pay: pay_base * min(score, 120) / 100',
          'performance_pay: pay_base * max(0, 150 - score) / 100',
        ),
    );
    await openPolicy(e, 'short-video-team.yaml');
    await testId('open-counterexample').first().waitFor({ timeout: 60_000 });
    await expect.poll(text('open-counterexample')).toBe('在模拟器中打开 V1');
    await testId('open-counterexample').first().click();
    await testId('simulator').waitFor();
    await expect.poll(() => testId('sim-employee-id').inputValue()).toBe('V1');
    await expect.poll(() => testId('sim-role').inputValue()).toBe('ops_manager');
    await expect.poll(() => testId('scorecard').count()).toBe(1);
  });
});
