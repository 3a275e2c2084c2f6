// Hostile or broken input ends in exit 1 with a message, never exit 70 with a stack trace, never a
// hang: outputs that are not files, outputs onto an input, data that is not a file, YAML bombs,
// oversized formulas, malformed data mappings and too many workers. Limits: docs/limits.md.

import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
  copyFileSync,
  realpathSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yardstick, yardstickAsIs } from '../yardstick.js';

const FLAGSHIP = 'policies/short-video-team.yaml';
const SAMPLE = 'examples/sample-2026-10.csv';
const MAPPING = 'examples/exports-2026-10/month.data.yaml';
const tempDir = () => realpathSync(mkdtempSync(join(tmpdir(), 'yardstick-limits-')));

function fifo(dir: string, name: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

/** The CLI as a separate process, bounded in time: a hang shows as a timeout, not a stuck suite. */
function spawnYardstick(
  args: string[],
  timeout = 30_000,
): { code: number | null; stdout: string; stderr: string; timedOut: boolean } {
  const r = spawnSync(process.execPath, ['node/cli/bin.mjs', ...args], { encoding: 'utf8', timeout });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    timedOut: r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT',
  };
}

describe('--out writes only to a regular file or a new path', () => {
  it('refuses a FIFO and leaves it a FIFO', async () => {
    const dir = tempDir();
    const out = fifo(dir, 'out.csv');
    const r = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--exclude-invalid', '--format', 'csv', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error: cannot write \`${out}\`: it is a named pipe (FIFO), not a file\n  help: give --out a new file name or an existing regular file`,
    );
    expect(statSync(out).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('refuses a FIFO in the whole-file run (table to --out) too', async () => {
    const dir = tempDir();
    const out = fifo(dir, 'out.txt');
    const r = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--exclude-invalid', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: cannot write \`${out}\`: it is a named pipe (FIFO), not a file`);
    expect(statSync(out).isFIFO()).toBe(true);
  });

  it('a streaming run onto a folder exits 1 and leaves no temporary file', async () => {
    const dir = tempDir();
    const out = join(dir, 'results');
    mkdirSync(out);
    const r = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--exclude-invalid', '--format', 'csv', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error: cannot write \`${out}\`: it is a folder\n  help: give --out a file name, e.g. results.csv`,
    );
    expect(readdirSync(dir)).toEqual(['results']);
    expect(readdirSync(out)).toEqual([]);
  });

  it('statements onto an existing file exits 1 and leaves the file as it was', async () => {
    const dir = tempDir();
    const out = join(dir, 'notes.txt');
    writeFileSync(out, 'keep me');
    const r = await yardstick('statements', FLAGSHIP, '--data', SAMPLE, '--exclude-invalid', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error: cannot write statements to \`${out}\`: it is a file, not a folder\n  help: give --out a folder (it is created if missing)`,
    );
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('names the input it will not overwrite in Chinese too (it said 「它是本次运行的输入（the data file …）」)', async () => {
    const dir = tempDir();
    const data = join(dir, 'd.csv');
    copyFileSync(SAMPLE, data);
    const on = (out: string, ...more: string[]) =>
      yardstickAsIs('run', FLAGSHIP, '--data', data, '--exclude-invalid', '--format', 'csv', '--out', out, ...more);
    const onData = await on(data);
    expect(onData.code).toBe(1);
    expect(onData.stderr).toBe(
      `error: 拒绝写入 \`${data}\`：它是本次运行的输入（数据文件 \`${data}\`）\n  提示：请把结果写到另一个文件`,
    );
    const onPolicy = await on(FLAGSHIP);
    expect(onPolicy.stderr).toContain(`：它是本次运行的输入（政策 \`${FLAGSHIP}\`）`);
    const ledger = join(dir, 'ledger.db');
    writeFileSync(ledger, 'not really a ledger');
    const onLedger = await on(ledger, '--ledger', ledger);
    expect(onLedger.stderr).toContain(`：它是本次运行的输入（结果账本 \`${ledger}\`）`);
    expect(readFileSync(data, 'utf8')).toBe(readFileSync(SAMPLE, 'utf8'));
  });

  it('refuses to overwrite the policy, the data, a mapped file or the ledger', async () => {
    const dir = tempDir();
    const policy = join(dir, 'p.yaml');
    const data = join(dir, 'd.csv');
    copyFileSync(FLAGSHIP, policy);
    copyFileSync(SAMPLE, data);
    const before = { policy: readFileSync(policy, 'utf8'), data: readFileSync(data, 'utf8') };
    const onPolicy = await yardstick('run', policy, '--data', data, '--exclude-invalid', '--out', policy);
    expect(onPolicy.code).toBe(1);
    expect(onPolicy.stderr).toContain(
      `error: refusing to write \`${policy}\`: it is the policy \`${policy}\`\n  help: write the output to another file`,
    );
    // a different spelling of the same file is the same file
    const onData = await yardstick(
      'run',
      policy,
      '--data',
      data,
      '--exclude-invalid',
      '--format',
      'csv',
      '--out',
      join(dir, '.', 'd.csv'),
    );
    expect(onData.code).toBe(1);
    expect(onData.stderr).toContain(
      `error: refusing to write \`${join(dir, '.', 'd.csv')}\`: it is the data file \`${data}\``,
    );
    expect(readFileSync(policy, 'utf8')).toBe(before.policy);
    expect(readFileSync(data, 'utf8')).toBe(before.data);

    const ledger = join(dir, 'ledger.db');
    writeFileSync(ledger, 'not really a ledger');
    const onLedger = await yardstick(
      'run',
      policy,
      '--data',
      data,
      '--exclude-invalid',
      '--format',
      'json',
      '--ledger',
      ledger,
      '--out',
      ledger,
    );
    expect(onLedger.code).toBe(1);
    expect(onLedger.stderr).toContain(`error: refusing to write \`${ledger}\`: it is the results ledger \`${ledger}\``);
    expect(readFileSync(ledger, 'utf8')).toBe('not really a ledger');

    const mapped = join('examples', 'exports-2026-10', '创作者后台导出.csv');
    const bytes = readFileSync(mapped);
    const onMapped = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      MAPPING,
      '--exclude-invalid',
      '--format',
      'csv',
      '--out',
      mapped,
    );
    expect(onMapped.code).toBe(1);
    expect(onMapped.stderr).toContain(`error: refusing to write \`${mapped}\`: it is the data file \`${mapped}\``);
    expect(readFileSync(mapped).equals(bytes)).toBe(true);
  });

  it('refuses --out onto the ledger `--record` is about to create, so neither the output nor the record is lost', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'results.db');
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      SAMPLE,
      '--exclude-invalid',
      '--record',
      '--ledger',
      ledger,
      '--format',
      'csv',
      '--out',
      join(dir, '.', 'results.db'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error: refusing to write \`${join(dir, '.', 'results.db')}\`: it is the results ledger \`${ledger}\``,
    );
    // nothing was recorded and nothing written
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes through a link to a regular file, keeping the link', async () => {
    const dir = tempDir();
    const target = join(dir, 'real.md');
    writeFileSync(target, 'old');
    const link = join(dir, 'link.md');
    symlinkSync(target, link);
    const r = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--exclude-invalid', '--format', 'md', '--out', link);
    expect(r.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('| 工号 |');
    expect(readdirSync(dir).sort()).toEqual(['link.md', 'real.md']);
  });

  it('a closed stdout is an input error with a message, not a crash', () => {
    const dir = tempDir();
    const r = spawnSync(
      'bash',
      [
        '-c',
        `node node/cli/bin.mjs run ${FLAGSHIP} --data ${SAMPLE} --exclude-invalid --format json | head -c 1 > ${join(dir, 'first-byte')}; echo "exit \${PIPESTATUS[0]}" >&2`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).toContain('error: cannot write to stdout: EPIPE');
    expect(r.stderr).toContain('exit 1');
  });
});

describe('data that is not a regular file', () => {
  it('a FIFO as --data is refused at once instead of waiting for a writer', () => {
    const dir = tempDir();
    const data = fifo(dir, 'month.csv');
    for (const format of ['table', 'csv']) {
      const r = spawnYardstick([
        'run',
        FLAGSHIP,
        '--data',
        data,
        '--format',
        format,
        '--lang',
        'en',
        ...(format === 'csv' ? ['--out', join(dir, 'r.csv')] : []),
      ]);
      expect(r.timedOut).toBe(false);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `error: cannot read data \`${data}\`: it is a named pipe (FIFO), not a file\n  help: save the data to a file and give that file\n`,
      );
    }
  });

  it('a link to a device is refused without reading it', () => {
    const dir = tempDir();
    const data = join(dir, 'zero.csv');
    symlinkSync('/dev/zero', data);
    const r = spawnYardstick(['run', FLAGSHIP, '--data', data, '--lang', 'en']);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: cannot read data \`${data}\`: it is a device, not a file\n  help: save the data to a file and give that file\n`,
    );
  });

  it('a policy larger than 1 MiB is refused before it is parsed', async () => {
    const dir = tempDir();
    const policy = join(dir, 'big.yaml');
    writeFileSync(policy, readFileSync(FLAGSHIP, 'utf8') + '#'.repeat(1024 * 1024) + '\n');
    const r = await yardstick('validate', policy);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: cannot read policy \`${policy}\`: the file is larger than 1 MiB, the most a policy may be\n  help: check that this is the policy file`,
    );
  });
});

