// The editor's roll-up preview (editor/app/lib/rollup-preview.ts): annual-review.yaml over the six
// sample months of livestream-team (examples/history/livestream-2026-05 … -10.csv) gives what
// `yardstick rollup` gives once those months are recorded into a ledger, and the numbers worked out
// by hand from the sample files. Plus the history route that serves those months.

import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEditorApp } from '../../editor/server/app.js';
import { historyMonths } from '../../editor/server/rollup-history.js';
import {
  RollupPreviewSession,
  periodHolding,
  type HistoryFile,
  type RollupPreviewed,
  type RollupPreviewResult,
} from '../../editor/app/lib/rollup-preview.js';
import { yardstick } from '../yardstick.js';

const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const files: HistoryFile[] = MONTHS.map((month) => ({
  month,
  path: `examples/history/livestream-${month}.csv`,
  bytes: new Uint8Array(readFileSync(`examples/history/livestream-${month}.csv`)),
}));
const monthly = { text: readFileSync('policies/livestream-team.yaml', 'utf8'), file: 'policies/livestream-team.yaml' };
const annual = readFileSync('policies/annual-review.yaml', 'utf8');
const history = { key: 'sample', files };

async function preview(text = annual, session = new RollupPreviewSession()): Promise<RollupPreviewed> {
  return session.preview(text, monthly, history, 'en');
}
async function shown(text = annual): Promise<RollupPreviewResult> {
  const r = await preview(text);
  if (!r.ok) throw new Error(`not previewed: ${r.kind} ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.preview;
}
const row = (p: RollupPreviewResult, id: string) => p.rows.find((r) => r.employee_id === id)!;

describe('annual-review.yaml previewed on the sample history', () => {
  let p: RollupPreviewResult;
  beforeAll(async () => {
    p = await shown();
  }, 60_000);

  it('rolls up the year 2026 from the six months of livestream-team, with no data problem', () => {
    expect(p.period).toBe('2026');
    expect(p.periodMonths).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(p.used.map((u) => u.month)).toEqual(MONTHS);
    expect(p.dataProblems).toEqual([]);
    // 60 people in every sample month, each present all six months: min_months 6 leaves nobody out
    expect(p.rows).toHaveLength(60);
    expect(p.excluded).toEqual([]);
  });

  it('LS0013 (a designer in 直播一组), worked out from the sample rows', () => {
    // designer: creative_ctr weight 60 (0.05 / 0.08 / 0.12), page_conversion weight 40 (0.02 / 0.04 / 0.06);
    // between target and challenge: 100 + 20 × (actual − target) / (challenge − target)
    // 05: ctr 0.100 → 110 × 0.6 = 66;   page 4.9% → 109 × 0.4 = 43.6 → 109.6
    // 06: ctr 0.099 → 109.5 → 65.7;     page 5.2% → 112 → 44.8    → 110.5
    // 07: ctr 10.4% → 112 → 67.2;       page 4.8% → 108 → 43.2    → 110.4
    // 08: ctr 0.106 → 113 → 67.8;       page 5.0% → 110 → 44      → 111.8
    // 09: ctr 0.099 → 109.5 → 65.7;     page 5.1% → 111 → 44.4    → 110.1
    // 10: ctr 0.101 → 110.5 → 66.3;     page 4.8% → 108 → 43.2    → 109.5
    // average 661.9 / 6 = 110.3166… → 110.32: E (≥ 100); every month A+ (≥ 100)
    const r = row(p, 'LS0013');
    expect(r.months).toEqual(MONTHS);
    expect(r.score).toBe(110.32);
    expect(r.grade).toBe('E');
    expect(r.facts.find((f) => f.id === 'avg_score')).toEqual({ id: 'avg_score', title: '月均得分', value: 110.32 });
    expect(r.facts.find((f) => f.id === 'lowest_score')?.value).toBe(109.5);
    expect(r.facts.find((f) => f.id === 'a_plus_months')?.value).toBe(6);
    // 直播一组's GMV 680,000 of 800,000 = 85 %: bronze every month, never silver → no yearly bonus
    expect(r.facts.find((f) => f.id === 'silver_months')?.value).toBe(0);
    expect(r.awards).toEqual([]);
    expect(r.payoutFen).toBe(0);
    // the latest month's name (the sample gives each month another name)
    expect(r.name).toBe('潘敏');
  });

  it('LS0019 (a host in 直播二组, startup stage), worked out from the sample rows: the silver yearly bonus', () => {
    // host, startup: GMV completion 40, order conversion 20, watch time 20, returns 20 (lower is better)
    // GMV 1,164,000 / 1,200,000 = 0.97: 60 + 40 × 0.17 / 0.2 = 94 → 37.6 every month; silver (≥ 0.90)
    // 05: conv 0.052 → 102 → 20.4; watch 3分7秒 = 187 s → 102.33 → 20.467; returns 8.9% → 104.4 → 20.88 → 99.35
    // 06: 0.054 → 20.8; 201 s → 107 → 21.4; 0.083 → 106.8 → 21.36 → 101.16
    // 07: 0.054 → 20.8; 200 s → 21.333; 8.5% → 106 → 21.2 → 100.93
    // 08: 5.5% → 105 → 21; 202 s → 21.467; 7.9% → 108.4 → 21.68 → 101.75
    // 09: 5.1% → 101 → 20.2; 195 s → 105 → 21; 9.7% → 101.2 → 20.24 → 99.04
    // 10: 0.053 → 103 → 20.6; 197 s → 21.133; 8.6% → 105.6 → 21.12 → 100.45
    // average 602.68 / 6 = 100.4466… → 100.45: E; A+ in June, July, August, October (4)
    const r = row(p, 'LS0019');
    expect(r.score).toBe(100.45);
    expect(r.grade).toBe('E');
    expect(r.facts.find((f) => f.id === 'a_plus_months')?.value).toBe(4);
    expect(r.facts.find((f) => f.id === 'lowest_score')?.value).toBe(99.04);
    expect(r.facts.find((f) => f.id === 'silver_months')?.value).toBe(6);
    expect(r.facts.find((f) => f.id === 'c_months')?.value).toBe(0);
    // E at most floor(5 % × 60) = 3, and LS0013 (110.32), LS0033 (102.76), LS0030 (101.87) are above it → M+
    expect(r.calibrated).toBe('M+');
    // silver every month, no C, M+ after forced distribution → ¥50,000 once
    expect(r.awards).toEqual([{ id: 'silver_annual_bonus', title: '银牌年度奖金', amountFen: 5_000_000 }]);
    expect(r.payoutFen).toBe(5_000_000);
    expect(p.byCalibratedGrade?.E).toBe(3);
  });

  it('agrees with `yardstick rollup` after the six months are recorded into a ledger, card by card', async () => {
    const ledger = join(mkdtempSync(join(tmpdir(), 'yardstick-rollprev-')), 'ledger.db');
    for (const m of MONTHS) {
      const run = await yardstick(
        'run',
        'policies/livestream-team.yaml',
        '--data',
        `examples/history/livestream-${m}.csv`,
        '--record',
        '--ledger',
        ledger,
        '--format',
        'json',
      );
      expect(run.code, run.stderr).toBe(0);
    }
    const cli = await yardstick(
      'rollup',
      'policies/annual-review.yaml',
      '--period',
      '2026',
      '--ledger',
      ledger,
      '--format',
      'json',
    );
    expect(cli.code, cli.stderr).toBe(0);
    const out = JSON.parse(cli.stdout) as {
      period: string;
      months: string[];
      sources: { period: string }[];
      cards: {
        employee_id: string;
        name: string;
        score: number;
        grade: string;
        calibration?: { calibrated: string };
        awards: { id: string; amount: number }[];
        payout: number;
        facts: { id: string; value?: number }[];
        months: { period: string }[];
      }[];
      excluded: unknown[];
      summary: { by_grade: Record<string, number>; by_calibrated_grade?: Record<string, number>; payout_total: number };
    };
    expect(out.period).toBe(p.period);
    expect(out.months).toEqual(p.periodMonths);
    expect(out.sources.map((s) => s.period)).toEqual(p.used.map((u) => u.month));
    expect(p.rows.map((r) => r.employee_id)).toEqual(out.cards.map((c) => c.employee_id));
    for (const c of out.cards) {
      const r = row(p, c.employee_id);
      expect(
        {
          name: r.name,
          score: r.score,
          grade: r.grade,
          calibrated: r.calibrated,
          awards: r.awards.map((a) => [a.id, a.amountFen]),
          payFen: r.payoutFen,
          facts: r.facts.map((f) => [f.id, f.value]),
          months: r.months,
        },
        c.employee_id,
      ).toEqual({
        name: c.name,
        score: c.score,
        grade: c.grade,
        calibrated: c.calibration?.calibrated,
        awards: c.awards.map((a) => [a.id, Math.round(a.amount * 100)]),
        payFen: Math.round(c.payout * 100),
        facts: c.facts.map((f) => [f.id, f.value]),
        months: c.months.map((m) => m.period),
      });
    }
    expect(p.excluded).toEqual(out.excluded);
    expect(p.byGrade).toEqual(out.summary.by_grade);
    expect(p.byCalibratedGrade).toEqual(out.summary.by_calibrated_grade);
    expect(p.totalFen).toBe(Math.round(out.summary.payout_total * 100));
  }, 120_000);
});

describe('editing the roll-up updates the preview', () => {
  it('min_months: 7 leaves everyone out (six months recorded), each with the reason', async () => {
    const p = await shown(annual.replace('min_months: 6', 'min_months: 7'));
    expect(p.rows).toEqual([]);
    expect(p.excluded).toHaveLength(60);
    expect(p.excluded[0]).toEqual({
      employee_id: 'LS0001',
      // the October name (examples/history/livestream-2026-10.csv)
      name: '曹若诺',
      reason:
        'LS0001 曹若诺: only 6 of 12 month(s) recorded (2026-05, 2026-06, 2026-07, 2026-08, 2026-09, 2026-10), fewer than min_months: 7, so they are not rolled up',
    });
    expect(p.totalFen).toBe(0);
  });

  it('the award at 60000: LS0019 is paid ¥60,000', async () => {
    const p = await shown(annual.replace('award: 50000', 'award: 60000'));
    expect(row(p, 'LS0019').payoutFen).toBe(6_000_000);
  });

  it('the E cut at 110.5: LS0013 (110.32) is M+', async () => {
    const p = await shown(annual.replace('{ grade: E, min: 100', '{ grade: E, min: 110.5'));
    expect(row(p, 'LS0013').grade).toBe('M+');
  });

  it("a YAML error is the roll-up's own diagnostics, with its line (the page keeps the last preview)", async () => {
    const r = await preview(`${annual}policy: x\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe('invalid');
    expect(r.diagnostics[0]?.span?.line).toBe(54);
  });

  it('a monthly policy that does not load, or no month in the history, is said so', async () => {
    const s = new RollupPreviewSession();
    const broken = await s.preview(annual, { text: 'policy: [', file: 'policies/livestream-team.yaml' }, history, 'en');
    expect(broken.ok || broken.kind).toBe('monthly_invalid');
    const none = await s.preview(annual, monthly, { key: 'none', files: [] }, 'en');
    expect(none.ok || none.kind).toBe('no_months');
  });
});

