// "New policy" starts from these templates, so each must load without errors.

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.js';
import { yardstick } from '../yardstick.js';

describe('editor templates', () => {
  // a new policy opens on data it can score: each template names the bundled month made for it.
  // startup: the 100 初创期 rows less SV0013 and SV0055 (bad on purpose); mature: the 100 成熟期 rows;
  // livestream: 60 rows less LS0011 (GMV target 0) and five negative week-over-week viewer growths,
  // which the template's ratio (0 to 1) refuses
  it.each([
    ['startup-team.yaml', 'examples/sample-2026-10.csv', 98],
    ['mature-team.yaml', 'examples/sample-2026-10.csv', 100],
    ['livestream-team.yaml', 'examples/livestream-2026-10.csv', 54],
  ])('%s scores its sample month %s (%i employees)', async (name, sample, employees) => {
    const samples = JSON.parse(readFileSync('editor/templates/samples.json', 'utf8')) as Record<string, string>;
    expect(samples[name]).toBe(sample);
    const r = await yardstick(
      'run',
      `editor/templates/${name}`,
      '--data',
      sample,
      '--exclude-invalid',
      '--format',
      'json',
    );
    expect(JSON.parse(r.stdout).summary.employees).toBe(employees);
  });

  it('are the startup team, mature team and livestream team', () => {
    expect(readdirSync('editor/templates').sort()).toEqual([
      'livestream-team.yaml',
      'mature-team.yaml',
      'samples.json',
      'startup-team.yaml',
    ]);
  });

  it.each(readdirSync('editor/templates').filter((n) => n.endsWith('.yaml')))('%s loads without errors', (name) => {
    const r = loadPolicy(readFileSync(`editor/templates/${name}`, 'utf8'), name);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
