// Create/Delete/ModifyNetworkInterface, tags and Stop/StartInstances through the real SDK (ec2-rules §3.9, ec2-rules §3.10, ec2-rules §3.19–§3.21).
import {
  AssociateAddressCommand,
  CreateNetworkInterfaceCommand,
  CreateTagsCommand,
  DeleteNetworkInterfaceCommand,
  DeleteTagsCommand,
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  ModifyNetworkInterfaceAttributeCommand,
  StartInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { expectEc2Error, get, sleep, useEmulator, world } from '@/lib/testing/emulator';

const env = useEmulator({ instanceStateDelayMs: 0 });

const describeEni = async (id: string | undefined) =>
  (await env.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [id as string] })))
    .NetworkInterfaces?.[0];
const describeInstance = async (id: string | undefined) =>
  (await env.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id as string] }))).Reservations?.[0]?.Instances?.[0];
const freeIn = async (subnetId: string | undefined) =>
  (await env.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId as string] }))).Subnets?.[0]
    ?.AvailableIpAddressCount;

describe('CreateNetworkInterface', () => {
  it('creates an available ENI with an address from the subnet, the default SG and its tags', async () => {
    const subnet = get((await world(env.ec2)).subnets, 'private-a');
    const before = await freeIn(subnet.SubnetId);
    const { NetworkInterface: eni } = await env.ec2.send(
      new CreateNetworkInterfaceCommand({
        SubnetId: subnet.SubnetId,
        Description: 'new leg',
        SecondaryPrivateIpAddressCount: 2,
        TagSpecifications: [{ ResourceType: 'network-interface', Tags: [{ Key: 'Name', Value: 'leg' }] }],
      }),
    );
    expect(eni).toMatchObject({
      Status: 'available',
      Description: 'new leg',
      SubnetId: subnet.SubnetId,
      SourceDestCheck: true,
      InterfaceType: 'interface',
      RequesterManaged: false,
    });
    expect(eni?.NetworkInterfaceId).toMatch(/^eni-[0-9a-f]{17}$/);
    expect(eni?.MacAddress).toMatch(/^0e(:[0-9a-f]{2}){5}$/);
    expect(eni?.PrivateIpAddresses).toHaveLength(3);
    expect(eni?.Groups?.map((g) => g.GroupName)).toEqual(['default']);
    expect(eni?.TagSet).toEqual([{ Key: 'Name', Value: 'leg' }]);
    expect(await freeIn(subnet.SubnetId)).toBe((before ?? 0) - 3);
  });

  it('refuses an address already in use', async () => {
    const subnet = get((await world(env.ec2)).subnets, 'private-a');
    await expectEc2Error(
      env.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId, PrivateIpAddress: '10.0.2.10' })),
      'InvalidIPAddress.InUse',
      'The specified address is already in use.',
    );
  });

  it('refuses an address outside the subnet', async () => {
    const subnet = get((await world(env.ec2)).subnets, 'private-a');
    await expectEc2Error(
      env.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId, PrivateIpAddress: '10.0.1.77' })),
      'InvalidParameterValue',
      "Address 10.0.1.77 does not fall within the subnet's address range",
    );
  });

  it('returns the original ENI for a repeated ClientToken and refuses the token with other parameters', async () => {
    const subnet = get((await world(env.ec2)).subnets, 'private-a');
    const a = await env.ec2.send(
      new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId, ClientToken: 'tok-1' }),
    );
    const b = await env.ec2.send(
      new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId, ClientToken: 'tok-1' }),
    );
    expect(b.NetworkInterface?.NetworkInterfaceId).toBe(a.NetworkInterface?.NetworkInterfaceId);
    await expectEc2Error(
      env.ec2.send(
        new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId, ClientToken: 'tok-1', Description: 'x' }),
      ),
      'IdempotentParameterMismatch',
    );
  });

  it('reports a malformed and an unknown subnet differently', async () => {
    await expectEc2Error(
      env.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: 'subnet-xyz' })),
      'InvalidSubnetID.Malformed',
    );
    await expectEc2Error(
      env.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: 'subnet-0123456789abcdef0' })),
      'InvalidSubnetID.NotFound',
      "The subnet ID 'subnet-0123456789abcdef0' does not exist",
    );
  });
});

