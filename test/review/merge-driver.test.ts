// The merge driver (`yardstick merge-driver %O %A %B`) on a policy saved on Windows: CRLF line ends
// and a byte-order mark. The merge keeps the file as the branch being merged into has it — its line
// ends and its mark — so merging a one-line change shows as that one line, not as every line of the
// file; a conflict is marked in the same line ends.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeDriver } from '../../node/cli/merge-driver.js';
import { textconvText } from '../../node/cli/textconv.js';

const BOM = '\uFEFF';
const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
const lf = (lines: string[]) => `${lines.join('\n')}\n`;

// ours changes the weights, theirs the tier: two lines apart, so git merges them without a conflict
const BASE = [
  'policy: p',
  'weights: { a: 40, b: 60 }',
  '# 权重按季度复核',
  'score: { max: 120 }',
  'tiers: { gold: 1.5 }',
];
const OURS = [
  'policy: p',
  'weights: { a: 45, b: 55 }',
  '# 权重按季度复核',
  'score: { max: 120 }',
  'tiers: { gold: 1.5 }',
];
const THEIRS = [
  'policy: p',
  'weights: { a: 40, b: 60 }',
  '# 权重按季度复核',
  'score: { max: 120 }',
  'tiers: { gold: 2 }',
];
const MERGED = [
  'policy: p',
  'weights: { a: 45, b: 55 }',
  '# 权重按季度复核',
  'score: { max: 120 }',
  'tiers: { gold: 2 }',
];

/** Runs the driver on the three texts as git would (the result left in OURS): the exit code and OURS after it. */
function merge(base: string, ours: string, theirs: string): { code: number; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-merge-driver-'));
  const [b, o, t] = [join(dir, 'base'), join(dir, 'ours'), join(dir, 'theirs')];
  writeFileSync(b, base);
  writeFileSync(o, ours);
  writeFileSync(t, theirs);
  const code = mergeDriver(b, o, t);
  return { code, text: readFileSync(o, 'utf8') };
}

describe('the merge driver on a policy saved on Windows', () => {
  it('keeps CRLF line ends and the byte-order mark when all three versions have them', () => {
    const r = merge(BOM + crlf(BASE), BOM + crlf(OURS), BOM + crlf(THEIRS));
    expect(r.code).toBe(0);
    expect(r.text).toBe(
      `${BOM}policy: p\r\nweights: { a: 45, b: 55 }\r\n# 权重按季度复核\r\nscore: { max: 120 }\r\ntiers: { gold: 2 }\r\n`,
    );
  });

  it('merges a CRLF branch with an LF one line by line, in the line ends of the branch merged into', () => {
    const r = merge(crlf(BASE), crlf(OURS), lf(THEIRS));
    expect(r.code).toBe(0);
    expect(r.text).toBe(crlf(MERGED));
    const back = merge(crlf(BASE), lf(OURS), crlf(THEIRS));
    expect(back.code).toBe(0);
    expect(back.text).toBe(lf(MERGED));
  });

  it('marks a real conflict in the same line ends', () => {
    const other = [
      'policy: p',
      'weights: { a: 50, b: 50 }',
      '# 权重按季度复核',
      'score: { max: 120 }',
      'tiers: { gold: 1.5 }',
    ];
    const r = merge(BOM + crlf(BASE), BOM + crlf(OURS), BOM + crlf(other));
    expect(r.code).toBe(1);
    expect(r.text).toBe(
      BOM +
        crlf([
          'policy: p',
          '<<<<<<< ours',
          'weights: { a: 45, b: 55 }',
          '=======',
          'weights: { a: 50, b: 50 }',
          '>>>>>>> theirs',
          '# 权重按季度复核',
          'score: { max: 120 }',
          'tiers: { gold: 1.5 }',
        ]),
    );
  });

  it('merges a version that is not valid YAML as written, with the others, whatever their line ends', () => {
    // ours still holds an unfinished edit (a flow map not closed): it is merged as written
    const broken = [
      'policy: p',
      'weights: { a: 45, b: 55 }',
      '# 权重按季度复核',
      'score: { max: 120 }',
      'tiers: { gold: 1.5',
    ];
    const r = merge(crlf(BASE), crlf(broken), lf(THEIRS));
    // the weights merge as any change does; the tier line both changed is the conflict
    expect(r.code).toBe(1);
    expect(r.text).toBe(
      crlf([
        'policy: p',
        'weights: { a: 45, b: 55 }',
        '# 权重按季度复核',
        'score: { max: 120 }',
        '<<<<<<< ours',
        'tiers: { gold: 1.5',
        '=======',
        'tiers: { gold: 2 }',
        '>>>>>>> theirs',
      ]),
    );
  });
});

