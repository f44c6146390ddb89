// Several accounts and regions through the real SDK: the access key picks the account, the signature's region
// the region, each (account, region) its own store; DescribeRegions lists the account's regions.
import {
  AssignPrivateIpAddressesCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRegionsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { controlHeaders } from './access';
import { expectEc2Error, nameOf, useEmulator } from '@/lib/testing/emulator';

const env = useEmulator({}, 'multi-account');

function client(accessKeyId: string, region: string): EC2Client {
  return new EC2Client({
    region,
    endpoint: env.emu.url,
    credentials: { accessKeyId, secretAccessKey: 'not-checked' },
    maxAttempts: 1,
  });
}

const PROD = 'AKIAPRODENICONSOLE';
const STAGING = 'AKIASTAGINGENICONSOLE';

async function instanceNames(ec2: EC2Client): Promise<string[]> {
  const res = await ec2.send(new DescribeInstancesCommand({}));
  return (res.Reservations ?? [])
    .flatMap((r) => r.Instances ?? [])
    .map((i) => nameOf(i.Tags) ?? '')
    .sort();
}

describe('a multi-account scenario', () => {
  it('answers each access key and region from its own store', async () => {
    const prodEast = await instanceNames(client(PROD, 'us-east-1'));
    const prodWest = await instanceNames(client(PROD, 'eu-west-1'));
    const stagingEast = await instanceNames(client(STAGING, 'us-east-1'));
    const stagingWest = await instanceNames(client(STAGING, 'eu-west-1'));
    expect(stagingEast).toContain('ha-primary');
    expect(prodEast).not.toContain('ha-primary');
    const all = [prodEast, prodWest, stagingEast, stagingWest].map((names) => names.join(','));
    expect(new Set(all).size).toBe(4);
  });

  it('names availability zones after the signed region', async () => {
    const res = await client(STAGING, 'eu-west-1').send(new DescribeNetworkInterfacesCommand({}));
    const zones = new Set((res.NetworkInterfaces ?? []).map((e) => e.AvailabilityZone));
    expect([...zones].every((z) => z?.startsWith('eu-west-1'))).toBe(true);
  });

  it('keeps a change in the account and region that made it', async () => {
    const staging = client(STAGING, 'us-east-1');
    const enis = (await staging.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces ?? [];
    const target = enis.find((e) => e.Attachment?.DeviceIndex === 0) ?? enis[0];
    const before = (await client(PROD, 'us-east-1').send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces;
    await staging.send(
      new AssignPrivateIpAddressesCommand({
        NetworkInterfaceId: target?.NetworkInterfaceId,
        SecondaryPrivateIpAddressCount: 1,
      }),
    );
    const after = (await staging.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces ?? [];
    const grown = after.find((e) => e.NetworkInterfaceId === target?.NetworkInterfaceId);
    expect(grown?.PrivateIpAddresses?.length).toBe((target?.PrivateIpAddresses?.length ?? 0) + 1);
    // The other account, and the same account's other region, do not know the ENI at all.
    const prod = (await client(PROD, 'us-east-1').send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces;
    expect(prod).toEqual(before);
    await expectEc2Error(
      client(STAGING, 'eu-west-1').send(
        new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [target?.NetworkInterfaceId as string] }),
      ),
      'InvalidNetworkInterfaceID.NotFound',
    );
  });

  it('lists the regions the signing account uses', async () => {
    const res = await client(STAGING, 'us-east-1').send(new DescribeRegionsCommand({}));
    expect((res.Regions ?? []).map((r) => r.RegionName).sort()).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('refuses an unknown access key and a region the account does not use', async () => {
    await expectEc2Error(
      client('AKIAUNKNOWNKEY000000', 'us-east-1').send(new DescribeRegionsCommand({})),
      'AuthFailure',
    );
    await expectEc2Error(client(PROD, 'ap-south-1').send(new DescribeRegionsCommand({})), 'AuthFailure');
  });

  it('lets the demo access key reach the default (first) account', async () => {
    expect(await instanceNames(client('AKIDEMOENICONSOLE', 'us-east-1'))).toEqual(
      await instanceNames(client(PROD, 'us-east-1')),
    );
  });

  it('lists its accounts and records who signed each request on the control plane', async () => {
    const res = await fetch(`${env.emu.url}/_emulator/accounts`, { headers: controlHeaders(env.emu.controlToken) });
    const { accounts } = (await res.json()) as { accounts: { id: string; accessKeyId: string; regions: string[] }[] };
    expect(accounts.map((a) => [a.id, a.accessKeyId, a.regions])).toEqual([
      ['prod', PROD, ['us-east-1', 'eu-west-1']],
      ['staging', STAGING, ['us-east-1', 'eu-west-1']],
    ]);
    await client(STAGING, 'eu-west-1').send(new DescribeRegionsCommand({}));
    const log = await fetch(`${env.emu.url}/_emulator/requests`, { headers: controlHeaders(env.emu.controlToken) });
    const { requests } = (await log.json()) as { requests: { action: string; accessKeyId: string; region: string }[] };
    expect(requests.at(-1)).toMatchObject({ action: 'DescribeRegions', accessKeyId: STAGING, region: 'eu-west-1' });
  });
});

describe('a single-account scenario', () => {
  it('answers every access key and region from its one store, as before', async () => {
    env.emu.reset('showcase');
    const a = await instanceNames(client('AKIAANYKEY0000000000', 'us-east-1'));
    expect(a.length).toBeGreaterThan(0);
    expect(await instanceNames(client('AKIDEMOENICONSOLE', 'eu-west-1'))).toEqual(a);
    const res = await fetch(`${env.emu.url}/_emulator/accounts`, { headers: controlHeaders(env.emu.controlToken) });
    const { accounts } = (await res.json()) as { accounts: { accessKeyId: string; regions: string[] }[] };
    expect(accounts).toMatchObject([{ accessKeyId: 'AKIDEMOENICONSOLE', regions: ['us-east-1'] }]);
  });
});
