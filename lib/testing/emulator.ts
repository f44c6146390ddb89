// Test support for the emulator's own tests: an emulator on an ephemeral port, a real SDK client, lookups by Name tag.
import {
  type Address,
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  EC2Client,
  type Instance,
  type NetworkInterface,
  type Subnet,
  type Tag,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { DEFAULT_SETTINGS, type EmulatorSettings, startEmulator } from '@/lib/emulator';

export type Started = Awaited<ReturnType<typeof startEmulator>>;

/** What tests run with unless they say otherwise: the defaults, without the state-transition delays. */
export const TEST_SETTINGS: Partial<EmulatorSettings> = { attachDelayMs: 0, instanceStateDelayMs: 0 };

export async function startForTest(
  scenario = 'showcase',
  settings: Partial<EmulatorSettings> = TEST_SETTINGS,
): Promise<{ emu: Started; ec2: EC2Client }> {
  const emu = await startEmulator({ port: 0, scenario, settings });
  const ec2 = new EC2Client({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1, // 5xx faults must surface once, not be retried three times
  });
  return { emu, ec2 };
}

export interface EmulatorHandle {
  readonly emu: Started;
  readonly ec2: EC2Client;
}

/**
 * One emulator for the file: started before its tests, closed after them, and before each test reset to
 * `scenario` with every setting back to DEFAULT_SETTINGS + TEST_SETTINGS + `settings`, so no test sees
 * another's changes. Read `emu`/`ec2` from the handle inside tests (they exist once beforeAll has run).
 */
export function useEmulator(settings: Partial<EmulatorSettings> = {}, scenario = 'showcase'): EmulatorHandle {
  let started: { emu: Started; ec2: EC2Client } | undefined;
  const need = () => {
    if (!started) throw new Error('useEmulator: the emulator is only there inside tests and hooks');
    return started;
  };
  // eipQuota is left to the reset, which applies the scenario's own value (unless this file overrides it).
  const { eipQuota: _scenarioOwned, ...resettable } = DEFAULT_SETTINGS;
  const chosen = { ...resettable, ...TEST_SETTINGS, ...settings };
  beforeAll(async () => {
    started = await startForTest(scenario, { ...TEST_SETTINGS, ...settings });
  });
  afterAll(() => started?.emu.close());
  beforeEach(() => {
    const { emu } = need();
    emu.reset(scenario);
    Object.assign(emu.settings, chosen);
  });
  return {
    get emu() {
      return need().emu;
    },
    get ec2() {
      return need().ec2;
    },
  };
}

export const nameOf = (tags: Tag[] | undefined): string | undefined => tags?.find((t) => t.Key === 'Name')?.Value;

export interface World {
  instances: Map<string, Instance>;
  enis: Map<string, NetworkInterface>;
  eips: Map<string, Address>;
  subnets: Map<string, Subnet>;
}

/** Everything keyed by Name tag; an instance's primary ENI is also keyed `<instance name>/eth0`. */
export async function world(ec2: EC2Client): Promise<World> {
  const [inst, enis, eips, subnets] = await Promise.all([
    ec2.send(new DescribeInstancesCommand({})),
    ec2.send(new DescribeNetworkInterfacesCommand({})),
    ec2.send(new DescribeAddressesCommand({})),
    ec2.send(new DescribeSubnetsCommand({})),
  ]);
  const w: World = { instances: new Map(), enis: new Map(), eips: new Map(), subnets: new Map() };
  for (const r of inst.Reservations ?? [])
    for (const i of r.Instances ?? []) w.instances.set(nameOf(i.Tags) ?? i.InstanceId ?? '', i);
  const instanceName = new Map([...w.instances].map(([n, i]) => [i.InstanceId, n]));
  for (const e of enis.NetworkInterfaces ?? []) {
    const name = nameOf(e.TagSet);
    if (name) w.enis.set(name, e);
    const att = e.Attachment;
    if (att?.InstanceId) w.enis.set(`${instanceName.get(att.InstanceId) ?? att.InstanceId}/eth${att.DeviceIndex}`, e);
    if (e.RequesterManaged) w.enis.set('nat', e);
  }
  for (const a of eips.Addresses ?? []) w.eips.set(nameOf(a.Tags) ?? a.AllocationId ?? '', a);
  for (const s of subnets.Subnets ?? []) w.subnets.set(nameOf(s.Tags) ?? s.SubnetId ?? '', s);
  return w;
}

export function get<T>(map: Map<string, T>, key: string): T {
  const v = map.get(key);
  if (v === undefined) throw new Error(`fixture '${key}' not found; have: ${[...map.keys()].join(', ')}`);
  return v;
}

/** Assert an SDK call fails with this EC2 code (and message, when given). */
export async function expectEc2Error(
  call: Promise<unknown>,
  code: string,
  message?: string | RegExp,
): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (err) {
    const e = err as Error & { $metadata: { httpStatusCode?: number } };
    expect(e.name).toBe(code);
    if (typeof message === 'string') expect(e.message).toBe(message);
    else if (message) expect(e.message).toMatch(message);
    return e;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

/**
 * A well-formed SigV4 Authorization header, for raw EC2 requests in tests: the emulator refuses unsigned ones
 * (MissingAuthenticationToken) but cannot check a signature, having no secrets.
 */
export const SIGNED = {
  authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
