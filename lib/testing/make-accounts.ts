// `tsx lib/testing/make-accounts.ts '{"otto":"operator"}'`: makes each account with an API token in the database
// of the environment (DATABASE_URL or ENI_CONSOLE_DATA_DIR), the way the CLI does, and prints the tokens as JSON.
// A separate process, so Playwright specs (whose loader cannot run the database and auth modules) can use it.
import { addUser, createApiToken } from '../auth/accounts';
import { createAuth } from '../auth/auth';
import type { Role } from '../auth/roles';
import { openDatabase, optionsFromEnv } from '../db/database';

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
    const tokens: Record<string, string> = {};
    for (const [name, role] of Object.entries(accounts)) {
      // argv[3]: one password for every account, for a test that signs in (else a random one nobody knows).
      const password = process.argv[3] ?? `pw-${name}-${Math.random().toString(36).slice(2)}`;
      const added = await addUser(deps, name, role, password);
      if (!added.ok) throw new Error(added.message);
      const token = await createApiToken(deps, name, null);
      if (!token.ok) throw new Error(token.message);
      tokens[name] = token.token;
    }
    process.stdout.write(`${JSON.stringify(tokens)}\n`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
