// The preview worker's two new jobs, without the worker: a roll-up policy is checked by the
// engine's roll-up loader (not run on a month), and the budget panel's sweep is the engine's sweep
// over the month in use.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy, runPolicy, toRecords, readTable } from '../../engine/index.js';
import { PreviewSession } from '../../editor/app/lib/preview-session.js';

const clock = () => 0;
const annual = readFileSync('policies/annual-review.yaml', 'utf8');
const livestream = readFileSync('policies/livestream-team.yaml', 'utf8');
const shortVideo = readFileSync('policies/short-video-team.yaml', 'utf8');
const SAMPLE = 'examples/sample-2026-10.csv';

describe('a roll-up policy in the preview', () => {
  const session = new PreviewSession();

  it('is checked, against the monthly policy it names, and says what it rolls up', () => {
    expect(session.rollup(annual, livestream, clock)).toEqual({
      ok: true,
      rollup: { of: 'livestream-team', period: 'year', againstMonthly: true },
      diagnostics: [],
      ms: 0,
    });
    // without the monthly policy's text it is still checked on its own
    expect(session.rollup(annual, undefined, clock)).toMatchObject({
      ok: true,
      rollup: { of: 'livestream-team', period: 'year', againstMonthly: false },
    });
  });

  it('a roll-up with a mistake gets the engine roll-up diagnostic at its line (score: on line 25)', () => {
    const broken = annual.replace('score: avg_score', 'score: avg_scor');
    const checked = session.rollup(broken, livestream, clock);
    expect(checked?.ok).toBe(false);
    const first = checked!.diagnostics.find((d) => d.severity === 'error')!;
    expect(first.span?.line).toBe(25);
  });

  it('is not taken for a monthly policy, nor a monthly policy for a roll-up', () => {
    expect(session.rollup(shortVideo, undefined, clock)).toBeUndefined();
    // text that does not parse is left to the monthly loader, which reports the YAML problem
    expect(session.rollup('rollup: [', undefined, clock)).toBeUndefined();
  });
});

describe('the budget panel sweep: the engine sweep on the month in use', () => {
  const dataBytes = () => new Uint8Array(readFileSync(SAMPLE));

  /** The month's payout total with the director's completion target written as `target` by hand. */
  async function totalAt(target: string): Promise<number> {
    const text = shortVideo.replace('target: 0.40 # domain', `target: ${target} # domain`);
    // the director's completion target is the only line written so
    expect(shortVideo.split('target: 0.40 # domain').length).toBe(2);
    const loaded = loadPolicy(text, 'p.yaml');
    if (!loaded.ok) throw new Error('the edited policy should load');
    const table = await readTable(dataBytes(), SAMPLE);
    if (!table.ok) throw new Error('the sample should read');
    const read = toRecords(table.table, loaded.policy.contract, { file: SAMPLE });
    const run = await runPolicy(loaded.policy, { records: read.records }, { lang: 'zh', explain: false });
    return run.summary.payout_total_fen;
  }

  it('each value is the month re-run with that value, and the value found fits the budget by a hundredth of the step', async () => {
    const session = new PreviewSession();
    expect(await session.setData(dataBytes(), SAMPLE)).toBeNull();
    const swept = await session.sweep(
      shortVideo,
      'roles.director.indicators.completion.target=37%..38%/1%',
      70_000_000,
      'zh',
    );
    if (!swept.ok) throw new Error(swept.problem.message);
    expect(swept.path).toEqual(['roles', 'director', 'indicators', 'completion', 'target']);
    expect(swept.current).toBe(0.4);
    expect(swept.baseFen).toBe(await totalAt('0.40'));
    expect(swept.rows.map((r) => r.value)).toEqual([0.37, 0.38]);
    expect(swept.rows.map((r) => r.payoutFen)).toEqual([await totalAt('0.37'), await totalAt('0.38')]);
    // ¥700,000 lies between the two totals (the higher target pays less)
    expect(swept.rows[0]!.payoutFen).toBeGreaterThan(70_000_000);
    expect(swept.rows[1]!.payoutFen).toBeLessThanOrEqual(70_000_000);
    const fit = swept.fit!;
    if (fit.kind !== 'fits') throw new Error(`expected a fit, got ${fit.kind}`);
    expect(fit.value).toBeGreaterThan(0.37);
    expect(fit.value).toBeLessThanOrEqual(0.38);
    expect(fit.payoutFen).toBe(await totalAt(String(fit.value)));
    expect(fit.payoutFen).toBeLessThanOrEqual(70_000_000);
    // one step of 0.0001 lower no longer fits: the value is as close to the budget as the precision allows
    expect(await totalAt((fit.value - 0.0001).toFixed(4))).toBeGreaterThan(70_000_000);
  });

  it('a ratio swept without percent signs above 1 is refused with the engine message, not guessed', async () => {
    const session = new PreviewSession();
    await session.setData(dataBytes(), SAMPLE);
    const swept = await session.sweep(
      shortVideo,
      'roles.director.indicators.completion.target=31..49/1',
      undefined,
      'zh',
    );
    expect(swept.ok).toBe(false);
    if (!swept.ok) expect(swept.problem.code).toBe('cli_sweep_ratio');
  });
});
