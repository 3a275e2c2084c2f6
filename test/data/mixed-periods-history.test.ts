// The months of one data file are each other's history (docs/policy-language.md, "History facts"):
// scored in order, a month sees the file's earlier months as the ledger's months are seen, by the
// same calendar rule — September before October is "in a row", August before October is not.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { policy, when } from '../builders.js';
import { yardstick } from '../yardstick.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-months-history-'));
  // grades A from 80, B below; two B in a row → exit review; any previous grade → a note
  const text = policy()
    .trigger('two_b', {
      title: '连续两个月 B',
      when: {
        all: [{ fact: 'consecutive_grade', params: { grade: 'B' }, operator: 'greaterThanInclusive', value: 2 }],
      },
      action: { type: 'exit_review' },
    })
    .trigger('has_previous', {
      title: '有上月等级',
      when: { all: [{ fact: 'previous_grade', operator: 'present' }] },
      action: { type: 'notify' },
    })
    .trigger('was_a', { title: '上月 A', when: when('previous_grade', 'equal', 'A'), action: { type: 'notify' } })
    .yaml();
  writeFileSync(join(dir, 'p.yaml'), text);
  const head = '工号,姓名,岗位,团队,阶段,月份,评分\n';
  writeFileSync(
    join(dir, 'sep-oct.csv'),
    `${head}E1,甲,员工,一组,常规,2026-10,50\nE1,甲,员工,一组,常规,2026-09,60\nE2,乙,员工,一组,常规,2026-10,70\nE3,丙,员工,一组,常规,2026-09,90\nE3,丙,员工,一组,常规,2026-10,95\n`,
  );
  writeFileSync(join(dir, 'aug-oct.csv'), `${head}E1,甲,员工,一组,常规,2026-08,60\nE1,甲,员工,一组,常规,2026-10,50\n`);
});

async function triggers(file: string): Promise<string[]> {
  const r = await yardstick('run', join(dir, 'p.yaml'), '--data', join(dir, file), '--format', 'json');
  expect(r.code).toBe(0);
  const cards = JSON.parse(r.stdout).scorecards as {
    employee_id: string;
    period: string;
    triggers: { id: string }[];
  }[];
  return cards.map((c) => `${c.period} ${c.employee_id}: ${c.triggers.map((t) => t.id).join(' ') || '—'}`);
}

describe('the earlier months of a data file are history for its later ones', () => {
  it('E1 B (60) in September and B (50) in October: two B in a row; E2, October only, has no history; E3 was A', async () => {
    expect((await triggers('sep-oct.csv')).sort()).toEqual([
      '2026-09 E1: —',
      '2026-09 E3: —',
      '2026-10 E1: two_b has_previous',
      '2026-10 E2: —',
      '2026-10 E3: has_previous was_a',
    ]);
  });

  it('August and October with no September: not in a row, and no previous grade', async () => {
    expect((await triggers('aug-oct.csv')).sort()).toEqual(['2026-08 E1: —', '2026-10 E1: —']);
  });
});
