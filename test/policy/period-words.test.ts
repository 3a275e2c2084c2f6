// `period: quarter` is the 考核方案's words (docs/policy-language.md, "period"): the document says
// 按季度考核, while the data, the run and history stay monthly — a quarter is paid by a roll-up policy.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../builders.js';
import { yardstick } from '../yardstick.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-period-words-'));
  writeFileSync(join(dir, 'p.yaml'), policy().set('period', 'quarter').yaml());
  writeFileSync(join(dir, 'd.csv'), '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,员工,一组,常规,2026-10,80\n');
});

describe('period: quarter', () => {
  it('the 考核方案 says 按季度考核', async () => {
    const r = await yardstick('doc', join(dir, 'p.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('按季度考核');
  });

  it('a month of data is scored as a month: 2026-10, pay 1000 × 80 / 100 = ¥800', async () => {
    const r = await yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, 'd.csv'), '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.period, out.summary.payout_total]).toEqual(['2026-10', 800]);
  });

  it('--period 2026-Q4 is not a month: refused (exit 2)', async () => {
    const r = await yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, 'd.csv'), '--period', '2026-Q4');
    expect(r.code).toBe(2);
  });
});
