// YAML that could mean two things in a policy: a second document, tags. Each is refused at its
// line and column in words for the reader of the policy, not the YAML library's.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy, readYaml } from '../../engine/index.js';

const WORKED = readFileSync('docs/worked-example.yaml', 'utf8');
// docs/worked-example.yaml has 57 lines, each ending in a newline
const LINES = 57;

function errors(text: string) {
  return loadPolicy(text, 'w.yaml').diagnostics.map((d) => [
    `${d.span?.line}:${d.span?.column}`,
    d.code,
    d.message,
    d.help,
  ]);
}

const SECOND = [
  'yaml_multiple_docs',
  'the file holds a second YAML document from here: a line `---` (or `...`) ends the first',
  'a file holds one document: remove the `---` line, or move what follows it to a file of its own',
];

describe('a file with two YAML documents', () => {
  it('is refused at the `---` that starts the second', () => {
    expect(WORKED.split('\n').length).toBe(LINES + 1);
    expect(errors(`${WORKED}---\npolicy: other\n`)).toEqual([[`${LINES + 1}:1`, ...SECOND]]);
  });

  it('is refused after a `...` that ends the first', () => {
    expect(errors(`${WORKED}...\npolicy: other\n`)).toEqual([[`${LINES + 2}:1`, ...SECOND]]);
  });

  it('a `---` before the only document is one document', () => {
    expect(loadPolicy(`---\n${WORKED}`, 'w.yaml').ok).toBe(true);
  });
});

describe('a tag', () => {
  const TAG = (tag: string) => [
    'yaml_tag',
    `the tag \`${tag}\` is not part of the policy language: a value means what it shows`,
    `remove \`${tag}\`: write a number as it is (\`4000\`) and text that looks like a number in quotes (\`"10"\`)`,
  ];
  // docs/worked-example.yaml line 15 is `    pay_base: 4000`: the value starts at column 15
  it.each([
    // before: an "unresolved tag" warning and "remove the quotes" on a value without quotes
    ['!!float', '15:15'],
    ['!!str', '15:15'],
    ['!foo', '15:15'],
    // a tag that changes nothing is refused too: the rule is "no tags", not "no harmful tags"
    ['!!int', '15:15'],
  ])('`%s` on a pay base is refused at the tag', (tag, at) => {
    expect(errors(WORKED.replace('pay_base: 4000', `pay_base: ${tag} 4000`))).toEqual([[at, ...TAG(tag)]]);
  });

  it('on a mapping inside braces, at the tag', () => {
    // line 10 is `  startup: { title: 初创期 }`: `!!str` starts at column 21
    expect(errors(WORKED.replace('{ title: 初创期 }', '{ title: !!str 初创期 }'))).toEqual([
      ['10:21', ...TAG('!!str')],
    ]);
  });
});

describe('a merge key', () => {
  const MERGE = [
    'yaml_merge_key',
    'the merge key `<<` is not part of the policy language: YAML readers disagree on it (YAML 1.1 copies the keys, YAML 1.2 reads a key named `<<`)',
    'write the keys out in this mapping (an alias `*name` for a whole value is fine)',
  ];
  const anchored = WORKED.replace('weight: { startup: 40, mature: 30 }', 'weight: &w { startup: 40, mature: 30 }');

  it('is refused at the `<<` (before: "`<<` is not a valid id" and "must be a number, not a mapping")', () => {
    // line 34 is `        weight: { startup: 20, mature: 30 }` (attitude): `<<` starts at column 19
    const text = anchored.replace('weight: { startup: 20, mature: 30 }', 'weight: { <<: *w, startup: 20 }');
    expect(errors(text)).toEqual([['34:19', ...MERGE]]);
  });

  it('an alias for a whole value is read: attitude weighted 40/30 like output makes 120 in startup', () => {
    const text = anchored.replace('weight: { startup: 20, mature: 30 }', 'weight: *w');
    // startup: output 40 + completion 40 + attitude 40 = 120; mature: 30 + 40 + 30 = 100
    expect(errors(text).map((e) => [e[0], e[1], e[2]])).toEqual([
      ['16:5', 'policy_weights_sum', 'weights of `roles.director.indicators` sum to 120 for stage `startup`, not 100'],
    ]);
  });
});

describe('in a policy test file or a data mapping (the same YAML reader)', () => {
  it('an expected payout written `0800` is refused at it, not read as 800 (PyYAML reads 512)', () => {
    const text =
      'cases:\n  - name: 好\n    record: { role: staff, stage: only, metrics: { rating: 80 } }\n    expect: { payout: 0800 }\n';
    const r = readYaml(text, 'p.test.yaml');
    // line 4 `    expect: { payout: 0800 }`: `0800` starts at column 23
    expect(r.ok ? 'read' : r.diagnostics.map((d) => [`${d.span?.line}:${d.span?.column}`, d.code, d.help])).toEqual([
      [
        '4:23',
        'policy_number_ambiguous',
        'write it in decimal without leading zeros: `800` if that is the number meant',
      ],
    ]);
  });

  it('a tag and a merge key likewise', () => {
    const r = readYaml('period: !!str 2026-10\nroster: { <<: { file: a.csv } }\n', 'm.data.yaml');
    expect(r.ok ? 'read' : r.diagnostics.map((d) => [`${d.span?.line}:${d.span?.column}`, d.code])).toEqual([
      ['1:9', 'yaml_tag'],
      ['2:11', 'yaml_merge_key'],
    ]);
  });
});

describe('a key that is a list or a mapping', () => {
  it('is refused at the key (it would become the text `[ a, b ]`, and the YAML library warned on stderr)', () => {
    // line 10 is `  startup: { title: 初创期 }`; the list key goes before it, on lines 10–11
    const text = WORKED.replace(
      '  startup: { title: 初创期 }',
      '  ? [a, b]\n  : { title: x }\n  startup: { title: 初创期 }',
    );
    expect(errors(text)).toEqual([
      [
        '10:5',
        'yaml_non_string_key',
        'the key `[a, b]` is a list: a key is a name',
        'fix the YAML syntax at this position',
      ],
    ]);
  });

  it('in a test file too, in Chinese', () => {
    const r = readYaml('cases:\n  - ? { a: 1 }\n    : x\n', 'p.test.yaml');
    expect(r.ok ? 'read' : r.diagnostics.map((d) => [`${d.span?.line}:${d.span?.column}`, d.code])).toEqual([
      ['2:7', 'yaml_non_string_key'],
    ]);
  });
});
