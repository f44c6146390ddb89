// loadSnapshot and loadScopedSnapshot against the real emulator, through the real SDK over HTTP.
import { DescribeNetworkInterfacesCommand, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listScenarios } from '@/lib/emulator';
import { usableAddresses } from '@/lib/topology';
import { countCalls } from './call-counter';
import { loadScopedSnapshot, loadSnapshot } from './snapshot';
import { SNAPSHOT_READS } from '@/lib/testing/emulator-control';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator('showcase');
});
afterAll(async () => emu?.close());

/** Counts with page sizes other than the loader's, to check pagination joins pages without loss or repeats. */
async function independentCounts() {
  let instances = 0;
  for await (const page of paginateDescribeInstances({ client: emu.client, pageSize: 7 }, {})) {
    instances += (page.Reservations ?? []).reduce((n, r) => n + (r.Instances?.length ?? 0), 0);
  }
  let enis = 0;
  let token: string | undefined;
  do {
    const page = await emu.client.send(new DescribeNetworkInterfacesCommand({ MaxResults: 9, NextToken: token }));
    enis += page.NetworkInterfaces?.length ?? 0;
    token = page.NextToken;
  } while (token);
  return { instances, enis };
}

describe('loadSnapshot', () => {
  const small = listScenarios()
    .map((s) => s.name)
    .filter((name) => name !== 'large' && name !== 'xlarge');

  it.each(small)('loads the %s scenario into a consistent snapshot', async (name) => {
    await emu.reset(name);
    const snapshot = await loadSnapshot(emu.client);
    expect(snapshot.endpoint).toBe(emu.url);
    expect(snapshot.endpointServer).toBe('ENI-Console-EC2-Emulator');
    expect(snapshot.region).toBe('us-east-1');
    expect(snapshot.instances.length).toBeGreaterThan(0);
    expect({ instances: snapshot.instances.length, enis: snapshot.enis.length }).toEqual(await independentCounts());

    const instanceIds = new Set(snapshot.instances.map((i) => i.id));
    for (const eni of snapshot.enis)
      if (eni.attachment?.instanceId) expect(instanceIds).toContain(eni.attachment.instanceId);
    for (const i of snapshot.instances) expect(snapshot.instanceTypes[i.type], `limits of ${i.type}`).toBeDefined();
    // Every associated EIP shows under the private IP it maps to (ec2-rules §2.4).
    for (const eip of snapshot.eips.filter((e) => e.eniId)) {
      const ip = snapshot.enis.find((e) => e.id === eip.eniId)?.privateIps.find((p) => p.address === eip.privateIp);
      expect(ip?.association?.allocationId, `${eip.allocationId} on ${eip.eniId}`).toBe(eip.allocationId);
    }
    // availableIpCount = usable − held (ec2-rules §2.5), a delegated /28 holding 16 (ec2-rules §2.7).
    for (const subnet of snapshot.subnets) {
      const held = snapshot.enis
        .filter((e) => e.subnetId === subnet.id)
        .reduce((n, e) => n + e.privateIps.length + 16 * (e.ipv4Prefixes?.length ?? 0), 0);
      expect(subnet.availableIpCount, subnet.id).toBe((usableAddresses(subnet.cidr) ?? 0) - held);
    }
  });

  it('reads each collection with paginated describes, never one call per resource', async () => {
    await emu.reset('showcase');
    await emu.clearRequests();
    await loadSnapshot(emu.client);
    const log = await emu.requests();
    const actions = log.map((r) => r.action).sort();
    expect(actions).toEqual([...SNAPSHOT_READS].sort());
    expect(log.find((r) => r.action === 'DescribeNetworkInterfaces')?.parameters.MaxResults).toBe('1000');
    expect(log.every((r) => r.outcome === 'ok')).toBe(true);
  });

  it('loads the large scenario (2,000 instances, 1,000 EIPs) in at most 20 EC2 calls', async () => {
    await emu.reset('large');
    const counter = countCalls(emu.client);
    const snapshot = await loadSnapshot(emu.client);
    counter.stop();
    expect(snapshot.instances).toHaveLength(2000);
    expect(snapshot.eips).toHaveLength(1000);
    expect(snapshot.vpcs).toHaveLength(3);
    expect(snapshot.enis.length).toBeGreaterThan(5000);
    expect(counter.count()).toBeLessThanOrEqual(20);
    expect(counter.byAction().DescribeInstanceTypes).toBe(1);
    await emu.reset('showcase');
  });
});

