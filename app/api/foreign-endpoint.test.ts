// Another EC2-compatible endpoint (not our emulator, answering the documented payloads of ec2-rules §6
// and moto-style sparse ones) through AWS_ENDPOINT_URL_EC2: the console reads it; garbage is explained, not a crash.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as topologyGet } from '@/app/api/topology/route';
import { createEc2Client, resetEc2Client } from '@/lib/ec2/client';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { type ForeignEndpoint, type ForeignMode, startForeignEndpoint } from '@/lib/testing/foreign-endpoint';
import { readTopology } from '@/lib/ec2/topology';
import { keepEnv } from '@/lib/testing/env';

let foreign: ForeignEndpoint;
const restoreEnv = keepEnv('AWS_ENDPOINT_URL_EC2', 'ENI_CONSOLE_DEMO');

beforeAll(async () => {
  foreign = await startForeignEndpoint();
  process.env.ENI_CONSOLE_DEMO = '1'; // the route acts as the demo operator (the endpoint is on loopback)
});
beforeEach(() => {
  foreign.mode = 'documented';
  foreign.requests.length = 0;
});
afterAll(async () => {
  restoreEnv();
  resetEc2Client();
  await foreign?.close();
});

const client = () => createEc2Client({ endpoint: foreign.url, region: 'us-east-1', maxAttempts: 1 });

describe('an EC2-compatible endpoint answering the documented payloads', () => {
  it('loads a snapshot that says what the payloads say', async () => {
    const s = await loadSnapshot(client());
    expect(s.endpoint).toBe(foreign.url);
    // Not our emulator: it sends no Server header naming itself, so the console will not call it one.
    expect(s.endpointServer).not.toBe('ENI-Console-EC2-Emulator');
    expect(s.enis.map((e) => e.id)).toEqual(['eni-0a1b2c3d4e5f60718', 'eni-0f9e8d7c6b5a40312']);
    const [attached, pooled] = s.enis;
    expect(attached).toMatchObject({
      status: 'in-use',
      az: 'us-east-1a',
      description: 'app data-plane',
      attachment: {
        id: 'eni-attach-0b1c2d3e4f5a60718',
        instanceId: 'i-0123456789abcdef0',
        deviceIndex: 1,
        status: 'attached',
        attachTime: '2025-03-04T10:15:30.000Z',
      },
      groups: [{ id: 'sg-0a1a2b3c4d5e6f708', name: 'app' }],
      name: 'app-eni',
    });
    expect(attached?.privateIps).toEqual([
      { address: '10.0.1.25', primary: true, dnsName: 'ip-10-0-1-25.ec2.internal', association: null },
      {
        address: '10.0.1.26',
        primary: false,
        dnsName: 'ip-10-0-1-26.ec2.internal',
        association: expect.objectContaining({
          publicIp: '203.0.113.10',
          allocationId: 'eipalloc-0c1d2e3f4a5b60718',
          associationId: 'eipassoc-0d1e2f3a4b5c60718',
        }),
      },
    ]);
    // The unattached ENI sits in the pool: no attachment, `<description/>` read as an empty description.
    expect(pooled).toMatchObject({
      status: 'available',
      attachment: null,
      description: '',
      tags: {},
      privateIps: [{ address: '10.0.1.40', primary: true }],
    });
    expect(s.eips).toEqual([
      expect.objectContaining({
        publicIp: '203.0.113.10',
        eniId: 'eni-0a1b2c3d4e5f60718',
        privateIp: '10.0.1.26',
        instanceId: 'i-0123456789abcdef0',
        associationId: 'eipassoc-0d1e2f3a4b5c60718',
      }),
      expect.objectContaining({
        publicIp: '198.51.100.7',
        allocationId: 'eipalloc-0e1f2a3b4c5d60718',
        eniId: null,
        associationId: null,
        tags: { role: 'standby' },
      }),
    ]);
    expect(s.instanceTypes).toEqual({ 't3.micro': { type: 't3.micro', maxEnis: 2, ipv4PerEni: 2, networkCards: 1 } });
  });

  it('fills in what the moto-style answers leave out or send empty', async () => {
    const s = await loadSnapshot(client());
    expect(s.vpcs).toEqual([
      expect.objectContaining({
        id: 'vpc-0fedcba9876543210',
        cidr: '10.0.0.0/16',
        cidrs: ['10.0.0.0/16'],
        isDefault: false,
        hasInternetGateway: false,
      }),
    ]);
    expect(s.subnets).toEqual([
      expect.objectContaining({ id: 'subnet-0123456789abcdef0', azId: null, availableIpCount: 248, name: 'app-a' }),
      expect.objectContaining({
        id: 'subnet-0aaaabbbbccccdddd',
        az: 'us-east-1b',
        azId: null,
        availableIpCount: 251,
        name: null,
        tags: {},
      }),
    ]);
    expect(s.securityGroups.map((g) => [g.id, g.description])).toEqual([
      ['sg-0a1a2b3c4d5e6f708', 'app tier'],
      ['sg-0d0e0f1a2b3c4d5e6', ''],
    ]);
    expect(s.instances).toEqual([
      expect.objectContaining({
        id: 'i-0123456789abcdef0',
        state: 'running',
        type: 't3.micro',
        name: 'app-1',
        publicIp: null,
        launchTime: '2025-03-04T10:00:00.000Z',
      }),
      expect.objectContaining({
        id: 'i-0fedcba9876543210',
        state: 'stopped',
        name: null,
        tags: {},
        launchTime: '2025-03-01T08:30:00.000Z',
      }),
    ]);
  });

  it('asks for the instance types in use only, once each', async () => {
    await loadSnapshot(client());
    const typeCalls = foreign.requests.filter((r) => r.get('Action') === 'DescribeInstanceTypes');
    expect(typeCalls.map((r) => r.get('InstanceType.1'))).toEqual(['t3.micro']);
    expect(typeCalls[0]?.has('InstanceType.2')).toBe(false);
  });

  it('GET /api/topology with AWS_ENDPOINT_URL_EC2 answers 200 with that snapshot', async () => {
    process.env.AWS_ENDPOINT_URL_EC2 = foreign.url;
    resetEc2Client();
    const res = await topologyGet(new Request('http://localhost/api/topology'));
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    const direct = await loadSnapshot(client());
    const { readAt, snapshotAgeMs, revalidating, ...rest } = body;
    expect({ ...rest, snapshot: { ...rest.snapshot, fetchedAt: direct.fetchedAt } }).toEqual({
      ok: true,
      snapshot: direct,
      settings: body.settings,
    });
    expect({ readAt: typeof readAt, snapshotAgeMs: typeof snapshotAgeMs, revalidating }).toEqual({
      readAt: 'string',
      snapshotAgeMs: 'number',
      revalidating: false,
    });
  });
});

