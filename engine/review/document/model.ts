// The 考核方案 as a list of sections — headings, paragraphs, tables — built from the compiled
// policy, with the worked examples computed by the engine. The HTML and Markdown renderers only
// lay these blocks out, so the document cannot say anything the policy does not. A cell that shows
// a number of the policy carries its key path, so a test can read the page back against the YAML.

import type { CompiledIndicator, CompiledLeaf, CompiledPolicy } from '../../language/compile.js';
import type { ConditionLeaf } from '../../language/conditions.js';
import { factRef } from '../../language/conditions.js';
import { BUILTIN_FACTS } from '../../language/facts.js';
import { pointsFor } from '../../evaluation/score.js';
import { evaluateRecordSync } from '../../evaluation/evaluate.js';
import { formatValue, type Lang } from '../../explanation/explain.js';
import { WORDS } from '../../explanation/templates.js';
import { formatAmount, formatFen, roundScore } from '../../model/money.js';
import type { ConditionDef, IndicatorDef, PerUnitDef, PolicyDoc, Unit } from '../../model/policy.js';
import type { Scorecard } from '../../model/scorecard.js';
import { diffPolicies } from '../diff.js';
import { buildProbes, recordOf } from '../verify/probes.js';
import { numbered, T, type Words } from './words.js';

/** One cell: its text, and for a number of the policy the key path it comes from. */
export interface Cell {
  text: string;
  path?: (string | number)[];
  /** The policy's own value at `path` (the number the text shows). */
  value?: number;
}

/**
 * A paragraph's or a list item's text: a string is words as written — the policy's titles, names
 * and notes print exactly so, a `` ` `` or `*` in them included; the product's own code spans (a
 * payout formula, a cap) are parts of their own, `{ code }`, so no text of the policy can open one.
 */
export type Text = string | readonly (string | { code: string })[];

export type Block =
  | { kind: 'p'; text: Text }
  | { kind: 'list'; items: Text[] }
  | { kind: 'table'; head: string[]; rows: Cell[][]; caption?: string };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
  /** Starts a new printed page (a role's section). */
  page?: boolean;
}

export interface PolicyDocument {
  lang: Lang;
  title: string;
  subtitle: string;
  sections: Section[];
}

export interface DocumentOptions {
  lang?: Lang;
  /** The previous version, for the change summary. */
  base?: PolicyDoc;
  /** Names the previous version in the change summary (a git revision). */
  baseName?: string;
}

const cell = (text: string, path?: (string | number)[], value?: number): Cell =>
  path ? { text, path, ...(value !== undefined ? { value } : {}) } : { text };

/** A per-unit amount in words: 「每单位（爆款视频数）¥500.00，最多 ¥5,000.00」. */
function perUnitText(p: PerUnitDef, show: (x: number) => string, lang: Lang): string {
  const max = p.max === undefined ? '' : lang === 'zh' ? `，最多 ${show(p.max)}` : `, at most ${show(p.max)}`;
  return lang === 'zh' ? `每单位（${p.per}）${show(p.amount)}${max}` : `${show(p.amount)} per ${p.per}${max}`;
}

