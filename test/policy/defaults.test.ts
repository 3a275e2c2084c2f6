// A metric's `default` stands in for an empty cell, so it must be a value a cell may hold: within
// the metric's `range`, 0 to 1 for a ratio without one, a whole number of 0 or more for a count
// (docs/policy-language.md, metrics). Before, any number was accepted, and an empty cell took it:
// `default: 45` on a completion rate scored an empty cell as 4500 % (120 points, the gold tier),
// while a cell of 45 is refused at its cell (data_out_of_range).

import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { policy, positionOf } from '../builders.js';

/** Every diagnostic of the policy with `metric` added beside the rating: [line:col, code, message, help]. */
function problems(id: string, metric: Record<string, unknown>) {
  const text = policy().metric(id, metric).yaml();
  const at = positionOf(text, ['metrics', id, 'default']);
  const r = loadPolicy(text, 'p.yaml');
  return {
    // the value, after `default: ` (9 characters)
    where: `${at.line}:${at.column + 9}`,
    found: r.diagnostics.map((d) => [`${d.span?.line}:${d.span?.column}`, d.code, d.message, d.help]),
  };
}

const RATIO_HELP =
  'a policy writes a ratio as a fraction, whatever `ratio_format` the data uses: 30 % is 0.3; a ratio that can exceed 100 % states its `range`';

describe('a default no cell may hold is refused at its value', () => {
  it('a ratio default of 45 (45 % written as percent points) reads an empty cell as 4500 %', () => {
    const { where, found } = problems('completion', { label: '完播率', unit: 'ratio', default: 45 });
    expect(found).toEqual([
      [
        where,
        'policy_default_out_of_range',
        'the default 45 of `完播率` lies outside what it can be (a ratio, 0 to 1): an empty cell would be read as 4500 %',
        RATIO_HELP,
      ],
    ]);
  });

  it('a rating default of 120 above its range [0, 100]', () => {
    const { where, found } = problems('peer', { label: '同事评分', unit: 'score', range: [0, 100], default: 120 });
    expect(found).toEqual([
      [
        where,
        'policy_default_out_of_range',
        'the default 120 of `同事评分` lies outside what it can be (its range, 0 to 100): an empty cell would be read as a value no cell may hold',
        'write a default within the range, or widen the `range`',
      ],
    ]);
  });

  it.each([
    ['a fraction of a video', 1.5],
    ['a negative count', -1],
  ])('%s as a count’s default (%d)', (_what, value) => {
    const { where, found } = problems('videos', { label: '视频数', unit: 'count', default: value });
    expect(found).toEqual([
      [
        where,
        'policy_default_out_of_range',
        `the default ${value} of \`视频数\` is not a count (a whole number, 0 or more): no cell may hold it`,
        'write a whole number, 0 or more',
      ],
    ]);
  });

  it('a derived metric’s default outside its range', () => {
    const text = policy()
      .metric('likes', { label: '点赞', unit: 'count' })
      .set('derived', { like_score: { expr: 'likes / 10', unit: 'score', range: [0, 100], default: -5 } })
      .yaml();
    const at = positionOf(text, ['derived', 'like_score', 'default']);
    expect(loadPolicy(text, 'p.yaml').diagnostics.map((d) => [d.span?.line, d.span?.column, d.message])).toEqual([
      [
        at.line,
        at.column + 9,
        'the default -5 of `like_score` lies outside its range (0 to 100): a record whose value cannot be computed would take a value the range refuses',
      ],
    ]);
  });
});

describe('defaults a cell may hold are accepted', () => {
  it.each([
    ['a ratio at its ends', { label: '完播率', unit: 'ratio', default: 0 }],
    ['a ratio of 100 %', { label: '完播率', unit: 'ratio', default: 1 }],
    ['a ratio above 100 % within a stated range', { label: '完成率', unit: 'ratio', range: [0, 3], default: 1.5 }],
    ['a negative growth within a stated range', { label: '增长率', unit: 'ratio', range: [-1, 1], default: -0.3 }],
    ['a count of 0', { label: '违规次数', unit: 'count', default: 0 }],
    ['money below 0 (returns above sales)', { label: '净GMV', unit: 'money', default: -100 }],
  ])('%s', (_what, metric) => {
    expect(loadPolicy(policy().metric('m', metric).yaml(), 'p.yaml').diagnostics).toEqual([]);
  });
});
