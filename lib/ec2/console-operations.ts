// The console process's journal and locks: in its database (lib/db), so an apply is on record before its first
// EC2 call and survives a crash; Postgres advisory locks when the database is a Postgres server that several
// console processes may share, the process's own locks on PGlite (which only one process can open).
import 'server-only';
import { AdvisoryLocks } from '@/lib/db/advisory-locks';
import { type DatabaseHandle, getDatabase, optionsFromEnv } from '@/lib/db/database';
import { DbJournal } from '@/lib/db/journal';
import { processLocks } from './execute';
import type { ResourceLocks } from './locks';

export type ConsoleOperations = { journal: DbJournal; locks: ResourceLocks };

const shared = globalThis as typeof globalThis & {
  __eniConsoleOperations?: WeakMap<DatabaseHandle, ConsoleOperations>;
};

/**
 * The journal and locks of this process's database, made once per opened database (kept on globalThis: Next.js
 * may load this module once per route bundle, and they must share one set of locks).
 */
export async function consoleOperations(): Promise<ConsoleOperations> {
  const handle = await getDatabase();
  const made = (shared.__eniConsoleOperations ??= new WeakMap());
  let ops = made.get(handle);
  if (!ops) {
    const url = optionsFromEnv().url;
    const locks = handle.backend === 'postgres' && url ? new AdvisoryLocks(handle.db, url) : processLocks;
    ops = { journal: new DbJournal(handle.db), locks };
    made.set(handle, ops);
  }
  return ops;
}
