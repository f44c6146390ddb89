// Describe calls through the real SDK: fields, pagination, filters, ID lists (ec2-rules §1.5, ec2-rules §1.6, ec2-rules §3.1–§3.8).
import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  paginateDescribeInstanceTypes,
  paginateDescribeNetworkInterfaces,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { expectEc2Error, get, nameOf, useEmulator, world } from '@/lib/testing/emulator';

const env = useEmulator();

describe('pagination', () => {
  it('pages DescribeNetworkInterfaces with NextToken without losing or repeating items', async () => {
    const all = (await env.ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces ?? [];
    const first = await env.ec2.send(new DescribeNetworkInterfacesCommand({ MaxResults: 5 }));
    expect(first.NetworkInterfaces).toHaveLength(5);
    expect(first.NextToken).toBeTypeOf('string');
    const paged: string[] = [];
    for await (const page of paginateDescribeNetworkInterfaces({ client: env.ec2, pageSize: 5 }, {})) {
      for (const e of page.NetworkInterfaces ?? []) paged.push(e.NetworkInterfaceId as string);
    }
    expect(paged).toEqual(all.map((e) => e.NetworkInterfaceId));
  });

  it('omits NextToken on the last page', async () => {
    const res = await env.ec2.send(new DescribeInstancesCommand({ MaxResults: 1000 }));
    expect(res.NextToken).toBeUndefined();
  });

  it('rejects MaxResults outside the documented range', async () => {
    await expectEc2Error(
      env.ec2.send(new DescribeInstancesCommand({ MaxResults: 3 })),
      'InvalidParameterValue',
      'Value ( 3 ) for parameter maxResults is invalid. Expecting a value greater than 5.',
    );
    await expectEc2Error(
      env.ec2.send(new DescribeNetworkInterfacesCommand({ MaxResults: 1001 })),
      'InvalidParameterValue',
    );
    await expectEc2Error(env.ec2.send(new DescribeInstanceTypesCommand({ MaxResults: 101 })), 'InvalidParameterValue');
  });

  it('refuses instance IDs together with MaxResults', async () => {
    const id = get((await world(env.ec2)).instances, 'web-1').InstanceId as string;
    await expectEc2Error(
      env.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id], MaxResults: 5 })),
      'InvalidParameterCombination',
      'The parameter instancesSet cannot be used with the parameter maxResults',
    );
  });

  it('rejects a NextToken it did not issue', async () => {
    await expectEc2Error(
      env.ec2.send(new DescribeNetworkInterfacesCommand({ MaxResults: 5, NextToken: 'not-a-token' })),
      'InvalidNextToken',
    );
  });

  it('serves the whole instance-type catalogue through the paginator', async () => {
    const types: string[] = [];
    for await (const page of paginateDescribeInstanceTypes({ client: env.ec2, pageSize: 100 }, {})) {
      for (const t of page.InstanceTypes ?? []) types.push(t.InstanceType as string);
    }
    expect(types).toHaveLength(875);
    expect(new Set(types).size).toBe(875);
  });
});

describe('filters', () => {
  it('matches tag:<key> with wildcards, OR within a filter and AND across filters', async () => {
    const res = await env.ec2.send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'tag:Name', Values: ['web-?', 'app-*'] },
          { Name: 'instance-state-name', Values: ['running'] },
        ],
      }),
    );
    const names = (res.Reservations ?? [])
      .flatMap((r) => r.Instances ?? [])
      .map((i) => nameOf(i.Tags))
      .sort();
    expect(names).toEqual(['app-1', 'app-2', 'web-1', 'web-2']);
  });

  it('matches tag-key and finds an ENI by a secondary address', async () => {
    const byKey = await env.ec2.send(
      new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'tag-key', Values: ['Name'] }] }),
    );
    expect(byKey.NetworkInterfaces?.map((e) => nameOf(e.TagSet)).sort()).toEqual([
      'app-1-data',
      'monitor-probe',
      'spare-a',
      'spare-b',
    ]);
    const bySecondary = await env.ec2.send(
      new DescribeNetworkInterfacesCommand({
        Filters: [{ Name: 'addresses.private-ip-address', Values: ['10.0.1.12'] }],
      }),
    );
    expect(bySecondary.NetworkInterfaces?.map((e) => e.PrivateIpAddress)).toEqual(['10.0.1.10']);
  });

  it('filters ENIs by attachment.instance-id and status', async () => {
    const app1 = get((await world(env.ec2)).instances, 'app-1').InstanceId as string;
    const res = await env.ec2.send(
      new DescribeNetworkInterfacesCommand({
        Filters: [
          { Name: 'attachment.instance-id', Values: [app1] },
          { Name: 'status', Values: ['in-use'] },
        ],
      }),
    );
    expect(res.NetworkInterfaces?.map((e) => e.Attachment?.DeviceIndex).sort()).toEqual([0, 1]);
    const pool = await env.ec2.send(
      new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'status', Values: ['available'] }] }),
    );
    expect(pool.NetworkInterfaces?.map((e) => nameOf(e.TagSet)).sort()).toEqual(['spare-a', 'spare-b']);
  });

  it('filters addresses by instance-id, derived from the ENI attachment', async () => {
    const web1 = get((await world(env.ec2)).instances, 'web-1').InstanceId as string;
    const res = await env.ec2.send(
      new DescribeAddressesCommand({ Filters: [{ Name: 'instance-id', Values: [web1] }] }),
    );
    expect(res.Addresses?.map((a) => a.PrivateIpAddress).sort()).toEqual(['10.0.1.11', '10.0.1.12', '10.0.1.13']);
  });

  it('rejects an unknown filter name', async () => {
    await expectEc2Error(
      env.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'colour', Values: ['blue'] }] })),
      'InvalidParameterValue',
      "The filter 'colour' is invalid",
    );
  });

  it('returns an empty list when a filter matches nothing', async () => {
    const res = await env.ec2.send(
      new DescribeVpcsCommand({ Filters: [{ Name: 'vpc-id', Values: ['vpc-0000000000000000f'] }] }),
    );
    expect(res.Vpcs).toEqual([]);
  });
});

