// The 数据 / Data view in Chromium: the raw-export month (a data mapping with an event file, read by
// the server with DuckDB) as the preview's dataset, its `data inspect`, and the CLI's outputs —
// the preview and the impact as XLSX (opened with the project's reader), statements printed and
// downloaded.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../engine/index.js';
import { available, openPolicy, startEditor, type Editor } from './editor-harness.js';

const MAPPING = 'examples/events-2026-10/month.data.yaml';
let e: Editor;
let page: Page;
const testId = (id: string) => page.locator(`[data-testid=${id}]`);
const shot = async (name: string) => {
  if (process.env.YARDSTICK_UPDATE_SCREENSHOT) await page.screenshot({ path: `docs/editor-screens/${name}.png` });
};

/** Rows of the month for an account in 作品.csv, and how many have ≥ 100000 plays (`42.2224万` is 422224). */
function videosOf(account: string): { rows: number; viral: number } {
  const lines = readFileSync('examples/events-2026-10/作品.csv', 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
  const mine = lines.map((l) => l.split(',')).filter((c) => c[0] === account && c[2]!.startsWith('2026-10'));
  const plays = (s: string) => (s.endsWith('万') ? Number(s.slice(0, -1)) * 10000 : Number(s));
  return { rows: mine.length, viral: mine.filter((c) => plays(c[3]!) >= 100000).length };
}

async function saved(d: Download): Promise<Uint8Array> {
  const path = join(e.root, `download-${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(path);
  return new Uint8Array(readFileSync(path));
}

/** A sheet of a workbook as the project's reader reads it: the header and the rows, every cell as text. */
async function sheet(bytes: Uint8Array, name: string): Promise<string[][]> {
  const t = await readTable(bytes, 'download.xlsx', { sheet: name });
  if (!t.ok) throw new Error(t.diagnostics.map((d) => d.message).join('; '));
  return [t.table.header, ...t.table.rows];
}

describe.skipIf(!available)('the 数据 view: a data mapping as the dataset, and the outputs', () => {
  beforeAll(async () => {
    e = await startEditor({ width: 1280, height: 900 });
    page = e.page;
    await openPolicy(e);
    await page.selectOption('[data-testid=dataset-select]', MAPPING);
  }, 180_000);
  afterAll(async () => e?.close());

  it('previews the raw-export month: 200 on the roster less 2 bad cells and 4 people without videos', async () => {
    // the sample month's two bad cells (SV0013, SV0055) are bad in the exports too; SV0051, SV0101,
    // SV0102 and SV0185 published no video in October, so 单条最高播放 has no value: 200 − 2 − 4 = 194
    await expect.poll(() => testId('employees').textContent(), { timeout: 20_000 }).toBe('194');
    await expect.poll(() => testId('excluded-button').textContent()).toContain('6');
    // SV0042, as the statements test computed it by hand: 100.19 points, A+, silver, ¥6,606.84
    await page.fill('[data-testid=preview] input[type=search], input[type=search]', 'SV0042');
    const row = page.locator('[data-testid=results] tbody tr', { hasText: 'SV0042' });
    await expect.poll(() => row.first().textContent(), { timeout: 30_000 }).toContain('100.19');
    expect(await row.first().textContent()).toContain('6,606.84');
  }, 90_000);

  it('shows what data inspect shows: columns, the aggregates with their rows, defaults, exclusions', async () => {
    await testId('tab-data').click();
    await expect
      .poll(() => testId('data-counts').textContent(), { timeout: 20_000 })
      .toBe('可计算 194 人，无法计算 6 人 · 考核期 2026-10');
    const roster = testId('data-file').filter({ hasText: '花名册.csv' });
    await expect.poll(() => roster.locator('tr', { hasText: '抖音账号' }).textContent()).toContain('关联键');
    expect(
      await testId('data-file')
        .filter({ hasText: '月度指标.csv' })
        .locator('tr', { hasText: '完播率' })
        .first()
        .textContent(),
    ).toContain('指标 · 完播率 (completion_rate)');
    // SV0001's videos, counted here from the file itself
    const sv1 = videosOf('dy_sv0001');
    const aggregate = testId('data-aggregate').filter({ hasText: 'dy_sv0001' });
    expect(await aggregate.textContent()).toContain(`本月 ${sv1.rows} 行`);
    expect(await aggregate.textContent()).toContain(`发布视频数 = ${sv1.rows}（计数，作品.csv 中本月 ${sv1.rows} 行）`);
    expect(await aggregate.textContent()).toContain(`爆款数 = ${sv1.viral}（计数，作品.csv 中本月 ${sv1.viral} 行）`);
    // the row nobody on the roster owns, with the file it is in
    expect(await testId('data-problems').textContent()).toContain('作品.csv');
    expect(await testId('data-problems').textContent()).toContain('dy_unknown');
    // SV0013's empty 完播率: file, row, column and the raw value
    const sv13 = testId('data-excluded').locator('li', { hasText: 'SV0013' });
    expect(await sv13.textContent()).toContain('月度指标.csv，第 14 行，完播率 列');
    // 违规次数 left empty is 0 by the policy's default
    expect(await testId('data-defaults').first().textContent()).toMatch(/^违规次数 = 0：\d+ 人/);
    await shot('editor-data');
  }, 90_000);

  it('has no serious or critical accessibility violations (axe-core) in the 数据 view', async () => {
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    const found = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              c: unknown,
              o: unknown,
            ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(found).toEqual([]);
  }, 90_000);

  it('exports the preview as the CLI workbook, read back with the project reader', async () => {
    const [d] = await Promise.all([page.waitForEvent('download'), testId('export-results').click()]);
    expect(d.suggestedFilename()).toBe('month-results.xlsx');
    const rows = await sheet(await saved(d), '结果');
    expect(rows[0]).toEqual([
      '工号',
      '姓名',
      '团队',
      '岗位',
      '阶段',
      '基础得分',
      '得分',
      '等级',
      '档位',
      '应发',
      '状态',
      '暂扣原因',
      '触发',
    ]);
    expect(rows.length).toBe(1 + 194);
    expect(rows.find((r) => r[0] === 'SV0042')).toEqual([
      'SV0042',
      '宋涛芳',
      '短视频二组',
      '剪辑师',
      '初创期',
      '90.19',
      '100.19',
      'A+',
      '银牌',
      '6606.84',
      '可发',
      '',
      '爆款创作者资源扶持',
    ]);
  }, 90_000);

  it('prints and downloads one statement with the name and the amount', async () => {
    await page.selectOption('[data-testid=statement-employee]', 'SV0042');
    const [popup] = await Promise.all([page.waitForEvent('popup'), testId('print-statement').click()]);
    await expect.poll(() => popup.locator('body').textContent(), { timeout: 30_000 }).toContain('宋涛芳');
    expect(await popup.locator('.card .v').allTextContents()).toEqual(['100.19', 'A+', '¥6,606.84']);
    await popup.close();
    const [d] = await Promise.all([page.waitForEvent('download'), testId('download-statement').click()]);
    expect(d.suggestedFilename()).toBe('SV0042.html');
    const html = new TextDecoder().decode(await saved(d));
    expect(html).toContain('宋涛芳');
    expect(html).toContain('¥6,606.84');
    // the aggregate behind a metric, as `yardstick statements` prints it
    expect(html).toContain('作品.csv');
  }, 90_000);

  it("downloads all of the month's statements as a ZIP: one per employee scored, and the index", async () => {
    const [d] = await Promise.all([page.waitForEvent('download'), testId('download-statements').click()]);
    const files = unzipSync(await saved(d));
    expect(Object.keys(files).length).toBe(194 + 1);
    expect(Object.keys(files)).toContain('index.html');
    expect(strFromU8(files['SV0042.html']!)).toContain('¥6,606.84');
  }, 90_000);

  it('refuses a mapping that reads outside its data folder, and the preview keeps the data it had', async () => {
    writeFileSync(
      join(e.root, 'examples', 'events-2026-10', 'leak.data.yaml'),
      'roster: { file: ../../policies/short-video-team.yaml }\nsources: []\n',
    );
    await openPolicy(e);
    await page.selectOption('[data-testid=dataset-select]', 'examples/events-2026-10/leak.data.yaml');
    await expect
      .poll(() => testId('data-error').textContent(), { timeout: 20_000 })
      .toBe('examples/events-2026-10/leak.data.yaml: `../../policies/short-video-team.yaml` 不在允许的文件夹内');
    expect(await testId('dataset-select').inputValue()).toBe('examples/sample-2026-10.csv');
    expect(await testId('employees').textContent()).toBe('198');
  }, 90_000);

  it('exports the impact of an edit: the silver award from ¥1,000 to ¥1,500 adds ¥500 to each silver', async () => {
    const policy = e.onDisk('short-video-team.yaml');
    e.write(
      'short-video-team.yaml',
      policy.replace(
        '{ tier: silver, title: 银牌, min: 0.90, multiplier: 1.2, award: 1000 }',
        '{ tier: silver, title: 银牌, min: 0.90, multiplier: 1.2, award: 1500 }',
      ),
    );
    await openPolicy(e);
    await page.selectOption('[data-testid=dataset-select]', MAPPING);
    await testId('tab-data').click();
    await expect.poll(() => testId('data-counts').textContent(), { timeout: 20_000 }).toContain('194');
    const [d] = await Promise.all([page.waitForEvent('download'), testId('export-impact').click()]);
    expect(d.suggestedFilename()).toBe('month-impact.xlsx');
    const bytes = await saved(d);
    const changes = await sheet(bytes, '变化');
    expect(changes[0]).toEqual([
      '工号',
      '姓名',
      '团队',
      '岗位',
      '修改前得分',
      '修改后得分',
      '修改前等级',
      '修改后等级',
      '修改前应发',
      '修改后应发',
      '变化',
      '变化的项',
    ]);
    // 6606.84 + 500 = 7106.84; nothing but the pay changes, and only by the award's 500
    expect(changes.find((r) => r[0] === 'SV0042')).toEqual([
      'SV0042',
      '宋涛芳',
      '短视频二组',
      '剪辑师',
      '100.19',
      '100.19',
      'A+',
      'A+',
      '6606.84',
      '7106.84',
      '500',
      '应发',
    ]);
    const body = changes.slice(1);
    expect(body.length).toBeGreaterThan(0);
    expect(body.every((r) => r[10] === '500' && r[11] === '应发')).toBe(true);
    const summary = await sheet(bytes, '汇总');
    expect(summary.find((r) => r[0] === '结果有变化')?.[1]).toBe(String(body.length));
    expect(summary.find((r) => r[0] === '变化')?.[1]).toBe(String(500 * body.length));
    await e.reset();
  });
});
