// Accounts and regions at the routes, against the emulator's multi-account scenario in demo mode (the accounts are
// the emulator's access keys): each scope its own snapshot, an unknown account or region a clear 400, and a move
// planned and applied in one account lands in that account only.
import { postJson } from '@/lib/testing/route-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEc2Client, resetEc2Client } from '@/lib/ec2/client';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { forgetDemoAccounts } from '@/lib/ec2/accounts';
import { applyEndpoint } from '@/lib/http/endpoints';
import { resetRateLimits } from '@/lib/http/rate-limit';
import { keepEnv } from '@/lib/testing/env';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';
import { appliedRequests } from '@/lib/testing/emulator-control';
import { findMove } from '@/lib/testing/moves';
import type { Snapshot } from '@/lib/topology';
import { GET as accountsGet } from './accounts/route';
import { POST as applyPost } from './apply/route';
import { POST as planPost } from './plan/route';
import { GET as topologyGet } from './topology/route';

let emu: TestEmulator;
const restoreEnv = keepEnv(
  'AWS_ENDPOINT_URL_EC2',
  'ENI_CONSOLE_DEMO',
  'EMULATOR_CONTROL_TOKEN',
  'ENI_CONSOLE_ACCOUNTS',
);

beforeAll(async () => {
  emu = await startTestEmulator('multi-account', { attachDelayMs: 20 });
  process.env.ENI_CONSOLE_DEMO = '1';
  process.env.EMULATOR_CONTROL_TOKEN = emu.controlToken;
  delete process.env.ENI_CONSOLE_ACCOUNTS;
});
beforeEach(async () => {
  process.env.AWS_ENDPOINT_URL_EC2 = emu.url;
  resetEc2Client();
  forgetDemoAccounts();
  await emu.reset('multi-account');
  resetRateLimits();
});
afterAll(async () => {
  restoreEnv();
  resetEc2Client();
  await emu?.close();
});

const topology = async (query: string) => {
  const res = await topologyGet(new Request(`http://localhost/api/topology${query}`));
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; snapshot: Snapshot; code?: string; message: string },
  };
};
/** Some accepted move of this account (the scenarios differ in what they offer). */
function anyMove(s: Snapshot) {
  for (const kind of ['move-ip', 'move-eip', 'detach-eni'] as const) {
    try {
      return findMove(s, kind);
    } catch {
      // this scenario has none of this kind: try the next
    }
  }
  throw new Error('no accepted move in this account');
}
const names = (s: Snapshot) => s.instances.map((i) => i.name).sort();
/** The account as the emulator holds it, read with that account's own access key. */
const direct = (accessKeyId: string, region: string) =>
  loadSnapshot(
    createEc2Client({ endpoint: emu.url, region, credentials: { accessKeyId, secretAccessKey: 'not-checked' } }),
  );

describe('GET /api/accounts', () => {
  it('lists the emulator’s accounts with their regions, and no keys', async () => {
    const res = await accountsGet(new Request('http://localhost/api/accounts'));
    const body = await res.json();
    expect(body).toEqual({
      ok: true,
      accounts: [
        { id: 'prod', label: 'Production', regions: ['us-east-1', 'eu-west-1'] },
        { id: 'staging', label: 'Staging', regions: ['us-east-1', 'eu-west-1'] },
      ],
    });
  });
});

describe('GET /api/topology?account=…&region=…', () => {
  it('reads each account and region as its own snapshot', async () => {
    const stagingEast = await topology('?account=staging&region=us-east-1');
    const stagingWest = await topology('?account=staging&region=eu-west-1');
    const prodEast = await topology('?account=prod');
    expect(stagingEast.status).toBe(200);
    expect(stagingEast.body).toMatchObject({ ok: true, snapshot: { region: 'us-east-1' }, account: 'staging' });
    expect(names(stagingEast.body.snapshot)).toEqual(names(await direct('AKIASTAGINGENICONSOLE', 'us-east-1')));
    expect(stagingWest.body.snapshot.region).toBe('eu-west-1');
    expect(names(stagingWest.body.snapshot)).toEqual(names(await direct('AKIASTAGINGENICONSOLE', 'eu-west-1')));
    expect(names(prodEast.body.snapshot)).toEqual(names(await direct('AKIAPRODENICONSOLE', 'us-east-1')));
    expect(names(prodEast.body.snapshot)).not.toEqual(names(stagingEast.body.snapshot));
  });

  it('answers 400 for an account not configured, naming the ones that are', async () => {
    const { status, body } = await topology('?account=finance');
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(body.message).toContain('There is no account "finance"');
    expect(body.message).toContain('prod (Production), staging (Staging)');
  });

  it('answers 400 for a region the account is not offered in, or one that is not a region', async () => {
    const other = await topology('?account=staging&region=ap-south-1');
    expect(other.status).toBe(400);
    expect(other.body.message).toContain('Its regions: us-east-1, eu-west-1');
    const junk = await topology('?region=not-a-region');
    expect(junk.status).toBe(400);
    expect(junk.body.message).toContain('the query parameter "region"');
  });

  it('answers 400 for a query parameter it does not know, naming it as a query parameter', async () => {
    const { status, body } = await topology('?acount=staging');
    expect(status).toBe(400);
    expect(body.message).toContain('the query: unknown parameter "acount"');
    expect(body.message).not.toContain('the body');
  });
});

