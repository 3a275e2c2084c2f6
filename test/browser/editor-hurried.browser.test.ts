// The editor in Chromium as a hurried HR analyst uses it, with the files HR has: a policy saved on
// Windows (CRLF line ends, a byte-order mark), names that look like HTML or a template, a GBK export
// with a Chinese header, a tab-separated `.txt` / `.tsv` export.

import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { available, openPolicy, startEditor, type Editor } from './editor-harness.js';

let e: Editor;
let page: Page;
const testId = (id: string) => page.locator(`[data-testid=${id}]`);
const status = () => testId('status').textContent();
const employees = () => testId('employees').textContent();

// the flagship's columns, and one 编导 row (D1) that the sample month's own numbers score
const HEADER =
  '工号,姓名,岗位,团队,阶段,月份,发布视频数,播放量,点赞量,完播率,创意采纳率,单条最高播放,粉丝增长率,爆款数,主页访问量,引流线索数,24小时交付率,剪辑质量评分,热点匹配度,违规次数';
const D1 = (name: string, team: string) =>
  `D1,${name},编导,${team},初创期,2026-10,32,100000,3000,42%,50%,50000,,,,,,,,0`;

describe.skipIf(!available)('the editor with the files a hurried analyst has', () => {
  beforeAll(async () => {
    e = await startEditor({ width: 1280, height: 900 });
    page = e.page;
  }, 180_000);
  afterAll(async () => e?.close());

  // The YAML editor writes LF: a CRLF text put in it came back as LF, so a policy saved on Windows
  // showed 未保存的修改 the moment it opened, and the first save rewrote every line of it (the git
  // diff of a one-value change was the whole file).
  it('opens a policy saved on Windows (BOM, CRLF) unchanged, and a save changes only the line edited', async () => {
    const original = `\uFEFF${e.onDisk('short-video-team.yaml').replace('policy: short-video-team', 'policy: windows').replace(/\n/g, '\r\n')}`;
    e.write('windows.yaml', original);
    await openPolicy(e, 'windows.yaml');
    await page.waitForTimeout(1000);
    expect(await status()).toBe('已保存');
    // the version line: `version: 1.2.0` → `version: 1.2.01`, typed at its end
    await page.locator('[data-testid=editor] .view-line', { hasText: 'version: 1.2.0' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type('1');
    await expect.poll(status, { timeout: 20_000 }).toBe('未保存的修改');
    await testId('save').click();
    await expect.poll(status, { timeout: 20_000 }).toBe('已保存');
    expect(e.onDisk('windows.yaml')).toBe(original.replace('version: 1.2.0\r\n', 'version: 1.2.01\r\n'));
  }, 120_000);

  // A save with the server stopped said fetch's own English words, "Failed to fetch", in the Chinese
  // interface, and nothing about what to do or whether the edit was lost.
  it('a save while the server is unreachable says so in Chinese, keeps the edit, and the next save writes it', async () => {
    await openPolicy(e);
    await page.locator('[data-testid=editor] .view-line', { hasText: 'version: 1.2.0' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type('2');
    await expect.poll(status, { timeout: 20_000 }).toBe('未保存的修改');
    // the request never gets an answer, as when the server has stopped
    await page.route('**/api/policies/**', (r) => (r.request().method() === 'PUT' ? r.abort() : r.continue()));
    await testId('save').click();
    await expect
      .poll(() => testId('message').textContent(), { timeout: 20_000 })
      .toContain(
        '连接不到编辑器的服务器（它可能已停止）：请重新运行 npm start，打开它打印的地址；未保存的修改仍保留在这个浏览器中',
      );
    expect(await status()).toBe('未保存的修改');
    await page.unroute('**/api/policies/**');
    await testId('save').click();
    await expect.poll(status, { timeout: 20_000 }).toBe('已保存');
    expect(e.onDisk('short-video-team.yaml')).toContain('version: 1.2.02\n');
    await e.reset();
  }, 120_000);

  it('offers .tsv and .txt exports in the upload dialog, as the CLI reads them', async () => {
    await openPolicy(e);
    expect(await testId('upload').getAttribute('accept')).toBe('.csv,.tsv,.txt,.json,.xlsx');
  }, 120_000);

  it('shows names that look like HTML or a template as text, and runs nothing', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => void dialogs.push(d.message()));
    const csv = `${HEADER}\n${D1('<img src=x onerror=alert(1)>', '{{constructor}}')}\n`;
    await testId('upload').setInputFiles({ name: 'names.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(employees).toBe('1');
    const row = page.locator('[data-testid=results] tbody tr').first();
    expect(await row.textContent()).toContain('<img src=x onerror=alert(1)>{{constructor}}');
    await row.click();
    await page.waitForTimeout(1000);
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.keyboard.press('Escape');
  }, 120_000);

  it('reads a GBK export with a Chinese header, and a tab-separated .txt', async () => {
    const gbk = iconv.encode(`${HEADER}\n${D1('张三', '一组')}\n`, 'gbk');
    await testId('upload').setInputFiles({ name: 'gbk.csv', mimeType: 'text/csv', buffer: gbk });
    await expect.poll(() => page.locator('[data-testid=results] tbody tr').first().textContent()).toContain('张三');
    const tabs = `${HEADER}\n${D1('李四', '一组')}\n`.replace(/,/g, '\t');
    await testId('upload').setInputFiles({ name: 'unicode.txt', mimeType: 'text/plain', buffer: Buffer.from(tabs) });
    await expect.poll(() => page.locator('[data-testid=results] tbody tr').first().textContent()).toContain('李四');
    expect(await testId('data-error').count()).toBe(0);
  }, 120_000);
});
