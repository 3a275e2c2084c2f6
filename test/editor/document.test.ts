// The edited policy's file, draft and save rules, without a browser: a draft lives until it is saved
// or discarded, remembers the version it edits, and restoring it over a changed file never saves
// over the change.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPolicy, POLICY_NAME_HELP } from '../../engine/index.js';
import {
  DRAFT_DELAY,
  draftBaseKey,
  draftKey,
  isDirty,
  PolicyDocument,
  type DraftStorage,
  type PolicyServer,
  type SaveReply,
} from '../../editor/app/lib/document.js';

const NAME = 'team-a.yaml';
const SAVED = 'policy: team-a\nversion: 1.0.0 # 第一版\n';
const EDITED = 'policy: team-a\nversion: 1.1.0 # 第一版\n';
const THEIRS = 'policy: team-a\nversion: 2.0.0 # 别人的修改\n';
const AT = new Date('2026-11-30T12:00:00.000Z');

/** A policies folder behind the server's API: every write makes a new version ("1", "2", …). */
function disk(files: Record<string, string>) {
  let version = 0;
  const stored = new Map<string, { text: string; etag: string }>();
  const write = (name: string, text: string) => {
    const etag = `"${++version}"`;
    stored.set(name, { text, etag });
    return etag;
  };
  for (const [name, text] of Object.entries(files)) write(name, text);
  const saves: { name: string; text: string; etag: string }[] = [];
  const server: PolicyServer = {
    async policy(name) {
      const f = stored.get(name)!;
      return { name, text: f.text, etag: f.etag, base: { source: 'disk', text: f.text } };
    },
    async save(name, text, etag): Promise<SaveReply> {
      saves.push({ name, text, etag });
      const f = stored.get(name)!;
      if (etag !== f.etag) return { ok: false, current: f.text, etag: f.etag };
      return { ok: true, etag: write(name, text) };
    },
    async create(name, text) {
      if (stored.has(name)) throw new Error('a policy with this name already exists');
      write(name, text);
    },
    async template(name) {
      return { 'mature-team.yaml': '# 成熟期团队模板\npolicy: mature-team # 政策编号\ntitle: 成熟期\n' }[name]!;
    },
  };
  return {
    server,
    saves,
    text: (name: string) => stored.get(name)?.text,
    etag: (name: string) => stored.get(name)?.etag,
    write,
  };
}