// git always hands the driver three files, but a driver set up by hand (or a policy saved as GBK on
// one branch) must not crash or corrupt OURS: decoded as UTF-8, GBK bytes come back as U+FFFD and
// would be written over the user's version
describe('the merge driver on a version it cannot merge', () => {
  function files(base: Uint8Array | string, ours: Uint8Array | string, theirs: Uint8Array | string) {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-merge-driver-'));
    const [b, o, t] = [join(dir, 'base'), join(dir, 'ours'), join(dir, 'theirs')];
    writeFileSync(b, base);
    writeFileSync(o, ours);
    writeFileSync(t, theirs);
    return { b, o, t };
  }

  it('leaves OURS byte for byte as it was and says conflict when THEIRS is not UTF-8', () => {
    // 「权重」 in GBK: C8 A8 D6 D8, not UTF-8
    const gbk = Uint8Array.from([...Buffer.from('policy: p\n# '), 0xc8, 0xa8, 0xd6, 0xd8, 0x0a]);
    const { b, o, t } = files(lf(BASE), lf(OURS), gbk);
    const said: string[] = [];
    expect(mergeDriver(b, o, t, (l) => said.push(l))).toBe(1);
    expect(readFileSync(o, 'utf8')).toBe(lf(OURS));
    expect(said).toEqual([
      `yardstick merge-driver: \`${t}\` 不是 UTF-8 文本，未合并，请手工合并 / \`${t}\` is not UTF-8 text, not merged: merge it by hand`,
    ]);
  });

  it('says which version cannot be read, and exits 1 rather than crashing, when a file is missing', () => {
    const { o, t } = files(lf(BASE), lf(OURS), lf(THEIRS));
    const missing = `${o}.absent`;
    const said: string[] = [];
    expect(mergeDriver(missing, o, t, (l) => said.push(l))).toBe(1);
    expect(readFileSync(o, 'utf8')).toBe(lf(OURS));
    expect(said).toEqual([
      `yardstick merge-driver: 无法读取 \`${missing}\`（ENOENT），未合并 / cannot read \`${missing}\` (ENOENT), not merged`,
    ]);
  });
});

// `.gitattributes` gives `policies/*.yaml` the driver, and a policy's tests (`*.test.yaml`) and a
// data mapping sit in the same folder: they are merged and shown as written, not in a policy's layout
describe('the merge driver and textconv on a YAML file in policies/ that is not a policy', () => {
  const TESTS = [
    'cases:',
    '  - name: 运营经理 强势月份',
    '    record: { employee_id: T1, role: ops_manager, stage: startup, metrics: {} }',
    '    history: [A+]',
    '    expect: { grade: A+, triggers: [promotion_candidate] }',
  ];
  const withName = (name: string) => TESTS.map((l, i) => (i === 1 ? `  - name: ${name}` : l));

  it('merges two branches of a test file line by line, leaving every other line as written (`[A+]`, not `[ A+ ]`)', () => {
    // ours renames the case, theirs changes the history: both merge, and the flow sequences keep their layout
    const theirs = TESTS.map((l) => (l === '    history: [A+]' ? '    history: [A+, A]' : l));
    const r = merge(lf(TESTS), lf(withName('运营经理 初创期 强势月份')), lf(theirs));
    expect(r.code).toBe(0);
    expect(r.text).toBe(
      lf([
        'cases:',
        '  - name: 运营经理 初创期 强势月份',
        '    record: { employee_id: T1, role: ops_manager, stage: startup, metrics: {} }',
        '    history: [A+, A]',
        '    expect: { grade: A+, triggers: [promotion_candidate] }',
      ]),
    );
  });

  it('shows a test file in git diff as written, without the "not valid YAML" marker', () => {
    expect(textconvText(lf(TESTS))).toBe(lf(TESTS));
  });

  it('still lays out a policy (a mapping with `policy:` at its top) in the canonical layout', () => {
    expect(textconvText('policy: p\nweights: {a: 40}\n')).toBe('policy: p\nweights: { a: 40 }\n');
  });
});
