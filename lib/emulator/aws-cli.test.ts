// The unmodified aws CLI (botocore's form encoding, its paginator, its error printing) works against the emulator.
import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  DetachNetworkInterfaceCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { controlHeaders } from './access';
import {
  AWS_CLI,
  awsJson,
  comparable,
  hasAws,
  memberPaths,
  NO_AWS_REASON,
  runAws,
  splitCliLine,
} from '@/lib/testing/aws-cli';
import { expectEc2Error, get, type Started, startForTest, world } from '@/lib/testing/emulator';

if (!hasAws) console.warn(NO_AWS_REASON);

describe('splitCliLine', () => {
  it('splits plain words and quoted words like a shell', () => {
    expect(splitCliLine('aws ec2  describe-tags --filters Name=key,Values="my tag" \'x y\'')).toEqual([
      'aws',
      'ec2',
      'describe-tags',
      '--filters',
      'Name=key,Values=my tag',
      'x y',
    ]);
  });

  it.each([
    'aws ec2 x; rm -rf /',
    'aws ec2 x $(id)',
    'aws ec2 x `id`',
    'aws ec2 x > out',
    'aws ec2 x "$HOME"',
    "aws ec2 x 'open",
  ])('refuses %s', (line) => {
    expect(() => splitCliLine(line)).toThrow();
  });
});

