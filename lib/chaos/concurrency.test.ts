// Two users, one resource (issue 7): 50 pairs of conflicting applies in one process — the same secondary IP to
// two ENIs, the same Elastic IP to two private IPs — each confirmed from the same plan-time state and sent at
// once. The locks serialize them; the second is judged on the first one's result. No interleaved EC2 sequences,
// no answer the final state contradicts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateDiff } from '@/lib/agreement/compare';
import { applyPlannedMove, planOnFreshState } from '@/lib/ec2/execute';
import { MemoryJournal } from '@/lib/ec2/journal';
import { InProcessLocks } from '@/lib/ec2/locks';
import { loadSnapshot } from '@/lib/ec2/snapshot';
import { appliedRequests as mutations } from '@/lib/testing/emulator-control';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';
import { conflictingPairs } from '@/lib/testing/moves';
import { applyMove, type Move } from '@/lib/topology';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator('showcase', { attachDelayMs: 0 });
});
afterAll(async () => emu?.close());

describe('concurrent conflicting applies', () => {
  it('serializes 50 pairs: no interleaved EC2 sequences, no answer the final state contradicts', async () => {
    const figures = { pairs: 0, bothOk: 0, oneStale: 0, interleaved: 0, contradictions: 0 };
    await emu.reset('showcase');
    const initial = await loadSnapshot(emu.client);
    const ipPairs = conflictingPairs(initial, 'ip');
    const eipPairs = conflictingPairs(initial, 'eip');
    expect(ipPairs.length * eipPairs.length).toBeGreaterThan(0);
    // 25 of each kind, spread over the pairs there are (repeating when there are fewer).
    const spread = (pairs: [Move, Move][]) =>
      Array.from({ length: 25 }, (_, i) => pairs[Math.floor((i * pairs.length) / 25) % pairs.length] as [Move, Move]);
    const chosen = [...spread(ipPairs), ...spread(eipPairs)];
    // A little latency on the changes, so both applies are in flight together.
    await emu.patchSettings({ latencyMs: { AssignPrivateIpAddresses: 15, AssociateAddress: 15 } });
    for (const [a, b] of chosen) {
      await emu.reset('showcase');
      await emu.clearRequests();
      const locks = new InProcessLocks();
      const journal = new MemoryJournal();
      const opts = {
        client: emu.client,
        locks,
        journal,
        settings: { allowCrossVpcAttach: true, allowReassociation: true },
        backoffMs: 5,
      };
      const [pa, pb] = await Promise.all([planOnFreshState(a, undefined, opts), planOnFreshState(b, undefined, opts)]);
      if (!pa.ok || !pb.ok) throw new Error('both moves plan on the initial state');
      const [ra, rb] = await Promise.all([
        applyPlannedMove(a, pa.plan, { ...opts, user: 'alice' }),
        applyPlannedMove(b, pb.plan, { ...opts, user: 'bob' }),
      ]);
      figures.pairs++;
      const final = await loadSnapshot(emu.client);
      // Each apply's calls name its own target: they must come as one block, never mixed with the other's.
      const owner = (p: Record<string, string>) =>
        p.NetworkInterfaceId === ('toEni' in a ? a.toEni : '') &&
        (a.kind !== 'move-eip' || p.PrivateIpAddress === a.toIp)
          ? 'a'
          : 'b';
      const order = mutations(await emu.requests())
        .map((r) => owner(r.parameters))
        .join('');
      if (/a+b+a|b+a+b/.test(order)) figures.interleaved++;
      if (ra.ok && rb.ok) figures.bothOk++;
      if ((ra.ok ? 0 : ra.code === 'stale' ? 1 : 0) + (rb.ok ? 0 : rb.code === 'stale' ? 1 : 0) === 1)
        figures.oneStale++;
      // An ok answer claims its move's result; with neither ok, nothing may have changed.
      for (const [move, result] of [
        [a, ra],
        [b, rb],
      ] as const)
        if (result.ok && stateDiff(applyMove(initial, move), final).length > 0) figures.contradictions++;
      if (!ra.ok && !rb.ok && stateDiff(initial, final).length > 0) figures.contradictions++;
    }
    console.log(`concurrency: ${JSON.stringify(figures)}`);
    expect(figures).toMatchObject({ pairs: 50, interleaved: 0, contradictions: 0, bothOk: 0, oneStale: 50 });
  }, 600_000);
});
