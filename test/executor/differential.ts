// Random records for the differential test: every role and stage of a policy, metric values drawn
// from each indicator's own reference points (exactly on them, just beside them), zero, negative,
// huge, missing, and a random history of earlier grades and an improvement plan.

import fc from 'fast-check';
import type { CompiledPolicy, EmployeeRecord, HistorySource } from '../../engine/index.js';
import type { PlanState } from '../../engine/evaluation/plan.js';

function referencePoints(policy: CompiledPolicy): Map<string, number[]> {
  const points = new Map<string, number[]>();
  const add = (metric: string, ...values: (number | undefined)[]) =>
    points.set(metric, [...(points.get(metric) ?? []), ...values.filter((v): v is number => v !== undefined)]);
  for (const role of Object.values(policy.roles)) {
    for (const nodes of Object.values(role.byStage)) {
      const stack = [...nodes];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.children) stack.push(...n.children);
        else if (n.leaf)
          add(
            n.leaf.metric,
            n.leaf.threshold,
            n.leaf.target,
            n.leaf.challenge,
            ...(n.leaf.steps ?? []).flatMap((s) => [s.min, s.max]),
            n.leaf.ratingMax,
          );
      }
    }
  }
  // rule conditions compare metrics with constants too
  const walk = (c: unknown) => {
    if (!c || typeof c !== 'object') return;
    const o = c as Record<string, unknown>;
    for (const k of ['all', 'any']) if (Array.isArray(o[k])) (o[k] as unknown[]).forEach(walk);
    if (o.not) walk(o.not);
    if (typeof o.fact === 'string' && typeof o.value === 'number') add(o.fact, o.value);
  };
  for (const r of [
    ...Object.values(policy.adjustments),
    ...Object.values(policy.holds),
    ...Object.values(policy.triggers),
  ])
    walk(r.when);
  return points;
}

export function recordArbitrary(
  policy: CompiledPolicy,
): fc.Arbitrary<{ record: EmployeeRecord; history: HistorySource }> {
  const points = referencePoints(policy);
  const grades = policy.grades.map((g) => g.grade);
  const metricValue = (id: string) => {
    const near = (points.get(id) ?? []).flatMap((p) => [p, p * 1.001, p * 0.999, p + 1, p - 1]);
    const unit = policy.metrics[id]?.unit;
    const range = policy.metrics[id]?.range;
    const plain = range
      ? fc.oneof(fc.double({ min: range[0], max: range[1], noNaN: true }), fc.integer({ min: range[0], max: range[1] }))
      : unit === 'ratio'
        ? fc.double({ min: -0.5, max: 2, noNaN: true })
        : unit === 'count'
          ? fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: -100, max: 2_000_000, noNaN: true }))
          : fc.double({ min: -100, max: 2_000_000, noNaN: true });
    return fc.oneof(
      { weight: 4, arbitrary: near.length ? fc.constantFrom(...near) : plain },
      { weight: 3, arbitrary: plain },
      { weight: 1, arbitrary: fc.constantFrom(0, -1, 1e12, 0.5) },
    );
  };
  const metrics = fc.record(
    Object.fromEntries(
      Object.keys(policy.metrics).map((id) => [id, fc.option(metricValue(id), { freq: 8, nil: undefined })]),
    ),
  );
  const plan: fc.Arbitrary<PlanState | undefined> = fc.option(
    fc.record({
      trigger: fc.constantFrom(...Object.keys(policy.triggers), 'gone'),
      status: fc.constantFrom('open', 'extended', 'closed', 'escalated') as fc.Arbitrary<PlanState['status']>,
      opened: fc.constant('2026-08'),
      window_ends: fc.constantFrom('2026-09', '2026-10', '2026-11'),
      extensions_used: fc.integer({ min: 0, max: 2 }),
      reason: fc.constant('earlier'),
    }),
    { nil: undefined },
  );
  return fc
    .record({
      role: fc.constantFrom(...Object.keys(policy.roles)),
      stage: fc.constantFrom(...Object.keys(policy.stages)),
      team: fc.constantFrom('一组', '二组'),
      payBase: fc.option(fc.constantFrom(0, 3000, 4321.5, 99999), { nil: undefined }),
      metrics,
      earlier: fc.array(fc.constantFrom(...grades), { maxLength: 4 }),
      plan,
      pastScores: fc.array(fc.double({ min: 0, max: 130, noNaN: true }), { maxLength: 3 }),
    })
    .map(({ role, stage, team, payBase, metrics: m, earlier, plan: p, pastScores }) => {
      const values = Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as Record<string, number>;
      const record: EmployeeRecord = {
        employee_id: 'X1',
        name: '测试',
        role,
        team,
        stage,
        period: '2026-10',
        ...(payBase !== undefined ? { pay_base: payBase } : {}),
        metrics: values,
      };
      const history: HistorySource = {
        grades: () => earlier,
        plan: () => p,
        periods: () =>
          pastScores.map((score, i) => ({
            period: `2026-0${9 - i}`,
            role: i === 1 ? 'other' : role,
            grade: earlier[i] ?? grades[0],
            score,
            values: {},
          })),
      };
      return { record, history };
    });
}
