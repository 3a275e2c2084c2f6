// Employee id → the row it first appeared on, for the duplicate check of a file's rows: a hash
// table of its own (open addressing on typed arrays, each id's hash kept) rather than a Map. A run
// of a million rows asks it a million times, for ids it has mostly never seen: a Map of strings
// hashes each fresh id and then reads the entry and its key from memory scattered over a large
// table; here a miss reads one number.

const EMPTY = 0;

export class IdRows {
  /** index into the entries + 1, at the id's hash (EMPTY: none) */
  private slots = new Int32Array(1 << 10);
  private mask = (1 << 10) - 1;
  private hashes = new Int32Array(1 << 9);
  private readonly ids: string[] = [];
  private readonly rows: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  /** The row `id` first appeared on, or undefined. */
  get(id: string): number | undefined {
    const e = this.find(id, hashOf(id));
    return e < 0 ? undefined : this.rows[e];
  }

  /** Records `row` for `id` (replacing the row an id already has). */
  set(id: string, row: number): void {
    const h = hashOf(id);
    const e = this.find(id, h);
    if (e >= 0) {
      this.rows[e] = row;
      return;
    }
    const at = this.ids.length;
    if ((at + 1) * 2 > this.slots.length) this.grow();
    if (at === this.hashes.length) {
      const more = new Int32Array(this.hashes.length * 2);
      more.set(this.hashes);
      this.hashes = more;
    }
    this.ids.push(id);
    this.rows.push(row);
    this.hashes[at] = h;
    this.place(at, h);
  }

  private find(id: string, h: number): number {
    const { slots, mask, hashes, ids } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const s = slots[i]!;
      if (s === EMPTY) return -1;
      const e = s - 1;
      if (hashes[e] === h && ids[e] === id) return e;
    }
  }

  private place(e: number, h: number): void {
    const { slots, mask } = this;
    let i = h & mask;
    while (slots[i] !== EMPTY) i = (i + 1) & mask;
    slots[i] = e + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let e = 0; e < this.ids.length; e++) this.place(e, this.hashes[e]!);
  }
}

/** FNV-1a over the UTF-16 code units, then mixed so that the low bits (the table's index) vary. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