describe('DeleteNetworkInterface', () => {
  it('refuses an attached ENI with InvalidParameterValue', async () => {
    const data = get((await world(env.ec2)).enis, 'app-1-data');
    await expectEc2Error(
      env.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: data.NetworkInterfaceId })),
      'InvalidParameterValue',
      `Network interface '${data.NetworkInterfaceId}' is currently in use.`,
    );
  });

  it('refuses a requester-managed ENI', async () => {
    const nat = get((await world(env.ec2)).enis, 'nat');
    await expectEc2Error(
      env.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: nat.NetworkInterfaceId })),
      'InvalidParameterValue',
      /currently in use/,
    );
  });

  it('returns the addresses to the subnet and disassociates its EIPs, which stay allocated', async () => {
    const w = await world(env.ec2);
    const spare = get(w.enis, 'spare-a');
    const eip = get(w.eips, 'spare-1');
    await env.ec2.send(
      new AssociateAddressCommand({ AllocationId: eip.AllocationId, NetworkInterfaceId: spare.NetworkInterfaceId }),
    );
    const before = await freeIn(spare.SubnetId);
    await env.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: spare.NetworkInterfaceId }));
    expect(await freeIn(spare.SubnetId)).toBe((before ?? 0) + 1);
    const addr = (await env.ec2.send(new DescribeAddressesCommand({ AllocationIds: [eip.AllocationId as string] })))
      .Addresses?.[0];
    expect(addr?.AssociationId).toBeUndefined();
    await expectEc2Error(
      env.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [spare.NetworkInterfaceId as string] })),
      'InvalidNetworkInterfaceID.NotFound',
    );
  });
});

