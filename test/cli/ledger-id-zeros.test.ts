// A number-like 工号 recorded as `007` one month and exported as `7` the next (Excel dropped the
// zeros) is two people to the ledger: the history facts do not carry over. The ids stay apart —
// joining them would be a guess — but the run says so, at the cell.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const HEADER = '工号,姓名,岗位,团队,阶段,月份,发布视频数,完播率,上级评分,单条最高播放';
// docs/worked-example.yaml: 10 videos → 0 points, 10% completion → 0, rating 30 → 6; score 6 → C,
// pay 4000 × 6 / 100 = ¥240.00 and an improvement plan
const row = (id: string, month: string) => `${id},林小雨,编导,短视频一组,初创期,${month},10,10%,30,100`;

describe('an id whose leading zeros were dropped since the last recorded month', () => {
  it('is warned about at its cell, naming the recorded spelling; the run still scores it as a new id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-zeros-'));
    const ledger = join(dir, 'ledger.db');
    const sep = join(dir, 'sep.csv');
    const oct = join(dir, 'oct.csv');
    writeFileSync(sep, `${HEADER}\n${row('007', '2026-09')}\n`);
    writeFileSync(oct, `${HEADER}\n${row('7', '2026-10')}\n`);
    const recorded = await yardstick('run', 'docs/worked-example.yaml', '--data', sep, '--record', '--ledger', ledger);
    expect(recorded.code).toBe(0);
    const r = await yardstick('run', 'docs/worked-example.yaml', '--data', oct, '--ledger', ledger, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `${oct}:2: warning[ledger_id_zeros]: \`7\` has no earlier months in the ledger \`${ledger}\`, but \`007\` has: the same number with or without leading zeros\n` +
        '  at row 2, column `工号`, value `7`',
    );
    const card = JSON.parse(r.stdout).scorecards[0];
    expect([card.employee_id, card.grade, card.payout.total]).toEqual(['7', 'C', 240]);
  });

  it('is warned about in a run streamed to a file too (--format csv --out), where it was not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-zeros-'));
    const ledger = join(dir, 'ledger.db');
    const sep = join(dir, 'sep.csv');
    const oct = join(dir, 'oct.csv');
    writeFileSync(sep, `${HEADER}\n${row('007', '2026-09')}\n`);
    writeFileSync(oct, `${HEADER}\n${row('7', '2026-10')}\n${row('8', '2026-10').replace('林小雨', '林小风')}\n`);
    await yardstick('run', 'docs/worked-example.yaml', '--data', sep, '--record', '--ledger', ledger);
    const out = join(dir, 'oct-results.csv');
    const r = await yardstick(
      'run',
      'docs/worked-example.yaml',
      '--data',
      oct,
      '--ledger',
      ledger,
      '--format',
      'csv',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stderr.match(/warning\[ledger_id_zeros\]/g)).toHaveLength(1);
    expect(r.stderr).toContain(
      `${oct}:2: warning[ledger_id_zeros]: \`7\` has no earlier months in the ledger \`${ledger}\`, but \`007\` has`,
    );
  });

  it('the other way round (`7` recorded, `007` now) likewise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-zeros-'));
    const ledger = join(dir, 'ledger.db');
    writeFileSync(join(dir, 'sep.csv'), `${HEADER}\n${row('7', '2026-09')}\n`);
    writeFileSync(join(dir, 'oct.csv'), `${HEADER}\n${row('007', '2026-10')}\n`);
    await yardstick('run', 'docs/worked-example.yaml', '--data', join(dir, 'sep.csv'), '--record', '--ledger', ledger);
    const r = await yardstick('run', 'docs/worked-example.yaml', '--data', join(dir, 'oct.csv'), '--ledger', ledger);
    expect(r.stderr).toContain('`007` has no earlier months in the ledger');
    expect(r.stderr).toContain('but `7` has');
  });

  it('an id of letters then digits (`E001` recorded, `E1` now) is warned about too, with the spelling to write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-zeros-'));
    const ledger = join(dir, 'ledger.db');
    const oct = join(dir, 'oct.csv');
    writeFileSync(join(dir, 'sep.csv'), `${HEADER}\n${row('E001', '2026-09')}\n`);
    writeFileSync(oct, `${HEADER}\n${row('E1', '2026-10')}\n`);
    await yardstick('run', 'docs/worked-example.yaml', '--data', join(dir, 'sep.csv'), '--record', '--ledger', ledger);
    const r = await yardstick('run', 'docs/worked-example.yaml', '--data', oct, '--ledger', ledger, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `${oct}:2: warning[ledger_id_zeros]: \`E1\` has no earlier months in the ledger \`${ledger}\`, but \`E001\` has: the same letters and number with or without leading zeros\n` +
        '  at row 2, column `工号`, value `E1`\n' +
        '  help: ids are not joined across spellings, so history facts (two C in a row, improvement plans) start again for `E1`: if they are one person, write the id as the ledger has it, `E001`',
    );
    // the letters must agree: `F1` is not `E001`
    writeFileSync(oct, `${HEADER}\n${row('F1', '2026-10')}\n`);
    const other = await yardstick('run', 'docs/worked-example.yaml', '--data', oct, '--ledger', ledger, '--lang', 'en');
    expect(other.stderr).not.toContain('ledger_id_zeros');
  });

  it('an id recorded under its own spelling gets no warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-zeros-'));
    const ledger = join(dir, 'ledger.db');
    writeFileSync(join(dir, 'sep.csv'), `${HEADER}\n${row('007', '2026-09')}\n`);
    writeFileSync(join(dir, 'oct.csv'), `${HEADER}\n${row('007', '2026-10')}\n`);
    await yardstick('run', 'docs/worked-example.yaml', '--data', join(dir, 'sep.csv'), '--record', '--ledger', ledger);
    const r = await yardstick('run', 'docs/worked-example.yaml', '--data', join(dir, 'oct.csv'), '--ledger', ledger);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('ledger_id_zeros');
  });
});