describe('the same endpoint answering garbage', () => {
  it.each<[ForeignMode, string]>([
    ['html', 'DescribeVpcs with HTTP 200 and a document with root <html>'],
    [
      'truncated-xml',
      'DescribeVpcs with HTTP 200 and a body the SDK could not read (XML parse error: unexpected end of input)',
    ],
    ['unknown-root', 'DescribeVpcs with HTTP 200 and a document with root <Status>'],
    ['proxy-error-page', 'DescribeVpcs with HTTP 502 and no EC2 error code'],
  ])('%s: malformed-response naming the endpoint, the answer and what to check, not a crash', async (mode, saying) => {
    foreign.mode = mode;
    const result = await readTopology(client());
    expect(result).toMatchObject({ ok: false, code: 'malformed-response' });
    if (result.ok) return;
    expect(result.message).toContain(`The endpoint ${foreign.url} answered ${saying}`);
    expect(result.message).toContain('Check that AWS_ENDPOINT_URL_EC2 points at an EC2-compatible endpoint');
  });

  it('GET /api/topology answers 502 with that failure, without the endpoint URL', async () => {
    foreign.mode = 'unknown-root';
    process.env.AWS_ENDPOINT_URL_EC2 = foreign.url;
    resetEc2Client();
    const res = await topologyGet(new Request('http://localhost/api/topology'));
    expect(res.status).toBe(502);
    const body = await res.json();
    expect(body).toMatchObject({
      ok: false,
      code: 'malformed-response',
      message: expect.stringContaining('The endpoint the EC2 endpoint answered'),
    });
    expect(JSON.stringify(body)).not.toContain(foreign.url);
  });
});
