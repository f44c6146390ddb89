// Prefix delegation, IPv6 and network cards through the real SDK, on the eks-nodes scenario (ec2-rules §2.7).
import {
  AssignIpv6AddressesCommand,
  AssignPrivateIpAddressesCommand,
  AttachNetworkInterfaceCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  UnassignIpv6AddressesCommand,
  UnassignPrivateIpAddressesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { expectEc2Error, get, useEmulator, world } from '@/lib/testing/emulator';

const env = useEmulator({}, 'eks-nodes');

const eniById = async (id: string | undefined) =>
  (await env.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [id as string] })))
    .NetworkInterfaces?.[0];
const freeIn = async (id: string | undefined) =>
  (await env.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [id as string] }))).Subnets?.[0]?.AvailableIpAddressCount;

describe('IPv4 prefix delegation', () => {
  it('describes delegated /28 prefixes and counts their 16 addresses out of the subnet', async () => {
    const w = await world(env.ec2);
    const a1 = get(w.enis, 'eks-node-a1/eth0');
    expect(a1.Ipv4Prefixes).toHaveLength(9);
    expect(a1.Ipv4Prefixes?.[0]?.Ipv4Prefix).toBe('10.20.0.16/28');
    const nodesA = get(w.subnets, 'nodes-a');
    // /22: 1019 usable; held: 10 single addresses + (9 + 2) prefixes × 16.
    expect(nodesA.AvailableIpAddressCount).toBe(1019 - 10 - 11 * 16);
  });

  it('delegates prefixes by count, lists only the new ones, and gives them back on unassign', async () => {
    const w = await world(env.ec2);
    const a2 = get(w.enis, 'eks-node-a2/eth0');
    const before = await freeIn(a2.SubnetId);
    const res = await env.ec2.send(
      new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: a2.NetworkInterfaceId, Ipv4PrefixCount: 2 }),
    );
    const added = res.AssignedIpv4Prefixes?.map((p) => p.Ipv4Prefix) ?? [];
    expect(added).toHaveLength(2);
    for (const p of added) expect(p).toMatch(/^10\.20\.\d+\.\d+\/28$/);
    expect(res.AssignedPrivateIpAddresses).toEqual([]);
    expect(await freeIn(a2.SubnetId)).toBe((before ?? 0) - 32);
    expect((await eniById(a2.NetworkInterfaceId))?.Ipv4Prefixes?.map((p) => p.Ipv4Prefix)).toEqual(added);
    await env.ec2.send(
      new UnassignPrivateIpAddressesCommand({ NetworkInterfaceId: a2.NetworkInterfaceId, Ipv4Prefixes: [added[0]!] }),
    );
    expect((await eniById(a2.NetworkInterfaceId))?.Ipv4Prefixes?.map((p) => p.Ipv4Prefix)).toEqual([added[1]]);
    expect(await freeIn(a2.SubnetId)).toBe((before ?? 0) - 16);
  });

  it('counts each prefix as one of the per-ENI IPv4 slots: a full ENI refuses another address or prefix', async () => {
    const w = await world(env.ec2);
    const a1 = get(w.enis, 'eks-node-a1/eth0'); // m5.large: 10 per ENI = 1 address + 9 prefixes
    await expectEc2Error(
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({
          NetworkInterfaceId: a1.NetworkInterfaceId,
          SecondaryPrivateIpAddressCount: 1,
        }),
      ),
      'PrivateIpAddressLimitExceeded',
    );
    await expectEc2Error(
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: a1.NetworkInterfaceId, Ipv4PrefixCount: 1 }),
      ),
      'PrivateIpAddressLimitExceeded',
    );
    // Taking a secondary of another ENI is refused the same way, and nothing moves.
    await expectEc2Error(
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({
          NetworkInterfaceId: a1.NetworkInterfaceId,
          PrivateIpAddresses: ['10.20.0.5'],
          AllowReassignment: true,
        }),
      ),
      'PrivateIpAddressLimitExceeded',
    );
    expect((await eniById(get(w.enis, 'eks-node-a2/eth0').NetworkInterfaceId))?.PrivateIpAddresses).toHaveLength(4);
  });

  it('refuses bad prefix requests with the codes EC2 uses', async () => {
    const w = await world(env.ec2);
    const a2 = get(w.enis, 'eks-node-a2/eth0');
    const id = a2.NetworkInterfaceId;
    const send = (
      input: Omit<ConstructorParameters<typeof AssignPrivateIpAddressesCommand>[0], 'NetworkInterfaceId'>,
    ) => env.ec2.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: id, ...input }));
    await expectEc2Error(
      send({ Ipv4PrefixCount: 1, SecondaryPrivateIpAddressCount: 1 }),
      'InvalidParameterCombination',
    );
    await expectEc2Error(send({ Ipv4PrefixCount: 1, Ipv4Prefixes: ['10.20.1.0/28'] }), 'InvalidParameterCombination');
    await expectEc2Error(send({ Ipv4Prefixes: ['10.20.1.8/28'] }), 'InvalidParameterValue', /aligned \/28/);
    await expectEc2Error(send({ Ipv4Prefixes: ['10.20.0.16/28'] }), 'InvalidParameterValue', /already in use/);
    await expectEc2Error(send({ Ipv4Prefixes: ['10.20.0.0/28'] }), 'InvalidParameterValue', /reserve/);
    // An address inside another ENI's prefix is the prefix's, not a secondary to take.
    await expectEc2Error(
      send({ PrivateIpAddresses: ['10.20.0.20'], AllowReassignment: true }),
      'InvalidParameterValue',
      /within an IPv4 prefix/,
    );
    await expectEc2Error(
      env.ec2.send(new UnassignPrivateIpAddressesCommand({ NetworkInterfaceId: id, Ipv4Prefixes: ['10.20.0.16/28'] })),
      'InvalidParameterValue',
    );
    const explicit = await send({ Ipv4Prefixes: ['10.20.2.0/28'] });
    expect(explicit.AssignedIpv4Prefixes).toEqual([{ Ipv4Prefix: '10.20.2.0/28' }]);
  });

  it('answers InsufficientCidrBlocks when no whole /28 is free', async () => {
    const w = await world(env.ec2);
    const b1 = get(w.enis, 'eks-node-b1/eth0'); // nodes-b /22: 64 blocks, the first and last hold reserved addresses
    await expectEc2Error(
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: b1.NetworkInterfaceId, Ipv4PrefixCount: 6 }),
      ),
      'PrivateIpAddressLimitExceeded',
    );
    const trunk = get(w.enis, 'eks-node-a2-trunk'); // m5.xlarge: 15 slots, 1 address + 2 prefixes used
    await env.ec2.send(
      new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: trunk.NetworkInterfaceId, Ipv4PrefixCount: 12 }),
    );
    const a2 = get(w.enis, 'eks-node-a2/eth0');
    // nodes-a has 62 whole blocks minus 11 + 12 delegated; a2 (15 slots, 4 used) asks for 11 — still fits.
    await env.ec2.send(
      new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: a2.NetworkInterfaceId, Ipv4PrefixCount: 11 }),
    );
    const hpc = get(w.enis, 'efa-node-a1/eth0'); // hpc7a: 50 slots
    await env.ec2.send(
      new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: hpc.NetworkInterfaceId, Ipv4PrefixCount: 27 }),
    );
    await expectEc2Error(
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: hpc.NetworkInterfaceId, Ipv4PrefixCount: 2 }),
      ),
      'InsufficientCidrBlocks',
    );
  });
});

