// loadSnapshot splits the big describes of a busy region into parallel chains by subnet, and still reads
// every instance and ENI exactly once: compared with one unfiltered chain of each, against the emulator.
import type { Subnet } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCalls } from './call-counter';
import { ec2Describe, loadSnapshot, partitionBySubnet } from './snapshot';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';

const subnet = (id: string, cidr: string, available: number): Subnet => ({
  SubnetId: id,
  CidrBlock: cidr,
  AvailableIpAddressCount: available,
});

describe('partitionBySubnet', () => {
  it('keeps one chain while the region has few addresses in use, or one subnet', () => {
    expect(partitionBySubnet([subnet('a', '10.0.0.0/20', 4091 - 900), subnet('b', '10.0.16.0/20', 4091)], 1000)).toBe(
      null,
    );
    expect(partitionBySubnet([subnet('a', '10.0.0.0/16', 0)], 1000)).toBe(null);
  });

  it('splits into at most four groups of about equal addresses in use, every subnet in exactly one', () => {
    // Used: a 4,000, b 3,000, c 2,000, d 1,000, e 1,000, f 500 (a /20 has 4,091 usable addresses).
    const used = { a: 4000, b: 3000, c: 2000, d: 1000, e: 1000, f: 500 };
    const subnets = Object.entries(used).map(([id, n], i) => subnet(id, `10.0.${16 * i}.0/20`, 4091 - n));
    const groups = partitionBySubnet(subnets, 2000)!;
    // Largest first into the emptiest group: 4,000 / 3,000 / 2,500 / 2,000.
    expect(groups).toEqual([['a'], ['b'], ['c', 'f'], ['d', 'e']]);
  });
});

describe('loadSnapshot of a busy region', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator('large');
  });
  afterAll(async () => emu?.close());

  it('reads instances and ENIs in parallel chains by subnet, each exactly once, in at most 20 calls', async () => {
    const counter = countCalls(emu.client);
    const snapshot = await loadSnapshot(emu.client);
    counter.stop();
    const [reservations, enis] = await Promise.all([
      ec2Describe.reservations(emu.client),
      ec2Describe.networkInterfaces(emu.client),
    ]);
    const instanceIds = reservations.flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId);
    expect(snapshot.instances.map((i) => i.id).sort()).toEqual(instanceIds.sort());
    expect(snapshot.enis.map((e) => e.id).sort()).toEqual(enis.map((e) => e.NetworkInterfaceId).sort());
    // Split: more than the 2 + 6 pages one chain each would take, and still within the budget.
    const calls = counter.byAction();
    expect((calls.DescribeInstances ?? 0) + (calls.DescribeNetworkInterfaces ?? 0)).toBeGreaterThan(8);
    expect(counter.count()).toBeLessThanOrEqual(20);
  });
});
