// The preview's evaluation, as its worker runs it: explanations are skipped for the table and
// built for one employee when the page opens a scorecard — the same lines a full run writes.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy, readRecords, runPolicy } from '../../engine/index.js';
import { PreviewSession } from '../../editor/app/lib/preview-session.js';

const clock = () => 0;

describe.each([
  ['policies/short-video-team.yaml', 'examples/sample-2026-10.csv'],
  // calibrated: the explanation ends with the forced-distribution line
  ['policies/livestream-team.yaml', 'examples/livestream-2026-10.csv'],
])('%s on %s', (policyFile, dataFile) => {
  const text = readFileSync(policyFile, 'utf8');

  it('explains any employee on demand exactly as a full run does', async () => {
    const session = new PreviewSession();
    expect(await session.setData(new Uint8Array(readFileSync(dataFile)), dataFile)).toBeNull();
    const evaluated = await session.evaluate(7, text, text, 'zh', clock);
    if (!evaluated.ok) throw new Error('the policy should load');
    // the page gets table rows; explanations are made only when asked for
    expect(Object.keys(evaluated.result.rows[0])).toEqual(['employee_id', 'name', 'team', 'role_title', 'score', 'grade', 'payout', 'triggers']);

    const policy = loadPolicy(text, 'policy.yaml');
    if (!policy.ok) throw new Error('load');
    const read = readRecords(readFileSync(dataFile, 'utf8'), 'csv', policy.policy.contract, { file: dataFile });
    const full = await runPolicy(policy.policy, { records: read.records, excluded: read.excluded }, { lang: 'zh' });
    for (const card of full.scorecards) expect(session.explain(7, card.employee_id)).toEqual(card.explanation);
  });
});

describe('the preview session', () => {
  const text = readFileSync('policies/short-video-team.yaml', 'utf8');

  it('compares an edit with the saved version and names the rule change', async () => {
    const session = new PreviewSession();
    await session.setData(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'examples/sample-2026-10.csv');
    const edited = text.replace('- { tier: silver, title: 银牌, min: 0.90, multiplier: 1.2, award: 1000 }', '- { tier: silver, title: 银牌, min: 0.90, multiplier: 1.2, award: 1500 }');
    const r = await session.evaluate(1, edited, text, 'zh', clock);
    if (!r.ok) throw new Error('the edit should load');
    expect(r.changes).toEqual(['档位 银牌 奖金 ¥1,000.00 → ¥1,500.00']);
    // every silver employee gains exactly the 500 yuan of the award
    const silver = r.result.rows.filter((c) => c.payout.tier?.id === 'silver').length;
    expect(silver).toBeGreaterThan(0);
    expect(r.comparison!.changes.length).toBe(silver);
    expect(r.comparison!.changes.every((c) => c.delta === 500)).toBe(true);
  });

  it('reads the data again when an edit changes what the columns mean', async () => {
    const session = new PreviewSession();
    await session.setData(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'examples/sample-2026-10.csv');
    const first = await session.evaluate(1, text, undefined, 'zh', clock);
    expect(first.ok && first.dataProblems).toEqual([]);
    // the sample's 完播率 column no longer matches the renamed metric: directors cannot be scored
    const renamed = text.replace('completion_rate: { label: 完播率, unit: ratio }', 'completion_rate: { label: 完播率（新）, unit: ratio }');
    const second = await session.evaluate(2, renamed, undefined, 'zh', clock);
    if (!second.ok) throw new Error('the renamed policy should load');
    expect(second.dataProblems.map((d) => d.message)).toContain('the file has no column for `完播率（新）` (completion_rate), which 编导 need');
    // and back: the data is read as before
    const third = await session.evaluate(3, text, undefined, 'zh', clock);
    expect(third.ok && third.dataProblems).toEqual([]);
  });

  it('forgets evaluations older than the last three: their employees are no longer explained', async () => {
    const session = new PreviewSession();
    await session.setData(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'examples/sample-2026-10.csv');
    for (const id of [1, 2, 3, 4]) await session.evaluate(id, text, undefined, 'zh', clock);
    expect(session.explain(1, 'SV0004')).toBeNull();
    expect(session.explain(2, 'SV0004')?.[0]).toBe('魏轩琪（SV0004）· 编导 · 短视频一组 · 初创期');
    expect(session.explain(4, 'nobody')).toBeNull();
  });
});
