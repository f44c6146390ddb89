// The console's changes applied against the emulator: created ids substituted into later steps, verified by a
// re-describe, the undo filled in once EC2 named what it created, and the undo putting the account back.
import { describe, expect, it } from 'vitest';
import { diffLayout, type Move, type Snapshot } from '@/lib/topology';
import { appliedRequests } from '@/lib/testing/emulator-control';
import { useExecuteGateway } from '@/lib/testing/execute-gateway';
import { applyPlannedMove, planOnFreshState } from './execute';
import { loadSnapshot } from './snapshot';

const gw = useExecuteGateway();

const byName = (s: Snapshot, name: string) => s.instances.find((i) => i.name === name)!;
/** What an undo must restore: the whole layout (lib/topology diffLayout), security groups included. */
const restored = async (before: Snapshot) => diffLayout(before, await loadSnapshot(gw.emu.client), { groups: true });

async function apply(move: Move) {
  const result = await applyPlannedMove(move, undefined, gw.opts);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result;
}

async function undo(inverse: readonly Move[]) {
  for (const move of inverse) await apply(move);
}

describe('console changes', () => {
  it('creates an ENI attached to an instance, verifies it, and the filled-in undo deletes it', async () => {
    const before = await loadSnapshot(gw.emu.client);
    const app2 = byName(before, 'app-2');
    const done = await apply({
      kind: 'create-eni',
      subnetId: app2.subnetId!,
      name: 'extra',
      secondaryCount: 1,
      attachTo: { instanceId: app2.id },
    });
    expect(done.verification).toBe('verified');
    const calls = appliedRequests(await gw.emu.requests());
    expect(calls.map((c) => c.action)).toEqual(['CreateNetworkInterface', 'AttachNetworkInterface']);
    const created = done.verified.enis.find((e) => e.name === 'extra')!;
    expect(created.attachment).toMatchObject({ instanceId: app2.id, deviceIndex: 1 });
    expect(calls[1]!.parameters).toMatchObject({ NetworkInterfaceId: created.id });
    expect(done.steps[0]!.note).toContain(`Created ${created.id}`);
    expect(done.plan.inverse).toEqual([
      { kind: 'detach-eni', eni: created.id },
      { kind: 'delete-eni', eni: created.id },
    ]);
    await undo(done.plan.inverse);
    expect(await restored(before)).toEqual([]);
  });

  it('assigns and unassigns IPs, allocates and releases an EIP, flips source/dest check, sets a description, tags and security groups — each undone', async () => {
    const before = await loadSnapshot(gw.emu.client);
    const spare = before.enis.find((e) => e.name === 'spare-a')!;
    for (const move of [
      { kind: 'assign-ips', eni: spare.id, count: 2 },
      { kind: 'set-source-dest-check', eni: spare.id, enabled: false },
      { kind: 'set-description', eni: spare.id, description: 'spare, for the NAT test' },
      { kind: 'set-tags', resourceId: spare.id, tags: { Name: 'renamed', team: 'net' } },
      {
        kind: 'set-security-groups',
        eni: spare.id,
        groupIds: before.securityGroups
          .filter((g) => g.vpcId === spare.vpcId && g.name !== 'default')
          .map((g) => g.id)
          .slice(0, 2),
      },
      { kind: 'set-tags', resourceId: before.eips[0]!.allocationId, tags: { env: 'prod' } },
      { kind: 'allocate-eip', name: 'extra' },
    ] as Move[]) {
      const done = await apply(move);
      expect(done.verification, move.kind).toBe('verified');
      expect(done.plan.inverse.length, move.kind).toBeGreaterThan(0);
      await undo(done.plan.inverse);
      expect(await restored(before), move.kind).toEqual([]);
    }
  });

  it('refuses to release an associated EIP or delete an attached ENI, sending nothing', async () => {
    const before = await loadSnapshot(gw.emu.client);
    const associated = before.eips.find((e) => e.eniId !== null && !e.name?.startsWith('nat'))!;
    const attached = before.enis.find((e) => e.attachment && e.attachment.deviceIndex > 0)!;
    for (const [move, rule] of [
      [{ kind: 'release-eip', allocationId: associated.allocationId }, 'eip-idle'],
      [{ kind: 'delete-eni', eni: attached.id }, 'eni-available'],
    ] as const) {
      const result = await planOnFreshState(move, undefined, gw.opts);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reasons?.map((r) => r.rule)).toEqual([rule]);
    }
    expect(appliedRequests(await gw.emu.requests())).toEqual([]);
  });
});
