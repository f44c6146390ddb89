// identify(): bearer tokens, session cookies (signed in through better-auth), revoked and expired credentials,
// and the demo operator only in demo mode and only without credentials. Also: the sign-in record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMigrations } from 'better-auth/db/migration';
import { queryAudit } from '@/lib/db/audit';
import { authHarness } from '@/lib/testing/auth-harness';
import { testBackends } from '@/lib/testing/databases';
import { addUser, createApiToken, revokeApiToken, signOutUser } from './accounts';
import { identifyWith } from './identify';

const demoEnv = {
  ENI_CONSOLE_DEMO: '1',
  AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:4599',
} as unknown as NodeJS.ProcessEnv;
const password = 'correct horse battery';

describe.each(testBackends)('identify on $title', ({ backend, skip }) => {
  let h: Awaited<ReturnType<typeof authHarness>>;
  const id = (headers: Record<string, string>, env = {} as unknown as NodeJS.ProcessEnv) =>
    identifyWith({ db: h.db, auth: h.auth, env }, new Headers(headers));

  beforeAll(async () => {
    if (skip) return;
    h = await authHarness(backend);
    expect((await addUser(h.deps, 'vera', 'viewer', password)).ok).toBe(true);
    expect((await addUser(h.deps, 'otto', 'operator', password)).ok).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it.skipIf(skip)("the migrations create exactly the schema better-auth's configuration asks for", async () => {
    const { toBeCreated, toBeAdded } = await getMigrations(h.auth.options);
    expect(toBeCreated).toEqual([]);
    expect(toBeAdded).toEqual([]);
  });

  it.skipIf(skip)(
    'a session cookie from a password sign-in is its user with their role; a wrong password is recorded',
    async () => {
      const ok = await h.signIn('vera', password);
      expect(ok.status).toBe(200);
      expect(ok.cookie).toMatch(/eni-console\.session_token=/);
      expect(await id({ cookie: ok.cookie! })).toEqual({
        userId: expect.any(String),
        name: 'vera',
        role: 'viewer',
        via: 'session',
      });

      const bad = await h.signIn('vera', 'not the password');
      expect(bad.status).toBe(401);
      expect(bad.cookie).toBeNull();
      const record = await queryAudit(h.db, { user: 'vera' });
      expect(record.entries.slice(0, 2).map((e) => [e.action, e.outcome])).toEqual([
        ['sign-in-failed', 'denied'],
        ['sign-in', 'ok'],
      ]);
      expect(record.entries[1]).toMatchObject({ role: 'viewer', sourceIp: '127.0.1.1', userAgent: 'vitest' });
    },
  );

  it.skipIf(skip)('an expired session is nobody, and so is a forged cookie', async () => {
    const { cookie } = await h.signIn('otto', password);
    expect((await id({ cookie: cookie! }))?.name).toBe('otto');
    const otto = await h.db.selectFrom('user').select('id').where('username', '=', 'otto').executeTakeFirstOrThrow();
    await h.db
      .updateTable('session')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('userId', '=', otto.id)
      .execute();
    expect(await id({ cookie: cookie! })).toBeNull();
    expect(await id({ cookie: 'eni-console.session_token=forged.value' })).toBeNull();
  });

  it.skipIf(skip)("an admin revoking a user's sessions signs them out at once", async () => {
    const { cookie } = await h.signIn('otto', password);
    expect((await id({ cookie: cookie! }))?.role).toBe('operator');
    const revoked = await signOutUser(h.deps, 'otto');
    expect(revoked).toEqual({ ok: true, ended: 1 });
    expect(await id({ cookie: cookie! })).toBeNull();
    expect((await queryAudit(h.db, { action: 'session.revoke' })).entries[0]?.details).toEqual({
      user: 'otto',
      sessions: 1,
    });
  });

  it.skipIf(skip)(
    "a bearer token acts as its user with the user's current role; revoked, expired or unknown is nobody",
    async () => {
      const created = await createApiToken(h.deps, 'otto', null);
      if (!created.ok) throw new Error(created.message);
      expect(await id({ authorization: `Bearer ${created.token}` })).toEqual({
        userId: created.user.id,
        name: 'otto',
        role: 'operator',
        via: 'token',
      });
      const stored = await h.db
        .selectFrom('api_token')
        .select('token_hash')
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(stored.token_hash).not.toContain(created.token.slice(4));

      expect((await revokeApiToken(h.deps, created.id)).ok).toBe(true);
      expect(await id({ authorization: `Bearer ${created.token}` })).toBeNull();

      const expiring = await createApiToken(h.deps, 'vera', new Date(Date.now() - 1));
      if (!expiring.ok) throw new Error(expiring.message);
      expect(await id({ authorization: `Bearer ${expiring.token}` })).toBeNull();
      expect(await id({ authorization: 'Bearer eni_unknown' })).toBeNull();
      expect(await id({ authorization: 'Basic b3R0bzpwdw==' })).toBeNull();
    },
  );

  it.skipIf(skip)('the demo operator only in demo mode, and only for a request without credentials', async () => {
    expect(await id({}, demoEnv)).toEqual({ userId: 'demo', name: 'Demo operator', role: 'operator', via: 'demo' });
    expect(await id({})).toBeNull();
    expect(
      await id({}, {
        ENI_CONSOLE_DEMO: '1',
        AWS_ENDPOINT_URL_EC2: 'https://ec2.us-east-1.amazonaws.com',
      } as unknown as NodeJS.ProcessEnv),
    ).toBeNull();
    expect(await id({ authorization: 'Bearer eni_unknown' }, demoEnv)).toBeNull();
    expect(await id({ cookie: 'eni-console.session_token=forged.value' }, demoEnv)).toBeNull();
    const { cookie } = await h.signIn('vera', password);
    expect((await id({ cookie: cookie! }, demoEnv))?.via).toBe('session');
  });
});
