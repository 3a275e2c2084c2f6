// loadPolicy(text, file, { schemaChecked: true }): what a streaming run's worker does with the policy
// text the reading thread already loaded. Only the schema check is skipped: a text that passes the
// schema loads to the same policy with the same warnings, and the semantic checks still refuse.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { policy, when } from '../builders.js';

describe('a policy text already checked against the schema', () => {
  it.each(['short-video-team', 'livestream-team', 'content-three-dimension'])(
    'bundled policy %s loads to the same policy and diagnostics without the schema check',
    (name) => {
      const file = `policies/${name}.yaml`;
      const text = readFileSync(file, 'utf8');
      const checked = loadPolicy(text, file);
      const skipped = loadPolicy(text, file, { schemaChecked: true });
      expect(checked.ok).toBe(true);
      expect(skipped.ok).toBe(true);
      if (!checked.ok || !skipped.ok) return;
      expect(skipped.diagnostics).toEqual(checked.diagnostics);
      expect(skipped.policy.doc).toEqual(checked.policy.doc);
      expect(skipped.policy.positions).toEqual(checked.policy.positions);
      expect(skipped.policy.grades).toEqual(checked.policy.grades);
    },
  );

  it('keeps a warning the semantic checks give: an unreachable grade', () => {
    const text = policy()
      .grades([
        { grade: 'A', min: 130 },
        { grade: 'B', min: 0 },
      ])
      .yaml();
    const skipped = loadPolicy(text, 'mini.yaml', { schemaChecked: true });
    expect(skipped.ok).toBe(true);
    // the one indicator scores at most 100 points
    expect(skipped.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['policy_grade_unreachable', 'warning', 'grade `A` needs 130 points but no employee can score more than 100'],
    ]);
  });

  it('still refuses what the semantic checks refuse: an unknown fact in a condition', () => {
    const text = policy()
      .adjustment('bonus', { title: '加分', when: when('vidoes', 'greaterThan', 40), points: 5 })
      .yaml();
    const skipped = loadPolicy(text, 'mini.yaml', { schemaChecked: true });
    expect(skipped.ok).toBe(false);
    expect(skipped.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['policy_unknown_fact', 'unknown fact `vidoes` in adjustments'],
    ]);
  });
});
