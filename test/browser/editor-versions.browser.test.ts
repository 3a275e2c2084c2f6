// In a real browser (issue 18 item 4): the 版本 tab of a policy in a scratch git repository —
// its history, publishing a minor version (the commit, the new version and the effective month in
// the file), and a review branch with the Markdown report beside the policy.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { available, openPolicy, startEditor, type Editor } from './editor-harness.js';

let e: Editor;
const NAME = 'short-video-team.yaml';
const testId = (id: string) => e.page.locator(`[data-testid=${id}]`);
const git = (...args: string[]) => execFileSync('git', ['-C', e.root, ...args], { encoding: 'utf8' });
/** `YARDSTICK_UPDATE_SCREENSHOT=1` refreshes the pictures in docs/editor-screens/. */
const shot = async (name: string, target?: Locator) => {
  if (!process.env.YARDSTICK_UPDATE_SCREENSHOT) return;
  await (target ?? e.page).screenshot({ path: `docs/editor-screens/${name}.png` });
};
let savedGlobal: string | undefined;

describe.skipIf(!available)('versions and publishing in the editor', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    // the server starts without this machine's git identity: the editor asks who publishes
    savedGlobal = process.env.GIT_CONFIG_GLOBAL;
    const empty = join(mkdtempSync(join(tmpdir(), 'yardstick-gitconfig-')), 'config');
    writeFileSync(empty, '');
    process.env.GIT_CONFIG_GLOBAL = empty;
    e = await startEditor({ width: 1400, height: 1000 });
  }, 180_000);
  afterAll(async () => {
    await e?.close();
    if (savedGlobal === undefined) delete process.env.GIT_CONFIG_GLOBAL;
    else process.env.GIT_CONFIG_GLOBAL = savedGlobal;
  });

  it('keeps the change note, the month and the choices typed for a publish when another tab is opened and this one again', async () => {
    await openPolicy(e, NAME);
    await testId('tab-versions').click();
    await expect.poll(() => testId('next-version').textContent(), { timeout: 30_000 }).toBe('版本 1.2.0 → 1.3.0');
    await testId('publish-note').fill('完播率目标提高到 45%\n第二行：为什么改');
    await testId('publish-from').fill('2027-01');
    await testId('bump-major').check();
    await testId('mode-branch').check();
    await testId('tab-preview').click();
    await testId('tab-versions').click();
    await expect.poll(() => testId('publish-note').inputValue()).toBe('完播率目标提高到 45%\n第二行：为什么改');
    expect(await testId('publish-from').inputValue()).toBe('2027-01');
    expect(await testId('bump-major').isChecked()).toBe(true);
    expect(await testId('mode-branch').isChecked()).toBe(true);
    await expect.poll(() => testId('next-version').textContent()).toBe('版本 1.2.0 → 2.0.0');
  });

  it('asks once who publishes, and refuses to publish while check fails, with what check found', async () => {
    // 完播率 target 40% → 45%: the policy's test case on SV0068, exactly on the old target, no longer holds
    e.write(NAME, e.committed(NAME).replace('target: 0.40 # domain', 'target: 0.45 # domain'));
    await openPolicy(e, NAME);
    await testId('tab-versions').click();
    await expect.poll(() => testId('next-version').textContent(), { timeout: 30_000 }).toBe('版本 1.2.0 → 1.3.0');
    await expect.poll(() => testId('publish-run').isDisabled()).toBe(true);

    // who publishes is asked once and kept in the repository's git settings
    await testId('author-name').fill('王芳');
    await testId('author-email').fill('wangfang@example.com');
    await testId('author-save').click();
    await expect.poll(() => testId('author').textContent()).toBe('发布人：王芳 <wangfang@example.com>');
    expect(git('config', '--local', 'user.email').trim()).toBe('wangfang@example.com');

    await testId('publish-note').fill('完播率目标提高到 45%');
    await testId('publish-run').click();
    await expect
      .poll(() => testId('publish-outcome').locator('p').first().textContent(), { timeout: 60_000 })
      .toBe('`policies/short-video-team.yaml` 没有通过 `yardstick check`（1 个问题）；没有发布任何内容');
    const found = (await testId('publish-failures').textContent())!;
    expect(found).toContain('policies/short-video-team.yaml: 测试未通过（10 个用例中有 1 个失败）');
    expect(found).toContain('样本 SV0068 完播率恰好等于目标');
    expect(git('rev-list', '--count', 'HEAD').trim()).toBe('1');
    expect(e.onDisk(NAME)).toContain('target: 0.45 # domain');
    expect(e.onDisk(NAME)).toContain('\nversion: 1.2.0\n');
    await e.reset();
  });

  it('publishes a minor version into git, then creates a review branch with the report beside the policy', async () => {
    const branchBefore = git('branch', '--show-current').trim();
    const committed = e.committed(NAME);
    // HR saved a change: the fake-traffic hold now starts at 120,000 plays instead of 100,000
    e.write(NAME, committed.replace('value: 100000 }', 'value: 120000 }'));
    await openPolicy(e, NAME);
    await testId('tab-versions').click();

    await expect.poll(() => testId('history').locator('tbody tr').count()).toBe(1);
    await expect.poll(() => testId('history').locator('tbody tr').first().textContent()).toContain('1.2.0');
    await expect.poll(() => testId('history').locator('tbody tr').first().textContent()).toContain('2026-10');
    // a changed condition is a rule change: a minor version, 1.2.0 → 1.3.0, effective from the month after 2026-10 (or next month)
    await expect.poll(() => testId('publish-changes').textContent(), { timeout: 30_000 }).toContain('疑似刷量');
    await expect.poll(() => e.page.locator('label', { has: testId('bump-minor') }).textContent()).toContain('建议');
    await expect.poll(() => testId('next-version').textContent()).toBe('版本 1.2.0 → 1.3.0');

    // asked once, in the test before
    await expect.poll(() => testId('author').textContent()).toBe('发布人：王芳 <wangfang@example.com>');

    await testId('publish-from').fill('2026-12');
    await testId('publish-note').fill('疑似刷量的播放量门槛从 10 万提高到 12 万');
    await testId('publish-run').click();
    await expect
      .poll(() => testId('publish-outcome').textContent(), { timeout: 60_000 })
      .toMatch(/已发布版本 1\.3\.0（提交 [0-9a-f]{7}）。/);

    expect(git('log', '-1', '--format=%an|%s').trim()).toBe(
      '王芳|short-video-team 1.3.0 (effective_from 2026-12): 疑似刷量的播放量门槛从 10 万提高到 12 万',
    );
    const published = e.onDisk(NAME);
    expect(published).toContain('\nversion: 1.3.0\n');
    expect(published).toContain('\neffective_from: 2026-12\n');
    expect(published).toContain('value: 120000 }');
    expect(git('show', `HEAD:policies/${NAME}`)).toBe(published);
    // the editor holds the published file, with nothing unsaved
    await expect
      .poll(async () =>
        (await e.page.locator('[data-testid=editor] .view-lines').textContent())!.replaceAll('\u00a0', ' '),
      )
      .toContain('version: 1.3.0');
    await expect.poll(() => testId('history').locator('tbody tr').count()).toBe(2);
    await expect.poll(() => testId('history').locator('tbody tr').first().textContent()).toContain('1.3.0');

    // compare the two versions on the sample month: the rule in words, no money moves
    await testId('compare-from').selectOption({ index: 1 });
    await testId('compare-to').selectOption({ index: 0 });
    await testId('compare-month').selectOption('examples/sample-2026-10.csv');
    await testId('compare-run').click();
    await expect.poll(() => testId('compare-result').textContent(), { timeout: 60_000 }).toContain('疑似刷量');
    await expect.poll(() => testId('compare-delta').textContent()).toBe('¥0.00');
    await shot('editor-versions', testId('versions'));

    // a review branch for the next change, the hold's reason brought in line with 120,000 (wording: a patch),
    // made beside the working tree, which stays as it is
    expect(published).toContain('reason: 播放量超过10万但点赞率低于0.5%');
    e.write(NAME, published.replace('reason: 播放量超过10万', 'reason: 播放量超过12万'));
    await openPolicy(e, NAME);
    await testId('tab-versions').click();
    await expect.poll(() => testId('next-version').textContent(), { timeout: 30_000 }).toBe('版本 1.3.0 → 1.3.1');
    await expect.poll(() => e.page.locator('label', { has: testId('bump-patch') }).textContent()).toContain('建议');
    await testId('mode-branch').check();
    await testId('publish-from').fill('2027-01');
    await testId('publish-note').fill('疑似刷量的说明改为 12 万');
    await testId('publish-run').click();
    await expect
      .poll(() => testId('publish-outcome').locator('p').first().textContent(), { timeout: 60_000 })
      .toBe(
        '已创建审阅分支 policy/short-video-team-1.3.1，审阅报告在分支上的 policies/short-video-team.review.md。推送后即可发起合并请求。',
      );
    expect(git('branch', '--show-current').trim()).toBe(branchBefore);
    expect(e.onDisk(NAME)).toContain('reason: 播放量超过12万');
    expect(e.onDisk(NAME)).toContain('\nversion: 1.3.0\n');
    const onBranch = git('show', `policy/short-video-team-1.3.1:policies/${NAME}`);
    expect(onBranch).toContain('\nversion: 1.3.1\n');
    expect(onBranch).toContain('reason: 播放量超过12万');
    expect(onBranch).toContain('\neffective_from: 2027-01\n');
    const report = git('show', 'policy/short-video-team-1.3.1:policies/short-video-team.review.md');
    expect(report).toContain('v1.3.0 → v1.3.1');
    expect(report).toContain('疑似刷量');
  });
});
