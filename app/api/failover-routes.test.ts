// /api/plan, /api/apply and /api/progress/{id} with a failover body, called directly against the emulator's
// ha-failover scenario (demo mode: the requests act as the demo operator).
import { describe, expect, it } from 'vitest';
import { emulatorForRoutes, postJson } from '@/lib/testing/route-emulator';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { appliedRequests } from '@/lib/testing/emulator-control';
import { POST as applyPost } from './apply/route';
import { GET as progressGet } from './progress/[id]/route';
import { POST as planPost } from './plan/route';

const emu = emulatorForRoutes('ha-failover', { attachDelayMs: 20, demo: true });

async function pair() {
  const s = await loadSnapshot(emu().client);
  const id = (name: string) => s.instances.find((i) => i.name === name)?.id ?? '';
  return {
    from: id('ha-primary'),
    to: id('ha-standby'),
    floating: s.enis.find((e) => e.attachment?.deviceIndex === 1)?.id,
  };
}

describe('failover through the routes', () => {
  it('plans, then applies the confirmed plan with a progress id whose progress lists the steps and timings', async () => {
    const { from, to, floating } = await pair();
    const failover = { kind: 'failover', from, to, ips: true };
    const planned = await (await postJson(planPost, failover)).json();
    expect(planned).toMatchObject({
      ok: true,
      plan: { failover, steps: [{ action: 'DetachNetworkInterface' }, { action: 'AttachNetworkInterface' }] },
    });
    const res = await postJson(applyPost, {
      move: failover,
      confirmed: planned.plan,
      progressId: 'progress-test-0001',
    });
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ ok: true, timings: { totalMs: expect.any(Number) }, verification: 'verified' });
    expect(body.timings.steps).toHaveLength(2);
    const after = await loadSnapshot(emu().client);
    expect(after.enis.find((e) => e.id === floating)?.attachment?.instanceId).toBe(to);
    const progress = await (
      await progressGet(new Request('http://localhost/api/progress/progress-test-0001'), {
        params: Promise.resolve({ id: 'progress-test-0001' }),
      })
    ).json();
    expect(progress).toMatchObject({
      ok: true,
      progress: { finished: true, steps: [{ action: 'DetachNetworkInterface' }, { action: 'AttachNetworkInterface' }] },
    });
  });

  it('rehearses through /api/apply without changing anything', async () => {
    const { from, to } = await pair();
    await emu().clearRequests();
    const body = await (await postJson(applyPost, { kind: 'failover', from, to, ips: true, rehearse: true })).json();
    expect(body).toMatchObject({
      ok: true,
      rehearsal: { dryRuns: [{ action: 'DetachNetworkInterface' }, { action: 'AttachNetworkInterface' }] },
    });
    expect(appliedRequests(await emu().requests())).toEqual([]);
  });

  it('names the failover’s fields when the body is wrong', async () => {
    const res = await postJson(planPost, { kind: 'failover', from: 'i-nope', to: 'i-0123456789abcdef0' });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain('field "from"');
  });
});
