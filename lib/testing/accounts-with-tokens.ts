// Accounts with an API token each, made the way the CLI makes them: for the test process's own database
// (process-accounts.ts) and for the separate make-accounts script the Playwright specs run.
import { addUser, createApiToken, type AccountsDeps } from '../auth/accounts';
import type { Role } from '../auth/roles';

/** Creates `accounts` (name → role) with a random password and a token each; answers the tokens by name. */
export async function addAccountsWithTokens(
  deps: AccountsDeps,
  accounts: Record<string, Role>,
  /** One password for every account, for a test that signs in; else a random one nobody knows. */
  password?: string,
): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const [name, role] of Object.entries(accounts)) {
    const added = await addUser(deps, name, role, password ?? `pw-${name}-${Math.random().toString(36).slice(2)}`);
    if (!added.ok) throw new Error(added.message);
    const token = await createApiToken(deps, name, null);
    if (!token.ok) throw new Error(token.message);
    tokens[name] = token.token;
  }
  return tokens;
}
