// The request boundary, rule by rule, through the real route handlers against the emulator: identity, roles,
// read-only, bearer tokens, Host, Origin, Content-Type, body limits, bounded plans, rate limits, audit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as applyPost } from '@/app/api/apply/route';
import { POST as planPost } from '@/app/api/plan/route';
import { GET as authGet, POST as authPost } from '@/app/api/auth/[...all]/route';
import { GET as topologyGet } from '@/app/api/topology/route';
import { resetEc2Client } from '@/lib/ec2/client';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { appliedRequests as mutations, SNAPSHOT_READS } from '@/lib/testing/emulator-control';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';
import { findMove } from '@/lib/testing/moves';
import { type ProcessAccounts, processAccounts } from '@/lib/testing/process-accounts';
import type { Move } from '@/lib/topology';
import { resetRateLimits } from './rate-limit';

let emu: TestEmulator;
const saved = { ...process.env };
/** Real accounts in a fresh embedded database, each with an API token made as `npm run token` makes them. */
const TOKENS = { 'viewer-token': 'vera', 'operator-token': 'otto', 'admin-token': 'ada' } as const;
let accounts: ProcessAccounts;
/** How many audit rows there were when the test started: the test reads only its own. */
let auditStart = 0;
const audit = async () => (await accounts.audit()).slice(auditStart);
const ENV_KEYS = [
  'ENI_CONSOLE_DEMO',
  'ENI_CONSOLE_READ_ONLY',
  'ENI_CONSOLE_URL',
  'ENI_CONSOLE_RATE_BURST',
  'ENI_CONSOLE_RATE_PER_MINUTE',
  'PORT',
];

beforeAll(async () => {
  emu = await startTestEmulator('showcase', { attachDelayMs: 20 });
  accounts = await processAccounts({ vera: 'viewer', otto: 'operator', ada: 'admin' });
}, 120_000); // an embedded database and scrypt-hashed accounts take a while on a busy machine
beforeEach(async () => {
  for (const key of ENV_KEYS) delete process.env[key];
  process.env.AWS_ENDPOINT_URL_EC2 = emu.url;
  resetEc2Client();
  resetRateLimits();
  auditStart = (await accounts.audit()).length;
  await emu.reset('showcase');
  await emu.clearRequests();
});
afterAll(async () => {
  for (const key of [...ENV_KEYS, 'AWS_ENDPOINT_URL_EC2']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEc2Client();
  await accounts?.close();
  await emu?.close();
});

type Init = {
  method?: string;
  headers?: Record<string, string>;
  body?: BodyInit;
  token?: keyof typeof TOKENS | 'bogus';
};

function request(path: string, init: Init = {}): Request {
  const headers: Record<string, string> = { host: '127.0.0.1:3000', ...init.headers };
  if (init.token)
    headers.authorization = `Bearer ${init.token === 'bogus' ? 'bogus' : accounts.tokens[TOKENS[init.token]]}`;
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  return new Request(`http://127.0.0.1:3000${path}`, {
    method,
    headers,
    body: init.body,
    duplex: 'half',
  } as RequestInit);
}

const json = { 'content-type': 'application/json' };
const routes = {
  topology: (init: Init = {}) => topologyGet(request('/api/topology', init)),
  plan: (body: unknown, init: Init = {}) =>
    planPost(request('/api/plan', { headers: json, body: JSON.stringify(body), ...init })),
  apply: (body: unknown, init: Init = {}) =>
    applyPost(request('/api/apply', { headers: json, body: JSON.stringify(body), ...init })),
};

async function someMove(kind: Parameters<typeof findMove>[1] = 'move-eip'): Promise<Move> {
  return findMove(await loadSnapshot(emu.client), kind);
}

describe('identity', () => {
  it('refuses every route without credentials outside demo mode, saying how to sign in or send a token', async () => {
    const move = await someMove();
    for (const res of [await routes.topology(), await routes.plan(move), await routes.apply(move)]) {
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body).toMatchObject({ ok: false, code: 'unauthenticated' });
      expect(body.message).toMatch(/Sign in.*Authorization: Bearer <token>/);
    }
    expect(mutations(await emu.requests())).toEqual([]);
  });

  it('refuses an unknown bearer token, saying it is not valid', async () => {
    const res = await routes.topology({ token: 'bogus' });
    expect(res.status).toBe(401);
    expect((await res.json()).message).toContain('bearer token is not valid');
  });

  it('lets a script with a bearer token and no Origin or Sec-Fetch-* headers read and change', async () => {
    expect((await routes.topology({ token: 'viewer-token' })).status).toBe(200);
    const res = await routes.apply(await someMove(), { token: 'operator-token' });
    expect(res.status).toBe(200);
    expect(mutations(await emu.requests())).toHaveLength(1);
  });

  it('acts as the demo operator without credentials in demo mode', async () => {
    process.env.ENI_CONSOLE_DEMO = '1';
    expect((await routes.plan(await someMove())).status).toBe(200);
  });
});

