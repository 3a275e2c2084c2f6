// XLSX bombs: a workbook is refused before it is unpacked when its parts would unpack past 256 MiB
// or a sheet holds more than 200,000 rows (docs/limits.md), with a message, not minutes and GBs.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../engine/data/xlsx.js';
import { yardstick } from '../yardstick.js';

interface Entry {
  name: string;
  /** The deflated bytes. */
  deflated: Buffer;
  size: number;
  crc: number;
  /** What the central directory claims, when it lies. */
  declaredSize?: number;
}

const entry = (name: string, text: string): Entry => {
  const raw = Buffer.from(text);
  return { name, deflated: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
};

/** A zip archive of deflated entries, written the way Excel writes one (local headers, central directory, end record). */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.declaredSize ?? e.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.deflated);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.declaredSize ?? e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const WORKBOOK = [
  entry(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  ),
  entry(
    'xl/workbook.xml',
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ),
  entry(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ),
];

function sheet(rows: number): string {
  const parts = [
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

const TOO_LARGE_HELP = 'a monthly export unpacks to a few MB: check the file, or export the sheet as CSV';

describe('xlsx limits', () => {
  it('a small workbook reads as before', async () => {
    const r = await readXlsx(new Uint8Array(zip([...WORKBOOK, entry('xl/worksheets/sheet1.xml', sheet(3))])), {
      file: 'w.xlsx',
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.table.rows.map((row) => row[0])).toEqual(['2', '3']);
  });

  it('a workbook whose parts unpack to more than 256 MiB is refused from its central directory, before unpacking', async () => {
    const sheetEntry = { ...entry('xl/worksheets/sheet1.xml', sheet(3)), declaredSize: 3_000_000_000 };
    const r = await readXlsx(new Uint8Array(zip([...WORKBOOK, sheetEntry])), { file: 'bomb.xlsx' });
    expect(r).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'data_xlsx_too_large',
          severity: 'error',
          message: 'the workbook unpacks to 2862 MiB, more than the 256 MiB a workbook may',
          help: TOO_LARGE_HELP,
          file: 'bomb.xlsx',
          cell: { row: 1 },
        },
      ],
    });
  });

  it('a part that unpacks to more than its central directory says is stopped at 256 MiB', async () => {
    // 257 MiB of spaces, deflated a MiB at a time, declared as 100 bytes
    const deflate = createDeflateRaw({ level: constants.Z_BEST_SPEED });
    const out: Buffer[] = [];
    deflate.on('data', (b: Buffer) => out.push(b));
    const done = new Promise((resolve) => deflate.on('end', resolve));
    const mib = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < 257; i++) deflate.write(mib);
    deflate.end();
    await done;
    const liar: Entry = { name: 'xl/worksheets/sheet1.xml', deflated: Buffer.concat(out), size: 100, crc: 0 };
    const r = await readXlsx(new Uint8Array(zip([...WORKBOOK, liar])), { file: 'liar.xlsx' });
    expect(r).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'data_xlsx_too_large',
          severity: 'error',
          message: 'the workbook unpacks to more than the 256 MiB a workbook may',
          help: TOO_LARGE_HELP,
          file: 'liar.xlsx',
          cell: { row: 1 },
        },
      ],
    });
  });

  it('a sheet of more than 200,000 rows is refused, in the CLI with exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-xlsx-'));
    const file = join(dir, 'rows.xlsx');
    writeFileSync(file, zip([...WORKBOOK, entry('xl/worksheets/sheet1.xml', sheet(200_001))]));
    const direct = await readXlsx(new Uint8Array(readFileSync(file)), { file });
    expect(direct).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'data_xlsx_too_many_rows',
          severity: 'error',
          message: 'a sheet of the workbook has more than 200000 rows, the most a workbook sheet may have',
          help: 'save a month this large as CSV: a CSV run to a CSV file (`--format csv --out FILE`) streams any number of rows',
          file,
          cell: { row: 1 },
        },
      ],
    });
    const r = await yardstick('run', 'policies/short-video-team.yaml', '--data', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:1: error[data_xlsx_too_many_rows]: a sheet of the workbook has more than 200000 rows, the most a workbook sheet may have`,
    );
  });
});

describe('xlsx error cells', () => {
  const errorSheet = (cells: string) =>
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>工号</t></is></c><c r="B1" t="inlineStr"><is><t>违规次数</t></is></c><c r="C1" t="inlineStr"><is><t>完播率</t></is></c></row>${cells}</sheetData></worksheet>`;

  it('reads #N/A, #DIV/0! and #VALUE! (t="e") as their text, not as empty cells', async () => {
    const xml = errorSheet(
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="e"><f>VLOOKUP(A2,X!A:B,2,0)</f><v>#N/A</v></c><c r="C2" t="e"><v>#DIV/0!</v></c></row><row r="3"><c r="A3"><v>2</v></c><c r="B3"><v>0</v></c><c r="C3" t="e" s="1"><v>#VALUE!</v></c></row><row r="4"><c r="C4" t="e"><v>#REF!</v></c></row>',
    );
    const r = await readXlsx(new Uint8Array(zip([...WORKBOOK, entry('xl/worksheets/sheet1.xml', xml)])), {
      file: 'e.xlsx',
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.table.rows).toEqual([
        ['1', '#N/A', '#DIV/0!'],
        ['2', '0', '#VALUE!'],
        ['', '', '#REF!'],
      ]);
      expect(r.table.rowNumbers).toEqual([2, 3, 4]);
    }
  });

  it('a violations count of #N/A in a workbook excludes the record at its cell instead of taking the default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-xlsx-'));
    const file = join(dir, 'na.xlsx');
    const lines = Papa.parse<string[]>(
      readFileSync('examples/sample-2026-10.csv', 'utf8').replace(/^\uFEFF/, ''),
    ).data.slice(0, 3);
    // SV0001's 违规次数 (the last column, W) was 0: a failed lookup there must not become the default 0
    const col = (c: number) => String.fromCharCode(65 + c);
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${lines
      .map(
        (cells, r) =>
          `<row r="${r + 1}">${cells.map((v, c) => (r === 1 && c === cells.length - 1 ? `<c r="${col(c)}${r + 1}" t="e"><f>VLOOKUP(A2,违规!A:B,2,0)</f><v>#N/A</v></c>` : v === '' ? '' : `<c r="${col(c)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`,
      )
      .join('')}</sheetData></worksheet>`;
    writeFileSync(file, zip([...WORKBOOK, entry('xl/worksheets/sheet1.xml', xml)]));
    const r = await yardstick('run', 'policies/short-video-team.yaml', '--data', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:2: error[data_not_a_number]: \`#N/A\` is an Excel error, not a number\n  at sheet \`Sheet1\`, row 2, column \`违规次数\`, value \`#N/A\`\n  help: the formula in this cell failed in Excel (#N/A: a lookup found nothing): fix it in the workbook, or type the value`,
    );
  });
});
