// AssignPrivateIpAddresses / UnassignPrivateIpAddresses through the real SDK (ec2-rules §3.13, ec2-rules §3.14).
import {
  AssignPrivateIpAddressesCommand,
  CreateNetworkInterfaceCommand,
  DescribeAddressesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  UnassignPrivateIpAddressesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { expectEc2Error, get, useEmulator, world } from '@/lib/testing/emulator';

const env = useEmulator({ reassignErrorCode: 'InvalidParameterValue' });

const ipsOf = async (eniId: string | undefined) =>
  (
    await env.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId as string] }))
  ).NetworkInterfaces?.[0]?.PrivateIpAddresses?.map((p) => p.PrivateIpAddress);
const freeIn = async (subnetId: string | undefined) =>
  (await env.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId as string] }))).Subnets?.[0]
    ?.AvailableIpAddressCount;

describe('AssignPrivateIpAddresses', () => {
  it('moves a secondary IP with AllowReassignment and its Elastic IP follows it', async () => {
    const w = await world(env.ec2);
    const web1 = get(w.enis, 'web-1/eth0');
    const web2 = get(w.enis, 'web-2/eth0');
    const shop = get(w.eips, 'tls-shop');
    const res = await env.ec2.send(
      new AssignPrivateIpAddressesCommand({
        NetworkInterfaceId: web2.NetworkInterfaceId,
        PrivateIpAddresses: ['10.0.1.11'],
        AllowReassignment: true,
      }),
    );
    expect(res.AssignedPrivateIpAddresses?.map((a) => a.PrivateIpAddress)).toEqual(['10.0.1.11']);
    expect(await ipsOf(web1.NetworkInterfaceId)).toEqual(['10.0.1.10', '10.0.1.12', '10.0.1.13']);
    expect(await ipsOf(web2.NetworkInterfaceId)).toEqual(['10.0.1.20', '10.0.1.21', '10.0.1.11']);
    const addr = (await env.ec2.send(new DescribeAddressesCommand({ AllocationIds: [shop.AllocationId as string] })))
      .Addresses?.[0];
    expect(addr).toMatchObject({
      NetworkInterfaceId: web2.NetworkInterfaceId,
      InstanceId: get(w.instances, 'web-2').InstanceId,
      PrivateIpAddress: '10.0.1.11',
      AssociationId: shop.AssociationId,
    });
  });

  it('refuses an address held by another ENI without AllowReassignment, with the configured code', async () => {
    const web2 = get((await world(env.ec2)).enis, 'web-2/eth0');
    const call = () =>
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({
          NetworkInterfaceId: web2.NetworkInterfaceId,
          PrivateIpAddresses: ['10.0.1.11'],
        }),
      );
    await expectEc2Error(call(), 'InvalidParameterValue');
    env.emu.settings.reassignErrorCode = 'Resource.AlreadyAssigned';
    await expectEc2Error(call(), 'Resource.AlreadyAssigned');
    env.emu.settings.reassignErrorCode = 'InvalidIPAddress.InUse';
    await expectEc2Error(call(), 'InvalidIPAddress.InUse');
  });

  it("never takes another ENI's primary address, even with AllowReassignment", async () => {
    const web2 = get((await world(env.ec2)).enis, 'web-2/eth0');
    await expectEc2Error(
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({
          NetworkInterfaceId: web2.NetworkInterfaceId,
          PrivateIpAddresses: ['10.0.1.10'],
          AllowReassignment: true,
        }),
      ),
      'InvalidParameterValue',
      /primary/,
    );
  });

  it("refuses an address outside the ENI's subnet, so IPs cannot move across subnets", async () => {
    const web2 = get((await world(env.ec2)).enis, 'web-2/eth0');
    await expectEc2Error(
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({
          NetworkInterfaceId: web2.NetworkInterfaceId,
          PrivateIpAddresses: ['10.0.2.51'],
          AllowReassignment: true,
        }),
      ),
      'InvalidParameterValue',
      "Address 10.0.2.51 does not fall within the subnet's address range",
    );
  });

  it('refuses the reserved first four and last addresses of the subnet', async () => {
    const web2 = get((await world(env.ec2)).enis, 'web-2/eth0');
    for (const ip of ['10.0.1.0', '10.0.1.1', '10.0.1.2', '10.0.1.3', '10.0.1.255']) {
      await expectEc2Error(
        env.ec2.send(
          new AssignPrivateIpAddressesCommand({
            NetworkInterfaceId: web2.NetworkInterfaceId,
            PrivateIpAddresses: [ip],
          }),
        ),
        'InvalidParameterValue',
        /reserved/,
      );
    }
  });

  it("refuses more addresses than the attached instance type's per-ENI limit", async () => {
    const web2 = get((await world(env.ec2)).enis, 'web-2/eth0'); // t3.medium: 6 per ENI, holds 2
    await expectEc2Error(
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({
          NetworkInterfaceId: web2.NetworkInterfaceId,
          SecondaryPrivateIpAddressCount: 5,
        }),
      ),
      'PrivateIpAddressLimitExceeded',
      'Number of private addresses will exceed limit.',
    );
    await env.ec2.send(
      new AssignPrivateIpAddressesCommand({
        NetworkInterfaceId: web2.NetworkInterfaceId,
        SecondaryPrivateIpAddressCount: 4,
      }),
    );
    expect(await ipsOf(web2.NetworkInterfaceId)).toHaveLength(6);
  });

  it('caps an unattached ENI at 64 addresses, the largest per-ENI limit of any type', async () => {
    const spare = get((await world(env.ec2)).enis, 'spare-a');
    await expectEc2Error(
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({
          NetworkInterfaceId: spare.NetworkInterfaceId,
          SecondaryPrivateIpAddressCount: 64,
        }),
      ),
      'PrivateIpAddressLimitExceeded',
    );
    await env.ec2.send(
      new AssignPrivateIpAddressesCommand({
        NetworkInterfaceId: spare.NetworkInterfaceId,
        SecondaryPrivateIpAddressCount: 63,
      }),
    );
    expect(await ipsOf(spare.NetworkInterfaceId)).toHaveLength(64);
  });

  it('is all-or-nothing: one bad address means none is assigned', async () => {
    const web2 = get((await world(env.ec2)).enis, 'web-2/eth0');
    await expectEc2Error(
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({
          NetworkInterfaceId: web2.NetworkInterfaceId,
          PrivateIpAddresses: ['10.0.1.77', '10.0.1.10'],
          AllowReassignment: true,
        }),
      ),
      'InvalidParameterValue',
    );
    expect(await ipsOf(web2.NetworkInterfaceId)).toEqual(['10.0.1.20', '10.0.1.21']);
  });

  it('draws SecondaryPrivateIpAddressCount from the subnet and lists only the added addresses', async () => {
    const w = await world(env.ec2);
    const web2 = get(w.enis, 'web-2/eth0');
    const before = await freeIn(web2.SubnetId);
    const res = await env.ec2.send(
      new AssignPrivateIpAddressesCommand({
        NetworkInterfaceId: web2.NetworkInterfaceId,
        SecondaryPrivateIpAddressCount: 3,
      }),
    );
    const added = res.AssignedPrivateIpAddresses?.map((a) => a.PrivateIpAddress) ?? [];
    expect(added).toHaveLength(3);
    for (const ip of added) expect(ip).toMatch(/^10\.0\.1\.\d+$/);
    expect(await freeIn(web2.SubnetId)).toBe((before ?? 0) - 3);
  });

  it('fails with InsufficientFreeAddressesInSubnet when the subnet runs out', async () => {
    const subnetId = get((await world(env.ec2)).subnets, 'private-a').SubnetId;
    let err: unknown;
    for (let i = 0; i < 5 && !err; i++) {
      await env.ec2
        .send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId, SecondaryPrivateIpAddressCount: 63 }))
        .catch((e: unknown) => (err = e));
    }
    expect((err as Error).name).toBe('InsufficientFreeAddressesInSubnet');
  });

  it('requires exactly one of PrivateIpAddress.N and SecondaryPrivateIpAddressCount', async () => {
    const web2 = get((await world(env.ec2)).enis, 'web-2/eth0');
    await expectEc2Error(
      env.ec2.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: web2.NetworkInterfaceId })),
      'MissingParameter',
    );
    await expectEc2Error(
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({
          NetworkInterfaceId: web2.NetworkInterfaceId,
          PrivateIpAddresses: ['10.0.1.77'],
          SecondaryPrivateIpAddressCount: 1,
        }),
      ),
      'InvalidParameterCombination',
    );
  });

  it('refuses to change the addresses of a requester-managed ENI', async () => {
    const nat = get((await world(env.ec2)).enis, 'nat');
    await expectEc2Error(
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({
          NetworkInterfaceId: nat.NetworkInterfaceId,
          SecondaryPrivateIpAddressCount: 1,
        }),
      ),
      'OperationNotPermitted',
    );
  });
});

