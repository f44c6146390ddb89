// Failover, unfinished operations, the guest OS configuration and the demo's failure each act in the account and
// region they name (or, for a Finish/Restore, where the operation started), against the emulator's multi-account
// scenario in demo mode: the emulator's request log names the access key and region of every call.
import { DescribeInstanceStatusCommand, DetachNetworkInterfaceCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { createEc2Client } from '@/lib/ec2/client';
import { consoleOperations } from '@/lib/ec2/console-operations';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { appliedRequests, type LoggedRequest } from '@/lib/testing/emulator-control';
import { findMove } from '@/lib/testing/moves';
import { emulatorForRoutes, postJson } from '@/lib/testing/route-emulator';
import { checkMove, type Move } from '@/lib/topology';
import { POST as applyPost } from './apply/route';
import { POST as failPost } from './demo/fail-instance/route';
import { GET as guestConfigGet } from './instances/[id]/guest-config/route';
import { POST as resolvePost } from './operations/[id]/resolve/route';
import { GET as operationsGet } from './operations/route';
import { POST as planPost } from './plan/route';
import { GET as topologyGet } from './topology/route';

const emu = emulatorForRoutes('multi-account', { attachDelayMs: 20, demo: true, emulatorAccounts: true });

const KEYS = { prod: 'AKIAPRODENICONSOLE', staging: 'AKIASTAGINGENICONSOLE' } as const;
/** A client of one account and region with its own access key, as the emulator tells accounts apart. */
const direct = (account: keyof typeof KEYS, region: string) =>
  createEc2Client({ endpoint: emu().url, region, credentials: { accessKeyId: KEYS[account], secretAccessKey: 'x' } });
const onlyIn = (calls: LoggedRequest[], account: keyof typeof KEYS, region: string) =>
  calls.length > 0 && calls.every((c) => c.accessKeyId === KEYS[account] && c.region === region);
const get = (handler: (r: Request, c: never) => Promise<Response>, path: string, params?: Record<string, string>) =>
  handler(new Request(`http://localhost${path}`), { params: Promise.resolve(params ?? {}) } as never);

/** A move-eni of staging/eu-west-1 left as a crash leaves it: journaled there, detached, never attached. */
async function crashedInStaging() {
  const scope = { account: 'staging', region: 'eu-west-1' };
  const client = direct('staging', 'eu-west-1');
  const s = await loadSnapshot(client);
  const move = findMove(s, 'move-eni-between') as Extract<Move, { kind: 'move-eni' }>;
  const verdict = checkMove(s, move);
  if (!verdict.ok) throw new Error('the move is accepted');
  const { journal } = await consoleOperations();
  const op = await journal.begin('otto', move, verdict.plan, scope);
  const detach = verdict.plan.steps[0]!;
  await client.send(new DetachNetworkInterfaceCommand(detach.input as never));
  return { id: op.id, move, scope, client };
}

describe('unfinished operations act where they started', { timeout: 120_000 }, () => {
  it('lists a staging/eu-west-1 operation with its scope, and finishes it there while the user views prod', async () => {
    const { id, move, scope, client } = await crashedInStaging();
    const prodBefore = await loadSnapshot(direct('prod', 'eu-west-1'));
    // The user views prod: the page's reads name prod.
    expect((await get(topologyGet, '/api/topology?account=prod&region=us-east-1')).status).toBe(200);

    const list = await (await get(operationsGet, '/api/operations?unfinished=1')).json();
    const listed = list.operations.find((o: { id: string }) => o.id === id);
    expect(listed).toMatchObject({ scope, finishedAt: null });
    // Observed in staging/eu-west-1, where the ENI was detached (in prod that id does not exist).
    expect(listed.observed).toContainEqual({ resource: move.eni, state: expect.stringMatching(/^not attached/) });

    await emu().clearRequests();
    const res = await resolvePost(
      new Request(`http://localhost/api/operations/${id}/resolve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'finish' }),
      }),
      { params: Promise.resolve({ id }) },
    );
    expect(await res.json()).toMatchObject({ ok: true, action: 'finish', outcome: { status: 'applied' }, scope });
    expect(onlyIn(appliedRequests(await emu().requests()), 'staging', 'eu-west-1')).toBe(true);
    const after = await loadSnapshot(client);
    expect(after.enis.find((e) => e.id === move.eni)?.attachment?.instanceId).toBe(move.toInstance);
    expect((await loadSnapshot(direct('prod', 'eu-west-1'))).enis).toEqual(prodBefore.enis);
    // The finish's own apply is journaled in the same scope.
    const recent = await (await get(operationsGet, '/api/operations?limit=1')).json();
    expect(recent.operations[0]).toMatchObject({ scope, outcome: { status: 'applied' } });
  });
  it('refuses to finish an operation of an account no longer configured, and says so in the list', async () => {
    const s = await loadSnapshot(direct('staging', 'us-east-1'));
    const move = findMove(s, 'move-eni-between');
    const verdict = checkMove(s, move);
    if (!verdict.ok) throw new Error('the move is accepted');
    const { journal } = await consoleOperations();
    const op = await journal.begin('otto', move, verdict.plan, { account: 'finance', region: 'us-east-1' });
    const list = await (await get(operationsGet, '/api/operations?unfinished=1')).json();
    expect(list.operations.find((o: { id: string }) => o.id === op.id)).toMatchObject({
      observed: null,
      observedError: expect.stringContaining('There is no account "finance"'),
    });
    await emu().clearRequests();
    const res = await resolvePost(
      new Request(`http://localhost/api/operations/${op.id}/resolve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'restore' }),
      }),
      { params: Promise.resolve({ id: op.id }) },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain('started in account finance');
    expect(appliedRequests(await emu().requests())).toEqual([]);
  });
});

describe('failover in a scope', { timeout: 120_000 }, () => {
  const scope = { account: 'staging', region: 'us-east-1' };
  async function pair() {
    const s = await loadSnapshot(direct('staging', 'us-east-1'));
    const id = (name: string) => s.instances.find((i) => i.name === name)?.id ?? '';
    return { kind: 'failover', from: id('ha-primary'), to: id('ha-standby'), ips: true };
  }

  it('plans and applies a staging failover in staging only, its plan marked with the scope', async () => {
    const failover = await pair();
    const planned = await (await postJson(planPost, { ...failover, scope })).json();
    expect(planned).toMatchObject({ ok: true, plan: { failover, scope } });
    await emu().clearRequests();
    const res = await postJson(applyPost, { move: failover, confirmed: planned.plan, scope });
    expect(await res.json()).toMatchObject({ ok: true, verification: 'verified' });
    expect(onlyIn(appliedRequests(await emu().requests()), 'staging', 'us-east-1')).toBe(true);
    // Journaled in staging/us-east-1: a Finish/Restore of it would act there.
    const ops = await (await get(operationsGet, '/api/operations?limit=1')).json();
    expect(ops.operations[0]).toMatchObject({ scope, move: { kind: 'move-eni' } });
  });

  it('refuses a staging failover plan applied to prod, and an unknown account, sending nothing', async () => {
    const failover = await pair();
    const planned = await (await postJson(planPost, { ...failover, scope })).json();
    await emu().clearRequests();
    const elsewhere = await postJson(applyPost, {
      move: failover,
      confirmed: planned.plan,
      scope: { account: 'prod', region: 'us-east-1' },
    });
    expect(elsewhere.status).toBe(400);
    expect((await elsewhere.json()).message).toContain('made for account staging in us-east-1');
    const unknown = await postJson(planPost, { ...failover, scope: { account: 'finance' } });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).message).toContain('There is no account "finance"');
    expect(appliedRequests(await emu().requests())).toEqual([]);
  });
});

