// Opens the console's database: PGlite (embedded, files in ENI_CONSOLE_DATA_DIR) by default, or a Postgres
// server when DATABASE_URL=postgres://… — one Kysely schema and one set of queries for both; migrations at open.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, type MigrationProvider } from 'kysely';
import { migrations } from './migrations';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type Backend = 'pglite' | 'postgres';
export type DatabaseHandle = { db: Kysely<Database>; backend: Backend; close(): Promise<void> };
export type DatabaseOptions = {
  /** postgres://… to use a server; otherwise the embedded database. */
  url?: string;
  /** The embedded database's folder; 'memory://' keeps it in memory (tests). */
  dataDir?: string;
};

/** The embedded database's folder: ENI_CONSOLE_DATA_DIR, else .data/ in the working directory. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.ENI_CONSOLE_DATA_DIR || '.data');
}

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  return env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: dataDir(env) };
}

/** PGlite is one process's database: a second process opening the same files would corrupt them. */
export class DatabaseLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function takeLock(dir: string): () => void {
  const file = path.join(dir, 'owner.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseLockedError(
        `The embedded database in ${dir} is in use by process ${pid} (the console, or another command). ` +
          'Stop that process and try again, or run the console on Postgres (DATABASE_URL=postgres://…), ' +
          'which any number of processes can share.',
      );
    }
  }
  writeFileSync(file, String(process.pid));
  const release = () => {
    try {
      if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
    } catch {
      // the folder is gone: nothing to release
    }
  };
  process.once('exit', release);
  return release;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws (with the failing migration's name) when one fails. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function openDatabase(options: DatabaseOptions = optionsFromEnv()): Promise<DatabaseHandle> {
  if (options.url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(options.url)) {
      throw new Error(
        `DATABASE_URL must be a postgres://user:password@host:5432/database URL; got "${options.url.split(':')[0]}:…".`,
      );
    }
    const { Pool } = await import('pg');
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new Pool({ connectionString: options.url, max: 5 }) }),
    });
    await migrate(db);
    return { db, backend: 'postgres', close: () => db.destroy() };
  }
  const dir = options.dataDir ?? dataDir();
  const memory = dir === 'memory://';
  let release = () => {};
  if (!memory) {
    mkdirSync(dir, { recursive: true });
    release = takeLock(dir);
  }
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const client = memory ? new PGlite() : new PGlite(path.join(dir, 'pglite'));
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    await migrate(db);
    return {
      db,
      backend: 'pglite',
      close: async () => {
        await db.destroy();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

const globalKey = Symbol.for('eni-console.database');
type Holder = { [globalKey]?: Promise<DatabaseHandle> };

/** This process's database, opened from the environment once (and again after a failed open). */
export function getDatabase(): Promise<DatabaseHandle> {
  const holder = globalThis as Holder;
  if (!holder[globalKey]) {
    holder[globalKey] = openDatabase().catch((err) => {
      delete holder[globalKey];
      throw err;
    });
  }
  return holder[globalKey];
}
