// A counterexample as a policy test case (the *.test.yaml format of engine/review/policy-test.ts):
// the employee record, the earlier grades when they matter, and the expectation the property
// demands, so pasting it into the policy's tests gives a case that fails until the policy is fixed.

import type { TestExpectation } from '../policy-test.js';
import type { EmployeeRecord } from '../../model/record.js';
import type { Scorecard } from '../../model/scorecard.js';
import { fenToYuan } from '../../model/money.js';
import type { Lang } from '../../model/messages/index.js';

export interface CounterCase {
  name: string;
  record: EmployeeRecord;
  history?: string[];
  expect: TestExpectation;
  /** A line saying what the engine gives today, written above the case as a comment. */
  note?: string;
  /** The name and the note in Chinese, for a report in Chinese (`name` and `note` are English). */
  zh?: { name: string; note?: string };
}

/** What the engine gave this employee, as a test expectation. */
export function outcomeOf(card: Scorecard): TestExpectation {
  return {
    score: card.score,
    grade: card.grade,
    tier: card.payout.tier?.id ?? null,
    payout: fenToYuan(card.payout.totalFen),
  };
}

const plain = /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.+-]*$/;
const reserved = /^(true|false|null|yes|no|on|off|~)$/i;

/** A YAML scalar: numbers as they are, plain strings bare, anything else double-quoted (JSON escapes are valid YAML). */
function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  return plain.test(s) && !reserved.test(s) ? s : JSON.stringify(s);
}

function flow(o: Record<string, unknown>): string {
  const parts = Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      if (Array.isArray(v)) return `${k}: [${v.map(scalar).join(', ')}]`;
      if (v && typeof v === 'object') return `${k}: ${flow(v as Record<string, unknown>)}`;
      return `${k}: ${scalar(v)}`;
    });
  return `{ ${parts.join(', ')} }`;
}

/** The cases as the items of a test file's `cases:` list, named and annotated in `lang`. */
export function casesToYaml(cases: CounterCase[], lang: Lang = 'en'): string {
  return cases
    .map((c) => {
      const name = lang === 'zh' && c.zh ? c.zh.name : c.name;
      const note = lang === 'zh' && c.zh ? c.zh.note : c.note;
      const r = c.record;
      const record = {
        employee_id: r.employee_id,
        role: r.role,
        stage: r.stage,
        ...(r.pay_base !== undefined ? { pay_base: r.pay_base } : {}),
        metrics: r.metrics,
      };
      const lines = [
        `  - name: ${scalar(name)}`,
        `    record: ${flow(record)}`,
        ...(c.history?.length ? [`    history: [${c.history.map(scalar).join(', ')}]`] : []),
        ...(note ? [`    # ${note.replace(/\n/g, ' ')}`] : []),
        `    expect: ${flow(c.expect as Record<string, unknown>)}`,
      ];
      return lines.join('\n');
    })
    .join('\n\n');
}
