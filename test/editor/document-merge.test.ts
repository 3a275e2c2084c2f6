// A conflict merged three ways: the draft keeps the text of the version it edits, and the merge is
// taken into the editor as an edit of the file as it is now.

import { describe, expect, it } from 'vitest';
import {
  draftBaseKey,
  draftKey,
  PolicyDocument,
  type DraftStorage,
  type PolicyServer,
} from '../../editor/app/lib/document.js';
import { mergedText, mergeParts } from '../../editor/app/lib/merge.js';

const NAME = 'team-a.yaml';
const BASE = 'policy: team-a\na:\n  target: 81\nb:\n  target: 61\n';
const MINE = BASE.replace('81', '85');
const THEIRS = BASE.replace('61', '60');

function setup() {
  const file = { text: BASE, etag: '"1"' };
  const server: PolicyServer = {
    policy: async (name) => ({ name, ...file, base: { source: 'disk', text: file.text } }),
    save: async (_n, text, etag) => {
      if (etag !== file.etag) return { ok: false, current: file.text, etag: file.etag };
      Object.assign(file, { text, etag: `"${Number(file.etag.slice(1, -1)) + 1}"` });
      return { ok: true, etag: file.etag };
    },
    create: async () => undefined,
    template: async () => '',
  };
  const items = new Map<string, string>();
  const storage: DraftStorage = {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
  return { file, server, storage, items };
}

describe('merging a conflict', () => {
  it('saves both changes after the merge is taken, and keeps the base of a draft for a later visit', async () => {
    const { file, server, storage, items } = setup();
    const doc = new PolicyDocument({ server, storage });
    await doc.open(NAME);
    doc.edit(MINE);
    doc.flush();
    expect(items.get(draftBaseKey(NAME))).toBe(BASE);
    Object.assign(file, { text: THEIRS, etag: '"2"' });
    expect(await doc.save()).toBe('conflict');
    const { baseText, text, conflict } = doc.state;
    const merged = mergedText(mergeParts(baseText, text, conflict!.current), []);
    expect(merged).toBe(MINE.replace('61', '60'));
    doc.adoptMerge(merged!);
    expect(doc.state).toMatchObject({ text: merged, basedOn: '"2"', conflict: null });
    expect(JSON.parse(items.get(draftKey(NAME))!)).toMatchObject({ text: merged, etag: '"2"' });
    expect(items.get(draftBaseKey(NAME))).toBe(THEIRS);
    expect(await doc.save()).toBe('saved');
    expect(file.text).toBe(MINE.replace('61', '60'));
    expect(items.has(draftKey(NAME)) || items.has(draftBaseKey(NAME))).toBe(false);
  });

  it('a draft restored over a changed file brings its base for the merge', async () => {
    const { file, server, storage } = setup();
    const first = new PolicyDocument({ server, storage });
    await first.open(NAME);
    first.edit(MINE);
    first.flush();
    Object.assign(file, { text: THEIRS, etag: '"2"' });
    const later = new PolicyDocument({ server, storage });
    await later.open(NAME);
    later.restoreDraft();
    expect(later.state.conflict).toMatchObject({ since: 'draft', current: THEIRS });
    expect(later.state.baseText).toBe(BASE);
  });
});
