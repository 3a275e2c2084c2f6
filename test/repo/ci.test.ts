// The CI example (docs/ci/policy-review.yml) replayed step by step (./ci-replay.ts) against a scratch
// policies repository made by `yardstick init`, on three pushes to one pull request, with a stand-in
// for the GitHub CLI that keeps the pull request's comments in a folder.

import { chmodSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yardstick } from '../yardstick.js';
import { replay } from './ci-replay.js';
import { ENV, PROJECT, edit, git, scratch } from './scratch.js';

const WORKFLOW = 'docs/ci/policy-review.yml';
const MARKER = '<!-- yardstick policy review -->';

// gh as the workflow uses it: `api …/comments --jq …` lists the ids of comments starting with the
// marker, `api --method PATCH …/comments/ID -F body=@FILE` replaces one, `pr comment N --body-file FILE` adds one
const FAKE_GH = `#!/bin/bash
state="$FAKE_GH_STATE"
echo "$*" >> "$state/calls"
if [ "$1" = api ] && [ "$2" = --method ]; then cp "\${6#body=@}" "$state/comment-\${4##*/}"; exit 0; fi
if [ "$1" = api ]; then
  for f in "$state"/comment-*; do [ -e "$f" ] && [ "$(head -n 1 "$f")" = '${MARKER}' ] && echo "\${f##*-}"; done
  exit 0
fi
if [ "$1" = pr ] && [ "$2" = comment ]; then n=$(ls "$state" | grep -c '^comment-'); cp "$5" "$state/comment-$((n + 1))"; exit 0; fi
exit 1
`;

let repo = '';
let state = '';
let env: NodeJS.ProcessEnv = {};
const policy = () => join(repo, 'policies/startup-team.yaml');
const comments = () =>
  readdirSync(state)
    .filter((f) => f.startsWith('comment-'))
    .map((f) => readFileSync(join(state, f), 'utf8'));
const push = () =>
  replay(WORKFLOW, repo, {
    context: { 'github.base_ref': 'main', 'github.event.pull_request.number': '7', 'github.token': 'token' },
    env,
    replace: { 'npm ci': 'test -x node_modules/.bin/yardstick' },
  });

beforeAll(async () => {
  repo = scratch('ci');
  expect((await yardstick('init', repo)).code).toBe(0);
  mkdirSync(join(repo, 'node_modules/.bin'), { recursive: true });
  symlinkSync(join(PROJECT, 'node/cli/bin.mjs'), join(repo, 'node_modules/.bin/yardstick'));
  const bin = scratch('gh');
  writeFileSync(join(bin, 'gh'), FAKE_GH);
  chmodSync(join(bin, 'gh'), 0o755);
  state = scratch('gh-state');
  env = { ...ENV, PATH: `${bin}:${ENV.PATH}`, FAKE_GH_STATE: state, GITHUB_REPOSITORY: 'hr/policies' };
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'policies repository');
  // the pull request's base, as actions/checkout with fetch-depth: 0 leaves it
  git(repo, 'update-ref', 'refs/remotes/origin/main', 'main');
  git(repo, 'checkout', '-q', '-b', 'weights');
}, 60_000);

describe('the CI example', { timeout: 120_000 }, () => {
  it('gives the token only what it needs', () => {
    const doc = parse(readFileSync(WORKFLOW, 'utf8'));
    expect(doc.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('push 1: check passes, the impact on the policy’s own review data is posted as a new comment', () => {
    let text = readFileSync(policy(), 'utf8');
    text = edit(
      edit(text, '        weight: 40\n', '        weight: 45\n'),
      '        weight: 35\n',
      '        weight: 30\n',
    );
    text = edit(edit(text, 'version: 0.1.0', 'version: 0.2.0'), 'effective_from: 2026-10', 'effective_from: 2026-11');
    writeFileSync(policy(), text);
    git(repo, 'commit', '-q', '-am', 'weights');
    const r = push();
    expect(r.steps.map((s) => s.outcome)).toEqual([
      'success',
      'success',
      'success',
      'success',
      'success',
      'success',
      'skipped',
    ]);
    expect(r.job).toBe('success');
    const [comment] = comments();
    expect(comments()).toHaveLength(1);
    expect(comment!.split('\n')[0]).toBe(MARKER);
    // measured on examples/sample-2026-10.csv, which policies/startup-team.test.yaml names as its review data
    expect(comment).toContain('examples/sample-2026-10.csv');
    expect(comment).toContain('运营经理 · 权重 粉丝增长率 40 → 45');
  });

  it('push 2: the same comment is updated, not a second one posted', () => {
    writeFileSync(policy(), edit(readFileSync(policy(), 'utf8'), 'version: 0.2.0', 'version: 0.2.1'));
    git(repo, 'commit', '-q', '-am', 'version');
    const r = push();
    expect(r.job).toBe('success');
    expect(comments()).toHaveLength(1);
    expect(comments()[0]).toContain('v0.1.0 → v0.2.1');
    expect(
      readFileSync(join(state, 'calls'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('api --method PATCH')),
    ).toEqual(['api --method PATCH repos/hr/policies/issues/comments/1 -F body=@comment.md']);
  });

  it('push 3: a failing check still updates the comment, then fails the job', () => {
    // a hand edit out of the canonical layout: `check` fails (not formatted), the report is still right
    writeFileSync(
      policy(),
      edit(readFileSync(policy(), 'utf8'), '{ label: 发布视频数, unit: count }', '{label: 发布视频数, unit: count}'),
    );
    git(repo, 'commit', '-q', '-am', 'hand edit');
    const r = push();
    const outcome = Object.fromEntries(r.steps.map((s) => [s.step, s.outcome]));
    expect(outcome.check).toBe('failure');
    expect(r.steps.find((s) => s.step === 'check')!.stdout).toBe(
      '✗ policies/startup-team.yaml: 格式不规范（请运行 `yardstick fmt policies/startup-team.yaml`）\n',
    );
    expect(outcome.comment).toBe('success');
    expect(r.steps.at(-1)!.outcome).toBe('failure');
    expect(r.job).toBe('failure');
    expect(comments()).toHaveLength(1);
    expect(comments()[0]).toContain('v0.1.0 → v0.2.1');
  });
});
