// A grade is text, the grade `"3"` too: a condition comparing `grade` (or `raw_grade`,
// `previous_grade`, `grade_cap`) with the number 3 equals no record's grade, so an improvement
// plan on `grade == 3` was never opened (breaker 125: 42 people graded "3", no plan). Refused at the
// value, as the same mistake on `tier` or `held` already was.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { formatDiagnostic } from '../../engine/model/diagnostic.js';

const FLAGSHIP = readFileSync('policies/short-video-team.yaml', 'utf8');

describe('a grade compared with a number', () => {
  it('`{ fact: grade, operator: equal, value: 3 }` is refused at the value, saying to quote it', () => {
    const text = FLAGSHIP.replace(
      'when: { all: [ { fact: grade, operator: equal, value: C } ] }',
      'when: { all: [ { fact: grade, operator: equal, value: 3 } ] }',
    );
    const r = loadPolicy(text, 'p.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      'p.yaml:176:59: error[policy_value_type]: `grade` is text, but `equal` compares it with the number or true/false `3`: no record can equal it\n' +
        '  help: write the value in quotes: `value: "3"`',
    ]);
  });

  it('so is one in a list (`in: [A, 3]`), at its place in the list', () => {
    const text = FLAGSHIP.replace(
      'when: { all: [ { fact: grade, operator: equal, value: C } ] }',
      'when: { all: [ { fact: grade, operator: in, value: [ C, 3 ] } ] }',
    );
    const r = loadPolicy(text, 'p.yaml');
    expect(r.ok ? [] : r.diagnostics.map((d) => formatDiagnostic(d, 'en').split(': error')[0])).toEqual([
      'p.yaml:176:61',
    ]);
  });
});

// The data reader trims a team's cell and drops invisible characters: a rule on the team
// `"短视频一组 "` fired for nobody in a policy that declares no `teams:` (breaker 125).
describe('a team written with a space at its end, without `teams:`', () => {
  it('is refused at the value, naming the team the data reads', () => {
    const text = FLAGSHIP.replace(
      'when: { all: [ { fact: grade, operator: equal, value: C } ] }',
      'when: { all: [ { fact: team, operator: equal, value: "短视频一组 " } ] }',
    );
    const r = loadPolicy(text, 'p.yaml');
    expect(r.ok ? [] : r.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      'p.yaml:176:58: error[policy_value_type]: the team `短视频一组 ` is read from the data as `短视频一组` (spaces at its ends and invisible characters are dropped): no record can equal `短视频一组 `\n' +
        '  help: write `短视频一组`',
    ]);
  });
});
