// Data-driven cases (test/cases/*.yaml): a policy, a month of data and the hand-computed result.
// Each case runs twice, through the library and through the `yardstick` command, and both must
// give exactly the expected scorecards, exclusions and totals.

import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  loadPolicy,
  runPolicy,
  runResultToJson,
  type IndicatorResult,
  type RunResultJson,
  type ScorecardJson,
} from '../engine/index.js';
import { readRecords } from '../engine/data/index.js';
import { main } from '../node/cli/main.js';
import { compiledPolicy } from './builders.js';

interface Expected {
  score?: number;
  grade?: string;
  raw_grade?: string;
  points?: Record<string, number>;
  adjustments?: string[];
  payout?: [string, number][];
  total?: number;
  tier?: string;
  status?: 'payable' | 'held';
  holds?: string[];
  triggers?: string[];
  next_grade?: [string, number] | null;
}

interface Case {
  name: string;
  policy: string;
  data?: string;
  expect?: Record<string, Expected>;
  summary?: Record<string, unknown> & { excluded?: Record<string, string[]> };
  expect_diagnostics?: { code: string; line: number; column: number }[];
}

const dir = join('test', 'cases');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ file: f, ...(parse(readFileSync(join(dir, f), 'utf8')) as Case) }));

async function throughLibrary(c: Case): Promise<RunResultJson> {
  const policy = compiledPolicy(c.policy, 'policy.yaml');
  const read = readRecords(c.data!, 'csv', policy.contract, { file: 'data.csv' });
  expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  // the cases write money in yuan, as the JSON result shows it
  return runResultToJson(
    await runPolicy(policy, { records: read.records, excluded: read.excluded, warnings: read.diagnostics }),
  );
}

async function throughCli(c: Case): Promise<RunResultJson> {
  const tmp = mkdtempSync(join(tmpdir(), 'yardstick-case-'));
  writeFileSync(join(tmp, 'policy.yaml'), c.policy);
  writeFileSync(join(tmp, 'data.csv'), c.data!);
  let stdout = '';
  const stderr: string[] = [];
  const code = await main(
    ['run', join(tmp, 'policy.yaml'), '--data', join(tmp, 'data.csv'), '--format', 'json', '--exclude-invalid'],
    { stdout: (s) => (stdout += s), stderr: (s) => stderr.push(s) },
  );
  expect(code, stderr.join('\n')).toBe(0);
  return JSON.parse(stdout) as RunResultJson;
}

function flatPoints(items: IndicatorResult[], into: Record<string, number> = {}): Record<string, number> {
  for (const i of items) {
    into[i.path] = i.points;
    if (i.children) flatPoints(i.children, into);
  }
  return into;
}

function check(card: ScorecardJson | undefined, e: Expected, who: string) {
  expect(card, `${who} has a scorecard`).toBeDefined();
  const c = card!;
  if (e.score !== undefined) expect(c.score, `${who} score`).toBe(e.score);
  if (e.grade !== undefined) expect(c.grade, `${who} grade`).toBe(e.grade);
  if (e.raw_grade !== undefined) expect(c.raw_grade, `${who} raw grade`).toBe(e.raw_grade);
  if (e.points) {
    const points = flatPoints(c.indicators);
    for (const [path, p] of Object.entries(e.points)) expect(points[path], `${who} ${path} points`).toBe(p);
  }
  if (e.adjustments)
    expect(
      c.adjustments.map((a) => a.id),
      `${who} adjustments`,
    ).toEqual(e.adjustments);
  if (e.payout)
    expect(
      c.payout.lines.map((l) => [l.kind, l.amount]),
      `${who} payout lines`,
    ).toEqual(e.payout);
  if (e.total !== undefined) expect(c.payout.total, `${who} total`).toBe(e.total);
  if (e.tier !== undefined) expect(c.payout.tier?.id, `${who} tier`).toBe(e.tier);
  if (e.status !== undefined) expect(c.payout.status, `${who} status`).toBe(e.status);
  if (e.holds)
    expect(
      c.holds.map((h) => h.id),
      `${who} holds`,
    ).toEqual(e.holds);
  if (e.triggers)
    expect(
      c.triggers.map((t) => t.id),
      `${who} triggers`,
    ).toEqual(e.triggers);
  if (e.next_grade === null) expect(c.next_grade, `${who} next grade`).toBeUndefined();
  else if (e.next_grade)
    expect(c.next_grade, `${who} next grade`).toEqual({ grade: e.next_grade[0], points_needed: e.next_grade[1] });
}

function checkRun(result: RunResultJson, c: Case) {
  for (const [id, e] of Object.entries(c.expect ?? {}))
    check(
      result.scorecards.find((s) => s.employee_id === id),
      e,
      id,
    );
  const { excluded, ...summary } = c.summary ?? {};
  for (const [key, value] of Object.entries(summary))
    expect(result.summary[key as keyof typeof result.summary], `summary.${key}`).toEqual(value);
  const gotExcluded = Object.fromEntries(result.excluded.map((x) => [x.employee_id, x.reasons.map((r) => r.code)]));
  expect(gotExcluded, 'excluded records').toEqual(excluded ?? {});
  // totals always equal the sum of their lines, to the fen
  const fen = (x: number) => Math.round(x * 100);
  for (const s of result.scorecards)
    expect(fen(s.payout.total)).toBe(s.payout.lines.reduce((t, l) => t + fen(l.amount), 0));
  expect(fen(result.summary.payout_total)).toBe(result.scorecards.reduce((t, s) => t + fen(s.payout.total), 0));
}

describe.each(cases.filter((c) => c.data))('$file: $name', (c) => {
  it('through the library', async () => checkRun(await throughLibrary(c), c));
  it('through the yardstick command', async () => checkRun(await throughCli(c), c));
});

describe.each(cases.filter((c) => c.expect_diagnostics))('$file: $name', (c) => {
  it('through the library', () => {
    const r = loadPolicy(c.policy, 'policy.yaml');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => ({ code: d.code, line: d.span?.line, column: d.span?.column }))).toEqual(
      c.expect_diagnostics,
    );
  });

  it('through yardstick validate', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'yardstick-case-'));
    const file = join(tmp, 'policy.yaml');
    writeFileSync(file, c.policy);
    const stderr: string[] = [];
    const code = await main(['validate', file], { stdout: () => {}, stderr: (s) => stderr.push(s) });
    expect(code).toBe(1);
    const positions = stderr
      .join('\n')
      .split('\n')
      .filter((l) => l.startsWith(file))
      .map((l) => l.slice(file.length + 1).split(': ')[0] + ' ' + /\[(\w+)\]/.exec(l)![1]);
    expect(positions).toEqual(c.expect_diagnostics!.map((d) => `${d.line}:${d.column} ${d.code}`));
  });
});
