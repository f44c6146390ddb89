import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMove } from './apply';
import { usableAddresses } from './ipv4';
import { candidateMoves } from '@/lib/testing/moves';
import { randomSnapshot } from '@/lib/testing/random-topology';
import { checkMove } from './rules';
import type { Snapshot } from './schema';

/** What EC2 itself guarantees; an optimistic snapshot that breaks one would show an impossible topology. */
function invariantViolations(s: Snapshot): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const eni of s.enis) {
    if (eni.privateIps.filter((p) => p.primary).length !== 1) problems.push(`${eni.id} has no single primary`);
    for (const p of eni.privateIps) {
      const key = `${eni.vpcId}|${p.address}`;
      if (seen.has(key)) problems.push(`${p.address} held twice in ${eni.vpcId}`);
      seen.add(key);
      const allocationId = p.association?.allocationId;
      if (allocationId) {
        const eip = s.eips.find((e) => e.allocationId === allocationId);
        if (eip?.eniId !== eni.id || eip.privateIp !== p.address)
          problems.push(`${p.address} names ${allocationId}, which points elsewhere`);
      }
    }
  }
  for (const eip of s.eips) {
    if (eip.eniId === null) continue;
    const eni = s.enis.find((e) => e.id === eip.eniId);
    const entry = eni?.privateIps.find((p) => p.address === eip.privateIp);
    if (entry?.association?.allocationId !== eip.allocationId)
      problems.push(`${eip.allocationId} points at ${eip.privateIp} on ${eip.eniId}, which does not name it`);
    if (eip.instanceId !== (eni?.attachment?.instanceId ?? null))
      problems.push(`${eip.allocationId} names the wrong instance`);
  }
  for (const subnet of s.subnets) {
    const held = s.enis.filter((e) => e.subnetId === subnet.id).reduce((n, e) => n + e.privateIps.length, 0);
    if (subnet.availableIpCount !== (usableAddresses(subnet.cidr) ?? 0) - held)
      problems.push(`${subnet.id} free count is off`);
  }
  for (const instance of s.instances) {
    const indexes = s.enis
      .filter((e) => e.attachment?.instanceId === instance.id)
      .map((e) => e.attachment!.deviceIndex);
    if (new Set(indexes).size !== indexes.length) problems.push(`${instance.id} has two ENIs at one device index`);
    const limits = s.instanceTypes[instance.type];
    if (limits && indexes.length > limits.maxEnis) problems.push(`${instance.id} exceeds its ENI limit`);
  }
  return problems;
}

describe('allowed moves keep the topology consistent', () => {
  it('for any allowed move on random topologies (all instance states)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(1000), { minLength: 80, maxLength: 80 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        (numbers, picks) => {
          let cursor = 0;
          let s = randomSnapshot((n) => (n <= 1 ? 0 : numbers[cursor++ % numbers.length]! % n));
          expect(invariantViolations(s)).toEqual([]);
          for (const p of picks) {
            const allowed = candidateMoves(s).flatMap((m) => {
              const v = checkMove(s, m);
              return v.ok ? [v.plan] : [];
            });
            if (allowed.length === 0) return;
            s = applyMove(s, allowed[p % allowed.length]!.move);
            expect(invariantViolations(s)).toEqual([]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the checker catches an inconsistency that would break the layout', () => {
    const broken = randomSnapshot(() => 0);
    const doubled = {
      ...broken,
      enis: broken.enis.map((e) => ({ ...e, privateIps: [...e.privateIps, ...e.privateIps] })),
    };
    expect(invariantViolations(doubled).length).toBeGreaterThan(0);
  });
});
