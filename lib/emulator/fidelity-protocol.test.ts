// Wire-level robustness (ec2-rules §1.1, ec2-rules §1.3): list indexes, HTTP methods, oversized bodies.
import {
  CreateNetworkInterfaceCommand,
  CreateTagsCommand,
  DescribeAddressesCommand,
  DescribeNetworkInterfacesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIGNED, get, type Started, startForTest, world } from '@/lib/testing/emulator';

let emu: Started;
let ec2: EC2Client;

beforeAll(async () => ({ emu, ec2 } = await startForTest()));
afterAll(() => emu.close());
beforeEach(() => emu.reset('showcase'));

const send = (method: string, body: string) =>
  fetch(emu.url, { method, body, headers: { ...SIGNED, 'content-type': 'application/x-www-form-urlencoded' } });
const codeOf = async (res: Response) => ({
  status: res.status,
  code: /<Code>([^<]*)<\/Code>/.exec(await res.text())?.[1],
});
const eipCount = async () => (await ec2.send(new DescribeAddressesCommand({}))).Addresses?.length;

describe('list indexes are 1-based decimal (ec2-rules §1.1 rule 2)', () => {
  it.each(['Filter.0.Name', 'Filter.01.Name', 'Filter.99999999999999999999.Name'])(
    'answers %s with UnknownParameter instead of silently dropping the filter',
    async (key) => {
      const index = key.split('.')[1] as string;
      const res = await send(
        'POST',
        `Action=DescribeNetworkInterfaces&Version=2016-11-15&${key}=status&Filter.${index}.Value.1=available`,
      );
      expect(await codeOf(res)).toEqual({ status: 400, code: 'UnknownParameter' });
    },
  );

  it('still accepts gaps in the numbering (Filter.2 without Filter.1)', async () => {
    const res = await send(
      'POST',
      'Action=DescribeNetworkInterfaces&Version=2016-11-15&Filter.2.Name=status&Filter.2.Value.1=available',
    );
    expect(res.status).toBe(200);
    expect((await res.text()).match(/<item><networkInterfaceId>/g)).toHaveLength(2);
  });
});

describe('names that collide with Object.prototype are plain unknown names', () => {
  it.each(['constructor', '__proto__', 'toString'])(
    'answers Action=%s with 400 InvalidAction, not a retried 500',
    async (action) => {
      expect(await codeOf(await send('POST', `Action=${action}&Version=2016-11-15`))).toEqual({
        status: 400,
        code: 'InvalidAction',
      });
    },
  );

  it('answers Filter.1.Name=constructor as an invalid filter (ec2-rules §1.6)', async () => {
    const res = await send(
      'POST',
      'Action=DescribeNetworkInterfaces&Version=2016-11-15&Filter.1.Name=constructor&Filter.1.Value.1=x',
    );
    expect(await codeOf(res)).toEqual({ status: 400, code: 'InvalidParameterValue' });
  });
});

describe('filter wildcards (ec2-rules §1.6)', () => {
  const idsFor = async (name: string, value: string) =>
    (
      await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: name, Values: [value] }] }))
    ).NetworkInterfaces?.map((e) => e.NetworkInterfaceId);

  it('matches many-star patterns without catastrophic backtracking', async () => {
    const subnet = get((await world(ec2)).subnets, 'private-a').SubnetId;
    const eni = await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet, Description: 'a'.repeat(200) }));
    // A backtracking matcher would take years on this pattern: the test's own timeout is the guard, not a clock.
    expect(await idsFor('description', '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b')).toEqual([]);
    expect(await idsFor('description', 'a*a?a')).toEqual([eni.NetworkInterface?.NetworkInterfaceId]);
  });

  it('treats backslash-escaped * and ? as literal characters', async () => {
    const spare = get((await world(ec2)).enis, 'spare-a').NetworkInterfaceId as string;
    await ec2.send(new CreateTagsCommand({ Resources: [spare], Tags: [{ Key: 'role', Value: 'star*name?' }] }));
    expect(await idsFor('tag:role', 'star\\*name\\?')).toEqual([spare]);
    expect(await idsFor('tag:role', 'star\\*')).toEqual([]);
    expect(await idsFor('tag:role', 'star\\**')).toEqual([spare]);
    expect(await idsFor('tag:role', 'starXname?')).toEqual([]);
  });
});

describe('HTTP methods (ec2-rules §1.1: POST, or GET with a query string)', () => {
  it.each(['PUT', 'DELETE', 'PATCH'])(
    'refuses %s on / with 405 and an error envelope, running nothing',
    async (method) => {
      const before = await eipCount();
      const res = await send(method, 'Action=AllocateAddress&Version=2016-11-15');
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, POST');
      expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
      expect(await res.text()).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?><Response><Errors><Error><Code>[A-Za-z.]+<\/Code>/,
      );
      expect(await eipCount()).toBe(before);
    },
  );
});

describe('oversized bodies', () => {
  it('answers a body over 10 MiB with 413 and keeps serving', async () => {
    const big = 'Action=DescribeVpcs&Version=2016-11-15&X=' + 'a'.repeat(11 * 1024 * 1024);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        emu.url,
        { method: 'POST', headers: { ...SIGNED, 'content-type': 'application/x-www-form-urlencoded' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(big);
    });
    expect(status).toBe(413);
    expect((await send('POST', 'Action=DescribeVpcs&Version=2016-11-15')).status).toBe(200);
  });
});