export function buildDocument(policy: CompiledPolicy, options: DocumentOptions = {}): PolicyDocument {
  const lang = options.lang ?? 'zh';
  const w = T[lang];
  const doc = policy.doc;
  const unitOf = (m: string): Unit | undefined =>
    policy.metrics[m]?.unit ?? policy.derived.find((d) => d.id === m)?.unit ?? BUILTIN_FACTS[m]?.unit;
  const labelOf = (m: string) =>
    policy.metrics[m]?.label ?? policy.derived.find((d) => d.id === m)?.label ?? BUILTIN_FACTS[m]?.label[lang] ?? m;
  const num = (v: number | undefined, unit: Unit | undefined, path: (string | number)[]): Cell =>
    v === undefined ? cell('—') : cell(formatValue(v, unit, lang), path, v);
  const stages = Object.entries(policy.stages);
  const sections: Section[] = [];

  // purpose, scope, period
  sections.push({
    id: 'purpose',
    title: w.purpose,
    blocks: [{ kind: 'p', text: doc.description ?? w.purposeText(doc.title) }],
  });
  sections.push({
    id: 'scope',
    title: w.scope,
    blocks: [
      { kind: 'p', text: w.scopeText },
      {
        kind: 'table',
        head: [w.role, w.payBase],
        rows: Object.entries(doc.roles).map(([id, r]) => [
          cell(r.title),
          cell(formatAmount(r.pay_base), ['roles', id, 'pay_base'], r.pay_base),
        ]),
      },
      {
        kind: 'list',
        items: stages.map(([id]) => {
          const s = doc.stages[id]!;
          return `${s.title}${s.note ? `${w.colon}${s.note}` : ''}`;
        }),
      },
      ...(doc.teams
        ? [
            {
              kind: 'p' as const,
              text: `${w.teams}${w.colon}${Object.values(doc.teams)
                .map((t) => t.title)
                .join(w.sep)}`,
            },
          ]
        : []),
    ],
  });
  sections.push({
    id: 'period',
    title: w.period,
    blocks: [
      {
        kind: 'p',
        text: w.periodText(doc.period ?? 'month', doc.effective_from, doc.version),
      },
    ],
  });

  // one section per role: its indicators, how they score, a worked example
  const probes = buildProbes(policy);
  for (const [roleId, role] of Object.entries(policy.roles)) {
    const blocks: Block[] = [];
    const rows: Cell[][] = [];
    const add = (nodes: Record<string, CompiledIndicator[]>, depth: number, path: (string | number)[]) => {
      const first = nodes[stages[0]![0]]!;
      first.forEach((n, i) => {
        const here = [...path, n.id];
        const def = byPath(doc, roleId, n.path);
        const weights = stages.map(([sid]) => {
          const at = nodes[sid]![i]!;
          const wpath = typeof def?.weight === 'number' ? [...here, 'weight'] : [...here, 'weight', sid];
          return cell(`${at.weight}%`, wpath, at.weight);
        });
        const name = `${depth ? '　'.repeat(depth) : ''}${n.title}`;
        if (n.children) {
          rows.push([cell(name), cell(w.group), cell(''), cell(''), cell(''), cell(''), ...weights]);
          add(Object.fromEntries(stages.map(([sid]) => [sid, nodes[sid]![i]!.children!])), depth + 1, [
            ...here,
            'indicators',
          ]);
          return;
        }
        const l = n.leaf!;
        const u = unitOf(l.metric);
        rows.push([
          cell(name),
          cell(`${w.methods[l.scoring]}${l.better === 'lower' ? w.lowerBetter : ''}`),
          l.scoring === 'steps' ? cell(stepsText(l, u, lang, w)) : num(l.threshold, u, [...here, 'threshold']),
          num(l.target, u, [...here, 'target']),
          num(l.challenge, u, [...here, 'challenge']),
          cell(`${l.cap}`, def && 'cap' in def && def.cap !== undefined ? [...here, 'cap'] : undefined, l.cap),
          ...weights,
        ]);
      });
    };
    add(role.byStage, 0, ['roles', roleId, 'indicators']);
    blocks.push({
      kind: 'table',
      caption: w.indicatorTable,
      head: [
        w.indicator,
        w.method,
        w.threshold,
        w.target,
        w.challenge,
        w.cap,
        ...stages.map(([, s]) => `${w.weight}·${s.title}`),
      ],
      rows,
    });
    // how each method this role uses scores, with a small example
    const seen = new Set<string>();
    const methodItems: string[] = [];
    for (const n of leaves(role.byStage[stages[0]![0]]!)) {
      const l = n.leaf!;
      if (seen.has(l.scoring)) continue;
      seen.add(l.scoring);
      const x = exampleValue(l);
      const p = roundScore(pointsFor(l, x), policy.decimals);
      methodItems.push(
        `${w.methods[l.scoring]}${w.colon}${w.methodText(l.scoring, l.better)} ${w.example(n.title, formatValue(x, unitOf(l.metric), lang), p)}`,
      );
    }
    blocks.push({ kind: 'list', items: methodItems });
    // the worked example: a typical employee of the role in the first stage, evaluated by the engine
    const probe = probes.find((p) => p.role === roleId && p.stage === stages[0]![0]);
    const record = probe && { ...recordOf(policy, probe, probe.typical), name: w.sampleName, employee_id: 'E001' };
    const e = record && policy.compilable ? evaluateRecordSync(policy, record, { lang }) : undefined;
    if (e?.ok) blocks.push(...workedExample(policy, e.scorecard, lang, w, unitOf));
    sections.push({ id: `role-${roleId}`, title: `${w.roleSection}${w.colon}${role.title}`, blocks, page: true });
  }

  // adjustments and vetoes
  const cond = (c: ConditionDef) => describe(c, lang, w, labelOf, unitOf);
  const adjustments = Object.entries(doc.adjustments ?? {});
  if (adjustments.length)
    sections.push({
      id: 'adjustments',
      title: w.adjustments,
      page: true,
      blocks: [
        {
          kind: 'table',
          head: [w.rule, w.when, w.pointsHead, w.awardHead, w.capsHead],
          rows: adjustments.map(([id, a]) => [
            cell(a.title),
            cell(cond(a.when)),
            a.points === undefined
              ? cell('—')
              : typeof a.points === 'number'
                ? cell(String(a.points), ['adjustments', id, 'points'], a.points)
                : cell(perUnitText(a.points, String, lang), ['adjustments', id, 'points', 'amount'], a.points.amount),
            a.award === undefined
              ? cell('—')
              : typeof a.award === 'number'
                ? cell(formatAmount(a.award), ['adjustments', id, 'award'], a.award)
                : cell(
                    perUnitText(a.award, formatAmount, lang),
                    ['adjustments', id, 'award', 'amount'],
                    a.award.amount,
                  ),
            cell(
              [
                a.score_cap !== undefined ? w.scoreCap(a.score_cap) : '',
                a.grade_cap !== undefined ? w.gradeCap(a.grade_cap) : '',
                a.note ?? '',
              ]
                .filter(Boolean)
                .join(w.sep) || '—',
            ),
          ]),
        },
      ],
    });

  // grades and what they pay
  const grades = [...doc.grades].sort((a, b) => b.min - a.min);
  sections.push({
    id: 'grades',
    title: w.grades,
    page: !adjustments.length,
    blocks: [
      { kind: 'p', text: w.payText(policy.payout.performancePayText) },
      {
        kind: 'table',
        head: [w.grade, w.title, w.minScore, w.scoreRange],
        rows: grades.map((g, i) => [
          cell(g.grade),
          cell(g.title ?? ''),
          cell(String(g.min), ['grades', doc.grades.indexOf(g), 'min'], g.min),
          cell(i === 0 ? w.atLeast(g.min) : w.between(g.min, grades[i - 1]!.min)),
        ]),
      },
    ],
  });
  if (doc.payout.tiers)
    sections.push({
      id: 'tiers',
      title: w.tiers,
      blocks: [
        {
          kind: 'p',
          text: w.tierBasis(doc.payout.tiers.basis === 'attainment' ? w.attainment : labelOf(doc.payout.tiers.basis)),
        },
        {
          kind: 'table',
          head: [w.tier, w.minimum, w.multiplier, w.tierAward, w.benefit],
          rows: doc.payout.tiers.bands.map((b, i) => [
            cell(b.title ?? b.tier),
            num(b.min, doc.payout.tiers!.basis === 'attainment' ? 'ratio' : unitOf(doc.payout.tiers!.basis), [
              'payout',
              'tiers',
              'bands',
              i,
              'min',
            ]),
            b.multiplier === undefined
              ? cell('—')
              : cell(`×${b.multiplier}`, ['payout', 'tiers', 'bands', i, 'multiplier'], b.multiplier),
            b.award === undefined
              ? cell('—')
              : cell(formatAmount(b.award), ['payout', 'tiers', 'bands', i, 'award'], b.award),
            cell(b.benefit ?? ''),
          ]),
        },
      ],
    });
  const caps: Text[] = [];
  if (doc.payout.awards_cap !== undefined) caps.push(w.awardsCap(doc.payout.awards_cap));
  if (doc.payout.cap !== undefined) caps.push(w.totalCap(doc.payout.cap));
  caps.push(w.rounding(doc.payout.rounding.to, doc.payout.rounding.mode));
  sections.push({ id: 'caps', title: w.caps, blocks: [{ kind: 'list', items: caps }] });

  // holds, triggers and the improvement process
  const holds = Object.values(doc.holds ?? {});
  if (holds.length)
    sections.push({
      id: 'holds',
      title: w.holds,
      blocks: [
        {
          kind: 'table',
          head: [w.rule, w.when, w.reason],
          rows: holds.map((h) => [cell(h.title), cell(cond(h.when)), cell(h.reason ?? '')]),
        },
      ],
    });
  const triggers = Object.entries(doc.triggers ?? {});
  if (triggers.length)
    sections.push({
      id: 'triggers',
      title: w.triggers,
      blocks: [
        {
          kind: 'table',
          head: [w.rule, w.when, w.action, w.daysHead],
          rows: triggers.map(([id, t]) => [
            cell(t.title),
            cell(cond(t.when)),
            cell(
              [
                WORDS[lang].actions[t.action.type],
                t.action.training ? w.training : '',
                t.action.note ?? '',
                t.action.close_when ? w.closeWhen(cond(t.action.close_when)) : '',
              ]
                .filter(Boolean)
                .join(w.sep),
            ),
            t.action.days === undefined
              ? cell('—')
              : cell(String(t.action.days), ['triggers', id, 'action', 'days'], t.action.days),
          ]),
        },
        ...(triggers.some(([, t]) => t.action.type === 'improvement_plan')
          ? [{ kind: 'p' as const, text: w.improvementProcess }]
          : []),
      ],
    });
  if (doc.calibration) {
    const c = doc.calibration;
    sections.push({
      id: 'calibration',
      title: w.calibration,
      blocks: [
        { kind: 'p', text: w.calibrationText(w.within[c.within]) },
        {
          kind: 'table',
          head: [w.grade, w.quotaMax, w.quotaMin],
          rows: Object.entries(c.quotas).map(([g, q]) => [
            cell(g),
            q.max === undefined
              ? cell('—')
              : cell(formatValue(q.max, 'ratio', lang), ['calibration', 'quotas', g, 'max'], q.max),
            q.min === undefined
              ? cell('—')
              : cell(formatValue(q.min, 'ratio', lang), ['calibration', 'quotas', g, 'min'], q.min),
          ]),
        },
      ],
    });
  }
  if (options.base) {
    const changes = diffPolicies(options.base, doc, lang);
    sections.push({
      id: 'changes',
      title: w.changes(options.base.version, options.baseName),
      blocks: changes.length
        ? [{ kind: 'list', items: changes.map((c) => c.text) }]
        : [{ kind: 'p', text: w.noChanges }],
    });
  }
  sections.push({
    id: 'version',
    title: w.versionSection,
    blocks: [{ kind: 'p', text: w.versionText(doc.policy, doc.version, doc.effective_from) }],
  });
  // the plan's own sections are numbered in order; the roles' sections, the changes and the version are not
  let n = 0;
  for (const s of sections)
    if (!s.id.startsWith('role-') && s.id !== 'changes' && s.id !== 'version')
      s.title = `${numbered[lang](++n)}${s.title}`;
  return {
    lang,
    title: `${doc.title}${w.planSuffix}`,
    subtitle: w.subtitle(doc.version, doc.effective_from),
    sections,
  };
}

