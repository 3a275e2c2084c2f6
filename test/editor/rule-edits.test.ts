// Issue 18, items 1 and 2: the rules panel and the decision tables edit the YAML one rule or row at
// a time. Each kind of edit changes only the lines of that rule or row, keeps every comment, and
// (for a new rule) leaves a policy that validates.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPolicy } from '../../engine/index.js';
import { decisionTables, quotaEdit, quotaTable } from '../../editor/app/lib/decision-tables.js';
import { policyView } from '../../editor/app/lib/model.js';
import {
  addRow,
  addRule,
  deleteRow,
  deleteRule,
  duplicateRule,
  moveRow,
  moveRule,
  newRule,
  ruleIdProblem,
  ruleIds,
  setField,
  suggestRuleId,
} from '../../editor/app/lib/rule-edits.js';

const TEXT = `# a policy fragment
grades:
  # the cut-offs
  - { grade: A, min: 80 } # top
  - { grade: B, min: 0 }

adjustments:
  bonus:
    title: 奖励
    when: { all: [ { fact: plays, operator: greaterThan, value: 10 } ] }
    award: 100 # yuan
  # the veto comes second
  veto:
    title: 否决
    when: { fact: violations, operator: greaterThan, value: 0 }
    score_cap: 60
`;

/** The text with its lines `from` (1-based, inclusive) to `to` replaced by `lines`. */
function lines(text: string, from: number, to: number, ...replacement: string[]): string {
  const all = text.split('\n');
  all.splice(from - 1, to - from + 1, ...replacement);
  return all.join('\n');
}
const ok = (r: { ok: true; text: string } | { ok: false; message: string }) => {
  if (!r.ok) throw new Error(r.message);
  return r.text;
};

