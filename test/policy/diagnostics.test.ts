// Policy problems are reported with code, line and column, all in one pass, sorted by position.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy, type Diagnostic } from '../../engine/index.js';

/** A small valid policy; tests replace one line to break it. Line numbers are in the comments. */
const BASE = `policy: mini
title: 小测试
version: 1.0.0
metrics:
  videos: { label: 发布视频数, unit: count }
  rate: { label: 完播率, unit: ratio }
  rating: { label: 上级评分, unit: score, range: [0, 100] }
derived:
  per_video: rate / videos
stages:
  startup: { title: 初创期 }
  mature: { title: 成熟期 }
roles:
  director:
    title: 编导
    pay_base: 4000
    indicators:
      output:
        metric: videos
        scoring: steps
        steps: [ { min: 32, points: 100 }, { min: 24, points: 80 }, { min: 0, points: 0 } ]
        weight: { startup: 40, mature: 30 }
      completion: { metric: rate, threshold: 0.3, target: 0.4, challenge: 0.5, weight: 40 }
      attitude: { metric: rating, scoring: rating, weight: { startup: 20, mature: 30 } }
adjustments:
  bonus:
    title: 加分
    when: { all: [ { fact: videos, operator: greaterThan, value: 40 } ] }
    points: 5
grades:
  - { grade: A, min: 81 }
  - { grade: B, min: 61 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  tiers:
    basis: attainment
    bands: [ { tier: gold, min: 1.1, award: 500 }, { tier: silver, min: 0.9, award: 200 } ]
  rounding: { to: 0.01, mode: half_up }
triggers:
  pip:
    title: 改进计划
    when: { all: [ { fact: grade, operator: equal, value: C } ] }
    action: { type: improvement_plan, days: 30, close_when: { all: [ { fact: grade, operator: notEqual, value: C } ] } }
`;

function replaceLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}

function problems(text: string): (Pick<Diagnostic, 'code' | 'severity' | 'message'> & { at: string })[] {
  const result = loadPolicy(text, 'mini.yaml');
  return result.diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    at: `${d.span?.line}:${d.span?.column}`,
  }));
}

describe('a valid policy', () => {
  it('loads without diagnostics', () => {
    const r = loadPolicy(BASE, 'mini.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it.each(['short-video-team', 'livestream-team', 'content-three-dimension'])(
    'bundled policy %s loads with no errors',
    (name) => {
      const r = loadPolicy(readFileSync(`policies/${name}.yaml`, 'utf8'), `${name}.yaml`);
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(r.ok).toBe(true);
    },
  );
});

describe('yaml problems', () => {
  it('reports a duplicate key at its position', () => {
    const text = replaceLine(BASE, 3, 'version: 1.0.0\ntitle: again');
    expect(problems(text)).toEqual([
      { code: 'yaml_duplicate_key', severity: 'error', message: 'map keys must be unique: `title`', at: '4:1' },
    ]);
  });

  it('reports broken indentation', () => {
    // one space too many makes `pay_base` part of the title above it
    const r = loadPolicy(replaceLine(BASE, 16, '     pay_base: 4000'), 'mini.yaml');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.message, `${d.span?.line}:${d.span?.column}`, d.help])).toEqual([
      [
        'yaml_block_as_implicit_key',
        'nested mappings are not allowed in compact mappings',
        '15:12',
        'check the indentation: nested keys are indented by two spaces under their parent',
      ],
    ]);
  });
});

