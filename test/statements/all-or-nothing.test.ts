// `yardstick statements --out DIR` writes the folder whole or not at all: every page is written to a
// temporary file first and renamed into place only when all are written. A statement that could not
// be written used to leave the ones before it new beside last month's index.html.

import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLLUP_MONTHLY } from '../builders.js';
import { yardstick } from '../yardstick.js';

// three people of the roll-up tests' monthly policy (pay = ¥1,000 × rating / 100)
function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-statements-'));
  writeFileSync(join(dir, 'p.yaml'), ROLLUP_MONTHLY);
  writeFileSync(
    join(dir, 'd.csv'),
    '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,staff,一组,only,2026-08,90\nE2,乙,staff,一组,only,2026-08,85\nE3,丙,staff,一组,only,2026-08,70\n',
  );
  const out = join(dir, 'out');
  mkdirSync(out);
  // last month's index is there
  writeFileSync(join(out, 'index.html'), 'last month');
  const run = () =>
    yardstick(
      'statements',
      join(dir, 'p.yaml'),
      '--data',
      join(dir, 'd.csv'),
      '--out',
      out,
      '--ledger',
      join(dir, 'l.db'),
    );
  return { out, run };
}

it('a statement whose file name is taken by a folder writes nothing, and says so of the statements', async () => {
  const { out, run } = folder();
  mkdirSync(join(out, 'E2.html'));
  const r = await run();
  expect(r.code).toBe(1);
  expect(r.stderr.split('\n')[0]).toBe(
    `error: cannot write statements to \`${out}\`: \`E2.html\` in it is not a file, so that statement cannot be written; nothing was written`,
  );
  // no E1.html, no temporary file, last month's index untouched
  expect(readdirSync(out).sort()).toEqual(['E2.html', 'index.html']);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('last month');
});

it('nor does one whose name is a link to a device', async () => {
  const { out, run } = folder();
  symlinkSync('/dev/null', join(out, 'E3.html'));
  const r = await run();
  expect(r.code).toBe(1);
  expect(r.stderr.split('\n')[0]).toBe(
    `error: cannot write statements to \`${out}\`: \`E3.html\` in it is not a file, so that statement cannot be written; nothing was written`,
  );
  expect(readdirSync(out).sort()).toEqual(['E3.html', 'index.html']);
});

it('writes every statement and the index when it can', async () => {
  const { out, run } = folder();
  const r = await run();
  expect(r.code).toBe(0);
  expect(readdirSync(out).sort()).toEqual([
    '.yardstick-statements.json',
    'E1.html',
    'E2.html',
    'E3.html',
    'index.html',
  ]);
  // E2: 1000 × 85 / 100 = ¥850.00
  expect(readFileSync(join(out, 'E2.html'), 'utf8')).toContain(
    '<tr class="group"><td>合计</td><td class="num">¥850.00</td></tr>',
  );
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<h1>月度考核 · 绩效结果汇总</h1>');
});

it('a page that cannot be replaced puts back the pages already replaced: the folder is last month’s, whole', async () => {
  const { out, run } = folder();
  // last month's statements of the three, as a previous run left them
  for (const id of ['E1', 'E2', 'E3']) writeFileSync(join(out, `${id}.html`), `last month ${id}`);
  // E2.html cannot be set aside: the name it would be moved to is a folder holding a file
  const aside = join(out, `.E2.html.${process.pid}.old`);
  mkdirSync(aside);
  writeFileSync(join(aside, 'x'), 'x');
  const r = await run();
  expect(r.code).toBe(1);
  expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^error: cannot write \`${out}/E2.html\``));
  // E1.html, replaced before E2 failed, is last month's again; no temporary file is left
  for (const id of ['E1', 'E2', 'E3']) expect(readFileSync(join(out, `${id}.html`), 'utf8')).toBe(`last month ${id}`);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('last month');
  expect(readdirSync(out).sort()).toEqual([
    `.E2.html.${process.pid}.old`,
    'E1.html',
    'E2.html',
    'E3.html',
    'index.html',
  ]);
});

