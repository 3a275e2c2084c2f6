// What a policy file may be called: one rule in the engine, used by the editor's server to refuse
// a name and by the page to offer only names the server accepts.

import { describe, expect, it } from 'vitest';
import { isPolicyName, policyFileName, policyIdOf } from '../../engine/index.js';

describe('a policy file name', () => {
  it.each(['short-video-team.yaml', 'a.yaml', '2026-q4.yaml', `a${'-'.repeat(80)}.yaml`])('%s is one', (name) => {
    expect(isPolicyName(name)).toBe(true);
  });

  it.each([
    ['upper case', 'Short.yaml'],
    ['another extension', 'x.yml'],
    ['no name', '.yaml'],
    ['a leading hyphen', '-x.yaml'],
    ['a dot inside', 'team.test.yaml'],
    ['a folder', 'sub/x.yaml'],
    ['a way out', '../x.yaml'],
    ['a space', 'team b.yaml'],
    ['more than 81 characters before .yaml', `a${'-'.repeat(81)}.yaml`],
    ['full-width letters', 'ｔｅａｍ.yaml'],
  ])('with %s is not one: %s', (_why, name) => {
    expect(isPolicyName(name)).toBe(false);
  });
});

describe('the name typed for a new policy', () => {
  it.each([
    ['team-b', 'team-b.yaml'],
    ['team-b.yaml', 'team-b.yaml'],
    ['  team-b  ', 'team-b.yaml'],
  ])('%j is the file %s', (typed, file) => {
    expect(policyFileName(typed)).toBe(file);
  });

  it.each(['', 'Team-B', 'team b', 'team-b.yml', 'team-b.yaml.yaml', `a${'-'.repeat(81)}`])(
    '%j is no file name',
    (typed) => {
      expect(policyFileName(typed)).toBe(undefined);
    },
  );

  it('gives the policy its id: the file name without .yaml', () => {
    expect(policyIdOf('team-b.yaml')).toBe('team-b');
  });
});
