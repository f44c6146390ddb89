// Planning and applying moves against the emulator: each kind applied and verified, refusals send nothing,
// stale plans are caught, DryRun goes first, and a failed attach puts the ENI back where it was.
import { DetachNetworkInterfaceCommand, UnassignPrivateIpAddressesCommand } from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMove, type Move, type Snapshot } from '@/lib/topology';
import { attachStep } from '@/lib/topology/steps';
import { applyPlannedMove, describeStepChanges, planOnFreshState } from './execute';
import { loadSnapshot } from './snapshot';
import { appliedRequests } from '@/lib/testing/emulator-control';
import { useExecuteGateway } from '@/lib/testing/execute-gateway';
import { findMove } from '@/lib/testing/moves';

const gw = useExecuteGateway();

/** Where a move puts things, read independently of the gateway's own verification. */
function placed(s: Snapshot, move: Move): unknown {
  switch (move.kind) {
    case 'move-ip':
    case 'assign-ip':
      return s.enis.find((e) => e.privateIps.some((ip) => ip.address === move.ip))?.id;
    case 'unassign-ip':
      return s.enis.some((e) => e.privateIps.some((ip) => ip.address === move.ip));
    case 'move-eni':
      return s.enis.find((e) => e.id === move.eni)?.attachment?.instanceId;
    case 'detach-eni':
      return s.enis.find((e) => e.id === move.eni)?.status;
    case 'move-eip':
    case 'disassociate-eip': {
      const eip = s.eips.find((e) => e.allocationId === move.allocationId);
      return eip ? [eip.eniId, eip.privateIp] : undefined;
    }
  }
}

const expectedPlace: Partial<Record<Move['kind'], (m: Move) => unknown>> = {
  'move-ip': (m) => (m.kind === 'move-ip' ? m.toEni : null),
  'assign-ip': (m) => (m.kind === 'assign-ip' ? m.toEni : null),
  'unassign-ip': () => false,
  'move-eni': (m) => (m.kind === 'move-eni' ? m.toInstance : null),
  'detach-eni': () => 'available',
  'move-eip': (m) => (m.kind === 'move-eip' ? [m.toEni, m.toIp] : null),
  'disassociate-eip': () => [null, null],
};

describe('applyPlannedMove', () => {
  it.each([
    'move-ip',
    'unassign-ip',
    'move-eni-between',
    'move-eni-from-pool',
    'detach-eni',
    'move-eip',
    'disassociate-eip',
  ] as const)('applies and verifies a %s move', async (kind) => {
    const before = await loadSnapshot(gw.emu.client);
    const move = findMove(before, kind);
    const result = await applyPlannedMove(move, undefined, gw.opts);
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    expect(result.requestIds.length).toBe(result.plan.steps.length);
    const after = await loadSnapshot(gw.emu.client);
    expect(placed(after, move)).toEqual(expectedPlace[move.kind]!(move));
    // The rest of the involved state is what the pure model predicted.
    const predicted = applyMove(before, result.plan.move);
    for (const eni of result.verified.enis) {
      expect(eni.privateIps.map((ip) => ip.address).sort()).toEqual(
        predicted.enis
          .find((e) => e.id === eni.id)
          ?.privateIps.map((ip) => ip.address)
          .sort(),
      );
    }
  });

  it('undoes an unassign with the plan’s inverse', async () => {
    const before = await loadSnapshot(gw.emu.client);
    const move = findMove(before, 'unassign-ip');
    const done = await applyPlannedMove(move, undefined, gw.opts);
    if (!done.ok) throw new Error(done.message);
    for (const inverse of done.plan.inverse) {
      const undone = await applyPlannedMove(inverse, undefined, gw.opts);
      if (!undone.ok) throw new Error(`${undone.code}: ${undone.message}`);
    }
    if (move.kind !== 'unassign-ip') throw new Error('unreachable');
    const holderOf = (snap: Snapshot) => snap.enis.find((e) => e.privateIps.some((ip) => ip.address === move.ip))?.id;
    expect(holderOf(await loadSnapshot(gw.emu.client))).toBe(holderOf(before));
  });

  it('refuses a move the rules refuse, with reasons, and sends no mutating call', async () => {
    const before = await loadSnapshot(gw.emu.client);
    const move = findMove(before, 'detach-eni', false);
    await gw.emu.clearRequests();
    const result = await applyPlannedMove(move, undefined, gw.opts);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('refused');
    expect(result.reasons?.length).toBeGreaterThan(0);
    expect(appliedRequests(await gw.emu.requests())).toEqual([]);
  });

  it('sends the DryRun of every step before the first mutating call', async () => {
    const move = findMove(await loadSnapshot(gw.emu.client), 'move-eni-between');
    await gw.emu.clearRequests();
    const result = await applyPlannedMove(move, undefined, gw.opts);
    if (!result.ok) throw new Error(result.message);
    const log = await gw.emu.requests();
    const firstMutation = log.findIndex((r) => appliedRequests([r]).length === 1);
    const dryRuns = log.flatMap((r, i) => (r.parameters.DryRun === 'true' ? [{ i, r }] : []));
    expect(dryRuns.map(({ r }) => r.action)).toEqual(['DetachNetworkInterface', 'AttachNetworkInterface']);
    expect(dryRuns.every(({ i, r }) => i < firstMutation && r.outcome === 'DryRunOperation')).toBe(true);
  });

  it('stops before any change when IAM denies a later step, naming the permission', async () => {
    const move = findMove(await loadSnapshot(gw.emu.client), 'move-eni-between');
    await gw.emu.fault({
      action: 'AttachNetworkInterface',
      code: 'UnauthorizedOperation',
      status: 403,
      message: 'You are not authorized to perform this operation.',
      times: 1,
    });
    await gw.emu.clearRequests();
    const result = await applyPlannedMove(move, undefined, gw.opts);
    expect(result).toMatchObject({ ok: false, code: 'unauthorized' });
    if (!result.ok) expect(result.message).toContain('ec2:AttachNetworkInterface');
    expect(appliedRequests(await gw.emu.requests())).toEqual([]);
  });
});

