import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoSnapshot } from '@/lib/testing/snapshots';
import type { Snapshot } from '@/lib/topology';
import { type CachePolicy, SnapshotCache, scopeKey } from './snapshot-cache';

/** A load the test settles by hand, counting how many were started. */
function loads() {
  const pending: { resolve(s: Snapshot): void; reject(e: Error): void }[] = [];
  const load = () => new Promise<Snapshot>((resolve, reject) => pending.push({ resolve, reject }));
  return { load, pending };
}
const snap = (region: string): Snapshot => ({ ...demoSnapshot(), region });
const flush = () => new Promise((r) => setTimeout(r, 0));

function cacheWith(policy: Partial<CachePolicy> = {}) {
  return new SnapshotCache(() => ({ reuseMs: 2_000, warmMs: 60_000, maxScopes: 8, ...policy }));
}

/** A cache whose snapshot of `a:r` ('old') was read 10 s ago: past the reuse interval, within the warm one. */
async function keptTenSecondsAgo() {
  vi.useFakeTimers({ toFake: ['Date'] });
  const cache = cacheWith();
  const { load, pending } = loads();
  cache.read('a:r', load);
  pending[0]!.resolve(snap('old'));
  await flush();
  vi.setSystemTime(Date.now() + 10_000);
  return { cache, load, pending };
}

const loadedRegion = async (read: ReturnType<SnapshotCache['read']>) =>
  'loading' in read ? (await read.loading).snapshot.region : 'a kept snapshot, not a load';

afterEach(() => vi.useRealTimers());

describe('the warm snapshot cache', () => {
  it('keys a scope by account and region', () => {
    expect(scopeKey({ account: '111122223333', region: 'eu-west-1' })).toBe('111122223333:eu-west-1');
  });

  it('answers a kept snapshot at once, with its read time, while one background load revalidates it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const cache = cacheWith();
    const { load, pending } = loads();
    const first = cache.read('a:r', load);
    expect('loading' in first).toBe(true);
    pending[0]!.resolve(snap('old'));
    const cold = await (first as { loading: Promise<{ readAt: number }> }).loading;
    vi.setSystemTime(Date.now() + 10_000);
    const warm = cache.read('a:r', load);
    const again = cache.read('a:r', load);
    expect(warm).toMatchObject({ kept: { revalidating: true, readAt: cold.readAt } });
    expect('kept' in warm && warm.kept.snapshot.region).toBe('old');
    expect('kept' in again && again.kept.revalidating).toBe(true);
    expect(pending).toHaveLength(2); // one flight for both reads
    pending[1]!.resolve(snap('new'));
    await flush();
    const after = cache.read('a:r', load);
    expect('kept' in after && after.kept.snapshot.region).toBe('new');
    expect('kept' in after && after.kept.revalidating).toBe(false);
  });

  it('makes a fresh read wait for the load, joining the one already under way', async () => {
    const { cache, load, pending } = await keptTenSecondsAgo();
    cache.read('a:r', load); // warm answer, starts the revalidation
    const fresh = cache.read('a:r', load, true);
    expect('loading' in fresh).toBe(true);
    expect(pending).toHaveLength(2);
    pending[1]!.resolve(snap('new'));
    expect(await loadedRegion(fresh)).toBe('new');
  });

  it('starts the revalidation of a warm answer only when its deferral says so, saying revalidating meanwhile', async () => {
    const { cache, load, pending } = await keptTenSecondsAgo();
    const starts: (() => void)[] = [];
    const defer = (start: () => void) => void starts.push(start);
    const warm = cache.read('a:r', load, false, defer);
    const again = cache.read('a:r', load, false, defer);
    expect(warm).toMatchObject({ kept: { revalidating: true } });
    expect(again).toMatchObject({ kept: { revalidating: true } });
    expect(pending).toHaveLength(1); // nothing loads while the answer is being sent
    expect(starts).toHaveLength(1); // and one revalidation is promised for both reads
    starts[0]!();
    expect(pending).toHaveLength(2);
    const fresh = cache.read('a:r', load, true); // the page's read of the newer snapshot joins it
    expect(pending).toHaveLength(2);
    pending[1]!.resolve(snap('new'));
    expect(await loadedRegion(fresh)).toBe('new');
  });

  it('lets a fresh read that comes before a deferred revalidation starts load, and the start join it', async () => {
    const { cache, load, pending } = await keptTenSecondsAgo();
    const starts: (() => void)[] = [];
    cache.read('a:r', load, false, (start) => void starts.push(start));
    const fresh = cache.read('a:r', load, true);
    expect(pending).toHaveLength(2);
    starts[0]!();
    expect(pending).toHaveLength(2); // one load for both
    pending[1]!.resolve(snap('new'));
    expect(await loadedRegion(fresh)).toBe('new');
    expect(cache.read('a:r', load)).toMatchObject({ kept: { revalidating: false } });
  });

  it('drops the snapshot on invalidation and never keeps a load that began before it', async () => {
    const cache = cacheWith();
    const { load, pending } = loads();
    cache.read('a:r', load);
    pending[0]!.resolve(snap('before'));
    await flush();
    cache.markStale('a:r');
    const warm = cache.read('a:r', load); // revalidating from before the change
    expect('kept' in warm && warm.kept).toMatchObject({ revalidating: true });
    cache.invalidate('a:r');
    const next = cache.read('a:r', load);
    expect('loading' in next).toBe(true);
    expect(pending).toHaveLength(3); // the earlier flight is not joined
    pending[1]!.resolve(snap('read before the change'));
    pending[2]!.resolve(snap('after'));
    expect((await (next as { loading: Promise<{ snapshot: Snapshot }> }).loading).snapshot.region).toBe('after');
    await flush();
    const kept = cache.read('a:r', load);
    expect('kept' in kept && kept.kept.snapshot.region).toBe('after');
  });

  it('answers nothing warm when warm answers are off, and keeps a snapshot when a revalidation fails', async () => {
    const cold = cacheWith({ warmMs: 0, reuseMs: 0 });
    const a = loads();
    cold.read('a:r', a.load);
    a.pending[0]!.resolve(snap('x'));
    await flush();
    expect('loading' in cold.read('a:r', a.load)).toBe(true);

    const warm = cacheWith({ reuseMs: 0 });
    const b = loads();
    warm.read('a:r', b.load);
    b.pending[0]!.resolve(snap('kept'));
    await flush();
    warm.read('a:r', b.load);
    b.pending[1]!.reject(new Error('throttled'));
    await flush();
    const after = warm.read('a:r', b.load);
    expect('kept' in after && after.kept.snapshot.region).toBe('kept');
  });

  it('keeps at most maxScopes snapshots, letting go of the least recently read', async () => {
    const cache = cacheWith({ maxScopes: 2 });
    const { load, pending } = loads();
    for (const key of ['a:1', 'a:2']) cache.read(key, load);
    pending.forEach((p, i) => p.resolve(snap(String(i))));
    await flush();
    cache.read('a:1', load); // a:1 read last: a:2 is the oldest
    cache.read('a:3', load);
    pending[2]!.resolve(snap('3'));
    await flush();
    expect(cache.scopes()).toEqual(['a:1', 'a:3']);
  });
});