describe('ModifyNetworkInterfaceAttribute', () => {
  it('turns off the source/destination check', async () => {
    const data = get((await world(env.ec2)).enis, 'app-1-data');
    await env.ec2.send(
      new ModifyNetworkInterfaceAttributeCommand({
        NetworkInterfaceId: data.NetworkInterfaceId,
        SourceDestCheck: { Value: false },
      }),
    );
    expect((await describeEni(data.NetworkInterfaceId))?.SourceDestCheck).toBe(false);
  });

  it('replaces the whole security group set and rejects unknown groups', async () => {
    const w = await world(env.ec2);
    const data = get(w.enis, 'app-1-data');
    const web = get(w.enis, 'web-1/eth0').Groups?.[0]?.GroupId as string;
    await env.ec2.send(
      new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: data.NetworkInterfaceId, Groups: [web] }),
    );
    expect((await describeEni(data.NetworkInterfaceId))?.Groups?.map((g) => g.GroupId)).toEqual([web]);
    await expectEc2Error(
      env.ec2.send(
        new ModifyNetworkInterfaceAttributeCommand({
          NetworkInterfaceId: data.NetworkInterfaceId,
          Groups: ['sg-0123456789abcdef0'],
        }),
      ),
      'InvalidGroup.NotFound',
      "The security group 'sg-0123456789abcdef0' does not exist",
    );
  });

  it('changes the description, and accepts an empty one', async () => {
    const data = get((await world(env.ec2)).enis, 'app-1-data');
    await env.ec2.send(
      new ModifyNetworkInterfaceAttributeCommand({
        NetworkInterfaceId: data.NetworkInterfaceId,
        Description: { Value: '' },
      }),
    );
    expect((await describeEni(data.NetworkInterfaceId))?.Description).toBe('');
  });

  it('takes exactly one attribute per call', async () => {
    const data = get((await world(env.ec2)).enis, 'app-1-data');
    await expectEc2Error(
      env.ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: data.NetworkInterfaceId })),
      'InvalidParameterCombination',
      'No attributes specified.',
    );
    await expectEc2Error(
      env.ec2.send(
        new ModifyNetworkInterfaceAttributeCommand({
          NetworkInterfaceId: data.NetworkInterfaceId,
          SourceDestCheck: { Value: false },
          Description: { Value: 'x' },
        }),
      ),
      'InvalidParameterCombination',
      /multiple attribute types/,
    );
    expect((await describeEni(data.NetworkInterfaceId))?.SourceDestCheck).toBe(true);
  });

  it('sets deleteOnTermination only through the ENI own attachment', async () => {
    const w = await world(env.ec2);
    const data = get(w.enis, 'app-1-data');
    await env.ec2.send(
      new ModifyNetworkInterfaceAttributeCommand({
        NetworkInterfaceId: data.NetworkInterfaceId,
        Attachment: { AttachmentId: data.Attachment?.AttachmentId, DeleteOnTermination: true },
      }),
    );
    expect((await describeEni(data.NetworkInterfaceId))?.Attachment?.DeleteOnTermination).toBe(true);
    await expectEc2Error(
      env.ec2.send(
        new ModifyNetworkInterfaceAttributeCommand({
          NetworkInterfaceId: data.NetworkInterfaceId,
          Attachment: { AttachmentId: get(w.enis, 'web-1/eth0').Attachment?.AttachmentId, DeleteOnTermination: true },
        }),
      ),
      'InvalidParameterValue',
    );
  });

  it('refuses to modify a requester-managed ENI', async () => {
    const nat = get((await world(env.ec2)).enis, 'nat');
    await expectEc2Error(
      env.ec2.send(
        new ModifyNetworkInterfaceAttributeCommand({
          NetworkInterfaceId: nat.NetworkInterfaceId,
          SourceDestCheck: { Value: false },
        }),
      ),
      'OperationNotPermitted',
    );
  });
});

describe('CreateTags / DeleteTags', () => {
  it('adds, overwrites and deletes tags, matching values on delete', async () => {
    const data = get((await world(env.ec2)).enis, 'app-1-data');
    const id = data.NetworkInterfaceId as string;
    await env.ec2.send(
      new CreateTagsCommand({
        Resources: [id],
        Tags: [
          { Key: 'Name', Value: 'renamed' },
          { Key: 'env', Value: '<prod & co>' },
        ],
      }),
    );
    expect((await describeEni(id))?.TagSet).toEqual([
      { Key: 'Name', Value: 'renamed' },
      { Key: 'env', Value: '<prod & co>' },
    ]);
    await env.ec2.send(
      new DeleteTagsCommand({ Resources: [id], Tags: [{ Key: 'env', Value: 'staging' }, { Key: 'Name' }] }),
    );
    expect((await describeEni(id))?.TagSet).toEqual([{ Key: 'env', Value: '<prod & co>' }]);
  });

  it('answers InvalidID for a malformed id and NotFound for an unknown one', async () => {
    await expectEc2Error(
      env.ec2.send(new CreateTagsCommand({ Resources: ['bogus-123'], Tags: [{ Key: 'a', Value: 'b' }] })),
      'InvalidID',
      "The ID 'bogus-123' is not valid",
    );
    await expectEc2Error(
      env.ec2.send(new CreateTagsCommand({ Resources: ['i-0123456789abcdef0'], Tags: [{ Key: 'a', Value: 'b' }] })),
      'InvalidInstanceID.NotFound',
    );
  });

  it('refuses the aws: prefix and more than 50 tags per resource', async () => {
    const id = get((await world(env.ec2)).enis, 'app-1-data').NetworkInterfaceId as string;
    await expectEc2Error(
      env.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'aws:owner', Value: 'x' }] })),
      'InvalidParameterValue',
    );
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expectEc2Error(env.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: many })), 'TagLimitExceeded');
  });
});