describe('stale detection', () => {
  it('answers stale, sending nothing, when the account changed between plan and apply', async () => {
    const move = findMove(await loadSnapshot(gw.emu.client), 'move-ip');
    const planned = await planOnFreshState(move, undefined, gw.opts);
    if (!planned.ok || move.kind !== 'move-ip') throw new Error('expected a plan');
    const holder = (await loadSnapshot(gw.emu.client)).enis.find((e) =>
      e.privateIps.some((ip) => ip.address === move.ip),
    );
    await gw.emu.client.send(
      new UnassignPrivateIpAddressesCommand({ NetworkInterfaceId: holder?.id, PrivateIpAddresses: [move.ip] }),
    );
    await gw.emu.clearRequests();
    const result = await applyPlannedMove(move, planned.plan, gw.opts);
    expect(result).toMatchObject({ ok: false, code: 'stale' });
    expect(appliedRequests(await gw.emu.requests())).toEqual([]);
  });

  it('answers stale, saying which step changed, when the fresh plan differs from the confirmed one', async () => {
    const move = findMove(await loadSnapshot(gw.emu.client), 'move-eni-between');
    const planned = await planOnFreshState(move, undefined, gw.opts);
    if (!planned.ok || move.kind !== 'move-eni') throw new Error('expected a plan');
    // Detach the ENI behind the console's back: the plan no longer needs its detach step.
    const eni = (await loadSnapshot(gw.emu.client)).enis.find((e) => e.id === move.eni);
    await gw.emu.client.send(new DetachNetworkInterfaceCommand({ AttachmentId: eni?.attachment?.id }));
    // Wait for the detach to finish (the emulator's attachDelayMs), not for a guessed time.
    await expect
      .poll(async () => (await loadSnapshot(gw.emu.client)).enis.find((e) => e.id === move.eni)?.attachment)
      .toBeNull();
    const result = await planOnFreshState(move, planned.plan, gw.opts);
    expect(result).toMatchObject({ ok: false, code: 'stale' });
    if (!result.ok)
      expect(result.message).toMatch(
        /`aws ec2 detach-network-interface --attachment-id eni-attach-[0-9a-f]+` is no longer in the plan/,
      );
  });

  it('rejects a confirmed plan made for another move', async () => {
    const s = await loadSnapshot(gw.emu.client);
    const planned = await planOnFreshState(findMove(s, 'move-ip'), undefined, gw.opts);
    if (!planned.ok) throw new Error(planned.message);
    const result = await applyPlannedMove(findMove(s, 'unassign-ip'), planned.plan, gw.opts);
    expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
  });
});

