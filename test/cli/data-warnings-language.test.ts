// The README says which messages follow `--lang` (Chinese by default): besides the error that stops
// a command, the data warnings and the reasons a record is excluded that `run` prints. (The README
// used to say these were still in English.)

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { yardstickAsIs } from '../yardstick.js';

let data: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-warn-lang-'));
  data = join(dir, 'd.csv');
  // E1's 完播率 is not a number; E2 is scored
  writeFileSync(
    data,
    '工号,姓名,岗位,团队,阶段,月份,发布视频数,完播率,上级评分,单条最高播放\n' +
      'E1,林小雨,编导,短视频一组,初创期,2026-10,28,abc,85,1\n' +
      'E2,林晓,编导,短视频一组,初创期,2026-10,28,0.5,85,1\n',
  );
});

describe('run --exclude-invalid says why a record is left out in the user’s language', () => {
  it('in Chinese by default', async () => {
    const r = await yardstickAsIs('run', 'docs/worked-example.yaml', '--data', data, '--exclude-invalid');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `注意：1 条记录有数据问题，未计入结果和合计：\n${data}:2: error[data_not_a_number]: 无法读取的值：\`abc\` 不是数字\n  位置：第 2 行，列 \`完播率\`，值 \`abc\``,
    );
  });

  it('in English with --lang en', async () => {
    const r = await yardstickAsIs(
      'run',
      'docs/worked-example.yaml',
      '--data',
      data,
      '--exclude-invalid',
      '--lang',
      'en',
    );
    expect(r.stderr).toContain(
      `${data}:2: error[data_not_a_number]: \`abc\` is not a number\n  at row 2, column \`完播率\`, value \`abc\``,
    );
  });
});
