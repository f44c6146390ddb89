// The server actions pass the same boundary as the routes, reading the request's headers from next/headers.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { emulatorForRoutes } from '@/lib/testing/route-emulator';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { appliedRequests as mutations } from '@/lib/testing/emulator-control';
import { findMove } from '@/lib/testing/moves';
import { type ProcessAccounts, processAccounts } from '@/lib/testing/process-accounts';

let current = new Headers();
vi.mock('next/headers', () => ({ headers: async () => current }));
const { applyMoveAction } = await import('@/lib/actions/apply');
const { planMoveAction } = await import('@/lib/actions/plan');

const emu = emulatorForRoutes('showcase', { attachDelayMs: 20, demo: true });
let accounts: ProcessAccounts;
beforeAll(async () => {
  accounts = await processAccounts({ vera: 'viewer' });
}, 120_000); // an embedded database and scrypt-hashed accounts take a while on a busy machine
beforeEach(async () => {
  await emu().clearRequests();
});
afterAll(async () => {
  await accounts?.close();
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
    const result = await applyMoveAction(findMove(await loadSnapshot(emu().client), 'move-eip'));
    expect(result.ok).toBe(true);
    expect(mutations(await emu().requests())).toHaveLength(1);
  });

  it('refuses an action posted from another origin, in demo mode, changing nothing', async () => {
    current = new Headers({ ...fromPage, origin: 'http://attacker.example', 'sec-fetch-site': 'cross-site' });
    const result = await applyMoveAction(findMove(await loadSnapshot(emu().client), 'move-eip'));
    expect(result).toMatchObject({ ok: false, code: 'cross-origin' });
    expect(mutations(await emu().requests())).toEqual([]);
  });

  it('refuses an action for a foreign Host, and a viewer’s plan', async () => {
    const move = findMove(await loadSnapshot(emu().client), 'move-eip');
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