/** The browser's local storage: it outlives the page, so each visit below is a new document on the same storage. */
function browserStorage(): DraftStorage {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

const visit = (files: ReturnType<typeof disk>, storage: DraftStorage) =>
  new PolicyDocument({ server: files.server, storage, now: () => AT });

/** A draft an earlier visit left, of version "1" (the file as first written). */
const EARLIER = { text: EDITED, etag: '"1"', at: '2026-11-29T08:00:00.000Z' };

/** A visit that opens `NAME`, with `draft` already in the browser's storage when given. */
async function opened(o: { files?: Record<string, string>; draft?: unknown } = {}) {
  const files = disk(o.files ?? { [NAME]: SAVED });
  const storage = browserStorage();
  if (o.draft !== undefined)
    storage.setItem(draftKey(NAME), typeof o.draft === 'string' ? o.draft : JSON.stringify(o.draft));
  const doc = visit(files, storage);
  await doc.open(NAME);
  return { files, storage, doc };
}

/** Lets the pause after typing pass, so that the draft is written. */
const pause = () => vi.advanceTimersByTime(DRAFT_DELAY);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the draft', () => {
  it('is written after a pause in typing, with the version of the file it edits', async () => {
    const { storage, doc } = await opened();
    expect(doc.edit(EDITED)).toBe(true);
    vi.advanceTimersByTime(DRAFT_DELAY - 1);
    expect(storage.getItem(draftKey(NAME))).toBe(null);
    vi.advanceTimersByTime(1);
    expect(storage.getItem(draftKey(NAME))).toBe(
      JSON.stringify({ text: EDITED, etag: '"1"', at: '2026-11-30T12:00:00.000Z' }),
    );
    expect(draftKey(NAME)).toBe('yardstick:draft:team-a.yaml');
  });

  it('is offered on every later visit, untouched, until it is restored or discarded', async () => {
    const { files, storage, doc: first } = await opened();
    first.edit(EDITED);
    pause();
    const draft = storage.getItem(draftKey(NAME));

    for (const _ of [2, 3, 4]) {
      const later = visit(files, storage);
      await later.open(NAME);
      expect(later.state.offered).toEqual({ text: EDITED, etag: '"1"', at: '2026-11-30T12:00:00.000Z' });
      expect(later.state.text).toBe(SAVED);
      expect(isDirty(later.state)).toBe(false);
      pause();
      later.flush();
      expect(storage.getItem(draftKey(NAME))).toBe(draft);
    }
  });

  it('on offer, keeps the text from being edited by typing or by the panels, and from being saved', async () => {
    const { files, storage, doc } = await opened({ draft: EARLIER });
    expect(doc.edit(`${SAVED}# typed\n`)).toBe(false);
    expect(doc.setValue(['version'], '1.2.0')).toEqual({ ok: false, draftFirst: true });
    expect(doc.state.text).toBe(SAVED);
    expect(await doc.save()).toBe('nothing');
    expect(files.saves).toEqual([]);
    pause();
    expect(storage.getItem(draftKey(NAME))).toBe(JSON.stringify(EARLIER));
  });

  it('on offer, stays when another policy is opened', async () => {
    const { storage, doc } = await opened({
      files: { [NAME]: SAVED, 'team-b.yaml': 'policy: team-b\n' },
      draft: EARLIER,
    });
    const draft = storage.getItem(draftKey(NAME));
    await doc.open('team-b.yaml');
    pause();
    expect(storage.getItem(draftKey(NAME))).toBe(draft);
    await doc.open(NAME);
    expect(doc.state.offered?.text).toBe(EDITED);
  });

  it('restored over the version it edits, becomes the edit and is saved without a conflict', async () => {
    const { files, storage, doc } = await opened({ draft: EARLIER });
    doc.restoreDraft();
    expect(doc.state).toMatchObject({ text: EDITED, basedOn: '"1"', offered: null, conflict: null });
    expect(isDirty(doc.state)).toBe(true);
    expect(await doc.save()).toBe('saved');
    expect(files.saves).toEqual([{ name: NAME, text: EDITED, etag: '"1"' }]);
    expect(files.text(NAME)).toBe(EDITED);
    expect(storage.getItem(draftKey(NAME))).toBe(null);
    expect(isDirty(doc.state)).toBe(false);
  });

  it('restored over a file changed on disk since, shows the conflict at once and saves nothing', async () => {
    const { files, storage, doc: first } = await opened();
    first.edit(EDITED);
    pause();
    files.write(NAME, THEIRS);

    const doc = visit(files, storage);
    await doc.open(NAME);
    doc.restoreDraft();
    expect(doc.state.conflict).toEqual({ current: THEIRS, etag: '"2"', since: 'draft' });
    expect(doc.state.text).toBe(EDITED);
    expect(files.saves).toEqual([]);

    // closed, the dialog comes back on the next save: the draft still edits version "1"
    doc.closeConflict();
    expect(await doc.save()).toBe('conflict');
    expect(files.saves).toEqual([{ name: NAME, text: EDITED, etag: '"1"' }]);
    expect(files.text(NAME)).toBe(THEIRS);
    expect(doc.state.conflict).toEqual({ current: THEIRS, etag: '"2"', since: 'draft' });
    expect(storage.getItem(draftKey(NAME))).toBe(
      JSON.stringify({ text: EDITED, etag: '"1"', at: '2026-11-30T12:00:00.000Z' }),
    );

    // overwriting is the dialog's choice, made over the version the dialog showed
    expect(await doc.save({ force: true })).toBe('saved');
    expect(files.saves[1]).toEqual({ name: NAME, text: EDITED, etag: '"2"' });
    expect(files.text(NAME)).toBe(EDITED);
    expect(doc.state.conflict).toBe(null);
    expect(storage.getItem(draftKey(NAME))).toBe(null);
  });

  it('restored over a changed file, is dropped for the disk version by "take theirs"', async () => {
    const { files, storage, doc } = await opened({ draft: EARLIER });
    files.write(NAME, THEIRS);
    await doc.open(NAME);
    doc.restoreDraft();
    await doc.takeTheirs();
    expect(doc.state).toMatchObject({ text: THEIRS, basedOn: '"2"', offered: null, conflict: null });
    pause();
    expect(storage.getItem(draftKey(NAME))).toBe(null);
    expect(files.saves).toEqual([]);
  });

  it('discarded, is gone: the next visit offers nothing', async () => {
    const { files, storage, doc } = await opened({ draft: EARLIER });
    doc.discardDraft();
    expect(doc.state.offered).toBe(null);
    expect(storage.getItem(draftKey(NAME))).toBe(null);
    const next = visit(files, storage);
    await next.open(NAME);
    expect(next.state.offered).toBe(null);
  });

  it('written by an older page without a version, counts as editing a version no file has', async () => {
    const { doc } = await opened({ draft: { text: EDITED } });
    expect(doc.state.offered).toEqual({ text: EDITED, etag: 'unknown', at: '' });
    doc.restoreDraft();
    expect(doc.state.conflict).toEqual({ current: SAVED, etag: '"1"', since: 'draft' });
  });

  it('that is not one (not JSON, no text) is not offered', async () => {
    for (const junk of ['{"text":', '"text"', '{"etag":"\\"1\\""}', 'null']) {
      const { doc } = await opened({ draft: junk });
      expect(doc.state.offered).toBe(null);
    }
  });

  it('is written at once when another policy is opened before the pause is over', async () => {
    const { storage, doc } = await opened({ files: { [NAME]: SAVED, 'team-b.yaml': 'policy: team-b\n' } });
    doc.edit(EDITED);
    await doc.open('team-b.yaml');
    expect(JSON.parse(storage.getItem(draftKey(NAME))!).text).toBe(EDITED);
    pause();
    expect(storage.getItem(draftKey('team-b.yaml'))).toBe(null);
  });

  it("is removed when the text is the file's again", async () => {
    const { storage, doc } = await opened();
    doc.edit(EDITED);
    pause();
    doc.edit(SAVED);
    pause();
    expect(storage.getItem(draftKey(NAME))).toBe(null);
  });

  it('that does not fit in the full storage is said (draftNotKept), without an error, until one fits or the edit is saved', async () => {
    const { storage, doc } = await opened();
    const full: DraftStorage = {
      ...storage,
      setItem: (k, v) => {
        if (v.length > 80) throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
        storage.setItem(k, v);
      },
    };
    const small = visit(disk({ [NAME]: SAVED }), full);
    await small.open(NAME);
    small.edit(EDITED);
    expect(() => pause()).not.toThrow();
    expect(storage.getItem(draftKey(NAME))).toBe(null);
    expect(small.state.draftNotKept).toBe(true);
    // a shorter edit fits again
    small.edit('policy: team-a\n');
    pause();
    expect(JSON.parse(storage.getItem(draftKey(NAME))!).text).toBe('policy: team-a\n');
    expect(small.state.draftNotKept).toBe(false);
    // saved: nothing is left to keep
    small.edit(EDITED);
    pause();
    expect(small.state.draftNotKept).toBe(true);
    expect(await small.save()).toBe('saved');
    expect(small.state.draftNotKept).toBe(false);
    expect(doc.state.draftNotKept).toBe(false);
  });

  // A newer edit that did not fit left the older draft in storage as it was: reloaded, the page
  // offered it as "the unsaved draft from last time", as if it were the latest work.
  it.each([
    ['marked older when the mark fits', 150],
    ['removed when not even the mark fits', 120],
  ])('an older draft is never offered as the latest work once a newer edit did not fit: %s', async (_, room) => {
    const storage = browserStorage();
    const full: DraftStorage = {
      ...storage,
      setItem: (k, v) => {
        if (v.length > room) throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
        storage.setItem(k, v);
      },
    };
    const files = disk({ [NAME]: SAVED });
    const first = visit(files, full);
    await first.open(NAME);
    first.edit(EDITED);
    pause();
    expect(JSON.parse(storage.getItem(draftKey(NAME))!).text).toBe(EDITED);
    // a later edit too big for what is left of the storage
    const bigger = `${EDITED}# ${'很长的注释'.repeat(40)}\n`;
    first.edit(bigger);
    pause();
    // the page still says the edit is not kept, and has it
    expect(first.state.draftNotKept).toBe(true);
    expect(first.state.text).toBe(bigger);
    // the next visit offers the older draft only as older, or nothing
    const later = visit(files, storage);
    await later.open(NAME);
    if (room === 150)
      expect(later.state.offered).toEqual({
        text: EDITED,
        etag: '"1"',
        at: AT.toISOString(),
        newerLost: AT.toISOString(),
      });
    else {
      expect(later.state.offered).toBe(null);
      expect(storage.getItem(draftKey(NAME))).toBe(null);
      expect(storage.getItem(draftBaseKey(NAME))).toBe(null);
    }
  });
});

