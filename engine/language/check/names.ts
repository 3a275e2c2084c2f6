// Names the policy declares: metric and derived ids, column labels, team spellings.

import { FIELD_NAMES } from '../../model/fields.js';
import { BUILTIN_FACTS } from '../facts.js';
import type { Path } from '../parse.js';
import { teamKey } from '../teams.js';
import type { CheckContext } from './context.js';

/** Zero-width spaces and joiners, word joiner, BOM, soft hyphen: as the data reader drops them from headers. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Metric and derived ids: not both, not a built-in name; every column header means one metric. */
export function checkIds({ policy: p, report }: CheckContext) {
  for (const id of Object.keys(p.derived ?? {})) {
    if (p.metrics[id]) report('policy_duplicate_id', { id }, ['derived', id], { key: true });
  }
  for (const [section, ids] of [
    ['metrics', Object.keys(p.metrics)],
    ['derived', Object.keys(p.derived ?? {})],
  ] as const) {
    for (const id of ids) {
      if (BUILTIN_FACTS[id] || id === 'name' || id === 'period') {
        report('policy_reserved_id', { id }, [section, id], { key: true });
      }
    }
  }
  // every column header must mean one thing, compared as the data reader compares headers (width,
  // invisible characters, surrounding spaces and case ignored): a record field's headers (工号,
  // 月份, …) and a metric's id are read before any label or alias, which would never be read
  const columnKey = (s: string) => s.normalize('NFKC').replace(INVISIBLE, '').trim().toLowerCase();
  const owner = new Map<string, string>();
  for (const [field, names] of Object.entries(FIELD_NAMES)) for (const n of names) owner.set(columnKey(n), field);
  for (const id of Object.keys(p.metrics)) if (!owner.has(columnKey(id))) owner.set(columnKey(id), id);
  for (const [id, m] of Object.entries(p.metrics)) {
    for (const [label, path] of [
      [m.label, ['metrics', id, 'label']],
      ...(m.aliases ?? []).map((a, i) => [a, ['metrics', id, 'aliases', i]] as const),
    ] as const) {
      const key = columnKey(label);
      const other = owner.get(key);
      if (other && other !== id) {
        report('policy_duplicate_label', { label, other, id }, path as Path);
      } else owner.set(key, id);
    }
  }
  // a derived metric's label names its value in explanations, statements and the 考核方案: one that
  // is a metric's label or alias, or another derived metric's label, would write two different
  // numbers under one name (a 客单价 labelled GMV: 「疑似刷单（GMV ¥5.00 < ¥10.00）」 for a GMV of ¥99,999.99)
  const named = new Map<string, string>();
  for (const [id, m] of Object.entries(p.metrics))
    for (const label of [m.label, ...(m.aliases ?? [])])
      if (!named.has(columnKey(label))) named.set(columnKey(label), id);
  for (const [id, d] of Object.entries(p.derived ?? {})) {
    if (typeof d !== 'object' || d === null || typeof d.label !== 'string') continue;
    const key = columnKey(d.label);
    const other = named.get(key);
    if (other !== undefined && other !== id)
      report('policy_duplicate_label.derived', { label: d.label, other, id }, ['derived', id, 'label']);
    else named.set(key, id);
  }
}

/** Every spelling of a declared team (title, id, alias, after width and space normalisation) names one team. */
export function checkTeams({ policy: p, report }: CheckContext) {
  const owner = new Map<string, string>();
  for (const [id, t] of Object.entries(p.teams ?? {})) {
    const spellings: [string, Path][] = [
      [t.title, ['teams', id, 'title']],
      [id, ['teams', id]],
      ...(t.aliases ?? []).map((a, i): [string, Path] => [a, ['teams', id, 'aliases', i]]),
    ];
    for (const [text, path] of spellings) {
      const name = teamKey(text);
      const other = owner.get(name);
      if (other !== undefined && other !== id) {
        report('policy_duplicate_team_name', { name: text, other, id }, path);
      } else if (name === '') {
        report('policy_empty_team_name', { id }, path);
      }
      owner.set(name, id);
    }
  }
}

/**
 * A data cell names a role or a stage by its id or its title, compared ignoring width, invisible
 * characters, spaces around it and letter case: two roles (or stages) that share a spelling so
 * compared would let the reader pick one silently (`startup` the id of one stage, `Startup` the
 * title of another), so each spelling names one.
 */
export function checkRoleAndStageNames({ policy: p, report }: CheckContext) {
  for (const [section, items] of [
    ['roles', p.roles],
    ['stages', p.stages],
  ] as const) {
    const owner = new Map<string, string>();
    for (const [id, item] of Object.entries(items ?? {})) {
      const title = (item as { title?: unknown }).title;
      const spellings: [string, Path][] = [
        [id, [section, id]],
        ...(typeof title === 'string' ? [[title, [section, id, 'title']] as [string, Path]] : []),
      ];
      for (const [text, path] of spellings) {
        const name = teamKey(text);
        const other = owner.get(name);
        if (other !== undefined && other !== id)
          report(
            section === 'roles' ? 'policy_ambiguous_name' : 'policy_ambiguous_name.stage',
            { name: text, other, id },
            path,
            { key: path.length === 2 },
          );
        else owner.set(name, id);
      }
    }
  }
}
