// `run --format csv|json|ndjson` without --out, its stdout /dev/null: the stream is written to
// descriptor 1 as it comes instead of to a temporary file printed at the end (nothing written into
// /dev/null can be seen, so a refused month still shows nothing). These runs make no temporary
// folder: with TMPDIR a path that cannot hold one they still succeed, where the temporary file's
// way stopped with an internal error (`mkdtemp '…/yardstick-run-XXXXXX'`, exit 70). Into a pipe,
// which still goes through the temporary file, such a TMPDIR is now said as a path that cannot be
// written (exit 1).

import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const POLICY = 'policies/short-video-team.yaml';
const SAMPLE = 'examples/sample-2026-10.csv';

const dir = mkdtempSync(join(tmpdir(), 'yardstick-stdout-null-'));
// a file where a folder is expected: no temporary folder can be made under it
const notAFolder = join(dir, 'not-a-folder');
writeFileSync(notAFolder, '');
const env = { ...process.env, TMPDIR: notAFolder };

/** The CLI with stdout opened on `path` (or a pipe), stdin closed, stderr captured. */
function run(args: string[], stdoutPath?: string) {
  const fd = stdoutPath ? openSync(stdoutPath, 'w') : undefined;
  try {
    return spawnSync(process.execPath, ['node/cli/bin.mjs', ...args], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', fd ?? 'pipe', 'pipe'],
      timeout: 120_000,
    });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// the sample's rows 14 (编导 without 完播率) and 56 (发布视频数 `12..5`) are left out
const leftOut = '注意：2 条记录有数据问题，未计入结果和合计：';

describe('a streamed run into /dev/null', () => {
  it.each([
    ['json', '1'],
    ['json', '2'],
    ['ndjson', '2'],
    ['csv', '1'],
  ])('%s on %s thread(s): exit 0, no temporary folder needed, the left-out rows said', (format, workers) => {
    const r = run(
      ['run', POLICY, '--data', SAMPLE, '--format', format, '--exclude-invalid', '--workers', workers],
      '/dev/null',
    );
    expect(r.stderr).toContain(leftOut);
    expect(r.stderr).not.toContain('内部错误');
    expect(r.status).toBe(0);
  });

  it('a refused month (rows with problems, no --exclude-invalid): exit 1 and the refusal, as into a file', () => {
    const r = run(['run', POLICY, '--data', SAMPLE, '--format', 'json'], '/dev/null');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'error: 有 2 条记录无法计算：请修正数据，或加 --exclude-invalid 重新运行，把它们排除在结果和合计之外',
    );
    // into a file (through the temporary file: a TMPDIR that works), nothing is printed
    const file = join(dir, 'refused.json');
    const r2 = spawnSync(process.execPath, ['node/cli/bin.mjs', 'run', POLICY, '--data', SAMPLE, '--format', 'json'], {
      env: { ...process.env, TMPDIR: dir },
      stdio: ['ignore', openSync(file, 'w'), 'pipe'],
      encoding: 'utf8',
    });
    expect(r2.status).toBe(1);
    expect(r2.stderr).toBe(r.stderr);
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});

describe('stdoutIsNull', () => {
  /** What stdoutIsNull() says in a process whose stdout is `path` (or a pipe). */
  function says(stdoutPath?: string): string {
    const code = "import('./node/cli/io.ts').then((m) => process.stderr.write(String(m.stdoutIsNull())))";
    const fd = stdoutPath ? openSync(stdoutPath, 'w') : undefined;
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], {
        encoding: 'utf8',
        stdio: ['ignore', fd ?? 'pipe', 'pipe'],
      });
      return r.stderr;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  it('is true for /dev/null only: not for a pipe, a file or another device', () => {
    expect(says('/dev/null')).toBe('true');
    expect(says()).toBe('false');
    expect(says(join(dir, 'a-file'))).toBe('false');
    expect(says('/dev/zero')).toBe('false');
  });
});

describe('into a pipe, when no temporary folder can be made under TMPDIR', () => {
  it('is refused as a path that cannot be written, exit 1, not an internal error', () => {
    const r = run(['run', POLICY, '--data', SAMPLE, '--format', 'json', '--exclude-invalid']);
    expect(r.stdout).toBe('');
    // writeFailure of `${TMPDIR}/yardstick-run-XXXXXX`: its folder is a file (io_write_failed.parent_is_file)
    expect(r.stderr).toBe(
      `error: 无法写入 \`${notAFolder}/yardstick-run-XXXXXX\`：\`${notAFolder}\` 是文件，不是文件夹\n` +
        '  提示：请换用文件夹中的路径，如 results/\n',
    );
    expect(r.status).toBe(1);
  });
});
