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
