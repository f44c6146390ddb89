// The console's own process-wide database and auth (what identify() and recordAudit() use), pointed at a fresh
// embedded database for one test file, with accounts and API tokens made the way the CLI makes them.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getAuth } from '@/lib/auth/auth';
import type { Role } from '@/lib/auth/roles';
import { listAudit, type AuditRecord } from '@/lib/db/audit';
import { getDatabase } from '@/lib/db/database';
import { addAccountsWithTokens } from './accounts-with-tokens';
import { cliActor } from './auth-harness';

const holders = [Symbol.for('eni-console.database'), Symbol.for('eni-console.auth')];

export type ProcessAccounts = {
  /** The bearer token of each account, by account name. */
  tokens: Record<string, string>;
  /** The record, oldest first (as the tests read it), up to 500 entries. */
  audit(): Promise<AuditRecord[]>;
  close(): Promise<void>;
};

/** Opens a fresh embedded database as this process's, and creates `accounts` (name → role) with a token each. */
export async function processAccounts(accounts: Record<string, Role>): Promise<ProcessAccounts> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'eni-process-db-'));
  const saved = { dir: process.env.ENI_CONSOLE_DATA_DIR, url: process.env.DATABASE_URL };
  process.env.ENI_CONSOLE_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  for (const key of holders) delete (globalThis as Record<symbol, unknown>)[key];
  const database = await getDatabase();
  const deps = { db: database.db, auth: await getAuth(), actor: cliActor };
  const tokens = await addAccountsWithTokens(deps, accounts);
  return {
    tokens,
    audit: async () => (await listAudit({ limit: 500 })).entries.reverse(),
    close: async () => {
      await database.close();
      for (const key of holders) delete (globalThis as Record<symbol, unknown>)[key];
      if (saved.dir === undefined) delete process.env.ENI_CONSOLE_DATA_DIR;
      else process.env.ENI_CONSOLE_DATA_DIR = saved.dir;
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A request to the console at `path` as account `who` (its bearer token); with a body, a same-origin JSON POST. */
export function bearerRequest(tokens: Record<string, string>, path: string, who: string, body?: unknown): Request {
  return new Request(`http://127.0.0.1:3000${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${tokens[who]}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json', origin: 'http://127.0.0.1:3000' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