it('removes the statements its previous run wrote that this run does not, and says so', async () => {
  const { out, run } = folder();
  expect((await run()).code).toBe(0);
  // September's month was E1–E3; October's is E1 alone: E2 and E3 of September must not stay beside it
  const dir = join(out, '..');
  writeFileSync(join(dir, 'd.csv'), '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,staff,一组,only,2026-09,80\n');
  const r = await run();
  expect(r.code).toBe(0);
  expect(r.stderr.split('\n')).toEqual([
    `已写入 1 份结果通知和 index.html 到 ${out}`,
    '已删除该文件夹上次写入、本次没有的 2 份结果通知：E2.html、E3.html',
  ]);
  expect(readdirSync(out).sort()).toEqual(['.yardstick-statements.json', 'E1.html', 'index.html']);
  const record = JSON.parse(readFileSync(join(out, '.yardstick-statements.json'), 'utf8'));
  expect([record.policy, record.files, Object.keys(record.stamps)]).toEqual([
    'monthly',
    ['E1.html', 'index.html'],
    ['E1.html', 'index.html'],
  ]);
});

it('leaves .html files no run recorded as they are, and names them', async () => {
  const { out, run } = folder();
  // statements of a run before the folder kept its record, and a page of the user's
  writeFileSync(join(out, 'E9.html'), 'an earlier statement');
  writeFileSync(join(out, 'notes.html'), 'mine');
  const r = await run();
  expect(r.code).toBe(0);
  expect(r.stderr.split('\n')[1]).toBe(
    '注意：该文件夹中另有 2 个不是本次写入的 .html 文件，未作改动：E9.html、notes.html（可能是早先的结果通知，发送前请核对）',
  );
  expect(readFileSync(join(out, 'E9.html'), 'utf8')).toBe('an earlier statement');
  expect(readFileSync(join(out, 'notes.html'), 'utf8')).toBe('mine');
});

it('never replaces a file it reads: a policy named index.html in the output folder is refused, and kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-statements-'));
  writeFileSync(join(dir, 'index.html'), ROLLUP_MONTHLY);
  writeFileSync(join(dir, 'd.csv'), '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,staff,一组,only,2026-08,90\n');
  const r = await yardstick(
    'statements',
    join(dir, 'index.html'),
    '--data',
    join(dir, 'd.csv'),
    '--out',
    dir,
    '--ledger',
    join(dir, 'l.db'),
  );
  expect(r.code).toBe(1);
  expect(r.stderr.split('\n')[0]).toBe(
    `error: refusing to write \`${join(dir, 'index.html')}\`: it is the policy \`${join(dir, 'index.html')}\``,
  );
  expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe(ROLLUP_MONTHLY);
  expect(readdirSync(dir).sort()).toEqual(['d.csv', 'index.html']);
});

it('Ctrl-C while the pages are written stops the run and leaves the folder as it was', async () => {
  const { out } = folder();
  // the sample month forty times over (ids led by R1- … R40-): about 8,000 statements, seconds of work
  const [header, ...rows] = readFileSync('examples/sample-2026-10.csv', 'utf8').split('\n');
  const body = rows.filter((l) => l.trim() !== '');
  const month = join(out, '..', 'big.csv');
  writeFileSync(
    month,
    `${header}\n${Array.from({ length: 40 }, (_, k) => body.map((l) => `R${k + 1}-${l}`).join('\n')).join('\n')}\n`,
  );
  const child = spawn(
    process.execPath,
    [
      'node/cli/bin.mjs',
      'statements',
      'policies/short-video-team.yaml',
      '--data',
      month,
      '--exclude-invalid',
      '--quiet',
      '--out',
      out,
      '--ledger',
      join(out, '..', 'l.db'),
    ],
    { stdio: 'ignore' },
  );
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  // once the first pages are staged
  await expect
    .poll(() => readdirSync(out).some((f) => f.endsWith('.tmp')), { timeout: 60_000, interval: 20 })
    .toBe(true);
  child.kill('SIGINT');
  expect(await ended).toEqual({ code: null, signal: 'SIGINT' });
  expect(readdirSync(out)).toEqual(['index.html']);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('last month');
}, 90_000);