describe('rule edits keep the rest of the text byte for byte', () => {
  it('adds a rule at the end of its section', () => {
    const rule = newRule('adjustments', '新规则', 'plays', '');
    expect(ok(addRule(TEXT, 'adjustments', 'extra', rule))).toBe(
      `${TEXT}  extra:\n    title: 新规则\n    when: { all: [ { fact: plays, operator: greaterThan, value: 0 } ] }\n    points: 0\n`,
    );
  });

  it('adds a missing section at the end of the file, after a blank line', () => {
    const rule = newRule('holds', '核实', 'plays', '请核实');
    expect(ok(addRule(TEXT, 'holds', 'check', rule))).toBe(
      `${TEXT}\nholds:\n  check:\n    title: 核实\n    when: { all: [ { fact: plays, operator: greaterThan, value: 0 } ] }\n    reason: 请核实\n`,
    );
  });

  it('refuses a new rule whose id another rule has, in any section', () => {
    const r = addRule(TEXT, 'triggers', 'veto', newRule('triggers', '通知', 'plays', ''));
    expect(r).toEqual({ ok: false, message: '`veto` cannot name a new rule (taken)' });
  });

  it('deletes a rule with the comment above it', () => {
    expect(ok(deleteRule(TEXT, 'adjustments', 'veto'))).toBe(lines(TEXT, 12, 16));
  });

  it('moves a rule down and back up: its comment goes with it, and the text comes back', () => {
    const down = ok(moveRule(TEXT, 'adjustments', 'bonus', 1));
    expect(down).toBe(
      lines(
        TEXT,
        8,
        16,
        '  # the veto comes second',
        '  veto:',
        '    title: 否决',
        '    when: { fact: violations, operator: greaterThan, value: 0 }',
        '    score_cap: 60',
        '  bonus:',
        '    title: 奖励',
        '    when: { all: [ { fact: plays, operator: greaterThan, value: 10 } ] }',
        '    award: 100 # yuan',
      ),
    );
    expect(ok(moveRule(down, 'adjustments', 'bonus', -1))).toBe(TEXT);
    expect(moveRule(TEXT, 'adjustments', 'bonus', -1)).toEqual({ ok: false, message: 'nothing to move past' });
  });

  it("a comment above the first rule is that rule's: it moves and goes with it", () => {
    const text = TEXT.replace('adjustments:\n  bonus:', 'adjustments:\n  # bonus first\n  bonus:');
    const down = ok(moveRule(text, 'adjustments', 'bonus', 1));
    expect(down).toBe(
      lines(
        text,
        8,
        17,
        '  # the veto comes second',
        '  veto:',
        '    title: 否决',
        '    when: { fact: violations, operator: greaterThan, value: 0 }',
        '    score_cap: 60',
        '  # bonus first',
        '  bonus:',
        '    title: 奖励',
        '    when: { all: [ { fact: plays, operator: greaterThan, value: 10 } ] }',
        '    award: 100 # yuan',
      ),
    );
    expect(ok(moveRule(down, 'adjustments', 'bonus', -1))).toBe(text);
    expect(ok(deleteRule(text, 'adjustments', 'bonus'))).toBe(lines(text, 8, 12));
  });

  it('duplicates a rule right after it, under a new id and title, in the same layout', () => {
    expect(ok(duplicateRule(TEXT, 'adjustments', 'bonus', 'bonus_2', '奖励（副本）'))).toBe(
      lines(
        TEXT,
        12,
        11,
        '  bonus_2:',
        '    title: 奖励（副本）',
        '    when: { all: [ { fact: plays, operator: greaterThan, value: 10 } ] }',
        '    award: 100',
      ),
    );
  });

  it('sets a fixed award, keeping the comment on its line', () => {
    expect(ok(setField(TEXT, ['adjustments', 'bonus', 'award'], 150))).toBe(
      lines(TEXT, 11, 11, '    award: 150 # yuan'),
    );
  });

  it('turns a fixed award into a per-unit award with its own cap, on one line, comment kept', () => {
    const perUnit = { per: 'viral_videos', amount: 500, max: 5000 };
    expect(ok(setField(TEXT, ['adjustments', 'bonus', 'award'], perUnit))).toBe(
      lines(TEXT, 11, 11, '    award: { per: viral_videos, amount: 500, max: 5000 } # yuan'),
    );
  });

  it('adds and removes a grade cap, points and an action parameter', () => {
    const capped = ok(setField(TEXT, ['adjustments', 'veto', 'grade_cap'], 'C'));
    expect(capped).toBe(`${TEXT}    grade_cap: C\n`);
    expect(ok(setField(capped, ['adjustments', 'veto', 'grade_cap'], undefined))).toBe(TEXT);
    expect(ok(setField(TEXT, ['adjustments', 'veto', 'points'], -5))).toBe(`${TEXT}    points: -5\n`);
    const trigger =
      'triggers:\n  pip:\n    title: 改进\n    when: { fact: grade, operator: equal, value: C }\n    action: { type: improvement_plan } # 30 天\n';
    expect(ok(setField(trigger, ['triggers', 'pip', 'action', 'days'], 30))).toBe(
      'triggers:\n  pip:\n    title: 改进\n    when: { fact: grade, operator: equal, value: C }\n    action: { type: improvement_plan, days: 30 } # 30 天\n',
    );
  });

  it('sets the pay formula and a cap written as a formula', () => {
    const payout = 'payout:\n  performance_pay: pay_base * score / 100 # the base\n  cap: 9000\n';
    expect(ok(setField(payout, ['payout', 'performance_pay'], 'pay_base * min(score, 120) / 100'))).toBe(
      'payout:\n  performance_pay: pay_base * min(score, 120) / 100 # the base\n  cap: 9000\n',
    );
    expect(ok(setField(payout, ['payout', 'cap'], 'pay_base * 3'))).toBe(
      'payout:\n  performance_pay: pay_base * score / 100 # the base\n  cap: pay_base * 3\n',
    );
  });
});

