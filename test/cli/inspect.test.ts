// `yardstick data inspect`: how a file's columns map to the policy, and every unusable cell.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../node/cli/main.js';

/** The command as a user runs it: Chinese unless `--lang en`. */
async function yardstickAsIs(...argv: string[]) {
  let stdout = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: () => {} });
  return { code, stdout };
}

const yardstick = (...argv: string[]) => yardstickAsIs(...argv, '--lang', 'en');

describe('yardstick data inspect', () => {
  it("shows each column's meaning, join keys and renames in a data mapping, and every unusable cell", async () => {
    const r = await yardstick(
      'data',
      'inspect',
      'examples/exports-2026-10/month.data.yaml',
      '--policy',
      'policies/short-video-team.yaml',
    );
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('      抖音账号 → (join key)');
    expect(lines).toContain('      账号名称 → (join key)');
    expect(lines).toContain('      作品播放量 → plays · 播放量 · count (as `播放量`)');
    expect(lines).toContain('      粉丝增长率 → follower_growth_rate · 粉丝增长率 · ratio');
    expect(lines).toContain('  required columns missing: none');
    expect(lines).toContain('  cells and rows that cannot be used (2):');
    expect(lines).toContain('    创作者后台导出.csv row 56, column 发布视频数, value `12..5`: `12..5` is not a number');
    expect(lines).toContain(
      '    创作者后台导出.csv row 14, column 完播率, value ``: missing `完播率` (completion_rate) for role `编导`',
    );
    expect(lines).toContain('  records: 198 can be scored, 2 cannot');
  });

  it('the wrong policy for a file: unused columns and rows whose role the policy does not have', async () => {
    const r = await yardstick(
      'data',
      'inspect',
      'examples/livestream-2026-10.csv',
      '--policy',
      'policies/short-video-team.yaml',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('      直播间GMV → (unused)');
    expect(r.stdout).toContain(
      '    examples/livestream-2026-10.csv row 2, column 岗位, value `主播`: unknown role `主播`',
    );
    expect(r.stdout).toContain('  records: 0 can be scored, 60 cannot');
  });

  it('names a data mapping of the wrong shape once, with its help indented under it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yardstick-inspect-')), 'month.data.yaml');
    writeFileSync(file, 'roster: { file: 花名册.xlsx }\nsources: 导出.csv\n');
    const r = await yardstick('data', 'inspect', file, '--policy', 'policies/short-video-team.yaml');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.includes('data_mapping_shape'))).toEqual([
      `    ${file}:2:10: error[data_mapping_shape]: \`sources\` must be a list of files, not \`导出.csv\``,
    ]);
    expect(lines[lines.findIndex((l) => l.includes('data_mapping_shape')) + 1]).toMatch(
      /^ {6}help: a data mapping has/,
    );
  });

  it('stops at a file it cannot read: no "required columns missing: none", no "0 records can be scored"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-inspect-'));
    const mapping = join(dir, 'month.data.yaml');
    writeFileSync(mapping, 'sources:\n  - file: 导出.csv\n');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const r = await yardstick('data', 'inspect', mapping, empty, '--policy', 'policies/short-video-team.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      mapping,
      '  columns:',
      `    ${mapping}:1:1: error[data_mapping_shape]: the mapping has no \`roster: { file: … }\``,
      expect.stringMatching(/^ {6}help: a data mapping has/),
      '  not read: required columns, cells and records were not checked',
      empty,
      '  columns:',
      `    ${empty}:1: error[data_empty]: the file has no header row`,
      '      help: the first row must name the columns, e.g. 工号,姓名,岗位,团队,阶段,月份,…',
      '  not read: required columns, cells and records were not checked',
      '',
    ]);
    const zh = await yardstickAsIs('data', 'inspect', empty, '--policy', 'policies/short-video-team.yaml');
    expect(zh.stdout.split('\n').slice(-2)).toEqual(['  无法读取，未检查必需列、单元格和记录', '']);
  });

  it('names the required columns a file lacks for the roles it has', async () => {
    const r = await yardstick(
      'data',
      'inspect',
      'test/cli/fixtures/no-completion.csv',
      '--policy',
      'policies/short-video-team.yaml',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '  required columns missing: \n    the file has no column for `完播率` (completion_rate), which 编导 need',
    );
  });

  it('speaks Chinese by default: the labels, the cells and the reasons', async () => {
    const r = await yardstickAsIs(
      'data',
      'inspect',
      'examples/exports-2026-10/month.data.yaml',
      '--policy',
      'policies/short-video-team.yaml',
    );
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('  列：');
    expect(lines).toContain('      抖音账号 → （关联键）');
    expect(lines).toContain('      作品播放量 → plays · 播放量 · count（按 `播放量`）');
    expect(lines).toContain('  缺少的必需列：无');
    expect(lines).toContain('  无法使用的单元格和行（2）：');
    // the place in the report's words, then the catalogue's Chinese reason
    expect(
      lines.filter((l) => l.startsWith('    创作者后台导出.csv 第 56 行，列 发布视频数，值 `12..5`：')),
    ).toHaveLength(1);
    expect(lines.find((l) => l.includes('第 56 行'))).toMatch(/`12\.\.5` 不是数字$/);
    expect(lines).toContain('  记录：198 条可以计算，2 条不能');
    expect(r.stdout).not.toContain('records:');
  });
});
