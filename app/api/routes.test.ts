// The API route handlers called directly with Requests, against the emulator through AWS_ENDPOINT_URL_EC2.
import { type AddressInfo, createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { emulatorForRoutes } from '@/lib/testing/route-emulator';
import { resetEc2Client } from '@/lib/ec2/client';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { appliedRequests } from '@/lib/testing/emulator-control';
import { findMove } from '@/lib/testing/moves';
import { POST as applyPost } from './apply/route';
import { POST as planPost } from './plan/route';
import { GET as topologyGet } from './topology/route';

// Demo mode (loopback emulator): the requests act as the demo operator; lib/http/guard.test.ts covers the rest.
const emu = emulatorForRoutes('showcase', { attachDelayMs: 20, demo: true });

const post = (handler: (r: Request) => Promise<Response>, body: string) =>
  handler(
    new Request('http://localhost/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
  );

describe('GET /api/topology', () => {
  it('answers the snapshot with the server’s check settings', async () => {
    const res = await topologyGet(new Request('http://localhost/api/topology'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      ok: true,
      snapshot: { endpoint: emu().url },
      settings: { allowCrossVpcAttach: true, allowReassociation: true },
    });
    expect(Object.keys(body).sort()).toEqual(['ok', 'readAt', 'revalidating', 'settings', 'snapshot', 'snapshotAgeMs']);
    expect(body.snapshot.enis.length).toBeGreaterThan(0);
  });

  it('answers 502 endpoint-unreachable when nothing listens there, without naming the endpoint to the client', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const dead = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    process.env.AWS_ENDPOINT_URL_EC2 = dead;
    resetEc2Client();
    const res = await topologyGet(new Request('http://localhost/api/topology'));
    expect(res.status).toBe(502);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, code: 'endpoint-unreachable' });
    expect(body.message).not.toContain(dead);
    expect(body.message).toContain('the EC2 endpoint');
    expect(JSON.stringify(body)).not.toContain(dead);
  });
});

describe('POST /api/plan and /api/apply', () => {
  it.each([
    ['plan', planPost],
    ['apply', applyPost],
  ])('%s: answers 400 invalid-input for a body that is not JSON', async (_name, handler) => {
    const res = await post(handler, '{"kind": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      ok: false,
      code: 'invalid-input',
      message: expect.stringContaining('not valid JSON'),
    });
  });

  it('answers 400 naming the field and what to send for a wrong shape', async () => {
    const res = await post(planPost, JSON.stringify({ kind: 'move-ip', ip: '10.0.1.300', toEni: 'eni-1' }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe('invalid-input');
    expect(body.message).toContain('field "ip"');
    expect(body.message).toContain('field "toEni": Expected an ENI id such as eni-0123456789abcdef0');
  });

  it('answers 400 for an unknown move kind, listing the kinds', async () => {
    const res = await post(applyPost, JSON.stringify({ move: { kind: 'teleport' } }));
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/field "move.kind".*move-ip/);
  });

  it('answers 409 refused with the rules’ reasons, and apply sends nothing', async () => {
    const move = findMove(await loadSnapshot(emu().client), 'detach-eni', false);
    await emu().clearRequests();
    const res = await post(applyPost, JSON.stringify(move));
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, code: 'refused' });
    expect(body.reasons[0]).toMatchObject({ rule: expect.any(String), message: expect.any(String) });
    expect(appliedRequests(await emu().requests())).toEqual([]);
  });

  it('plans, then applies the confirmed plan, answering the verified state', async () => {
    const move = findMove(await loadSnapshot(emu().client), 'move-eip');
    const planned = await (await post(planPost, JSON.stringify(move))).json();
    expect(planned).toMatchObject({ ok: true, plan: { move, steps: [{ action: 'AssociateAddress' }] } });
    const res = await post(applyPost, JSON.stringify({ move, confirmed: planned.plan }));
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.requestIds).toHaveLength(1);
    if (move.kind !== 'move-eip') throw new Error('unreachable');
    expect(
      body.verified.eips.find((e: { allocationId: string }) => e.allocationId === move.allocationId),
    ).toMatchObject({ eniId: move.toEni, privateIp: move.toIp });
  });
});
