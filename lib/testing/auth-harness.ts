// A console's auth stack over a fresh database, for tests: better-auth, a CLI-style actor, sign-in by HTTP
// through better-auth's own handler, and the cookie header a browser would send back.
import type { Actor, AccountsDeps } from '@/lib/auth/accounts';
import { createAuth, type Auth } from '@/lib/auth/auth';
import { freshDatabase, type TestBackend } from './databases';

export const testOrigin = 'http://127.0.0.1:3999';
export const cliActor: Actor = { userId: null, name: 'cli:test', role: null, sourceIp: null, userAgent: 'test' };

export async function authHarness(backend: TestBackend, env: Record<string, string> = {}) {
  const database = await freshDatabase(backend);
  const fullEnv = { ENI_CONSOLE_URL: testOrigin, ...env } as unknown as NodeJS.ProcessEnv;
  const auth: Auth = await createAuth(database.db, fullEnv);
  const deps: AccountsDeps = { db: database.db, auth, actor: cliActor };

  /** Signs in with a password through better-auth's HTTP handler; returns the Cookie header to send back. */
  // better-auth limits sign-ins per address (3 in 10 s): each test sign-in comes from its own address.
  let from = 0;
  async function signIn(username: string, password: string): Promise<{ status: number; cookie: string | null }> {
    from += 1;
    const res = await auth.handler(
      new Request(`${testOrigin}/api/auth/sign-in/username`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: testOrigin,
          'user-agent': 'vitest',
          'x-forwarded-for': `127.0.1.${from}`,
        },
        body: JSON.stringify({ username, password }),
      }),
    );
    const cookies = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .filter((c) => !c.endsWith('='));
    return { status: res.status, cookie: cookies.length > 0 ? cookies.join('; ') : null };
  }

  return { ...database, auth, deps, env: fullEnv, signIn };
}
