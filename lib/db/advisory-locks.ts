// Resource locks shared by every console process on one Postgres: a Postgres advisory lock per resource key
// (the key hashed to a bigint by hashtextextended), held on a dedicated connection for the apply's duration,
// with who holds it in lock_holder so a process that times out can name the holder. PGlite needs none of this:
// the embedded database refuses a second process, so the console's in-process locks are already complete there.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Pool, PoolClient } from 'pg';
import type { LockGrant, LockOwner, ResourceLocks } from '@/lib/ec2/locks';
import type { Database } from './schema';

export type AdvisoryLockOptions = {
  /** Connections reserved for held locks (one per running apply), beside the database's own pool. */
  connections?: number;
  /** How often a waiting apply tries again. */
  pollMs?: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class AdvisoryLocks implements ResourceLocks {
  private readonly pool: Promise<Pool>;
  private readonly pollMs: number;

  constructor(
    private readonly db: Kysely<Database>,
    url: string,
    options: AdvisoryLockOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 25;
    this.pool = import('pg').then(({ Pool }) => {
      const pool = new Pool({ connectionString: url, max: options.connections ?? 20 });
      // A broken idle connection must not crash the process; the next acquire opens another.
      pool.on('error', () => {});
      return pool;
    });
  }

  /**
   * Takes every key's lock with pg_try_advisory_lock in sorted order on one connection; when one is taken by
   * another session, lets go of the ones it took, returns the connection and tries again after a short pause
   * (so a waiter holds no connection and no lock), until `waitMs` has passed: then `busy` with the holder.
   */
  async acquire(resources: readonly string[], owner: LockOwner, waitMs: number): Promise<LockGrant> {
    const keys = [...new Set(resources)].sort();
    const until = Date.now() + waitMs;
    const token = randomUUID();
    let blocked = keys[0] ?? '';
    for (;;) {
      const client = await this.connect(until - Date.now());
      if (client) {
        const taken: string[] = [];
        let failed: string | null = null;
        try {
          for (const key of keys) {
            const r = await client.query<{ ok: boolean }>(
              'select pg_try_advisory_lock(hashtextextended($1, 0)) as ok',
              [key],
            );
            if (r.rows[0]?.ok) taken.push(key);
            else {
              failed = key;
              break;
            }
          }
        } catch (err) {
          client.release(err as Error);
          throw err;
        }
        if (failed === null) return this.granted(client, keys, owner, token);
        blocked = failed;
        await this.unlock(client, taken);
      }
      const left = until - Date.now();
      if (left <= 0) return { ok: false, resource: blocked, holder: await this.holderOf(blocked) };
      await sleep(Math.min(left, this.pollMs * (0.5 + Math.random())));
    }
  }

  async close(): Promise<void> {
    await (await this.pool).end();
  }

  private async granted(client: PoolClient, keys: string[], owner: LockOwner, token: string): Promise<LockGrant> {
    const rows = keys.map((key) => ({ key, token, user_name: owner.user, change: owner.change, since: owner.since }));
    try {
      if (rows.length > 0) {
        await this.db
          .insertInto('lock_holder')
          .values(rows)
          .onConflict((oc) =>
            oc.column('key').doUpdateSet((eb) => ({
              token: eb.ref('excluded.token'),
              user_name: eb.ref('excluded.user_name'),
              change: eb.ref('excluded.change'),
              since: eb.ref('excluded.since'),
            })),
          )
          .execute();
      }
    } catch (err) {
      await this.unlock(client, keys);
      throw err;
    }
    let released = false;
    return {
      ok: true,
      release: async () => {
        if (released) return;
        released = true;
        try {
          await this.db.deleteFrom('lock_holder').where('token', '=', token).execute();
        } finally {
          await this.unlock(client, keys);
        }
      },
    };
  }

  /** Lets go of `keys` and returns the connection; a connection that fails to unlock is closed (which unlocks). */
  private async unlock(client: PoolClient, keys: string[]): Promise<void> {
    try {
      for (const key of [...keys].reverse())
        await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [key]);
      client.release();
    } catch (err) {
      client.release(err as Error);
    }
  }

  /** A connection within `ms`, or null when none frees up in time (every lock connection is in use). */
  private async connect(ms: number): Promise<PoolClient | null> {
    const pool = await this.pool;
    const pending = pool.connect();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((r) => (timer = setTimeout(() => r(null), Math.max(0, ms))));
    const winner = await Promise.race([pending, timeout]);
    clearTimeout(timer);
    // Late: hand the connection straight back.
    if (winner === null)
      pending.then(
        (c) => c.release(),
        () => {},
      );
    return winner;
  }

  private async holderOf(key: string): Promise<LockOwner> {
    const row = await this.db
      .selectFrom('lock_holder')
      .select(['user_name', 'change', 'since'])
      .where('key', '=', key)
      .executeTakeFirst();
    return row
      ? { user: row.user_name, change: row.change, since: row.since }
      : {
          user: 'another console process',
          change: 'a change that has just finished or is starting',
          since: new Date().toISOString(),
        };
  }
}