describe('schema problems', () => {
  it('names an unknown key and suggests the right one', () => {
    const d = loadPolicy(
      replaceLine(
        BASE,
        23,
        '      completion: { metric: rate, threshold: 0.3, target: 0.4, challenge: 0.5, wieght: 40 }',
      ),
      'mini.yaml',
    ).diagnostics;
    expect(d.map((x) => [x.code, x.message, `${x.span?.line}:${x.span?.column}`])).toEqual([
      ['schema_missing_key', '`roles.director.indicators.completion` is missing required key `weight`', '23:7'],
      ['schema_unknown_key', 'unknown key `wieght` in `roles.director.indicators.completion`', '23:80'],
    ]);
    expect(d[1].help).toMatch(/^did you mean `weight`\?/);
  });

  it('explains a version YAML reads as a number', () => {
    expect(problems(replaceLine(BASE, 3, 'version: 1.0'))).toEqual([
      {
        code: 'schema_type',
        severity: 'error',
        message: '`version` must be text such as `1.0.0`, not a number',
        at: '3:10',
      },
    ]);
  });

  it('says a quoted number is text and to remove the quotes', () => {
    const text = replaceLine(
      BASE,
      23,
      '      completion: { metric: rate, threshold: 0.3, target: 0.4, challenge: 0.5, weight: "40" }',
    );
    expect(problems(text)).toEqual([
      {
        code: 'schema_type',
        severity: 'error',
        message: '`roles.director.indicators.completion.weight` must be a number, not the text `"40"`',
        at: '23:88',
      },
    ]);
    expect(loadPolicy(text, 'mini.yaml').diagnostics[0]?.help).toBe(
      'remove the quotes: write `40` (YAML reads a quoted number as text)',
    );
  });

  it('says a ratio written with % is a decimal in a policy', () => {
    const text = replaceLine(
      BASE,
      23,
      '      completion: { metric: rate, threshold: 30%, target: 0.4, challenge: 0.5, weight: 40 }',
    );
    const [d] = loadPolicy(text, 'mini.yaml').diagnostics;
    expect(d?.message).toBe('`roles.director.indicators.completion.threshold` must be a number, not `30%`');
    expect(d?.help).toBe(
      'a policy writes ratios as decimals (`30%` is `0.3`) and weights and points as plain numbers (`40`, not `40%`)',
    );
    expect(`${d?.span?.line}:${d?.span?.column}`).toBe('23:46');
  });

  it('lists the allowed values of an enum', () => {
    expect(problems(replaceLine(BASE, 6, '  rate: { label: 完播率, unit: percent }'))).toEqual([
      {
        code: 'schema_enum',
        severity: 'error',
        message: '`metrics.rate.unit` must be one of `count`, `ratio`, `money`, `score`, `seconds`, not `percent`',
        at: '6:29',
      },
    ]);
  });

  it('points at the condition missing its value', () => {
    expect(problems(replaceLine(BASE, 28, '    when: { all: [ { fact: videos, operator: greaterThan } ] }'))).toEqual([
      {
        code: 'schema_missing_key',
        severity: 'error',
        message: '`adjustments.bonus.when.all[0]` is missing required key `value`',
        at: '28:20',
      },
    ]);
  });

  it('asks an adjustment for at least one effect', () => {
    expect(problems(replaceLine(BASE, 29, '    note: nothing'))).toEqual([
      {
        code: 'schema_missing_key',
        severity: 'error',
        message: '`adjustments.bonus` needs at least one of `points`, `award`, `score_cap`, `grade_cap`',
        at: '26:3',
      },
    ]);
  });
});