describe('roles', () => {
  it('lets a viewer read but not plan or apply, naming the role needed', async () => {
    const move = await someMove();
    expect((await routes.topology({ token: 'viewer-token' })).status).toBe(200);
    for (const res of [
      await routes.plan(move, { token: 'viewer-token' }),
      await routes.apply(move, { token: 'viewer-token' }),
    ]) {
      expect(res.status).toBe(403);
      const body = await res.json();
      expect(body.code).toBe('forbidden');
      expect(body.message).toContain('Your role (viewer) may not do this: it needs the operator role');
    }
    expect(mutations(await emu.requests())).toEqual([]);
  });

  it.each(['operator-token', 'admin-token'] as const)('lets %s plan and apply', async (token) => {
    const move = await someMove();
    expect((await routes.plan(move, { token })).status).toBe(200);
    expect((await routes.apply(move, { token })).status).toBe(200);
  });

  it('a read-only deployment refuses every change for every role, and still serves reads', async () => {
    process.env.ENI_CONSOLE_READ_ONLY = 'true';
    const move = await someMove();
    for (const token of ['operator-token', 'admin-token'] as const) {
      const res = await routes.apply(move, { token });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'read-only', message: expect.stringContaining('read-only') });
    }
    expect((await routes.topology({ token: 'viewer-token' })).status).toBe(200);
    expect(mutations(await emu.requests())).toEqual([]);
  });
});

describe('host', () => {
  it('outside demo mode without ENI_CONSOLE_URL answers only loopback names, and says to set ENI_CONSOLE_URL', async () => {
    expect((await routes.topology({ token: 'viewer-token', headers: { host: 'localhost:3000' } })).status).toBe(200);
    const res = await routes.topology({ token: 'viewer-token', headers: { host: 'rebound.attacker.example:3000' } });
    expect(res.status).toBe(421);
    expect(await res.json()).toMatchObject({
      code: 'wrong-host',
      message: expect.stringContaining('set ENI_CONSOLE_URL'),
    });
  });

  it('with ENI_CONSOLE_URL answers only its host (loopback too in demo mode)', async () => {
    process.env.ENI_CONSOLE_URL = 'https://eni.example.com';
    expect((await routes.topology({ token: 'viewer-token', headers: { host: 'eni.example.com' } })).status).toBe(200);
    expect((await routes.topology({ token: 'viewer-token', headers: { host: 'evil.example.com' } })).status).toBe(421);
    expect((await routes.topology({ token: 'viewer-token', headers: { host: '127.0.0.1:3000' } })).status).toBe(421);
    process.env.ENI_CONSOLE_DEMO = '1';
    expect((await routes.topology({ headers: { host: '127.0.0.1:3000' } })).status).toBe(200);
  });

  it('in demo mode accepts loopback names on the served port only', async () => {
    process.env.ENI_CONSOLE_DEMO = '1';
    process.env.PORT = '3000';
    expect((await routes.topology({ headers: { host: '[::1]:3000' } })).status).toBe(200);
    expect((await routes.topology({ headers: { host: 'localhost:3999' } })).status).toBe(421);
  });
});

