// The policy being edited, apart from how it is shown: the file as the server last gave it, the text
// in the editor, a draft in the browser that keeps unsaved work until it is saved or discarded, and
// saves that name the version they edit, so that a change made on disk is never overwritten unseen.

import {
  policyFileName,
  policyIdOf,
  POLICY_NAME_HELP,
  readYaml,
  setStructure,
  setValue,
  type EditResult,
} from '../../../engine/index.js';
import type { PolicyFile } from './api.js';
import type { YamlPath } from './model.js';
import { keepOriginalSpelling } from './roundtrip.js';

/** Unsaved work kept in the browser: the text, and the version of the file (its ETag) it edits. */
export interface Draft {
  text: string;
  etag: string;
  /** When it was last written (ISO 8601). */
  at: string;
  /**
   * When a newer edit of the policy did not fit in the browser's storage (ISO 8601): this draft
   * is then not the latest work, and is offered as an older one, never as the edit from last time.
   */
  newerLost?: string;
}

/**
 * A save the server refused because the file is no longer the version the text edits: `current`
 * is what is there now. `since` says whether the text was edited after opening the file or is a
 * draft restored from an earlier visit.
 */
export interface Conflict {
  current: string;
  etag: string;
  since: 'opened' | 'draft';
}

export interface DocumentState {
  /** The file as last read from or written to the server. */
  file: PolicyFile | null;
  /** The text in the editor. */
  text: string;
  /** The version (ETag) that `text` edits: the file's, or an older one for a restored draft. */
  basedOn: string;
  /** The text of the version `basedOn` names, the base of a three-way merge; null when a draft did not keep it. */
  baseText: string | null;
  /** A draft from an earlier visit, offered until it is restored or discarded; nothing is edited meanwhile. */
  offered: Draft | null;
  conflict: Conflict | null;
  saving: boolean;
  /**
   * Another tab of this browser has the policy open for editing: this one shows the file read-only,
   * writes no draft and offers none (the other tab's unsaved work is its own, not to be overwritten
   * or discarded from here), until that tab closes or opens another policy.
   */
  elsewhere: boolean;
  /**
   * The unsaved edit could not be written as a draft (the browser's storage is full: a huge paste,
   * or other policies' drafts): it is lost on reload unless saved. False again once a draft is
   * written, or there is nothing unsaved to keep.
   */
  draftNotKept: boolean;
}

/**
 * What a save did: written over the version it edits (`recreated` when the file had been deleted on
 * disk meanwhile and was written again), or refused because the file is another version now.
 */
export type SaveReply = { ok: true; etag: string; recreated?: boolean } | { ok: false; current: string; etag: string };

/** What the document needs of the editor's server (lib/api.ts in the page, a fake in tests). */
export interface PolicyServer {
  policy(name: string): Promise<PolicyFile>;
  /**
   * Writes `text` over the version `etag`; a reply, not an error, when the file is another version
   * now. A file deleted on disk since (a git checkout of a branch without it) is written again.
   */
  save(name: string, text: string, etag: string): Promise<SaveReply>;
  /** Writes a new file; fails when one of that name exists. */
  create(name: string, text: string): Promise<unknown>;
  template(name: string): Promise<string>;
}

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Refused because a draft is on offer (restore it or discard it first), or another tab edits the policy. */
export type DraftFirst = { ok: false; draftFirst: true } | { ok: false; elsewhere: true };

/**
 * One tab at a time edits a policy (the Web Locks API in the page, lib/edit-locks.ts; a fake in
 * tests): two tabs writing one draft each would overwrite each other's unsaved work.
 */
export interface EditLocks {
  /** Takes the policy's lock when no other tab holds it (true), else false and `freed` is called once this tab holds it after all. */
  take(name: string, freed: () => void): Promise<boolean>;
  /** Lets another tab have it (this tab opened another policy). */
  release(name: string): void;
}

export type SaveOutcome = 'saved' | 'recreated' | 'conflict' | 'unparseable' | 'nothing';