function leaves(nodes: CompiledIndicator[]): CompiledIndicator[] {
  return nodes.flatMap((n) => (n.children ? leaves(n.children) : [n]));
}

function byPath(doc: PolicyDoc, role: string, path: string) {
  let level: Record<string, IndicatorDef> | undefined = doc.roles[role]?.indicators;
  let node: IndicatorDef | undefined;
  for (const id of path.split('.')) {
    node = level?.[id];
    level = node && 'indicators' in node ? node.indicators : undefined;
  }
  return node;
}

/** A value between the target and the challenge (or the threshold and the target) to show a method with. */
function exampleValue(l: CompiledLeaf): number {
  switch (l.scoring) {
    case 'linear':
      if (l.challenge !== undefined) return Number(((l.target! + l.challenge) / 2).toPrecision(6));
      return l.threshold !== undefined ? Number(((l.threshold + l.target!) / 2).toPrecision(6)) : l.target!;
    case 'steps':
      return (l.better === 'lower' ? l.steps?.[0]?.max : l.steps?.[0]?.min) ?? 0;
    case 'pass_fail':
      return l.target!;
    case 'rating':
      return (l.ratingMax ?? 100) * 0.9;
  }
}

function stepsText(l: CompiledLeaf, u: Unit | undefined, lang: Lang, w: Words): string {
  return (l.steps ?? [])
    .map((s) =>
      l.better === 'lower'
        ? w.stepAtMost(formatValue(s.max, u, lang), s.points)
        : w.stepAtLeast(formatValue(s.min, u, lang), s.points),
    )
    .join(w.sep);
}

