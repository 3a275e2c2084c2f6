// Fixtures built, not pasted: a minimal valid policy as an object that a test changes only where
// it is about something, written out as YAML; data contracts and CSV text for the readers; and the
// line:column of a key, for tests that assert where a diagnostic points.

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';
import { isMap, isSeq, LineCounter, parseDocument, stringify, type Node } from 'yaml';
import type { DataContract } from '../engine/data/index.js';
import { evaluateRecordSync, loadPolicy, type CompiledPolicy, type Scorecard } from '../engine/index.js';
import type { MetricDef } from '../engine/model/policy.js';

type Fields = Record<string, unknown>;

/** A policy as the YAML author writes it, before it is loaded. */
export interface PolicyDraft {
  policy: string;
  title: string;
  version: string;
  metrics: Record<string, Fields>;
  stages: Record<string, { title: string }>;
  teams?: Record<string, { title: string; aliases?: string[] }>;
  roles: Record<string, { title: string; pay_base: number; indicators: Record<string, Fields> }>;
  adjustments?: Record<string, Fields>;
  grades: { grade: string; min: number }[];
  payout: Fields & { tiers?: { basis: string; bands: Fields[] } };
  triggers?: Record<string, Fields>;
  [key: string]: unknown;
}

/**
 * One metric `rating` (a score 0–100), one stage `only`, one role `staff` paid 1000 and scored on
 * its rating alone, grades A from 80 and B below, pay_base × score / 100 rounded half up to the fen.
 */
export function minimalPolicy(): PolicyDraft {
  return {
    policy: 'mini',
    title: '小测试',
    version: '1.0.0',
    metrics: { rating: { label: '评分', unit: 'score', range: [0, 100] } },
    stages: { only: { title: '常规' } },
    roles: {
      staff: {
        title: '员工',
        pay_base: 1000,
        indicators: { rating: { metric: 'rating', scoring: 'rating', weight: 100 } },
      },
    },
    grades: [
      { grade: 'A', min: 80 },
      { grade: 'B', min: 0 },
    ],
    payout: { performance_pay: 'pay_base * score / 100', rounding: { to: 0.01, mode: 'half_up' } },
  };
}

/** `{ all: [ { fact, operator, value } ] }`: a condition of one test. */
export function when(fact: string, operator: string, value: unknown): Fields {
  return { all: [{ fact, operator, value }] };
}

/** Changes a minimal policy one piece at a time; `yaml()` writes it out. */
export class PolicyBuilder {
  readonly draft: PolicyDraft;

  constructor(draft: PolicyDraft = minimalPolicy()) {
    this.draft = draft;
  }

  /** Sets a top-level key (`policy`, `title`, `effective_from`, `calibration`, …). */
  set(key: string, value: unknown): this {
    this.draft[key] = value;
    return this;
  }

  metric(id: string, fields: Fields): this {
    this.draft.metrics[id] = fields;
    return this;
  }

  team(id: string, title: string, aliases?: string[]): this {
    this.draft.teams = { ...this.draft.teams, [id]: aliases ? { title, aliases } : { title } };
    return this;
  }

  /** Sets fields of a role, creating it when it is new. */
  role(id: string, fields: Partial<PolicyDraft['roles'][string]>): this {
    const role = this.draft.roles[id] ?? { title: id, pay_base: 1000, indicators: {} };
    this.draft.roles[id] = { ...role, ...fields };
    return this;
  }

  indicator(role: string, id: string, fields: Fields): this {
    this.draft.roles[role].indicators[id] = fields;
    return this;
  }

  /** An adjustment rule: `points`, `award` or `deduct` when its condition holds. */
  adjustment(id: string, fields: Fields): this {
    this.draft.adjustments = { ...this.draft.adjustments, [id]: fields };
    return this;
  }

  trigger(id: string, fields: Fields): this {
    this.draft.triggers = { ...this.draft.triggers, [id]: fields };
    return this;
  }

  /** A payout tier band, on attainment unless the policy already names a basis. */
  tier(band: Fields): this {
    const tiers = this.draft.payout.tiers ?? { basis: 'attainment', bands: [] };
    this.draft.payout.tiers = { ...tiers, bands: [...tiers.bands, band] };
    return this;
  }

  grades(grades: PolicyDraft['grades']): this {
    this.draft.grades = grades;
    return this;
  }

  /** Sets fields of `payout` (`performance_pay`, `cap`, `awards_cap`, `rounding`, …). */
  payout(fields: Fields): this {
    Object.assign(this.draft.payout, fields);
    return this;
  }

  yaml(): string {
    return stringify(this.draft, { lineWidth: 0 });
  }
}

export const policy = (): PolicyBuilder => new PolicyBuilder();

/** A policy text that must load: its compiled policy, or an error listing every diagnostic where it stands. */
export function compiledPolicy(text: string, file: string): CompiledPolicy {
  const loaded = loadPolicy(text, file);
  if (!loaded.ok)
    throw new Error(
      loaded.diagnostics.map((d) => `${file}:${d.span?.line}:${d.span?.column}: ${d.code}: ${d.message}`).join('\n'),
    );
  return loaded.policy;
}

