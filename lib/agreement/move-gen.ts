// Random moves over a snapshot, valid and invalid alike: primaries, cross-subnet/AZ/VPC, full targets, no-ops.
import { intToIp, parseCidr } from '@/lib/topology/ipv4';
import type { Move, MoveKind, Eni, Snapshot } from '@/lib/topology';
import { CHANGE_WEIGHTS, randomChange } from './change-gen';
import type { Rng } from './prng';

const KIND_WEIGHTS: Readonly<Record<MoveKind, number>> = {
  'move-ip': 24,
  'unassign-ip': 10,
  'assign-ip': 8,
  'move-eni': 26,
  'detach-eni': 10,
  'move-eip': 17,
  'disassociate-eip': 5,
  ...CHANGE_WEIGHTS,
};

/** Well-formed ids that exist nowhere: the checker says resource-exists, EC2 says …NotFound. */
const GHOST = {
  eni: 'eni-0deadbeefdeadbeef',
  instance: 'i-0deadbeefdeadbeef',
  allocation: 'eipalloc-0deadbeefdeadbeef',
} as const;

const ipsOf = (enis: readonly Eni[], primary: boolean | null): string[] =>
  enis.flatMap((e) => e.privateIps.filter((p) => primary === null || p.primary === primary).map((p) => p.address));

/** An address of the ENI's subnet picked to hit one rule: free, taken, reserved, outside, or already its own. */
export function addressFor(rng: Rng, s: Snapshot, eni: Eni): string {
  const subnet = s.subnets.find((x) => x.id === eni.subnetId);
  const cidr = subnet ? parseCidr(subnet.cidr) : null;
  if (!cidr) return rng.pick(ipsOf(s.enis, null));
  const held = new Set(
    ipsOf(
      s.enis.filter((e) => e.subnetId === eni.subnetId),
      null,
    ),
  );
  const roll = rng.weighted({ free: 45, taken: 20, reserved: 10, outside: 15, own: 10 });
  if (roll === 'reserved') return intToIp(cidr.base + rng.pick([0, 1, 2, 3, cidr.size - 1]));
  if (roll === 'own') return rng.pick(eni.privateIps).address;
  if (roll === 'taken' && held.size > 0) return rng.pick([...held]);
  if (roll === 'outside') {
    const others = ipsOf(
      s.enis.filter((e) => e.subnetId !== eni.subnetId),
      null,
    );
    if (others.length > 0) return rng.pick(others);
  }
  for (let tries = 0; tries < 20; tries++) {
    const ip = intToIp(cidr.base + 4 + rng.int(cidr.size - 5));
    if (!held.has(ip)) return ip;
  }
  return intToIp(cidr.base + 4 + rng.int(cidr.size - 5));
}

/** A target ENI for an IP move: usually in the holder's subnet (so only the deeper rules decide), else anywhere. */
function ipTarget(rng: Rng, s: Snapshot, ip: string): string {
  if (rng.chance(0.03)) return GHOST.eni;
  const holder = s.enis.find((e) => e.privateIps.some((p) => p.address === ip));
  if (holder && rng.chance(0.08)) return holder.id; // the no-op: EC2 accepts it, the console refuses it
  const sameSubnet = holder ? s.enis.filter((e) => e.subnetId === holder.subnetId && e.id !== holder.id) : [];
  return (sameSubnet.length > 0 && rng.chance(0.7) ? rng.pick(sameSubnet) : rng.pick(s.enis)).id;
}

export function randomMove(rng: Rng, s: Snapshot): Move {
  const kind = rng.weighted(KIND_WEIGHTS);
  const secondaries = ipsOf(s.enis, false);
  const attached = s.enis.filter((e) => e.attachment !== null);
  switch (kind) {
    case 'move-ip':
    case 'unassign-ip': {
      const ip = secondaries.length > 0 && rng.chance(0.8) ? rng.pick(secondaries) : rng.pick(ipsOf(s.enis, true));
      return kind === 'unassign-ip' ? { kind, ip } : { kind, ip, toEni: ipTarget(rng, s, ip) };
    }
    case 'assign-ip': {
      const target = rng.pick(s.enis);
      return { kind, ip: addressFor(rng, s, target), toEni: target.id };
    }
    case 'move-eni': {
      const secondary = attached.filter((e) => e.attachment?.deviceIndex !== 0);
      const pool = s.enis.filter((e) => e.attachment === null || e.requesterManaged);
      const group = rng.weighted({ secondary: 40, pool: 40, any: 20 });
      const from =
        group === 'secondary' && secondary.length > 0 ? secondary : group === 'pool' && pool.length > 0 ? pool : s.enis;
      const eni = rng.chance(0.02) ? GHOST.eni : rng.pick(from).id;
      const toInstance = rng.chance(0.02) || s.instances.length === 0 ? GHOST.instance : rng.pick(s.instances).id;
      return rng.chance(0.25) ? { kind, eni, toInstance, deviceIndex: rng.between(1, 4) } : { kind, eni, toInstance };
    }
    case 'detach-eni':
      return { kind, eni: rng.pick(attached.length > 0 ? attached : s.enis).id };
    case 'move-eip': {
      const allocationId = s.eips.length === 0 || rng.chance(0.03) ? GHOST.allocation : rng.pick(s.eips).allocationId;
      const target = rng.pick(s.enis);
      const toIp = rng.chance(0.88) ? rng.pick(target.privateIps).address : rng.pick(ipsOf(s.enis, null));
      return { kind, allocationId, toEni: target.id, toIp };
    }
    case 'disassociate-eip':
      if (s.eips.length === 0) return { kind: 'detach-eni', eni: rng.pick(s.enis).id };
      return { kind, allocationId: rng.pick(s.eips).allocationId };
    case 'allocate-eip':
      // The EIP quota is not in the snapshot (the generated scenarios allow at least 5): stay under it.
      if (s.eips.length >= 5) return randomChange(rng, s, 'release-eip');
      return randomChange(rng, s, kind);
    default:
      return randomChange(rng, s, kind);
  }
}
