// POST /api/demo/reset and /api/demo/fail-instance: the emulator's control plane through the console, in demo mode
// only, with the token the console was handed.
import { describe, expect, it } from 'vitest';
import { emulatorForRoutes, postJson } from '@/lib/testing/route-emulator';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { DEMO_SCENARIOS } from '@/lib/demo/scenarios';
import { POST as failPost } from './demo/fail-instance/route';
import { POST as resetPost } from './demo/reset/route';

const TOKEN = 'demo-routes-test-token';
const emu = emulatorForRoutes('showcase', { attachDelayMs: 0, demo: true, env: { EMULATOR_CONTROL_TOKEN: TOKEN } });

describe('demo routes', () => {
  it('reset switches the emulator to the picked scenario', async () => {
    const res = await postJson(resetPost, { scenario: 'ha-failover' });
    expect(res.status).toBe(200);
    const names = (await loadSnapshot(emu().client)).instances.map((i) => i.name).sort();
    expect(names).toEqual(['ha-primary', 'ha-standby', 'ha-witness']);
  });

  it('reset accepts every scenario the picker offers, eks-nodes included', async () => {
    // large is left out only for time: it is the same route with a bigger scenario.
    for (const scenario of DEMO_SCENARIOS.filter((s) => s !== 'large')) {
      expect((await postJson(resetPost, { scenario })).status, scenario).toBe(200);
    }
    const types = (await loadSnapshot(emu().client)).instances.map((i) => i.type);
    expect(types).not.toContain('hpc7a.12xlarge');
    await postJson(resetPost, { scenario: 'eks-nodes' });
    expect((await loadSnapshot(emu().client)).instances.map((i) => i.type)).toContain('hpc7a.12xlarge');
  });

  it('fail-instance marks the instance impaired', async () => {
    await postJson(resetPost, { scenario: 'ha-failover' });
    const primary = (await loadSnapshot(emu().client)).instances.find((i) => i.name === 'ha-primary')?.id;
    const res = await postJson(failPost, { instanceId: primary });
    expect(res.status).toBe(200);
    const status = await emu().client.send(
      new (await import('@aws-sdk/client-ec2')).DescribeInstanceStatusCommand({ InstanceIds: [primary!] }),
    );
    expect(status.InstanceStatuses?.[0]?.InstanceStatus?.Status).toBe('impaired');
  });

  it('refuses an unknown scenario, naming the field', async () => {
    const res = await postJson(resetPost, { scenario: 'nope' });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain('field "scenario"');
  });
});