describe('UnassignPrivateIpAddresses', () => {
  it('disassociates the Elastic IP of an unassigned address, which stays allocated', async () => {
    const w = await world(env.ec2);
    const web1 = get(w.enis, 'web-1/eth0');
    const blog = get(w.eips, 'tls-blog');
    const before = await freeIn(web1.SubnetId);
    await env.ec2.send(
      new UnassignPrivateIpAddressesCommand({
        NetworkInterfaceId: web1.NetworkInterfaceId,
        PrivateIpAddresses: ['10.0.1.12'],
      }),
    );
    expect(await ipsOf(web1.NetworkInterfaceId)).toEqual(['10.0.1.10', '10.0.1.11', '10.0.1.13']);
    const addr = (await env.ec2.send(new DescribeAddressesCommand({ AllocationIds: [blog.AllocationId as string] })))
      .Addresses?.[0];
    expect(addr?.PublicIp).toBe(blog.PublicIp);
    expect(addr?.AssociationId).toBeUndefined();
    expect(addr?.NetworkInterfaceId).toBeUndefined();
    expect(addr?.PrivateIpAddress).toBeUndefined();
    expect(await freeIn(web1.SubnetId)).toBe((before ?? 0) + 1);
  });

  it('refuses to unassign the primary address', async () => {
    const web1 = get((await world(env.ec2)).enis, 'web-1/eth0');
    await expectEc2Error(
      env.ec2.send(
        new UnassignPrivateIpAddressesCommand({
          NetworkInterfaceId: web1.NetworkInterfaceId,
          PrivateIpAddresses: ['10.0.1.10'],
        }),
      ),
      'InvalidParameterValue',
    );
  });

  it('refuses an address that is not on the ENI', async () => {
    const web1 = get((await world(env.ec2)).enis, 'web-1/eth0');
    await expectEc2Error(
      env.ec2.send(
        new UnassignPrivateIpAddressesCommand({
          NetworkInterfaceId: web1.NetworkInterfaceId,
          PrivateIpAddresses: ['10.0.1.21'],
        }),
      ),
      'InvalidParameterValue',
      `Some of the specified addresses are not assigned to interface ${web1.NetworkInterfaceId}`,
    );
  });

  it('requires PrivateIpAddress.N', async () => {
    const web1 = get((await world(env.ec2)).enis, 'web-1/eth0');
    await expectEc2Error(
      env.ec2.send(new UnassignPrivateIpAddressesCommand({ NetworkInterfaceId: web1.NetworkInterfaceId })),
      'MissingParameter',
    );
  });
});
