// AttachNetworkInterface / DetachNetworkInterface through the real SDK (ec2-rules §3.11, ec2-rules §3.12).
import {
  AssociateAddressCommand,
  AssignPrivateIpAddressesCommand,
  AttachNetworkInterfaceCommand,
  DescribeAddressesCommand,
  DescribeNetworkInterfacesCommand,
  DetachNetworkInterfaceCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { expectEc2Error, get, useEmulator, world } from '@/lib/testing/emulator';

const env = useEmulator({ attachDelayMs: 0, instanceStateDelayMs: 0, allowCrossVpcAttach: true });

const eni = async (id: string) =>
  (await env.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [id] }))).NetworkInterfaces?.[0];
/** AttachNetworkInterface of an ENI to an instance at a device index (ids as the world answers them). */
const attach = (eniId: string | undefined, instanceId: string | undefined, deviceIndex: number) =>
  env.ec2.send(
    new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eniId, InstanceId: instanceId, DeviceIndex: deviceIndex }),
  );

describe('DetachNetworkInterface', () => {
  it('refuses to detach the primary ENI', async () => {
    const w = await world(env.ec2);
    await expectEc2Error(
      env.ec2.send(
        new DetachNetworkInterfaceCommand({
          AttachmentId: get(w.enis, 'web-1/eth0').Attachment?.AttachmentId,
          Force: true,
        }),
      ),
      'OperationNotPermitted',
      'The network interface at device index 0 and networkCard index 0 cannot be detached.',
    );
  });

  it('passes through detaching before the attachment disappears', async () => {
    env.emu.settings.attachDelayMs = 150;
    const data = get((await world(env.ec2)).enis, 'app-1-data');
    await env.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: data.Attachment?.AttachmentId }));
    const during = await eni(data.NetworkInterfaceId as string);
    expect(during?.Status).toBe('in-use');
    expect(during?.Attachment?.Status).toBe('detaching');
    await expect.poll(async () => (await eni(data.NetworkInterfaceId as string))?.Status).toBe('available');
    const after = await eni(data.NetworkInterfaceId as string);
    expect(after?.Status).toBe('available');
    expect(after?.Attachment).toBeUndefined();
  });

  it('keeps the private IPs and Elastic IPs on a detached ENI, and the EIP loses its instance', async () => {
    const w = await world(env.ec2);
    const data = get(w.enis, 'app-1-data');
    const spare = get(w.eips, 'spare-1');
    await env.ec2.send(
      new AssociateAddressCommand({
        AllocationId: spare.AllocationId,
        NetworkInterfaceId: data.NetworkInterfaceId,
        PrivateIpAddress: '10.0.2.51',
      }),
    );
    await env.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: data.Attachment?.AttachmentId }));
    const after = await eni(data.NetworkInterfaceId as string);
    expect(after?.PrivateIpAddresses?.map((p) => p.PrivateIpAddress)).toEqual(['10.0.2.50', '10.0.2.51']);
    expect(after?.PrivateIpAddresses?.[1]?.Association?.AllocationId).toBe(spare.AllocationId);
    const addr = (await env.ec2.send(new DescribeAddressesCommand({ AllocationIds: [spare.AllocationId as string] })))
      .Addresses?.[0];
    expect(addr?.NetworkInterfaceId).toBe(data.NetworkInterfaceId);
    expect(addr?.InstanceId).toBeUndefined();

    await attach(data.NetworkInterfaceId, get(w.instances, 'app-2').InstanceId, 1);
    const moved = (await env.ec2.send(new DescribeAddressesCommand({ AllocationIds: [spare.AllocationId as string] })))
      .Addresses?.[0];
    expect(moved?.InstanceId).toBe(get(w.instances, 'app-2').InstanceId);
  });

  it('refuses a second detach while the first is still detaching', async () => {
    env.emu.settings.attachDelayMs = 5_000;
    const data = get((await world(env.ec2)).enis, 'app-1-data');
    await env.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: data.Attachment?.AttachmentId }));
    await expectEc2Error(
      env.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: data.Attachment?.AttachmentId })),
      'IncorrectState',
    );
  });

  it('reports an unknown attachment as InvalidAttachmentID.NotFound and an ENI id as Malformed', async () => {
    await expectEc2Error(
      env.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: 'eni-attach-0123456789abcdef0' })),
      'InvalidAttachmentID.NotFound',
      "The network interface attachment ID 'eni-attach-0123456789abcdef0' does not exist",
    );
    await expectEc2Error(
      env.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: 'eni-0123456789abcdef0' })),
      'InvalidNetworkInterfaceAttachmentId.Malformed',
    );
  });

  it("refuses to manage a requester-managed ENI's service attachment", async () => {
    const nat = get((await world(env.ec2)).enis, 'nat');
    expect(nat.Attachment?.AttachmentId).toMatch(/^ela-attach-/);
    await expectEc2Error(
      env.ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: nat.Attachment?.AttachmentId })),
      'OperationNotPermitted',
      "You are not allowed to manage 'ela-attach' attachments.",
    );
  });
});