describe('table rows', () => {
  it('inserts a row in the layout of its neighbours', () => {
    expect(ok(addRow(TEXT, ['grades'], 1, { grade: 'B+', min: 60 }))).toBe(
      lines(TEXT, 4, 4, '  - { grade: A, min: 80 } # top', '  - { grade: B+, min: 60 }'),
    );
  });

  it('moves a row with its comment and deletes one', () => {
    expect(ok(moveRow(TEXT, ['grades'], 0, 1))).toBe(
      lines(TEXT, 4, 5, '  - { grade: B, min: 0 }', '  - { grade: A, min: 80 } # top'),
    );
    expect(ok(deleteRow(TEXT, ['grades'], 1))).toBe(lines(TEXT, 5, 5));
  });

  it('keeps at least one row', () => {
    const one = 'grades:\n  - { grade: C, min: 0 }\n';
    expect(deleteRow(one, ['grades'], 0)).toEqual({ ok: false, message: 'a table keeps at least one row' });
  });

  it('sets a cell where it stands', () => {
    expect(ok(setField(TEXT, ['grades', 0, 'min'], 85))).toBe(lines(TEXT, 4, 4, '  - { grade: A, min: 85 } # top'));
  });
});

describe('rule ids', () => {
  it('are unique over adjustments, holds and triggers, and follow the id pattern', () => {
    const taken = ruleIds(parse(TEXT));
    expect(taken).toEqual(['bonus', 'veto']);
    expect(ruleIdProblem('bonus', taken)).toBe('taken');
    expect(ruleIdProblem('', taken)).toBe('empty');
    expect(ruleIdProblem('Bonus', taken)).toBe('pattern');
    expect(ruleIdProblem('爆款', taken)).toBe('pattern');
    expect(ruleIdProblem('constructor', taken)).toBe('reserved');
    expect(ruleIdProblem('bonus_2', taken)).toBeUndefined();
  });

  it('suggests the next free id', () => {
    expect(suggestRuleId('bonus', ['bonus', 'bonus_2'])).toBe('bonus_3');
    expect(suggestRuleId('new_hold', [])).toBe('new_hold');
    expect(suggestRuleId('Viral Bonus!', [])).toBe('viral_bonus');
  });
});

describe('on the bundled short-video policy', () => {
  const POLICY = readFileSync('policies/short-video-team.yaml', 'utf8');

  it.each([
    ['adjustments', '新加减分规则'],
    ['holds', '新暂扣规则'],
    ['triggers', '新触发动作'],
  ] as const)('a new %s rule as the panel adds it validates, with no new diagnostic', (section, title) => {
    const before = loadPolicy(POLICY, 'p.yaml');
    const text = ok(addRule(POLICY, section, 'added_rule', newRule(section, title, 'plays', '请核实后再发放')));
    const after = loadPolicy(text, 'p.yaml');
    expect(after.ok).toBe(true);
    expect(after.diagnostics.map((d) => d.code)).toEqual(before.diagnostics.map((d) => d.code));
    // only lines were added
    expect(text.startsWith(POLICY.slice(0, POLICY.indexOf(`\n${section}:`)))).toBe(true);
    expect(text.split('\n').length - POLICY.split('\n').length).toBe(4);
  });

  it("marks the step table's row that `validate` flags: the engine's diagnostic points at it", () => {
    const view = policyView(parse(POLICY))!;
    const steps = decisionTables(view).find((t) => t.name === 'steps:director.output')!;
    expect(steps.path).toEqual(['roles', 'director', 'indicators', 'output', 'steps']);
    expect(steps.columns.map((c) => c.key)).toEqual(['min', 'points']);
    expect(steps.rows).toEqual([
      { min: 32, points: 100, max: undefined },
      { min: 24, points: 80, max: undefined },
      { min: 16, points: 60, max: undefined },
      { min: 0, points: 0, max: undefined },
    ]);
    // 24 typed as 40: the second step now starts above the first
    const text = ok(setField(POLICY, [...steps.path, 1, 'min'], 40));
    expect(text).toBe(POLICY.replace('- { min: 24, points: 80 }', '- { min: 40, points: 80 }'));
    const flagged = loadPolicy(text, 'p.yaml').diagnostics.filter((d) => d.code === 'policy_steps_order');
    expect(flagged.map((d) => [d.path, d.message])).toEqual([
      [[...steps.path, 1], 'step 2 of `output` (min 40) is out of order after min 32'],
    ]);
  });

  it('lists the grade cut-offs and the tier bands as tables', () => {
    const tables = decisionTables(policyView(parse(POLICY))!);
    expect(tables.map((t) => t.name)).toEqual(['steps:director.output', 'grades', 'tiers']);
    const tiers = tables.find((t) => t.name === 'tiers')!;
    expect(tiers.rows[2]).toEqual({ tier: 'bronze', title: '铜牌', min: 0.8, multiplier: 1.2 });
  });

  it('reads the caps and the pay formula for the caps panel', () => {
    expect(policyView(parse(POLICY))!.caps).toEqual({
      scoreMax: 130,
      awardsCap: 10000,
      cap: 'pay_base * 3',
      performancePay: 'pay_base * min(score, 120) / 100',
    });
  });
});

