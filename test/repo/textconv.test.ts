// `yardstick textconv`, git's diff driver for policies, in a repository that is not Yardstick's:
// the canonical layout for a policy that parses, the text as written under one marker line for one
// that does not (a file saved mid-edit), so `git log -p` never stops at "unable to read files to diff".

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXTCONV_MARKER, textconvText } from '../../node/cli/textconv.js';
import { PROJECT, git, scratch, sh } from './scratch.js';

describe('textconv', { timeout: 60_000 }, () => {
  it('prints a policy in the canonical layout: flow maps padded, comments kept', () => {
    expect(textconvText('policy: p # 编号\nmetrics: {a: {label: 甲}}\n')).toBe(
      'policy: p # 编号\nmetrics: { a: { label: 甲 } }\n',
    );
  });

  it('prints text that is not YAML as written, under the marker, ending with a newline', () => {
    expect(textconvText('policy: p\nroles: [ unclosed')).toBe(`${TEXTCONV_MARKER}\npolicy: p\nroles: [ unclosed\n`);
    expect(TEXTCONV_MARKER).toBe(
      '# ⚠ yardstick: not valid YAML, shown as written (yardstick validate names the problem)',
    );
  });

  it('lets git log -p show every version in another repository, a broken one included', () => {
    const repo = scratch('textconv');
    git(repo, 'init', '-q', '-b', 'main');
    writeFileSync(join(repo, '.gitattributes'), 'policies/*.yaml diff=yardstick\n');
    git(repo, 'config', 'diff.yardstick.textconv', `node ${join(PROJECT, 'node/cli/bin.mjs')} textconv`);
    sh(repo, 'mkdir', ['policies']);
    writeFileSync(join(repo, 'policies/p.yaml'), 'policy: p\nweights: {a: 40, b: 60}\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'one');
    writeFileSync(join(repo, 'policies/p.yaml'), 'policy: p\nweights: {a: 45, b: [\n');
    git(repo, 'commit', '-q', '-am', 'two');
    const log = sh(repo, 'git', ['log', '-p', '--format=%s', '-2']);
    expect(log.stderr).toBe('');
    expect(log.code).toBe(0);
    const lines = log.stdout.split('\n');
    // the first version in the canonical layout (padded braces), the second as written under the marker
    expect(lines).toContain('+weights: { a: 40, b: 60 }');
    expect(lines).toContain(`+${TEXTCONV_MARKER}`);
    expect(lines).toContain('+weights: {a: 45, b: [');
  });
});
