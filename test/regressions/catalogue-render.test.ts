// Every catalogue entry, built as a diagnostic from realistic arguments, renders in English and in
// Chinese with no `{placeholder}` left over, and the Chinese rendering is found again from the
// English one (localise matches the phrasing on its English text).

import { describe, expect, it } from 'vitest';
import { diagnostic, formatDiagnostic, localise } from '../../engine/model/diagnostic.js';
import { MESSAGES, placeholders, type MessageEntry, type MessageId } from '../../engine/model/messages/index.js';

// One realistic value per placeholder name the catalogue uses; `_zh` ones in Chinese.
const REALISTIC: Record<string, string | number> = {
  // verify's report lines (engine/model/messages/review.ts)
  proved: 25,
  shown: 14,
  searched: 3,
  cases: 3231,
  failed: 1,
  undecided: 0,
  ms: 212,
  verdict: 'FAILS',
  property: 'properties.silver_cliff',
  subject: 'roles.director.indicators.output.startup',
  basis: 'searched 195 cases',
  // eval_calibration_min_unmet: the cohort (a team, or the whole company) and its head counts
  cohort: '团队 `一组`',
  needed: 1,
  have: 0,
  // bonus pools, budgets and sweeps (engine/model/messages/money.ts)
  pool: 'team_bonus',
  group: '短视频一组',
  people: 12,
  unit: '¥1.00', // a pool's rounding unit (payout.rounding.to: 1)
  minUnit: '¥6.00', // policy_pool_bounds.unit: min_share 5.01 raised to the unit
  maxUnit: '¥5.00', // max_share 5.99 lowered to it
  rest: '¥3,500.00',
  budget: '¥700,000.00',
  fixed: '¥12,000.00',
  pools: '`团队奖金池`', // verify_over_cap.pool: the pools whose shares pass the cap
  share: '¥1,000.00',
  share_before: '¥600.00', // verify_not_monotone.pool
  share_after: '¥450.00',
  fund: 'GMV', // verify_pool_share_falls: the metric a pool is a share of
  as_percent: '10%', // cli_sweep_ratio.percent: a percentage swept for a pool's amount
  as_fraction: '0.1',
  as_whole: '10',
  plain: '10..20/5',
  weight: 'score / videos', // eval_pool_weight_undefined: a pool's weight formula
  min_share: '¥500.00',
  pool_below: '¥999.99',
  pool_at: '¥1,000.00',
  share_first: '¥749.99',
  share_second: '¥250.00',
  shorter: '0.35..0.39/0.02', // a sweep range that ends on a step (cli_sweep_range.uneven)
  longer: '0.35..0.41/0.02',
  current: 0.4,
  veto: 'violation_veto', // verify_shadowed_rule.searched_by: the veto that outdid another in every case
  ref: 'gmv_target', // policy_value_type.fact_kinds: the fact a condition compares with
  a: '直播一组',
  advice: 'write the month as 2026-10',
  after: '¥4,200.00',
  again: 5,
  allowed: '`linear`, `steps`',
  amount: '¥5,000.00',
  anchor: 'low', // cli_sweep_path.shared: a YAML anchor
  at: 'row 12',
  b: '直播1组',
  backup: 'ledger.db.bak',
  before: '¥4,800.00',
  bound: 100,
  cap: 120,
  cells: 'B3, B7',
  column: '播放量',
  columns: '`工号`, `播放量`',
  // yardstick check
  base: 'origin/main',
  data: 'examples/sample-2026-10.csv',
  tests: 'policies/short-video-team.test.yaml',
  then: '1.1.0',
  total: 12,
  count: 3,
  cut: 'round(leads / visits',
  command: 'verify',
  cycle: 'a → b → a',
  decimal: '0.05',
  default: 'attainment >= 1',
  decimals: 1,
  depth: 64,
  divisor: 'spend',
  detail: 'implicit keys need to be on a single line',
  dir: 'statements/2026-10',
  down: 0.3,
  earlier: 'row 4',
  employee: 'SV0001',
  bytes: 285, // cli_statement_id_too_long: a file name's bytes
  encoding: 'GBK',
  error: '#DIV/0!',
  example: 'A+: S, A: A, B: B, C: C',
  examples: '`2026-10`, `2026-11`',
  fact: 'consecutive_grade',
  field: 'employee_id',
  field_zh: '工号',
  file: '花名册.xlsx',
  ext: 'csv', // cli_out_format: the extension of --out
  suggest: 'results.xlsx', // cli_out_format: the --out file named for --format
  open: '<<<<<<<', // yaml_merge_conflict: the markers as the file writes them
  middle: '=======',
  base_marker: '|||||||', // yaml_merge_conflict.diff3: the marker of the original lines
  close: '>>>>>>>',
  grouping: 'team budgets', // data_similar_teams.grouped: what the policy shares by team
  grouping_zh: '团队预算',
  choices: '`.md` or `.html`', // cli_out_format.unwritten: the extensions the command writes
  choices_zh: '`.md` 或 `.html`',
  files: '`README.md`, `policies/startup-team.yaml`',
  first: 'SV0001',
  option: '--data',
  tag: '!!float',
  format: 'CSV',
  number_format: ';;;', // data_xlsx_unreadable.invisible: a number format that shows nothing
  time: '0:45', // data_xlsx_unreadable.time_minutes: a time shown as h:mm
  newest: '1.3.0', // cli_record_older_version: the newest version this policy recorded with
  recorded: '2026-10',
  clock_unit: 'hours', // data_xlsx_unreadable.time_wraps: a duration under hh:mm:ss
  clock_unit_zh: '小时',
  wrap: '24:00:00',
  dropped: '24:00:00',
  colour: '#FFFFFF', // data_xlsx_unreadable.font_colour: white text
  digits: 0.5, // policy_expression_syntax.round_digits
  fill: '#FFFFFF', // on a white background
  gbk: '林小雨',
  first_file: '创作者后台导出.csv',
  second_file: '内部评审.xlsx',
  folder: 'examples',
  first_row: 2,
  first_at: 'G',
  formula: 'pay_base * score / 100',
  found: '`工號`',
  fraction: 'row 3',
  fraction_row: 7,
  from: '2026-05',
  functions: 'min, max, abs, round, floor, ceil',
  given: '2026-13',
  given_period: '2026-11', // cli_mapping_period_conflict: the month --period gives
  grade: 'A',
  grades: 'A+, A, B, C',
  help: 'record 2026-10 first',
  host: 'evil.example:5178',
  id: 'viral_bonus',
  ids: '`ab1` and `AB1`',
  indicator: 'completion_rate',
  indicators: 'completion_rate, follower_growth',
  input: 'examples/sample-2026-10.csv',
  key: '抖音账号',
  key_row: 3,
  keys: '`dy_a` ×2',
  kind: 'a folder',
  known: '`score`, `attainment`',
  label: '完播率',
  labels: '完播率, 播放量',
  last: 'SV0198',
  later: '2026-11',
  least: '100000',
  ledger: 'results/ledger.db',
  length: 20001,
  limit: 20000,
  listed: 2,
  limits: 'at most 10,000 rows',
  line: 12,
  end: 18, // yaml_merge_conflict: the line of `>>>>>>>`
  literal: '"a"',
  lock: 'results/ledger.db.lock',
  max: 120,
  max_arguments: 50,
  max_attainment: 1.5,
  max_length: 1000,
  max_nodes: 250,
  meaning: 'completion rate',
  metric: 'completion_rate',
  fraction_metrics: '完播率', // data_event_cell.percent_both: the ratios read as fractions
  points_metrics: '完播率（百分点）', // data_event_cell.percent_both: the ratios read in percent points
  metrics: '播放量', // data_event_cell.percent: the metrics a column with a `%` cell is read into
  min: 0,
  money_limit: '100,000,000',
  month: '2026-10',
  name: 'short-video-team',
  names: '`完播率` or `completion_rate`',
  near: '完播率',
  place: 'policies/short-video-team.test.yaml:12:41',
  points: 150,
  level: 'threshold',
  near_help: '; did you mean `完播率`?',
  next: 'A',
  number: 3,
  of: 'the pay',
  operator: 'greaterThanInclusive',
  order: 'A+, A, B, C',
  other: 'SV0002',
  others: '`数据`, `10月`', // data_xlsx_other_sheet.several: the sheets with a header
  owner: 'pid 4242 on host hr-laptop took it at 2026-11-30T09:00:00Z',
  param: 'grade',
  past: 3,
  past_cells: 'B3',
  // two rows joined at a bare line break (data_row_length.line_break)
  lines: 2,
  cell: '0\\nSV0002',
  path: 'roles.host.indicators',
  pattern: '^[a-z]+$',
  percent: 'row 5',
  percent_row: 9,
  pay: '¥4,800.00',
  period: '2026-10',
  periods: '2026-10, 2026-11',
  plan: 'improvement_plan',
  policies: '`short-video-team`, `livestream-team`',
  policy: 'short-video-team',
  policy_file: 'policies/short-video-team.yaml',
  project_path: 'policies', // cli_server_fs: a project file or folder the editor's server could not use, from the root
  facts: 6,
  fmin: 0,
  fmax: 1,
  previous: 'B',
  previous_min: 60,
  problem: 'is not a known time zone',
  problem_zh: '不是已知的时区',
  read: '81',
  reason: 'the file is not a workbook',
  reason_zh: '文件不是工作簿',
  record: 'SV0001',
  reserved: '__proto__',
  rev: 'HEAD~1',
  role: 'host',
  roles: '主播 (host)',
  roster: '花名册.xlsx',
  roster_key: '工号',
  roster_row: 7,
  roster_value: '林晓雨', // data_field_conflict: the roster's value of a field a source gives too
  row: 12,
  run: 3,
  sample: '`SV0001`, `SV0002`',
  scoring: 'pass_fail',
  scale: 'S, A, B, C',
  second: 'SV0001',
  second_at: 'H',
  second_row: 9,
  sheet: '10月',
  sheets: '`10月`, `9月`',
  size: '12 MiB',
  spelled: '2026/10',
  stage: 'startup',
  stages: '初创期 (startup)',
  step: 3,
  sum: 95,
  same_as: '短视频一组',
  team: '直播一组',
  teams: '直播一组, 直播二组',
  text: 'gmv / gmv_target',
  tier: 'T2',
  title: '爆款奖励',
  to: '35.0%',
  type: 'a number',
  uses: 'linear',
  under: 'policies/',
  value: '12.5万',
  // a workbook's cells merged down rows 2 to 4 (data_xlsx_unreadable.merged)
  range: 'D2:D4',
  top: 2,
  bottom: 4,
  // a workbook's rows hidden by a filter (data_xlsx_unreadable.hidden_rows)
  rows: '3, 5',
  version: '1.2.0',
  wait: 300,
  what: 'a number',
  what_zh: '数字',
  where: 'payout.cap',
  where_zh: '测试用例',
  // a refused month (--period, a mapping's period:), as the data reader says it
  detail_zh: '`2026-10-15` 是某一天，不是月份',
  // a schema key's own description, in both languages, as the schema writes it
  description:
    '各校准等级的名额比例：max 最多，min 最少（0–1）。 / Share of the cohort per calibrated grade: max at most, min at least (0–1).',
  advice_zh: '请把月份写成 YYYY-MM，如 2026-10',
  why: 'a divisor is 0',
  word: '合计',
  written: '2026/10',
  zone: 'Europe/Berlin',
  // roll-up policies
  builtin: 'months, months_in_period, role, team, stage, score, grade, calibrated_grade',
  months: 12,
  period_zh: '年度',
  suggestion: '2026-H2',
  kind_zh: '年度',
  monthly: 'livestream-team',
  // yardstick diff of a roll-up and a monthly policy (cli_diff_kinds)
  rollup_side: 'policies/annual-review.yaml',
  monthly_side: 'HEAD~1:policies/livestream-team.yaml',
  // yardstick diff of a version that can no longer score people (cli_diff_unscorable)
  lost: '`policies/short-video-team.yaml` can no longer score 2 record(s) the old version scored',
  lost_zh: '`policies/short-video-team.yaml` 有 2 条旧版本能评分的记录新版本无法评分',
  stale: '; its months changed since: 2026-07 amended (#3 → #8)',
  stale_zh: '；此后月度结果有变：2026-07 已更正（#3 → #8）',
  recorded_months: '2026-01 – 2026-06',
  months_now: '2026-03 – 2026-08',
  // yardstick test's report (cli_test_report)
  passed: 12,
  broken: 1,
  expected: '"A"',
  actual: '"B"',
  parts: 'indicators output; rules fraud_hold; tiers gold',
  parts_zh: '指标 output；规则 fraud_hold；档位 gold',
};