describe.skipIf(!hasAws)(`the aws CLI (${AWS_CLI}) against the emulator`, () => {
  let emu: Started;
  let ec2: EC2Client;
  beforeAll(async () => ({ emu, ec2 } = await startForTest('showcase')));
  afterAll(() => emu?.close());
  beforeEach(() => emu.reset('showcase'));

  const cli = (...args: string[]) => awsJson(emu.url, ['ec2', ...args]);

  /** Every request the emulator logged since the last clear, with its parameters. */
  async function logged(): Promise<{ action: string; parameters: Record<string, string> }[]> {
    const res = await fetch(`${emu.url}/_emulator/requests`, { headers: controlHeaders(emu.controlToken) });
    return ((await res.json()) as { requests: { action: string; parameters: Record<string, string> }[] }).requests;
  }
  const clearLog = () =>
    fetch(`${emu.url}/_emulator/requests`, { method: 'DELETE', headers: controlHeaders(emu.controlToken) });

  it('is a real aws CLI binary', async () => {
    const r = await runAws(emu.url, ['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/^aws-cli\/\d+\.\d+\.\d+ /);
  });

  // Members EC2 added after the CLI's bundled model (aws-cli 2.9.19 is from January 2023): botocore drops
  // elements its model does not know, so the CLI prints every member except these.
  const NEWER_THAN_CLI_MODEL = new Set([
    'NetworkInterfaces[].AvailabilityZoneId',
    'Reservations[].Instances[].Placement.AvailabilityZoneId',
    'Addresses[].SubnetId',
  ]);

  it.each([
    ['describe-network-interfaces', [], () => new DescribeNetworkInterfacesCommand({}), 'NetworkInterfaces'],
    ['describe-instances', [], () => new DescribeInstancesCommand({}), 'Reservations'],
    ['describe-addresses', [], () => new DescribeAddressesCommand({}), 'Addresses'],
    ['describe-subnets', [], () => new DescribeSubnetsCommand({}), 'Subnets'],
    [
      'describe-instance-types',
      ['--instance-types', 't3.micro'],
      () => new DescribeInstanceTypesCommand({ InstanceTypes: ['t3.micro'] }),
      'InstanceTypes',
    ],
  ] as const)('%s answers what the SDK reads, member for member', async (command, extra, sdkCommand, key) => {
    const viaCli = comparable((await cli(command, ...extra))[key]) as unknown[];
    const viaSdk = comparable(
      ((await ec2.send(sdkCommand() as never)) as unknown as Record<string, unknown>)[key],
    ) as unknown[];
    expect(viaCli.length).toBeGreaterThan(0);
    expect(viaSdk).toMatchObject(viaCli); // same items in the same order, every member the CLI printed equal
    const onlySdk = [...memberPaths(viaSdk, key)].filter((p) => !memberPaths(viaCli, key).has(p));
    expect(onlySdk.filter((p) => !NEWER_THAN_CLI_MODEL.has(p))).toEqual([]);
  });

  it('reads the documented t3.micro limits', async () => {
    const out = await cli('describe-instance-types', '--instance-types', 't3.micro');
    expect(out).toMatchObject({
      InstanceTypes: [
        { InstanceType: 't3.micro', NetworkInfo: { MaximumNetworkInterfaces: 2, Ipv4AddressesPerInterface: 2 } },
      ],
    });
  });

  it.each([
    ['describe-network-interfaces', 'NetworkInterfaces', 'NetworkInterfaceId', 'DescribeNetworkInterfaces'],
    ['describe-instances', 'Reservations', 'ReservationId', 'DescribeInstances'],
    ['describe-subnets', 'Subnets', 'SubnetId', 'DescribeSubnets'],
  ] as const)('%s --page-size 5 follows NextToken to the same set', async (command, key, id, action) => {
    const whole = ((await cli(command))[key] as Record<string, string>[]).map((x) => x[id]);
    await clearLog();
    const paged = ((await cli(command, '--page-size', '5'))[key] as Record<string, string>[]).map((x) => x[id]);
    expect(paged).toEqual(whole);
    const pages = (await logged()).filter((r) => r.action === action);
    expect(pages.length).toBe(Math.ceil(whole.length / 5));
    expect(pages.every((p) => p.parameters.MaxResults === '5')).toBe(true);
    expect(pages.slice(1).every((p) => typeof p.parameters.NextToken === 'string')).toBe(true);
  });

  it('sends list parameters (--filters Values=a,b, several ids) that the emulator reads as lists', async () => {
    const w = await world(ec2);
    const web1 = get(w.instances, 'web-1').InstanceId as string;
    const app1 = get(w.instances, 'app-1').InstanceId as string;
    const out = await cli(
      'describe-network-interfaces',
      '--filters',
      `Name=attachment.instance-id,Values=${web1},${app1}`,
      'Name=status,Values=in-use',
    );
    const owners = (out.NetworkInterfaces as { Attachment: { InstanceId: string } }[]).map(
      (e) => e.Attachment.InstanceId,
    );
    expect(new Set(owners)).toEqual(new Set([web1, app1]));
    expect(owners).toHaveLength(3); // web-1 eth0, app-1 eth0 and eth1
    const ids = (out.NetworkInterfaces as { NetworkInterfaceId: string }[]).map((e) => e.NetworkInterfaceId);
    const byIds = await cli('describe-network-interfaces', '--network-interface-ids', ...ids);
    expect((byIds.NetworkInterfaces as unknown[]).length).toBe(3);
  });

  it('sends non-ASCII tag values in UTF-8 that the SDK reads back unchanged', async () => {
    const eni = get((await world(ec2)).enis, 'spare-a').NetworkInterfaceId as string;
    const r = await runAws(emu.url, [
      'ec2',
      'create-tags',
      '--resources',
      eni,
      '--tags',
      'Key=Owner,Value=Zoë & Jürgen — ü/€ 100%',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const read = await ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni] }));
    expect(read.NetworkInterfaces?.[0]?.TagSet).toContainEqual({ Key: 'Owner', Value: 'Zoë & Jürgen — ü/€ 100%' });
  });

  it('sends nested and list parameters of writes (--groups, --tag-specifications, --no-source-dest-check) as EC2 reads them', async () => {
    const w = await world(ec2);
    const subnet = get(w.subnets, 'private-a').SubnetId as string;
    const groups = ['app-1/eth0', 'web-1/eth0'].flatMap((k) =>
      (get(w.enis, k).Groups ?? []).map((g) => g.GroupId as string),
    );
    expect(new Set(groups).size).toBe(2);
    const created = await cli(
      'create-network-interface',
      ...[
        '--subnet-id',
        subnet,
        '--groups',
        ...groups,
        '--secondary-private-ip-address-count',
        '2',
        '--description',
        'made by the aws CLI',
      ],
      ...['--tag-specifications', 'ResourceType=network-interface,Tags=[{Key=Name,Value=cli-eni}]'],
    );
    const eni = (created.NetworkInterface as { NetworkInterfaceId: string }).NetworkInterfaceId;
    const r = await runAws(emu.url, [
      'ec2',
      'modify-network-interface-attribute',
      '--network-interface-id',
      eni,
      '--no-source-dest-check',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const wait = await runAws(emu.url, ['ec2', 'wait', 'network-interface-available', '--network-interface-ids', eni]);
    expect(wait.status, wait.stderr).toBe(0);
    const [read] =
      (await ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni] }))).NetworkInterfaces ?? [];
    expect(read).toMatchObject({
      SubnetId: subnet,
      Description: 'made by the aws CLI',
      SourceDestCheck: false,
      TagSet: [{ Key: 'Name', Value: 'cli-eni' }],
    });
    expect(read?.Groups?.map((g) => g.GroupId)).toEqual(groups);
    expect(read?.PrivateIpAddresses).toHaveLength(3);
  });

  it('exits 254/255 with the EC2 code and message on stderr when detaching a primary ENI', async () => {
    const primary = get((await world(ec2)).enis, 'web-1/eth0');
    expect(primary.Attachment?.DeviceIndex).toBe(0);
    const attachmentId = primary.Attachment?.AttachmentId as string;
    const sdkError = await expectEc2Error(
      ec2.send(new DetachNetworkInterfaceCommand({ AttachmentId: attachmentId })),
      'OperationNotPermitted',
    );
    const r = await runAws(emu.url, ['ec2', 'detach-network-interface', '--attachment-id', attachmentId]);
    expect([254, 255]).toContain(r.status);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'An error occurred (OperationNotPermitted) when calling the DetachNetworkInterface operation',
    );
    expect(r.stderr).toContain(sdkError.message);
  });

  it('reports an unknown id with its NotFound code', async () => {
    const r = await runAws(emu.url, [
      'ec2',
      'describe-network-interfaces',
      '--network-interface-ids',
      'eni-0000000000000000f',
    ]);
    expect([254, 255]).toContain(r.status);
    expect(r.stderr).toContain(
      "(InvalidNetworkInterfaceID.NotFound) when calling the DescribeNetworkInterfaces operation: The networkInterface ID 'eni-0000000000000000f' does not exist",
    );
  });

  it('--dry-run answers DryRunOperation and changes nothing', async () => {
    const eth1 = get((await world(ec2)).enis, 'app-1/eth1');
    const r = await runAws(emu.url, [
      'ec2',
      'detach-network-interface',
      '--attachment-id',
      eth1.Attachment?.AttachmentId as string,
      '--dry-run',
    ]);
    expect([254, 255]).toContain(r.status);
    expect(r.stderr).toContain(
      'An error occurred (DryRunOperation) when calling the DetachNetworkInterface operation: Request would have succeeded, but DryRun flag is set.',
    );
    const after = get((await world(ec2)).enis, 'app-1/eth1');
    expect(after.Attachment).toMatchObject({ AttachmentId: eth1.Attachment?.AttachmentId, Status: 'attached' });
  });
});
