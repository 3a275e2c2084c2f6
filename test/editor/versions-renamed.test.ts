// The 版本 history of a policy whose file was renamed (`git mv`): the versions it had under its old
// name are its history too, each read from the file as it was named in that commit — not cut off at
// the rename, as if the policy had started there.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEditorApp } from '../../editor/server/app.js';

const TOKEN = 't0ken';
const HOST = '127.0.0.1:5178';
const NAME = 'short-video-team.yaml';
const OLD_NAME = 'short-video.yaml';
const ORIGINAL = readFileSync(`policies/${NAME}`, 'utf8');
const AS_1_0_0 = ORIGINAL.replace(/^version: .*$/m, 'version: 1.0.0');

let root: string;
let app: ReturnType<typeof createEditorApp>;
const git = (...args: string[]) =>
  execFileSync('git', ['-C', root, '-c', 'user.name=李明', '-c', 'user.email=liming@example.com', ...args], {
    encoding: 'utf8',
  });
const call = (path: string) =>
  app.request(`http://${HOST}${path}`, { headers: { host: HOST, 'x-yardstick-token': TOKEN } });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'yardstick-versions-renamed-'));
  mkdirSync(join(root, 'policies'));
  writeFileSync(join(root, 'policies', OLD_NAME), AS_1_0_0);
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'short-video 1.0.0');
  git('mv', `policies/${OLD_NAME}`, `policies/${NAME}`);
  writeFileSync(join(root, 'policies', NAME), ORIGINAL);
  git('commit', '-qam', 'renamed: short-video-team 1.2.0');
  app = createEditorApp({
    root,
    token: TOKEN,
    staticDir: root,
    templatesDir: 'editor/templates',
    hosts: new Set([HOST]),
  });
});

describe('the history of a renamed policy', () => {
  it('goes on past the rename, with the version each commit held under the name it had then', async () => {
    const res = await call(`/api/versions/${NAME}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { versions: Record<string, string>[] };
    expect(body.versions.map((v) => [v.id, v.version, v.message])).toEqual([
      [git('rev-parse', 'HEAD').trim(), '1.2.0', 'renamed: short-video-team 1.2.0'],
      [git('rev-parse', 'HEAD~1').trim(), '1.0.0', 'short-video 1.0.0'],
    ]);
  });

  it('gives the text of a version from before the rename', async () => {
    const res = await call(`/api/versions/${NAME}/text?id=${git('rev-parse', 'HEAD~1').trim()}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { text: string }).text).toBe(AS_1_0_0);
  });
});
