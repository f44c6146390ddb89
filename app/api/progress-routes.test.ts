// GET /api/progress/{id} follows an apply by the id its caller chose: another user's apply sent with the same id is
// refused, so it can never take the id over and show its steps as the first user's (the ids are the caller's own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { emulatorForRoutes } from '@/lib/testing/route-emulator';
import { bearerRequest, type ProcessAccounts, processAccounts } from '@/lib/testing/process-accounts';
import { appliedRequests } from '@/lib/testing/emulator-control';
import { POST as applyPost } from './apply/route';
import { GET as progressGet } from './progress/[id]/route';

const emu = emulatorForRoutes('showcase', { attachDelayMs: 0, demo: false });
let accounts: ProcessAccounts;

beforeAll(async () => {
  accounts = await processAccounts({ otto: 'operator', olga: 'operator' });
}, 120_000);
afterAll(async () => {
  await accounts?.close();
});

const request = (path: string, who: string, body?: unknown) => bearerRequest(accounts.tokens, path, who, body);

async function spareEni(): Promise<string> {
  const s = await loadSnapshot(emu().client);
  return s.enis.find((e) => !e.attachment && !e.requesterManaged)!.id;
}

describe('progress ids', () => {
  it('another user’s apply with a progress id in use is refused before it changes anything; its owner may reuse it', async () => {
    const eni = await spareEni();
    const progressId = `progress-${crypto.randomUUID()}`;
    const mine = await applyPost(
      request('/api/apply', 'otto', { move: { kind: 'set-description', eni, description: 'otto' }, progressId }),
    );
    expect(await mine.json()).toMatchObject({ ok: true });

    await emu().clearRequests();
    const theirs = await applyPost(
      request('/api/apply', 'olga', { move: { kind: 'set-description', eni, description: 'olga' }, progressId }),
    );
    expect(theirs.status).toBe(400);
    expect((await theirs.json()).message).toContain('already in use');
    expect(appliedRequests(await emu().requests())).toEqual([]);

    const read = async () =>
      (await (
        await progressGet(request(`/api/progress/${progressId}`, 'otto'), {
          params: Promise.resolve({ id: progressId }),
        })
      ).json()) as {
        progress: { steps: { description: string }[] };
      };
    expect((await read()).progress.steps.map((s) => s.description).join()).toContain('otto');

    const again = await applyPost(
      request('/api/apply', 'otto', { move: { kind: 'set-description', eni, description: 'otto again' }, progressId }),
    );
    expect(await again.json()).toMatchObject({ ok: true });
    expect((await read()).progress.steps.map((s) => s.description).join()).toContain('otto again');
  });
});
