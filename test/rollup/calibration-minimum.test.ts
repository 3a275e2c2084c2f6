// A roll-up's forced distribution with a minimum a cohort cannot be given. People only move down:
// a grade's minimum is filled from the grades above it. In a team of one under `round_up`, the
// worst grade's minimum (applied first) takes the only person, and the next grade's minimum finds
// nobody above it; the quarter used to drop it without a word, so "at least 30 % 良好" read as held
// in every team. Now `yardstick rollup` warns at the quota's `min`, and the result is unchanged.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLLUP_MONTHLY as MONTHLY } from '../builders.js';
import { yardstick } from '../yardstick.js';

const QUARTERLY = `policy: quarterly
title: 季度评优
version: 1.0.0
effective_from: 2026-Q3
rollup: { of: monthly, period: quarter, min_months: 2 }
facts:
  avg_score: { average: score, title: 季均得分 }
score: avg_score
grades:
  - { grade: 优秀, min: 90 }
  - { grade: 良好, min: 75 }
  - { grade: 合格, min: 0 }
calibration:
  within: team
  quotas:
    良好: { min: 0.3 }
    合格: { min: 0.3 }
  small_teams: round_up
`;

let dir: string;
let ledger: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-rollup-minimum-'));
  ledger = join(dir, 'ledger.db');
  writeFileSync(join(dir, 'monthly.yaml'), MONTHLY);
  writeFileSync(join(dir, 'quarterly.yaml'), QUARTERLY);
  // 一组: S1 alone; 二组: P1 and P2. Two months each (min_months: 2)
  for (const [period, s1, p1, p2] of [
    ['2026-07', 96, 94, 92],
    ['2026-08', 94, 92, 90],
  ] as const) {
    const file = join(dir, `${period}.csv`);
    writeFileSync(
      file,
      `工号,姓名,岗位,团队,阶段,月份,评分\nS1,甲,员工,一组,常规,${period},${s1}\nP1,乙,员工,二组,常规,${period},${p1}\nP2,丙,员工,二组,常规,${period},${p2}\n`,
    );
    const r = await yardstick('run', join(dir, 'monthly.yaml'), '--data', file, '--record', '--ledger', ledger);
    expect(r.code).toBe(0);
  }
});

describe('a roll-up minimum a team cannot be given', () => {
  // averages: S1 (96 + 94) / 2 = 95, P1 93, P2 91 — all 优秀. 一组 (1 person): 合格 min 0.3 × 1 →
  // 1 (round_up) takes S1; 良好 min → 1, nobody left above 良好: unmet. 二组 (2): 合格 takes P2
  // (the lower-ranked), 良好 takes P1: both met.
  it('is said at the quota’s `min`, once, and the calibrated grades are as the rules give them', async () => {
    const r = await yardstick(
      'rollup',
      join(dir, 'quarterly.yaml'),
      '--ledger',
      ledger,
      '--period',
      '2026-Q3',
      '--lang',
      'en',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const cards = (JSON.parse(r.stdout) as { cards: { employee_id: string; calibration?: { calibrated: string } }[] })
      .cards;
    expect(Object.fromEntries(cards.map((c) => [c.employee_id, c.calibration?.calibrated]))).toEqual({
      P1: '良好',
      P2: '合格',
      S1: '合格',
    });
    // `    良好: { min: 0.3 }` is line 16 of quarterly.yaml; `    良好: { min: ` is 15 characters,
    // so `0.3` begins at column 16
    // the JSON carries it too, as a month's JSON carries its warnings
    expect(
      (
        JSON.parse(r.stdout) as { warnings?: { code: string; span?: { line: number; column: number } }[] }
      ).warnings?.map((w) => [w.code, w.span?.line, w.span?.column]),
    ).toEqual([['eval_calibration_min_unmet', 16, 16]]);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('eval_calibration_min_unmet'));
    expect(warnings).toEqual([
      `${join(dir, 'quarterly.yaml')}:16:16: warning[eval_calibration_min_unmet]: forced distribution of 2026-Q3: team \`一组\` (1 ranked) needs at least 1 at \`良好\` (min 30%) but can place only 0 there: this minimum is not met`,
    ]);
  });
});
