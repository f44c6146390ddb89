// The /_emulator/ JSON control plane: scenarios, reset, request log, settings, fault injection.
import {
  DescribeVpcsCommand,
  type EC2Client,
  AttachNetworkInterfaceCommand,
  DescribeNetworkInterfacesCommand,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { control, expectEc2Error, get, type Started, startForTest, world } from '@/lib/testing/emulator';

let emu: Started;
let ec2: EC2Client;

beforeAll(async () => ({ emu, ec2 } = await startForTest()));
afterAll(() => emu.close());
beforeEach(async () => {
  emu.reset('showcase');
  await call('DELETE', '/_emulator/faults');
  await call('DELETE', '/_emulator/requests');
});

const call = (method: string, path: string, body?: unknown) => control(emu, method, path, body);

describe('control plane', () => {
  it('reports health and lists every scenario with a title and description', async () => {
    expect((await call('GET', '/_emulator/health')).json).toEqual({ ok: true, scenario: 'showcase' });
    const { json } = await call('GET', '/_emulator/scenarios');
    const names = (json.scenarios as { name: string; title: string; description: string }[]).map((s) => s.name);
    expect(names).toEqual([
      'showcase',
      'dual-homed-tiers',
      'eks-nodes',
      'ha-failover',
      'large',
      'management-network',
      'multi-vpc',
      'nat-appliance',
      'tls-sites',
      'xlarge',
      'multi-account',
    ]);
    for (const s of json.scenarios as { title: string; description: string }[]) {
      expect(s.title.length).toBeGreaterThan(3);
      expect(s.description.length).toBeGreaterThan(10);
    }
  });

  it('resets to a named scenario and refuses an unknown one with the list of names', async () => {
    expect((await call('POST', '/_emulator/reset', { scenario: 'tls-sites' })).status).toBe(200);
    const vpcs = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
    expect(vpcs.map((v) => v.CidrBlock)).toEqual(['10.10.0.0/16']);
    const bad = await call('POST', '/_emulator/reset', { scenario: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.json.scenarios).toContain('showcase');
  });

  it('explains what to send for a body that is not JSON', async () => {
    const res = await call('POST', '/_emulator/reset', '{scenario:');
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(/JSON.*"scenario"/);
  });

  it('gives the same IDs after a reset to the same scenario', async () => {
    const before = (await ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces?.map((e) => [
      e.NetworkInterfaceId,
      e.MacAddress,
    ]);
    await call('POST', '/_emulator/reset', { scenario: 'showcase' });
    const after = (await ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces?.map((e) => [
      e.NetworkInterfaceId,
      e.MacAddress,
    ]);
    expect(after).toEqual(before);
  });

  it('logs each EC2 call with its parameters, outcome and request id', async () => {
    const ok = await ec2.send(
      new DescribeVpcsCommand({ Filters: [{ Name: 'vpc-id', Values: ['vpc-0000000000000000f'] }] }),
    );
    await expectEc2Error(
      ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0000000000000000f'] })),
      'InvalidVpcID.NotFound',
    );
    const log = (await call('GET', '/_emulator/requests')).json.requests as Record<string, unknown>[];
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      action: 'DescribeVpcs',
      outcome: 'ok',
      httpStatus: 200,
      requestId: ok.$metadata.requestId,
      parameters: { 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': 'vpc-0000000000000000f' },
    });
    expect(log[1]).toMatchObject({ action: 'DescribeVpcs', outcome: 'InvalidVpcID.NotFound', httpStatus: 400 });
    expect((log[1]?.seq as number) - (log[0]?.seq as number)).toBe(1);
    await call('DELETE', '/_emulator/requests');
    expect((await call('GET', '/_emulator/requests')).json.requests).toEqual([]);
  });

  it('fails the next N calls of an action with an injected fault, then recovers', async () => {
    const w = await world(ec2);
    const attach = () =>
      ec2.send(
        new AttachNetworkInterfaceCommand({
          NetworkInterfaceId: get(w.enis, 'spare-a').NetworkInterfaceId,
          InstanceId: get(w.instances, 'app-2').InstanceId,
          DeviceIndex: 1,
        }),
      );
    const set = await call('POST', '/_emulator/faults', {
      action: 'AttachNetworkInterface',
      code: 'InternalError',
      status: 500,
      message: 'boom',
      times: 1,
    });
    expect(set.status).toBe(200);
    const err = await expectEc2Error(attach(), 'InternalError', 'boom');
    expect(err.$metadata.httpStatusCode).toBe(500);
    const res = await attach();
    expect(res.AttachmentId).toMatch(/^eni-attach-/);
  });

  it('validates fault bodies', async () => {
    const res = await call('POST', '/_emulator/faults', { code: 'X' });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(/"action"/);
  });

  it('reads and patches settings, refusing unknown or ill-typed ones', async () => {
    const patched = await call('PATCH', '/_emulator/settings', {
      attachDelayMs: 25,
      reassignErrorCode: 'Resource.AlreadyAssigned',
    });
    expect(patched.json).toMatchObject({ attachDelayMs: 25, reassignErrorCode: 'Resource.AlreadyAssigned' });
    expect(emu.settings.attachDelayMs).toBe(25);
    expect((await call('PATCH', '/_emulator/settings', { attachDelayMs: -1 })).status).toBe(400);
    expect((await call('PATCH', '/_emulator/settings', { colour: 'blue' })).status).toBe(400);
    await call('PATCH', '/_emulator/settings', { attachDelayMs: 0, reassignErrorCode: 'InvalidParameterValue' });
    expect((await call('GET', '/_emulator/settings')).json.attachDelayMs).toBe(0);
  });
});
