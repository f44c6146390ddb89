// Single sign-on against a real OpenID provider (oidc-provider, on 127.0.0.1, started here): the groups claim
// maps to a role at every sign-in, a user in no mapped group gets no session, and each sign-in is recorded.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Provider from 'oidc-provider';
import { queryAudit } from '@/lib/db/audit';
import { authHarness, testOrigin } from '@/lib/testing/auth-harness';
import { testBackends } from '@/lib/testing/databases';
import { oidcConfigFromEnv, roleFromClaims } from './oidc-config';
import { identifyWith } from './identify';

const people: Record<string, { email: string; name: string; groups: string[] }> = {
  nina: { email: 'nina@example.test', name: 'Nina Netzer', groups: ['staff', 'neteng'] },
  mo: { email: 'mo@example.test', name: 'Mo Marketing', groups: ['marketing'] },
};

/** Cookies by name for one site: enough for a test walking redirects. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

describe('role mapping from the groups claim', () => {
  const env = {
    ENI_CONSOLE_OIDC_ISSUER: 'https://idp.example/',
    ENI_CONSOLE_OIDC_CLIENT_ID: 'c',
    ENI_CONSOLE_OIDC_CLIENT_SECRET: 's',
    ENI_CONSOLE_OIDC_ROLE_MAP: 'netadmins=admin, neteng=operator,support=viewer',
  } as unknown as NodeJS.ProcessEnv;
  it('takes the highest role any group maps to, and none for unmapped groups', () => {
    const r = oidcConfigFromEnv(env);
    if (!r.ok || !r.config) throw new Error('config expected');
    expect(r.config.issuer).toBe('https://idp.example');
    expect(roleFromClaims({ groups: ['support', 'neteng'] }, r.config)).toBe('operator');
    expect(roleFromClaims({ groups: ['netadmins', 'support'] }, r.config)).toBe('admin');
    expect(roleFromClaims({ groups: ['marketing'] }, r.config)).toBeNull();
    expect(roleFromClaims({}, r.config)).toBeNull();
    expect(roleFromClaims({ roles: 'support' }, { ...r.config, rolesClaim: 'roles' })).toBe('viewer');
  });
  it('says what is wrong with incomplete or malformed settings', () => {
    expect(
      oidcConfigFromEnv({ ENI_CONSOLE_OIDC_ISSUER: 'https://idp.example' } as unknown as NodeJS.ProcessEnv),
    ).toMatchObject({ ok: false, message: expect.stringContaining('ENI_CONSOLE_OIDC_CLIENT_ID') });
    expect(oidcConfigFromEnv({ ...env, ENI_CONSOLE_OIDC_ROLE_MAP: 'neteng=superuser' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('"neteng=superuser"'),
    });
  });
});

describe.each(testBackends.filter((b) => b.backend.name === 'pglite'))('single sign-on ($title)', ({ backend }) => {
  let provider: Provider;
  let server: ReturnType<Provider['listen']>;
  let h: Awaited<ReturnType<typeof authHarness>>;

  beforeAll(async () => {
    // Port 0 first, then the issuer URL: oidc-provider needs its own address up front, so listen on a free port.
    const probe = (await import('node:net')).createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const issuer = `http://127.0.0.1:${port}`;
    provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'eni-console',
          client_secret: 'oidc-test-secret',
          redirect_uris: [`${testOrigin}/api/auth/callback/sso`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
      findAccount: (_ctx, id) => {
        const p = people[id];
        return p
          ? {
              accountId: id,
              claims: () => ({ sub: id, email: p.email, email_verified: true, name: p.name, groups: p.groups }),
            }
          : undefined;
      },
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['oidc-test-cookie-key'] },
    });
    server = provider.listen(port, '127.0.0.1');
    h = await authHarness(backend, {
      ENI_CONSOLE_OIDC_ISSUER: issuer,
      ENI_CONSOLE_OIDC_CLIENT_ID: 'eni-console',
      ENI_CONSOLE_OIDC_CLIENT_SECRET: 'oidc-test-secret',
      ENI_CONSOLE_OIDC_ROLE_MAP: 'netadmins=admin,neteng=operator,support=viewer',
    });
  }, 120_000);
  afterAll(async () => {
    server?.close();
    await h?.dispose();
  });

  /** Sign-in with SSO as a browser does it: start, log in and consent at the provider, come back to the callback. */
  async function ssoSignIn(account: string): Promise<{ location: string; cookie: string }> {
    const consoleJar = new Jar();
    const start = await h.auth.handler(
      new Request(`${testOrigin}/api/auth/sign-in/social`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: testOrigin },
        body: JSON.stringify({ provider: 'sso', callbackURL: '/', errorCallbackURL: '/sign-in' }),
      }),
    );
    expect(start.status).toBe(200);
    consoleJar.take(start);
    let next = ((await start.json()) as { url: string }).url;
    const idpJar = new Jar();
    let post: URLSearchParams | undefined;
    for (let hop = 0; hop < 20 && !next.startsWith(testOrigin); hop++) {
      const res = await fetch(next, {
        redirect: 'manual',
        method: post ? 'POST' : 'GET',
        headers: { cookie: idpJar.header() },
        body: post,
      });
      idpJar.take(res);
      post = undefined;
      if (res.status >= 300 && res.status < 400) {
        next = new URL(res.headers.get('location')!, next).toString();
      } else if (res.status === 200 && next.includes('/interaction/')) {
        const page = await res.text();
        post = page.includes('name="login"')
          ? new URLSearchParams({ prompt: 'login', login: account, password: 'any' })
          : new URLSearchParams({ prompt: 'consent' });
      } else {
        throw new Error(`provider answered ${res.status} at ${next}: ${(await res.text()).slice(0, 300)}`);
      }
    }
    const callback = await h.auth.handler(
      new Request(next, { headers: { cookie: consoleJar.header(), 'user-agent': 'vitest-sso' } }),
    );
    consoleJar.take(callback);
    return { location: callback.headers.get('location') ?? '', cookie: consoleJar.header() };
  }

  it('signs in a user whose group maps to operator, then admin when the group changes at the provider', async () => {
    const first = await ssoSignIn('nina');
    expect(first.location).toMatch(/\/$/);
    const identity = await identifyWith({ db: h.db, auth: h.auth }, new Headers({ cookie: first.cookie }));
    expect(identity).toEqual({
      userId: expect.any(String),
      name: 'nina@example.test',
      role: 'operator',
      via: 'session',
    });

    people.nina!.groups = ['netadmins'];
    const again = await ssoSignIn('nina');
    expect((await identifyWith({ db: h.db, auth: h.auth }, new Headers({ cookie: again.cookie })))?.role).toBe('admin');

    const record = await queryAudit(h.db, { action: 'sign-in' });
    expect(record.entries.map((e) => [e.userName, e.role, (e.details as { method: string }).method])).toEqual([
      ['nina@example.test', 'admin', 'sso'],
      ['nina@example.test', 'operator', 'sso'],
    ]);
  }, 120_000);

  it('gives no session to a user in no mapped group, and sends them back to the sign-in page with the reason', async () => {
    const denied = await ssoSignIn('mo');
    expect(denied.location).toContain('/sign-in');
    expect(denied.location).toMatch(/error=/);
    expect(await identifyWith({ db: h.db, auth: h.auth }, new Headers({ cookie: denied.cookie }))).toBeNull();
    expect((await queryAudit(h.db, { action: 'sign-in-failed' })).entries[0]).toMatchObject({
      outcome: 'denied',
      details: { method: 'sso' },
    });
  }, 120_000);
});