describe('a failed attach after the detach', () => {
  /**
   * Emulator faults hit DryRun calls too, and the gateway dry-runs the attach before the detach; so the fault is
   * registered only when the real detach is sent, after every DryRun has passed.
   */
  function failAttachesAfterDetach(times: number) {
    gw.emu.client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { DryRun?: boolean };
        if (context.commandName === 'DetachNetworkInterfaceCommand' && !input.DryRun) {
          await gw.emu.fault({
            action: 'AttachNetworkInterface',
            code: 'InvalidParameterValue',
            status: 400,
            message: 'injected attach failure',
            times,
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'testAttachFault' },
    );
  }
  afterEach(async () => {
    gw.emu.client.middlewareStack.remove('testAttachFault');
    await fetch(`${gw.emu.url}/_emulator/faults`, { method: 'DELETE' });
  });

  async function setUp() {
    const before = await loadSnapshot(gw.emu.client);
    const move = findMove(before, 'move-eni-between');
    if (move.kind !== 'move-eni') throw new Error('unreachable');
    const origin = before.enis.find((e) => e.id === move.eni)?.attachment;
    if (!origin) throw new Error('expected an attached ENI');
    return { move, origin };
  }

  it('re-attaches the ENI to its origin at its old device index and says so', async () => {
    const { move, origin } = await setUp();
    failAttachesAfterDetach(1);
    const result = await applyPlannedMove(move, undefined, gw.opts);
    expect(result).toMatchObject({ ok: false, code: 'partial-failure' });
    if (result.ok) return;
    expect(result.message).toContain('injected attach failure');
    expect(result.message).toContain(
      `Restored: ${move.eni} is attached again to ${origin.instanceId} at device index ${origin.deviceIndex}`,
    );
    const now = (await loadSnapshot(gw.emu.client)).enis.find((e) => e.id === move.eni)?.attachment;
    expect([now?.instanceId, now?.deviceIndex]).toEqual([origin.instanceId, origin.deviceIndex]);
  });

  it('keeps retrying the re-attach with backoff: two refusals, then it is back', async () => {
    const { move, origin } = await setUp();
    failAttachesAfterDetach(3); // the attach, then two restore attempts
    const result = await applyPlannedMove(move, undefined, gw.opts);
    expect(result).toMatchObject({ ok: false, code: 'partial-failure' });
    if (result.ok) return;
    expect(result.message).toContain(`Restored: ${move.eni} is attached again to ${origin.instanceId}`);
    const steps = (result.details as { steps: { action: string; outcome: string; restore: boolean }[] }).steps;
    expect(steps.map((s) => [s.action, s.outcome, s.restore])).toEqual([
      ['DetachNetworkInterface', 'done', false],
      ['AttachNetworkInterface', 'not-done', false],
      ['AttachNetworkInterface', 'done', true],
    ]);
  });

  it('says exactly where the ENI is, and a command that can succeed there, when the restore fails until the budget runs out', async () => {
    const { move, origin } = await setUp();
    failAttachesAfterDetach(1_000);
    const result = await applyPlannedMove(move, undefined, { ...gw.opts, budgetMs: 2_500 });
    expect(result).toMatchObject({ ok: false, code: 'partial-failure' });
    if (result.ok) return;
    expect(result.message).toContain(
      `Re-attaching it to ${origin.instanceId} at device index ${origin.deviceIndex} kept failing until the time budget ran out`,
    );
    expect(result.message).toContain(`${move.eni} is available (not attached to any instance)`);
    expect(result.message).toContain(
      `Put it back with: aws ec2 wait network-interface-available --network-interface-ids ${move.eni} && aws ec2 attach-network-interface --network-interface-id ${move.eni} --instance-id ${origin.instanceId} --device-index ${origin.deviceIndex}`,
    );
    const now = (await loadSnapshot(gw.emu.client)).enis.find((e) => e.id === move.eni);
    expect(now?.attachment).toBeNull();
    await gw.emu.client.send(new (await import('@aws-sdk/client-ec2')).DescribeVpcsCommand({})); // the client still works
  });
});

describe('describeStepChanges', () => {
  it('names the calls that left the plan and the ones it now needs', () => {
    const at = (index: number) =>
      attachStep('eni-0123456789abcdef0', 'i-0123456789abcdef0', index, `attach at ${index}`);
    expect(describeStepChanges([at(1)], [at(2)])).toBe(
      '`aws ec2 attach-network-interface --network-interface-id eni-0123456789abcdef0 --instance-id i-0123456789abcdef0 --device-index 1` is no longer in the plan; ' +
        '`aws ec2 attach-network-interface --network-interface-id eni-0123456789abcdef0 --instance-id i-0123456789abcdef0 --device-index 2` is now needed',
    );
    expect(describeStepChanges([at(1)], [at(1)])).toBe('');
  });
});