function workedExample(
  policy: CompiledPolicy,
  card: Scorecard,
  lang: Lang,
  w: Words,
  unitOf: (m: string) => Unit | undefined,
): Block[] {
  const rows: Cell[][] = [];
  const walk = (items: Scorecard['indicators'], depth: number) => {
    for (const i of items) {
      rows.push([
        cell(`${'　'.repeat(depth)}${i.title}`),
        cell(i.metric ? formatValue(i.actual, unitOf(i.metric), lang) : ''),
        cell(String(i.points)),
        cell(`${i.weight}%`),
        cell(String(i.weighted_points)),
      ]);
      if (i.children) walk(i.children, depth + 1);
    }
  };
  walk(card.indicators, 0);
  return [
    { kind: 'p', text: w.workedIntro(policy.stages[card.stage]!.title) },
    {
      kind: 'table',
      caption: w.workedExample,
      head: [w.indicator, w.actual, w.pointsHead, w.weight, w.weighted],
      rows,
    },
    {
      kind: 'list',
      items: [
        w.workedScore(card.score, card.grade),
        ...card.payout.lines.map((l) => `${l.label}${w.colon}${formatFen(l.amountFen)}`),
        w.workedTotal(formatFen(card.payout.totalFen)),
        ...(card.holds.length ? [w.workedHeld(card.holds.map((h) => h.title).join(w.sep))] : []),
        ...(card.triggers.length ? [w.workedTriggers(card.triggers.map((t) => t.title).join(w.sep))] : []),
      ],
    },
  ];
}

