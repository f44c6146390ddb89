// Who may talk to the emulator: unsigned EC2 requests and state changes by GET are refused as EC2 would, and
// the control plane answers only to its bearer token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlHeaders } from './access';
import { startEmulator } from './index';
import { SIGNED } from '@/lib/testing/emulator';

let emu: Awaited<ReturnType<typeof startEmulator>>;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, scenario: 'showcase', controlToken: 'the-control-token' });
});
afterAll(() => emu.close());

const logged = async () =>
  (
    (await (await fetch(`${emu.url}/_emulator/requests`, { headers: controlHeaders(emu.controlToken) })).json()) as {
      requests: { action: string }[];
    }
  ).requests;
const clear = () =>
  fetch(`${emu.url}/_emulator/requests`, { method: 'DELETE', headers: controlHeaders(emu.controlToken) });
const form = 'Action=DisassociateAddress&Version=2016-11-15&AllocationId=eipalloc-00000000';

describe('EC2 requests', () => {
  it('refuses a request without an Authorization header with 401 MissingAuthenticationToken, running nothing', async () => {
    await clear();
    const res = await fetch(emu.url, {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('<Code>MissingAuthenticationToken</Code>');
    expect(await logged()).toEqual([]);
  });

  it('refuses an Authorization header that is not SigV4 for ec2 with 401 AuthFailure', async () => {
    for (const authorization of [
      'Bearer abc',
      'AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=' +
        '0'.repeat(64),
    ]) {
      const res = await fetch(emu.url, {
        method: 'POST',
        body: form,
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.status).toBe(401);
      expect(await res.text()).toContain('<Code>AuthFailure</Code>');
    }
  });

  it('answers a signed POST (the SDK and the aws CLI sign every request)', async () => {
    const res = await fetch(emu.url, {
      method: 'POST',
      body: 'Action=DescribeVpcs&Version=2016-11-15',
      headers: { ...SIGNED, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
  });

  it('refuses a state change sent by GET, even signed, and runs nothing', async () => {
    await clear();
    const res = await fetch(`${emu.url}/?${form}`, { headers: SIGNED });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(
      /<Code>InvalidRequest<\/Code><Message>The action DisassociateAddress changes state and must be sent as POST/,
    );
    expect(await logged()).toEqual([]);
    // Reads by GET stay allowed (EC2 takes the Query API as a query string).
    expect((await fetch(`${emu.url}/?Action=DescribeVpcs&Version=2016-11-15`, { headers: SIGNED })).status).toBe(200);
  });
});

describe('the control plane', () => {
  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer not-the-token' }],
    ['the token without the Bearer scheme', { authorization: 'the-control-token' }],
  ])('answers 401 to %s, on every route', async (_what, headers: Record<string, string>) => {
    for (const [method, path] of [
      ['GET', 'health'],
      ['GET', 'requests'],
      ['POST', 'reset'],
      ['PATCH', 'settings'],
      ['POST', 'faults'],
    ]) {
      const res = await fetch(`${emu.url}/_emulator/${path}`, {
        method,
        headers,
        body: method === 'GET' ? undefined : '{"scenario":"large"}',
      });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(((await res.json()) as { error: string }).error).toContain('Authorization: Bearer <token>');
    }
    expect((await fetch(`${emu.url}/_emulator/health`, { headers: controlHeaders(emu.controlToken) })).status).toBe(
      200,
    );
  });

  it('takes EMULATOR_CONTROL_TOKEN when no token is passed, else generates a random one', async () => {
    const saved = process.env.EMULATOR_CONTROL_TOKEN;
    try {
      process.env.EMULATOR_CONTROL_TOKEN = 'from-the-environment';
      const fromEnv = await startEmulator({ port: 0 });
      delete process.env.EMULATOR_CONTROL_TOKEN;
      const [a, b] = [await startEmulator({ port: 0 }), await startEmulator({ port: 0 })];
      expect(fromEnv.controlToken).toBe('from-the-environment');
      expect(a.controlToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(a.controlToken).not.toBe(b.controlToken);
      expect((await fetch(`${a.url}/_emulator/health`, { headers: controlHeaders(b.controlToken) })).status).toBe(401);
      await Promise.all([fromEnv.close(), a.close(), b.close()]);
    } finally {
      if (saved === undefined) delete process.env.EMULATOR_CONTROL_TOKEN;
      else process.env.EMULATOR_CONTROL_TOKEN = saved;
    }
  });
});
