// The server's warm snapshots: the last snapshot of each scope (account and region), answered at once with its age
// while one background load per scope revalidates it (stale-while-revalidate), a bounded number of scopes kept.
// Pure bookkeeping over a `load` function: readTopology (topology.ts) gives it the EC2 read and the deadline.
import type { Snapshot } from '@/lib/topology';

/** Which account and region a snapshot is of; the cache is keyed by `${account}:${region}` (scopeKey). */
export type TopologyScope = { account: string; region: string };

export const scopeKey = (scope: TopologyScope): string => `${scope.account}:${scope.region}`;

/** A snapshot as the cache answers it: when it was read, and whether a newer one is being read in the background. */
export type Kept = { snapshot: Snapshot; readAt: number; revalidating: boolean };

export type CachePolicy = {
  /** A snapshot younger than this answers any read as it is (a reload storm never becomes a storm of EC2 calls). */
  reuseMs: number;
  /** A snapshot younger than this answers a read at once while it is revalidated; 0 turns warm answers off. */
  warmMs: number;
  /** How many scopes keep a snapshot (the least recently read goes first). */
  maxScopes: number;
};

type Flight = { promise: Promise<Snapshot>; generation: number };
/** stale: another server read a newer snapshot; this one still answers warm, but never as fresh as reuseMs. */
type Entry = {
  snapshot: Snapshot | null;
  readAt: number;
  stale: boolean;
  generation: number;
  flight: Flight | null;
  /** A revalidation is promised (its start deferred until the warm answer is sent, see read's `defer`). */
  scheduled: boolean;
};

/** Starts the background revalidation of a warm answer: at once, or once that answer has been sent. */
export type Defer = (start: () => void) => void;

export class SnapshotCache {
  /** In insertion order = least recently read first (a read moves its entry to the end). */
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly policy: () => CachePolicy) {}

  /**
   * The scope's snapshot: the kept one when young enough (revalidated in the background when older than reuseMs),
   * else the one being loaded (a single flight per scope). `fresh`: never an answer older than reuseMs. `defer`: when
   * the revalidation of a warm answer starts (issue 11: on `xlarge`, a load started at once competed for the CPU with
   * the compression of the 35 MB answer and made it 5 s instead of 0.6 s); the answer says `revalidating` either way.
   */
  read(
    key: string,
    load: () => Promise<Snapshot>,
    fresh = false,
    defer: Defer = (start) => start(),
  ): { kept: Kept } | { loading: Promise<Kept> } {
    const { reuseMs, warmMs } = this.policy();
    const entry = this.touch(key);
    const age = entry.snapshot ? Date.now() - entry.readAt : Infinity;
    const reusable = age < reuseMs && !entry.stale;
    if (entry.snapshot && (reusable || (!fresh && age < warmMs))) {
      if (!reusable && !this.inFlight(entry) && !entry.scheduled) {
        entry.scheduled = true;
        defer(() => {
          entry.scheduled = false;
          this.revalidate(key, entry, load).catch(() => {}); // the kept one stays on failure
        });
      }
      const revalidating = this.inFlight(entry) || entry.scheduled;
      return { kept: { snapshot: entry.snapshot, readAt: entry.readAt, revalidating } };
    }
    return {
      loading: this.revalidate(key, entry, load).then((snapshot) => ({
        snapshot,
        readAt: Date.now(),
        revalidating: false,
      })),
    };
  }

  /**
   * After a change: the scope's (or, without a key, every scope's) snapshot is dropped, and a load already under
   * way is never handed to a read after this (it may have read the account before the change).
   */
  invalidate(key?: string): void {
    for (const [k, entry] of this.entries) {
      if (key !== undefined && k !== key) continue;
      entry.snapshot = null;
      entry.generation += 1;
    }
  }

  /** Another server read a newer snapshot: ours is kept for warm answers, but the next read revalidates it. */
  markStale(key?: string): void {
    for (const [k, entry] of this.entries) if (key === undefined || k === key) entry.stale = true;
  }

  /** The scopes with a kept snapshot, least recently read first (for tests and the bench). */
  scopes(): string[] {
    return [...this.entries].filter(([, e]) => e.snapshot).map(([k]) => k);
  }

  private inFlight(entry: Entry): boolean {
    return entry.flight !== null && entry.flight.generation === entry.generation;
  }

  private touch(key: string): Entry {
    const entry = this.entries.get(key) ?? {
      snapshot: null,
      readAt: 0,
      stale: false,
      generation: 0,
      flight: null,
      scheduled: false,
    };
    this.entries.delete(key);
    this.entries.set(key, entry);
    // Bounded memory: a snapshot of a large account is tens of MB; the least recently read scopes let go of theirs.
    const { maxScopes } = this.policy();
    for (const [k, e] of this.entries) {
      if (this.entries.size <= Math.max(1, maxScopes)) break;
      if (k !== key && !e.flight) this.entries.delete(k);
    }
    return entry;
  }

  private revalidate(key: string, entry: Entry, load: () => Promise<Snapshot>): Promise<Snapshot> {
    if (entry.flight && entry.flight.generation === entry.generation) return entry.flight.promise;
    const flight: Flight = { promise: load(), generation: entry.generation };
    entry.flight = flight;
    flight.promise.then(
      (snapshot) => {
        if (entry.flight === flight) entry.flight = null;
        // A load that began before an invalidation is not kept: it may predate the change.
        if (flight.generation !== entry.generation) return;
        entry.snapshot = snapshot;
        entry.readAt = Date.now();
        entry.stale = false;
        if (!this.entries.has(key)) this.entries.set(key, entry);
      },
      () => {
        if (entry.flight === flight) entry.flight = null;
      },
    );
    return flight.promise;
  }
}
