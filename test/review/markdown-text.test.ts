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
