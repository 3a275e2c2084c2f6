// A file saved while a command runs (HR saves the export in Excel while `run --record` scores it):
// the provenance — JSON output, the ledger, statements — hashes the policy and data files after
// scoring, by reading them again. Before, that second read's hash was recorded: the hash of bytes
// the result was never computed from. Now the second read must find the bytes of the first, or the
// command stops with `io_changed_while_read` and writes and records nothing.

import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../node/cli/main.js';

const POLICY_SOURCE = 'policies/short-video-team.yaml';

let dir: string;
let policy: string;
let mapping: string;
let exportFile: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yardstick-saved-'));
  cpSync('examples/exports-2026-10', dir, { recursive: true });
  policy = join(dir, 'policy.yaml');
  cpSync(POLICY_SOURCE, policy);
  mapping = join(dir, 'month.data.yaml');
  exportFile = join(dir, '创作者后台导出.csv');
});

/** One cell of the GBK export: SV0001's 引流线索数 569 → 100 (the pay changes). */
function changeOneCell() {
  const bytes = readFileSync(exportFile);
  const at = bytes.indexOf(Buffer.from(',569'));
  expect(at).toBeGreaterThan(0);
  writeFileSync(exportFile, Buffer.concat([bytes.subarray(0, at), Buffer.from(',100'), bytes.subarray(at + 4)]));
}

/**
 * The command, with `save` run once when the first warning is printed: the warning of the export's
 * row 202 (an account not in the roster) comes after the data is read and scored, before the
 * provenance is hashed.
 */
async function savedDuringRun(save: () => void, ...argv: string[]) {
  let stdout = '';
  const stderr: string[] = [];
  let saved = false;
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => {
      stderr.push(s);
      if (!saved && s.includes('data_unmatched_row')) {
        saved = true;
        save();
      }
    },
    errorLang: 'en',
  });
  expect(saved).toBe(true);
  return { code, stdout, stderr: stderr.join('\n') };
}

const refusal = (file: string) =>
  `error: \`${file}\` changed while this run was using it: the result was computed from what it held before\n` +
  '  help: nothing was written or recorded; when the file is saved (and closed in Excel), run again';

/** `run --format json` of the month, with `save` done after scoring: refused at `file`, nothing printed. */
async function jsonRefusedAt(save: () => void, file: () => string) {
  const r = await savedDuringRun(save, 'run', policy, '--data', mapping, '--format', 'json', '--exclude-invalid');
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(refusal(file()));
}

describe('an input saved while the command runs', () => {
  it('run --format json: the export saved after scoring is refused, not listed with its new hash', async () => {
    await jsonRefusedAt(changeOneCell, () => exportFile);
  });

  it('the policy saved after scoring: refused at the policy', async () => {
    await jsonRefusedAt(
      () => writeFileSync(policy, `${readFileSync(policy, 'utf8')}# 保存了一次\n`),
      () => policy,
    );
  });

  it('run --record: nothing is recorded, the ledger is not even created', async () => {
    const ledger = join(dir, 'ledger.db');
    const recording = ['--exclude-invalid', '--record', '--ledger', ledger];
    const r = await savedDuringRun(changeOneCell, 'run', policy, '--data', mapping, ...recording);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(refusal(exportFile));
    expect(existsSync(ledger)).toBe(false);
  });

  it('a file saved between two commands is read anew by the second (each command remembers only its own reads)', async () => {
    const io = { stdout: () => {}, stderr: () => {}, errorLang: 'en' as const };
    const argv = ['run', policy, '--data', mapping, '--format', 'json', '--exclude-invalid'];
    expect(await main(argv, io)).toBe(0);
    changeOneCell();
    expect(await main(argv, io)).toBe(0);
  });
});

// A CSV file run to JSON streams: it is read once, a chunk at a time, and its provenance hash is
// that of the bytes read. Before, the hash came from a whole read of the file before the stream
// began, and a file saved while the stream read it was recorded with that earlier hash.
describe('a CSV file saved while a streamed run reads it', () => {
  /** The sample month's rows copied 600 times over with new ids: 120,000 records, past the first progress line. */
  function bigMonth(): string {
    const [header, ...rows] = readFileSync('examples/sample-2026-10.csv', 'utf8').trimEnd().split('\n');
    const lines = [header];
    for (let k = 0; k < 600; k++) for (const row of rows) lines.push(row.replace(/^SV/, `K${k}-SV`));
    const file = join(dir, 'month.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  }

  it('is refused when it changes during the stream (a row added at the first progress line)', async () => {
    const data = bigMonth();
    const out = join(dir, 'result.json');
    let saved = false;
    const stderr: string[] = [];
    const code = await main(['run', policy, '--data', data, '--exclude-invalid', '--format', 'json', '--out', out], {
      stdout: () => {},
      stderr: (s) => {
        stderr.push(s);
        if (!saved && /^(evaluated \d+ records|已计算 \d+ 条记录)/.test(s)) {
          saved = true;
          writeFileSync(
            data,
            readFileSync(data, 'utf8') + 'X1,新人,运营经理,短视频一组,初创期,2026-10,1,,,,,,,,,,,,,,,,0\n',
          );
        }
      },
      errorLang: 'en',
    });
    expect(saved).toBe(true);
    expect(code).toBe(1);
    expect(stderr.join('\n')).toContain(
      `error: \`${data}\` changed while this run was using it: the result was computed from what it held before`,
    );
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('records the SHA-256 of the bytes it read, byte order mark included', async () => {
    const data = join(dir, 'month.csv');
    // the sample month starts with a UTF-8 byte order mark, which the stream skips as it reads
    cpSync('examples/sample-2026-10.csv', data);
    const out = join(dir, 'result.json');
    const code = await main(['run', policy, '--data', data, '--exclude-invalid', '--format', 'json', '--out', out], {
      stdout: () => {},
      stderr: () => {},
    });
    expect(code).toBe(0);
    const bytes = readFileSync(data);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { createHash } = await import('node:crypto');
    expect(JSON.parse(readFileSync(out, 'utf8')).provenance.data).toEqual([
      { file: data, hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16) },
    ]);
  });
});
