// Months recorded one after another into a results ledger, as HR runs them: `yardstick run POLICY
// --data MONTH.csv --record`, each month with the recorded ones before it as its history. The
// scenarios in this folder are written from docs/policy-language.md and docs/ledger.md alone, every
// month's outcome worked out by hand in a comment.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { yardstick } from '../../yardstick.js';

/** What a test reads of one person's recorded month. */
export interface Seen {
  score: number;
  grade: string;
  calibrated?: string;
  triggers: string[];
  plan?: string;
  pay: number;
}

interface Card {
  employee_id: string;
  score: number;
  grade: string;
  calibration?: { calibrated: string };
  triggers: { id: string }[];
  plan?: { status: string; opened: string; window_ends: string };
  payout: { total: number };
}

/** A folder with the policy and an empty ledger; `record` runs and records one month's CSV. */
export function months(policy: string) {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-months-'));
  const policyFile = join(dir, 'policy.yaml');
  const ledger = join(dir, 'ledger.db');
  writeFileSync(policyFile, policy);
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  return {
    dir,
    ledger,
    policyFile,
    file,
    /** Records the month; each person's result as `Seen`, by id. Throws with the command's stderr when it fails. */
    async record(period: string, csv: string, ...more: string[]): Promise<Record<string, Seen>> {
      const r = await yardstick(
        'run',
        policyFile,
        '--data',
        file(`${period}.csv`, csv),
        '--record',
        '--ledger',
        ledger,
        '--format',
        'json',
        ...more,
      );
      if (r.code !== 0) throw new Error(`${period}: exit ${r.code}\n${r.stderr}`);
      return seen(JSON.parse(r.stdout).scorecards as Card[]);
    },
    /** The command run in this folder, as a user types it. */
    yardstick: (...argv: string[]) => yardstick(...argv),
  };
}

export function seen(cards: Card[]): Record<string, Seen> {
  return Object.fromEntries(
    cards.map((c) => [
      c.employee_id,
      {
        score: c.score,
        grade: c.grade,
        ...(c.calibration ? { calibrated: c.calibration.calibrated } : {}),
        triggers: c.triggers.map((t) => t.id),
        ...(c.plan ? { plan: `${c.plan.status} ${c.plan.opened}–${c.plan.window_ends}` } : {}),
        pay: c.payout.total,
      },
    ]),
  );
}

/** A month's CSV: 工号,姓名,岗位,团队,阶段,月份,评分 — each row `[id, team, rating]` in role `staff`, stage `s`. */
export function ratings(period: string, rows: [string, string, number | string][]): string {
  return `工号,姓名,岗位,团队,阶段,月份,评分\n${rows.map(([id, team, r]) => `${id},某${id},staff,${team},s,${period},${r}`).join('\n')}\n`;
}
