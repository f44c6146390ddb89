// GET /api/audit and /api/audit/export called as a script would: refused without credentials, read with a bearer
// token of any role, filtered, paged, exported as JSON Lines; a bad parameter says which and what to use.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createApiToken } from '@/lib/auth/accounts';
import { getAuth } from '@/lib/auth/auth';
import { recordAudit } from '@/lib/db/audit';
import { getDatabase } from '@/lib/db/database';
import { cliActor } from '@/lib/testing/auth-harness';
import { GET as exportGet } from './export/route';
import { GET as auditGet } from './route';

const dir = mkdtempSync(path.join(os.tmpdir(), 'eni-audit-api-'));
const saved = {
  data: process.env.ENI_CONSOLE_DATA_DIR,
  url: process.env.DATABASE_URL,
  demo: process.env.ENI_CONSOLE_DEMO,
};
let token = '';

const get = (handler: (r: Request) => Promise<Response>, query: string, auth = true) =>
  handler(
    new Request(`http://127.0.0.1/api/audit${query}`, { headers: auth ? { authorization: `Bearer ${token}` } : {} }),
  );

beforeAll(async () => {
  // This process's database (the routes use it) is a new embedded one in a temp folder.
  process.env.ENI_CONSOLE_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  delete process.env.ENI_CONSOLE_DEMO;
  const [{ db }, auth] = await Promise.all([getDatabase(), getAuth()]);
  const deps = { db, auth, actor: cliActor };
  expect((await addUser(deps, 'sven', 'viewer', 'support-desk-password')).ok).toBe(true);
  const created = await createApiToken(deps, 'sven', null);
  if (!created.ok) throw new Error(created.message);
  token = created.token;
  for (let i = 0; i < 4; i++) {
    await recordAudit({
      action: 'apply',
      outcome: i === 3 ? 'failed' : 'ok',
      userId: 'u-otto',
      userName: 'otto',
      role: 'operator',
      sourceIp: '127.0.0.1',
      userAgent: 'test',
      resourceIds: [`eni-${i}`, '10.0.1.11'],
      requestIds: [`req-${i}`],
      details: { n: i },
    });
  }
}, 120_000);

afterAll(async () => {
  await (await getDatabase()).close();
  for (const [key, value] of [
    ['ENI_CONSOLE_DATA_DIR', saved.data],
    ['DATABASE_URL', saved.url],
    ['ENI_CONSOLE_DEMO', saved.demo],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/audit', () => {
  it('refuses a request without credentials, and one with a bad token', async () => {
    const res = await get(auditGet, '', false);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      ok: false,
      code: 'unauthenticated',
      message: expect.stringContaining('Authorization: Bearer'),
    });
    const bad = await auditGet(
      new Request('http://127.0.0.1/api/audit', { headers: { authorization: 'Bearer eni_nope' } }),
    );
    expect(bad.status).toBe(401);
  });

  it('answers a viewer newest first, filtered and paged', async () => {
    const first = await get(auditGet, '?user=otto&resource=10.0.1.11&limit=3');
    expect(first.status).toBe(200);
    const page = (await first.json()) as { ok: true; entries: { requestIds: string[] }[]; nextCursor: string };
    expect(page.entries.map((e) => e.requestIds[0])).toEqual(['req-3', 'req-2', 'req-1']);
    const second = (await (await get(auditGet, `?user=otto&limit=3&cursor=${page.nextCursor}`)).json()) as typeof page;
    expect(second.entries.map((e) => e.requestIds[0])).toEqual(['req-0']);
    expect(second.nextCursor).toBeNull();
    const failed = (await (await get(auditGet, '?outcome=failed')).json()) as typeof page;
    expect(failed.entries).toHaveLength(1);
  });

  it('says which parameter is wrong and what to use', async () => {
    const res = await get(auditGet, '?since=yesterday');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('since') });
    expect((await get(auditGet, '?limit=100000')).status).toBe(400);
    expect((await get(auditGet, '?colour=blue')).status).toBe(400);
  });
});

describe('GET /api/audit/export', () => {
  it('streams every matching entry as JSON Lines, newest first', async () => {
    const res = await get(exportGet, '/export?resource=eni-2');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { requestIds: string[] });
    expect(lines.map((l) => l.requestIds)).toEqual([['req-2']]);
    const all = (await (await get(exportGet, '/export')).text()).trim().split('\n');
    // The four applies, the user and the token created for this test, and the boundary's two refusals of the
    // unauthenticated requests in the first test.
    expect(all).toHaveLength(8);
  });
  it('refuses without credentials', async () => {
    expect((await get(exportGet, '/export', false)).status).toBe(401);
  });
});

describe('GET /api/audit and the export by account and region', () => {
  it('filters by the account and region an entry acted in, and refuses a malformed one', async () => {
    const scoped = (n: number, account: string, region: string) =>
      recordAudit({
        action: 'apply',
        outcome: 'ok',
        userId: 'u-otto',
        userName: 'otto',
        role: 'operator',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
        resourceIds: [`eni-s${n}`],
        requestIds: [`req-s${n}`],
        // As plan and apply write it: the scope in the details, copied into the columns.
        details: { n, account, region },
      });
    await scoped(1, 'staging', 'eu-west-1');
    await scoped(2, 'prod', 'eu-west-1');
    type Page = { entries: { requestIds: string[]; account: string | null; region: string | null }[] };
    const staging = (await (await get(auditGet, '?account=staging')).json()) as Page;
    expect(staging.entries.map((e) => [e.requestIds[0], e.account, e.region])).toEqual([
      ['req-s1', 'staging', 'eu-west-1'],
    ]);
    const west = (await (await get(auditGet, '?region=eu-west-1')).json()) as Page;
    expect(west.entries.map((e) => e.requestIds[0])).toEqual(['req-s2', 'req-s1']);
    const lines = (await (await get(exportGet, '/export?account=prod&region=eu-west-1')).text()).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as Page['entries'][number]).requestIds)).toEqual([['req-s2']]);
    const bad = await get(auditGet, '?account=Not%20An%20Account');
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toContain('account');
  });
});
