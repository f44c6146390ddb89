// Wire-protocol behaviour (ec2-rules §1): request ids, error envelope, DryRun, unknown actions/parameters.
import * as ec2sdk from '@aws-sdk/client-ec2';
import { DescribeRegionsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIGNED, expectEc2Error, get, type Started, startForTest, type World, world } from '@/lib/testing/emulator';

let emu: Started;
let ec2: EC2Client;

beforeAll(async () => ({ emu, ec2 } = await startForTest()));
afterAll(() => emu.close());
beforeEach(() => emu.reset('showcase'));

const post = (body: string) =>
  fetch(emu.url, { method: 'POST', body, headers: { ...SIGNED, 'content-type': 'application/x-www-form-urlencoded' } });

describe('EC2 Query protocol', () => {
  it('returns the x-amzn-RequestId header, which the SDK exposes as $metadata.requestId', async () => {
    const res = await ec2.send(new DescribeRegionsCommand({}));
    expect(res.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.Regions?.map((r) => r.RegionName)).toContain('us-east-1');
  });

  it('answers success with the namespaced <ActionResponse> and requestId first', async () => {
    const res = await post('Action=DescribeVpcs&Version=2016-11-15');
    const text = await res.text();
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><DescribeVpcsResponse xmlns="http:\/\/ec2.amazonaws.com\/doc\/2016-11-15\/"><requestId>/,
    );
  });

  it('answers an unknown action with InvalidAction in the <Response><Errors> envelope', async () => {
    const res = await post('Action=RunInstances&Version=2016-11-15');
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('<Response><Errors><Error><Code>InvalidAction</Code>');
    expect(text).toMatch(/<RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/);
  });

  it('answers a parameter the operation does not have with UnknownParameter', async () => {
    const res = await post('Action=DescribeVpcs&Version=2016-11-15&Colour=blue');
    expect(await res.text()).toContain('<Code>UnknownParameter</Code>');
  });

  it('has no DryRun on Assign/UnassignPrivateIpAddresses', async () => {
    const eni = get((await world(ec2)).enis, 'web-2/eth0').NetworkInterfaceId as string;
    const res = await post(
      `Action=AssignPrivateIpAddresses&Version=2016-11-15&NetworkInterfaceId=${eni}&SecondaryPrivateIpAddressCount=1&DryRun=true`,
    );
    expect(await res.text()).toContain('<Code>UnknownParameter</Code>');
  });

  it('answers a missing required parameter with MissingParameter', async () => {
    await expectEc2Error(
      ec2.send(new ec2sdk.DeleteNetworkInterfaceCommand({} as never)),
      'MissingParameter',
      'The request must contain the parameter NetworkInterfaceId',
    );
  });

  it('accepts the same parameters as a GET query string', async () => {
    const res = await fetch(`${emu.url}/?Action=DescribeAvailabilityZones&Version=2016-11-15`, { headers: SIGNED });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<zoneName>us-east-1a</zoneName>');
  });
});

type DryRunCase = [string, (w: World) => object];
const DRY_RUN: DryRunCase[] = [
  ['DescribeInstances', () => ({})],
  ['CreateNetworkInterface', (w) => ({ SubnetId: get(w.subnets, 'private-a').SubnetId })],
  ['DeleteNetworkInterface', (w) => ({ NetworkInterfaceId: get(w.enis, 'spare-a').NetworkInterfaceId })],
  [
    'AttachNetworkInterface',
    (w) => ({
      NetworkInterfaceId: get(w.enis, 'spare-a').NetworkInterfaceId,
      InstanceId: get(w.instances, 'app-2').InstanceId,
      DeviceIndex: 1,
    }),
  ],
  ['DetachNetworkInterface', (w) => ({ AttachmentId: get(w.enis, 'app-1-data').Attachment?.AttachmentId })],
  ['AllocateAddress', () => ({})],
  ['ReleaseAddress', (w) => ({ AllocationId: get(w.eips, 'spare-1').AllocationId })],
  [
    'AssociateAddress',
    (w) => ({
      AllocationId: get(w.eips, 'spare-1').AllocationId,
      NetworkInterfaceId: get(w.enis, 'web-2/eth0').NetworkInterfaceId,
    }),
  ],
  ['DisassociateAddress', (w) => ({ AssociationId: get(w.eips, 'tls-shop').AssociationId })],
  [
    'ModifyNetworkInterfaceAttribute',
    (w) => ({ NetworkInterfaceId: get(w.enis, 'spare-a').NetworkInterfaceId, SourceDestCheck: { Value: false } }),
  ],
  ['CreateTags', (w) => ({ Resources: [get(w.enis, 'spare-a').NetworkInterfaceId], Tags: [{ Key: 'k', Value: 'v' }] })],
  ['DeleteTags', (w) => ({ Resources: [get(w.enis, 'spare-a').NetworkInterfaceId], Tags: [{ Key: 'Name' }] })],
  ['StopInstances', (w) => ({ InstanceIds: [get(w.instances, 'web-2').InstanceId] })],
  ['StartInstances', (w) => ({ InstanceIds: [get(w.instances, 'db-1').InstanceId] })],
];

describe('DryRun', () => {
  it.each(DRY_RUN)('answers %s DryRun with 412 DryRunOperation and changes nothing', async (action, input) => {
    const w = await world(ec2);
    const Command = (ec2sdk as unknown as Record<string, new (i: object) => Parameters<EC2Client['send']>[0]>)[
      `${action}Command`
    ];
    if (!Command) throw new Error(`no SDK command for ${action}`);
    const err = await expectEc2Error(
      ec2.send(new Command({ ...input(w), DryRun: true })),
      'DryRunOperation',
      'Request would have succeeded, but DryRun flag is set.',
    );
    expect(err.$metadata.httpStatusCode).toBe(412);
    expect(await world(ec2)).toEqual(w);
  });
});
