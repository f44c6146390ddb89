// What `npm run user` and `npm run token` share: opening the database (embedded or DATABASE_URL) and better-auth,
// the CLI's identity for the record, and leaving with a message that says what to do.
import os from 'node:os';
import type { AccountsDeps } from '../auth/accounts';
import { createAuth } from '../auth/auth';
import { DatabaseLockedError, openDatabase, type DatabaseHandle } from '../db/database';
import type { Failure } from '../result';

export class UsageError extends Error {}

/**
 * Checks the arguments with `parse` (a usage error leaves before the database is opened), then runs the command
 * with the database open and closes it after; prints failures and sets the exit code.
 */
export async function runCommand<T>(
  usage: string,
  parse: () => T,
  body: (deps: AccountsDeps, args: T) => Promise<void>,
): Promise<void> {
  let handle: DatabaseHandle | undefined;
  try {
    const args = parse();
    handle = await openDatabase();
    const auth = await createAuth(handle.db, process.env, { quiet: true });
    const actor = {
      userId: null,
      name: `cli:${os.userInfo().username}`,
      role: null,
      sourceIp: null,
      userAgent: 'eni-console cli',
    };
    await body({ db: handle.db, auth, actor }, args);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${usage}`);
      process.exitCode = 2;
    } else if (err instanceof DatabaseLockedError) {
      console.error(err.message);
      process.exitCode = 1;
    } else {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    }
  } finally {
    await handle?.close();
  }
}

export function failed(result: Failure): void {
  console.error(result.message);
  process.exitCode = 1;
}

/** Reads all of stdin when it is piped (not a terminal); null when it is a terminal. */
export async function pipedInput(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Fixed-width columns for a list. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n');
}