describe('saving', () => {
  it('refuses text that does not parse as YAML before sending it', async () => {
    const { files, doc } = await opened();
    doc.edit(`${SAVED}policy: x\n`);
    // what the preview worker reports for it: the engine's own diagnostics
    const { diagnostics } = loadPolicy(doc.state.text, NAME);
    expect(diagnostics.map((d) => d.code)).toEqual(['yaml_duplicate_key']);
    // the save reads the text itself: it needs no problem list, which may be behind the text
    expect(await doc.save()).toBe('unparseable');
    expect(files.saves).toEqual([]);
  });

  it('over a file someone changed after it was opened, is refused with their version', async () => {
    const { files, doc } = await opened();
    doc.edit(EDITED);
    files.write(NAME, THEIRS);
    expect(await doc.save()).toBe('conflict');
    expect(doc.state.conflict).toEqual({ current: THEIRS, etag: '"2"', since: 'opened' });
    expect(files.text(NAME)).toBe(THEIRS);
  });

  it('keeps what was typed while the save was on its way as an unsaved draft', async () => {
    const { files, storage, doc } = await opened();
    doc.edit(EDITED);
    const saving = doc.save();
    expect(doc.state.saving).toBe(true);
    doc.edit(`${EDITED}# 还在写\n`);
    expect(await saving).toBe('saved');
    expect(files.text(NAME)).toBe(EDITED);
    expect(doc.state).toMatchObject({ text: `${EDITED}# 还在写\n`, basedOn: '"2"', saving: false });
    expect(doc.state.file?.text).toBe(EDITED);
    expect(isDirty(doc.state)).toBe(true);
    expect(storage.getItem(draftKey(NAME))).toBe(
      JSON.stringify({ text: `${EDITED}# 还在写\n`, etag: '"2"', at: '2026-11-30T12:00:00.000Z' }),
    );
  });

  it("sets one value through the engine's YAML edit, keeping the line's comment", async () => {
    const { doc } = await opened();
    expect(doc.setValue(['version'], '1.1.0')).toEqual({ ok: true, text: EDITED });
    expect(doc.state.text).toBe(EDITED);
  });
});

