// A policy a merge left unresolved (git's `<<<<<<<`, `=======`, `>>>>>>>` lines) is named as such,
// at its first marker, in one message. Before, its lines gave dozens of YAML errors (39 for one
// conflict in a tier table), the first "keys cannot span lines" at `<<<<<<< ours`, and none said merge.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy, localise } from '../../engine/index.js';
import { readYaml } from '../../engine/language/limits.js';

const problems = (text: string, lang: 'en' | 'zh' = 'en') =>
  loadPolicy(text, 'p.yaml').diagnostics.map((d) => [d.code, d.span?.line, d.span?.column, localise(d, lang).message]);

describe('a merge conflict left in a policy', () => {
  it('is one error at its first marker, naming the lines it spans', () => {
    const flagship = readFileSync('policies/short-video-team.yaml', 'utf8').split('\n');
    // the pay base of 运营经理 changed on both sides (line 49 of the flagship: `    pay_base: 6000`)
    expect(flagship[48]).toBe('    pay_base: 6000');
    const conflicted = [
      ...flagship.slice(0, 48),
      '<<<<<<< ours',
      '    pay_base: 6500',
      '=======',
      '    pay_base: 7000',
      '>>>>>>> theirs',
      ...flagship.slice(49),
    ].join('\n');
    expect(problems(conflicted)).toEqual([
      [
        'yaml_merge_conflict',
        49,
        1,
        'the file holds an unresolved git merge conflict: `<<<<<<<` on line 49 begins it, `>>>>>>>` on line 53 ends it',
      ],
    ]);
    expect(problems(conflicted, 'zh')[0]![3]).toBe(
      '文件中有未解决的 git 合并冲突：第 49 行的 `<<<<<<<` 开始，第 53 行的 `>>>>>>>` 结束',
    );
  });

  it('not for a line of `=======` alone (a description underlined) or markers that are not at a line start', () => {
    const text = 'policy: p\ndescription: |\n  考核说明\n  =======\n  见附件 <<<<<<< 与 >>>>>>>\n';
    expect(problems(text).map((p) => p[0])).not.toContain('yaml_merge_conflict');
  });

  it('in a policy’s tests or a data mapping (readYaml) too', () => {
    const r = readYaml('cases:\n<<<<<<< ours\n  - name: a\n=======\n  - name: b\n>>>>>>> theirs\n', 'p.test.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.code, d.file, d.span?.line, localise(d, 'en').help])).toEqual([
      [
        'yaml_merge_conflict',
        'p.test.yaml',
        2,
        'keep one side of each conflict (or combine them) and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines; `yardstick diff --base HEAD` then shows what the merge changed',
      ],
    ]);
  });
});

describe('conflict markers longer than seven characters', () => {
  it('are named as a conflict too (git writes them for the `conflict-marker-size` attribute and inside a recursive merge’s base)', () => {
    const text = 'policy: p\nscore:\n<<<<<<<<<< ours\n  max: 120\n==========\n  max: 130\n>>>>>>>>>> theirs\n';
    expect(problems(text)).toEqual([
      [
        'yaml_merge_conflict',
        3,
        1,
        'the file holds an unresolved git merge conflict: `<<<<<<<<<<` on line 3 begins it, `>>>>>>>>>>` on line 7 ends it',
      ],
    ]);
  });

  it('the help names the markers to delete as the file writes them', () => {
    const text = 'policy: p\nscore:\n<<<<<<<< ours\n  max: 120\n========\n  max: 130\n>>>>>>>> theirs\n';
    const [d] = loadPolicy(text, 'p.yaml').diagnostics;
    expect(localise(d!, 'en').help).toBe(
      'keep one side of each conflict (or combine them) and delete the `<<<<<<<<`, `========` and `>>>>>>>>` lines; `yardstick diff --base HEAD` then shows what the merge changed',
    );
  });

  it('with CRLF line ends and a marker without a name', () => {
    const text = 'policy: p\r\nscore:\r\n<<<<<<<\r\n  max: 120\r\n=======\r\n  max: 130\r\n>>>>>>>\r\n';
    expect(problems(text).map((p) => [p[0], p[1]])).toEqual([['yaml_merge_conflict', 3]]);
  });
});

describe('markers as each line writes them', () => {
  it('the middle marker as found, when the file mixes sizes (an opening of eight over a middle of seven)', () => {
    const text = 'policy: p\nscore:\n<<<<<<<< ours\n  max: 120\n=======\n  max: 130\n>>>>>>>> theirs\n';
    const [d] = loadPolicy(text, 'p.yaml').diagnostics;
    expect(localise(d!, 'en').help).toBe(
      'keep one side of each conflict (or combine them) and delete the `<<<<<<<<`, `=======` and `>>>>>>>>` lines; `yardstick diff --base HEAD` then shows what the merge changed',
    );
  });

  it('diff3’s `|||||||` section of original lines is named: it must go too', () => {
    const text =
      'policy: p\nscore:\n<<<<<<< ours\n  max: 120\n||||||| base\n  max: 100\n=======\n  max: 130\n>>>>>>> theirs\n';
    const [d] = loadPolicy(text, 'p.yaml').diagnostics;
    expect([d!.code, d!.span?.line, localise(d!, 'en').message, localise(d!, 'en').help]).toEqual([
      'yaml_merge_conflict',
      3,
      'the file holds an unresolved git merge conflict: `<<<<<<<` on line 3 begins it, `>>>>>>>` on line 9 ends it',
      'keep one side of each conflict (or combine them) and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines, and the `|||||||` line with the original lines below it up to `=======`; `yardstick diff --base HEAD` then shows what the merge changed',
    ]);
    expect(localise(d!, 'zh').help).toBe(
      '请在每处冲突中保留一方（或合并两方），删除 `<<<<<<<`、`=======`、`>>>>>>>` 这几行，并删除 `|||||||` 这一行及其下方直到 `=======` 的原始内容；之后可用 `yardstick diff --base HEAD` 查看合并带来的改动',
    );
  });
});
