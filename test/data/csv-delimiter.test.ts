// Excel's "Unicode text" (另存为 → Unicode 文本) is UTF-16 with tabs between cells; saved or renamed
// `.csv`, and with thousands separators in its cells (`2,266,926`), papaparse's guess from the first
// rows took it for a comma-separated file: the header one cell, every column "missing". The separator
// is the header's: a tab when the header has more tabs than commas, a comma when it has any.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../engine/data/index.js';
import { csvDelimiter } from '../../engine/data/table.js';
import { yardstick } from '../yardstick.js';

const HEADER = ['工号', '姓名', '岗位', '团队', '阶段', '月份', '发布视频数', '播放量', '违规次数'];
const ROWS = [
  ['SV0001', '许桐芳', '运营经理', '短视频一组', '初创期', '2026-10', '40', '2,266,926', '0'],
  ['SV0002', '吴艳桐', '运营经理', '短视频一组', '初创期', '2026-10', '31', '1,234', ''],
];

/** The rows as Excel's Unicode text writes them: UTF-16 LE after its byte-order mark, tabs, CRLF, a line break at the end. */
function unicodeText(lines: string[][]): Uint8Array {
  const text = `${lines.map((l) => l.join('\t')).join('\r\n')}\r\n`;
  const body = Buffer.from(text, 'utf16le');
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
}

describe('the separator of a CSV file', () => {
  it('Excel’s Unicode text named .csv, cells with thousands separators, is read tab-separated', async () => {
    const t = await readTable(unicodeText([HEADER, ...ROWS]), '10月.csv');
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.table.header).toEqual(HEADER);
    expect(t.table.rows).toEqual(ROWS);
    expect(t.table.rowNumbers).toEqual([2, 3]);
  });

  it('a UTF-8 file with tabs is read the same way', async () => {
    const text = `${[HEADER, ...ROWS].map((l) => l.join('\t')).join('\n')}\n`;
    const t = await readTable(new TextEncoder().encode(text), '10月.csv');
    expect(t.ok && t.table.rows[0]?.[7]).toBe('2,266,926');
  });

  it('is read from the header line, outside quotes, past blank lines', () => {
    expect(csvDelimiter('工号\t姓名\t播放量\nSV1\t张三\t1,234\n')).toBe('\t');
    expect(csvDelimiter('\n,,,\n工号,姓名,"播放量\t(次)"\nSV1,张三,1234\n')).toBe(',');
    expect(csvDelimiter('"GMV(元,含税)"\t工号\t姓名\n')).toBe('\t');
    // a tab starting each cell marks text, as some exports write every cell
    expect(csvDelimiter('\t工号,\t姓名,\t播放量\n')).toBe(',');
    // neither, but semicolons: Excel's CSV where the decimal mark is a comma
    expect(csvDelimiter('工号;姓名\nSV1;张三\n')).toBe(';');
    expect(csvDelimiter(';;;\n工号;"姓名,名";播放量\n')).toBe(';');
    // none of the three: one column, papaparse's guess
    expect(csvDelimiter('工号\nSV1\n')).toBeUndefined();
  });

  it('a run of the sample month’s first two people saved as Unicode text .csv scores both', async () => {
    const sample = await readTable(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'sample.csv');
    if (!sample.ok) throw new Error('the sample month reads');
    // SV0002's 播放量 is `2,266,926`
    expect(sample.table.rows[1]?.[7]).toBe('2,266,926');
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-delimiter-'));
    const file = join(dir, '10月.csv');
    writeFileSync(file, unicodeText([sample.table.header, ...sample.table.rows.slice(0, 2)]));
    const r = await yardstick('run', 'policies/short-video-team.yaml', '--data', file, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const cards = (JSON.parse(r.stdout) as { scorecards: { employee_id: string }[] }).scorecards;
    expect(cards.map((c) => c.employee_id)).toEqual(['SV0001', 'SV0002']);
  });

  // the streamed run guessed the separator with papaparse from the first ten lines: a UTF-8
  // tab-separated .csv streamed to --format csv was read comma-separated, every column missing
  it('a streamed run of a UTF-8 tab-separated .csv reads it as the whole-file run does', async () => {
    const sample = await readTable(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'sample.csv');
    if (!sample.ok) throw new Error('the sample month reads');
    const lines = [sample.table.header, ...sample.table.rows.slice(0, 3)];
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-delimiter-'));
    const file = join(dir, '10月.csv');
    writeFileSync(file, `${lines.map((l) => l.join('\t')).join('\n')}\n`);
    const streamed = await yardstick('run', 'policies/short-video-team.yaml', '--data', file, '--format', 'csv');
    expect(streamed.stderr).toBe('');
    expect(streamed.code).toBe(0);
    // the reference executor reads the file whole (README): the same rows, byte for byte
    const whole = await yardstick(
      'run',
      'policies/short-video-team.yaml',
      '--data',
      file,
      '--format',
      'csv',
      '--executor',
      'reference',
    );
    expect(whole.code).toBe(0);
    expect(streamed.stdout).toBe(whole.stdout);
    // the header and three people (SV0002's 播放量 `2,266,926` in one cell), each line ending CRLF
    expect(streamed.stdout.split('\r\n').map((l) => l.split(',')[0])).toEqual([
      '\uFEFF工号',
      'SV0001',
      'SV0002',
      'SV0003',
      '',
    ]);
  });
});

