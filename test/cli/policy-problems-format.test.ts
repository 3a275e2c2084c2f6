// A policy that cannot be loaded: its problems are part of the error, so they follow --lang and
// --error-format like the error itself (`doc` printed them in Chinese under --lang en, and every
// command printed them as text before the JSON of --error-format json).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstickAsIs } from '../yardstick.js';

const file = join(mkdtempSync(join(tmpdir(), 'yardstick-bad-')), 'bad.yaml');
writeFileSync(file, 'policy: x\nversion: [\n');
const INDENT_EN = `${file}:3:1: error[yaml_bad_indent]: flow sequence in block collection must be sufficiently indented and end with a ]\n  help: check the indentation: nested keys are indented by two spaces under their parent`;

describe('a policy that does not load', () => {
  it('doc --lang en gives the YAML problem in English, after the error that names the file', async () => {
    const r = await yardstickAsIs('doc', file, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`error: ${file}: the policy has 1 problem(s)\n${INDENT_EN}`);
  });

  it('run --error-format json gives the problem as JSON with its line and column, and nothing else on stderr', async () => {
    const r = await yardstickAsIs(
      'run',
      file,
      '--data',
      'examples/sample-2026-10.csv',
      '--error-format',
      'json',
      '--lang',
      'en',
    );
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stderr) as { diagnostics: { code: string; span?: { line: number; column: number } }[] };
    expect(json.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column])).toEqual([
      ['cli_policy_invalid', undefined, undefined],
      ['yaml_bad_indent', 3, 1],
    ]);
  });
});