describe('YAML limits', () => {
  const aliases = (n: number) => 'policy: x\nv: &v 1\nlist:\n' + '  - *v\n'.repeat(n);

  it('more than 100 aliases are refused at the 101st, in validate, run, test and fmt', async () => {
    const dir = tempDir();
    const policy = join(dir, 'p.yaml');
    writeFileSync(policy, aliases(101));
    writeFileSync(join(dir, 'p.test.yaml'), 'cases: []\n');
    const expected = `${policy}:104:5: error[yaml_too_many_aliases]: more than 100 aliases (\`*name\`) in one file\n  help: write the repeated values out instead of referring to them with \`*\``;
    for (const args of [
      ['validate', policy],
      ['run', policy, '--data', SAMPLE],
      ['test', policy],
    ]) {
      const r = await yardstick(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain(expected);
    }
    const fmt = await yardstick('fmt', '--check', policy);
    expect(fmt.code).toBe(1);
    expect(fmt.stderr).toContain(expected);
  });

  it('a policy test file with more than 100 aliases is refused the same way', async () => {
    const dir = tempDir();
    const policy = join(dir, 'p.yaml');
    copyFileSync(FLAGSHIP, policy);
    const tests = join(dir, 'p.test.yaml');
    writeFileSync(tests, 'base: &b { employee_id: X }\ncases:\n' + '  - *b\n'.repeat(101));
    const r = await yardstick('test', policy);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: policy tests \`${tests}\` cannot be read:\n${tests}:103:5: error[yaml_too_many_aliases]: more than 100 aliases (\`*name\`) in one file\n  help: write the repeated values out instead of referring to them with \`*\``,
    );
  });

  it('100 aliases are fine for the YAML reader', async () => {
    const dir = tempDir();
    const policy = join(dir, 'p.yaml');
    writeFileSync(policy, aliases(100));
    const r = await yardstick('validate', policy);
    expect(r.stderr).not.toContain('yaml_too_many_aliases');
    expect(r.stderr).toContain('error[schema_');
  });

  it('a few aliases that expand exponentially are refused, not expanded', async () => {
    const dir = tempDir();
    const policy = join(dir, 'p.yaml');
    const lines = ['policy: x', 'a0: &a0 [x, x]'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    writeFileSync(policy, lines.join('\n') + '\n');
    const r = await yardstick('validate', policy);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${policy}:3:10: error[yaml_too_many_aliases]: the aliases (\`*name\`) expand to too many values\n  help: write the repeated values out instead of referring to them with \`*\``,
    );
  });

  it('a line longer than 4,000 characters is refused, in validate and fmt', async () => {
    const dir = tempDir();
    const policy = join(dir, 'p.yaml');
    writeFileSync(policy, 'a:\n  b: ' + 'x : '.repeat(2000) + '\n');
    for (const args of [
      ['validate', policy],
      ['fmt', policy],
    ]) {
      const r = await yardstick(...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `${policy}:2:4001: error[yaml_line_too_long]: line 2 has 8005 characters, more than the 4000 a line may have\n  help: break the value over several lines, or shorten it` +
          (args[0] === 'validate' ? '' : ''),
      );
    }
  });

  it('values nested more than 64 levels deep are refused at the 65th level', async () => {
    const dir = tempDir();
    const policy = join(dir, 'p.yaml');
    writeFileSync(policy, 'policy: x\nd: ' + '['.repeat(70) + ']'.repeat(70) + '\n');
    const r = await yardstick('validate', policy);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${policy}:2:67: error[yaml_too_deep]: values nest more than 64 levels deep\n  help: a policy nests a few levels (roles, indicators, conditions): flatten this value`,
    );
    // deeper than the YAML reader itself can go: the same message, not `maximum call stack size exceeded`
    writeFileSync(
      policy,
      'policy: x\nd:\n' +
        Array(6)
          .fill('  ' + '['.repeat(500))
          .join('\n') +
        '\n' +
        Array(6)
          .fill('  ' + ']'.repeat(500))
          .join('\n') +
        '\n',
    );
    const deep = await yardstick('validate', policy);
    expect(deep.code).toBe(1);
    expect(deep.stderr).toMatch(/error\[yaml_too_deep\]: values nest more than 64 levels deep/);
    expect(deep.stderr).not.toContain('call stack');
  });
});

describe('formula limits', () => {
  const withExpr = (yaml: string) =>
    readFileSync(FLAGSHIP, 'utf8').replace(
      'like_rate: { expr: likes / plays, label: 点赞率, unit: ratio, range: [ 0, 1 ], default: 0 }',
      `like_rate:\n    label: 点赞率\n    unit: ratio\n    range: [ 0, 1 ]\n    default: 0\n    expr: >-\n${yaml}`,
    );
  const exprLine = (text: string) => text.split('\n').findIndex((l) => l.includes('expr: >-')) + 2;

  it('a formula with 10,000 terms is refused, not a stack overflow', async () => {
    const dir = tempDir();
    const policy = join(dir, 'p.yaml');
    const terms = Array.from({ length: 10_000 }, () => 'likes');
    const chunks: string[] = [];
    for (let i = 0; i < terms.length; i += 400)
      chunks.push('      ' + terms.slice(i, i + 400).join(' + ') + (i + 400 < terms.length ? ' +' : ''));
    const text = withExpr(chunks.join('\n'));
    writeFileSync(policy, text);
    const length = (parse(text) as { derived: { like_rate: { expr: string } } }).derived.like_rate.expr.length;
    expect(length).toBeGreaterThan(75_000);
    const r = await yardstick('validate', policy);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${policy}:${exprLine(text) - 1}:11: error[policy_expression_too_large]: the expression has ${length} characters, more than the 1000 an expression may have\n  help: an expression may have at most 1000 characters, 250 numbers, names and operators, and 50 arguments per function: split it into derived metrics`,
    );
  });

  it('min() with 200,000 arguments is refused at validate, so run never evaluates it', async () => {
    const dir = tempDir();
    const policy = join(dir, 'p.yaml');
    const args = Array.from({ length: 200_000 }, () => '1');
    const chunks: string[] = [];
    for (let i = 0; i < args.length; i += 1000)
      chunks.push(
        '      ' + (i === 0 ? 'min(' : '') + args.slice(i, i + 1000).join(',') + (i + 1000 < args.length ? ',' : ')'),
      );
    const text = withExpr(chunks.join('\n'));
    writeFileSync(policy, text);
    const length = (parse(text) as { derived: { like_rate: { expr: string } } }).derived.like_rate.expr.length;
    expect(length).toBeGreaterThan(400_000);
    for (const cmd of [
      ['validate', policy],
      ['run', policy, '--data', SAMPLE],
    ]) {
      const r = await yardstick(...cmd);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `${policy}:${exprLine(text) - 1}:11: error[policy_expression_too_large]: the expression has ${length} characters, more than the 1000 an expression may have`,
      );
    }
  });

  it('min() with 51 short arguments is refused for its argument count', async () => {
    const dir = tempDir();
    const policy = join(dir, 'p.yaml');
    const text = withExpr('      min(' + Array(51).fill('1').join(', ') + ')');
    writeFileSync(policy, text);
    const r = await yardstick('validate', policy);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${policy}:${exprLine(text) - 1}:11: error[policy_expression_too_large]: \`min\` has 51 arguments, more than the 50 a function may take`,
    );
  });
});

