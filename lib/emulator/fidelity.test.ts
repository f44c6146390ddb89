// Fidelity review against lib/ec2-rules.md: deviations found by black-box probing, each pinned by a test.
import {
  AssignPrivateIpAddressesCommand,
  AttachNetworkInterfaceCommand,
  CreateNetworkInterfaceCommand,
  DescribeAddressesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  ReleaseAddressCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { SIGNED, expectEc2Error, get, useEmulator, world } from '@/lib/testing/emulator';

const env = useEmulator(); // attachIpLimitErrorCode, unattachedEniIpv4Cap and the rest back to their defaults before each test

const post = (body: string) =>
  fetch(env.emu.url, {
    method: 'POST',
    body: `Version=2016-11-15&${body}`,
    headers: { ...SIGNED, 'content-type': 'application/x-www-form-urlencoded' },
  });
const codeOf = async (res: Response) => ({
  status: res.status,
  code: /<Code>([^<]*)<\/Code>/.exec(await res.text())?.[1],
});
const freeIn = async (subnetId: string | undefined) =>
  (await env.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId as string] }))).Subnets?.[0]
    ?.AvailableIpAddressCount;
const ipsOf = async (eniId: string | undefined) =>
  (
    await env.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId as string] }))
  ).NetworkInterfaces?.[0]?.PrivateIpAddresses?.map((p) => p.PrivateIpAddress);

describe('private IPv4 addresses are validated before they reach the ledger (ec2-rules §3.9, ec2-rules §3.13, ec2-rules §2.5)', () => {
  it('refuses the same address twice in one CreateNetworkInterface, holding nothing', async () => {
    const subnet = get((await world(env.ec2)).subnets, 'private-a');
    const before = await freeIn(subnet.SubnetId);
    await expectEc2Error(
      env.ec2.send(
        new CreateNetworkInterfaceCommand({
          SubnetId: subnet.SubnetId,
          PrivateIpAddresses: [{ PrivateIpAddress: '10.0.2.170' }, { PrivateIpAddress: '10.0.2.170' }],
        }),
      ),
      'InvalidParameterValue',
      /10\.0\.2\.170/,
    );
    expect(await freeIn(subnet.SubnetId)).toBe(before);
    const found = await env.ec2.send(
      new DescribeNetworkInterfacesCommand({
        Filters: [{ Name: 'addresses.private-ip-address', Values: ['10.0.2.170'] }],
      }),
    );
    expect(found.NetworkInterfaces).toEqual([]);
  });

  it('refuses a non-canonical address (leading zeros) instead of storing a second spelling of a held IP', async () => {
    const w = await world(env.ec2);
    const web1 = get(w.enis, 'web-1/eth0');
    const web2 = get(w.enis, 'web-2/eth0');
    await expectEc2Error(
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({
          NetworkInterfaceId: web2.NetworkInterfaceId,
          PrivateIpAddresses: ['10.0.1.011'],
          AllowReassignment: true,
        }),
      ),
      'InvalidParameterValue',
      'invalid value for parameter address: 10.0.1.011',
    );
    expect(await ipsOf(web1.NetworkInterfaceId)).toEqual(['10.0.1.10', '10.0.1.11', '10.0.1.12', '10.0.1.13']);
    expect(await ipsOf(web2.NetworkInterfaceId)).toEqual(['10.0.1.20', '10.0.1.21']);
    await expectEc2Error(
      env.ec2.send(
        new CreateNetworkInterfaceCommand({
          SubnetId: get(w.subnets, 'private-a').SubnetId,
          PrivateIpAddress: '10.0.2.099',
        }),
      ),
      'InvalidParameterValue',
      'invalid value for parameter address: 10.0.2.099',
    );
  });
});

describe('integer parameters are 32-bit (ec2-rules §1.1 model types)', () => {
  it('refuses a DeviceIndex beyond the int32 range instead of attaching at 1e+23', async () => {
    const w = await world(env.ec2);
    const eni = get(w.enis, 'spare-a').NetworkInterfaceId as string;
    const inst = get(w.instances, 'app-2').InstanceId as string;
    const res = await post(
      `Action=AttachNetworkInterface&NetworkInterfaceId=${eni}&InstanceId=${inst}&DeviceIndex=99999999999999999999999`,
    );
    expect(await codeOf(res)).toEqual({ status: 400, code: 'InvalidParameterValue' });
    expect(
      (await env.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni] }))).NetworkInterfaces?.[0]
        ?.Status,
    ).toBe('available');
  });
});

