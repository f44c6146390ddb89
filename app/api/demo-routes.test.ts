// POST /api/demo/reset and /api/demo/fail-instance: the emulator's control plane through the console, in demo mode
// only, with the token the console was handed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetEc2Client } from '@/lib/ec2/client';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { resetRateLimits } from '@/lib/http/rate-limit';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';
import { POST as failPost } from './demo/fail-instance/route';
import { POST as resetPost } from './demo/reset/route';

const TOKEN = 'demo-routes-test-token';
let emu: TestEmulator;
const saved = {
  endpoint: process.env.AWS_ENDPOINT_URL_EC2,
  demo: process.env.ENI_CONSOLE_DEMO,
  token: process.env.EMULATOR_CONTROL_TOKEN,
};
beforeAll(async () => {
  process.env.EMULATOR_CONTROL_TOKEN = TOKEN;
  emu = await startTestEmulator('showcase', { attachDelayMs: 0 });
});
beforeEach(async () => {
  process.env.ENI_CONSOLE_DEMO = '1';
  process.env.AWS_ENDPOINT_URL_EC2 = emu.url;
  resetEc2Client();
  await emu.reset('showcase');
  resetRateLimits();
});
afterAll(async () => {
  for (const [key, value] of [
    ['AWS_ENDPOINT_URL_EC2', saved.endpoint],
    ['ENI_CONSOLE_DEMO', saved.demo],
    ['EMULATOR_CONTROL_TOKEN', saved.token],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEc2Client();
  await emu?.close();
});

const post = (handler: (r: Request) => Promise<Response>, body: unknown) =>
  handler(
    new Request('http://localhost/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );

describe('demo routes', () => {
  it('reset switches the emulator to the picked scenario', async () => {
    const res = await post(resetPost, { scenario: 'ha-failover' });
    expect(res.status).toBe(200);
    const names = (await loadSnapshot(emu.client)).instances.map((i) => i.name).sort();
    expect(names).toEqual(['ha-primary', 'ha-standby', 'ha-witness']);
  });

  it('fail-instance marks the instance impaired', async () => {
    await post(resetPost, { scenario: 'ha-failover' });
    const primary = (await loadSnapshot(emu.client)).instances.find((i) => i.name === 'ha-primary')?.id;
    const res = await post(failPost, { instanceId: primary });
    expect(res.status).toBe(200);
    const status = await emu.client.send(
      new (await import('@aws-sdk/client-ec2')).DescribeInstanceStatusCommand({ InstanceIds: [primary!] }),
    );
    expect(status.InstanceStatuses?.[0]?.InstanceStatus?.Status).toBe('impaired');
  });

  it('refuses an unknown scenario, naming the field', async () => {
    const res = await post(resetPost, { scenario: 'nope' });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain('field "scenario"');
  });
});