// `E2` recorded in September, `e2` in October: the history (two C in a row, the open plan) started
// again for `e2` without a word, while a case clash inside one file is warned about (breaker 130)
describe('an id written in another case since the last recorded month', () => {
  it.each([
    ['E2', 'e2'],
    ['sv0001', 'SV0001'],
    // mixed case on both sides (breaker 131)
    ['Ls0001', 'lS0001'],
  ])('`%s` recorded, `%s` now: warned about at its cell, with the spelling to write', async (recorded, now) => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-case-'));
    const ledger = join(dir, 'ledger.db');
    const oct = join(dir, 'oct.csv');
    writeFileSync(join(dir, 'sep.csv'), `${HEADER}\n${row(recorded, '2026-09')}\n`);
    writeFileSync(oct, `${HEADER}\n${row(now, '2026-10')}\n`);
    await yardstick('run', 'docs/worked-example.yaml', '--data', join(dir, 'sep.csv'), '--record', '--ledger', ledger);
    for (const format of ['json', 'csv']) {
      const r = await yardstick(
        'run',
        'docs/worked-example.yaml',
        '--data',
        oct,
        '--ledger',
        ledger,
        '--format',
        format,
      );
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(
        `${oct}:2: warning[ledger_id_zeros]: \`${now}\` has no earlier months in the ledger \`${ledger}\`, but \`${recorded}\` has: the same id in another case\n` +
          `  at row 2, column \`工号\`, value \`${now}\`\n` +
          `  help: ids are not joined across spellings, so history facts (two C in a row, improvement plans) start again for \`${now}\`: if they are one person, write the id as the ledger has it, \`${recorded}\``,
      );
    }
  });
});

it('an id in another case and with its leading zeros dropped (`LS0006` recorded, `ls06` now) is warned about too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-case-'));
  const ledger = join(dir, 'ledger.db');
  const oct = join(dir, 'oct.csv');
  writeFileSync(join(dir, 'sep.csv'), `${HEADER}\n${row('LS0006', '2026-09')}\n`);
  writeFileSync(oct, `${HEADER}\n${row('ls06', '2026-10')}\n`);
  await yardstick('run', 'docs/worked-example.yaml', '--data', join(dir, 'sep.csv'), '--record', '--ledger', ledger);
  const r = await yardstick('run', 'docs/worked-example.yaml', '--data', oct, '--ledger', ledger);
  expect(r.stderr).toContain(
    `${oct}:2: warning[ledger_id_zeros]: \`ls06\` has no earlier months in the ledger \`${ledger}\`, but \`LS0006\` has: the same letters and number with or without leading zeros`,
  );
});