// Excel's "Unicode text" saves as `.txt`; many exports write tab-separated `.tsv`. They were refused
// as unsupported (`data_unknown_format` in data inspect, `io_unknown_data_format` in run), though the
// reader reads their bytes as it reads a `.csv`: the separator from the header line, the encoding detected.
describe('a .txt or .tsv data file', () => {
  it('is read as a .csv is: Unicode text .txt and UTF-8 .tsv give the same table, a comma .TXT its own', async () => {
    const tabs = `${[HEADER, ...ROWS].map((l) => l.join('\t')).join('\n')}\n`;
    for (const [bytes, name] of [
      [unicodeText([HEADER, ...ROWS]), '10月.txt'],
      [new TextEncoder().encode(tabs), '10月.tsv'],
    ] as const) {
      const t = await readTable(bytes, name);
      expect(t.ok && t.table.header).toEqual(HEADER);
      expect(t.ok && t.table.rows).toEqual(ROWS);
    }
    const commas = await readTable(
      new TextEncoder().encode('工号,姓名,播放量\nSV0001,许桐芳,"2,266,926"\n'),
      '10月.TXT',
    );
    expect(commas.ok && commas.table.rows).toEqual([['SV0001', '许桐芳', '2,266,926']]);
  });

  it('run and data inspect read the sample month’s first two people saved as Unicode text .txt', async () => {
    const sample = await readTable(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'sample.csv');
    if (!sample.ok) throw new Error('the sample month reads');
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-delimiter-'));
    const txt = join(dir, '10月.txt');
    const csv = join(dir, '10月.csv');
    writeFileSync(txt, unicodeText([sample.table.header, ...sample.table.rows.slice(0, 2)]));
    writeFileSync(csv, unicodeText([sample.table.header, ...sample.table.rows.slice(0, 2)]));
    const run = (data: string) =>
      yardstick('run', 'policies/short-video-team.yaml', '--data', data, '--format', 'csv', '--executor', 'reference');
    const [fromTxt, fromCsv] = [await run(txt), await run(csv)];
    expect(fromTxt.stderr).toBe('');
    expect(fromTxt.code).toBe(0);
    expect(fromTxt.stdout).toBe(fromCsv.stdout);
    expect(fromTxt.stdout.split('\r\n').map((l) => l.split(',')[0])).toEqual(['\uFEFF工号', 'SV0001', 'SV0002', '']);
    const inspect = await yardstick(
      'data',
      'inspect',
      txt,
      '--policy',
      'policies/short-video-team.yaml',
      '--lang',
      'en',
    );
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).not.toContain('data_unknown_format');
    expect(inspect.stdout).toContain('工号 → employee_id');
  });

  it('a data mapping’s roster and export may be .tsv and .txt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-delimiter-'));
    const sample = await readTable(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'sample.csv');
    if (!sample.ok) throw new Error('the sample month reads');
    const people = sample.table.rows.slice(0, 2);
    // the roster: the record fields; the export: 工号 and every metric column
    writeFileSync(
      join(dir, '花名册.tsv'),
      `${[sample.table.header.slice(0, 6), ...people.map((r) => r.slice(0, 6))].map((l) => l.join('\t')).join('\n')}\n`,
    );
    writeFileSync(
      join(dir, '导出.txt'),
      unicodeText([
        [sample.table.header[0]!, ...sample.table.header.slice(6)],
        ...people.map((r) => [r[0]!, ...r.slice(6)]),
      ]),
    );
    writeFileSync(
      join(dir, 'month.data.yaml'),
      'period: 2026-10\nroster: { file: 花名册.tsv }\nsources:\n  - file: 导出.txt\n',
    );
    const r = await yardstick(
      'run',
      'policies/short-video-team.yaml',
      '--data',
      join(dir, 'month.data.yaml'),
      '--format',
      'json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const cards = (JSON.parse(r.stdout) as { scorecards: { employee_id: string }[] }).scorecards;
    expect(cards.map((c) => c.employee_id)).toEqual(['SV0001', 'SV0002']);
  });
});

// A semicolon-separated export (Excel saves CSV so where the decimal mark is a comma) whose cells
// hold thousands separators (`422,224`): the header has no comma and no tab, so the separator is its
// semicolon, as docs/policy-language.md says. papaparse's guess from the first rows took the
// commas in the cells for the separator: every column but the first was "missing".
describe('a semicolon-separated data file', () => {
  const lines = [HEADER, ...ROWS].map((l) => l.join(';'));

  it('is read with its semicolons, `2,266,926` one cell', async () => {
    const t = await readTable(new TextEncoder().encode(`${lines.join('\r\n')}\r\n`), '10月.csv');
    expect(t.ok && t.table.header).toEqual(HEADER);
    expect(t.ok && t.table.rows).toEqual(ROWS);
  });

  it('a run of the sample month’s first two people saved with semicolons scores both, whole and streamed', async () => {
    const sample = await readTable(new Uint8Array(readFileSync('examples/sample-2026-10.csv')), 'sample.csv');
    if (!sample.ok) throw new Error('the sample month reads');
    // SV0001's 单条最高播放 is `422,224`, SV0002's 播放量 `2,266,926`
    expect([sample.table.rows[0]?.[12], sample.table.rows[1]?.[7]]).toEqual(['422,224', '2,266,926']);
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-delimiter-'));
    const file = join(dir, '10月.csv');
    const people = [sample.table.header, ...sample.table.rows.slice(0, 2)];
    writeFileSync(file, `\uFEFF${people.map((l) => l.join(';')).join('\r\n')}\r\n`);
    for (const format of ['json', 'csv']) {
      const r = await yardstick('run', 'policies/short-video-team.yaml', '--data', file, '--format', format);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const r = await yardstick('run', 'policies/short-video-team.yaml', '--data', file, '--format', 'json');
    const cards = (JSON.parse(r.stdout) as { scorecards: { employee_id: string }[] }).scorecards;
    expect(cards.map((c) => c.employee_id)).toEqual(['SV0001', 'SV0002']);
  });
});