it('an id too long for a file name is named, and nothing is written', async () => {
  const { out } = folder();
  const dir = join(out, '..');
  // forty 😀 (U+1F600), each `_1f600_` in the file name: 40 × 7 + `.html` = 285 bytes, above 255 − 14 = 241
  const id = '😀'.repeat(40);
  writeFileSync(
    join(dir, 'd.csv'),
    `工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,staff,一组,only,2026-08,90\n${id},乙,staff,一组,only,2026-08,80\n`,
  );
  const r = await yardstick(
    'statements',
    join(dir, 'p.yaml'),
    '--data',
    join(dir, 'd.csv'),
    '--out',
    out,
    '--ledger',
    join(dir, 'l.db'),
  );
  expect(r.code).toBe(1);
  expect(r.stderr.split('\n')[0]).toBe(
    `error: employee \`${'😀'.repeat(20)}…\`'s id makes a statement file name of 285 bytes, more than the 241 a file name may have`,
  );
  expect(readdirSync(out)).toEqual(['index.html']);
});

describe('the folder’s record of its pages is trusted only as far as it can be', () => {
  it('removes only the pages a run wrote, as it wrote them: never a page a hand-edited record names, an input or a hidden file', async () => {
    const { out } = folder();
    const dir = join(out, '..');
    writeFileSync(join(out, 'notes.html'), 'mine');
    writeFileSync(join(out, '.hidden.html'), 'hidden');
    writeFileSync(join(out, 'E9.html'), 'a statement of September');
    // the policy, named like a statement, in the folder: an input of the run
    writeFileSync(join(out, 'E8.html'), ROLLUP_MONTHLY);
    writeFileSync(
      join(out, '.yardstick-statements.json'),
      JSON.stringify({
        policy: 'monthly',
        files: ['notes.html', '.hidden.html', '..html', '../d.csv', 'E8.html', 'E9.html', 'index.html'],
      }),
    );
    const r = await yardstick(
      'statements',
      join(out, 'E8.html'),
      '--data',
      join(dir, 'd.csv'),
      '--out',
      out,
      '--ledger',
      join(dir, 'l.db'),
    );
    expect(r.code).toBe(0);
    // a record written by hand holds no page as a run wrote it (its size and time): nothing is
    // removed, and the pages are named; .hidden.html is no statement's name, E8.html is the policy
    expect(r.stderr.split('\n').slice(1)).toEqual([
      '注意：该文件夹中另有 3 个不是本次写入的 .html 文件，未作改动：E8.html、E9.html、notes.html（可能是早先的结果通知，发送前请核对）',
    ]);
    expect(readFileSync(join(out, 'E9.html'), 'utf8')).toBe('a statement of September');
    expect(readFileSync(join(out, 'notes.html'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, '.hidden.html'), 'utf8')).toBe('hidden');
    expect(readFileSync(join(out, 'E8.html'), 'utf8')).toBe(ROLLUP_MONTHLY);
    expect(readFileSync(join(dir, 'd.csv'), 'utf8')).toContain('工号,姓名');
  });

  it('a run of another policy into the folder removes none of the first policy’s statements, and names them', async () => {
    const { out, run } = folder();
    expect((await run()).code).toBe(0);
    const dir = join(out, '..');
    writeFileSync(join(dir, 'q.yaml'), ROLLUP_MONTHLY.replace('policy: monthly', 'policy: other'));
    writeFileSync(join(dir, 'q.csv'), '工号,姓名,岗位,团队,阶段,月份,评分\nF1,丁,staff,一组,only,2026-08,90\n');
    const r = await yardstick(
      'statements',
      join(dir, 'q.yaml'),
      '--data',
      join(dir, 'q.csv'),
      '--out',
      out,
      '--ledger',
      join(dir, 'l.db'),
    );
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[1]).toBe(
      '注意：该文件夹中另有 3 个不是本次写入的 .html 文件，未作改动：E1.html、E2.html、E3.html（可能是早先的结果通知，发送前请核对）',
    );
    expect(readdirSync(out).sort()).toEqual([
      '.yardstick-statements.json',
      'E1.html',
      'E2.html',
      'E3.html',
      'F1.html',
      'index.html',
    ]);
  });

  it('a record that is a link to an input is replaced, not written through', async () => {
    const { out, run } = folder();
    const data = join(out, '..', 'd.csv');
    const before = readFileSync(data, 'utf8');
    symlinkSync(data, join(out, '.yardstick-statements.json'));
    expect((await run()).code).toBe(0);
    expect(readFileSync(data, 'utf8')).toBe(before);
    expect(JSON.parse(readFileSync(join(out, '.yardstick-statements.json'), 'utf8')).files).toEqual([
      'E1.html',
      'E2.html',
      'E3.html',
      'index.html',
    ]);
  });

  it('a page that is a link to another page refuses the folder: the two statements would be one file', async () => {
    const { out, run } = folder();
    writeFileSync(join(out, 'E2.html'), 'ORIGINAL-E2');
    symlinkSync('E2.html', join(out, 'E1.html'));
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      `error: cannot write statements to \`${out}\`: \`E2.html\` in it leads to the same file as \`E1.html\`, so the two statements cannot both be written; nothing was written`,
    );
    expect(readFileSync(join(out, 'E2.html'), 'utf8')).toBe('ORIGINAL-E2');
    expect(readdirSync(out).sort()).toEqual(['E1.html', 'E2.html', 'index.html']);
  });

  it('a page of the previous run changed since (or a folder in its place) is not removed, and is named', async () => {
    const { out, run } = folder();
    expect((await run()).code).toBe(0);
    // E3 is left out of the next month; its page was edited by hand since
    writeFileSync(join(out, 'E3.html'), 'edited');
    const dir = join(out, '..');
    writeFileSync(
      join(dir, 'd.csv'),
      '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,staff,一组,only,2026-09,80\nE2,乙,staff,一组,only,2026-09,80\n',
    );
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[1]).toBe(
      '注意：该文件夹中另有 1 个不是本次写入的 .html 文件，未作改动：E3.html（可能是早先的结果通知，发送前请核对）',
    );
    expect(readFileSync(join(out, 'E3.html'), 'utf8')).toBe('edited');
  });

  it('a previous page that cannot be removed is said, kept on record, and the run succeeds', async () => {
    const { out, run } = folder();
    expect((await run()).code).toBe(0);
    // E3's page cannot be removed: this test stands a folder in for an undeletable file, by making
    // the record say E3.html is a page of the run as it is now
    const dir = join(out, '..');
    writeFileSync(join(dir, 'd.csv'), '工号,姓名,岗位,团队,阶段,月份,评分\nE1,甲,staff,一组,only,2026-09,80\n');
    rmSync(join(out, 'E3.html'));
    mkdirSync(join(out, 'E3.html'));
    const record = JSON.parse(readFileSync(join(out, '.yardstick-statements.json'), 'utf8'));
    const st = statSync(join(out, 'E3.html'));
    record.stamps['E3.html'] = `${st.size}:${st.mtimeMs}`;
    writeFileSync(join(out, '.yardstick-statements.json'), JSON.stringify(record));
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').slice(1)).toEqual([
      '已删除该文件夹上次写入、本次没有的 1 份结果通知：E2.html',
      '注意：该文件夹上次写入、本次没有的 1 份结果通知无法删除，仍在文件夹中：E3.html（发送前请删除）',
    ]);
    expect(JSON.parse(readFileSync(join(out, '.yardstick-statements.json'), 'utf8')).files).toEqual([
      'E1.html',
      'index.html',
      'E3.html',
    ]);
  });

  it('what a killed run left (its temporary and set-aside pages) is cleaned up: a set-aside page whose new one never came is put back', async () => {
    const { out, run } = folder();
    // pid 2147483646: no such process
    writeFileSync(join(out, '.E1.html.2147483646.tmp'), 'half');
    writeFileSync(join(out, '.E7.html.2147483646.old'), 'E7 of last month');
    writeFileSync(join(out, '.E2.html.2147483646.old'), 'E2 of last month');
    writeFileSync(join(out, 'E2.html'), 'E2 new');
    expect((await run()).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '.yardstick-statements.json',
      'E1.html',
      'E2.html',
      'E3.html',
      'E7.html',
      'index.html',
    ]);
    expect(readFileSync(join(out, 'E7.html'), 'utf8')).toBe('E7 of last month');
  });
});
