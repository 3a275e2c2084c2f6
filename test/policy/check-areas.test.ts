// Semantic checks by area (engine/language/check/): derived metrics' dependency cycles, and the
// best reachable score when a steps indicator has no steps (checkPolicy called without the schema,
// as a caller holding a PolicyDoc may).

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { checkPolicy } from '../../engine/language/check.js';
import { yamlValue } from '../../engine/language/limits.js';
import { parsePolicyText } from '../../engine/language/parse.js';
import type { PolicyDoc } from '../../engine/model/policy.js';

/** Line numbers are in the comments: tests point at them. */
const POLICY = `policy: areas
title: 分区检查
version: 1.0.0
metrics:
  videos: { label: 发布视频数, unit: count }
  rate: { label: 完播率, unit: ratio }
derived:
  per_video: rate / videos
stages:
  s: { title: 阶段 }
roles:
  r:
    title: 岗位
    pay_base: 1000
    indicators:
      output: { metric: videos, scoring: steps, steps: [ { min: 10, points: 100 } ], weight: 60 }
      completion: { metric: rate, threshold: 0.3, target: 0.4, weight: 40 }
grades:
  - { grade: A, min: 50 }
  - { grade: B, min: 0 }
payout:
  performance_pay: pay_base * attainment
  rounding: { to: 0.01, mode: half_up }
`;

const at = (text: string) =>
  loadPolicy(text, 'areas.yaml').diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    at: `${d.span?.line}:${d.span?.column}`,
  }));

describe('role and stage names', () => {
  // a data cell names a role or a stage by id or title, ignoring width, invisible characters and case
  it('a stage titled `S` beside the stage `s` is refused: the data cell `s` would pick one of them silently', () => {
    const text = POLICY.replace('  s: { title: 阶段 }\n', '  s: { title: 阶段 }\n  t: { title: S }\n');
    expect(at(text)).toEqual([
      {
        code: 'policy_ambiguous_name',
        severity: 'error',
        message: 'stage name `S` is used by both `s` and `t`',
        at: '11:15',
      },
    ]);
  });

  it('two roles titled 岗位 and Ｒ beside the role id r, or 岗位 with a zero-width space, are refused at the second spelling', () => {
    const second = (title: string) =>
      POLICY.replace(
        'grades:',
        `  r2: { title: ${title}, pay_base: 1000, indicators: { x: { metric: videos, scoring: steps, steps: [ { min: 10, points: 100 } ], weight: 100 } } }\ngrades:`,
      );
    expect(at(second('Ｒ')).map((d) => [d.code, d.message, d.at])).toEqual([
      ['policy_ambiguous_name', 'role name `Ｒ` is used by both `r` and `r2`', '18:16'],
    ]);
    expect(at(second('"岗位\\u200b"')).map((d) => [d.code, d.message, d.at])).toEqual([
      ['policy_ambiguous_name', 'role name `岗位\u200b` is used by both `r` and `r2`', '18:16'],
    ]);
  });
});

describe('column names', () => {
  // the data reader matches a header to a record field first, then to the first metric with that id,
  // label or alias: any other owner of the name would never be read, or read from the wrong column
  it('a label or alias may not be a record field header (月份) or another metric id (videos, in any width or case)', () => {
    const text = POLICY.replace(
      '  rate: { label: 完播率, unit: ratio }',
      '  rate: { label: 完播率, unit: ratio, aliases: [ 月份, ＶＩＤＥＯＳ ] }',
    );
    expect(at(text).map((d) => [d.code, d.message, d.at])).toEqual([
      ['policy_duplicate_label', 'column name `月份` is used by both `period` and `rate`', '6:47'],
      ['policy_duplicate_label', 'column name `ＶＩＤＥＯＳ` is used by both `videos` and `rate`', '6:51'],
    ]);
  });
});

describe('derived metrics', () => {
  it('a cycle through other derived metrics is reported once, at the metric it was found from', () => {
    const text = POLICY.replace(
      '  per_video: rate / videos\n',
      '  per_video: rate / ratio\n  ratio: share * 2\n  share: per_video + 1\n',
    );
    expect(at(text)).toEqual([
      {
        code: 'policy_derived_cycle',
        severity: 'error',
        message: 'derived metrics depend on each other in a cycle: per_video → ratio → share → per_video',
        at: '8:14',
      },
    ]);
  });

  it('an unknown name and a cycle in the same derived metric are both reported', () => {
    const text = POLICY.replace(
      '  per_video: rate / videos\n',
      '  per_video: rate / plays + again\n  again: per_video\n',
    );
    expect(at(text)).toEqual([
      {
        code: 'policy_derived_cycle',
        severity: 'error',
        message: 'derived metrics depend on each other in a cycle: per_video → again → per_video',
        at: '8:14',
      },
      {
        code: 'policy_unknown_metric',
        severity: 'error',
        message: 'unknown metric `plays` in derived metric `per_video`',
        at: '8:14',
      },
    ]);
  });
});

describe('the best reachable score', () => {
  function check(text: string) {
    const { source } = parsePolicyText(text, 'areas.yaml');
    const read = yamlValue(source.doc, source.lines, 'areas.yaml');
    if (!read.ok) throw new Error('unreadable');
    return checkPolicy(source, read.value as PolicyDoc).map((d) => ({
      code: d.code,
      message: d.message,
      at: `${d.span?.line}:${d.span?.column}`,
    }));
  }

  it('with steps, a steps indicator counts its best step: 100 × 60% + 120 × 40% = 108 reaches grade A', () => {
    expect(check(POLICY)).toEqual([]);
  });

  it('a steps indicator with no steps scores 0 (nothing matches): 0 × 60% + 120 × 40% = 48, so grade A (50) is out of reach', () => {
    expect(check(POLICY.replace('steps: [ { min: 10, points: 100 } ]', 'steps: []'))).toEqual([
      {
        code: 'policy_grade_unreachable',
        message: 'grade `A` needs 50 points but no employee can score more than 48',
        at: '19:22',
      },
    ]);
  });
});
