// The editor in Chromium for a test file: the server started as `npm start` starts it, on a
// scratch git repository holding the bundled policies and sample data, and one browser page.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.env.CI === 'true' || process.env.YARDSTICK_BROWSER_TESTS === 'required';
export const available = existsSync(CHROMIUM);
if (!available) {
  const say = `\n*** Browser tests NOT RUN: no Chromium at ${CHROMIUM}. Install it with \`sudo apt-get install -y chromium fonts-wqy-microhei\` (or set CHROMIUM_PATH). ***\n`;
  if (required) throw new Error(say);
  console.warn(say);
}

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Editor {
  page: Page;
  context: BrowserContext;
  root: string;
  url: string;
  /** A policy file as it is on disk now. */
  onDisk(name: string): string;
  write(name: string, text: string): void;
  /** The committed version of a policy. */
  committed(name: string): string;
  /** Puts every policy back to its committed text and forgets the browser's drafts. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** `npm start` on a scratch root, in its own process group: stopping the group stops npm and node. */
export function startServer(root: string): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn('npm', ['start', '--silent', '--', '--port', '0', '--root', root], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 90_000);
    server.stdout!.on('data', (d) => {
      out += d;
      const m = /open: (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ server, url: m[1] });
      }
    });
    server.stderr!.on('data', (d) => (out += d));
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

export async function startEditor(viewport = { width: 1280, height: 800 }): Promise<Editor> {
  const root = mkdtempSync(join(tmpdir(), 'yardstick-browser-'));
  cpSync('policies', join(root, 'policies'), { recursive: true });
  cpSync('examples', join(root, 'examples'), { recursive: true, filter: (p) => !/bench-/.test(p) });
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'policies');
  const { server, url } = await startServer(root);
  const profile = mkdtempSync(join(tmpdir(), 'yardstick-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const path = (name: string) => join(root, 'policies', name);
  const editor: Editor = {
    page,
    context,
    root,
    url,
    onDisk: (name) => readFileSync(path(name), 'utf8'),
    write: (name, text) => writeFileSync(path(name), text),
    committed: (name) => git('show', `HEAD:policies/${name}`),
    async reset() {
      git('checkout', '-q', '--', 'policies');
      git('clean', '-qfd', 'policies');
      if (page.url().startsWith('http')) await page.evaluate(() => localStorage.clear());
    },
    async close() {
      await context.close();
      if (server.pid) process.kill(-server.pid);
    },
  };
  return editor;
}

/** Opens the editor on a policy; resolves once the preview of the sample month is there. */
export async function openPolicy(e: Editor, name = 'short-video-team.yaml'): Promise<void> {
  e.page.removeAllListeners('dialog');
  e.page.on('dialog', (d) => d.accept());
  await e.page.goto(`${e.url}&policy=${encodeURIComponent(name)}`);
  await e.page
    .locator('[data-testid=editor] .view-line', { hasText: `policy: ${name.replace(/\.yaml$/, '')}` })
    .waitFor({ timeout: 60_000 });
  await e.page.waitForSelector('[data-testid=results] tbody tr', { timeout: 60_000 });
}

/**
 * Clicks into the YAML editor until it has the keyboard focus. Once the page has settled after
 * opening a policy, one click is enough; until then a re-render can leave the focus on the page's
 * body, and typed keys would go nowhere (seen on a loaded machine).
 */
export async function focusYamlEditor(page: Page): Promise<void> {
  const inEditor = () =>
    page.evaluate(
      () => document.activeElement !== null && document.activeElement.closest('[data-testid=editor]') !== null,
    );
  for (let tries = 0; ; tries++) {
    // the text area's visible top left, not the middle of `.view-lines`: scrolled sideways (a long
    // line, wider fonts), the middle of the lines lies outside the editor and the click focused the page
    await page.click('[data-testid=editor] .monaco-editor .overflow-guard', { position: { x: 120, y: 12 } });
    if (await inEditor()) return;
    if (tries === 50) throw new Error('the YAML editor does not take the focus');
    await page.waitForTimeout(100);
  }
}