describe('loadSnapshot: health', () => {
  it('gives every running instance its status checks, and an impaired one the time it failed', async () => {
    await emu.reset('showcase');
    const before = await loadSnapshot(emu.client);
    const running = before.instances.filter((i) => i.state === 'running');
    expect(
      running.every((i) => i.health?.system === 'ok' && i.health.instance === 'ok' && i.health.impairedSince === null),
    ).toBe(true);
    expect(before.instances.filter((i) => i.state === 'stopped').every((i) => i.health === undefined)).toBe(true);
    expect(before.healthUnavailable).toBeUndefined();

    const victim = running[0]!;
    await emu.failInstance(victim.id);
    const after = await loadSnapshot(emu.client);
    const health = after.instances.find((i) => i.id === victim.id)?.health;
    expect(health).toMatchObject({ system: 'impaired', instance: 'impaired' });
    expect(Date.parse(health!.impairedSince!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('still reads the topology when the status checks are refused, and says why they are missing', async () => {
    await emu.reset('showcase');
    await emu.fault({
      action: 'DescribeInstanceStatus',
      code: 'UnauthorizedOperation',
      status: 403,
      message: 'You are not authorized to perform this operation.',
      times: 1,
    });
    const snapshot = await loadSnapshot(emu.client);
    expect(snapshot.instances.length).toBeGreaterThan(0);
    expect(snapshot.instances.every((i) => i.health === undefined)).toBe(true);
    expect(snapshot.healthUnavailable).toBe(
      'Status checks not shown: the credentials lack ec2:DescribeInstanceStatus.',
    );
  });
});

describe('loadScopedSnapshot', () => {
  it('re-reads one ENI with its instance, that instance’s ENIs, subnet, VPC, addresses and type', async () => {
    await emu.reset('showcase');
    const full = await loadSnapshot(emu.client);
    const eni = full.enis.find((e) => e.attachment && e.attachment.deviceIndex > 0);
    if (!eni?.attachment?.instanceId) throw new Error('showcase needs a secondary ENI');
    const instanceId = eni.attachment.instanceId;
    await emu.clearRequests();
    const scoped = await loadScopedSnapshot(emu.client, { ids: [eni.id] });
    expect(scoped.enis.find((e) => e.id === eni.id)).toEqual(eni);
    expect(scoped.instances.map((i) => i.id)).toEqual([instanceId]);
    expect(scoped.enis.map((e) => e.id).sort()).toEqual(
      full.enis
        .filter((e) => e.attachment?.instanceId === instanceId)
        .map((e) => e.id)
        .sort(),
    );
    expect(scoped.subnets.map((s) => s.id)).toContain(eni.subnetId);
    expect(scoped.vpcs.map((v) => v.id)).toEqual([eni.vpcId]);
    expect(scoped.vpcs[0]?.hasInternetGateway).toBe(full.vpcs.find((v) => v.id === eni.vpcId)?.hasInternetGateway);
    const type = full.instances.find((i) => i.id === instanceId)?.type ?? '';
    expect(Object.keys(scoped.instanceTypes)).toEqual([type]);
    // Filtered, not unfiltered, describes: every call names what it wants.
    expect(
      (await emu.requests()).every(
        (r) => Object.keys(r.parameters).some((k) => k.startsWith('Filter.')) || r.action === 'DescribeInstanceTypes',
      ),
    ).toBe(true);
  });

  it('finds the current holder of a private IP', async () => {
    const full = await loadSnapshot(emu.client);
    const holder = full.enis.find((e) => e.privateIps.length > 1);
    const ip = holder?.privateIps[1]?.address;
    if (!holder || !ip) throw new Error('showcase needs a secondary IP');
    const scoped = await loadScopedSnapshot(emu.client, { ids: [], ips: [ip] });
    expect(scoped.enis.map((e) => e.id)).toContain(holder.id);
  });

  it('returns an empty snapshot, not an error, for ids that do not exist', async () => {
    const scoped = await loadScopedSnapshot(emu.client, { ids: ['eni-0000000000000dead', 'i-0000000000000dead'] });
    expect(scoped.enis).toEqual([]);
    expect(scoped.instances).toEqual([]);
  });
});
