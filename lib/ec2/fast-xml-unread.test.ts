// The fast reader leaves DescribeInstances' per-instance networkInterfaceSet out (fast-xml.ts, UNREAD): the rest of
// the answer is what the SDK's own reader gives, and no code of the console reads what is left out.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installFastXml, parseXml, useXmlReader } from './fast-xml';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator('showcase');
});
afterAll(async () => {
  installFastXml();
  await emu?.close();
});

const instancesRead = async (reader: 'fast' | 'sdk') => {
  useXmlReader(reader);
  const { Reservations } = await emu.client.send(new DescribeInstancesCommand({}));
  return (Reservations ?? []).flatMap((r) => r.Instances ?? []);
};

describe('DescribeInstances through the fast reader', () => {
  it("answers every instance as the SDK's reader does, without its NetworkInterfaces", async () => {
    const sdk = await instancesRead('sdk');
    const fast = await instancesRead('fast');
    expect(sdk.length).toBeGreaterThan(5);
    expect(sdk.every((i) => (i.NetworkInterfaces?.length ?? 0) > 0)).toBe(true);
    expect(fast.every((i) => i.NetworkInterfaces === undefined)).toBe(true);
    expect(fast).toEqual(sdk.map(({ NetworkInterfaces: _left, ...rest }) => rest));
  });

  it('leaves out an empty, self-closing or filled element of that name only in that answer', () => {
    const unread = { DescribeInstancesResponse: 'networkInterfaceSet' };
    const doc = (root: string) =>
      `<${root}><a><networkInterfaceSet/><b>1</b></a><a><networkInterfaceSet></networkInterfaceSet><b>2</b></a>` +
      `<a><networkInterfaceSet><item><x>3</x></item></networkInterfaceSet><b>3</b></a></${root}>`;
    expect(parseXml(doc('DescribeInstancesResponse'), unread)).toEqual({
      DescribeInstancesResponse: { a: [{ b: '1' }, { b: '2' }, { b: '3' }] },
    });
    const kept = parseXml(doc('DescribeNetworkInterfacesResponse'), unread);
    expect(JSON.stringify(kept)).toContain('networkInterfaceSet');
  });
});

describe('what the console reads', () => {
  it("never reads an instance's NetworkInterfaces (only DescribeNetworkInterfaces pages have them)", () => {
    const root = path.resolve(__dirname, '../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          // Code only: comment lines may name it.
          const text = readFileSync(full, 'utf8')
            .split('\n')
            .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
            .join('\n');
          for (const m of text.matchAll(/(\w+)\??\.NetworkInterfaces\b/g))
            if (m[1] !== 'p') offenders.push(`${path.relative(root, full)}: ${m[0]}`);
        }
      }
    };
    for (const dir of ['app', 'components', 'lib/ec2', 'lib/http', 'lib/actions']) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});