describe('IPv6', () => {
  it('describes the dual-stack VPC and subnets, and the ENIs’ IPv6 addresses', async () => {
    const w = await world(env.ec2);
    const vpc = (await env.ec2.send(new DescribeVpcsCommand({}))).Vpcs?.[0];
    expect(vpc?.Ipv6CidrBlockAssociationSet?.[0]).toMatchObject({
      Ipv6CidrBlock: '2600:1f18:4a3:6e00::/56',
      Ipv6CidrBlockState: { State: 'associated' },
    });
    expect(get(w.subnets, 'nodes-b').Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock).toBe('2600:1f18:4a3:6e01::/64');
    const b1 = get(w.enis, 'eks-node-b1/eth0');
    expect(b1.Ipv6Addresses).toHaveLength(2);
    for (const a of b1.Ipv6Addresses ?? []) expect(a.Ipv6Address).toMatch(/^2600:1f18:4a3:6e01:/);
    const inst = (
      await env.ec2.send(new DescribeInstancesCommand({ InstanceIds: [b1.Attachment?.InstanceId as string] }))
    ).Reservations?.[0]?.Instances?.[0];
    expect(inst?.NetworkInterfaces?.[0]?.Ipv6Addresses).toHaveLength(2);
    expect(inst?.NetworkInterfaces?.[0]?.Ipv4Prefixes).toHaveLength(4);
  });

  it('assigns by count and by address from the subnet /64 and unassigns them', async () => {
    const w = await world(env.ec2);
    const a2 = get(w.enis, 'eks-node-a2/eth0');
    const byCount = await env.ec2.send(
      new AssignIpv6AddressesCommand({ NetworkInterfaceId: a2.NetworkInterfaceId, Ipv6AddressCount: 2 }),
    );
    expect(byCount.AssignedIpv6Addresses).toHaveLength(2);
    const explicit = await env.ec2.send(
      new AssignIpv6AddressesCommand({
        NetworkInterfaceId: a2.NetworkInterfaceId,
        Ipv6Addresses: ['2600:1f18:4a3:6e00:0:0:0:abcd'],
      }),
    );
    expect(explicit.AssignedIpv6Addresses).toEqual(['2600:1f18:4a3:6e00::abcd']);
    expect((await eniById(a2.NetworkInterfaceId))?.Ipv6Addresses).toHaveLength(4);
    const un = await env.ec2.send(
      new UnassignIpv6AddressesCommand({
        NetworkInterfaceId: a2.NetworkInterfaceId,
        Ipv6Addresses: ['2600:1f18:4a3:6e00::abcd'],
      }),
    );
    expect(un.UnassignedIpv6Addresses).toEqual(['2600:1f18:4a3:6e00::abcd']);
    expect((await eniById(a2.NetworkInterfaceId))?.Ipv6Addresses).toHaveLength(3);
  });

  it('refuses addresses outside the /64, held ones, both forms at once and too many for the type', async () => {
    const w = await world(env.ec2);
    const a1 = get(w.enis, 'eks-node-a1/eth0');
    const held = get(w.enis, 'eks-node-b1/eth0').Ipv6Addresses?.[0]?.Ipv6Address as string;
    const send = (input: { Ipv6Addresses?: string[]; Ipv6AddressCount?: number }) =>
      env.ec2.send(new AssignIpv6AddressesCommand({ NetworkInterfaceId: a1.NetworkInterfaceId, ...input }));
    await expectEc2Error(send({ Ipv6Addresses: [held] }), 'InvalidParameterValue', /does not fall within/);
    const heldHere = get(w.enis, 'eks-node-a2/eth0').Ipv6Addresses?.[0]?.Ipv6Address as string;
    await expectEc2Error(send({ Ipv6Addresses: [heldHere] }), 'InvalidIPAddress.InUse');
    await expectEc2Error(
      send({ Ipv6Addresses: ['2600:1f18:4a3:6e00::99'], Ipv6AddressCount: 1 }),
      'InvalidParameterCombination',
    );
    await expectEc2Error(send({}), 'MissingParameter');
    await expectEc2Error(send({ Ipv6AddressCount: 10 }), 'InvalidParameterValue', /exceed/); // m5.large: 10, 1 held
    await expectEc2Error(
      env.ec2.send(
        new UnassignIpv6AddressesCommand({ NetworkInterfaceId: a1.NetworkInterfaceId, Ipv6Addresses: [heldHere] }),
      ),
      'InvalidParameterValue',
    );
  });
});