describe('guest OS configuration and the demo failure in a scope', () => {
  it('renders the configuration of a staging instance, and refuses an unknown region', async () => {
    const s = await loadSnapshot(direct('staging', 'us-east-1'));
    const id = s.instances[0]!.id;
    const path = (q: string) => `/api/instances/${id}/guest-config?format=iproute2${q}`;
    await emu().clearRequests();
    const res = await get(guestConfigGet, path('&account=staging&region=us-east-1'), { id });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('ip ');
    const reads = (await emu().requests()).filter((r) => r.action.startsWith('Describe'));
    expect(onlyIn(reads, 'staging', 'us-east-1')).toBe(true);
    // The same id does not exist in prod, the default scope.
    expect((await get(guestConfigGet, path(''), { id })).status).toBe(404);
    const bad = await get(guestConfigGet, path('&account=staging&region=ap-south-1'), { id });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toContain('Its regions: us-east-1, eu-west-1');
  });

  it('fails an instance of the staging account only, and refuses an unknown account', async () => {
    const client = direct('staging', 'us-east-1');
    const primary = (await loadSnapshot(client)).instances.find((i) => i.name === 'ha-primary')!.id;
    const scope = { account: 'staging', region: 'us-east-1' };
    expect((await postJson(failPost, { instanceId: primary, scope })).status).toBe(200);
    const status = await client.send(new DescribeInstanceStatusCommand({ InstanceIds: [primary] }));
    expect(status.InstanceStatuses?.[0]?.InstanceStatus?.Status).toBe('impaired');
    const unknown = await postJson(failPost, { instanceId: primary, scope: { account: 'finance' } });
    expect(unknown.status).toBe(400);
    // Without a scope the default store is asked, where this staging instance does not exist.
    expect((await postJson(failPost, { instanceId: primary })).status).not.toBe(200);
  });
});
