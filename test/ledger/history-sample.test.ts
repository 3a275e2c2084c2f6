// The six months of sample history, recorded one after another, exercise every history path of the
// livestream policy: improvement plans that close and that escalate, exit reviews, promotion
// reviews and forced distribution moving someone.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../node/cli/main.js';
import type { RunResultJson as RunResult } from '../../engine/index.js';

const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const runs: Record<string, RunResult> = {};

beforeAll(async () => {
  const ledger = join(mkdtempSync(join(tmpdir(), 'yardstick-history-')), 'ledger.db');
  for (const m of MONTHS) {
    let out = '';
    const code = await main(
      [
        'run',
        'policies/livestream-team.yaml',
        '--data',
        `examples/history/livestream-${m}.csv`,
        '--record',
        '--format',
        'json',
        '--ledger',
        ledger,
      ],
      { stdout: (s) => (out += s), stderr: () => {} },
    );
    expect(code).toBe(0);
    runs[m] = JSON.parse(out);
  }
}, 60_000);

const card = (m: string, id: string) => runs[m].scorecards.find((c) => c.employee_id === id)!;

describe('six months in one dry run', () => {
  it('take their history from the run itself and agree with the months recorded one by one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-allmonths-'));
    const [head, ...rest] = MONTHS.map((m) =>
      readFileSync(`examples/history/livestream-${m}.csv`, 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    );
    writeFileSync(
      join(dir, 'all.csv'),
      [head[0], ...head.slice(1), ...rest.flatMap((lines) => lines.slice(1))].join('\n') + '\n',
    );
    let out = '';
    expect(
      await main(
        [
          'run',
          'policies/livestream-team.yaml',
          '--data',
          join(dir, 'all.csv'),
          '--format',
          'json',
          '--ledger',
          join(dir, 'none.db'),
        ],
        { stdout: (s) => (out += s), stderr: () => {} },
      ),
    ).toBe(0);
    const all: RunResult = JSON.parse(out);
    expect(all.period).toBe(MONTHS.join(','));
    const key = (c: RunResult['scorecards'][number]) =>
      [
        c.period,
        c.employee_id,
        c.grade,
        c.payout.total,
        c.triggers.map((t) => t.id).join('+'),
        c.plan?.status ?? '',
        c.calibration?.calibrated ?? '',
      ].join('|');
    expect(all.scorecards.map(key)).toEqual(MONTHS.flatMap((m) => runs[m].scorecards.map(key)));
  });
});

describe('six recorded months of the livestream team', () => {
  it('LS0004, C in May, meets the improvement target in June: the plan closes', () => {
    expect(card('2026-05', 'LS0004').plan?.status).toBe('open');
    expect(card('2026-06', 'LS0004').plan?.status).toBe('closed');
  });

  it('LS0003, C in May and June: the plan escalates; the exit review is already there (C twice), so it is not added again', () => {
    expect(card('2026-06', 'LS0003').plan?.status).toBe('escalated');
    expect(card('2026-06', 'LS0003').triggers.map((t) => t.id)).toEqual(['improvement_plan', 'exit_review']);
  });

  it('LS0013, A+ in May and June: a promotion review', () => {
    expect(card('2026-05', 'LS0013').triggers.map((t) => t.id)).toEqual(['top_performer_bonus']);
    expect(card('2026-06', 'LS0013').triggers.map((t) => t.id)).toEqual(['promotion_candidate', 'top_performer_bonus']);
  });

  it('forced distribution moves people in some months, never more A+ than the quota allows', () => {
    const moved = MONTHS.map((m) => runs[m].scorecards.filter((c) => c.calibration?.moved_by).length);
    expect(moved.some((n) => n > 0)).toBe(true);
    for (const m of MONTHS) {
      const teams = new Map<string, number>();
      for (const c of runs[m].scorecards)
        if (c.calibration?.calibrated === 'A+') teams.set(c.team, (teams.get(c.team) ?? 0) + 1);
      for (const [team, n] of teams)
        expect(n, `${m} ${team}`).toBeLessThanOrEqual(
          Math.floor(0.1 * runs[m].scorecards.filter((c) => c.team === team).length),
        );
    }
  });
});