describe('DryRun: syntax is judged before the 412 verdict (ec2-rules §1.4)', () => {
  const paged = [
    'DescribeInstances',
    'DescribeNetworkInterfaces',
    'DescribeSubnets',
    'DescribeVpcs',
    'DescribeSecurityGroups',
    'DescribeInstanceTypes',
    'DescribeInternetGateways',
  ];
  it.each(paged)('%s: an out-of-range MaxResults or a bad NextToken is an error even with DryRun', async (action) => {
    expect(await codeOf(await post(`Action=${action}&MaxResults=3&DryRun=true`))).toEqual({
      status: 400,
      code: 'InvalidParameterValue',
    });
    expect(await codeOf(await post(`Action=${action}&NextToken=garbage&DryRun=true`))).toEqual({
      status: 400,
      code: 'InvalidNextToken',
    });
  });

  it('IDs together with MaxResults are refused before DryRun (ec2-rules §1.5)', async () => {
    const eni = get((await world(env.ec2)).enis, 'spare-a').NetworkInterfaceId as string;
    const res = await post(`Action=DescribeNetworkInterfaces&NetworkInterfaceId.1=${eni}&MaxResults=5&DryRun=true`);
    expect(await codeOf(res)).toEqual({ status: 400, code: 'InvalidParameterCombination' });
  });

  it('an unknown filter name on DescribeRegions / DescribeAvailabilityZones beats DryRun', async () => {
    for (const action of ['DescribeRegions', 'DescribeAvailabilityZones']) {
      expect(await codeOf(await post(`Action=${action}&Filter.1.Name=bogus&Filter.1.Value.1=x&DryRun=true`))).toEqual({
        status: 400,
        code: 'InvalidParameterValue',
      });
    }
  });

  it('a malformed IP address or negative device index is refused before DryRun', async () => {
    const w = await world(env.ec2);
    const subnet = get(w.subnets, 'private-a').SubnetId as string;
    const eni = get(w.enis, 'spare-a').NetworkInterfaceId as string;
    const inst = get(w.instances, 'app-2').InstanceId as string;
    const alloc = get(w.eips, 'spare-1').AllocationId as string;
    const cases = [
      `Action=CreateNetworkInterface&SubnetId=${subnet}&PrivateIpAddress=not-an-ip&DryRun=true`,
      `Action=CreateNetworkInterface&SubnetId=${subnet}&PrivateIpAddresses.1.PrivateIpAddress=10.0.2.300&DryRun=true`,
      `Action=AssociateAddress&AllocationId=${alloc}&NetworkInterfaceId=${eni}&PrivateIpAddress=10.0.2&DryRun=true`,
      `Action=AttachNetworkInterface&NetworkInterfaceId=${eni}&InstanceId=${inst}&DeviceIndex=-1&DryRun=true`,
    ];
    for (const body of cases)
      expect(await codeOf(await post(body)), body).toEqual({ status: 400, code: 'InvalidParameterValue' });
  });
});

describe('ReleaseAddress honours NetworkBorderGroup (ec2-rules §3.16)', () => {
  it('answers InvalidAddress.NotFound for another border group and keeps the address', async () => {
    const alloc = get((await world(env.ec2)).eips, 'spare-1').AllocationId as string;
    await expectEc2Error(
      env.ec2.send(new ReleaseAddressCommand({ AllocationId: alloc, NetworkBorderGroup: 'eu-west-1' })),
      'InvalidAddress.NotFound',
    );
    expect((await env.ec2.send(new DescribeAddressesCommand({ AllocationIds: [alloc] }))).Addresses).toHaveLength(1);
    await env.ec2.send(new ReleaseAddressCommand({ AllocationId: alloc, NetworkBorderGroup: 'us-east-1' }));
    await expectEc2Error(
      env.ec2.send(new DescribeAddressesCommand({ AllocationIds: [alloc] })),
      'InvalidAllocationID.NotFound',
    );
  });
});

describe('ec2-rules §10.4 choices are settings', () => {
  it('attachIpLimitErrorCode picks the code for an ENI carrying more IPv4 than the type allows', async () => {
    const w = await world(env.ec2);
    const created = await env.ec2.send(
      new CreateNetworkInterfaceCommand({
        SubnetId: get(w.subnets, 'public-a').SubnetId,
        SecondaryPrivateIpAddressCount: 3,
      }),
    );
    const attach = () =>
      env.ec2.send(
        new AttachNetworkInterfaceCommand({
          NetworkInterfaceId: created.NetworkInterface?.NetworkInterfaceId,
          InstanceId: get(w.instances, 'bastion').InstanceId,
          DeviceIndex: 1,
        }),
      );
    await expectEc2Error(attach(), 'PrivateIpAddressLimitExceeded');
    env.emu.settings.attachIpLimitErrorCode = 'InvalidInterface.IpAddressLimitExceeded';
    await expectEc2Error(attach(), 'InvalidInterface.IpAddressLimitExceeded');
  });

  it('unattachedEniIpv4Cap bounds the addresses of an ENI with no instance type (default 64)', async () => {
    const w = await world(env.ec2);
    const subnet = get(w.subnets, 'private-a').SubnetId;
    await expectEc2Error(
      env.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet, SecondaryPrivateIpAddressCount: 64 })),
      'PrivateIpAddressLimitExceeded',
    );
    env.emu.settings.unattachedEniIpv4Cap = 3;
    await expectEc2Error(
      env.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet, SecondaryPrivateIpAddressCount: 3 })),
      'PrivateIpAddressLimitExceeded',
    );
    const spare = get(w.enis, 'spare-a').NetworkInterfaceId;
    await env.ec2.send(
      new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: spare, SecondaryPrivateIpAddressCount: 2 }),
    );
    await expectEc2Error(
      env.ec2.send(
        new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: spare, SecondaryPrivateIpAddressCount: 1 }),
      ),
      'PrivateIpAddressLimitExceeded',
    );
  });
});
