// `fmt` lays a policy out; it never decides what a value means. A number YAML readers disagree on
// (`06000`: 6000 to YAML 1.2, octal 3072 to YAML 1.1) is refused by `validate`, so `fmt` must not
// rewrite it as `6000` and make the refused policy pass.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPolicyText } from '../../engine/index.js';
import { yardstick } from '../yardstick.js';

const policy = readFileSync('policies/short-video-team.yaml', 'utf8');
const withLeadingZero = policy.replace('pay_base: 6000', 'pay_base: 06000');

describe('fmt and a number with a leading zero', () => {
  it('formatPolicyText gives no canonical text for `06000` (the merge driver and textconv then keep the text as written)', () => {
    expect(withLeadingZero).not.toBe(policy);
    expect(formatPolicyText(withLeadingZero)).toBeNull();
    expect(formatPolicyText(policy)).toBe(policy);
  });

  it('fmt leaves the file as written, names the number at line 49 column 15, exit 1', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yardstick-fmt-')), 'p.yaml');
    writeFileSync(file, withLeadingZero);
    const r = await yardstick('fmt', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `${file}:49:15: error[policy_number_ambiguous]: \`06000\` is not a plain decimal number`,
    );
    expect(readFileSync(file, 'utf8')).toBe(withLeadingZero);
  });

  it('0x10 and 0o17 were already kept as written, and are still refused by fmt like 017', () => {
    for (const n of ['0x10', '0o17', '017']) expect(formatPolicyText(`policy: x\nn: ${n}\n`)).toBeNull();
    expect(formatPolicyText('policy: x\nn: 17\n')).toBe('policy: x\nn: 17\n');
  });
});
