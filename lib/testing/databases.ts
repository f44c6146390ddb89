// The database backends the tests run against: PGlite always, and a Postgres server when TEST_DATABASE_URL names
// one (npm test starts a throwaway cluster when it runs as root). Each opened database is new and empty.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle, type DatabaseOptions } from '@/lib/db/database';

export type TestBackend = {
  name: 'pglite' | 'postgres';
  /** Options for a new empty database, and a cleanup to call after the test. */
  fresh(): Promise<{ options: DatabaseOptions; cleanup(): Promise<void> }>;
};

export const postgresUrl = process.env.TEST_DATABASE_URL;
export const postgresSkipReason = postgresUrl
  ? ''
  : '(skipped: no Postgres server — set TEST_DATABASE_URL, or run npm test as root to start one)';

const pglite: TestBackend = {
  name: 'pglite',
  async fresh() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'eni-db-'));
    return { options: { dataDir: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

const postgres: TestBackend = {
  name: 'postgres',
  async fresh() {
    const { Client } = await import('pg');
    const name = `eni_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(postgresUrl!);
    url.pathname = `/${name}`;
    return {
      options: { url: url.toString() },
      cleanup: async () => {
        const c = new Client({ connectionString: postgresUrl });
        await c.connect();
        // A pool's end() resolves before its sockets have closed: a forced drop that meets one of the test's own
        // connections still closing terminates it, and that client throws 57P01 outside any test (a CI run failed
        // on it). So wait until the server shows none left (bounded), then drop; FORCE only for a leftover.
        for (let i = 0; i < 100; i++) {
          const open = await c.query<{ n: number }>(
            'select count(*)::int as n from pg_stat_activity where datname = $1',
            [name],
          );
          if (open.rows[0]?.n === 0) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  },
};

/** PGlite, and Postgres when a server is available (see postgresSkipReason). */
export const testBackends: { backend: TestBackend; skip: boolean; title: string }[] = [
  { backend: pglite, skip: false, title: 'pglite' },
  { backend: postgres, skip: !postgresUrl, title: `postgres ${postgresSkipReason}`.trim() },
];

/** Opens a new empty database on a backend; returns it with a cleanup that closes and removes it. */
export async function freshDatabase(
  backend: TestBackend,
): Promise<DatabaseHandle & { options: DatabaseOptions; dispose(): Promise<void> }> {
  const { options, cleanup } = await backend.fresh();
  const handle = await openDatabase(options);
  return {
    ...handle,
    options,
    dispose: async () => {
      await handle.close().catch(() => {});
      await cleanup();
    },
  };
}
