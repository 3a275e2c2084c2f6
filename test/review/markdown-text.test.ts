// Names, teams and ids from the data are text in Markdown (`run --format md`, `diff --format md`,
// the report a pull request shows): `<img src=x onerror=…>` is not HTML there, and `A|B` does not
// split a table row. Each is backslash-escaped (`\<`, `\|`, `\&`), which Markdown renders as the
// character itself.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const OLD = `policy: one-rating
title: 单项评分
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
stages:
  only: { title: 常规 }
roles:
  staff: { title: 员工, pay_base: 1000, indicators: { r: { metric: rating, scoring: rating, weight: 100 } } }
grades:
  - { grade: A, min: 80 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;
// the pay base doubles and A starts at 70
const NEW = OLD.replace('version: 1.0.0', 'version: 1.1.0')
  .replace('pay_base: 1000', 'pay_base: 2000')
  .replace('min: 80', 'min: 70');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-md-'));
  writeFileSync(join(dir, 'old.yaml'), OLD);
  writeFileSync(join(dir, 'new.yaml'), NEW);
  writeFileSync(
    join(dir, 'd.csv'),
    '工号,姓名,岗位,团队,阶段,月份,评分\nE1,"<img src=x onerror=alert(1)>",员工,"A|B&C",常规,2026-10,75\n',
  );
});

describe('text from the data in Markdown', () => {
  it('run --format md: the row of a name that looks like HTML and a team with a pipe', async () => {
    const r = await yardstick('run', join(dir, 'old.yaml'), '--data', join(dir, 'd.csv'), '--format', 'md');
    expect(r.code).toBe(0);
    // rating 75 → score 75, below A's 80 → C; 1000 × 75 / 100 = ¥750.00
    expect(r.stdout).toContain(
      '| E1 | \\<img src=x onerror=alert(1)> | A\\|B\\&C | 员工 | 常规 | 75.00 | C |  | ¥750.00 |  |  |',
    );
    expect(r.stdout).not.toMatch(/[^\\]<img/);
  });

  // node/cli/format/markdown-text.ts escapes `\`, `|`, `<`, `&` in names, not the marks that start
  // a link, code or emphasis: a name `[点我](https://evil.example)` is a link in a pull-request
  // comment, and `` `<b>` `` a code span that shows `\<b>`, the backslash and all. The fix belongs
  // to markdown-text.ts (not this helper's file): escape `` ` `` `*` `_` `[` `]` `~` as policy text is.
  it('run --format md: a name that looks like a link or a code span is text', async () => {
    writeFileSync(
      join(dir, 'd-link.csv'),
      '工号,姓名,岗位,团队,阶段,月份,评分\nE1,[点我](https://evil.example),员工,`<b>`,常规,2026-10,75\n',
    );
    const r = await yardstick('run', join(dir, 'old.yaml'), '--data', join(dir, 'd-link.csv'), '--format', 'md');
    expect(r.code).toBe(0);
    // rating 75 → C, ¥750.00 as above
    expect(r.stdout).toContain(
      '| E1 | \\[点我\\](https://evil.example) | \\`\\<b>\\` | 员工 | 常规 | 75.00 | C |  | ¥750.00 |  |  |',
    );
  });

  it('diff --format md: the team total and the employee crossing a grade', async () => {
    const r = await yardstick(
      'diff',
      join(dir, 'old.yaml'),
      join(dir, 'new.yaml'),
      '--data',
      join(dir, 'd.csv'),
      '--format',
      'md',
    );
    expect(r.code).toBe(0);
    // before ¥750.00 (C); after 2000 × 75 / 100 = ¥1,500.00, and 75 ≥ 70 → A
    expect(r.stdout).toContain('| A\\|B\\&C | ¥750.00 | ¥1,500.00 | +¥750.00 |');
    expect(r.stdout).toContain(
      '| E1 | \\<img src=x onerror=alert(1)> | A\\|B\\&C | C → A | ¥750.00 → ¥1,500.00 | +¥750.00 |',
    );
    expect(r.stdout).not.toMatch(/[^\\]<img/);
  });
});

// Policy text is a pull request's own words: an author who titles a rule `<!--` must not turn the
// rest of the report — the money a reviewer approves — into an HTML comment GitHub hides. Titles,
// change words, pool and budget lines and the unscorable reasons (which quote data cells) are text
// too: `\`, `|`, `<`, `&` and the marks that start code, links and emphasis (`` ` `` `*` `_` `[` `]`
// `~`) backslash-escaped, which Markdown renders as the characters themselves.
describe('policy text and quoted cells in the Markdown review', () => {
  it('diff --format md: a rule titled `<!--`, a pool titled `池<i>`, a cell `<!--` in a reason', async () => {
    const NEW3 = `${OLD.replace('title: 单项评分', "title: '单项<!--评分'")
      .replace('version: 1.0.0', 'version: 1.1.0')
      .replace(
        '  rating: { label: 评分, unit: score, range: [ 0, 100 ] }\n',
        '  rating: { label: 评分, unit: score, range: [ 0, 100 ] }\n  leads: { label: 线索, unit: count }\n',
      )}adjustments:
  hidden:
    title: '<!-- 隐藏'
    when: { all: [{ fact: leads, operator: greaterThanInclusive, value: 5 }] }
    award: 100
pools:
  team:
    title: '池<i>'
    per: team
    fund: { fixed: 100 }
    weight: score * pay_base
`;
    writeFileSync(join(dir, 'new3.yaml'), NEW3);
    writeFileSync(
      join(dir, 'd3.csv'),
      '工号,姓名,岗位,团队,阶段,月份,评分,线索\nE1,甲,员工,一组,常规,2026-10,75,<!--\nE2,乙,员工,"A|B&C",常规,2026-10,90,5\n',
    );
    const at = (name: string) => join(dir, name);
    const md = ['--format', 'md', '--allow-unscorable', '--lang', 'zh'];
    const r = await yardstick('diff', at('old.yaml'), at('new3.yaml'), '--data', at('d3.csv'), ...md);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`### 单项\\<!--评分 — \`${join(dir, 'new3.yaml')}\` v1.0.0 → v1.1.0`);
    expect(lines).toContain('- 新增 调整 「\\<!-- 隐藏」：当 线索 ≥ 5 时，奖励 ¥100.00');
    expect(lines).toContain('- 新增 奖金池「池\\<i>」：每个团队 ¥100.00，按 score \\* pay\\_base 分配');
    // E1's 线索 `<!--` is not a number in the new version: listed apart, the cell quoted as text
    expect(lines.find((l) => l.startsWith('| E1 |'))).toBe(
      `| E1 | 甲 | 一组 | ¥750.00 | ${join(dir, 'd3.csv')}:2: error\\[data\\_not\\_a\\_number\\]: 无法读取的值：\\\`\\<!--\\\` 是一个范围，不是单个数值 — 位置：第 2 行，列 \\\`线索\\\`，值 \\\`\\<!--\\\` |`,
    );
    // E2: 1000 × 90 / 100 = ¥900.00, then the ¥100 award (线索 5 ≥ 5), then the whole ¥100 pool of A|B&C
    expect(lines).toContain('- 修改后：奖金池 池\\<i>（A\\|B\\&C）：¥100.00，分给 1 人 ¥100.00');
    expect(lines).toContain('| 2 | 新增 调整 「\\<!-- 隐藏」：当 线索 ≥ 5 时，奖励 ¥100.00 | +¥100.00 | 1 |  |  |');
    expect(r.stdout).not.toMatch(/(^|[^\\])<(!--|i>)/m);
  });
});
