// Every scenario loads through the SDK with consistent subnet ledgers; the large one reads fast enough.
import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  type NetworkInterface,
  paginateDescribeInstances,
  paginateDescribeNetworkInterfaces,
  paginateDescribeSubnets,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { Emulator } from './emulator';
import { listScenarios } from './scenarios';
import { get, useEmulator, world } from '@/lib/testing/emulator';

const env = useEmulator();

const usable = (cidr: string) => 2 ** (32 - Number(cidr.split('/')[1])) - 5;

// xlarge is read through the SDK by the bench (30 pages of ENIs); its own test below counts it in the store.
describe.each(
  listScenarios()
    .map((s) => s.name)
    .filter((n) => n !== 'xlarge'),
)('scenario %s', (name) => {
  it('loads, and every subnet counts usable minus held addresses as available', async () => {
    env.emu.reset(name);
    const subnets = (await env.ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? [];
    const enis: NetworkInterface[] = [];
    for await (const page of paginateDescribeNetworkInterfaces({ client: env.ec2, pageSize: 1000 }, {}))
      enis.push(...(page.NetworkInterfaces ?? []));
    expect(subnets.length).toBeGreaterThan(0);
    expect(enis.length).toBeGreaterThan(0);
    const held = new Map<string, number>();
    for (const e of enis)
      // A delegated /28 holds all 16 of its addresses (ec2-rules §2.7).
      held.set(
        e.SubnetId as string,
        (held.get(e.SubnetId as string) ?? 0) +
          (e.PrivateIpAddresses?.length ?? 0) +
          16 * (e.Ipv4Prefixes?.length ?? 0),
      );
    for (const s of subnets)
      expect(s.AvailableIpAddressCount).toBe(usable(s.CidrBlock as string) - (held.get(s.SubnetId as string) ?? 0));
    // Every associated EIP points at an address its ENI really holds.
    const addresses = (await env.ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [];
    const byId = new Map(enis.map((e) => [e.NetworkInterfaceId, e]));
    for (const a of addresses.filter((x) => x.AssociationId)) {
      expect(byId.get(a.NetworkInterfaceId)?.PrivateIpAddresses?.map((p) => p.PrivateIpAddress)).toContain(
        a.PrivateIpAddress,
      );
    }
  });
});

describe('showcase', () => {
  it('has the situations the end-to-end tests rely on', async () => {
    env.emu.reset('showcase');
    const w = await world(env.ec2);
    // (a) a secondary IP with an EIP whose subnet has another ENI with a free IP slot (web-2, t3.medium, 2 of 6)
    expect(get(w.eips, 'tls-shop').PrivateIpAddress).toBe('10.0.1.11');
    expect(get(w.enis, 'web-2/eth0').SubnetId).toBe(get(w.enis, 'web-1/eth0').SubnetId);
    // (b) a secondary ENI that can move to a running instance in the same AZ with a free slot
    expect(get(w.enis, 'app-1-data').Attachment?.DeviceIndex).toBe(1);
    expect(get(w.instances, 'app-2').State?.Name).toBe('running');
    expect(get(w.instances, 'app-2').NetworkInterfaces).toHaveLength(1);
    // (c) an instance in another AZ, (d) unassociated EIPs
    expect(get(w.instances, 'web-b-1').Placement?.AvailabilityZone).toBe('us-east-1b');
    expect(get(w.eips, 'spare-1').AssociationId).toBeUndefined();
    expect(get(w.instances, 'monitor').NetworkInterfaces).toHaveLength(2);
  });
});

describe('large', () => {
  it('serves every page of the console read, paged at MaxResults 1000', () => {
    const emulator = new Emulator('large');
    const bodies = [
      'Action=DescribeInstances&MaxResults=1000',
      'Action=DescribeNetworkInterfaces&MaxResults=1000',
      'Action=DescribeSubnets&MaxResults=1000',
      'Action=DescribeAddresses',
    ];
    let pages = 0;
    for (const first of bodies) {
      let body: string | undefined = first;
      while (body) {
        const answer = emulator.handleEc2(body);
        expect(answer.status).toBe(200);
        pages++;
        const token = /<nextToken>([^<]+)<\/nextToken>/.exec(answer.body)?.[1];
        body = token ? `${first}&NextToken=${token}` : undefined;
      }
    }
    expect(pages).toBe(2 + 6 + 1 + 1);
  });

  it('holds 2,000 instances, 6,000 ENIs, 18,000 private IPs and 1,000 EIPs, read through the SDK in parallel pages', async () => {
    env.emu.reset('large');
    const [instances, enis, subnets, addresses] = await Promise.all([
      (async () => {
        let n = 0;
        for await (const p of paginateDescribeInstances({ client: env.ec2, pageSize: 1000 }, {}))
          for (const r of p.Reservations ?? []) n += r.Instances?.length ?? 0;
        return n;
      })(),
      (async () => {
        const all: NetworkInterface[] = [];
        for await (const p of paginateDescribeNetworkInterfaces({ client: env.ec2, pageSize: 1000 }, {}))
          all.push(...(p.NetworkInterfaces ?? []));
        return all;
      })(),
      (async () => {
        let n = 0;
        for await (const p of paginateDescribeSubnets({ client: env.ec2, pageSize: 1000 }, {}))
          n += p.Subnets?.length ?? 0;
        return n;
      })(),
      env.ec2.send(new DescribeAddressesCommand({})),
    ]);
    expect(instances).toBe(2000);
    expect(enis).toHaveLength(6000);
    expect(enis.reduce((n, e) => n + (e.PrivateIpAddresses?.length ?? 0), 0)).toBe(18000);
    expect(addresses.Addresses).toHaveLength(1000);
    expect(subnets).toBe(18);
  });

  it('still pages DescribeInstances into two pages at MaxResults 1000', async () => {
    env.emu.reset('large');
    const first = await env.ec2.send(new DescribeInstancesCommand({ MaxResults: 1000 }));
    expect(first.Reservations).toHaveLength(1000);
    const second = await env.ec2.send(new DescribeInstancesCommand({ MaxResults: 1000, NextToken: first.NextToken }));
    expect(second.Reservations).toHaveLength(1000);
    expect(second.NextToken).toBeUndefined();
    const ids = new Set(
      [...(first.Reservations ?? []), ...(second.Reservations ?? [])].map((r) => r.Instances?.[0]?.InstanceId),
    );
    expect(ids.size).toBe(2000);
    const byFilter = await env.ec2.send(
      new DescribeNetworkInterfacesCommand({
        Filters: [{ Name: 'addresses.private-ip-address', Values: ['10.1.0.10'] }],
      }),
    );
    expect(byFilter.NetworkInterfaces?.length).toBe(1);
  });
});

describe('xlarge', () => {
  it('holds 10,000 instances, 30,000 ENIs, 90,000 private IPs and 5,000 associated EIPs across 5 VPCs and 3 AZs', () => {
    const store = new Emulator('xlarge').store;
    const enis = [...store.enis.values()];
    expect(store.instances.size).toBe(10_000);
    expect(enis).toHaveLength(30_000);
    expect(enis.reduce((n, e) => n + e.privateIps.length, 0)).toBe(90_000);
    const eips = [...store.eips.values()];
    expect(eips).toHaveLength(5_000);
    expect(eips.every((e) => e.association !== null)).toBe(true);
    expect(store.vpcs.size).toBe(5);
    expect(new Set([...store.subnets.values()].map((s) => s.az)).size).toBe(3);
    // Every subnet's ledger holds exactly the addresses its ENIs hold.
    const held = new Map<string, number>();
    for (const e of enis) held.set(e.subnetId, (held.get(e.subnetId) ?? 0) + e.privateIps.length);
    for (const s of store.subnets.values()) expect(s.ledger.available()).toBe(usable(s.cidr) - (held.get(s.id) ?? 0));
  });
});
