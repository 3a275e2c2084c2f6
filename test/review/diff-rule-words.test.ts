// A change inside a rule in the reviewer's words (engine/review/diff.ts): a condition as the
// sentence the rule reads, and each part of a trigger's action under its own name. The action's
// `days` read 「动作 30 → 45」 and its `close_when` and a rule's `when` were printed as key paths and
// YAML (`条件 all [{fact: plays, operator: greaterThan, value: 100000}, …]`).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const dir = mkdtempSync(join(tmpdir(), 'yardstick-rule-words-'));
let count = 0;
const changed = (policy: string, edits: [string, string][]) => {
  let text = readFileSync(policy, 'utf8');
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  // one file per change (two changes of one policy must not share a file)
  const file = join(dir, `${++count}-${policy.replace(/\//g, '-')}`);
  writeFileSync(file, text);
  return file;
};
const lines = async (before: string, after: string, lang: 'zh' | 'en') => {
  const r = await yardstick('diff', before, after, '--lang', lang);
  expect(r.code).toBe(0);
  return r.stdout.split('\n').filter((l) => /^ {4}[-+~] /.test(l));
};

describe('a condition changed', () => {
  // the fake-traffic hold: plays > 100,000 and like rate < 0.5 %, the plays raised to 120,000
  const POLICY = 'policies/short-video-team.yaml';
  const after = changed(POLICY, [
    [
      '- { fact: plays, operator: greaterThan, value: 100000 }',
      '- { fact: plays, operator: greaterThan, value: 120000 }',
    ],
  ]);
  it('reads as the rule’s sentence before and after', async () => {
    expect(await lines(POLICY, after, 'zh')).toEqual([
      '    ~ 疑似刷量 · 条件 播放量 > 100,000 且 点赞率 < 0.5% → 播放量 > 120,000 且 点赞率 < 0.5%',
    ]);
    expect(await lines(POLICY, after, 'en')).toEqual([
      '    ~ 疑似刷量 · condition 播放量 > 100,000 and 点赞率 < 0.5% → 播放量 > 120,000 and 点赞率 < 0.5%',
    ]);
  });
});

describe('a trigger’s action changed', () => {
  const POLICY = 'policies/livestream-team.yaml';
  const after = changed(POLICY, [
    ['      days: 30\n      training: true\n', '      days: 45\n      training: false\n'],
    ['      note: 强制培训并进入一个月改进期', '      note: 进入六周改进期'],
    [
      '      close_when: { all: [ { fact: attainment, operator: greaterThanInclusive, value: 0.9 } ] }',
      '      close_when: { all: [ { fact: attainment, operator: greaterThanInclusive, value: 0.95 } ] }',
    ],
    ['      extensions: 0', '      extensions: 1'],
  ]);
  it('names each part: the days, training, the note, when the plan closes, the extensions', async () => {
    expect(await lines(POLICY, after, 'zh')).toEqual([
      '    ~ 绩效改进计划(PIP) · 期限（天） 30 → 45',
      '    ~ 绩效改进计划(PIP) · 需培训 是 → 否',
      '    ~ 绩效改进计划(PIP) · 说明 强制培训并进入一个月改进期 → 进入六周改进期',
      '    ~ 绩效改进计划(PIP) · 达标条件 达成率 ≥ 0.9 → 达成率 ≥ 0.95',
      '    ~ 绩效改进计划(PIP) · 可延长次数 0 → 1',
    ]);
    expect(await lines(POLICY, after, 'en')).toEqual([
      '    ~ 绩效改进计划(PIP) · days 30 → 45',
      '    ~ 绩效改进计划(PIP) · training yes → no',
      '    ~ 绩效改进计划(PIP) · note 强制培训并进入一个月改进期 → 进入六周改进期',
      '    ~ 绩效改进计划(PIP) · closes when attainment ≥ 0.9 → attainment ≥ 0.95',
      '    ~ 绩效改进计划(PIP) · extensions 0 → 1',
    ]);
  });
});

describe('forced distribution changed', () => {
  const POLICY = 'policies/livestream-team.yaml';
  const after = changed(POLICY, [
    ['  within: team', '  within: all'],
    ['    A+: { max: 0.1 }', '    A+: { max: 0.15 }\n    A: { min: 0.2, max: 0.5 }'],
    ['  small_teams: round_down', '  small_teams: round_up'],
  ]);
  it('says the quotas in percent, the cohort and the rounding in words', async () => {
    expect(await lines(POLICY, after, 'zh')).toEqual([
      '    ~ 强制分布 范围 按团队 → 全体一起',
      '    ~ 强制分布 A+ 至多 10% → 15%',
      '    + 强制分布 A — → 至少 20%，至多 50%',
      '    ~ 强制分布 小团队人数取整 向下取整 → 向上取整',
    ]);
    expect(await lines(POLICY, after, 'en')).toEqual([
      '    ~ forced distribution within each team → everyone together',
      '    ~ forced distribution A+ at most 10% → 15%',
      '    + forced distribution A — → at least 20%, at most 50%',
      '    ~ forced distribution small teams round down → round up',
    ]);
  });
});
