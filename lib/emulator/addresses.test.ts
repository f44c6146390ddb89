// Elastic IP operations through the real SDK (ec2-rules §3.15–§3.18).
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DisassociateAddressCommand,
  ReleaseAddressCommand,
  StartInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { expectEc2Error, get, useEmulator, world } from '@/lib/testing/emulator';

const env = useEmulator({ allowReassociationDefault: true, instanceStateDelayMs: 0 });

const address = async (allocationId: string | undefined) =>
  (await env.ec2.send(new DescribeAddressesCommand({ AllocationIds: [allocationId as string] }))).Addresses?.[0];

describe('AssociateAddress', () => {
  it('refuses a VPC without an internet gateway', async () => {
    const w = await world(env.ec2);
    const lab = get(w.enis, 'lab-1/eth0');
    await expectEc2Error(
      env.ec2.send(
        new AssociateAddressCommand({
          AllocationId: get(w.eips, 'spare-1').AllocationId,
          NetworkInterfaceId: lab.NetworkInterfaceId,
        }),
      ),
      'Gateway.NotAttached',
      `Network ${lab.VpcId} is not attached to any internet gateway`,
    );
  });

  it('refuses InstanceId when the instance has several interfaces', async () => {
    const w = await world(env.ec2);
    const app1 = get(w.instances, 'app-1');
    await expectEc2Error(
      env.ec2.send(
        new AssociateAddressCommand({ AllocationId: get(w.eips, 'spare-1').AllocationId, InstanceId: app1.InstanceId }),
      ),
      'InvalidInstanceID',
      `There are multiple interfaces attached to instance '${app1.InstanceId}'. Please specify an interface ID for the operation instead.`,
    );
  });

  it("maps InstanceId to the primary address of the instance's only ENI", async () => {
    const w = await world(env.ec2);
    const spare = get(w.eips, 'spare-1');
    const web2 = get(w.instances, 'web-2');
    const { AssociationId } = await env.ec2.send(
      new AssociateAddressCommand({ AllocationId: spare.AllocationId, InstanceId: web2.InstanceId }),
    );
    expect(AssociationId).toMatch(/^eipassoc-[0-9a-f]{17}$/);
    expect(await address(spare.AllocationId)).toMatchObject({
      InstanceId: web2.InstanceId,
      PrivateIpAddress: '10.0.1.20',
      AssociationId,
    });
    const inst = (await env.ec2.send(new DescribeInstancesCommand({ InstanceIds: [web2.InstanceId as string] })))
      .Reservations?.[0]?.Instances?.[0];
    expect(inst?.PublicIpAddress).toBe(spare.PublicIp);
  });

  it('refuses a pending instance addressed by InstanceId, and by its ENI with IncorrectInstanceState', async () => {
    env.emu.settings.instanceStateDelayMs = 5_000;
    const w = await world(env.ec2);
    const db = get(w.instances, 'db-1');
    await env.ec2.send(new StartInstancesCommand({ InstanceIds: [db.InstanceId as string] }));
    await expectEc2Error(
      env.ec2.send(
        new AssociateAddressCommand({ AllocationId: get(w.eips, 'spare-1').AllocationId, InstanceId: db.InstanceId }),
      ),
      'InvalidInstanceID',
      `The pending instance '${db.InstanceId}' is not in a valid state for this operation.`,
    );
    await expectEc2Error(
      env.ec2.send(
        new AssociateAddressCommand({
          AllocationId: get(w.eips, 'spare-1').AllocationId,
          NetworkInterfaceId: get(w.enis, 'db-1/eth0').NetworkInterfaceId,
        }),
      ),
      'IncorrectInstanceState',
    );
  });

  it('moves an associated EIP by default but refuses with AllowReassociation=false', async () => {
    const w = await world(env.ec2);
    const shop = get(w.eips, 'tls-shop');
    const web2 = get(w.enis, 'web-2/eth0');
    await expectEc2Error(
      env.ec2.send(
        new AssociateAddressCommand({
          AllocationId: shop.AllocationId,
          NetworkInterfaceId: web2.NetworkInterfaceId,
          AllowReassociation: false,
        }),
      ),
      'Resource.AlreadyAssociated',
      `resource ${shop.AllocationId} is already associated with associate-id ${shop.AssociationId}`,
    );
    const { AssociationId } = await env.ec2.send(
      new AssociateAddressCommand({ AllocationId: shop.AllocationId, NetworkInterfaceId: web2.NetworkInterfaceId }),
    );
    expect(AssociationId).not.toBe(shop.AssociationId);
    expect(await address(shop.AllocationId)).toMatchObject({
      NetworkInterfaceId: web2.NetworkInterfaceId,
      PrivateIpAddress: '10.0.1.20',
    });
    const web1 = (
      await env.ec2.send(
        new DescribeNetworkInterfacesCommand({
          NetworkInterfaceIds: [get(w.enis, 'web-1/eth0').NetworkInterfaceId as string],
        }),
      )
    ).NetworkInterfaces?.[0];
    expect(web1?.PrivateIpAddresses?.find((p) => p.PrivateIpAddress === '10.0.1.11')?.Association).toBeUndefined();
  });

  it('refuses reassociation without the parameter when the default is switched off', async () => {
    env.emu.settings.allowReassociationDefault = false;
    const w = await world(env.ec2);
    await expectEc2Error(
      env.ec2.send(
        new AssociateAddressCommand({
          AllocationId: get(w.eips, 'tls-shop').AllocationId,
          NetworkInterfaceId: get(w.enis, 'web-2/eth0').NetworkInterfaceId,
        }),
      ),
      'Resource.AlreadyAssociated',
    );
  });

  it('displaces the EIP already on the target address, which stays allocated', async () => {
    const w = await world(env.ec2);
    const spare = get(w.eips, 'spare-1');
    const shop = get(w.eips, 'tls-shop');
    await env.ec2.send(
      new AssociateAddressCommand({
        AllocationId: spare.AllocationId,
        NetworkInterfaceId: get(w.enis, 'web-1/eth0').NetworkInterfaceId,
        PrivateIpAddress: '10.0.1.11',
      }),
    );
    expect((await address(spare.AllocationId))?.PrivateIpAddress).toBe('10.0.1.11');
    const displaced = await address(shop.AllocationId);
    expect(displaced?.PublicIp).toBe(shop.PublicIp);
    expect(displaced?.AssociationId).toBeUndefined();
  });

  it('accepts a repeated identical association, with a new association id each time', async () => {
    const w = await world(env.ec2);
    const shop = get(w.eips, 'tls-shop');
    const params = {
      AllocationId: shop.AllocationId,
      NetworkInterfaceId: get(w.enis, 'web-1/eth0').NetworkInterfaceId,
      PrivateIpAddress: '10.0.1.11',
      AllowReassociation: false,
    };
    const first = await env.ec2.send(new AssociateAddressCommand(params));
    const second = await env.ec2.send(new AssociateAddressCommand(params));
    expect(first.AssociationId).not.toBe(second.AssociationId);
    expect((await address(shop.AllocationId))?.AssociationId).toBe(second.AssociationId);
  });

  it('refuses a private IP that is not on the ENI', async () => {
    const w = await world(env.ec2);
    await expectEc2Error(
      env.ec2.send(
        new AssociateAddressCommand({
          AllocationId: get(w.eips, 'spare-1').AllocationId,
          NetworkInterfaceId: get(w.enis, 'web-2/eth0').NetworkInterfaceId,
          PrivateIpAddress: '10.0.1.99',
        }),
      ),
      'InvalidParameterValue',
    );
  });

  it('refuses both or neither of InstanceId and NetworkInterfaceId, and an unknown allocation', async () => {
    const w = await world(env.ec2);
    const alloc = get(w.eips, 'spare-1').AllocationId;
    await expectEc2Error(env.ec2.send(new AssociateAddressCommand({ AllocationId: alloc })), 'MissingParameter');
    await expectEc2Error(
      env.ec2.send(
        new AssociateAddressCommand({
          AllocationId: alloc,
          InstanceId: get(w.instances, 'web-2').InstanceId,
          NetworkInterfaceId: get(w.enis, 'web-2/eth0').NetworkInterfaceId,
        }),
      ),
      'InvalidParameterCombination',
    );
    await expectEc2Error(
      env.ec2.send(
        new AssociateAddressCommand({
          AllocationId: 'eipalloc-0123456789abcdef0',
          InstanceId: get(w.instances, 'web-2').InstanceId,
        }),
      ),
      'InvalidAllocationID.NotFound',
      "The allocation ID 'eipalloc-0123456789abcdef0' does not exist",
    );
  });

  it("replaces the instance's Amazon public IPv4 and gets a new one back on disassociation", async () => {
    const w = await world(env.ec2);
    const bastion = get(w.instances, 'bastion');
    const amazonIp = bastion.PublicIpAddress;
    expect(amazonIp).toBeDefined();
    const primary = get(w.enis, 'bastion/eth0');
    expect(primary.Association?.IpOwnerId).toBe('amazon');
    const spare = get(w.eips, 'spare-1');
    const { AssociationId } = await env.ec2.send(
      new AssociateAddressCommand({ AllocationId: spare.AllocationId, InstanceId: bastion.InstanceId }),
    );
    const withEip = (
      await env.ec2.send(
        new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [primary.NetworkInterfaceId as string] }),
      )
    ).NetworkInterfaces?.[0];
    expect(withEip?.Association).toMatchObject({
      PublicIp: spare.PublicIp,
      IpOwnerId: '111122223333',
      AllocationId: spare.AllocationId,
    });
    await env.ec2.send(new DisassociateAddressCommand({ AssociationId }));
    const after = (await env.ec2.send(new DescribeInstancesCommand({ InstanceIds: [bastion.InstanceId as string] })))
      .Reservations?.[0]?.Instances?.[0];
    expect(after?.PublicIpAddress).toBeDefined();
    expect(after?.PublicIpAddress).not.toBe(spare.PublicIp);
  });
});

