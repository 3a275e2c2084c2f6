// The editor's local server: the token, Host and Origin checks, paths that stay inside the
// policies folder, atomic saves that refuse to overwrite someone else's change.

import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEditorApp } from '../../editor/server/app.js';
import { etagOf, fileSystemRefusal } from '../../editor/server/files.js';
import { localise, type Diagnostic } from '../../engine/index.js';

const TOKEN = 't0ken';
const HOST = '127.0.0.1:5178';
let root: string;
let app: ReturnType<typeof createEditorApp>;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'yardstick-server-'));
  mkdirSync(join(root, 'policies'));
  cpSync('policies/short-video-team.yaml', join(root, 'policies', 'short-video-team.yaml'));
  mkdirSync(join(root, 'examples'));
  writeFileSync(join(root, 'examples', 'm.csv'), '\uFEFF工号,姓名\nE1,张三\n');
  writeFileSync(join(root, 'secret.txt'), 'salaries');
  const staticDir = join(root, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>editor</title>');
  app = createEditorApp({
    root,
    token: TOKEN,
    staticDir,
    templatesDir: 'editor/templates',
    hosts: new Set([HOST, 'localhost:5178']),
  });
});

function call(path: string, init: RequestInit & { token?: string | null; host?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('host', init.host ?? HOST);
  if (init.token !== null) headers.set('x-yardstick-token', init.token ?? TOKEN);
  return app.request(`http://${init.host ?? HOST}${path}`, { ...init, headers });
}

/** A refusal as the page reads it: the English text, the codes, and what the Chinese interface says. */
async function refused(res: Response): Promise<{ error: string; codes: string[]; zh: string[] }> {
  const body = (await res.json()) as { error: string; diagnostics: Diagnostic[] };
  return {
    error: body.error,
    codes: body.diagnostics.map((d) => d.code),
    zh: body.diagnostics.map((d) => localise(d, 'zh').message),
  };
}

describe('access', () => {
  it('rejects an API call without the token', async () => {
    const res = await call('/api/policies', { token: null });
    expect(res.status).toBe(401);
    expect(await refused(res)).toEqual({
      error: 'missing or wrong token: open the address the server printed',
      codes: ['cli_server_token'],
      zh: ['缺少令牌或令牌不对：请打开服务器打印的地址'],
    });
  });

  it('rejects a wrong token', async () => {
    expect((await call('/api/policies', { token: 'guess' })).status).toBe(401);
    // the token with a character more or less, or its last one changed: the same length or not, refused
    expect((await call('/api/policies', { token: `${TOKEN}x` })).status).toBe(401);
    expect((await call('/api/policies', { token: TOKEN.slice(0, -1) })).status).toBe(401);
    expect(
      (await call('/api/policies', { token: `${TOKEN.slice(0, -1)}${TOKEN.endsWith('0') ? '1' : '0'}` })).status,
    ).toBe(401);
    expect((await call('/api/policies', { token: '' })).status).toBe(401);
  });

  it('rejects a foreign Host (DNS rebinding) even with the token', async () => {
    const res = await call('/api/policies', { host: 'evil.example:5178' });
    expect(res.status).toBe(403);
    expect(await refused(res)).toEqual({
      error: 'unknown host `evil.example:5178`: open the address the server printed',
      codes: ['cli_server_host'],
      zh: ['未知的主机 `evil.example:5178`：请打开服务器打印的地址'],
    });
  });

  it('rejects a request from another origin', async () => {
    const res = await call('/api/policies', { headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
    expect((await refused(res)).zh).toEqual(['不允许从其他网站发起请求']);
  });

  it('serves the page itself without the token', async () => {
    const res = await call('/', { token: null });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<!doctype html><title>editor</title>');
  });
});

describe('policies', () => {
  it('lists them with title and version', async () => {
    expect(await (await call('/api/policies')).json()).toEqual([
      { name: 'short-video-team.yaml', title: '短视频团队月度绩效考核', version: '1.2.0' },
    ]);
  });

  it('marks a roll-up policy (a top-level `rollup:`) with the period it rolls up', async () => {
    const path = join(root, 'policies', 'annual-review.yaml');
    writeFileSync(path, readFileSync('policies/annual-review.yaml'));
    try {
      expect(await (await call('/api/policies')).json()).toEqual([
        { name: 'annual-review.yaml', title: '直播带货团队年度考核', version: '1.0.0', rollup: 'year' },
        { name: 'short-video-team.yaml', title: '短视频团队月度绩效考核', version: '1.2.0' },
      ]);
    } finally {
      rmSync(path);
    }
  });

  it('reads one with its ETag; untracked files compare with the disk', async () => {
    const body = await (await call('/api/policies/short-video-team.yaml')).json();
    const text = readFileSync('policies/short-video-team.yaml', 'utf8');
    expect(body).toEqual({ name: 'short-video-team.yaml', text, etag: etagOf(text), base: { source: 'disk', text } });
  });

  it.each(['..%2Fsecret.txt', '..%2F..%2Fetc%2Fpasswd', 'Short.yaml', 'x.yml', '%2Fetc%2Fpasswd.yaml'])(
    'refuses the name %s',
    async (name) => {
      const res = await call(`/api/policies/${name}`);
      expect([400, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('salaries');
    },
  );

  it('refuses a symlink that leads out of the folder', async () => {
    symlinkSync(join(root, 'secret.txt'), join(root, 'policies', 'leak.yaml'));
    const res = await call('/api/policies/leak.yaml');
    expect(res.status).toBe(403);
    expect(await refused(res)).toEqual({
      error: '`leak.yaml` is a link that leads outside the folder',
      codes: ['cli_server_file'],
      zh: ['`leak.yaml` 是指向文件夹外的链接'],
    });
  });

  it('saves with the right ETag, atomically, and returns the new ETag', async () => {
    const { etag } = await (await call('/api/policies/short-video-team.yaml')).json();
    const text = readFileSync('policies/short-video-team.yaml', 'utf8').replace('version: 1.0.0', 'version: 1.0.1');
    const res = await call('/api/policies/short-video-team.yaml', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': etag },
      body: JSON.stringify({ text }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'short-video-team.yaml', etag: etagOf(text) });
    expect(readFileSync(join(root, 'policies', 'short-video-team.yaml'), 'utf8')).toBe(text);
    expect(readdirSync(join(root, 'policies'))).toEqual(['short-video-team.yaml']);
  });

  it('refuses a save when the file changed on disk since it was opened, and returns the current text', async () => {
    const { etag } = await (await call('/api/policies/short-video-team.yaml')).json();
    const outside = readFileSync('policies/short-video-team.yaml', 'utf8') + '# changed by someone else\n';
    writeFileSync(join(root, 'policies', 'short-video-team.yaml'), outside);
    const res = await call('/api/policies/short-video-team.yaml', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': etag },
      body: JSON.stringify({ text: 'policy: mine\n' }),
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      error: 'the file changed on disk since you opened it',
      diagnostics: [{ code: 'cli_server_conflict', severity: 'error' }],
      current: outside,
      etag: etagOf(outside),
    });
    expect(readFileSync(join(root, 'policies', 'short-video-team.yaml'), 'utf8')).toBe(outside);
  });

  it('refuses YAML that does not parse, so a good file is never overwritten by a broken one', async () => {
    const { etag } = await (await call('/api/policies/short-video-team.yaml')).json();
    const res = await call('/api/policies/short-video-team.yaml', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': etag },
      body: JSON.stringify({ text: 'policy: [unclosed\n' }),
    });
    expect(res.status).toBe(422);
    expect(readFileSync(join(root, 'policies', 'short-video-team.yaml'), 'utf8')).toBe(
      readFileSync('policies/short-video-team.yaml', 'utf8'),
    );
  });

  it('creates a new policy only when none has that name', async () => {
    const create = (name: string) =>
      call(`/api/policies/${name}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'if-none-match': '*' },
        body: JSON.stringify({ text: 'policy: new\n' }),
      });
    expect((await create('new-team.yaml')).status).toBe(201);
    const again = await create('new-team.yaml');
    expect(again.status).toBe(409);
    expect(await refused(again)).toEqual({
      error: 'a policy named `new-team.yaml` already exists',
      codes: ['cli_server_file'],
      zh: ['已有名为 `new-team.yaml` 的政策'],
    });
  });

  // a policy pasted past 2 MiB was refused with 请求过大 alone, where one of 1–2 MiB is told the
  // 1 MiB limit of a policy file: the message says both limits
  it('refuses a body over the size limit, saying the limits', async () => {
    const { etag } = await (await call('/api/policies/short-video-team.yaml')).json();
    const res = await call('/api/policies/short-video-team.yaml', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': etag },
      body: JSON.stringify({ text: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await refused(res)).toMatchObject({
      error: 'the request is over the 2 MiB the server takes (a policy file may be at most 1 MiB)',
      zh: ['请求超过服务器接收的上限 2 MiB（政策文件最大 1 MiB）'],
    });
  });
});

describe('templates', () => {
  it('lists each with its title, and the sample month made for it only when the root has that file', async () => {
    cpSync('examples/livestream-2026-10.csv', join(root, 'examples', 'livestream-2026-10.csv'));
    expect(await (await call('/api/templates')).json()).toEqual([
      { name: 'livestream-team.yaml', title: '直播带货团队月度绩效考核', sample: 'examples/livestream-2026-10.csv' },
      { name: 'mature-team.yaml', title: '成熟期短视频团队月度绩效考核' },
      { name: 'startup-team.yaml', title: '初创期短视频团队月度绩效考核' },
    ]);
  });
});

describe('datasets', () => {
  it('lists CSV and JSON under examples/ and data/', async () => {
    expect(await (await call('/api/datasets')).json()).toEqual([{ path: 'examples/m.csv', size: 27 }]); // 3-byte BOM + 14 + 10 bytes
  });

  it("returns a dataset's bytes as they are, and nothing outside the data folders", async () => {
    const bytes = new Uint8Array(await (await call('/api/dataset?path=examples%2Fm.csv')).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe('工号,姓名\nE1,张三\n'); // TextDecoder drops the BOM
    // a name the data reader does not take is refused as such; a path out of the folder by the path check
    expect((await call('/api/dataset?path=examples%2F..%2Fsecret.sh')).status).toBe(400);
    expect((await call('/api/dataset?path=examples%2F..%2Fsecret.txt')).status).toBe(403);
    expect((await call('/api/dataset?path=examples%2F..%2Fpolicies%2Fx.csv')).status).toBe(403);
  });

  // the CLI reads `.tsv` and `.txt` (Excel's "Unicode text") as it reads a `.csv`; the picker offered
  // only .csv, .json and .xlsx, and the server refused the others (400)
  it('lists and serves tab-separated .tsv and .txt exports as the CLI reads them', async () => {
    writeFileSync(join(root, 'examples', 'n.tsv'), '工号\t姓名\nE1\t张三\n'); // 6 + 1 + 6 + 1 + 2 + 1 + 6 + 1 = 24 bytes
    writeFileSync(join(root, 'examples', 'unicode.txt'), Buffer.from('\uFEFF工号\t姓名\n', 'utf16le')); // (1 + 5 + 1) × 2 = 14 bytes
    expect(await (await call('/api/datasets')).json()).toEqual([
      { path: 'examples/m.csv', size: 27 },
      { path: 'examples/n.tsv', size: 24 },
      { path: 'examples/unicode.txt', size: 14 },
    ]);
    const tsv = await call('/api/dataset?path=examples%2Fn.tsv');
    expect([tsv.status, new TextDecoder().decode(await tsv.arrayBuffer())]).toEqual([200, '工号\t姓名\nE1\t张三\n']);
    expect((await call('/api/dataset?path=examples%2Funicode.txt')).status).toBe(200);
  });
});

describe('one bad file never disables the editor', () => {
  const aliases = (n: number) =>
    `policy: bomb\nbase: &a 1\nitems: [${Array.from({ length: n }, () => '*a').join(', ')}]\n`;

  it('lists every other policy and marks one with more than 100 aliases with its problem', async () => {
    writeFileSync(join(root, 'policies', 'bomb.yaml'), aliases(101));
    const res = await call('/api/policies');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([
      {
        name: 'bomb.yaml',
        title: 'bomb.yaml',
        version: '',
        problem: expect.objectContaining({
          code: 'yaml_too_many_aliases',
          message: 'more than 100 aliases (`*name`) in one file',
          file: 'bomb.yaml',
          span: expect.objectContaining({ line: 3, column: 409 }),
        }),
      },
      { name: 'short-video-team.yaml', title: '短视频团队月度绩效考核', version: '1.2.0' },
    ]);
  });

  it('refuses a policy saved as GBK: marked in the list, refused when opened, never written over', async () => {
    // 「短视频」 in GBK: B6 CC CA D3 C6 B5, not UTF-8 (read as UTF-8 it came back as `�` and a save wrote that over the file)
    const gbk = Buffer.concat([
      Buffer.from('policy: gbk\ntitle: '),
      Buffer.from([0xb6, 0xcc, 0xca, 0xd3, 0xc6, 0xb5, 0x0a]),
    ]);
    writeFileSync(join(root, 'policies', 'gbk.yaml'), gbk);
    const list = (await (await call('/api/policies')).json()) as { name: string; problem?: Diagnostic }[];
    expect(list.map((p) => [p.name, p.problem?.code, p.problem?.message])).toEqual([
      ['gbk.yaml', 'io_not_text', 'policy `gbk.yaml`: the file is not valid UTF-8 text'],
      ['short-video-team.yaml', undefined, undefined],
    ]);
    const opened = await call('/api/policies/gbk.yaml');
    expect(opened.status).toBe(422);
    expect(await refused(opened)).toEqual({
      error: 'policy `gbk.yaml`: the file is not valid UTF-8 text',
      codes: ['io_not_text'],
      zh: ['政策 `gbk.yaml` 不是有效的 UTF-8 文本'],
    });
    // a save with any ETag is refused too, and the file keeps its bytes
    const saved = await call('/api/policies/gbk.yaml', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': etagOf('policy: gbk\ntitle: \uFFFD\n') },
      body: JSON.stringify({ text: 'policy: gbk\ntitle: \uFFFD\n' }),
    });
    expect(saved.status).toBe(422);
    expect(readFileSync(join(root, 'policies', 'gbk.yaml'))).toEqual(gbk);
  });

  it('lists every other policy and marks an outward symlink', async () => {
    symlinkSync(join(root, 'secret.txt'), join(root, 'policies', 'leak.yaml'));
    const res = await call('/api/policies');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([
      {
        name: 'leak.yaml',
        title: 'leak.yaml',
        version: '',
        problem: expect.objectContaining({
          code: 'cli_server_file',
          message: '`leak.yaml` is a link that leads outside the folder',
        }),
      },
      { name: 'short-video-team.yaml', title: '短视频团队月度绩效考核', version: '1.2.0' },
    ]);
  });

  it('refuses to save a policy over the limits of the command line, so validate can always read what the editor saved', async () => {
    // one line of 1.5 MB: over both the 1 MiB file limit and the 4,000-character line limit; the size is said first
    const text = `policy: long\ntitle: ${'长'.repeat(500_000)}\n`;
    const res = await call('/api/policies/long.yaml', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-none-match': '*' },
      body: JSON.stringify({ text }),
    });
    expect(res.status).toBe(422);
    expect(await refused(res)).toEqual({
      error:
        'the YAML of `long.yaml` cannot be read; fix it before saving: cannot read policy `long.yaml`: the file is larger than 1 MiB, the most a policy may be',
      codes: ['cli_server_file', 'io_too_large'],
      zh: [
        '`long.yaml` 的 YAML 无法读取；请先修正再保存',
        '无法读取政策 `long.yaml`：文件超过 1 MiB，这是政策文件的上限',
      ],
    });
    expect(readdirSync(join(root, 'policies'))).toEqual(['short-video-team.yaml']);
  });

  it('refuses to save YAML with more than 100 aliases', async () => {
    const { etag } = await (await call('/api/policies/short-video-team.yaml')).json();
    const res = await call('/api/policies/short-video-team.yaml', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': etag },
      body: JSON.stringify({ text: aliases(101) }),
    });
    expect(res.status).toBe(422);
    const said = await refused(res);
    expect(said.error).toBe(
      'the YAML of `short-video-team.yaml` cannot be read; fix it before saving: more than 100 aliases (`*name`) in one file',
    );
    expect(said.codes).toEqual(['cli_server_file', 'yaml_too_many_aliases']);
    expect(said.zh[0]).toBe('`short-video-team.yaml` 的 YAML 无法读取；请先修正再保存');
    expect(readFileSync(join(root, 'policies', 'short-video-team.yaml'), 'utf8')).toBe(
      readFileSync('policies/short-video-team.yaml', 'utf8'),
    );
  });
});

describe('requests that are malformed get 400, not 500', () => {
  it('answers a malformed % escape in a page path with 400', async () => {
    expect((await call('/assets/%E0%A4%A', { token: null })).status).toBe(400);
  });

  it('answers a non-JSON body on PUT with 400', async () => {
    const { etag } = await (await call('/api/policies/short-video-team.yaml')).json();
    const res = await call('/api/policies/short-video-team.yaml', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': etag },
      body: 'policy: not json',
    });
    expect(res.status).toBe(400);
    expect(await refused(res)).toEqual({
      error: 'send { "text": "…" } as JSON',
      codes: ['cli_server_file'],
      zh: ['请以 JSON 发送 { "text": "…" }'],
    });
  });
});

describe('data folders never lead outside the root', () => {
  it('refuses a dataset reached through a symlinked folder', async () => {
    mkdirSync(join(root, 'outside'));
    writeFileSync(join(root, 'outside', 'pay.csv'), 'salaries');
    symlinkSync(join(root, 'outside'), join(root, 'examples', 'linked'));
    const res = await call('/api/dataset?path=examples%2Flinked%2Fpay.csv');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('salaries');
  });

  it('refuses a dataset reached through a symlinked data folder itself', async () => {
    mkdirSync(join(root, 'outside'));
    writeFileSync(join(root, 'outside', 'pay.csv'), 'salaries');
    symlinkSync(join(root, 'outside'), join(root, 'data'));
    const res = await call('/api/dataset?path=data%2Fpay.csv');
    expect(res.status).toBe(403);
  });
});

// The policies folder moved away while the editor runs (a `git checkout`, a rename in the file
// manager), no permission, a full disk: the server said `internal error` and the page 内部错误.
describe('the file system refusing a project file is said with its path and what to do, never "internal error"', () => {
  const GONE = {
    error: '`policies` does not exist: it may have been moved, renamed or deleted',
    codes: ['cli_server_fs'],
    zh: ['`policies` 不存在：它可能已被移动、改名或删除'],
  };
  const HELP_ZH = '请把它放回原处（或在含有 `policies/` 的文件夹中重新启动编辑器），然后重试；未保存的修改仍在编辑器中';

  async function opened() {
    return (await (await call('/api/policies/short-video-team.yaml')).json()) as { text: string; etag: string };
  }
  const save = (etag: string, text: string) =>
    call('/api/policies/short-video-team.yaml', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': etag },
      body: JSON.stringify({ text }),
    });

  it('saving after the policies folder was moved away: 404 naming `policies`, nothing written anywhere', async () => {
    const { text, etag } = await opened();
    renameSync(join(root, 'policies'), join(root, 'policies.gone'));
    const res = await save(etag, `${text}# edit\n`);
    expect(res.status).toBe(404);
    const body = await res.clone().json();
    expect(body.diagnostics[0].help).toBe(
      'put it back (or start the editor again in the folder that holds `policies/`), then try again; unsaved edits stay in the editor',
    );
    expect(localise(body.diagnostics[0], 'zh').help).toBe(HELP_ZH);
    expect(await refused(res)).toEqual(GONE);
    expect(readdirSync(root).sort()).toEqual(['examples', 'policies.gone', 'secret.txt', 'static']);
    expect(readFileSync(join(root, 'policies.gone', 'short-video-team.yaml'), 'utf8')).toBe(text);
  });

  it('listing and reading the policies after the folder was moved away: 404 naming `policies`', async () => {
    renameSync(join(root, 'policies'), join(root, 'policies.gone'));
    for (const path of ['/api/policies', '/api/policies/short-video-team.yaml']) {
      const res = await call(path);
      expect(res.status).toBe(404);
      expect(await refused(res)).toEqual(GONE);
    }
  });

  it('a file where the policies folder should be: 409 naming it', async () => {
    const { text, etag } = await opened();
    renameSync(join(root, 'policies'), join(root, 'policies.gone'));
    writeFileSync(join(root, 'policies'), 'not a folder');
    const res = await save(etag, text);
    expect(res.status).toBe(409);
    expect(await refused(res)).toEqual({
      error: '`policies` is a file where a folder is expected',
      codes: ['cli_server_fs'],
      zh: ['`policies` 是文件，这里应是文件夹'],
    });
    expect(readFileSync(join(root, 'policies'), 'utf8')).toBe('not a folder');
  });

  it("a folder with a policy's name: 409 when it is opened, marked in the list (the others still listed)", async () => {
    mkdirSync(join(root, 'policies', 'team.yaml'));
    const res = await call('/api/policies/team.yaml');
    expect(res.status).toBe(409);
    expect(await refused(res)).toEqual({
      error: '`policies/team.yaml` is a folder, not a file',
      codes: ['cli_server_fs'],
      zh: ['`policies/team.yaml` 是文件夹，不是文件'],
    });
    const list = await call('/api/policies');
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual([
      { name: 'short-video-team.yaml', title: '短视频团队月度绩效考核', version: '1.2.0' },
      {
        name: 'team.yaml',
        title: 'team.yaml',
        version: '',
        problem: expect.objectContaining({
          code: 'cli_server_fs',
          message: '`policies/team.yaml` is a folder, not a file',
        }),
      },
    ]);
  });

  // permission, a full or a read-only disk cannot be made in a test run as root: the errors as Node throws them
  const errno = (code: string, path: string) =>
    Object.assign(new Error(`${code}: …, open '${path}'`), { code, path, syscall: 'open' });
  it.each([
    [
      'EACCES',
      'short-video-team.yaml',
      403,
      'no permission to read or write `policies/short-video-team.yaml`',
      '没有读写 `policies/short-video-team.yaml` 的权限',
    ],
    [
      'EPERM',
      'short-video-team.yaml',
      403,
      'no permission to read or write `policies/short-video-team.yaml`',
      '没有读写 `policies/short-video-team.yaml` 的权限',
    ],
    // a temporary file the folder does not let be made: the folder is named, not the file being saved
    [
      'EACCES',
      `.short-video-team.yaml.${process.pid}.tmp`,
      403,
      'no permission to read or write `policies`',
      '没有读写 `policies` 的权限',
    ],
    // the temporary file of an atomic write is named as the file being saved
    [
      'ENOSPC',
      `.short-video-team.yaml.${process.pid}.tmp`,
      507,
      'cannot write `policies/short-video-team.yaml`: the disk is full',
      '无法写入 `policies/short-video-team.yaml`：磁盘已满',
    ],
    [
      'EDQUOT',
      'short-video-team.yaml',
      507,
      'cannot write `policies/short-video-team.yaml`: the disk is full',
      '无法写入 `policies/short-video-team.yaml`：磁盘已满',
    ],
    [
      'EROFS',
      'short-video-team.yaml',
      403,
      'cannot write `policies/short-video-team.yaml`: the disk is read-only',
      '无法写入 `policies/short-video-team.yaml`：磁盘为只读',
    ],
  ])('%s on policies/%s: %i', (code, name, status, en, zh) => {
    const refusal = fileSystemRefusal(root, errno(code, join(root, 'policies', name)));
    expect(refusal?.status).toBe(status);
    expect(refusal?.diagnostics.map((d) => [d.code, d.message, localise(d, 'zh').message])).toEqual([
      ['cli_server_fs', en, zh],
    ]);
  });

  it('a missing file under an existing folder is named itself; a missing folder on the way is named instead', () => {
    expect(fileSystemRefusal(root, errno('ENOENT', join(root, 'policies', 'x.yaml')))?.diagnostics[0]?.message).toBe(
      '`policies/x.yaml` does not exist: it may have been moved, renamed or deleted',
    );
    expect(fileSystemRefusal(root, errno('ENOENT', join(root, 'data', 'm', 'pay.csv')))?.diagnostics[0]?.message).toBe(
      '`data` does not exist: it may have been moved, renamed or deleted',
    );
  });

  it('anything else is still an internal error: a bug, an unknown code, a path outside the root', () => {
    expect(fileSystemRefusal(root, new TypeError('x is undefined'))).toBeUndefined();
    expect(fileSystemRefusal(root, errno('EIO', join(root, 'policies', 'x.yaml')))).toBeUndefined();
    expect(fileSystemRefusal(root, errno('ENOENT', '/elsewhere/x.yaml'))).toBeUndefined();
    expect(fileSystemRefusal(root, errno('ENOENT', `${root}-other/x.yaml`))).toBeUndefined();
  });
});
