import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresSkipReason, postgresUrl } from '@/lib/testing/databases';
import { freshPostgres } from '@/lib/testing/fresh-postgres';
import { type TopologyNotice, TopologyNotifier } from './topology-notify';

/** A notifier that records what reaches it. */
function recorder(url: string) {
  const notices: TopologyNotice[] = [];
  let lost = 0;
  const notifier = new TopologyNotifier(url, { notice: (n) => notices.push(n), lost: () => lost++ });
  return { notifier, notices, lost: () => lost };
}

const until = async (what: () => boolean) => {
  for (let i = 0; i < 100 && !what(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe.skipIf(!postgresUrl)(`snapshot notices between console processes ${postgresSkipReason}`, () => {
  let db: Awaited<ReturnType<typeof freshPostgres>>;
  beforeAll(async () => {
    db = await freshPostgres('eni_notify');
  });
  afterAll(async () => db?.drop());

  it("carries one process's change and refresh to the others, never back to itself", async () => {
    const a = recorder(db.url);
    const b = recorder(db.url);
    const c = recorder(db.url);
    try {
      expect(await Promise.all([a.notifier.start(), b.notifier.start(), c.notifier.start()])).toEqual([
        true,
        true,
        true,
      ]);
      await a.notifier.publish('changed', '111122223333:eu-west-1');
      await b.notifier.publish('refreshed', null);
      await until(() => b.notices.length > 0 && c.notices.length > 1 && a.notices.length > 0);
      expect(a.notices).toEqual([{ origin: b.notifier.origin, kind: 'refreshed', scope: null }]);
      expect(b.notices).toEqual([{ origin: a.notifier.origin, kind: 'changed', scope: '111122223333:eu-west-1' }]);
      expect(c.notices.map((n) => n.kind)).toEqual(['changed', 'refreshed']);
    } finally {
      await Promise.all([a.notifier.close(), b.notifier.close(), c.notifier.close()]);
    }
  });

  it('says notices may have been lost when its connection drops, so every kept snapshot is dropped', async () => {
    const a = recorder(db.url);
    try {
      await a.notifier.start();
      const { Client } = await import('pg');
      const admin = new Client({ connectionString: db.url });
      await admin.connect();
      // End every other session on this database: the listener's among them.
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      await admin.end();
      await until(() => a.lost() > 0);
      expect(a.lost()).toBe(1);
    } finally {
      await a.notifier.close();
    }
  });
});
