// A month's scorecard as a roll-up's input (the engine's rollupMonthOf): the one step `yardstick
// rollup` applies to the cards in the ledger, `yardstick test` to sample months and the editor's
// roll-up preview to the history months. Worked out by hand from examples/history/livestream-2026-05.csv.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy, readTable, rollupMonthOf, runPolicy, toRecords } from '../../engine/index.js';

describe('rollupMonthOf', () => {
  it("LS0013's May (a designer in 直播一组): score, grade, tier, pay in fen and the indicators' values", async () => {
    const loaded = loadPolicy(readFileSync('policies/livestream-team.yaml', 'utf8'), 'livestream-team.yaml');
    if (!loaded.ok) throw new Error('livestream-team.yaml does not load');
    const file = 'examples/history/livestream-2026-05.csv';
    const table = await readTable(new Uint8Array(readFileSync(file)), file);
    if (!table.ok) throw new Error('the sample month does not read');
    const read = toRecords(table.table, loaded.policy.contract, { file });
    const result = await runPolicy(loaded.policy, { records: read.records });
    const card = result.scorecards.find((c) => c.employee_id === 'LS0013')!;
    const month = rollupMonthOf(card);
    // ctr 0.100 → 110 × 60 % = 66; page conversion 4.9 % → 109 × 40 % = 43.6; 109.6 → A+ (≥ 100)
    // GMV 680,000 / 800,000 = 85 % → bronze (× 1.2): 4,500 × 109.6 % = 4,932 × 1.2 = 5,918.40
    expect(month).toEqual({
      employee_id: 'LS0013',
      name: '周一',
      role: card.role,
      team: card.team,
      stage: card.stage,
      period: '2026-05',
      score: 109.6,
      grade: 'A+',
      tier: 'bronze',
      payoutFen: 591_840,
      values: { creative_ctr: 0.1, page_conversion_rate: 0.049 },
    });
    // the ledger gives the month as its run's period (an old run may spell it 2026-5)
    expect(rollupMonthOf(card, '2026-06').period).toBe('2026-06');
  });
});
