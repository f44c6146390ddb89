// The server actions pass the same boundary as the routes, reading the request's headers from next/headers.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetEc2Client } from '@/lib/ec2/client';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { appliedRequests as mutations } from '@/lib/testing/emulator-control';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';
import { findMove } from '@/lib/testing/moves';
import { type ProcessAccounts, processAccounts } from '@/lib/testing/process-accounts';
import { resetRateLimits } from './rate-limit';

let current = new Headers();
vi.mock('next/headers', () => ({ headers: async () => current }));
const { applyMoveAction } = await import('@/lib/actions/apply');
const { planMoveAction } = await import('@/lib/actions/plan');

let emu: TestEmulator;
let accounts: ProcessAccounts;
const saved = { endpoint: process.env.AWS_ENDPOINT_URL_EC2, demo: process.env.ENI_CONSOLE_DEMO };
beforeAll(async () => {
  emu = await startTestEmulator('showcase', { attachDelayMs: 20 });
  accounts = await processAccounts({ vera: 'viewer' });
}, 120_000); // an embedded database and scrypt-hashed accounts take a while on a busy machine
beforeEach(async () => {
  process.env.AWS_ENDPOINT_URL_EC2 = emu.url;
  process.env.ENI_CONSOLE_DEMO = '1';
  resetEc2Client();
  resetRateLimits();
  await emu.reset('showcase');
  await emu.clearRequests();
});
afterAll(async () => {
  for (const [key, value] of [
    ['AWS_ENDPOINT_URL_EC2', saved.endpoint],
    ['ENI_CONSOLE_DEMO', saved.demo],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEc2Client();
  await accounts?.close();
  await emu?.close();
});

const fromPage = {
  host: '127.0.0.1:3000',
  origin: 'http://127.0.0.1:3000',
  'sec-fetch-site': 'same-origin',
  'content-type': 'text/plain;charset=UTF-8',
};

describe('server actions', () => {
  it('apply from the console’s own page runs (Next’s action protocol sends its own Content-Type)', async () => {
    current = new Headers(fromPage);
    const result = await applyMoveAction(findMove(await loadSnapshot(emu.client), 'move-eip'));
    expect(result.ok).toBe(true);
    expect(mutations(await emu.requests())).toHaveLength(1);
  });

  it('refuses an action posted from another origin, in demo mode, changing nothing', async () => {
    current = new Headers({ ...fromPage, origin: 'http://attacker.example', 'sec-fetch-site': 'cross-site' });
    const result = await applyMoveAction(findMove(await loadSnapshot(emu.client), 'move-eip'));
    expect(result).toMatchObject({ ok: false, code: 'cross-origin' });
    expect(mutations(await emu.requests())).toEqual([]);
  });

  it('refuses an action for a foreign Host, and a viewer’s plan', async () => {
    const move = findMove(await loadSnapshot(emu.client), 'move-eip');
    current = new Headers({ ...fromPage, host: 'rebound.attacker.example' });
    expect(await planMoveAction(move)).toMatchObject({ ok: false, code: 'wrong-host' });
    current = new Headers({ ...fromPage, authorization: `Bearer ${accounts.tokens.vera}` });
    expect(await planMoveAction(move)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses an input over 64 KiB', async () => {
    current = new Headers(fromPage);
    expect(
      await applyMoveAction({ kind: 'detach-eni', eni: 'eni-0123456789abcdef0', pad: 'x'.repeat(70_000) }),
    ).toMatchObject({ ok: false, code: 'payload-too-large' });
  });
});
