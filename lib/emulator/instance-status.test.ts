// DescribeInstanceStatus through the real SDK, and the control plane's simulated instance failure.
import {
  DescribeInstanceStatusCommand,
  DescribeInstancesCommand,
  StartInstancesCommand,
  paginateDescribeInstanceStatus,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { expectEc2Error, get, useEmulator, world } from '@/lib/testing/emulator';

const h = useEmulator({ instanceStateDelayMs: 0 });

async function failInstance(body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${h.emu.url}/_emulator/fail-instance`, { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const statuses = async (input: ConstructorParameters<typeof DescribeInstanceStatusCommand>[0] = {}) =>
  (await h.ec2.send(new DescribeInstanceStatusCommand(input))).InstanceStatuses ?? [];

describe('DescribeInstanceStatus', () => {
  it('describes only running instances by default, each with passing system and instance checks', async () => {
    const w = await world(h.ec2);
    const running = [...w.instances.values()]
      .filter((i) => i.State?.Name === 'running')
      .map((i) => i.InstanceId)
      .sort();
    const list = await statuses();
    expect(list.map((s) => s.InstanceId).sort()).toEqual(running);
    const web1 = list.find((s) => s.InstanceId === get(w.instances, 'web-1').InstanceId)!;
    expect(web1).toMatchObject({
      AvailabilityZone: 'us-east-1a',
      InstanceState: { Code: 16, Name: 'running' },
      SystemStatus: { Status: 'ok', Details: [{ Name: 'reachability', Status: 'passed' }] },
      InstanceStatus: { Status: 'ok', Details: [{ Name: 'reachability', Status: 'passed' }] },
    });
  });

  it('includes stopped instances, not applicable, with IncludeAllInstances', async () => {
    const db = get((await world(h.ec2)).instances, 'db-1').InstanceId!;
    expect(await statuses({ InstanceIds: [db] })).toEqual([]);
    const [all] = await statuses({ InstanceIds: [db], IncludeAllInstances: true });
    expect(all).toMatchObject({
      InstanceState: { Name: 'stopped' },
      SystemStatus: { Status: 'not-applicable' },
      InstanceStatus: { Status: 'not-applicable' },
    });
  });

  it('pages with MaxResults and refuses it together with instance ids', async () => {
    const pages: number[] = [];
    for await (const page of paginateDescribeInstanceStatus(
      { client: h.ec2, pageSize: 5 },
      { IncludeAllInstances: true },
    ))
      pages.push(page.InstanceStatuses?.length ?? 0);
    const total = (await h.ec2.send(new DescribeInstancesCommand({}))).Reservations?.length ?? 0;
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(total);
    const id = get((await world(h.ec2)).instances, 'web-1').InstanceId!;
    await expectEc2Error(
      h.ec2.send(new DescribeInstanceStatusCommand({ InstanceIds: [id], MaxResults: 5 })),
      'InvalidParameterCombination',
    );
  });

  it('fails the whole call for an unknown instance id', async () => {
    await expectEc2Error(
      h.ec2.send(new DescribeInstanceStatusCommand({ InstanceIds: ['i-0123456789abcdef0'] })),
      'InvalidInstanceID.NotFound',
    );
  });
});

describe('POST /_emulator/fail-instance', () => {
  it('reports the instance impaired since the failure, and finds it by the status filters', async () => {
    const id = get((await world(h.ec2)).instances, 'web-1').InstanceId!;
    const before = Date.now();
    const res = await failInstance({ instanceId: id });
    expect(res).toMatchObject({ status: 200, json: { ok: true, instanceId: id, stopsAt: null } });
    const [s] = await statuses({ InstanceIds: [id] });
    expect(s).toMatchObject({
      InstanceState: { Name: 'running' },
      SystemStatus: { Status: 'impaired' },
      InstanceStatus: { Status: 'impaired', Details: [{ Name: 'reachability', Status: 'failed' }] },
    });
    expect(s!.InstanceStatus!.Details![0]!.ImpairedSince!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const impaired = await statuses({ Filters: [{ Name: 'instance-status.status', Values: ['impaired'] }] });
    expect(impaired.map((x) => x.InstanceId)).toEqual([id]);
  });

  it('stops the failed instance after stopAfterMs; a start brings it back healthy', async () => {
    const id = get((await world(h.ec2)).instances, 'web-2').InstanceId!;
    expect((await failInstance({ instanceId: id, stopAfterMs: 0 })).status).toBe(200);
    const [stopped] = await statuses({ InstanceIds: [id], IncludeAllInstances: true });
    expect(stopped).toMatchObject({ InstanceState: { Name: 'stopped' }, InstanceStatus: { Status: 'not-applicable' } });
    await h.ec2.send(new StartInstancesCommand({ InstanceIds: [id] }));
    const [again] = await statuses({ InstanceIds: [id] });
    expect(again).toMatchObject({ InstanceState: { Name: 'running' }, InstanceStatus: { Status: 'ok' } });
  });

  it('stops it later when stopAfterMs is in the future', async () => {
    const id = get((await world(h.ec2)).instances, 'app-2').InstanceId!;
    await failInstance({ instanceId: id, stopAfterMs: 150 });
    expect((await statuses({ InstanceIds: [id] }))[0]).toMatchObject({
      InstanceState: { Name: 'running' },
      InstanceStatus: { Status: 'impaired' },
    });
    await new Promise((r) => setTimeout(r, 200));
    const inst = (await h.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0]!
      .Instances![0]!;
    expect(inst.State?.Name).toBe('stopped');
    expect(inst.StateTransitionReason).toMatch(/^Simulated failure/);
  });

  it('refuses a missing id, an unknown instance, a stopped one and a bad stopAfterMs, saying what to send', async () => {
    expect(await failInstance({})).toMatchObject({
      status: 400,
      json: { error: expect.stringContaining('"instanceId" is required') },
    });
    expect((await failInstance({ instanceId: 'i-0123456789abcdef0' })).status).toBe(404);
    const db = get((await world(h.ec2)).instances, 'db-1').InstanceId!;
    expect(await failInstance({ instanceId: db })).toMatchObject({
      status: 409,
      json: { error: expect.stringContaining('is stopped') },
    });
    expect(await failInstance({ instanceId: db, stopAfterMs: -1 })).toMatchObject({
      status: 400,
      json: { error: expect.stringContaining('stopAfterMs') },
    });
  });
});
