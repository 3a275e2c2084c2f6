// One tab at a time edits a policy, by the browser's Web Locks API: a lock per policy name, held
// while the tab has that policy open, let go when it opens another or closes (the browser drops a
// closed tab's locks). A tab that finds the lock taken waits for it in the background.

import type { EditLocks } from './document.js';

const lockName = (policy: string) => `yardstick:edit:${policy}`;

export class BrowserEditLocks implements EditLocks {
  /** Locks this tab holds: resolving the promise lets the lock go. */
  private readonly held = new Map<string, () => void>();
  /** Policies whose lock this tab waits for. */
  private readonly waiting = new Set<string>();
  /** Takes under way: a second take of the same policy meanwhile (the page opening it twice) gets the first one's answer. */
  private readonly taking = new Map<string, Promise<boolean>>();

  constructor(private readonly locks: LockManager = navigator.locks) {}

  take(name: string, freed: () => void): Promise<boolean> {
    if (this.held.has(name)) return Promise.resolve(true);
    const under = this.taking.get(name);
    if (under) return under;
    const taken = new Promise<boolean>((resolve) => {
      void this.locks.request(lockName(name), { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(false);
          this.wait(name, freed);
          return undefined;
        }
        const held = this.hold(name);
        resolve(true);
        return held;
      });
    });
    this.taking.set(name, taken);
    void taken.then(() => this.taking.delete(name));
    return taken;
  }

  release(name: string): void {
    const release = this.held.get(name);
    this.held.delete(name);
    release?.();
  }

  private wait(name: string, freed: () => void): void {
    if (this.waiting.has(name)) return;
    this.waiting.add(name);
    void this.locks.request(lockName(name), () => {
      this.waiting.delete(name);
      const held = this.hold(name);
      freed();
      return held;
    });
  }

  /** Held until `release`. */
  private hold(name: string): Promise<void> {
    return new Promise<void>((release) => this.held.set(name, release));
  }
}