describe('AttachNetworkInterface', () => {
  it('passes through attaching before it is attached, with deleteOnTermination false', async () => {
    env.emu.settings.attachDelayMs = 150;
    const w = await world(env.ec2);
    const spare = get(w.enis, 'spare-a');
    const res = await attach(spare.NetworkInterfaceId, get(w.instances, 'app-2').InstanceId, 1);
    expect(res.AttachmentId).toMatch(/^eni-attach-[0-9a-f]{17}$/);
    expect(res.NetworkCardIndex).toBe(0);
    const during = await eni(spare.NetworkInterfaceId as string);
    expect(during?.Status).toBe('in-use');
    expect(during?.Attachment?.Status).toBe('attaching');
    await expect.poll(async () => (await eni(spare.NetworkInterfaceId as string))?.Attachment?.Status).toBe('attached');
    const after = await eni(spare.NetworkInterfaceId as string);
    expect(after?.Attachment).toMatchObject({
      Status: 'attached',
      DeviceIndex: 1,
      DeleteOnTermination: false,
      AttachmentId: res.AttachmentId,
    });
  });

  it('refuses an ENI that is already attached', async () => {
    const w = await world(env.ec2);
    const data = get(w.enis, 'app-1-data');
    await expectEc2Error(
      attach(data.NetworkInterfaceId, get(w.instances, 'app-2').InstanceId, 2),
      'InvalidNetworkInterface.InUse',
      `Interface: [${data.NetworkInterfaceId}] in use.`,
    );
  });

  it('refuses an ENI in another availability zone', async () => {
    const w = await world(env.ec2);
    await expectEc2Error(
      attach(get(w.enis, 'spare-b').NetworkInterfaceId, get(w.instances, 'app-2').InstanceId, 1),
      'InvalidParameterCombination',
      'You may not attach a network interface to an instance if they are not in the same availability zone',
    );
  });

  it('refuses a device index that is already taken', async () => {
    const w = await world(env.ec2);
    const app1 = get(w.instances, 'app-1');
    await expectEc2Error(
      attach(get(w.enis, 'spare-a').NetworkInterfaceId, app1.InstanceId, 1),
      'InvalidParameterValue',
      `Instance '${app1.InstanceId}' already has an interface attached at device index '1'.`,
    );
  });

  it('keeps the device slot of a detaching ENI taken until it settles', async () => {
    env.emu.settings.attachDelayMs = 5_000;
    const w = await world(env.ec2);
    const app1 = get(w.instances, 'app-1');
    await env.ec2.send(
      new DetachNetworkInterfaceCommand({ AttachmentId: get(w.enis, 'app-1-data').Attachment?.AttachmentId }),
    );
    await expectEc2Error(
      attach(get(w.enis, 'spare-a').NetworkInterfaceId, app1.InstanceId, 1),
      'InvalidParameterValue',
      /already has an interface attached at device index '1'/,
    );
    // …and the detaching ENI itself cannot be attached elsewhere yet.
    await expectEc2Error(
      attach(get(w.enis, 'app-1-data').NetworkInterfaceId, get(w.instances, 'app-2').InstanceId, 1),
      'InvalidNetworkInterface.InUse',
    );
  });

  it('refuses more interfaces than the instance type allows, counting the new one', async () => {
    const w = await world(env.ec2);
    await expectEc2Error(
      attach(get(w.enis, 'spare-a').NetworkInterfaceId, get(w.instances, 'monitor').InstanceId, 2),
      'AttachmentLimitExceeded',
      'Interface count 3 exceeds the limit for t3.micro',
    );
  });

  it('refuses an ENI carrying more private IPv4s than the target type allows per interface', async () => {
    const w = await world(env.ec2);
    const spare = get(w.enis, 'spare-a');
    await env.ec2.send(
      new AssignPrivateIpAddressesCommand({
        NetworkInterfaceId: spare.NetworkInterfaceId,
        SecondaryPrivateIpAddressCount: 2,
      }),
    );
    await expectEc2Error(
      attach(spare.NetworkInterfaceId, get(w.instances, 'bastion').InstanceId, 1),
      'PrivateIpAddressLimitExceeded',
    );
  });

  it('refuses an instance that is stopping', async () => {
    env.emu.settings.instanceStateDelayMs = 5_000;
    const w = await world(env.ec2);
    const app2 = get(w.instances, 'app-2');
    await env.ec2.send(new StopInstancesCommand({ InstanceIds: [app2.InstanceId as string] }));
    await expectEc2Error(
      attach(get(w.enis, 'spare-a').NetworkInterfaceId, app2.InstanceId, 1),
      'IncorrectInstanceState',
    );
  });

  it('warm-attaches to a stopped instance', async () => {
    const w = await world(env.ec2);
    const db = get(w.instances, 'db-1');
    expect(db.State?.Name).toBe('stopped');
    await attach(get(w.enis, 'spare-a').NetworkInterfaceId, db.InstanceId, 1);
    expect((await eni(get(w.enis, 'spare-a').NetworkInterfaceId as string))?.Attachment?.InstanceId).toBe(
      db.InstanceId,
    );
  });

  it('allows a second VPC in the same AZ unless cross-VPC attach is switched off', async () => {
    const w = await world(env.ec2);
    const params = {
      NetworkInterfaceId: get(w.enis, 'spare-a').NetworkInterfaceId,
      InstanceId: get(w.instances, 'lab-1').InstanceId,
      DeviceIndex: 1,
    };
    env.emu.settings.allowCrossVpcAttach = false;
    await expectEc2Error(
      env.ec2.send(new AttachNetworkInterfaceCommand(params)),
      'InvalidParameterCombination',
      /same VPC/,
    );
    env.emu.settings.allowCrossVpcAttach = true;
    await env.ec2.send(new AttachNetworkInterfaceCommand(params));
  });

  it('refuses to attach a requester-managed ENI', async () => {
    const w = await world(env.ec2);
    await expectEc2Error(
      attach(get(w.enis, 'nat').NetworkInterfaceId, get(w.instances, 'app-2').InstanceId, 1),
      'InvalidNetworkInterface.InUse',
    );
  });

  it('answers DryRun with 412 after the existence checks and changes nothing', async () => {
    const w = await world(env.ec2);
    const spare = get(w.enis, 'spare-a');
    const err = await expectEc2Error(
      env.ec2.send(
        new AttachNetworkInterfaceCommand({
          NetworkInterfaceId: spare.NetworkInterfaceId,
          InstanceId: get(w.instances, 'app-2').InstanceId,
          DeviceIndex: 1,
          DryRun: true,
        }),
      ),
      'DryRunOperation',
      'Request would have succeeded, but DryRun flag is set.',
    );
    expect(err.$metadata.httpStatusCode).toBe(412);
    expect((await eni(spare.NetworkInterfaceId as string))?.Status).toBe('available');
    await expectEc2Error(
      env.ec2.send(
        new AttachNetworkInterfaceCommand({
          NetworkInterfaceId: 'eni-0000000000000000f',
          InstanceId: get(w.instances, 'app-2').InstanceId,
          DeviceIndex: 1,
          DryRun: true,
        }),
      ),
      'InvalidNetworkInterfaceID.NotFound',
    );
  });

  it('requires DeviceIndex', async () => {
    const w = await world(env.ec2);
    await expectEc2Error(
      env.ec2.send(
        new AttachNetworkInterfaceCommand({
          NetworkInterfaceId: get(w.enis, 'spare-a').NetworkInterfaceId,
          InstanceId: get(w.instances, 'app-2').InstanceId,
        } as never),
      ),
      'MissingParameter',
      'The request must contain the parameter DeviceIndex',
    );
  });
});
