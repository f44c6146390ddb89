// Failover against the emulator's ha-failover scenario: one confirmed apply moves the floating ENI with its IPs, MAC
// and EIPs and reports its timing; a failed step rolls everything back to the primary; a rehearsal changes nothing.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '@/lib/topology';
import { appliedRequests } from '@/lib/testing/emulator-control';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';
import { applyPlannedMove } from './execute';
import { InProcessLocks } from './locks';
import { applyFailover, type FailoverOptions, planFailover, rehearseFailover } from './failover';
import { loadSnapshot } from './snapshot';
import { processProgress, StepDurations } from './step-timings';

let emu: TestEmulator;
let opts: FailoverOptions;
beforeAll(async () => {
  emu = await startTestEmulator('ha-failover', { attachDelayMs: 40 });
});
afterAll(async () => emu?.close());
beforeEach(async () => {
  await emu.reset('ha-failover');
  await emu.clearRequests();
  opts = {
    client: emu.client,
    settings: { allowCrossVpcAttach: true, allowReassociation: true },
    wait: { firstDelayMs: 10, timeoutMs: 5_000 },
    durations: new StepDurations(),
  };
});
afterEach(async () => emu.clearFaults());

const byName = (s: Snapshot, name: string) => {
  const found = s.instances.find((i) => i.name === name);
  if (!found) throw new Error(`no instance named ${name}`);
  return found.id;
};

/** Where the floating ENI and the EIPs are, and what the ENI carries. */
function floating(s: Snapshot) {
  const eni = s.enis.find((e) => e.tags?.Name === 'service-floating' || e.description === 'floating service interface');
  if (!eni) throw new Error('no floating ENI');
  return {
    instance: eni.attachment?.instanceId,
    deviceIndex: eni.attachment?.deviceIndex,
    mac: eni.macAddress,
    ips: eni.privateIps.map((p) => p.address).sort(),
    eips: s.eips
      .filter((e) => e.eniId === eni.id)
      .map((e) => e.privateIp)
      .sort(),
  };
}

async function ids() {
  const s = await loadSnapshot(emu.client);
  return { s, primary: byName(s, 'ha-primary'), standby: byName(s, 'ha-standby') };
}