describe('interface types and network cards', () => {
  it('describes trunk, branch and efa interfaces, and an attachment on network card 1', async () => {
    const w = await world(env.ec2);
    expect(get(w.enis, 'eks-node-a2-trunk').InterfaceType).toBe('trunk');
    expect(get(w.enis, 'pod payments-7d9f').InterfaceType).toBe('branch');
    const efa = get(w.enis, 'efa-node-a1-card1');
    expect(efa.InterfaceType).toBe('efa');
    expect(efa.Attachment).toMatchObject({ NetworkCardIndex: 1, DeviceIndex: 1 });
    const types = await env.ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: ['hpc7a.12xlarge'] }));
    expect(types.InstanceTypes?.[0]?.NetworkInfo).toMatchObject({
      MaximumNetworkCards: 2,
      MaximumNetworkInterfaces: 4,
      NetworkCards: [
        { NetworkCardIndex: 0, MaximumNetworkInterfaces: 2 },
        { NetworkCardIndex: 1, MaximumNetworkInterfaces: 2 },
      ],
    });
  });

  it('counts prefixes when an ENI is attached to a type with fewer slots', async () => {
    const w = await world(env.ec2);
    // Branch ENIs are unattached: give one 10 prefixes (1 + 10 = 11 slots) and attach it to the m5.large (10).
    const branch = get(w.enis, 'pod ledger-5c2a');
    await env.ec2.send(
      new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: branch.NetworkInterfaceId, Ipv4PrefixCount: 10 }),
    );
    await expectEc2Error(
      env.ec2.send(
        new AttachNetworkInterfaceCommand({
          NetworkInterfaceId: branch.NetworkInterfaceId,
          InstanceId: get(w.instances, 'eks-node-a1').InstanceId,
          DeviceIndex: 1,
        }),
      ),
      env.emu.settings.attachIpLimitErrorCode,
    );
  });
});