describe('DisassociateAddress', () => {
  it('is idempotent for an association it already removed', async () => {
    const shop = get((await world(env.ec2)).eips, 'tls-shop');
    await env.ec2.send(new DisassociateAddressCommand({ AssociationId: shop.AssociationId }));
    await env.ec2.send(new DisassociateAddressCommand({ AssociationId: shop.AssociationId }));
    expect((await address(shop.AllocationId))?.AssociationId).toBeUndefined();
  });

  it('reports an association id it never issued', async () => {
    await expectEc2Error(
      env.ec2.send(new DisassociateAddressCommand({ AssociationId: 'eipassoc-0123456789abcdef0' })),
      'InvalidAssociationID.NotFound',
      "The association ID 'eipassoc-0123456789abcdef0' does not exist",
    );
  });
});

describe('AllocateAddress / ReleaseAddress', () => {
  it('allocates up to the quota, then AddressLimitExceeded', async () => {
    const res = await env.ec2.send(
      new AllocateAddressCommand({
        Domain: 'vpc',
        TagSpecifications: [{ ResourceType: 'elastic-ip', Tags: [{ Key: 'Name', Value: 'new' }] }],
      }),
    );
    expect(res).toMatchObject({ Domain: 'vpc', PublicIpv4Pool: 'amazon', NetworkBorderGroup: 'us-east-1' });
    expect(res.AllocationId).toMatch(/^eipalloc-[0-9a-f]{17}$/);
    expect((await address(res.AllocationId))?.Tags).toEqual([{ Key: 'Name', Value: 'new' }]);
    await env.ec2.send(new AllocateAddressCommand({}));
    await env.ec2.send(new AllocateAddressCommand({}));
    await expectEc2Error(
      env.ec2.send(new AllocateAddressCommand({})),
      'AddressLimitExceeded',
      'The maximum number of addresses has been reached.',
    );
  });

  it('refuses to release an associated address', async () => {
    const shop = get((await world(env.ec2)).eips, 'tls-shop');
    await expectEc2Error(
      env.ec2.send(new ReleaseAddressCommand({ AllocationId: shop.AllocationId })),
      'InvalidIPAddress.InUse',
    );
  });

  it('releases an unassociated address', async () => {
    const spare = get((await world(env.ec2)).eips, 'spare-1');
    await env.ec2.send(new ReleaseAddressCommand({ AllocationId: spare.AllocationId }));
    await expectEc2Error(
      env.ec2.send(new DescribeAddressesCommand({ AllocationIds: [spare.AllocationId as string] })),
      'InvalidAllocationID.NotFound',
    );
  });

  it('requires an allocation id to release a VPC address', async () => {
    const spare = get((await world(env.ec2)).eips, 'spare-1');
    await expectEc2Error(
      env.ec2.send(new ReleaseAddressCommand({ PublicIp: spare.PublicIp })),
      'InvalidParameterValue',
      'You must specify an allocation id when releasing a VPC elastic IP address',
    );
  });
});