/** How long typing pauses before the draft is written. */
export const DRAFT_DELAY = 250;

/** The version a draft names when it names none: it matches no file, so its save always asks first. */
const UNKNOWN_VERSION = 'unknown';

export const draftKey = (name: string) => `yardstick:draft:${name}`;
/** The text of the version a draft edits, kept beside it so that a conflict can be merged three ways. */
export const draftBaseKey = (name: string) => `yardstick:draft-base:${name}`;

/** The draft stored for a policy, or null when there is none or it is not one. */
export function readDraft(storage: DraftStorage, name: string): Draft | null {
  let stored: unknown;
  try {
    stored = JSON.parse(storage.getItem(draftKey(name)) ?? 'null');
  } catch {
    return null;
  }
  if (!stored || typeof stored !== 'object' || typeof (stored as Draft).text !== 'string') return null;
  const { text, etag, at, newerLost } = stored as Partial<Draft>;
  return {
    text: text!,
    etag: typeof etag === 'string' ? etag : UNKNOWN_VERSION,
    at: typeof at === 'string' ? at : '',
    ...(typeof newerLost === 'string' ? { newerLost } : {}),
  };
}

/** Whether the text differs from the file it was opened from. */
export const isDirty = (s: DocumentState) => s.file !== null && s.text !== s.file.text;

const EMPTY: DocumentState = {
  file: null,
  text: '',
  basedOn: '',
  baseText: null,
  offered: null,
  conflict: null,
  saving: false,
  elsewhere: false,
  draftNotKept: false,
};

export class PolicyDocument {
  private current: DocumentState = EMPTY;
  private listeners: ((next: DocumentState, before: DocumentState) => void)[] = [];
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly server: PolicyServer;
  private readonly storage: DraftStorage;
  private readonly now: () => Date;
  private readonly locks: EditLocks | undefined;

  constructor(o: { server: PolicyServer; storage: DraftStorage; now?: () => Date; locks?: EditLocks }) {
    this.server = o.server;
    this.storage = o.storage;
    this.now = o.now ?? (() => new Date());
    this.locks = o.locks;
  }

  get state(): DocumentState {
    return this.current;
  }

