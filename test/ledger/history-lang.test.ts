// `yardstick history` in the language asked for (README: every command takes `--lang zh|en`): the
// table and the lines under it were Chinese even with `--lang en`.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../builders.js';
import { yardstick } from '../yardstick.js';

let dir: string;
let ledger: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-history-lang-'));
  ledger = join(dir, 'ledger.db');
  // pay 1000 × rating / 100: rating 50 → ¥500.00, corrected to 55 → ¥550.00 (+¥50.00)
  writeFileSync(join(dir, 'p.yaml'), policy().yaml());
  const head = '工号,姓名,岗位,团队,阶段,月份,评分\n';
  writeFileSync(join(dir, 'a.csv'), `${head}E1,甲,员工,一组,常规,2026-10,50\n`);
  writeFileSync(join(dir, 'b.csv'), `${head}E1,甲,员工,一组,常规,2026-10,55\n`);
  const p = join(dir, 'p.yaml');
  expect((await yardstick('run', p, '--data', join(dir, 'a.csv'), '--record', '--ledger', ledger)).code).toBe(0);
  expect((await yardstick('run', p, '--data', join(dir, 'b.csv'), '--amend', '--ledger', ledger)).code).toBe(0);
});

describe('history says its table in the language asked for', () => {
  it('--lang en: English headers, official and correction, "from:" lines', async () => {
    const r = await yardstick('history', '--employee', 'E1', '--ledger', ledger, '--lang', 'en');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0].split(/\s+/)).toEqual([
      'period',
      'policy',
      'version',
      'run',
      'score',
      'grade',
      'payout',
      'correction',
    ]);
    expect(lines[2].split(/\s+/)).toEqual(['2026-10', 'mini', '1.0.0', '#1', 'official', '50', 'B', '¥500.00']);
    expect(lines[3].split(/\s+/)).toEqual([
      '2026-10',
      'mini',
      '1.0.0',
      '#2',
      'correction',
      '55',
      'B',
      '¥550.00',
      '+¥50.00',
    ]);
    expect(lines[4]).toMatch(/^#1 from: policy sha256 [0-9a-f]{16} · data .*a\.csv \(sha256 [0-9a-f]{16}\)$/);
    expect(r.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('Chinese without --lang, as before', async () => {
    const r = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    const lines = r.stdout.split('\n');
    expect(lines[0].split(/\s+/)).toEqual(['期间', '政策', '版本', '记录', '得分', '等级', '应发', '更正']);
    expect(lines[3].split(/\s+/)).toEqual(['2026-10', 'mini', '1.0.0', '#2', '更正', '55', 'B', '¥550.00', '+¥50.00']);
    expect(lines[4]).toMatch(/^#1 依据: 政策 sha256 [0-9a-f]{16} · 数据 /);
  });
});

describe('history finds a person as the data names them', () => {
  it('a full-width or padded id is the recorded E1 (ids are read as the data reads them)', async () => {
    for (const spelling of ['Ｅ１', ' E1 ']) {
      const r = await yardstick('history', '--employee', spelling, '--ledger', ledger, '--lang', 'en');
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[2]!.split(/\s+/)).toEqual([
        '2026-10',
        'mini',
        '1.0.0',
        '#1',
        'official',
        '50',
        'B',
        '¥500.00',
      ]);
    }
  });

  it('an id in the wrong case is refused with the recorded spelling suggested, in the language asked for', async () => {
    const en = await yardstick('history', '--employee', 'e1', '--ledger', ledger, '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.stderr).toBe(
      `error: \`e1\` has no recorded period in \`${ledger}\`\n  help: did you mean \`E1\`? ids are compared with their case`,
    );
    const zh = await yardstick('history', '--employee', 'e1', '--ledger', ledger, '--lang', 'zh');
    expect(zh.stderr).toBe(`error: \`${ledger}\` 中没有 \`e1\` 的记录\n  提示：是不是 \`E1\`？工号区分大小写`);
    const none = await yardstick('history', '--employee', 'E2', '--ledger', ledger, '--lang', 'en');
    expect(none.stderr).toBe(`error: \`E2\` has no recorded period in \`${ledger}\``);
  });
});

describe('explain --period with a policy file, for someone not recorded under it', () => {
  it('names the policy in the language asked for', async () => {
    const p = join(dir, 'p.yaml');
    const args = ['explain', p, '--period', '2026-10', '--employee', 'E2', '--ledger', ledger];
    const zh = await yardstick(...args, '--lang', 'zh');
    expect([zh.code, zh.stderr]).toEqual([1, `error: \`${ledger}\` 中没有 \`E2\` 在 2026-10 按政策 \`mini\` 的记录`]);
    const en = await yardstick(...args, '--lang', 'en');
    expect([en.code, en.stderr]).toEqual([
      1,
      `error: no recorded statement of \`E2\` for 2026-10 under \`mini\` in \`${ledger}\``,
    ]);
  });
});

describe('explain --period for someone a correction removed', () => {
  // run #1 lists E1 (rating 50 → ¥500.00) and E2 (rating 60 → 1000 × 60 / 100 = ¥600.00); the
  // correction, run #2, lists only E1: E2's pay for 2026-10 is now ¥0.00
  let removedLedger: string;
  beforeAll(async () => {
    removedLedger = join(dir, 'removed.db');
    const head = '工号,姓名,岗位,团队,阶段,月份,评分\n';
    writeFileSync(join(dir, 'both.csv'), `${head}E1,甲,员工,一组,常规,2026-10,50\nE2,乙,员工,一组,常规,2026-10,60\n`);
    writeFileSync(join(dir, 'one.csv'), `${head}E1,甲,员工,一组,常规,2026-10,50\n`);
    const p = join(dir, 'p.yaml');
    const official = await yardstick('run', p, '--data', join(dir, 'both.csv'), '--record', '--ledger', removedLedger);
    expect(official.code).toBe(0);
    const amended = await yardstick('run', p, '--data', join(dir, 'one.csv'), '--amend', '--ledger', removedLedger);
    expect(amended.code).toBe(0);
  });

  it('says the correction removed them and what the earlier run recorded, not "no record"', async () => {
    const args = ['explain', '--period', '2026-10', '--employee', 'E2', '--ledger', removedLedger];
    const en = await yardstick(...args, '--lang', 'en');
    expect([en.code, en.stderr]).toEqual([
      1,
      'error: `E2` is not in the run in force for 2026-10 under `mini`: correction run #2 no longer lists them (run #1 recorded ¥600.00), so their pay for 2026-10 is ¥0.00\n' +
        '  help: `yardstick history --employee E2` shows every recorded line, the clawback included',
    ]);
    const zh = await yardstick(...args, '--lang', 'zh');
    expect([zh.code, zh.stderr]).toEqual([
      1,
      'error: `E2` 不在 2026-10 按政策 `mini` 现行的记录中：更正记录 #2 已不再列出此人（记录 #1 中为 ¥600.00），2026-10 应发 ¥0.00\n' +
        '  提示：`yardstick history --employee E2` 列出每一条记录，包括追回',
    ]);
  });

  it('someone the correction still lists is explained as recorded', async () => {
    const args = ['explain', '--period', '2026-10', '--employee', 'E1', '--ledger', removedLedger, '--lang', 'en'];
    const r = await yardstick(...args);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^recorded as run #2 from policy sha256 [0-9a-f]{16} and data .*one\.csv /);
  });

  it('someone no run listed is still "no record"', async () => {
    const args = ['explain', '--period', '2026-10', '--employee', 'E3', '--ledger', removedLedger, '--lang', 'en'];
    const r = await yardstick(...args);
    expect([r.code, r.stderr]).toEqual([
      1,
      `error: no recorded statement of \`E3\` for 2026-10 in \`${removedLedger}\``,
    ]);
  });
});