/**
 * The scorecard of employee E1 (甲, role `staff`, team 一组, stage `only`, 2026-10) with `metrics`,
 * as the engine evaluates one record of a minimal policy; an error when the record is not scored.
 */
export function staffScorecard(compiled: CompiledPolicy, metrics: Record<string, number>): Scorecard {
  const e = evaluateRecordSync(compiled, {
    employee_id: 'E1',
    name: '甲',
    role: 'staff',
    team: '一组',
    stage: 'only',
    period: '2026-10',
    metrics,
  });
  if (!e.ok) throw new Error(`E1 is not scored: ${e.reasons.map((r) => r.code).join(', ')}`);
  return e.scorecard;
}

/** Where the key at `path` starts in YAML text, 1-based: `positionOf(text, ['roles', 'staff', 'title'])`. */
export function positionOf(text: string, path: (string | number)[]): { line: number; column: number } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  let node: Node | null | undefined = doc.contents;
  let start: number | undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === step);
      start = (pair?.key as Node | undefined)?.range?.[0];
      node = pair?.value as Node | undefined;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step] as Node | undefined;
      start = node?.range?.[0];
    } else {
      node = undefined;
    }
    if (start === undefined || node === undefined) throw new Error(`no \`${path.join('.')}\` in the YAML`);
  }
  if (start === undefined) throw new Error('an empty path has no position');
  const { line, col } = lineCounter.linePos(start);
  return { line, column: col };
}

/**
 * What a data reader needs to know of a policy. Roles and stages as `{ id: title }`; every metric
 * is required of every role unless `requiredMetrics` says otherwise.
 */
export function dataContract(o: {
  metrics: Record<string, MetricDef>;
  roles: Record<string, string>;
  stages: Record<string, string>;
  teams?: DataContract['teams'];
  requiredMetrics?: DataContract['requiredMetrics'];
}): DataContract {
  const ids = Object.keys(o.metrics);
  return {
    metrics: o.metrics,
    roles: Object.entries(o.roles).map(([id, title]) => ({ id, title })),
    stages: Object.entries(o.stages).map(([id, title]) => ({ id, title })),
    ...(o.teams ? { teams: o.teams } : {}),
    requiredMetrics: o.requiredMetrics ?? (() => ids),
  };
}

/** A studio's 编导 (director, stage 初创期) with 发布视频数 (a count) and 违规次数 (a count, default 0). */
export const videosAndViolationsContract = (): DataContract =>
  dataContract({
    metrics: {
      videos: { label: '发布视频数', unit: 'count' },
      violations: { label: '违规次数', unit: 'count', default: 0 },
    },
    roles: { director: '编导' },
    stages: { startup: '初创期' },
  });

/** CSV text of these lines, each ended by a line break. */
export const csvText = (...lines: string[]): string => lines.map((l) => `${l}\n`).join('');

/**
 * A short-video studio's export as the readers see it: 编导 (director) need 视频数 (an alias of
 * 发布视频数), 完播率, 上级评分 and 违规次数 (default 0); 客服 (service) need 平均响应时长 and 违规次数.
 */
export function studioContract(stages: Record<string, string> = { startup: '初创期' }): DataContract {
  return dataContract({
    metrics: {
      videos: { label: '发布视频数', unit: 'count', aliases: ['视频数'] },
      completion: { label: '完播率', unit: 'ratio' },
      rating: { label: '上级评分', unit: 'score', range: [0, 100] },
      violations: { label: '违规次数', unit: 'count', default: 0 },
      wait: { label: '平均响应时长', unit: 'seconds' },
    },
    roles: { director: '编导', service: '客服' },
    stages,
    requiredMetrics: (role) =>
      role === 'director' ? ['videos', 'completion', 'rating', 'violations'] : ['wait', 'violations'],
  });
}

/**
 * The smallest complete policy as text: one role (员工, pay base 1000) scored on one rating (评分,
 * 0–100) with weight 100, one grade, pay = 1000 × score / 100 to the fen. A rating of 80 pays ¥800.00.
 */
export const ONE_RATING_POLICY = `policy: one-rating
title: 单项评分
version: 1.0.0
metrics:
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
stages:
  only: { title: 常规 }
roles:
  staff: { title: 员工, pay_base: 1000, indicators: { r: { metric: rating, scoring: rating, weight: 100 } } }
grades:
  - { grade: A, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

/**
 * Two stages, one role 主播 (pay base ¥10,000, pay = pay_base × score / 100): 上级评分 (scoring rating)
 * weighted startup 100, mature 60, and GMV (linear, threshold ¥60,000, target ¥100,000) weighted
 * startup 0, mature 40; grades A ≥ 80, B ≥ 60, C. GMV counts only for mature teams.
 */
export const TWO_STAGE_GMV_POLICY = `policy: two-stages
title: 两阶段
version: 1.0.0
metrics:
  rating: { label: 上级评分, unit: score, range: [ 0, 100 ] }
  gmv: { label: GMV, unit: money }