describe('StopInstances / StartInstances', () => {
  it('passes through stopping to stopped and releases the Amazon public IPv4', async () => {
    env.emu.settings.instanceStateDelayMs = 150;
    const bastion = get((await world(env.ec2)).instances, 'bastion');
    expect(bastion.PublicIpAddress).toBeDefined();
    const res = await env.ec2.send(new StopInstancesCommand({ InstanceIds: [bastion.InstanceId as string] }));
    expect(res.StoppingInstances?.[0]).toMatchObject({
      CurrentState: { Code: 64, Name: 'stopping' },
      PreviousState: { Code: 16, Name: 'running' },
    });
    await sleep(200);
    const after = await describeInstance(bastion.InstanceId);
    expect(after?.State).toEqual({ Code: 80, Name: 'stopped' });
    expect(after?.PublicIpAddress).toBeUndefined();
    expect(after?.NetworkInterfaces?.[0]?.PrivateIpAddress).toBe('10.0.1.5');
  });

  it('passes through pending to running and assigns a new Amazon public IPv4', async () => {
    const bastion = get((await world(env.ec2)).instances, 'bastion');
    await env.ec2.send(new StopInstancesCommand({ InstanceIds: [bastion.InstanceId as string] })); // instant: delay 0
    env.emu.settings.instanceStateDelayMs = 150;
    const res = await env.ec2.send(new StartInstancesCommand({ InstanceIds: [bastion.InstanceId as string] }));
    expect(res.StartingInstances?.[0]).toMatchObject({
      CurrentState: { Code: 0, Name: 'pending' },
      PreviousState: { Code: 80, Name: 'stopped' },
    });
    await sleep(200);
    const after = await describeInstance(bastion.InstanceId);
    expect(after?.State?.Name).toBe('running');
    expect(after?.PublicIpAddress).toBeDefined();
    expect(after?.PublicIpAddress).not.toBe(bastion.PublicIpAddress);
  });

  it('keeps ENIs, device indexes and EIPs across stop/start', async () => {
    const w = await world(env.ec2);
    const app1 = get(w.instances, 'app-1');
    await env.ec2.send(new StopInstancesCommand({ InstanceIds: [app1.InstanceId as string] }));
    await env.ec2.send(new StartInstancesCommand({ InstanceIds: [app1.InstanceId as string] }));
    const after = await describeInstance(app1.InstanceId);
    expect(after?.NetworkInterfaces?.map((n) => n.Attachment?.DeviceIndex)).toEqual([0, 1]);
  });

  it('treats stopping a stopped instance as success', async () => {
    const db = get((await world(env.ec2)).instances, 'db-1');
    const res = await env.ec2.send(new StopInstancesCommand({ InstanceIds: [db.InstanceId as string] }));
    expect(res.StoppingInstances?.[0]?.CurrentState?.Name).toBe('stopped');
  });

  it('refuses to start an instance that is still stopping', async () => {
    env.emu.settings.instanceStateDelayMs = 5_000;
    const web2 = get((await world(env.ec2)).instances, 'web-2');
    await env.ec2.send(new StopInstancesCommand({ InstanceIds: [web2.InstanceId as string] }));
    await expectEc2Error(
      env.ec2.send(new StartInstancesCommand({ InstanceIds: [web2.InstanceId as string] })),
      'IncorrectInstanceState',
      `The instance '${web2.InstanceId}' is not in a state from which it can be started.`,
    );
  });

  it('reports unknown instances together', async () => {
    await expectEc2Error(
      env.ec2.send(new StopInstancesCommand({ InstanceIds: ['i-0000000000000000a', 'i-0000000000000000b'] })),
      'InvalidInstanceID.NotFound',
      "The instance IDs 'i-0000000000000000a, i-0000000000000000b' do not exist",
    );
  });
});