describe('effective_from', () => {
  it('a period before it is previewed but marked (yardstick rollup refuses it); 2026 from 2026 is not', async () => {
    expect((await shown()).beforeEffectiveFrom).toBeUndefined();
    expect((await shown(annual.replace('effective_from: "2026"', 'effective_from: "2027"'))).beforeEffectiveFrom).toBe(
      '2027',
    );
  });
});

describe('the period shown holds the latest history month', () => {
  it('year, half-year and quarter; a year starting in April', () => {
    expect(periodHolding('2026-10', 'year').period).toBe('2026');
    expect(periodHolding('2026-10', 'half_year').period).toBe('2026-H2');
    expect(periodHolding('2026-10', 'quarter').period).toBe('2026-Q4');
    expect(periodHolding('2026-02', 'year', 4).months[0]).toBe('2025-04');
  });
});

describe('the history months route', () => {
  it("lists livestream-team's six sample months (named livestream-YYYY-MM.csv), none for short-video-team", () => {
    const h = historyMonths('.', 'livestream-team');
    expect(h.months.map((m) => [m.month, m.path])).toEqual(
      MONTHS.map((m) => [m, `examples/history/livestream-${m}.csv`]),
    );
    expect(h.duplicates).toEqual([]);
    expect(historyMonths('.', 'short-video-team').months).toEqual([]);
  });

  it('serves a month behind the token; a month two files give is not served; a link is not data', async () => {
    const root = mkdtempSync(join(tmpdir(), 'yardstick-history-route-'));
    mkdirSync(join(root, 'policies'));
    mkdirSync(join(root, 'examples', 'history'), { recursive: true });
    mkdirSync(join(root, 'data', 'history'), { recursive: true });
    writeFileSync(join(root, 'examples', 'history', 'shop-team-2026-05.csv'), 'a\n');
    writeFileSync(join(root, 'examples', 'history', 'shop-2026-06.csv'), 'b\n');
    writeFileSync(join(root, 'data', 'history', 'shop-2026-06.xlsx'), 'c');
    writeFileSync(join(root, 'secret.csv'), 'pay');
    symlinkSync(join(root, 'secret.csv'), join(root, 'data', 'history', 'shop-2026-07.csv'));
    const static_ = join(root, 'static');
    mkdirSync(static_);
    const app = createEditorApp({
      root,
      token: 'tok',
      staticDir: static_,
      templatesDir: 'editor/templates',
      hosts: new Set(['127.0.0.1:1']),
    });
    const get = (path: string, token: string | null = 'tok') =>
      app.request(`http://127.0.0.1:1${path}`, {
        headers: { host: '127.0.0.1:1', ...(token ? { 'x-yardstick-token': token } : {}) },
      });
    expect((await get('/api/rollup-history/shop-team', null)).status).toBe(401);
    const list = await (await get('/api/rollup-history/shop-team')).json();
    expect(list).toEqual({
      policy: 'shop-team',
      months: [{ month: '2026-05', path: 'examples/history/shop-team-2026-05.csv', size: 2 }],
      duplicates: [
        { month: '2026-06', paths: ['examples/history/shop-2026-06.csv', 'data/history/shop-2026-06.xlsx'] },
      ],
    });
    const month = await get('/api/rollup-history/shop-team/2026-05');
    expect(month.status).toBe(200);
    expect(await month.text()).toBe('a\n');
    expect((await get('/api/rollup-history/shop-team/2026-06')).status).toBe(404);
    expect((await get('/api/rollup-history/shop-team/2026-07')).status).toBe(404);
    expect((await get('/api/rollup-history/..%2Fsecret')).status).toBe(400);
  });
});

describe('a calibration minimum the year cannot be given', () => {
  // `M+: { min: 0.5 }` over the whole team of 60 asks for 0.5 × 60 = 30 people at M+; people only
  // move down, and above M+ stand only the E holders (at most 0.05 × 60 = 3): the preview says so
  // among the problems, at the quota's `min` (line 38: `    M+: { min: 0.5 }`, `0.5` at column 16)
  it('is among the problems, with the people M+ holds after calibration', async () => {
    const r = await preview(annual.replace('    M+: { max: 0.2 }', '    M+: { min: 0.5 }'));
    if (!r.ok) throw new Error('the roll-up should preview');
    const held = r.preview.rows.filter((row) => row.calibrated === 'M+').length;
    expect(held).toBeLessThan(30);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.span?.line, d.span?.column, d.message])).toEqual([
      [
        'eval_calibration_min_unmet',
        'warning',
        38,
        16,
        `forced distribution of 2026: the whole company (60 ranked) needs at least 30 at \`M+\` (min 50%) but can place only ${held} there: this minimum is not met`,
      ],
    ]);
  });
});