describe('plan and apply in a scope', { timeout: 120_000 }, () => {
  it('applies a plan in the account and region it was made in, and nowhere else', async () => {
    const scope = { account: 'staging', region: 'eu-west-1' };
    const before = await direct('AKIAPRODENICONSOLE', 'eu-west-1');
    const staging = await direct('AKIASTAGINGENICONSOLE', 'eu-west-1');
    const move = anyMove(staging);
    const planned = await (await postJson(planPost, { move, scope })).json();
    expect(planned).toMatchObject({ ok: true, plan: { move, scope } });
    await emu.clearRequests();
    const res = await postJson(applyPost, { move, confirmed: planned.plan, scope });
    expect(res.status).toBe(200);
    const calls = appliedRequests(await emu.requests());
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.accessKeyId === 'AKIASTAGINGENICONSOLE' && c.region === 'eu-west-1')).toBe(true);
    expect(await direct('AKIAPRODENICONSOLE', 'eu-west-1')).toMatchObject({ enis: before.enis });
  });

  it('refuses to apply a plan made in one scope to another, sending nothing', async () => {
    const staging = await direct('AKIASTAGINGENICONSOLE', 'us-east-1');
    const move = anyMove(staging);
    const scope = { account: 'staging', region: 'us-east-1' };
    const planned = await (await postJson(planPost, { move, scope })).json();
    await emu.clearRequests();
    const res = await postJson(applyPost, {
      move,
      confirmed: planned.plan,
      scope: { account: 'prod', region: 'us-east-1' },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.message).toContain('made for account staging in us-east-1');
    expect(appliedRequests(await emu.requests())).toEqual([]);
  });

  it('refuses a plan made without a scope (the default one), or stripped of it, in another scope, sending nothing', async () => {
    // An Elastic IP's allocation names no resource: only the plan's scope tells where it was confirmed.
    const move = { kind: 'allocate-eip' as const, name: 'seen-in-prod' };
    const planned = await (await postJson(planPost, move)).json();
    const { scope: _marker, ...stripped } = (
      await (await postJson(planPost, { move, scope: { account: 'prod' } })).json()
    ).plan;
    await emu.clearRequests();
    for (const confirmed of [planned.plan, stripped]) {
      const res = await postJson(applyPost, { move, confirmed, scope: { account: 'staging', region: 'us-east-1' } });
      expect(res.status).toBe(400);
      expect((await res.json()).message).toContain('made for account prod in us-east-1');
    }
    expect(appliedRequests(await emu.requests())).toEqual([]);
    const same = await postJson(applyPost, { move, confirmed: planned.plan, scope: { account: 'prod' } });
    expect(same.status).toBe(200);
  });

  it('applies a plan the page marked with its scope as the URL names it (only the account): the default region', async () => {
    // The console's page checks a drop itself and marks the plan with its own scope, which may name one half.
    const move = { kind: 'allocate-eip' as const, name: 'made-on-the-staging-page' };
    const { scope: _server, ...plan } = (
      await (await postJson(planPost, { move, scope: { account: 'staging' } })).json()
    ).plan;
    await emu.clearRequests();
    const elsewhere = await postJson(applyPost, {
      move,
      confirmed: { ...plan, scope: { account: 'staging' } },
      scope: { account: 'prod' },
    });
    expect(elsewhere.status).toBe(400);
    expect(appliedRequests(await emu.requests())).toEqual([]);
    const res = await postJson(applyPost, {
      move,
      confirmed: { ...plan, scope: { account: 'staging' } },
      scope: { account: 'staging' },
    });
    expect(res.status).toBe(200);
    const calls = appliedRequests(await emu.requests());
    expect(calls.map((c) => [c.action, c.accessKeyId])).toEqual([['AllocateAddress', 'AKIASTAGINGENICONSOLE']]);
  });

  it('names the account and region in the audit', () => {
    const move = { kind: 'detach-eni' as const, eni: 'eni-0123456789abcdef0' };
    const entry = applyEndpoint.audit!(
      { move, scope: { account: 'staging', region: 'eu-west-1' } },
      {
        ok: false,
        code: 'refused',
        message: 'no',
      },
    );
    expect(entry.details).toMatchObject({ account: 'staging', region: 'eu-west-1' });
  });
});