  /** Calls `listener` with every new state; returns the function that stops it. */
  subscribe(listener: (next: DocumentState, before: DocumentState) => void): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }

  /**
   * Opens a policy, offering its stored draft when that differs from the file. A policy that
   * cannot be read (moved off the disk since the picker listed it) throws, and the policy open
   * stays open, its edit lock held: only once another is open can another tab edit this one.
   */
  async open(name: string): Promise<void> {
    this.flush();
    const previous = this.current.file?.name;
    await this.load(name);
    if (previous !== undefined && previous !== name) this.locks?.release(previous);
  }

  /** The editor's text changed. False, and nothing changes, while a draft is on offer. */
  edit(text: string): boolean {
    if (text === this.current.text) return true;
    if (this.current.offered || this.current.elsewhere) return false;
    this.update({ text });
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.keepDraft(), DRAFT_DELAY);
    return true;
  }

  /** A panel sets one value: the engine's YAML edit rewrites only that value. */
  setValue(path: YamlPath, value: string | number | boolean): EditResult | DraftFirst {
    return this.change((text) => setValue(text, path, value), path);
  }

  /** A panel sets a whole mapping or list (a condition from the condition builder). */
  setStructure(path: YamlPath, value: unknown): EditResult | DraftFirst {
    return this.change((text) => setStructure(text, path, value), path);
  }

  /** A panel's structural edit (a rule or a table row added, moved, deleted; a key set or removed). */
  editWith(edit: (text: string) => EditResult, path: YamlPath): EditResult | DraftFirst {
    return this.change(edit, path);
  }

  /** Writes the pending draft now (the page is being hidden or another policy opened). */
  flush(): void {
    if (this.draftTimer === undefined) return;
    clearTimeout(this.draftTimer);
    this.keepDraft();
  }

  /**
   * Puts the offered draft in the editor, still as an edit of the version it was written on: over
   * a file that changed since, the conflict is shown now, and a save can only overwrite the change
   * from the conflict dialog.
   */
  restoreDraft(): void {
    const { offered: draft, file } = this.current;
    if (!draft || !file) return;
    const changedSince = draft.etag !== file.etag;
    const baseText = changedSince ? this.storage.getItem(draftBaseKey(file.name)) : file.text;
    this.update({
      text: draft.text,
      basedOn: draft.etag,
      baseText,
      offered: null,
      conflict: changedSince ? { current: file.text, etag: file.etag, since: 'draft' } : null,
    });
  }

  discardDraft(): void {
    const { file } = this.current;
    if (!file) return;
    this.storage.removeItem(draftKey(file.name));
    this.storage.removeItem(draftBaseKey(file.name));
    this.update({ offered: null });
  }

  /**
   * Saves the text over the version it edits, or with `force` over the version the conflict
   * showed. Text that does not parse as YAML is never sent, nor anything while a draft is on offer.
   * The text saved is read here, as the server reads it (`readYaml`, the CLI's limits): the page's
   * problem list follows the text only after a pause, and a save pressed right after the YAML was
   * fixed was refused on the problems of the text before it (or a broken one sent).
   */
  async save(o: { force?: boolean } = {}): Promise<SaveOutcome> {
    const { file, text, basedOn, conflict, offered } = this.current;
    if (!file || offered) return 'nothing';
    if (!readYaml(text, file.name).ok) return 'unparseable';
    this.update({ saving: true });
    try {
      const reply = await this.server.save(file.name, text, o.force && conflict ? conflict.etag : basedOn);
      if (this.current.file !== file) return reply.ok ? 'saved' : 'conflict'; // another policy was opened meanwhile
      if (!reply.ok) {
        this.update({
          conflict: { current: reply.current, etag: reply.etag, since: basedOn === file.etag ? 'opened' : 'draft' },
        });
        return 'conflict';
      }
      // what was sent is saved; anything typed while the request was out is still a draft
      const saved: PolicyFile = {
        ...file,
        text,
        etag: reply.etag,
        base: file.base.source === 'disk' ? { source: 'disk', text } : file.base,
      };
      this.update({ file: saved, basedOn: reply.etag, baseText: text, conflict: null });
      clearTimeout(this.draftTimer);
      this.keepDraft();
      return reply.recreated ? 'recreated' : 'saved';
    } finally {
      this.update({ saving: false });
    }
  }

  /** Leaves the conflict dialog and goes on editing; the next save is refused again until one version is chosen. */
  closeConflict(): void {
    this.update({ conflict: null });
  }

  /**
   * Takes the merge of the conflict into the editor as an edit of the file as it is now: nothing is
   * written until it is saved, and the next save is refused again if the file changes meanwhile.
   */
  adoptMerge(text: string): void {
    const { file, conflict } = this.current;
    if (!file || !conflict) return;
    this.update({
      file: { ...file, text: conflict.current, etag: conflict.etag },
      basedOn: conflict.etag,
      baseText: conflict.current,
      conflict: null,
    });
    this.edit(text);
    clearTimeout(this.draftTimer);
    this.keepDraft();
  }

  /** Drops the edits and the draft, and loads the file as it is on disk now. */
  async takeTheirs(): Promise<void> {
    const { file } = this.current;
    if (!file) return;
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    this.storage.removeItem(draftKey(file.name));
    this.storage.removeItem(draftBaseKey(file.name));
    await this.load(file.name);
  }

  /**
   * Writes a new policy from a template, its `policy:` id set from the name and its title from
   * `title` through the engine's YAML edit. Returns the file name to open.
   */
  async create(
    typed: string,
    template: string,
    title?: string,
  ): Promise<{ ok: true; name: string } | { ok: false; message: string }> {
    const name = policyFileName(typed);
    if (!name) return { ok: false, message: POLICY_NAME_HELP };
    const withId = setValue(await this.server.template(template), ['policy'], policyIdOf(name));
    if (!withId.ok) return withId;
    // the title the user chose (the page keeps it apart from every existing policy's title)
    const edited = title?.trim() ? setValue(withId.text, ['title'], title.trim()) : withId;
    if (!edited.ok) return edited;
    await this.server.create(name, edited.text);
    return { ok: true, name };
  }

  private async load(name: string): Promise<void> {
    const mine = this.locks ? await this.locks.take(name, () => void this.freed(name)) : true;
    let file: PolicyFile;
    try {
      file = await this.server.policy(name);
    } catch (error) {
      // a policy this tab did not have open is not kept from other tabs by a failed read
      if (mine && this.current.file?.name !== name) this.locks?.release(name);
      throw error;
    }
    const stored = mine ? readDraft(this.storage, name) : null;
    this.update({
      file,
      text: file.text,
      basedOn: file.etag,
      baseText: file.text,
      offered: stored && stored.text !== file.text ? stored : null,
      conflict: null,
      elsewhere: !mine,
      draftNotKept: false,
    });
  }

  /** The other tab let the policy go: opened afresh here, its draft offered; or let go again when this tab moved on. */
  private async freed(name: string): Promise<void> {
    if (this.current.file?.name !== name || !this.current.elsewhere) return this.locks?.release(name);
    await this.load(name);
  }

  /** A panel's edit at `path`; a value set back to the file's keeps the file's own text for it. */
  private change(edit: (text: string) => EditResult, path: YamlPath): EditResult | DraftFirst {
    const { offered, file, text, elsewhere } = this.current;
    if (elsewhere) return { ok: false, elsewhere: true };
    if (offered) return { ok: false, draftFirst: true };
    const r = edit(text);
    if (!r.ok) return r;
    const kept = file ? keepOriginalSpelling(file.text, r.text, path) : r.text;
    this.edit(kept);
    return { ...r, text: kept };
  }

  /**
   * The draft follows the text: written while the text is not the file's, removed when it is
   * again. Never while a draft is on offer: that one stays until it is restored or discarded.
   */
  private keepDraft(): void {
    this.draftTimer = undefined;
    const { file, text, basedOn, baseText, offered, elsewhere } = this.current;
    if (!file || offered || elsewhere) return;
    if (text === file.text && basedOn === file.etag) {
      this.storage.removeItem(draftKey(file.name));
      this.storage.removeItem(draftBaseKey(file.name));
      if (this.current.draftNotKept) this.update({ draftNotKept: false });
      return;
    }
    try {
      this.storage.setItem(
        draftKey(file.name),
        JSON.stringify({ text, etag: basedOn, at: this.now().toISOString() } satisfies Draft),
      );
    } catch {
      // the storage is full (QuotaExceededError): the page says the edit lives in the page only
      this.markOlder(file.name);
      if (!this.current.draftNotKept) this.update({ draftNotKept: true });
      return;
    }
    try {
      if (baseText === null) this.storage.removeItem(draftBaseKey(file.name));
      else this.storage.setItem(draftBaseKey(file.name), baseText);
    } catch {
      // the draft is kept without its base: a conflict is then shown two ways, as for an older draft
      this.storage.removeItem(draftBaseKey(file.name));
    }
    if (this.current.draftNotKept) this.update({ draftNotKept: false });
  }

  /**
   * A newer edit did not fit: the draft stored before it (an earlier state of the same work) stays,
   * marked older, so that a later visit never restores it silently as the latest work. When even
   * the mark does not fit, it is removed with its base.
   */
  private markOlder(name: string): void {
    const older = readDraft(this.storage, name);
    if (!older) return;
    try {
      this.storage.setItem(
        draftKey(name),
        JSON.stringify({ ...older, newerLost: this.now().toISOString() } satisfies Draft),
      );
    } catch {
      this.storage.removeItem(draftKey(name));
      this.storage.removeItem(draftBaseKey(name));
    }
  }

  private update(change: Partial<DocumentState>): void {
    const before = this.current;
    this.current = { ...before, ...change };
    for (const listener of this.listeners) listener(this.current, before);
  }
}
