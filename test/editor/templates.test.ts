// "New policy" starts from these templates, so each must load without errors.

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';

describe('editor templates', () => {
  it('are the startup team, mature team and livestream team', () => {
    expect(readdirSync('editor/templates').sort()).toEqual([
      'livestream-team.yaml',
      'mature-team.yaml',
      'startup-team.yaml',
    ]);
  });

  it.each(readdirSync('editor/templates'))('%s loads without errors', (name) => {
    const r = loadPolicy(readFileSync(`editor/templates/${name}`, 'utf8'), name);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
