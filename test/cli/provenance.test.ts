// Provenance covers every input: a data mapping is its YAML, its roster and each export it joins,
// and a changed cell in any of them is a different recorded hash in statements, the ledger, JSON
// output, `history` and `explain --period`.

import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

const POLICY = 'policies/short-video-team.yaml';
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex').slice(0, 16);

let dir: string;
let mapping: string;
let files: { mapping: string; roster: string; export: string; review: string };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-prov-'));
  cpSync('examples/exports-2026-10', dir, { recursive: true });
  mapping = join(dir, 'month.data.yaml');
  files = {
    mapping,
    roster: join(dir, '花名册.xlsx'),
    export: join(dir, '创作者后台导出.csv'),
    review: join(dir, '内部评审.xlsx'),
  };
});

/** One cell of the GBK export: SV0001's 引流线索数 569 → 100 (digits are the same bytes in GBK). */
function changeOneCell() {
  const bytes = readFileSync(files.export);
  const at = bytes.indexOf(Buffer.from(',569'));
  expect(at).toBeGreaterThan(0);
  writeFileSync(files.export, Buffer.concat([bytes.subarray(0, at), Buffer.from(',100'), bytes.subarray(at + 4)]));
}

const expected = () => [
  { file: files.mapping, hash: sha(files.mapping), role: 'mapping' },
  { file: files.roster, hash: sha(files.roster), role: 'roster' },
  { file: files.export, hash: sha(files.export), role: 'source' },
  { file: files.review, hash: sha(files.review), role: 'source' },
];

describe('provenance of a data mapping', () => {
  it('run --format json lists the mapping, the roster and each export with its own hash', async () => {
    const r = await yardstick('run', POLICY, '--data', mapping, '--format', 'json', '--exclude-invalid');
    expect(r.code).toBe(0);
    const before = JSON.parse(r.stdout);
    expect(before.provenance).toEqual({ policy: { file: POLICY, hash: sha(POLICY) }, data: expected() });
    const exportHash = sha(files.export);
    changeOneCell();
    const after = JSON.parse(
      (await yardstick('run', POLICY, '--data', mapping, '--format', 'json', '--exclude-invalid')).stdout,
    );
    // the pay moved, and so did the export's hash; the other three files' hashes did not
    const pay = (j: { scorecards: { employee_id: string; payout: { total: number } }[] }) =>
      j.scorecards.find((c) => c.employee_id === 'SV0001')!.payout.total;
    expect(pay(after)).not.toBe(pay(before));
    expect(after.provenance.data[2].hash).not.toBe(exportHash);
    expect(after.provenance.data).toEqual(expected());
    expect(
      after.provenance.data
        .map((d: { hash: string }) => d.hash)
        .filter((h: string, i: number) => h !== before.provenance.data[i].hash),
    ).toHaveLength(1);
  });

  it('statements name every input file with its hash', async () => {
    const out = join(dir, 'out');
    const r = await yardstick('statements', POLICY, '--data', mapping, '--out', out, '--exclude-invalid');
    expect(r.code).toBe(0);
    const page = readFileSync(join(out, 'SV0001.html'), 'utf8');
    expect(page).toContain(
      `数据 ${files.mapping} (sha256 ${sha(files.mapping)}), ${files.roster} (sha256 ${sha(files.roster)}), ${files.export} (sha256 ${sha(files.export)}), ${files.review} (sha256 ${sha(files.review)})`,
    );
  });

  it('the ledger records each input; history and explain --period show them, and a changed cell is a different hash', async () => {
    const ledger = join(dir, 'ledger.db');
    const first = await yardstick(
      'run',
      POLICY,
      '--data',
      mapping,
      '--exclude-invalid',
      '--record',
      '--ledger',
      ledger,
    );
    expect(first.code).toBe(0);
    const oldExport = sha(files.export);
    changeOneCell();
    const amend = await yardstick('run', POLICY, '--data', mapping, '--exclude-invalid', '--amend', '--ledger', ledger);
    expect(amend.code).toBe(0);
    const inputs = (exportHash: string) =>
      `${files.mapping} (sha256 ${sha(files.mapping)}), ${files.roster} (sha256 ${sha(files.roster)}), ${files.export} (sha256 ${exportHash}), ${files.review} (sha256 ${sha(files.review)})`;
    const history = await yardstick('history', '--employee', 'SV0001', '--ledger', ledger);
    expect(history.code).toBe(0);
    expect(history.stdout).toContain(`#1 依据: 政策 sha256 ${sha(POLICY)} · 数据 ${inputs(oldExport)}\n`);
    expect(history.stdout).toContain(`#2 依据: 政策 sha256 ${sha(POLICY)} · 数据 ${inputs(sha(files.export))}\n`);
    expect(sha(files.export)).not.toBe(oldExport);
    const explained = await yardstick(
      'explain',
      POLICY,
      '--period',
      '2026-10',
      '--employee',
      'SV0001',
      '--ledger',
      ledger,
    );
    expect(explained.code).toBe(0);
    expect(explained.stderr).toBe(
      `recorded as run #2 from policy sha256 ${sha(POLICY)} and data ${inputs(sha(files.export))}`,
    );
    // and in Chinese under --lang zh (it was English whatever --lang said)
    const zh = await yardstick(
      'explain',
      POLICY,
      '--period',
      '2026-10',
      '--employee',
      'SV0001',
      '--ledger',
      ledger,
      '--lang',
      'zh',
    );
    expect(zh.stderr).toBe(`记录于运行 #2，依据：政策 sha256 ${sha(POLICY)} · 数据 ${inputs(sha(files.export))}`);
  });

  it('a single data file is one input, as older ledgers recorded it', async () => {
    const data = join(dir, 'one.csv');
    writeFileSync(
      data,
      '工号,姓名,岗位,团队,阶段,月份,24小时交付率,剪辑质量评分,热点匹配度,播放量,点赞量,单条最高播放,违规次数\nE1,剪辑甲,剪辑师,二组,成熟期,2026-10,95%,90,60%,1000,50,500,0\n',
    );
    const ledger = join(dir, 'one.db');
    expect((await yardstick('run', POLICY, '--data', data, '--record', '--ledger', ledger)).code).toBe(0);
    const history = await yardstick('history', '--employee', 'E1', '--ledger', ledger);
    expect(history.stdout).toContain(`#1 依据: 政策 sha256 ${sha(POLICY)} · 数据 ${data} (sha256 ${sha(data)})\n`);
  });
});
