// Money at the edges: half-fen amounts rounded as the policy says, a cap that is not a whole fen,
// and JSON totals that are the sum of their lines to the fen, in yuan with at most 2 decimals —
// whole-file and streamed alike.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policy } from '../builders.js';
import { yardstick } from '../yardstick.js';

const HEADER = '工号,姓名,岗位,团队,阶段,月份,评分\n';

function setup(rows: string): { dir: string; p: string; d: string } {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-money-'));
  const text = policy()
    .payout({
      performance_pay: 'pay_base * score / 100 + 0.015',
      rounding: { to: 0.01, mode: 'half_even' },
      cap: 2.515,
    })
    .yaml();
  writeFileSync(join(dir, 'p.yaml'), text);
  writeFileSync(join(dir, 'd.csv'), HEADER + rows);
  return { dir, p: join(dir, 'p.yaml'), d: join(dir, 'd.csv') };
}

describe('money in fen, yuan at the edges', () => {
  it('rounds half a fen to even, caps at the whole fen below 2.515, and totals the lines', async () => {
    // 0.05 → 0.5 + 0.015 = 0.515 → 51.5 fen → 52 (even); 0.15 → 1.515 → 152; 0.25 → 2.515 → 252, capped at 251
    const { p, d } = setup(
      'E1,甲,staff,组,only,2026-10,0.05\nE2,乙,staff,组,only,2026-10,0.15\nE3,丙,staff,组,only,2026-10,0.25\n',
    );
    const r = await yardstick('run', p, '--data', d, '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(
      json.scorecards.map((c: { employee_id: string; payout: { total: number } }) => [c.employee_id, c.payout.total]),
    ).toEqual([
      ['E1', 0.52],
      ['E2', 1.52],
      ['E3', 2.51],
    ]);
    expect(json.summary.payout_total).toBe(4.55);
    expect(json.summary.payable_total).toBe(4.55);
    expect(json.summary.held_total).toBe(0);
  });

  it('keeps the total equal to the sum of 3,000 half-fen lines, streamed in 2 workers as read whole', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `E${i},名${i},staff,组${i % 3},only,2026-10,${(i % 100) / 10 + 0.05}\n`,
    ).join('');
    const { dir, p, d } = setup(rows);
    const whole = await yardstick('run', p, '--data', d, '--format', 'json');
    const json = JSON.parse(whole.stdout);
    let fen = 0;
    for (const c of json.scorecards) {
      const lines = c.payout.lines.reduce((s: number, l: { amount: number }) => s + Math.round(l.amount * 100), 0);
      expect(Math.round(c.payout.total * 100)).toBe(lines);
      expect(String(c.payout.total)).toMatch(/^\d+(\.\d{1,2})?$/);
      fen += lines;
    }
    expect(Math.round(json.summary.payout_total * 100)).toBe(fen);
    expect(String(json.summary.payout_total)).toMatch(/^\d+(\.\d{1,2})?$/);
    const out = join(dir, 'out.csv');
    const streamed = await yardstick('run', p, '--data', d, '--format', 'csv', '--out', out, '--workers', '2');
    expect(streamed.code).toBe(0);
    const csv = (await yardstick('run', p, '--data', d, '--format', 'csv')).stdout;
    expect(readFileSync(out, 'utf8')).toBe(csv);
  });
});
