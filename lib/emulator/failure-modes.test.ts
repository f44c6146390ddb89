// EC2's failure modes as emulator faults and settings: latency per action, a reset or a 5xx after the change is
// committed, throttling bursts, describes that lag behind writes, a slow detach.
import {
  AssignPrivateIpAddressesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeVpcsCommand,
  DetachNetworkInterfaceCommand,
} from '@aws-sdk/client-ec2';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectEc2Error, get, useEmulator, world } from '@/lib/testing/emulator';
import { controlHeaders } from './access';

const h = useEmulator();
beforeEach(async () => void (await control('DELETE', '/_emulator/faults')));

async function control(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(h.emu.url + path, {
    method,
    headers: controlHeaders(h.emu.controlToken, body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** A secondary IP of web-1, to move to web-2 in the same subnet. */
async function ipMove() {
  const w = await world(h.ec2);
  const from = get(w.enis, 'web-1/eth0');
  const ip = from.PrivateIpAddresses?.find((a) => !a.Primary)?.PrivateIpAddress as string;
  const to = get(w.enis, 'web-2/eth0');
  const holder = async () =>
    (
      await h.ec2.send(
        new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'addresses.private-ip-address', Values: [ip] }] }),
      )
    ).NetworkInterfaces?.[0]?.NetworkInterfaceId;
  const send = () =>
    h.ec2.send(
      new AssignPrivateIpAddressesCommand({
        NetworkInterfaceId: to.NetworkInterfaceId,
        PrivateIpAddresses: [ip],
        AllowReassignment: true,
      }),
    );
  return { to: to.NetworkInterfaceId as string, holder, send };
}

describe('failure modes', () => {
  it('makes the change, then closes the connection without an answer (reset after commit)', async () => {
    const m = await ipMove();
    expect(
      (
        await control('POST', '/_emulator/faults', {
          action: 'AssignPrivateIpAddresses',
          kind: 'reset',
          when: 'after-commit',
        })
      ).status,
    ).toBe(200);
    await expect(m.send()).rejects.toThrow();
    expect(await m.holder()).toBe(m.to);
    expect((await control('GET', '/_emulator/faults')).json.fired).toEqual({ 'reset after-commit': 1 });
  });

  it('makes the change, then answers a 5xx (error after commit)', async () => {
    const m = await ipMove();
    await control('POST', '/_emulator/faults', {
      action: 'AssignPrivateIpAddresses',
      code: 'InternalError',
      status: 500,
      when: 'after-commit',
    });
    await expectEc2Error(m.send(), 'InternalError');
    expect(await m.holder()).toBe(m.to);
  });

  it('refuses every action during a throttling burst, then recovers', async () => {
    await control('POST', '/_emulator/faults', { action: '*', code: 'RequestLimitExceeded', status: 503, times: 2 });
    await expectEc2Error(h.ec2.send(new DescribeVpcsCommand({})), 'RequestLimitExceeded');
    const m = await ipMove().catch((e: unknown) => e);
    expect(m).toBeInstanceOf(Error); // the second throttled call
    expect((await h.ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length).toBeGreaterThan(0);
  });

  it('delays the answers of one action by its latency, others not', async () => {
    await control('PATCH', '/_emulator/settings', { latencyMs: { DescribeVpcs: 300 } });
    let started = Date.now();
    await h.ec2.send(new DescribeVpcsCommand({}));
    const slow = Date.now() - started;
    started = Date.now();
    await h.ec2.send(new DescribeNetworkInterfacesCommand({}));
    const fast = Date.now() - started;
    expect(slow).toBeGreaterThanOrEqual(290);
    expect(fast).toBeLessThan(slow);
    expect((await control('PATCH', '/_emulator/settings', { latencyMs: { describeVpcs: -1 } })).status).toBe(400);
  });

  it('shows a write in describes only after describeLagMs (eventual consistency)', async () => {
    const m = await ipMove();
    const before = await m.holder();
    await control('PATCH', '/_emulator/settings', { describeLagMs: 300 });
    await m.send();
    expect(await m.holder()).toBe(before);
    await new Promise((r) => setTimeout(r, 320));
    expect(await m.holder()).toBe(m.to);
  });

  it('keeps a detach in detaching for detachDelayMs (a slow detach)', async () => {
    await control('PATCH', '/_emulator/settings', { detachDelayMs: 60_000, attachDelayMs: 0 });
    const eni = get((await world(h.ec2)).enis, 'app-1-data');
    await h.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: eni.Attachment?.AttachmentId }));
    const now = (
      await h.ec2.send(
        new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni.NetworkInterfaceId as string] }),
      )
    ).NetworkInterfaces?.[0];
    expect(now?.Attachment?.Status).toBe('detaching');
  });
});
