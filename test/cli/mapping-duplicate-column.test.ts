// Two sources of a data mapping that both give one metric: the run cannot tell which to use. The
// refusal names both files and sits at the second source's header, not at the roster's.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

function month(second: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-dupcol-'));
  writeFileSync(join(dir, 'roster.csv'), '工号,姓名,岗位,团队,阶段\nE1,林小雨,编导,短视频一组,初创期\n');
  writeFileSync(join(dir, 'plays.csv'), '工号,发布视频数,完播率,上级评分,单条最高播放\nE1,28,43.7%,85,1250000\n');
  writeFileSync(join(dir, 'review.csv'), second);
  const mapping = join(dir, 'month.data.yaml');
  writeFileSync(
    mapping,
    'period: 2026-10\nroster: { file: roster.csv }\nsources:\n  - file: plays.csv\n  - file: review.csv\n',
  );
  return mapping;
}

describe('a metric given by two sources of a mapping', () => {
  it('is refused at the second source, naming both files (before: at roster.csv, which has no such column)', async () => {
    const r = await yardstick('run', 'docs/worked-example.yaml', '--data', month('工号,完播率\nE1,50%\n'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'review.csv:1: error[data_duplicate_column]: column `完播率` of `plays.csv` and column `完播率` of `review.csv` both mean `completion_rate`\n' +
        '  at row 1, column `完播率`\n' +
        '  help: keep the column in one of the files, or map one of them to another metric with `columns:` in the data mapping',
    );
  });

  it("under another name (an alias) likewise, with each file's own header", async () => {
    // 完播率 is the label; `completion_rate` the metric id, which the reader also takes as a header
    const r = await yardstick('run', 'docs/worked-example.yaml', '--data', month('工号,completion_rate\nE1,50%\n'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'column `完播率` of `plays.csv` and column `completion_rate` of `review.csv` both mean `completion_rate`',
    );
  });

  it('two columns of one source, one mapped to the metric by `columns:`, are named as the file names them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-dupcol-'));
    writeFileSync(join(dir, 'roster.csv'), '工号,姓名,岗位,团队,阶段\nE1,林小雨,编导,短视频一组,初创期\n');
    writeFileSync(join(dir, 'export.csv'), '工号,作品完播率,完播率,上级评分\nE1,43.7%,50%,85\n');
    const mapping = join(dir, 'month.data.yaml');
    writeFileSync(
      mapping,
      'period: 2026-10\nroster: { file: roster.csv }\nsources:\n  - file: export.csv\n    columns: { 作品完播率: 完播率 }\n',
    );
    const r = await yardstick('run', 'docs/worked-example.yaml', '--data', mapping, '--lang', 'en');
    expect(r.code).toBe(1);
    // before: "columns `完播率` and `完播率`", the mapping's target twice
    expect(r.stderr).toContain(
      'export.csv:1: error[data_duplicate_column]: columns `作品完播率` and `完播率` both mean `completion_rate`',
    );
  });
});

// `data inspect` and `run` warned of an export's (or an event source's) column that matches no metric
// at the roster's header, `roster.csv:1`, a file without such a column
describe('a column of a source that matches no metric', () => {
  it('is warned of at its own file and header, not at the roster', async () => {
    const r = await yardstick(
      'run',
      'docs/worked-example.yaml',
      '--data',
      month('工号,备注分\nE1,3\n'),
      '--lang',
      'en',
    );
    expect(r.stderr).toContain(
      'review.csv:1: warning[data_unknown_column]: column `备注分` matches no metric and is ignored\n  at row 1, column `备注分`',
    );
    expect(r.stderr).not.toContain('roster.csv:1: warning[data_unknown_column]');
  });
});