describe('requests from another site', () => {
  /** A body that records whether anyone read it. */
  function watchedBody(text: string): { body: ReadableStream<Uint8Array>; read: () => boolean } {
    let pulled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.enqueue(new TextEncoder().encode(text));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    ); // pulled only when someone reads
    return { body, read: () => pulled };
  }

  it.each([
    ['a foreign Origin, no cookie', { origin: 'http://attacker.example' }],
    [
      'a foreign Origin, with a session cookie',
      { origin: 'http://attacker.example', cookie: 'session=stolen-by-the-browser' },
    ],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
    ['Origin: null (a sandboxed frame or a form)', { origin: 'null' }],
  ] as [string, Record<string, string>][])(
    'refuses %s before reading the body, even in demo mode, and changes nothing',
    async (_what, headers) => {
      process.env.ENI_CONSOLE_DEMO = '1';
      const watched = watchedBody(JSON.stringify(await someMove()));
      const res = await applyPost(
        request('/api/apply', { headers: { 'content-type': 'text/plain', ...headers }, body: watched.body }),
      );
      expect(res.status).toBe(403);
      const body = await res.json();
      expect(body).toMatchObject({
        ok: false,
        code: 'cross-origin',
        message: expect.stringMatching(/^Refused: this request was sent by (the origin|another site)/),
      });
      const origin = headers.origin;
      if (origin?.startsWith('http')) expect(body.message).toContain(origin);
      expect(watched.read()).toBe(false);
      expect(mutations(await emu.requests())).toEqual([]);
      expect((await audit()).at(-1)).toMatchObject({
        action: 'request-refused',
        outcome: 'denied',
        userId: null,
        details: { code: 'cross-origin', request: 'apply' },
      });
    },
  );

  it("accepts the console's own pages (same Origin, Sec-Fetch-Site: same-origin)", async () => {
    process.env.ENI_CONSOLE_DEMO = '1';
    const watched = watchedBody(JSON.stringify(await someMove()));
    const res = await planPost(
      request('/api/plan', {
        headers: { ...json, origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' },
        body: watched.body,
      }),
    );
    expect(res.status).toBe(200);
    expect(watched.read()).toBe(true);
  });

  it('requires Content-Type: application/json on a change (415), so a text/plain form or no-cors fetch cannot send one', async () => {
    const move = await someMove();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await routes.apply(move, { token: 'operator-token', headers: { 'content-type': type } });
      expect(res.status).toBe(415);
      expect((await res.json()).code).toBe('unsupported-media-type');
    }
    expect(mutations(await emu.requests())).toEqual([]);
  });
});

describe('limits', () => {
  const padded = (bytes: number) =>
    JSON.stringify({ kind: 'detach-eni', eni: 'eni-0123456789abcdef0', pad: 'x'.repeat(bytes) });

  it('refuses a body over 64 KiB with 413 before parsing', async () => {
    const body = padded(64 * 1024 + 1);
    const res = await planPost(
      request('/api/plan', {
        token: 'operator-token',
        headers: { ...json, 'content-length': String(Buffer.byteLength(body)) },
        body,
      }),
    );
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe('payload-too-large');
  });

  it('counts the bytes as they arrive: a lying Content-Length or none does not get a large body past', async () => {
    const chunks = (n: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < n; i++) controller.enqueue(new Uint8Array(16 * 1024).fill(32));
          controller.close();
        },
      });
    const lying = await planPost(
      request('/api/plan', { token: 'operator-token', headers: { ...json, 'content-length': '40' }, body: chunks(8) }),
    );
    expect(lying.status).toBe(413);
    const undeclared = await planPost(
      request('/api/plan', { token: 'operator-token', headers: json, body: chunks(8) }),
    );
    expect(undeclared.status).toBe(413);
  });

  it('bounds the confirmed plan: 17 involved ids are refused, and 16 cause a bounded number of EC2 calls', async () => {
    const move = await someMove();
    const planned = await (await routes.plan(move, { token: 'operator-token' })).json();
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `eni-${i.toString(16).padStart(17, '0')}`);
    const tooMany = await routes.plan(
      { move, confirmed: { ...planned.plan, involved: ids(17) } },
      { token: 'operator-token' },
    );
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).message).toContain('at most 16 resources');
    await emu.clearRequests();
    const bounded = await routes.plan(
      { move, confirmed: { ...planned.plan, involved: ids(16) } },
      { token: 'operator-token' },
    );
    expect(bounded.status).toBeLessThan(500);
    expect((await emu.requests()).length).toBeLessThanOrEqual(20);
  });

  it('rate-limits plans and applies per user with 429 and Retry-After, other users unaffected', async () => {
    process.env.ENI_CONSOLE_RATE_BURST = '3';
    process.env.ENI_CONSOLE_RATE_PER_MINUTE = '6';
    const move = await someMove();
    for (let i = 0; i < 3; i++) expect((await routes.plan(move, { token: 'operator-token' })).status).toBe(200);
    const limited = await routes.apply(move, { token: 'operator-token' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(await limited.json()).toMatchObject({ code: 'rate-limited', message: expect.stringContaining('wait 10 s') });
    expect((await routes.plan(move, { token: 'admin-token' })).status).toBe(200);
    expect(mutations(await emu.requests())).toEqual([]);
  });
});

