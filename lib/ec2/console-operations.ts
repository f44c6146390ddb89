// The console process's journal and locks: in its database (lib/db), so an apply is on record before its first
// EC2 call and survives a crash; Postgres advisory locks when the database is a Postgres server that several
// console processes may share, the process's own locks on PGlite (which only one process can open).
import 'server-only';
import { AdvisoryLocks } from '@/lib/db/advisory-locks';
import { getDatabase, optionsFromEnv } from '@/lib/db/database';
import { DbJournal } from '@/lib/db/journal';
import { processLocks } from './execute';
import type { ResourceLocks } from './locks';

export type ConsoleOperations = { journal: DbJournal; locks: ResourceLocks };

const shared = globalThis as typeof globalThis & { __eniConsoleOperations?: Promise<ConsoleOperations> };

/** Opened once per process (kept on globalThis: Next.js may load this module once per route bundle). */
export function consoleOperations(): Promise<ConsoleOperations> {
  shared.__eniConsoleOperations ??= (async () => {
    const handle = await getDatabase();
    const url = optionsFromEnv().url;
    const locks = handle.backend === 'postgres' && url ? new AdvisoryLocks(handle.db, url) : processLocks;
    return { journal: new DbJournal(handle.db), locks };
  })().catch((err) => {
    delete shared.__eniConsoleOperations;
    throw err;
  });
  return shared.__eniConsoleOperations;
}
