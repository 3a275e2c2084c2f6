// Two tabs of one browser on one policy: one edits, the other shows it read-only until the first
// lets it go. Before, both wrote the one draft a policy has in the browser: the tab that typed last
// overwrote the other's unsaved work, and the other's draft was lost without a word.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DRAFT_DELAY,
  draftKey,
  PolicyDocument,
  type DraftStorage,
  type EditLocks,
  type PolicyServer,
} from '../../editor/app/lib/document.js';

const NAME = 'team-a.yaml';
const OTHER = 'team-b.yaml';
/** A policy the picker listed, moved off the disk since. */
const GONE = 'gone.yaml';
const SAVED = 'policy: team-a\nversion: 1.0.0\n';
const BY_A = 'policy: team-a\nversion: 1.1.0 # A 的修改\n';
const BY_B = 'policy: team-a\nversion: 1.2.0 # B 的修改\n';

/** A server that always gives version "1" of each file. */
const server: PolicyServer = {
  policy: async (name) => {
    if (name === GONE) throw new Error(`no such file: \`${name}\``);
    const text = name === NAME ? SAVED : 'policy: team-b\n';
    return { name, text, etag: '"1"', base: { source: 'disk', text } };
  },
  save: async () => ({ ok: true, etag: '"2"' }),
  create: async () => undefined,
  template: async () => '',
};

/** The browser's storage and locks, shared by its tabs: a lock is handed to the next waiting tab when let go. */
function browser() {
  const items = new Map<string, string>();
  const storage: DraftStorage = {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
  const holder = new Map<string, number>();
  const queue = new Map<string, { tab: number; freed: () => void }[]>();
  const tab = (id: number): EditLocks => ({
    take: async (name, freed) => {
      if (holder.get(name) === id) return true;
      if (!holder.has(name)) return (holder.set(name, id), true);
      queue.set(name, [...(queue.get(name) ?? []), { tab: id, freed }]);
      return false;
    },
    release: (name) => {
      if (holder.get(name) !== id) return;
      holder.delete(name);
      const next = queue.get(name)?.shift();
      if (next) holder.set(name, next.tab), next.freed();
    },
  });
  let tabs = 0;
  return {
    storage,
    open: async (name = NAME) => {
      const locks = tab(++tabs);
      const doc = new PolicyDocument({ server, storage, locks });
      await doc.open(name);
      return { doc, locks };
    },
  };
}

const pause = () => vi.advanceTimersByTime(DRAFT_DELAY);
const settled = () => vi.runAllTimersAsync();
const draftText = (storage: DraftStorage) => JSON.parse(storage.getItem(draftKey(NAME)) ?? 'null')?.text;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a policy open in two tabs', () => {
  it('stays edited in the first when it fails to open another policy: the second is still read-only', async () => {
    const b = browser();
    const a = await b.open();
    a.doc.edit(BY_A);
    pause();
    await expect(a.doc.open(GONE)).rejects.toThrow('no such file: `gone.yaml`');
    expect(a.doc.state).toMatchObject({ file: { name: NAME }, text: BY_A, elsewhere: false });
    const second = await b.open();
    expect(second.doc.state).toMatchObject({ elsewhere: true, offered: null, text: SAVED });
    expect(second.doc.edit(BY_B)).toBe(false);
    expect(draftText(b.storage)).toBe(BY_A);
    // the lock of the policy that could not be opened was not kept either
    expect(await second.locks.take(GONE, () => {})).toBe(true);
  });

  it('is edited in the first; the second is read-only, writes no draft and does not offer the first one’s', async () => {
    const b = browser();
    const a = await b.open();
    expect(a.doc.edit(BY_A)).toBe(true);
    pause();
    const second = await b.open();
    expect(second.doc.state).toMatchObject({ elsewhere: true, offered: null, text: SAVED });
    expect(second.doc.edit(BY_B)).toBe(false);
    expect(second.doc.setValue(['version'], '1.2.0')).toEqual({ ok: false, elsewhere: true });
    pause();
    expect(draftText(b.storage)).toBe(BY_A);
    expect(a.doc.state.elsewhere).toBe(false);
  });

  it('becomes editable in the second once the first opens another policy, with the first one’s draft offered', async () => {
    const b = browser();
    const a = await b.open();
    a.doc.edit(BY_A);
    pause();
    const second = await b.open();
    await a.doc.open(OTHER);
    await settled();
    expect(second.doc.state).toMatchObject({ elsewhere: false, text: SAVED });
    expect(second.doc.state.offered?.text).toBe(BY_A);
    second.doc.restoreDraft();
    expect(second.doc.edit(BY_B)).toBe(true);
    pause();
    expect(draftText(b.storage)).toBe(BY_B);
  });

  it('lets the policy go when a waiting tab has itself moved on to another policy', async () => {
    const b = browser();
    const a = await b.open();
    const second = await b.open();
    await second.doc.open(OTHER);
    await a.doc.open(OTHER);
    await settled();
    // the second tab was handed team-a's lock while on team-b, and gave it back: a third tab edits it
    const third = await b.open();
    expect(third.doc.state.elsewhere).toBe(false);
    // team-b is the second tab's, opened first: the first tab shows it read-only
    expect(second.doc.state).toMatchObject({ elsewhere: false, file: { name: OTHER } });
    expect(a.doc.state).toMatchObject({ elsewhere: true, file: { name: OTHER } });
  });
});
