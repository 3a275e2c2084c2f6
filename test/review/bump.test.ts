// Which part of the version a change calls for (docs/review.md, "Version numbers"), from the
// changes `yardstick diff` lists, and the version it gives.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bumpVersion, diffPolicies, loadPolicy, suggestBump, type PolicyDoc } from '../../engine/index.js';

const base = readFileSync('policies/short-video-team.yaml', 'utf8');
const doc = (text: string): PolicyDoc => {
  const r = loadPolicy(text, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.policy.doc;
};
const suggest = (edited: string) => suggestBump(diffPolicies(doc(base), doc(edited), 'en'));

describe('suggestBump', () => {
  it('calls a changed amount a minor change', () => {
    const s = suggest(base.replace('    award: 2000\n', '    award: 2500\n'));
    expect(s?.bump).toBe('minor');
    expect(s?.because.map((c) => c.path)).toEqual([['adjustments', 'viral_hit', 'award']]);
  });

  it('calls a new title, label or hold reason alone a patch', () => {
    expect(suggest(base.replace('reason: 播放量超过10万', 'reason: 播放量超过12万'))?.bump).toBe('patch');
    expect(suggest(base.replace('label: 完播率,', 'label: 视频完播率,'))?.bump).toBe('patch');
    expect(suggest(base.replace('title: 短视频团队月度绩效考核\n', 'title: 短视频团队月度考核\n'))?.bump).toBe('patch');
  });

  it('calls a grade added, or the period changed, a major change, whatever else changed', () => {
    const withS = base
      .replace(
        '  - { grade: A+, min: 100, title: 卓越 }\n',
        '  - { grade: S, min: 110, title: 传奇 }\n  - { grade: A+, min: 100, title: 卓越 }\n',
      )
      .replace('    award: 2000\n', '    award: 2500\n');
    const s = suggestBump(diffPolicies(doc(base), doc(withS), 'en'));
    expect(s?.bump).toBe('major');
    expect(s?.because.map((c) => c.path)).toEqual([['grades', 'S']]);
    expect(suggest(base.replace('period: month\n', 'period: quarter\n'))?.bump).toBe('major');
  });

  it('suggests nothing when only the version and the effective period moved', () => {
    expect(
      suggest(
        base.replace('version: 1.1.0', 'version: 1.2.0').replace('effective_from: 2026-10', 'effective_from: 2026-11'),
      ),
    ).toBeUndefined();
  });
});

describe('bumpVersion', () => {
  it('raises one part and zeroes the ones after it', () => {
    expect(bumpVersion('1.4.2', 'major')).toBe('2.0.0');
    expect(bumpVersion('1.4.2', 'minor')).toBe('1.5.0');
    expect(bumpVersion('1.4.2', 'patch')).toBe('1.4.3');
    expect(bumpVersion('0.9.9', 'minor')).toBe('0.10.0');
  });

  it('refuses what is not major.minor.patch', () => {
    expect(bumpVersion('1.4', 'minor')).toBeUndefined();
    expect(bumpVersion('01.4.2', 'minor')).toBeUndefined();
  });
});