stages:
  startup: { title: 初创期 }
  mature: { title: 成熟期 }
roles:
  host:
    title: 主播
    pay_base: 10000
    indicators:
      rating: { metric: rating, scoring: rating, weight: { startup: 100, mature: 60 } }
      gmv: { metric: gmv, threshold: 60000, target: 100000, weight: { startup: 0, mature: 40 } }
grades:
  - { grade: A, min: 80 }
  - { grade: B, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

/** A monthly policy `monthly` for roll-up tests: score = the rating (0–100), A+ ≥ 90, A ≥ 60, C; pay = ¥1,000 × score / 100. */
export const ROLLUP_MONTHLY = `policy: monthly
title: 月度考核
version: 1.0.0
effective_from: 2026-01
metrics:
  rating: { label: 评分, unit: score, range: [ 0, 100 ] }
stages:
  only: { title: 常规 }
roles:
  staff: { title: 员工, pay_base: 1000, indicators: { r: { metric: rating, scoring: rating, weight: 100 } } }
grades:
  - { grade: A+, min: 90 }
  - { grade: A, min: 60 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: { to: 0.01, mode: half_up }
`;

/** Its quarterly roll-up from 2026-Q3 (two months at least): avg_score, 优秀 ≥ 90, the award ¥3,000 for two A+ months. */
export const ROLLUP_QUARTERLY = `policy: quarterly
title: 季度挑战指标
version: 1.0.0
effective_from: 2026-Q3
rollup: { of: monthly, period: quarter, min_months: 2 }
facts:
  avg_score: { average: score, title: 季均得分 }
  a_plus_months: { count: { grade: A+ }, title: A+ 次数 }
score: avg_score
grades:
  - { grade: 优秀, min: 90 }
  - { grade: 合格, min: 0 }
payout:
  awards:
    challenge:
      title: 季度挑战奖
      when: { all: [ { fact: a_plus_months, operator: greaterThanInclusive, value: 2 } ] }
      award: 3000
`;

/** A policy text's diagnostics as [code, severity, message, `line:column`, help], read as `p.yaml`. */
export function policyProblems(text: string) {
  return loadPolicy(text, 'p.yaml').diagnostics.map((d) => [
    d.code,
    d.severity,
    d.message,
    `${d.span?.line}:${d.span?.column}`,
    d.help,
  ]);
}

/** A cell of write-excel-file's rows: text. */
export const xlsxText = (value: string) => ({ value, type: String });

/**
 * A workbook of one sheet (`Sheet1`) holding `rows` (write-excel-file's cells), with its parts changed
 * as an export or Excel would leave them: `sheet` rewrites the sheet's XML (merged ranges, hidden
 * rows), `workbook` the workbook's (its properties: the 1904 date system).
 */
export async function workbookWith(
  rows: unknown[][],
  change: { sheet?: (xml: string) => string; workbook?: (xml: string) => string } = {},
): Promise<Uint8Array> {
  const write = writeXlsxFile as unknown as (data: unknown) => { toBuffer(): Promise<Buffer> };
  const parts = unzipSync(new Uint8Array(await write(rows).toBuffer()));
  for (const [name, edit] of [
    ['xl/worksheets/sheet1.xml', change.sheet],
    ['xl/workbook.xml', change.workbook],
  ] as const)
    if (edit) parts[name] = strToU8(edit(strFromU8(parts[name] as Uint8Array)));
  return zipSync(parts);
}

/** The sheet's XML with these ranges merged (`D2:D4`), as `workbookWith`'s `sheet` change. */
export const mergedRanges =
  (...refs: string[]) =>
  (xml: string) =>
    xml.replace(
      '</sheetData>',
      `</sheetData><mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`,
    );

/**
 * One role 编导 (`r`, pay base ¥1,000) in one stage 初创期 (`s`), scored on a 0–100 上级评分 alone;
 * grades A ≥ 81, B ≥ 61, C; pay_base × score / 100 rounded as `rounding` says; `after` as written.
 */
export function directorPolicy(o: { id: string; title: string; rounding?: string; after?: string }): string {
  return `policy: ${o.id}
title: ${o.title}
version: 1.0.0
metrics:
  rating: { label: 上级评分, unit: score, range: [ 0, 100 ] }
stages:
  s: { title: 初创期 }
roles:
  r:
    title: 编导
    pay_base: 1000
    indicators:
      att: { metric: rating, scoring: rating, weight: 100 }
grades:
  - { grade: A, min: 81 }
  - { grade: B, min: 61 }
  - { grade: C, min: 0 }
payout:
  performance_pay: pay_base * score / 100
  rounding: ${o.rounding ?? '{ to: 0.01, mode: half_up }'}
${o.after ?? ''}`;
}