describe('a lower-is-better step table (livestream customer service)', () => {
  const POLICY = readFileSync('policies/livestream-team.yaml', 'utf8');
  const table = decisionTables(policyView(parse(POLICY))!).find((t) => t.name === 'steps:customer_service.response')!;

  it('shows `max`, from the lowest up', () => {
    expect(table.lower).toBe(true);
    expect(table.columns.map((c) => c.key)).toEqual(['max', 'points']);
    expect(table.rows.map((r) => [r.max, r.points])).toEqual([
      [30, 110],
      [60, 100],
      [90, 70],
      [120, 50],
    ]);
  });

  it('a row moved out of order is the row validate flags', () => {
    // 90 s above 60 s: moved up, 90 comes before 60, so 60 is out of order after 90
    const text = ok(moveRow(POLICY, table.path, 2, -1));
    expect(text).toBe(
      POLICY.replace(
        '          - { max: 60, points: 100 }\n          - { max: 90, points: 70 }\n',
        '          - { max: 90, points: 70 }\n          - { max: 60, points: 100 }\n',
      ),
    );
    const flagged = loadPolicy(text, 'p.yaml').diagnostics.filter((d) => d.code === 'policy_steps_order');
    expect(flagged.map((d) => [d.path, d.message])).toEqual([
      [[...table.path, 2], 'step 3 of `response` (max 60) is out of order after max 90'],
    ]);
  });
});

describe('the forced-distribution quotas as a table (livestream, within teams)', () => {
  const POLICY = readFileSync('policies/livestream-team.yaml', 'utf8');
  const table = quotaTable(policyView(parse(POLICY))!)!;
  const apply = (rating: string, key: 'min' | 'max', value: number | undefined) => {
    const edit = quotaEdit(table, rating, key, value);
    return ok(setField(POLICY, edit.path, edit.value));
  };

  it('has one row per grade, with the shares the policy sets', () => {
    expect(table.rows).toEqual([
      { rating: 'A+', min: undefined, max: 0.1 },
      { rating: 'A', min: undefined, max: undefined },
      { rating: 'B', min: undefined, max: undefined },
      { rating: 'C', min: 0.1, max: undefined },
    ]);
  });

  it('sets a share where it stands, adds a quota for a grade without one, removes an emptied one', () => {
    expect(apply('A+', 'max', 0.15)).toBe(
      POLICY.replace('    A+: { max: 0.1 } # at most', '    A+: { max: 0.15 } # at most'),
    );
    expect(apply('A+', 'min', 0.05)).toBe(
      POLICY.replace('    A+: { max: 0.1 } # at most', '    A+: { max: 0.1, min: 0.05 } # at most'),
    );
    const c = '    C: { min: 0.1 } # and at least one in ten calibrated to C, rounded down for small teams\n';
    expect(apply('B', 'max', 0.5)).toBe(POLICY.replace(c, `${c}    B: { max: 0.5 }\n`));
    expect(apply('C', 'min', undefined)).toBe(POLICY.replace(c, ''));
  });

  it('a quota that cannot be met is the row validate flags', () => {
    const text = apply('A+', 'min', 0.2);
    const flagged = loadPolicy(text, 'p.yaml').diagnostics.filter((d) => d.code === 'policy_quota_impossible');
    // both on the A+ row: min above max, and a min on the highest grade (people only move down)
    expect(flagged.map((d) => [d.path, d.message])).toEqual([
      [['calibration', 'quotas', 'A+'], 'the quota for `A+` asks for at least 0.2 but at most 0.1'],
      [
        ['calibration', 'quotas', 'A+', 'min'],
        '`A+` is the highest grade of the scale, so its `min` can never be applied: forced distribution only moves people down',
      ],
    ]);
  });
});