describe('a new policy', () => {
  it('is written from the template with its `policy:` id set from the name, comments kept', async () => {
    const files = disk({});
    const doc = visit(files, browserStorage());
    expect(await doc.create(' team-b ', 'mature-team.yaml')).toEqual({ ok: true, name: 'team-b.yaml' });
    expect(files.text('team-b.yaml')).toBe('# 成熟期团队模板\npolicy: team-b # 政策编号\ntitle: 成熟期\n');
    expect(await doc.create('team-c.yaml', 'mature-team.yaml')).toEqual({ ok: true, name: 'team-c.yaml' });
  });

  it('takes the title the user chose, so it never repeats the template title', async () => {
    const files = disk({});
    const doc = visit(files, browserStorage());
    expect(await doc.create('team-d', 'mature-team.yaml', ' 直播二组考核 ')).toEqual({ ok: true, name: 'team-d.yaml' });
    expect(files.text('team-d.yaml')).toBe('# 成熟期团队模板\npolicy: team-d # 政策编号\ntitle: 直播二组考核\n');
  });

  it('is refused, and nothing written, under a name the server would refuse', async () => {
    const files = disk({});
    const doc = visit(files, browserStorage());
    expect(await doc.create('Team B', 'mature-team.yaml')).toEqual({ ok: false, message: POLICY_NAME_HELP });
    expect(files.text('Team B.yaml')).toBe(undefined);
  });
});
