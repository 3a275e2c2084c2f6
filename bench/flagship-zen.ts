// The flagship policy (policies/short-video-team.yaml v1.0.0) as a GoRules JSON Decision Model,
// evaluated by @gorules/zen-engine (Rust, a prebuilt native binary): the peer the benchmark
// compares the compiled executor with. Modelled as a ZEN user would: a switch on the role into
// one expression node per role (indicator points and stage weights), then expression nodes for the
// score and decision tables for the grade and the tier, then the payout. ZEN computes in decimals;
// `round(x, 2)` rounds half up, as the policy does. It computes what the hand-written function
// does (no history), and the benchmark checks it against the engine on a sample first.

import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import type { EmployeeRecord } from '../engine/index.js';
import type { HandResult } from './flagship-by-hand.js';

/** ZEN for linear scoring: threshold → 60, target → 100, challenge → 120, 0 below, capped 0–120. */
const linear = (a: string, t: number, g: number, c: number) =>
  `round(max([0, min([120, ${a} < ${t} ? 0 : (${a} < ${g} ? 60 + 40 * (${a} - ${t}) / (${g} - ${t}) : 100 + 20 * (${a} - ${g}) / (${c} - ${g}))])]), 2)`;
const rating = (a: string, full: number) => `round(max([0, min([120, ${a} / ${full} * 100])]), 2)`;
const byStage = (startup: number, mature: number) => `stage == 'startup' ? ${startup} : ${mature}`;
const ratio = (a: string, b: string) => `${b} != null and ${b} > 0 ? ${a} / ${b} : 0`;

const ROLES: Record<string, { pay: number; points: [string, string][] }> = {
  ops_manager: {
    pay: 6000,
    points: [
      [linear('follower_growth_rate', 0.05, 0.15, 0.25), byStage(40, 20)],
      [linear(`(${ratio('viral_videos', 'videos_published')})`, 0.05, 0.1, 0.2), byStage(35, 30)],
      [linear(`(${ratio('leads', 'profile_visits')})`, 0.01, 0.03, 0.05), byStage(25, 50)],
    ],
  },
  director: {
    pay: 4000,
    points: [
      [
        'videos_published >= 32 ? 100 : (videos_published >= 24 ? 80 : (videos_published >= 16 ? 60 : 0))',
        byStage(40, 30),
      ],
      [linear('completion_rate', 0.3, 0.4, 0.5), '40'],
      [linear('creative_adoption_rate', 0.2, 0.5, 0.7), byStage(20, 30)],
    ],
  },
  editor: {
    pay: 3000,
    points: [
      [linear('on_time_rate', 0.8, 0.95, 1), '40'],
      [rating('edit_quality', 100), '40'],
      ['hot_topic_match >= 0.6 ? 100 : 0', '20'],
    ],
  },
  talent: {
    pay: 5000,
    points: [
      [rating('performance_rating', 5), byStage(40, 30)],
      [rating('cooperation_rating', 100), '20'],
      [linear('fan_interaction_rate', 0.02, 0.05, 0.08), byStage(40, 50)],
    ],
  },
};

let edge = 0;
const node = (id: string, type: string, content: object) => ({ id, name: id, type, position: { x: 0, y: 0 }, content });
const expressions = (id: string, list: [string, string][]) =>
  node(id, 'expressionNode', {
    expressions: list.map(([key, value]) => ({ id: key, key, value })),
    passThrough: true,
    inputField: null,
    outputPath: null,
    executionMode: 'single',
  });
const link = (sourceId: string, targetId: string, sourceHandle?: string) => ({
  id: `e${edge++}`,
  sourceId,
  targetId,
  type: 'edge',
  ...(sourceHandle ? { sourceHandle } : {}),
});

