// A change in a visual panel rewrites the policy text so that git shows only what changed:
// comments, key order and layout are kept.

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deleteAt, setStructure, setValue } from '../../engine/review/edit.js';
import { formatPolicyText } from '../../engine/review/format.js';
import { policyView, weightEdit } from '../../editor/app/lib/model.js';

const TEXT = `# 编导考核
policy: mini   # id
roles:
  director:
    title: 编导
    indicators:
      output: { metric: videos, weight: { startup: 40, mature: 30 } } # 产出
      completion:
        metric: rate
        threshold: 0.30 # 门槛
        target: 0.40
        weight: 60
stages:
  startup: { title: 初创期 }
  mature: { title: 成熟期 }
`;

function changedLines(before: string, after: string): [string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]] as [string, string]]));
}

describe('setValue', () => {
  it('replaces a number inside a flow mapping and nothing else', () => {
    const r = setValue(TEXT, ['roles', 'director', 'indicators', 'output', 'weight', 'startup'], 45);
    expect(r.ok && changedLines(TEXT, r.text)).toEqual([
      [
        '      output: { metric: videos, weight: { startup: 40, mature: 30 } } # 产出',
        '      output: { metric: videos, weight: { startup: 45, mature: 30 } } # 产出',
      ],
    ]);
  });

  it('keeps the comment after a replaced value', () => {
    const r = setValue(TEXT, ['roles', 'director', 'indicators', 'completion', 'threshold'], 0.25);
    expect(r.ok && changedLines(TEXT, r.text)).toEqual([
      ['        threshold: 0.30 # 门槛', '        threshold: 0.25 # 门槛'],
    ]);
  });

  it('quotes a text value only when YAML would read it otherwise', () => {
    expect(setValue(TEXT, ['roles', 'director', 'title'], '编导组长')).toEqual({
      ok: true,
      text: TEXT.replace('title: 编导\n', 'title: 编导组长\n'),
    });
    expect(setValue(TEXT, ['roles', 'director', 'title'], 'A: B')).toEqual({
      ok: true,
      text: TEXT.replace('title: 编导\n', 'title: "A: B"\n'),
    });
    expect(setValue(TEXT, ['roles', 'director', 'title'], '123')).toEqual({
      ok: true,
      text: TEXT.replace('title: 编导\n', 'title: "123"\n'),
    });
  });

  it('adds a missing key through the document, keeping every comment', () => {
    const r = setValue(TEXT, ['roles', 'director', 'indicators', 'completion', 'challenge'], 0.5);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toContain('        target: 0.40\n        weight: 60\n        challenge: 0.5\n');
    for (const comment of ['# 编导考核', '# id', '# 产出', '# 门槛']) expect(r.text).toContain(comment);
  });

  it('refuses to edit text that does not parse', () => {
    expect(setValue('a: [1, 2', ['a'], 1)).toEqual({
      ok: false,
      message: 'the YAML has errors: fix them before using the panels',
    });
  });
});

describe('setStructure and deleteAt', () => {
  it('writes a condition from the condition builder in the canonical layout', () => {
    const text =
      'holds:\n  fake:\n    title: 疑似刷量 # 数据核查\n    when: { all: [ { fact: plays, operator: greaterThan, value: 100000 } ] }\n';
    const r = setStructure(text, ['holds', 'fake', 'when'], {
      any: [{ fact: 'plays', operator: 'greaterThan', value: 200000 }],
    });
    expect(r).toEqual({
      ok: true,
      text: 'holds:\n  fake:\n    title: 疑似刷量 # 数据核查\n    when:\n      any:\n        - fact: plays\n          operator: greaterThan\n          value: 200000\n',
    });
  });

  it('deletes a key', () => {
    expect(deleteAt('a: 1 # one\nb: 2\n', ['b'])).toEqual({ ok: true, text: 'a: 1 # one\n' });
  });
});

describe('the bundled policies are in the canonical layout', () => {
  it.each(['short-video-team', 'livestream-team', 'content-three-dimension'])('%s', (name) => {
    const text = readFileSync(`policies/${name}.yaml`, 'utf8');
    expect(formatPolicyText(text)).toBe(text);
  });
});

describe('the weights panel', () => {
  const view = policyView(parse(TEXT))!;

  it("lists each indicator with its weight per stage and each level's sum", () => {
    expect(view.roles[0].rows.map((r) => [r.id, r.weights, r.uniform])).toEqual([
      ['output', { startup: 40, mature: 30 }, false],
      ['completion', { startup: 60, mature: 60 }, true],
    ]);
    expect(view.roles[0].levels).toEqual([
      { label: '编导', depth: 0, sums: { startup: 100, mature: 90 }, exact: { startup: true, mature: false } },
    ]);
  });

  it('a per-stage weight is edited where it stands', () => {
    expect(weightEdit(view.roles[0].rows[0], 'mature', 40, ['startup', 'mature'])).toEqual({
      path: ['roles', 'director', 'indicators', 'output', 'weight', 'mature'],
      value: 40,
    });
  });

  it('a shared weight becomes per-stage when one stage changes, and the YAML says so', () => {
    const edit = weightEdit(view.roles[0].rows[1], 'mature', 70, ['startup', 'mature']);
    expect(edit).toEqual({
      path: ['roles', 'director', 'indicators', 'completion', 'weight'],
      value: { startup: 60, mature: 70 },
    });
    const r = setStructure(TEXT, edit.path, edit.value);
    expect(r.ok && r.text).toContain('        weight:\n          startup: 60\n          mature: 70\n');
    expect(r.ok && policyView(parse(r.text))!.roles[0].levels[0].sums).toEqual({ startup: 100, mature: 100 });
  });
});
