// The editor shows what `yardstick verify` finds among its problems (问题), as warnings, a moment
// after the preview: a declared property that fails names itself and its line.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { available, openPolicy, startEditor, type Editor } from '../browser/editor-harness.js';

const POLICY = 'short-video-team.yaml';
let e: Editor;

describe.skipIf(!available)("verify's findings in the editor's problems", { timeout: 90_000 }, () => {
  beforeAll(async () => {
    e = await startEditor();
  }, 180_000);
  afterAll(async () => {
    await e?.close();
  });

  it('lists a failing property as a warning on its line', async () => {
    // the silver band adds ¥1,000 on top of × 1.2: far more than ¥100 of jump
    // (one more entry under the policy's own `properties:`, its last section)
    const text = `${e.onDisk(POLICY)}  silver_cliff:
    title: 银牌分界处应发跳变不超过 100 元
    cliff: { tier: silver, max: 100 }
`;
    e.write(POLICY, text);
    await openPolicy(e, POLICY);
    const line = text.split('\n').indexOf('    cliff: { tier: silver, max: 100 }') + 1;
    const finding = e.page.locator('[data-testid=problems] .problem.warning', { hasText: 'silver_cliff' });
    await finding.waitFor({ timeout: 60_000 });
    expect(await finding.locator('.where').textContent()).toBe(`行 ${line}:5`);
    expect(await finding.locator('.msg').textContent()).toMatch(
      /^性质 `silver_cliff`（银牌分界处应发跳变不超过 100 元）不成立：在档位 silver 的下限处应发跳变 ¥[\d,.]+（由 ¥[\d,.]+ 到 ¥[\d,.]+），超过 ¥100\.00$/,
    );
  });
});
