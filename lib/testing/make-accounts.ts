// `tsx lib/testing/make-accounts.ts '{"otto":"operator"}'`: makes each account with an API token in the database
// of the environment (DATABASE_URL or ENI_CONSOLE_DATA_DIR), the way the CLI does, and prints the tokens as JSON.
// A separate process, so Playwright specs (whose loader cannot run the database and auth modules) can use it.
import { createAuth } from '../auth/auth';
import type { Role } from '../auth/roles';
import { openDatabase, optionsFromEnv } from '../db/database';
import { addAccountsWithTokens } from './accounts-with-tokens';

async function main(): Promise<void> {
  const accounts = JSON.parse(process.argv[2] ?? '{}') as Record<string, Role>;
  const db = await openDatabase(optionsFromEnv());
  try {
    const auth = await createAuth(db.db, process.env, { quiet: true });
    const deps = {
      db: db.db,
      auth,
      actor: { userId: null, name: 'cli:test', role: null, sourceIp: null, userAgent: 'test' },
    };
    // argv[3]: one password for every account, for a test that signs in.
    const tokens = await addAccountsWithTokens(deps, accounts, process.argv[3]);
    process.stdout.write(`${JSON.stringify(tokens)}\n`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