describe('snapshot reads', () => {
  it('serves concurrent reads of the region with one load: 8 describes and 1 DescribeInstanceTypes', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => routes.topology({ token: 'viewer-token' })));
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));
    const actions = (await emu.requests()).map((r) => r.action).sort();
    expect(actions).toEqual(SNAPSHOT_READS);
    // A reload storm right after is answered from the same snapshot.
    await Promise.all(Array.from({ length: 12 }, () => routes.topology({ token: 'viewer-token' })));
    expect(await emu.requests()).toHaveLength(9);
  });

  it('a reload storm costs one region read per reuse interval: 4 clients reloading for 1.5 s, 9 EC2 calls', async () => {
    const until = Date.now() + 1_500;
    let reloads = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (Date.now() < until) {
          expect((await routes.topology({ token: 'viewer-token' })).status).toBe(200);
          reloads++;
        }
      }),
    );
    expect(reloads).toBeGreaterThan(9);
    expect(await emu.requests()).toHaveLength(9);
  });

  it('a read after an apply sees the change', async () => {
    const move = await someMove('move-eip');
    if (move.kind !== 'move-eip') throw new Error('unreachable');
    await routes.topology({ token: 'viewer-token' });
    expect((await routes.apply(move, { token: 'operator-token' })).status).toBe(200);
    const { snapshot: after } = await (await routes.topology({ token: 'viewer-token' })).json();
    expect(after.eips.find((e: { allocationId: string }) => e.allocationId === move.allocationId)).toMatchObject({
      eniId: move.toEni,
      privateIp: move.toIp,
    });
  });
});

describe('the audit', () => {
  it('records an apply with its user, outcome, EC2 request ids, verified state and resources', async () => {
    const move = await someMove();
    const res = await routes.apply(move, { token: 'operator-token', headers: { ...json, 'user-agent': 'probe/1.0' } });
    const body = await res.json();
    const entry = (await audit()).find((e) => e.action === 'apply');
    expect(entry).toMatchObject({
      outcome: 'ok',
      userId: expect.any(String),
      userName: 'otto',
      role: 'operator',
      userAgent: 'probe/1.0',
      sourceIp: null,
      requestIds: body.requestIds,
      resourceIds: body.plan.involved,
      details: { move, verified: body.verified },
    });
    expect(entry?.requestIds.length).toBeGreaterThan(0);
  });

  it('records refusals at the boundary with who asked, and the source address only behind a trusted proxy', async () => {
    await routes.plan(await someMove(), {
      token: 'viewer-token',
      headers: { ...json, 'x-forwarded-for': '203.0.113.9' },
    });
    expect((await audit()).at(-1)).toMatchObject({
      action: 'request-refused',
      outcome: 'denied',
      userName: 'vera',
      role: 'viewer',
      sourceIp: null,
      details: { code: 'forbidden' },
    });
    process.env.ENI_CONSOLE_TRUSTED_PROXY_HOPS = '1';
    try {
      await routes.plan(await someMove(), {
        token: 'viewer-token',
        headers: { ...json, 'x-forwarded-for': '198.51.100.1, 203.0.113.9' },
      });
      expect((await audit()).at(-1)?.sourceIp).toBe('203.0.113.9');
    } finally {
      delete process.env.ENI_CONSOLE_TRUSTED_PROXY_HOPS;
    }
  });
});

describe('the sign-in endpoints (before anyone is signed in)', () => {
  const signIn = (
    headers: Record<string, string>,
    body = JSON.stringify({ username: 'vera', password: 'not-her-password' }),
  ) => authPost(request('/api/auth/sign-in/username', { headers: { ...json, ...headers }, body }));

  it('refuse a sign-in posted from another site, or for a foreign Host, before better-auth sees it', async () => {
    const cross = await signIn({ origin: 'http://attacker.example', 'sec-fetch-site': 'cross-site' });
    expect(cross.status).toBe(403);
    expect(await cross.json()).toMatchObject({ code: 'cross-origin' });
    expect((await signIn({ host: 'rebound.attacker.example' })).status).toBe(421);
    expect((await audit()).map((e) => [e.action, e.details])).toEqual([
      ['request-refused', expect.objectContaining({ request: 'auth', code: 'cross-origin' })],
      ['request-refused', expect.objectContaining({ request: 'auth', code: 'wrong-host' })],
    ]);
  });

  it('refuse a body over 64 KiB, and answer the rest with the security headers', async () => {
    expect((await signIn({}, JSON.stringify({ username: 'vera', password: 'x'.repeat(70_000) }))).status).toBe(413);
    const wrong = await signIn({ origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('x-frame-options')).toBe('DENY');
    expect(wrong.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const session = await authGet(request('/api/auth/get-session'));
    expect(session.status).toBe(200);
    expect(session.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
