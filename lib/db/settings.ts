// Console-wide settings kept in the database, such as the signing secret generated on first start.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** The value stored under `key`, creating it with `make()` the first time (race-safe across processes). */
export async function settingOrCreate(db: Kysely<Database>, key: string, make: () => string): Promise<string> {
  await db
    .insertInto('setting')
    .values({ key, value: make() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}

/**
 * The secret that signs session cookies and OAuth state: ENI_CONSOLE_SECRET or BETTER_AUTH_SECRET when set,
 * else one generated once and kept in the database (so every process on the same database agrees).
 */
export async function authSecret(db: Kysely<Database>, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.ENI_CONSOLE_SECRET || env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  return settingOrCreate(db, 'auth-secret', () => randomBytes(32).toString('base64url'));
}
