// Locks on the resources an apply involves, so two applies on one resource never interleave their EC2 calls.
// The interface is what a Postgres advisory-lock implementation (lib/db) will provide for several console
// processes; InProcessLocks serializes the applies of one process.
import 'server-only';

/** Who holds a lock: the user, the change in words, and since when (ISO 8601). */
export type LockOwner = { user: string; change: string; since: string };

export type LockGrant =
  | { ok: true; release: () => Promise<void> }
  /** Still held by someone else after waiting: which resource, and by whom. */
  | { ok: false; resource: string; holder: LockOwner };

export interface ResourceLocks {
  /**
   * Takes every resource's lock, in sorted order (the caller may pass any order; implementations sort, so two
   * applies never wait on each other crosswise), waiting at most `waitMs` in total. On time-out, releases what it
   * took and answers who holds the one it waited for.
   */
  acquire(resources: readonly string[], owner: LockOwner, waitMs: number): Promise<LockGrant>;
}

/** The lock keys of a move's resources: ids as they are, private IPs as `ip:<address>`. Sorted, unique. */
export function lockKeys(ids: readonly string[], ips: readonly string[] = []): string[] {
  return [...new Set([...ids, ...ips.map((ip) => `ip:${ip}`)])].sort();
}

type Held = { owner: LockOwner; waiters: (() => void)[] };

/** Locks of this process only: enough for one console process; lib/db's advisory locks replace it for several. */
export class InProcessLocks implements ResourceLocks {
  private readonly held = new Map<string, Held>();

  async acquire(resources: readonly string[], owner: LockOwner, waitMs: number): Promise<LockGrant> {
    const keys = [...new Set(resources)].sort();
    const until = Date.now() + waitMs;
    const taken: string[] = [];
    for (const key of keys) {
      for (;;) {
        const current = this.held.get(key);
        if (!current) break;
        const left = until - Date.now();
        if (left <= 0 || !(await this.waitFor(current, left))) {
          for (const k of taken) this.release(k);
          const holder = this.held.get(key)?.owner ?? current.owner;
          return { ok: false, resource: key, holder };
        }
      }
      this.held.set(key, { owner, waiters: [] });
      taken.push(key);
    }
    let released = false;
    return {
      ok: true,
      release: async () => {
        if (released) return;
        released = true;
        for (const k of taken) this.release(k);
      },
    };
  }

  /** Resolves true when the holder lets go, false after `ms`. */
  private waitFor(held: Held, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        held.waiters = held.waiters.filter((w) => w !== wake);
        resolve(false);
      }, ms);
      held.waiters.push(wake);
    });
  }

  private release(key: string): void {
    const held = this.held.get(key);
    if (!held) return;
    this.held.delete(key);
    for (const wake of held.waiters) wake();
  }
}

/**
 * Locks for the parts of a change that already holds `held` (a failover holds every resource of all its parts from
 * the first call to the last): a part's acquire takes nothing again for those keys and only waits for the others.
 */
export function withinHeld(inner: ResourceLocks, held: readonly string[]): ResourceLocks {
  const mine = new Set(held);
  return {
    acquire: async (resources, owner, waitMs) => {
      const rest = resources.filter((r) => !mine.has(r));
      return rest.length ? inner.acquire(rest, owner, waitMs) : { ok: true, release: async () => {} };
    },
  };
}
