// Stopping, starting and tagging an instance against the emulator: one call each, the wait until the instance has
// settled (stopping → stopped, pending → running), the verification, the undo, and refusals that send nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diffLayout, type Move, type Snapshot } from '@/lib/topology';
import { appliedRequests } from '@/lib/testing/emulator-control';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';
import { applyPlannedMove, type ExecuteOptions, planOnFreshState } from './execute';
import { loadSnapshot } from './snapshot';

const DELAY_MS = 300;
let emu: TestEmulator;
let opts: ExecuteOptions;
beforeAll(async () => {
  emu = await startTestEmulator('showcase', { attachDelayMs: 20, instanceStateDelayMs: DELAY_MS });
  opts = {
    client: emu.client,
    settings: { allowCrossVpcAttach: true, allowReassociation: true },
    wait: { firstDelayMs: 20, timeoutMs: 2_000 },
  };
});
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.patchSettings({ instanceStateDelayMs: DELAY_MS });
  await emu.reset('showcase');
  await emu.clearRequests();
});

const byName = (s: Snapshot, name: string) => s.instances.find((i) => i.name === name)!;
const actions = async () => appliedRequests(await emu.requests()).map((c) => c.action);

async function apply(move: Move) {
  const result = await applyPlannedMove(move, undefined, opts);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result;
}

describe('stop-instance and start-instance', () => {
  it('stops app-2 with exactly StopInstances, waits until stopped, verifies it; the undo starts it again', async () => {
    const before = await loadSnapshot(emu.client);
    const app2 = byName(before, 'app-2');
    const started = Date.now();
    const done = await apply({ kind: 'stop-instance', instance: app2.id });
    // It answered only once the emulator's stopping window had passed: the wait is real.
    expect(Date.now() - started).toBeGreaterThanOrEqual(DELAY_MS);
    expect(done.verification).toBe('verified');
    expect(done.verified.instances.map((i) => [i.id, i.state])).toEqual([[app2.id, 'stopped']]);
    expect(await actions()).toEqual(['StopInstances']);
    expect(done.steps.map((st) => st.cli)).toEqual([`aws ec2 stop-instances --instance-ids ${app2.id}`]);
    expect(done.plan.inverse).toEqual([{ kind: 'start-instance', instance: app2.id }]);

    await emu.clearRequests();
    const undone = await apply(done.plan.inverse[0]!);
    expect(undone.verified.instances.map((i) => i.state)).toEqual(['running']);
    expect(await actions()).toEqual(['StartInstances']);
    const after = await loadSnapshot(emu.client);
    expect(diffLayout(before, after, { groups: true, instanceStates: true })).toEqual([]);
  });

  it('releases the Amazon-assigned public IPv4 of the bastion on stop, and a start gives it a new one', async () => {
    const before = await loadSnapshot(emu.client);
    const bastion = byName(before, 'bastion');
    expect(bastion.publicIp).not.toBeNull();
    const done = await apply({ kind: 'stop-instance', instance: bastion.id });
    expect(done.plan.sideEffects.join(' ')).toContain(`public IPv4 ${bastion.publicIp} is released for good`);
    expect(byName(await loadSnapshot(emu.client), 'bastion').publicIp).toBeNull();
    await apply(done.plan.inverse[0]!);
    const again = byName(await loadSnapshot(emu.client), 'bastion');
    expect(again.state).toBe('running');
    expect(again.publicIp).not.toBeNull();
    expect(again.publicIp).not.toBe(bastion.publicIp);
  });

  it('refuses to start a stopping instance and to stop a stopped one, sending nothing', async () => {
    await emu.patchSettings({ instanceStateDelayMs: 3_600_000 });
    const before = await loadSnapshot(emu.client);
    await emu.failInstance(byName(before, 'web-b-1').id, 0); // the demo's failure: stopping, for an hour
    await emu.clearRequests();
    const s = await loadSnapshot(emu.client);
    expect(byName(s, 'web-b-1').state).toBe('stopping');
    for (const [move, rule] of [
      [{ kind: 'start-instance', instance: byName(s, 'web-b-1').id }, 'instance-state'],
      [{ kind: 'stop-instance', instance: byName(s, 'web-b-1').id }, 'target-is-different'],
      [{ kind: 'stop-instance', instance: byName(s, 'db-1').id }, 'target-is-different'],
      [{ kind: 'start-instance', instance: byName(s, 'app-2').id }, 'target-is-different'],
    ] as const) {
      const result = await planOnFreshState(move, undefined, opts);
      expect(result.ok, move.kind).toBe(false);
      if (!result.ok) expect(result.reasons?.map((r) => r.rule)).toEqual([rule]);
    }
    expect(await actions()).toEqual([]);
  });

  it('reports a stop that does not settle within the wait as made, verification pending, saying where it is', async () => {
    await emu.patchSettings({ instanceStateDelayMs: 3_600_000 });
    const app2 = byName(await loadSnapshot(emu.client), 'app-2');
    const result = await apply({ kind: 'stop-instance', instance: app2.id });
    expect(result.verification).toBe('pending');
    expect(result.pending).toContain(`${app2.id} is stopping after waiting`);
    expect(result.steps[0]!.note).toContain('Accepted, but not settled');
    expect(await actions()).toEqual(['StopInstances']);
  });
});

describe('set-tags on an instance', () => {
  it('renames app-2 with CreateTags on the instance, verified, and the undo puts the Name back', async () => {
    const before = await loadSnapshot(emu.client);
    const app2 = byName(before, 'app-2');
    const done = await apply({ kind: 'set-tags', resourceId: app2.id, tags: { Name: 'app-2b', team: 'core' } });
    expect(done.verification).toBe('verified');
    expect(done.verified.instances[0]).toMatchObject({ name: 'app-2b', tags: { Name: 'app-2b', team: 'core' } });
    expect(await actions()).toEqual(['CreateTags']);
    for (const move of done.plan.inverse) await apply(move);
    expect(diffLayout(before, await loadSnapshot(emu.client))).toEqual([]);
    expect(byName(await loadSnapshot(emu.client), 'app-2').tags).toEqual(app2.tags);
  });
});
