// A hurried analyst's month: one livestream team whose stage is written by id and by title, its
// name typed with a trailing space and once as 直播1组, a full-width id with a trailing space, the
// month written four ways, money as `1.2万` and `"150,000"`, a ratio column holding `40%` and
// `0.453` side by side, `--` and `-` for empty cells, and the export's 合计 row at the bottom.
// Every cell is read the one documented way (docs/policy-language.md, Data files), and a deduction
// larger than the score leaves the score at 0, never below.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../../yardstick.js';

const POLICY = `policy: stage-weights
title: 直播间月度绩效
version: 1.0.0
metrics:
  gmv: { label: GMV, unit: money }
  conv: { label: 转化率, unit: ratio }
  videos: { label: 视频数, unit: count }
  fines: { label: 违规次数, unit: count, default: 0, default_when_missing_column: true }
stages:
  startup: { title: 初创期 }
  mature: { title: 成熟期 }
roles:
  staff:
    title: 员工
    pay_base: 5000
    indicators:
      sales: { metric: gmv, threshold: 100000, target: 200000, weight: { startup: 30, mature: 70 } }
      conv: { metric: conv, threshold: 0.3, target: 0.5, weight: { startup: 70, mature: 30 } }
adjustments:
  fine:
    title: 违规扣分
    when: { fact: fines, operator: greaterThan, value: 0 }
    points: { per: fines, amount: -30 }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

// 视频数 is read by no rule, so E4's `-` in it is nobody's business.
const CSV = `工号,姓名,岗位,团队,阶段,月份,GMV,转化率,视频数,违规次数
Ｅ１ ,甲,员工,直播一组,初创期,2026年10月,"150,000",40%,3,0
E2,乙,staff,直播一组 ,成熟期,2026-10,1.2万,0.453,2,--
E3,丙,员工,直播1组,mature,202610,200000,50%,1,4
E4,丁,员工,直播一组,startup,2026/10,"¥1,234.5",45.3%,-,1
合计,,,,,,"352,234.5",,,
`;

function files(): { policy: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-hand16-'));
  const policy = join(dir, 'p.yaml');
  const data = join(dir, 'month.csv');
  writeFileSync(policy, POLICY);
  writeFileSync(data, CSV);
  return { policy, data };
}

type Card = {
  employee_id: string;
  team: string;
  stage: string;
  score: number;
  grade: string;
  payout: { total: number };
};

describe('a month with stage weights and an export typed by hand', () => {
  it('scores each person with their stage weights, reading every messy cell one way', async () => {
    const { policy, data } = files();
    const r = await yardstick('run', policy, '--data', data, '--format', 'json', '--lang', 'en');
    expect(r.code).toBe(0);
    const cards = (JSON.parse(r.stdout) as { scorecards: Card[] }).scorecards;
    // Linear between threshold (60 points) and target (100 points).
    // E1 (Ｅ１ → E1), 初创期: GMV "150,000" → 60 + 40 × 50,000/100,000 = 80 × 30 % = 24;
    //     转化率 40% = 0.4 → 60 + 40 × 0.1/0.2 = 80 × 70 % = 56; 违规 0 → score 80 → A; 5,000 × 0.8 = ¥4,000.00
    // E2, 成熟期: GMV 1.2万 = 12,000 < 100,000 → 0; 转化率 0.453 → 60 + 40 × 0.153/0.2 = 90.6 × 30 % = 27.18;
    //     违规 `--` is empty → default 0 → score 27.18 → C; 5,000 × 0.2718 = ¥1,359.00
    // E3, mature (the id): GMV 200,000 = target → 100 × 70 % = 70; 50% = target → 100 × 30 % = 30; base 100;
    //     违规 4 × −30 = −120 → 100 − 120 = −20 → never below 0 → 0 → C; ¥0.00
    // E4, startup: GMV ¥1,234.5 → 0; 45.3% → 90.6 × 70 % = 63.42; 违规 1 × −30 → 33.42 → C; 5,000 × 0.3342 = ¥1,671.00
    // The JSON names the stage by its id however the cell wrote it, and gives money in yuan.
    expect(cards.map((c) => [c.employee_id, c.stage, c.score, c.grade, c.payout.total])).toEqual([
      ['E1', 'startup', 80, 'A', 4000],
      ['E2', 'mature', 27.18, 'C', 1359],
      ['E3', 'mature', 0, 'C', 0],
      ['E4', 'startup', 33.42, 'C', 1671],
    ]);
  });

  it('keeps 直播一组 with a trailing space as 直播一组, 直播1组 apart with a warning, and skips the 合计 row', async () => {
    const { policy, data } = files();
    const r = await yardstick('run', policy, '--data', data, '--format', 'json', '--lang', 'en');
    const cards = (JSON.parse(r.stdout) as { scorecards: Card[] }).scorecards;
    expect(cards.map((c) => c.team)).toEqual(['直播一组', '直播一组', '直播1组', '直播一组']);
    expect(r.stderr).toContain(
      `${data}:6: warning[data_totals_row]: row 6 is a totals row (\`合计\`), not an employee, and is skipped`,
    );
    expect(r.stderr).toContain(
      `${data}:4: warning[data_similar_teams]: teams \`直播1组\` and \`直播一组\` look like one team written two ways, but are counted as two teams`,
    );
  });

  it('totals the month as the sum of the people, to the fen', async () => {
    const { policy, data } = files();
    const r = await yardstick('run', policy, '--data', data, '--lang', 'en');
    // 4,000.00 + 1,359.00 + 0.00 + 1,671.00 = 7,030.00; the 合计 row's 352,234.5 is no one's
    expect(r.stdout).toContain('payout total: ¥7,030.00 (payable ¥7,030.00, held ¥0.00 for 0 employee(s))');
    expect(r.stdout).toContain('grades: A 1 · B 0 · C 3');
  });
});