describe('data mapping shape', () => {
  function mapping(dir: string, text: string): string {
    for (const f of readdirSync('examples/exports-2026-10'))
      copyFileSync(join('examples/exports-2026-10', f), join(dir, f));
    const file = join(dir, 'm.data.yaml');
    writeFileSync(file, text);
    return file;
  }

  it('`file: 5` is named with its position', async () => {
    const dir = tempDir();
    const file = mapping(dir, 'roster: { file: 花名册.xlsx }\nsources:\n  - file: 5\n');
    for (const args of [
      ['run', FLAGSHIP, '--data', file],
      ['data', 'inspect', file, '--policy', FLAGSHIP],
    ]) {
      const r = await yardstick(...args);
      expect(r.code, args[0]).toBe(1);
      // the help under it: indented by two spaces on stderr, by six in inspect's report
      expect((r.stderr + r.stdout).replace(/\n +help:/g, '\n  help:'), args[0]).toContain(
        `${file}:3:11: error[data_mapping_shape]: \`sources[0].file\` must be a file name, not \`5\`\n  help: a data mapping has \`roster: { file: … }\` and \`sources:\`, each with \`file:\` and optionally \`key: { column, roster }\`, \`columns:\`, \`sheet:\`, \`encoding:\``,
      );
    }
  });

  it('`key: { column: { a: 1 } }` is named with its position', async () => {
    const dir = tempDir();
    const file = mapping(
      dir,
      'roster: { file: 花名册.xlsx }\nsources:\n  - file: 内部评审.xlsx\n    key: { column: { a: 1 } }\n',
    );
    const r = await yardstick('run', FLAGSHIP, '--data', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:4:20: error[data_mapping_shape]: \`sources[0].key.column\` must be a column name, not a mapping`,
    );
  });

  it('more than 100 aliases in a mapping are refused like in a policy', async () => {
    const dir = tempDir();
    const file = mapping(dir, 'roster: &r { file: 花名册.xlsx }\nsources:\n' + '  - *r\n'.repeat(101));
    const r = await yardstick('run', FLAGSHIP, '--data', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:103:5: error[yaml_too_many_aliases]: more than 100 aliases (\`*name\`) in one file`,
    );
  });
});

describe('--workers', () => {
  it('is capped at the work there is, with a note', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.csv');
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      SAMPLE,
      '--exclude-invalid',
      '--format',
      'csv',
      '--out',
      out,
      '--workers',
      '64',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: using 1 worker thread instead of 64: the file is read in 1 chunk of 128 KiB');
    expect(existsSync(out)).toBe(true);
  });

  it('is named in a note when the run is not a streaming one, instead of being ignored silently', async () => {
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      SAMPLE,
      '--exclude-invalid',
      '--format',
      'table',
      '--workers',
      '2',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'note: --workers 2 is not used: only a CSV file run as CSV, JSON or NDJSON (--format csv|json|ndjson) without --record is evaluated in worker threads; this run reads the data whole',
    );
  });

  it('says so in Chinese under --lang zh (it was English whatever --lang said)', async () => {
    const r = await yardstick('run', FLAGSHIP, '--data', SAMPLE, '--exclude-invalid', '--workers', '2', '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      '注意：未使用 --workers 2：只有 CSV 文件以 CSV、JSON 或 NDJSON 输出（--format csv|json|ndjson）且不带 --record 时才用工作线程计算；本次运行整体读取数据',
    );
  });

  it('names why a CSV run to a file is read whole: a policy with pools or a budget', async () => {
    // the run is a CSV file to a JSON file without --record, yet the pools need every card of the
    // month: the note said "only a CSV file run to a file … is evaluated in worker threads", which
    // this run is
    const out = join(tempDir(), 'r.json');
    const r = await yardstick(
      'run',
      'test/money/fixtures/pool-policy.yaml',
      '--data',
      'test/money/fixtures/month.csv',
      '--format',
      'json',
      '--out',
      out,
      '--workers',
      '2',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'note: --workers 2 is not used: the policy has bonus pools or a budget, which need every record of the period; this run reads the data whole',
    );
    expect(r.stderr).not.toContain('only a CSV file run to a file');
  });

  // a CSV file that starts to stream and turns out not to: the note named "several months" whatever the reason
  const turnsOut = (edit: (rows: string[]) => void, encode: (text: string) => Buffer = (t) => Buffer.from(t)) => {
    const [header, ...rows] = readFileSync(SAMPLE, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    edit(rows);
    const data = join(tempDir(), 'month.csv');
    writeFileSync(data, encode([header, ...rows].join('\n') + '\n'));
    return data;
  };
  const streamedNote = async (data: string, lang: 'en' | 'zh') => {
    const toCsv = ['--exclude-invalid', '--format', 'csv', '--out', join(tempDir(), 'r.csv')];
    const r = await yardstick('run', FLAGSHIP, '--data', data, ...toCsv, '--workers', '2', '--lang', lang);
    return { code: r.code, notes: r.stderr.split('\n').filter((l) => l.includes('--workers')) };
  };

  it('names why a CSV file that began to stream is read whole: it holds several months', async () => {
    // SV0100's row (the sample's row 101) says 2026-11
    const data = turnsOut((rows) => (rows[99] = rows[99]!.replace(',2026-10,', ',2026-11,')));
    expect(await streamedNote(data, 'en')).toEqual({
      code: 0,
      notes: ['note: --workers 2 is not used: the file holds several months; this run reads the data whole'],
    });
    expect((await streamedNote(data, 'zh')).notes).toEqual([
      '注意：未使用 --workers 2：文件中有多个月份；本次运行整体读取数据',
    ]);
  });

  it('names why a CSV file that began to stream is read whole: a cell in another encoding, not several months', async () => {
    // a UTF-8 file with one name saved as GBK bytes (许桐芳 → CD EC CD A9 B7 BC): the whole-file
    // reader names the cell, and the note no longer says the file holds several months
    const data = turnsOut(
      () => {},
      (text) => {
        const bytes = Buffer.from(text);
        const at = bytes.indexOf(Buffer.from('许桐芳'));
        return Buffer.concat([
          bytes.subarray(0, at),
          Buffer.from([0xd0, 0xed, 0xcd, 0xa9, 0xb7, 0xbc]),
          bytes.subarray(at + 9),
        ]);
      },
    );
    const en = await streamedNote(data, 'en');
    expect(en.code).toBe(1);
    expect(en.notes).toEqual([
      'note: --workers 2 is not used: a cell is not in the encoding of the rest of the file; this run reads the data whole',
    ]);
    expect((await streamedNote(data, 'zh')).notes).toEqual([
      '注意：未使用 --workers 2：有单元格的编码与文件其余部分不同；本次运行整体读取数据',
    ]);
  });

  it('is capped at the cores of the machine, with a note', async () => {
    const dir = tempDir();
    const [header, ...rows] = readFileSync(SAMPLE, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    const lines = [header];
    const cores = availableParallelism();
    // just enough copies of the sample for one chunk more than there are cores
    const times = Math.ceil(((cores + 1) * 128 * 1024) / statSync(SAMPLE).size) + 1;
    for (let t = 0; t < times; t++)
      for (const row of rows) lines.push(row.replace(/^SV/, `C${String(t).padStart(2, '0')}-SV`));
    const data = join(dir, 'big.csv');
    writeFileSync(data, lines.join('\n') + '\n');
    const chunks = Math.ceil(statSync(data).size / (128 * 1024));
    expect(chunks).toBeGreaterThan(cores);
    const r = await yardstick(
      'run',
      FLAGSHIP,
      '--data',
      data,
      '--exclude-invalid',
      '--format',
      'csv',
      '--out',
      join(dir, 'r.csv'),
      '--workers',
      '64',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `note: using ${cores} worker thread${cores === 1 ? '' : 's'} instead of 64: this machine has ${cores} core${cores === 1 ? '' : 's'}`,
    );
  });
});
