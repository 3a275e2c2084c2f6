// Printable statements: one file per employee plus an index, names rendered as text, and the
// provenance line naming the exact policy and data.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../node/cli/main.js';

const FLAGSHIP = 'policies/short-video-team.yaml';
const DATA = `工号,姓名,岗位,团队,阶段,月份,24小时交付率,剪辑质量评分,热点匹配度,播放量,点赞量,单条最高播放,违规次数
E1,<script>alert(1)</script>,剪辑师,二组,成熟期,2026-10,95%,90,60%,1000,50,500,
E/2,李四,剪辑师,二组,成熟期,2026-10,80%,80,60%,1000,50,500,0
`;

describe('yardstick statements', () => {
  it('writes one statement per employee and an index, with names as text and the provenance', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-st-'));
    const data = join(dir, 'm.csv');
    writeFileSync(data, DATA);
    const out = join(dir, 'out');
    const stderr: string[] = [];
    const code = await main(['statements', FLAGSHIP, '--data', data, '--out', out], {
      stdout: () => {},
      stderr: (s) => stderr.push(s),
    });
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.yardstick-statements.json', 'E1.html', 'E_2f_2.html', 'index.html']); // `/` is U+002F
    const e1 = readFileSync(join(out, 'E1.html'), 'utf8');
    expect(e1).not.toContain('<script>alert(1)</script>');
    expect(e1).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // 100 × 40% + 90 × 40% + 100 × 20% = 96 → A; silver: 2880 + 576 + 1000 = 4456
    expect(e1).toContain('<div class="v">96</div>');
    expect(e1).toContain('<div class="v">¥4,456.00</div>');
    expect(e1).toContain('再提高 4 分可达 A+');
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex').slice(0, 16);
    expect(e1).toContain(`政策 short-video-team v1.2.0 (${FLAGSHIP}, sha256 ${sha(FLAGSHIP)})`);
    expect(e1).toContain(`数据 ${data} (sha256 ${sha(data)})`);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="E1.html">E1</a>');
    expect(index).toContain('<a href="E_2f_2.html">E/2</a>');
    expect(stderr[0]).toBe(`已写入 2 份结果通知和 index.html 到 ${out}`);
  });

  it('gives ids that differ only in punctuation a file each, and the index links each to their own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-st-'));
    const data = join(dir, 'm.csv');
    const rows = DATA.split('\n');
    // three ids the old naming sent to one file A_1.html; 剪辑师 pay differs through 剪辑质量评分
    writeFileSync(
      data,
      [
        rows[0],
        rows[1].replace('E1,<script>alert(1)</script>', 'A/1,甲'),
        rows[1].replace('E1,<script>alert(1)</script>', 'A_1,乙').replace(',90,', ',80,'),
        rows[1].replace('E1,<script>alert(1)</script>', 'A.1,丙').replace(',90,', ',70,'),
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const code = await main(['statements', FLAGSHIP, '--data', data, '--out', out], {
      stdout: () => {},
      stderr: () => {},
    });
    expect(code).toBe(0);
    // U+002F `/`, U+005F `_`, U+002E `.`
    expect(readdirSync(out).sort()).toEqual([
      '.yardstick-statements.json',
      'A_2e_1.html',
      'A_2f_1.html',
      'A_5f_1.html',
      'index.html',
    ]);
    expect(readFileSync(join(out, 'A_2f_1.html'), 'utf8')).toContain('甲');
    expect(readFileSync(join(out, 'A_5f_1.html'), 'utf8')).toContain('乙');
    expect(readFileSync(join(out, 'A_2e_1.html'), 'utf8')).toContain('丙');
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="A_2f_1.html">A/1</a>');
    expect(index).toContain('<a href="A_5f_1.html">A_1</a>');
    expect(index).toContain('<a href="A_2e_1.html">A.1</a>');
  });

  it('refuses ids that differ only in case, which one folder on Windows or macOS cannot hold apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-st-'));
    const data = join(dir, 'm.csv');
    const rows = DATA.split('\n');
    writeFileSync(data, [rows[0], rows[1].replace('E1,', 'ab1,'), rows[1].replace('E1,', 'AB1,'), ''].join('\n'));
    const out = join(dir, 'out');
    const stderr: string[] = [];
    const code = await main(['statements', FLAGSHIP, '--data', data, '--out', out], {
      stdout: () => {},
      stderr: (s) => stderr.push(s),
      errorLang: 'en',
    });
    expect(code).toBe(1);
    expect(stderr.join('\n')).toContain(
      'employee ids `ab1` and `AB1` differ only in upper and lower case: their statements would overwrite each other on Windows and macOS',
    );
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });

  it("names each group of ids that differ only in case in the message's own language", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-st-'));
    const data = join(dir, 'm.csv');
    const rows = DATA.split('\n');
    const ids = ['ab1', 'AB1', 'cd2', 'CD2'];
    writeFileSync(data, [rows[0], ...ids.map((id) => rows[1].replace('E1,', `${id},`)), ''].join('\n'));
    const stderr: string[] = [];
    const code = await main(['statements', FLAGSHIP, '--data', data, '--out', join(dir, 'out')], {
      stdout: () => {},
      stderr: (s) => stderr.push(s),
      errorLang: 'zh',
    });
    expect(code).toBe(1);
    expect(stderr.join('\n')).toContain(
      '工号 `ab1` 和 `AB1`；`cd2` 和 `CD2` 只有大小写不同：在 Windows 和 macOS 上它们的绩效说明会互相覆盖',
    );
  });

  it('gives an employee whose id is `index` a statement of their own, apart from the summary page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-st-'));
    const data = join(dir, 'm.csv');
    const rows = DATA.split('\n');
    writeFileSync(
      data,
      [
        rows[0],
        rows[1].replace('E1,<script>alert(1)</script>', 'index,甲'),
        rows[1].replace('E1,<script>alert(1)</script>', 'INDEX2,乙'),
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    expect(
      await main(['statements', FLAGSHIP, '--data', data, '--out', out], { stdout: () => {}, stderr: () => {} }),
    ).toBe(0);
    // `i` is U+0069
    expect(readdirSync(out).sort()).toEqual([
      '.yardstick-statements.json',
      'INDEX2.html',
      '_69_ndex.html',
      'index.html',
    ]);
    expect(readFileSync(join(out, '_69_ndex.html'), 'utf8')).toContain('甲');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<a href="_69_ndex.html">index</a>');
  });

  it("gives ids that are Windows device names (CON, nul, COM1) files Windows can hold, and keeps CON1's", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-st-'));
    const data = join(dir, 'm.csv');
    const rows = DATA.split('\n');
    const row = (id: string, name: string) => rows[1].replace('E1,<script>alert(1)</script>', `${id},${name}`);
    writeFileSync(
      data,
      [rows[0], row('CON', '甲'), row('nul', '乙'), row('COM1', '丙'), row('CON1', '丁'), ''].join('\n'),
    );
    const out = join(dir, 'out');
    expect(
      await main(['statements', FLAGSHIP, '--data', data, '--out', out], { stdout: () => {}, stderr: () => {} }),
    ).toBe(0);
    // C is U+0043, n is U+006E
    expect(readdirSync(out).sort()).toEqual([
      '.yardstick-statements.json',
      'CON1.html',
      '_43_OM1.html',
      '_43_ON.html',
      '_6e_ul.html',
      'index.html',
    ]);
    expect(readFileSync(join(out, '_43_ON.html'), 'utf8')).toContain('甲');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<a href="_43_ON.html">CON</a>');
  });
});
