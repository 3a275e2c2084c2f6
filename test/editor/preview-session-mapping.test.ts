// The preview on a data mapping: the server reads the mapping for a policy text (editor/server/data.ts)
// and the worker's session scores those records for every edit with the same data contract; an edit
// that changes what the data layer reads asks for the mapping's records again.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PreviewSession } from '../../editor/app/lib/preview-session.js';
import type { RecordsResult } from '../../engine/index.js';

const clock = () => 0;
const FIXTURES = 'test/events/fixtures';
const policy = readFileSync(`${FIXTURES}/policy.yaml`, 'utf8');

/** The fixture month as the server reads it (test/editor/data-routes.test.ts checks that reading). */
const read = (): RecordsResult => ({
  records: [
    {
      employee_id: 'E1',
      name: '甲',
      role: 'director',
      team: '短视频一组',
      stage: 'startup',
      period: '2026-10',
      metrics: { videos: 2, plays: 137000, viral_rate: 1 / 3, completion: 0.3, cooperation: 90 },
    },
    {
      employee_id: 'E2',
      name: '乙',
      role: 'director',
      team: '短视频一组',
      stage: 'startup',
      period: '2026-10',
      metrics: { videos: 2, plays: 100050, viral_rate: 0.5, completion: 0.4, cooperation: 80 },
    },
  ],
  excluded: [],
  diagnostics: [],
});

describe('the preview on a data mapping', () => {
  it('asks for the records of a policy text it has none for', async () => {
    const session = new PreviewSession();
    session.setRecords('examples/m/month.data.yaml', '', { records: [], excluded: [], diagnostics: [] });
    expect(session.dataFile).toBe('examples/m/month.data.yaml');
    const r = await session.evaluate(1, policy, policy, 'zh', clock);
    expect(r).toEqual({ ok: false, diagnostics: [], ms: 0, needsRecords: [policy] });
  });

  it('scores the records handed over, and again after an edit that keeps the data contract', async () => {
    const session = new PreviewSession();
    session.setRecords('examples/m/month.data.yaml', policy, read());
    const r = await session.evaluate(1, policy, policy, 'zh', clock);
    // E1: 20 + 13.33 + 15 + 18 = 66.33 → ¥663.30; E2: 20 + 20 + 20 + 16 = 76 → ¥760.00
    expect(r.ok && r.result.rows.map((x) => [x.employee_id, x.score, x.payout.totalFen])).toEqual([
      ['E1', 66.33, 66330],
      ['E2', 76, 76000],
    ]);
    // a pay base changes no metric: the same records, the saved version compared
    const edited = policy.replace('pay_base: 1000', 'pay_base: 1200');
    const again = await session.evaluate(2, edited, policy, 'zh', clock);
    expect(again.ok && again.comparison?.delta_fen).toBe(13266 + 15200);
  });

  it('asks again when an edit changes what the data layer reads (a metric added)', async () => {
    const session = new PreviewSession();
    session.setRecords('examples/m/month.data.yaml', policy, read());
    const edited = policy.replace('metrics:\n', 'metrics:\n  likes: { label: 点赞量, unit: count, default: 0 }\n');
    const r = await session.evaluate(1, edited, policy, 'zh', clock);
    expect(r).toEqual({ ok: false, diagnostics: [], ms: 0, needsRecords: [edited] });
  });

  it('a data file chosen after the mapping replaces it', async () => {
    const session = new PreviewSession();
    session.setRecords('examples/m/month.data.yaml', policy, read());
    await session.setData(new TextEncoder().encode(readFileSync(`${FIXTURES}/roster.csv`, 'utf8')), 'roster.csv');
    expect(session.dataFile).toBe('roster.csv');
  });
});
