// A refused `--period` (run, explain) or mapping `period:` is said in the user's language: Chinese
// by default (README, "Every command takes --lang zh|en"), the reason and the help included. The
// reason used to stay English inside the Chinese sentence: 「--period 无法读取（`2026-10-15` is a day,
// not a month）」 with an English 提示.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { yardstickAsIs } from '../yardstick.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-period-lang-'));
  writeFileSync(join(dir, 'd.csv'), '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,员工,一组,常规,2026-10,80\n');
  writeFileSync(join(dir, 'm.data.yaml'), 'period: 2026-10-15\nroster: { file: d.csv }\nsources: []\n');
});

const DAY_ZH =
  '`2026-10-15` 是某一天，不是月份）\n  提示：请把数据所属的月份写成 YYYY-MM，如 2026-10：1 日以外的日期（导出日期或发放日期）不会读作该月';

describe('a refused period in Chinese, the default', () => {
  it('run --period 2026-10-15: exit 2, the reason and the help in Chinese', async () => {
    const r = await yardstickAsIs(
      'run',
      'docs/worked-example.yaml',
      '--data',
      join(dir, 'd.csv'),
      '--period',
      '2026-10-15',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: --period 无法读取（${DAY_ZH}`);
  });

  it('explain --period 2026-13: exit 2, month 13 said in Chinese', async () => {
    const r = await yardstickAsIs('explain', '--period', '2026-13', '--employee', 'E1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'error: --period 无法读取（`2026-13` 中的月份 13 不存在：月份只有 1 到 12）\n' +
        '  提示：请把月份写成 YYYY-MM，如 2026-10（2026/10、2026年10月、202610 和 2026-10-01 也都读作该月）',
    );
  });

  it("a data mapping's period: 2026-10-15: exit 1, in Chinese", async () => {
    const mapping = join(dir, 'm.data.yaml');
    const r = await yardstickAsIs('run', 'docs/worked-example.yaml', '--data', mapping);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: ${mapping}：\`period:\` 无法读取（${DAY_ZH}`);
  });

  it('in English with --lang en, as before', async () => {
    const r = await yardstickAsIs(
      'run',
      'docs/worked-example.yaml',
      '--data',
      join(dir, 'd.csv'),
      '--period',
      '2026-10-15',
      '--lang',
      'en',
    );
    expect(r.stderr).toContain(
      'error: --period: `2026-10-15` is a day, not a month\n  help: write the month the data measures as YYYY-MM, e.g. 2026-10: a date other than the 1st (an export or payment date) is not read as its month',
    );
  });
});