describe('failover of ha-failover', () => {
  it('moves the floating ENI with its private IPs, MAC and both EIPs to the standby in one confirmed apply, timed per step', async () => {
    const { s, primary, standby } = await ids();
    await emu.failInstance(primary);
    const before = floating(s);
    const planned = await planFailover({ kind: 'failover', from: primary, to: standby, ips: true }, undefined, opts);
    if (!planned.ok) throw new Error(planned.message);
    const result = await applyFailover({ kind: 'failover', from: primary, to: standby, ips: true }, planned.plan, opts);
    if (!result.ok) throw new Error(result.message);
    const after = floating(await loadSnapshot(emu.client));
    expect(after).toEqual({ ...before, instance: standby, deviceIndex: 1 });
    expect(result.steps.map((r) => [r.action, r.outcome])).toEqual([
      ['DetachNetworkInterface', 'done'],
      ['AttachNetworkInterface', 'done'],
    ]);
    expect(result.timings.steps.map((t) => t.action)).toEqual(['DetachNetworkInterface', 'AttachNetworkInterface']);
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(result.timings.steps.reduce((sum, t) => sum + t.ms, 0));
    console.log(
      `failover timings: total ${result.timings.totalMs} ms; ${result.timings.steps.map((t) => `${t.action} ${t.ms} ms`).join(', ')}`,
    );

    // Failing back with the plan's inverse puts the ENI where it was.
    for (const move of planned.plan.inverse) {
      const back = await applyPlannedMove(move, undefined, opts);
      if (!back.ok) throw new Error(back.message);
    }
    expect(floating(await loadSnapshot(emu.client))).toEqual(before);
  });

  it('restores the ENI to the primary when the attach to the standby fails, and says so step by step', async () => {
    const { s, primary, standby } = await ids();
    const before = floating(s);
    await emu.fault({
      action: 'AttachNetworkInterface',
      code: 'InvalidParameterValue',
      status: 400,
      message: 'injected attach failure',
      times: 1,
      dryRun: false,
    });
    const result = await applyFailover({ kind: 'failover', from: primary, to: standby, ips: true }, undefined, opts);
    expect(result).toMatchObject({ ok: false, code: 'partial-failure' });
    if (result.ok) return;
    expect(result.message).toContain('injected attach failure');
    const details = result.details as {
      steps: { action: string; outcome: string; restore: boolean }[];
      rolledBack: boolean;
    };
    expect(details.steps.map((r) => [r.action, r.outcome, r.restore])).toEqual([
      ['DetachNetworkInterface', 'done', false],
      ['AttachNetworkInterface', 'not-done', false],
      ['AttachNetworkInterface', 'done', true],
    ]);
    expect(floating(await loadSnapshot(emu.client))).toEqual(before);
  });

  it('rolls back the parts already made when a later part fails: everything returns to the primary', async () => {
    const { s, primary, standby } = await ids();
    const primaryEni = s.enis.find((e) => e.attachment?.instanceId === primary && e.attachment.deviceIndex === 0);
    if (!primaryEni) throw new Error('no primary ENI');
    const added = await applyPlannedMove(
      { kind: 'assign-ip', ip: '10.80.1.50', toEni: primaryEni.id },
      undefined,
      opts,
    );
    if (!added.ok) throw new Error(added.message);
    const before = floating(await loadSnapshot(emu.client));
    await emu.fault({
      action: 'AssignPrivateIpAddresses',
      code: 'InvalidParameterValue',
      status: 400,
      message: 'injected assign failure',
      times: 1,
      dryRun: false,
    });
    const result = await applyFailover({ kind: 'failover', from: primary, to: standby, ips: true }, undefined, opts);
    expect(result).toMatchObject({ ok: false, code: 'partial-failure' });
    if (result.ok) return;
    expect(result.message).toContain('Rolled back');
    const details = result.details as {
      steps: { action: string; outcome: string; restore: boolean }[];
      rolledBack: boolean;
      failedPart: number;
    };
    expect(details).toMatchObject({ rolledBack: true, failedPart: 2 });
    expect(details.steps.map((r) => [r.action, r.outcome, r.restore])).toEqual([
      ['DetachNetworkInterface', 'done', false],
      ['AttachNetworkInterface', 'done', false],
      ['AssignPrivateIpAddresses', 'not-done', false],
      ['DetachNetworkInterface', 'done', true],
      ['AttachNetworkInterface', 'done', true],
    ]);
    const after = await loadSnapshot(emu.client);
    expect(floating(after)).toEqual(before);
    expect(after.enis.find((e) => e.id === primaryEni.id)?.privateIps.map((p) => p.address)).toContain('10.80.1.50');
  });

  it('holds the locks of every part for the whole failover: a move of a later part’s IP is refused while the first part runs, then judged on the result', async () => {
    const { s, primary, standby } = await ids();
    const primaryEni = s.enis.find((e) => e.attachment?.instanceId === primary && e.attachment.deviceIndex === 0);
    if (!primaryEni) throw new Error('no primary ENI');
    const locks = new InProcessLocks();
    const shared = { ...opts, locks, user: 'failover-user' };
    const added = await applyPlannedMove(
      { kind: 'assign-ip', ip: '10.80.1.50', toEni: primaryEni.id },
      undefined,
      shared,
    );
    if (!added.ok) throw new Error(added.message);
    // Part 1 moves the floating ENI, part 2 moves 10.80.1.50 to the standby's primary ENI.
    await emu.patchSettings({ detachDelayMs: 400 });
    const progressId = `progress-${crypto.randomUUID()}`;
    const failover = applyFailover({ kind: 'failover', from: primary, to: standby, ips: true }, undefined, {
      ...shared,
      progressId,
    });
    await expect.poll(() => processProgress.get(progressId)?.current ?? '', { timeout: 5_000 }).toMatch(/^Detaching/);
    const during = await applyPlannedMove({ kind: 'unassign-ip', ip: '10.80.1.50' }, undefined, {
      ...opts,
      locks,
      user: 'bob',
      lockWaitMs: 50,
    });
    expect(during).toMatchObject({ ok: false, code: 'busy' });
    if (!during.ok) expect(during.message).toContain(`failover-user is applying failover ${primary} to ${standby}`);
    expect(processProgress.get(progressId)?.steps.map((t) => t.action)).not.toContain('AssignPrivateIpAddresses');

    // Serialized instead of refused: a move that waits runs after the failover and is checked on its result.
    const waiting = applyPlannedMove({ kind: 'unassign-ip', ip: '10.80.1.50' }, undefined, {
      ...opts,
      locks,
      user: 'carol',
      lockWaitMs: 10_000,
    });
    const done = await failover;
    if (!done.ok) throw new Error(done.message);
    expect(done.steps.map((r) => r.action)).toEqual([
      'DetachNetworkInterface',
      'AttachNetworkInterface',
      'AssignPrivateIpAddresses',
    ]);
    const after = await waiting;
    if (!after.ok) throw new Error(after.message);
    const standbyEni = (await loadSnapshot(emu.client)).enis.find(
      (e) => e.attachment?.instanceId === standby && e.attachment.deviceIndex === 0,
    );
    // The unassign was planned on the failover's result: it took the address from the standby, where it had moved.
    expect(after.plan.involved).toContain(standbyEni?.id);
    expect(standbyEni?.privateIps.map((p) => p.address)).not.toContain('10.80.1.50');
    await emu.patchSettings({ detachDelayMs: null });
  });

  it('rehearses: only DryRun calls and describes reach EC2, nothing changes, and the expected duration comes from observed steps', async () => {
    const { primary, standby } = await ids();
    const failover = { kind: 'failover' as const, from: primary, to: standby, ips: true };
    const unobserved = await rehearseFailover(failover, opts);
    if (!unobserved.ok) throw new Error(unobserved.message);
    expect(unobserved.rehearsal.expectedMs).toBeNull();

    // Observe one failover and its failback, then rehearse again from the start.
    const done = await applyFailover(failover, undefined, opts);
    if (!done.ok) throw new Error(done.message);
    for (const move of done.plan.inverse) await applyPlannedMove(move, undefined, opts);
    const before = floating(await loadSnapshot(emu.client));
    await emu.clearRequests();
    const rehearsed = await rehearseFailover(failover, opts);
    if (!rehearsed.ok) throw new Error(rehearsed.message);
    const log = await emu.requests();
    expect(appliedRequests(log)).toEqual([]);
    expect(log.filter((r) => !r.action.startsWith('Describe')).map((r) => [r.action, r.parameters.DryRun])).toEqual([
      ['DetachNetworkInterface', 'true'],
      ['AttachNetworkInterface', 'true'],
    ]);
    expect(floating(await loadSnapshot(emu.client))).toEqual(before);
    expect(rehearsed.rehearsal.expectedMs).toBeGreaterThan(0);
    expect(rehearsed.rehearsal.expected.map((e) => e.samples)).toEqual([1, 1]);
  });
});
