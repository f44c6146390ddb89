// Postgres advisory locks as two console processes see them (two lock sets on one database, each with its own
// connections): mutual exclusion, a bounded wait answering the holder, nothing kept after a time-out or release.
import { describe, expect, it } from 'vitest';
import { freshDatabase, postgresSkipReason, postgresUrl, testBackends } from '@/lib/testing/databases';
import { AdvisoryLocks } from './advisory-locks';

const owner = (user: string) => ({ user, change: `${user}'s change`, since: '2026-01-01T00:00:00.000Z' });
const postgres = testBackends.find((b) => b.backend.name === 'postgres')!;

describe(`AdvisoryLocks on postgres ${postgresSkipReason}`.trim(), () => {
  it.skipIf(!postgresUrl)(
    'excludes another process until release, and names the holder after the bounded wait',
    async () => {
      const h = await freshDatabase(postgres.backend);
      const a = new AdvisoryLocks(h.db, h.options.url!);
      const b = new AdvisoryLocks(h.db, h.options.url!);
      try {
        const first = await a.acquire(['eni-b', 'ip:10.0.1.20'], owner('alice'), 100);
        if (!first.ok) throw new Error('expected the lock');
        const busy = await b.acquire(['eni-a', 'ip:10.0.1.20'], owner('bob'), 150);
        expect(busy).toEqual({ ok: false, resource: 'ip:10.0.1.20', holder: owner('alice') });
        // eni-a, taken before the wait, was let go: a third process gets it at once.
        const c = await b.acquire(['eni-a'], owner('carol'), 0);
        expect(c.ok).toBe(true);
        if (c.ok) await c.release();

        const waiting = b.acquire(['ip:10.0.1.20'], owner('bob'), 5_000);
        setTimeout(() => void first.release(), 100);
        const second = await waiting;
        expect(second.ok).toBe(true);
        if (second.ok) await second.release();
        expect(await h.db.selectFrom('lock_holder').selectAll().execute()).toEqual([]);
      } finally {
        await a.close();
        await b.close();
        await h.dispose();
      }
    },
  );

  it.skipIf(!postgresUrl)('serializes many racing acquirers of overlapping keys without deadlock', async () => {
    const h = await freshDatabase(postgres.backend);
    const sets = [new AdvisoryLocks(h.db, h.options.url!), new AdvisoryLocks(h.db, h.options.url!)];
    try {
      let inside = 0;
      let most = 0;
      const work = async (i: number) => {
        const keys = i % 2 ? ['eni-a', 'eni-b'] : ['eni-b', 'eni-a'];
        const grant = await sets[i % 2]!.acquire(keys, owner(`user${i}`), 20_000);
        if (!grant.ok) return false;
        inside++;
        most = Math.max(most, inside);
        await new Promise((r) => setTimeout(r, 5));
        inside--;
        await grant.release();
        return true;
      };
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => work(i)));
      expect(results.every(Boolean)).toBe(true);
      expect(most).toBe(1);
    } finally {
      for (const s of sets) await s.close();
      await h.dispose();
    }
  });
});