describe('ID lists', () => {
  it('fails the whole call for an unknown ID, and says Malformed for a badly shaped one', async () => {
    await expectEc2Error(
      env.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: ['eni-0123456789abcdef0'] })),
      'InvalidNetworkInterfaceID.NotFound',
      "The networkInterface ID 'eni-0123456789abcdef0' does not exist",
    );
    await expectEc2Error(
      env.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: ['eni-zz'] })),
      'InvalidNetworkInterfaceId.Malformed',
    );
    await expectEc2Error(
      env.ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-nope'] })),
      'InvalidInstanceID.Malformed',
    );
    await expectEc2Error(
      env.ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0123456789abcdef0'] })),
      'InvalidVpcID.NotFound',
      "The vpc ID 'vpc-0123456789abcdef0' does not exist",
    );
  });

  it('rejects an unknown instance type', async () => {
    await expectEc2Error(
      env.ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: ['t3.nonexistent' as never] })),
      'InvalidInstanceType',
      'The following supplied instance types do not exist: [t3.nonexistent]',
    );
  });
});

describe('fields', () => {
  it('omits the ENI association when the primary address has no public IP, and shows EIPs per address', async () => {
    const w = await world(env.ec2);
    const web1 = get(w.enis, 'web-1/eth0');
    expect(web1.Association).toBeUndefined();
    expect(web1.PrivateIpAddresses?.[0]?.Association).toBeUndefined();
    expect(web1.PrivateIpAddresses?.[1]?.Association).toMatchObject({
      PublicIp: get(w.eips, 'tls-shop').PublicIp,
      IpOwnerId: '111122223333',
    });
    const webB = get(w.enis, 'web-b-1/eth0');
    expect(webB.Association?.AllocationId).toBe(get(w.eips, 'web-b-1').AllocationId);
  });

  it('describes instances with state, placement, public IP and ENIs by device index', async () => {
    const w = await world(env.ec2);
    const app1 = get(w.instances, 'app-1');
    expect(app1).toMatchObject({
      InstanceType: 'm5.large',
      State: { Code: 16, Name: 'running' },
      Placement: { AvailabilityZone: 'us-east-1a', Tenancy: 'default' },
      PrivateIpAddress: '10.0.2.10',
    });
    expect(app1.NetworkInterfaces?.map((n) => [n.Attachment?.DeviceIndex, n.PrivateIpAddress])).toEqual([
      [0, '10.0.2.10'],
      [1, '10.0.2.50'],
    ]);
    expect(get(w.instances, 'db-1').State).toEqual({ Code: 80, Name: 'stopped' });
    expect(get(w.instances, 'web-b-1').PublicIpAddress).toBe(get(w.eips, 'web-b-1').PublicIp);
    expect(get(w.instances, 'web-b-1').Placement?.AvailabilityZone).toBe('us-east-1b');
  });

  it('shows the requester-managed NAT interface as in use by its service', async () => {
    const nat = get((await world(env.ec2)).enis, 'nat');
    expect(nat).toMatchObject({ RequesterManaged: true, Status: 'in-use', InterfaceType: 'nat_gateway', Groups: [] });
    expect(nat.Attachment?.InstanceId).toBeUndefined();
  });

  it('describes internet gateways with their VPC attachment and types with network cards', async () => {
    const igws = (await env.ec2.send(new DescribeInternetGatewaysCommand({}))).InternetGateways ?? [];
    expect(igws).toHaveLength(1);
    expect(igws[0]?.Attachments).toEqual([{ VpcId: expect.stringMatching(/^vpc-/), State: 'available' }]);
    const t = (await env.ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: ['t3.medium'] })))
      .InstanceTypes?.[0];
    expect(t?.NetworkInfo).toMatchObject({
      MaximumNetworkInterfaces: 3,
      Ipv4AddressesPerInterface: 6,
      NetworkCards: [{ NetworkCardIndex: 0, MaximumNetworkInterfaces: 3 }],
    });
  });
});