describe('semantic problems', () => {
  it('weights that sum to 90 and a mistyped metric are both reported, in line order', () => {
    const text = replaceLine(
      BASE,
      23,
      '      completion: { metric: rat, threshold: 0.3, target: 0.4, challenge: 0.5, weight: 30 }',
    );
    const d = loadPolicy(text, 'mini.yaml').diagnostics;
    expect(d.map((x) => [x.code, x.message, `${x.span?.line}:${x.span?.column}`])).toEqual([
      ['policy_weights_sum', 'weights of `roles.director.indicators` sum to 90 for stage `startup`, not 100', '17:5'],
      ['policy_weights_sum', 'weights of `roles.director.indicators` sum to 90 for stage `mature`, not 100', '17:5'],
      ['policy_unknown_metric', 'unknown metric `rat` in indicator `completion`', '23:29'],
      [
        'policy_tier_unreachable',
        'tier `gold` needs attainment 1.1 but no employee can score more than 101 (attainment 1.01)',
        '38:33',
      ],
    ]);
    expect(d[2].help).toMatch(/^did you mean `rate`\?/);
  });

  it('a per-stage weight must name every stage', () => {
    expect(problems(replaceLine(BASE, 22, '        weight: { startup: 40 }'))).toEqual([
      {
        code: 'policy_weight_missing_stage',
        severity: 'error',
        message: 'weight of `output` has no value for stage `mature`',
        at: '22:17',
      },
    ]);
  });

  it('threshold must be below target', () => {
    expect(
      problems(
        replaceLine(
          BASE,
          23,
          '      completion: { metric: rate, threshold: 0.45, target: 0.4, challenge: 0.5, weight: 40 }',
        ),
      ),
    ).toEqual([
      {
        code: 'policy_target_order',
        severity: 'error',
        message: 'threshold 0.45 and target 0.4 of `completion` are out of order: threshold < target < challenge',
        at: '23:46',
      },
    ]);
  });

  it('a reference point the metric can never take is refused: a ratio written in percent points, a negative count, outside a range', () => {
    // line 23: `      completion: { metric: rate, threshold: ` is 45 characters, so 30 starts at column 46
    const ratio = problems(
      replaceLine(BASE, 23, '      completion: { metric: rate, threshold: 30, target: 40, challenge: 50, weight: 40 }'),
    );
    expect(ratio).toEqual([
      {
        code: 'policy_reference_out_of_range',
        severity: 'error',
        message:
          'threshold 30 of `completion` lies outside what `完播率` can be (a ratio, 0 to 1): no employee can reach it',
        at: '23:46',
      },
      {
        code: 'policy_reference_out_of_range',
        severity: 'error',
        message:
          'target 40 of `completion` lies outside what `完播率` can be (a ratio, 0 to 1): no employee can reach it',
        at: '23:58',
      },
      {
        code: 'policy_reference_out_of_range',
        severity: 'error',
        message:
          'challenge 50 of `completion` lies outside what `完播率` can be (a ratio, 0 to 1): no employee can reach it',
        at: '23:73',
      },
    ]);
    // the help says how a policy writes a ratio, whatever the data's ratio_format
    expect(
      loadPolicy(
        replaceLine(
          BASE,
          23,
          '      completion: { metric: rate, threshold: 30, target: 40, challenge: 50, weight: 40 }',
        ),
        'mini.yaml',
      ).diagnostics[0]?.help,
    ).toBe(
      'a policy writes a ratio as a fraction, whatever `ratio_format` the data uses: 30 % is 0.3; a ratio that can exceed 100 % states its `range`',
    );
    // a step below 0 videos
    const count = problems(
      replaceLine(
        BASE,
        21,
        '        steps: [ { min: 32, points: 100 }, { min: 24, points: 80 }, { min: -1, points: 0 } ]',
      ),
    );
    expect(count.map((x) => [x.code, x.message, x.at])).toEqual([
      [
        'policy_reference_out_of_range',
        'step 3 min -1 of `output` lies outside what `发布视频数` can be (a count, 0 or more): no employee can reach it',
        '21:76',
      ],
    ]);
  });

  it('a ratio compared with 50 or banded from 90 (percent points) is refused with the fraction to write', () => {
    // the column of 50: `    when: { all: [ { fact: rate, operator: greaterThan, value: ` is 63 characters
    const rule = problems(
      replaceLine(BASE, 28, '    when: { all: [ { fact: rate, operator: greaterThan, value: 50 } ] }'),
    );
    expect(rule).toEqual([
      {
        code: 'policy_value_type',
        severity: 'error',
        message: '`rate` is a ratio from 0 to 1 (45.3 % is 0.453), so `50` is outside it',
        at: '28:64',
      },
    ]);
    const banded = loadPolicy(
      replaceLine(
        replaceLine(BASE, 37, '    basis: rate'),
        38,
        '    bands: [ { tier: gold, min: 90, award: 500 }, { tier: silver, min: 0.9, award: 200 } ]',
      ),
      'mini.yaml',
    ).diagnostics;
    expect(banded.map((d) => [d.code, d.message, `${d.span?.line}:${d.span?.column}`, d.help])).toEqual([
      [
        'policy_value_type',
        '`rate` is a ratio from 0 to 1 (45.3 % is 0.453), so `90` is outside it',
        '38:33',
        'write `0.9` for 90 % (a policy writes a ratio as a fraction, whatever `ratio_format` the data uses); a ratio that can exceed 100 % states its `range`',
      ],
    ]);
  });

  it('lower-is-better reverses the order', () => {
    const d = problems(
      replaceLine(
        BASE,
        23,
        '      completion: { metric: rate, better: lower, threshold: 0.3, target: 0.4, challenge: 0.5, weight: 40 }',
      ),
    );
    expect(d.map((x) => x.code)).toEqual(['policy_target_order', 'policy_target_order']);
    expect(d[0].message).toBe(
      'threshold 0.3 and target 0.4 of `completion` are out of order: lower is better, so threshold > target > challenge',
    );
  });

  it('steps must run from the highest min down', () => {
    expect(
      problems(
        replaceLine(
          BASE,
          21,
          '        steps: [ { min: 24, points: 80 }, { min: 32, points: 100 }, { min: 0, points: 0 } ]',
        ),
      ),
    ).toEqual([
      {
        code: 'policy_steps_order',
        severity: 'error',
        message: 'step 2 of `output` (min 32) is out of order after min 24',
        at: '21:43',
      },
    ]);
  });

  it('steps may not start at the same bound', () => {
    expect(
      problems(
        replaceLine(
          BASE,
          21,
          '        steps: [ { min: 32, points: 100 }, { min: 32, points: 80 }, { min: 0, points: 0 } ]',
        ),
      )[0],
    ).toMatchObject({
      code: 'policy_steps_overlap',
      message: 'steps 1 and 2 of `output` both start at 32',
    });
  });

  it('grades must descend and end at 0', () => {
    const text = replaceLine(replaceLine(BASE, 32, '  - { grade: B, min: 85 }'), 33, '  - { grade: C, min: 10 }');
    expect(problems(text)).toEqual([
      {
        code: 'policy_grades_order',
        severity: 'error',
        message: 'grade `B` (min 85) must have a lower min than `A` (min 81)',
        at: '32:22',
      },
      {
        code: 'policy_grades_cover_zero',
        severity: 'error',
        message: 'the last grade `C` starts at 10, so scores below 10 get no grade',
        at: '33:22',
      },
    ]);
  });

  it('tier bands must descend', () => {
    expect(
      problems(
        replaceLine(
          BASE,
          38,
          '    bands: [ { tier: gold, min: 0.9, award: 500 }, { tier: silver, min: 1.1, award: 200 } ]',
        ),
      ),
    ).toEqual([
      {
        code: 'policy_tiers_order',
        severity: 'error',
        message: 'tier `silver` (min 1.1) must have a lower min than `gold` (min 0.9)',
        at: '38:73',
      },
    ]);
  });

  it('an unreachable grade is a warning, not an error', () => {
    const r = loadPolicy(replaceLine(BASE, 31, '  - { grade: A, min: 130 }'), 'mini.yaml');
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['policy_grade_unreachable', 'warning', 'grade `A` needs 130 points but no employee can score more than 113'],
    ]);
  });

  it('unknown operator and unknown fact in a condition', () => {
    expect(
      problems(replaceLine(BASE, 28, '    when: { all: [ { fact: vidoes, operator: greaterThen, value: 40 } ] }')),
    ).toEqual([
      { code: 'policy_unknown_fact', severity: 'error', message: 'unknown fact `vidoes` in adjustments', at: '28:28' },
      { code: 'policy_unknown_operator', severity: 'error', message: 'unknown operator `greaterThen`', at: '28:46' },
    ]);
  });

  it('a result fact is not known yet in an adjustment', () => {
    expect(
      problems(replaceLine(BASE, 28, '    when: { all: [ { fact: grade, operator: equal, value: A } ] }')),
    ).toEqual([
      {
        code: 'policy_fact_not_available',
        severity: 'error',
        message: 'fact `grade` is not known yet when adjustments run',
        at: '28:28',
      },
    ]);
  });

  it('an unknown grade in a trigger', () => {
    expect(
      problems(replaceLine(BASE, 43, '    when: { all: [ { fact: grade, operator: equal, value: D } ] }')),
    ).toEqual([{ code: 'policy_unknown_grade', severity: 'error', message: 'unknown grade `D`', at: '43:59' }]);
  });

  it('an expression syntax error points at the character', () => {
    expect(problems(replaceLine(BASE, 9, '  per_video: rate / (videos'))).toEqual([
      {
        code: 'policy_expression_syntax',
        severity: 'error',
        message: 'cannot read expression `rate / (videos`: Unclosed (',
        at: '9:28',
      },
    ]);
  });

  it('an unknown name in a derived metric or payout formula', () => {
    const text = replaceLine(
      replaceLine(BASE, 9, '  per_video: rate / vids'),
      35,
      '  performance_pay: paybase * score / 100',
    );
    expect(problems(text)).toEqual([
      {
        code: 'policy_unknown_metric',
        severity: 'error',
        message: 'unknown metric `vids` in derived metric `per_video`',
        at: '9:14',
      },
      {
        code: 'policy_unknown_variable',
        severity: 'error',
        message: 'unknown name `paybase` in `paybase * score / 100`',
        at: '35:20',
      },
    ]);
  });

  it('only whitelisted functions may be called', () => {
    expect(problems(replaceLine(BASE, 9, '  per_video: eval(rate)'))[0]).toMatchObject({
      code: 'policy_expression_syntax',
      message: 'cannot read expression `eval(rate)`: unknown function `eval`; known: min, max, abs, round, floor, ceil',
    });
  });

  it('a rating needs its metric to have a range', () => {
    expect(problems(replaceLine(BASE, 7, '  rating: { label: 上级评分, unit: score }'))).toEqual([
      {
        code: 'policy_rating_needs_range',
        severity: 'error',
        message: 'rating indicator `attitude` scores `rating`, which has no `range`',
        at: '24:27',
      },
    ]);
  });
});