function table(id: string, inputs: { field: string }[], outputs: { field: string }[], rules: string[][]) {
  const ins = inputs.map((i, k) => ({ id: `${id}_in${k}`, name: i.field, field: i.field }));
  const outs = outputs.map((o, k) => ({ id: `${id}_out${k}`, name: o.field, field: o.field }));
  return node(id, 'decisionTableNode', {
    hitPolicy: 'first',
    inputs: ins,
    outputs: outs,
    rules: rules.map((cells, r) => ({
      _id: `${id}_r${r}`,
      ...Object.fromEntries([...ins, ...outs].map((c, k) => [c.id, cells[k]])),
    })),
    passThrough: true,
    inputField: null,
    outputPath: null,
    executionMode: 'single',
  });
}

export function flagshipGraph() {
  edge = 0;
  const roleIds = Object.keys(ROLES);
  const nodes: object[] = [
    node('request', 'inputNode', {}),
    node('by_role', 'switchNode', {
      hitPolicy: 'first',
      statements: roleIds.map((r) => ({ id: r, condition: `role == '${r}'` })),
    }),
    ...roleIds.map((r) =>
      expressions(`points_${r}`, [
        ['pay', `pay_base != null ? pay_base : ${ROLES[r].pay}`],
        ...ROLES[r].points.flatMap(([points, weight], k): [string, string][] => [
          [`w${k}`, `round((${points}) * (${weight}) / 100, 2)`],
        ]),
      ]),
    ),
    expressions('score', [
      ['base', 'round(w0 + w1 + w2, 2)'],
      ['viral_hit', 'max_video_plays >= 1000000'],
      ['violated', 'violations != null and violations > 0'],
      [
        'score',
        'round(max([0, violations != null and violations > 0 ? min([60, min([130, $.base + ($.viral_hit ? 10 : 0)])]) : min([130, $.base + ($.viral_hit ? 10 : 0)])]), 2)',
      ],
      ['attainment', '$.score / 100'],
      ['held', `plays > 100000 and (${ratio('likes', 'plays')}) < 0.005`],
    ]),
    table(
      'grade',
      [{ field: 'violated' }, { field: 'score' }],
      [{ field: 'grade' }],
      [
        ['true', '', "'C'"],
        ['', '>= 100', "'A+'"],
        ['', '>= 81', "'A'"],
        ['', '>= 61', "'B'"],
        ['', '', "'C'"],
      ],
    ),
    table(
      'tier',
      [{ field: 'attainment' }],
      [{ field: 'multiplier' }, { field: 'tier_award' }],
      [
        ['>= 1.1', '1.2', '1000'],
        ['>= 0.9', '1.2', '1000'],
        ['>= 0.8', '1.2', '0'],
        ['', '1', '0'],
      ],
    ),
    expressions('payout', [
      ['perf', 'round(pay * min([score, 120]) / 100, 2)'],
      ['awards', 'min([10000, viral_hit ? 2000 : 0])'],
      ['total', 'min([pay * 3, $.perf + round($.perf * (multiplier - 1), 2) + tier_award + $.awards])'],
      [
        'triggers',
        "filter(['improvement_plan', 'viral_support'], (# == 'improvement_plan' and grade == 'C') or (# == 'viral_support' and viral_hit))",
      ],
    ]),
    node('response', 'outputNode', {}),
  ];
  const edges = [
    link('request', 'by_role'),
    ...roleIds.flatMap((r) => [link('by_role', `points_${r}`, r), link(`points_${r}`, 'score')]),
    link('score', 'grade'),
    link('grade', 'tier'),
    link('tier', 'payout'),
    link('payout', 'response'),
  ];
  return { nodes, edges };
}

/** The decision, created once; `evaluate` runs one record through it. */
export function zenFlagship(): { evaluate(r: EmployeeRecord): Promise<HandResult>; dispose(): void } {
  const engine = new ZenEngine();
  const decision: ZenDecision = engine.createDecision(flagshipGraph());
  return {
    async evaluate(r) {
      const { result } = await decision.evaluate({
        role: r.role,
        stage: r.stage,
        pay_base: r.pay_base ?? null,
        ...r.metrics,
      });
      return {
        score: Number(result.score),
        grade: result.grade,
        total: Number(result.total),
        held: Boolean(result.held),
        triggers: result.triggers ?? [],
      };
    },
    dispose: () => engine.dispose(),
  };
}