const LEFTOVER = /\{[A-Za-z_][A-Za-z0-9_]*\}/;
const entries = Object.entries(MESSAGES) as [MessageId, MessageEntry][];

function argsFor(entry: MessageEntry): Record<string, string | number> {
  const names = [entry.message, entry.help].flatMap((t) => (t ? [...placeholders(t.en), ...placeholders(t.zh)] : []));
  return Object.fromEntries(names.map((n) => [n, REALISTIC[n]]));
}

describe('every catalogue entry renders in English and Chinese without a leftover placeholder', () => {
  it('has a realistic value for every placeholder name the catalogue uses', () => {
    const missing = [
      ...new Set(
        entries.flatMap(([, e]) =>
          Object.entries(argsFor(e))
            .filter(([, v]) => v === undefined)
            .map(([k]) => k),
        ),
      ),
    ];
    expect(missing).toEqual([]);
  });

  it.each(entries)('%s', (id, entry) => {
    const d = diagnostic(id as never, argsFor(entry) as never, {
      file: 'policies/short-video-team.yaml',
      span: { line: 3, column: 5 },
    });
    for (const lang of ['en', 'zh'] as const) {
      const { message, help } = localise(d, lang);
      expect(message).not.toMatch(LEFTOVER);
      expect(message.trim()).not.toBe('');
      if (help !== undefined) expect(help).not.toMatch(LEFTOVER);
      expect(formatDiagnostic(d, lang)).not.toMatch(LEFTOVER);
    }
    // the Chinese text is the entry's own, filled (localise found the phrasing again)
    expect(localise(d, 'zh').message).toBe(entryText(entry.message.zh, argsFor(entry)));
  });
});

function entryText(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (m, n: string) =>
    Object.hasOwn(args, n) ? String(args[n]) : m,
  );
}
