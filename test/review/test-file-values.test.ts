// A policy test file's case is refused where it could test another employee than the one written:
// a metric `1e400` is named as written (it was `null`, JSON's word for Infinity), and a `history`
// grade the policy does not have (`Z`), which every history fact would silently read as "not C".

import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const METRICS =
  'follower_growth_rate: 0.2, viral_videos: 3, videos_published: 20, leads: 60, profile_visits: 2000, plays: 500000, likes: 10000, max_video_plays: 300000';

function policyWithTests(tests: string): { policy: string; tests: string } {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-cases-'));
  const policy = join(dir, 'p.yaml');
  copyFileSync('policies/short-video-team.yaml', policy);
  writeFileSync(join(dir, 'p.test.yaml'), tests);
  return { policy, tests: join(dir, 'p.test.yaml') };
}

describe('values of a test case', () => {
  it('a metric written 1e400 is named as written, at its line and column', async () => {
    const { policy, tests } = policyWithTests(
      'cases:\n  - name: x\n    record: { employee_id: T1, role: ops_manager, stage: startup, metrics: { follower_growth_rate: 1e400 } }\n    expect: { score: 1 }\n',
    );
    const r = await yardstick('test', policy);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(
      `${tests}:3:100: case \`x\`: \`follower_growth_rate\` is \`1e400\`, not a number`,
    );
  });

  it('a history grade the policy does not have is refused at it (test and validate); A+ and C are grades', async () => {
    const { policy, tests } = policyWithTests(
      `cases:\n  - name: x\n    record: { employee_id: T1, role: ops_manager, stage: startup, metrics: { ${METRICS} } }\n    history: [A+, Z]\n    expect: { score: 107.5 }\n`,
    );
    const message = `${tests}:4:19: case \`x\`: \`history\` gives \`Z\`, which is not a grade of the policy (its grades: A+, A, B, C)`;
    const r = await yardstick('test', policy);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(message);
    const v = await yardstick('validate', tests);
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toContain(message);
    // the same case with grades the policy has: 110 × 40% + 110 × 35% + 100 × 25% = 107.5
    writeFileSync(
      tests,
      `cases:\n  - name: x\n    record: { employee_id: T1, role: ops_manager, stage: startup, metrics: { ${METRICS} } }\n    history: [A+, C]\n    expect: { score: 107.5 }\n`,
    );
    const ok = await yardstick('test', policy);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('1 passed, 0 failed');
  });
});

describe('a case that could never test what it says', () => {
  const record = `record: { employee_id: T1, role: ops_manager, stage: startup, metrics: { ${METRICS} } }`;

  it('an expected tier, hold or trigger the policy does not have is refused at it, naming those it has', async () => {
    const { policy, tests } = policyWithTests(
      `cases:\n  - name: tier\n    ${record}\n    expect: { tier: platinum }\n  - name: hold\n    ${record}\n    expect: { holds: [suspected_fake_traffic, fake] }\n  - name: trigger\n    ${record}\n    expect: { triggers: [pip] }\n`,
    );
    const r = await yardstick('test', policy, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${tests}:4:21: case \`tier\`: \`tier\` is \`platinum\`, which is not a tier of the policy (its tiers: gold, silver, bronze)`,
    );
    expect(r.stdout).toContain(
      `${tests}:7:47: case \`hold\`: \`holds\` gives \`fake\`, which is not a hold of the policy (its holds: suspected_fake_traffic)`,
    );
    expect(r.stdout).toContain(
      `${tests}:10:26: case \`trigger\`: \`triggers\` gives \`pip\`, which is not a trigger of the policy (its triggers: improvement_plan, exit_review, promotion_candidate, viral_support)`,
    );
    expect(r.stdout).toContain('0 passed, 3 failed');
  });

  it('`expect: {}` is refused: it passes whatever the policy does', async () => {
    const { policy, tests } = policyWithTests(`cases:\n  - name: empty\n    ${record}\n    expect: {}\n`);
    const r = await yardstick('test', policy, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${tests}:4:13: case \`empty\`: \`expect\` names nothing to check: give at least one of score, grade, payout, status, tier, holds, triggers`,
    );
  });

  it('a metric outside its range is refused, as a data file’s cell would be (a ratio from 0 to 1 unless the policy says)', async () => {
    const { policy, tests } = policyWithTests(
      `cases:\n  - name: growth\n    record: { employee_id: T1, role: ops_manager, stage: startup, metrics: { follower_growth_rate: 1.5 } }\n    expect: { score: 1 }\n  - name: completion\n    record: { employee_id: T2, role: director, stage: startup, metrics: { completion_rate: 45.3 } }\n    expect: { score: 1 }\n`,
    );
    const r = await yardstick('test', policy, '--lang', 'en');
    expect(r.code).toBe(1);
    // 粉丝增长率 declares range [-1, 1]; 完播率 is a ratio without one: 0 to 1
    expect(r.stdout).toContain(
      `${tests}:3:100: case \`growth\`: \`follower_growth_rate\` is \`1.5\`, outside its range -1 to 1: a data file's cell of it would be refused`,
    );
    expect(r.stdout).toContain(
      `${tests}:6:92: case \`completion\`: \`completion_rate\` is \`45.3\`, outside its range 0 to 1: a data file's cell of it would be refused`,
    );
  });

  it('two cases of one name are refused at the second: the report names cases', async () => {
    const { policy, tests } = policyWithTests(
      `cases:\n  - name: same\n    ${record}\n    expect: { score: 107.5 }\n  - name: same\n    ${record}\n    expect: { score: 107.5 }\n`,
    );
    const r = await yardstick('test', policy, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${tests}:5:11: case \`same\`: another case before it is named \`same\`: give each case its own name`,
    );
    expect(r.stdout).toContain('1 passed, 1 failed');
  });
});

describe('gaps closed after the first version', () => {
  const record = `record: { employee_id: T1, role: ops_manager, stage: startup, metrics: { ${METRICS} } }`;

  it('`expect: []` is refused as checking nothing; an unnamed case is no second `case 2`; a metric of more digits than a double keeps is refused', async () => {
    const { policy, tests } = policyWithTests(
      `cases:\n  - name: list\n    ${record}\n    expect: []\n  - name: case 3\n    ${record}\n    expect: { score: 107.5 }\n  - ${record}\n    expect: { score: 107.5 }\n  - name: digits\n    record: { employee_id: T1, role: ops_manager, stage: startup, metrics: { follower_growth_rate: 0.14999999999999999 } }\n    expect: { score: 1 }\n`,
    );
    const r = await yardstick('test', policy, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${tests}:4:13: case \`list\`: \`expect\` names nothing to check: give at least one of score, grade, payout, status, tier, holds, triggers`,
    );
    // the third case, unnamed, is called `case 3` in the report and is not refused as a second `case 3`
    expect(r.stdout).not.toContain('another case before it');
    // 0.14999999999999999 is the double 0.15, the target: the case would test another employee
    expect(r.stdout).toContain(
      `${tests}:11:100: case \`digits\`: \`follower_growth_rate\` is written \`0.14999999999999999\`, more digits than a number keeps: it would be read as 0.15`,
    );
    expect(r.stdout).toContain('2 passed, 2 failed');
  });
});
