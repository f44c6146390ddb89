// The in-process locks: sorted acquisition, a bounded wait that names the holder, release on time-out.
import { describe, expect, it } from 'vitest';
import { InProcessLocks, lockKeys } from './locks';

const owner = (user: string) => ({ user, change: `${user}'s change`, since: '2026-01-01T00:00:00.000Z' });

describe('InProcessLocks', () => {
  it('lets a second acquirer in once the first releases', async () => {
    const locks = new InProcessLocks();
    const first = await locks.acquire(['eni-b', 'eni-a'], owner('alice'), 100);
    if (!first.ok) throw new Error('expected the lock');
    const second = locks.acquire(['eni-a'], owner('bob'), 1_000);
    setTimeout(() => void first.release(), 50);
    expect((await second).ok).toBe(true);
  });

  it('answers busy with the holder after the bounded wait, keeping nothing it took', async () => {
    const locks = new InProcessLocks();
    const first = await locks.acquire(['eni-b'], owner('alice'), 100);
    if (!first.ok) throw new Error('expected the lock');
    const busy = await locks.acquire(['eni-a', 'eni-b'], owner('bob'), 50);
    expect(busy).toEqual({ ok: false, resource: 'eni-b', holder: owner('alice') });
    // eni-a, taken before the wait on eni-b, was let go.
    expect((await locks.acquire(['eni-a'], owner('carol'), 0)).ok).toBe(true);
  });

  it('keys IPs apart from ids, sorted and unique', () => {
    expect(lockKeys(['eni-b', 'eni-a', 'eni-b'], ['10.0.1.11'])).toEqual(['eni-a', 'eni-b', 'ip:10.0.1.11']);
  });
});
