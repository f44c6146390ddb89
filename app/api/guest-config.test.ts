// GET /api/instances/{id}/guest-config called directly with Requests, against the emulator's showcase scenario.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEc2Client } from '@/lib/ec2/client';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';
import { GET } from './instances/[id]/guest-config/route';

let emu: TestEmulator;
let ids: Record<string, string>;
const savedEndpoint = process.env.AWS_ENDPOINT_URL_EC2;
const savedDemo = process.env.ENI_CONSOLE_DEMO;

beforeAll(async () => {
  emu = await startTestEmulator('showcase');
  process.env.AWS_ENDPOINT_URL_EC2 = emu.url;
  // Demo mode (loopback emulator): the request is the demo operator; the boundary's own rules are tested in lib/http.
  process.env.ENI_CONSOLE_DEMO = '1';
  resetEc2Client();
  const snapshot = await loadSnapshot(emu.client);
  ids = Object.fromEntries(snapshot.instances.map((i) => [i.name ?? i.id, i.id]));
});
afterAll(async () => {
  if (savedEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL_EC2;
  else process.env.AWS_ENDPOINT_URL_EC2 = savedEndpoint;
  if (savedDemo === undefined) delete process.env.ENI_CONSOLE_DEMO;
  else process.env.ENI_CONSOLE_DEMO = savedDemo;
  resetEc2Client();
  await emu?.close();
});

const get = (id: string, query: string) =>
  GET(new Request(`http://localhost/api/instances/${id}/guest-config${query}`), { params: Promise.resolve({ id }) });

describe('GET /api/instances/{id}/guest-config', () => {
  it('answers the iproute2 script of a dual-homed instance as text/plain', async () => {
    const res = await get(ids['app-1']!, '?format=iproute2');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('x-guest-config-needed')).toBe('true');
    const text = await res.text();
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    // app-1: eth0 10.0.2.10 and eth1 10.0.2.50 + 10.0.2.51, both in private-a (10.0.2.0/24)
    expect(text).toContain('ip route replace default via 10.0.2.1 dev eth1 table 1001');
    expect(text).toContain('ip rule add from 10.0.2.51 table 1001 priority 1001');
  });

  it.each([
    ['netplan', 'routing-policy:'],
    ['ifupdown', 'iface eth1 inet static'],
  ])('answers the %s format', async (format, marker) => {
    const res = await get(ids['app-1']!, `?format=${format}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(marker);
  });

  it('says so for an instance that needs no extra configuration', async () => {
    const res = await get(ids['app-2']!, '?format=netplan');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-guest-config-needed')).toBe('false');
    expect(await res.text()).toMatch(/^# app-2 .* no extra configuration is needed\.\n$/);
  });

  it('answers 400 naming the parameter for a missing or unknown format', async () => {
    for (const query of ['', '?format=yaml']) {
      const res = await get(ids['app-1']!, query);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body).toMatchObject({ ok: false, code: 'invalid-input' });
      expect(body.message).toContain(
        'The query parameter "format": Expected format=iproute2, format=netplan, format=ifupdown',
      );
    }
  });

  it('answers 400 for a malformed instance id and 404 for an unknown one', async () => {
    const bad = await get('web-1', '?format=iproute2');
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toContain(
      'The instance id in the path: Expected an instance id such as i-0123456789abcdef0',
    );
    const missing = await get('i-0123456789abcdef0', '?format=iproute2');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      ok: false,
      code: 'not-found',
      message: expect.stringContaining('There is no instance i-0123456789abcdef0'),
    });
  });

  it('answers nobody outside demo mode without credentials: 401 through the boundary, no configuration', async () => {
    delete process.env.ENI_CONSOLE_DEMO;
    try {
      const res = await get(ids['app-1']!, '?format=iproute2');
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, code: 'unauthenticated' });
    } finally {
      process.env.ENI_CONSOLE_DEMO = '1';
    }
  });
});