const OP: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
};

/** A condition in words: 「播放量 > 100,000 且 点赞率 < 0.5%」. */
function describe(
  c: ConditionDef,
  lang: Lang,
  w: Words,
  labelOf: (m: string) => string,
  unitOf: (m: string) => Unit | undefined,
): string {
  const d = (x: ConditionDef) => describe(x, lang, w, labelOf, unitOf);
  if ('all' in c) return c.all.map(d).join(w.and);
  if ('any' in c) return c.any.length > 1 ? `${w.lp}${c.any.map(d).join(w.or)}${w.rp}` : c.any.map(d).join('');
  if ('not' in c) return `${w.not}${w.lp}${d(c.not)}${w.rp}`;
  const leaf = c as ConditionLeaf;
  const ref = factRef(leaf.value);
  const params = leaf.params ? `${w.lp}${Object.values(leaf.params).join(w.sep)}${w.rp}` : '';
  const value =
    ref !== undefined
      ? labelOf(ref)
      : Array.isArray(leaf.value)
        ? leaf.value.join(w.sep)
        : formatValue(leaf.value, unitOf(leaf.fact), lang);
  const op = OP[leaf.operator] ?? w.ops[leaf.operator as keyof Words['ops']] ?? leaf.operator;
  return `${labelOf(leaf.fact)}${params} ${op} ${value}`;
}
