// Random console changes over a snapshot, valid and invalid alike: attached ENIs to delete, associated EIPs to
// release, full subnets and ENIs, reserved or taken addresses, unknown groups, instances in other AZs, instances
// to stop or start in every state (the transitional ones come from unsettle.ts).
import type { ChangeKind, Eni, Instance, Move, Snapshot } from '@/lib/topology';
import type { Rng } from './prng';
import { addressFor } from './move-gen';

export const CHANGE_WEIGHTS: Readonly<Record<ChangeKind, number>> = {
  'create-eni': 12,
  'delete-eni': 7,
  'assign-ips': 10,
  'unassign-ips': 8,
  'allocate-eip': 4,
  'release-eip': 6,
  'set-source-dest-check': 5,
  'set-description': 4,
  'set-tags': 5,
  'set-security-groups': 5,
  'stop-instance': 5,
  'start-instance': 5,
};

const GHOST_ENI = 'eni-0deadbeefdeadbeef';
const GHOST_INSTANCE = 'i-0deadbeefdeadbeef';
const SETTLED = ['running', 'stopped'];

/**
 * Mostly an instance in `usual` state, often one in transition (refused or a no-op), sometimes one that does not
 * exist: transitional instances are rare (unsettle.ts), and the suite must see each kind refused at least once.
 */
function powerTarget(rng: Rng, s: Snapshot, usual: Instance['state']): string {
  if (rng.chance(0.1) || s.instances.length === 0) return GHOST_INSTANCE;
  const pick = rng.weighted({ usual: 55, transitional: 30, any: 15 });
  const pool =
    pick === 'usual'
      ? s.instances.filter((i) => i.state === usual)
      : pick === 'transitional'
        ? s.instances.filter((i) => !SETTLED.includes(i.state))
        : [];
  return rng.pick(pool.length > 0 ? pool : s.instances).id;
}

const secondariesOf = (eni: Eni) => eni.privateIps.filter((p) => !p.primary).map((p) => p.address);

export function randomChange(rng: Rng, s: Snapshot, kind: ChangeKind): Move {
  const eni = rng.chance(0.03) ? undefined : rng.pick(s.enis);
  const eniId = eni?.id ?? GHOST_ENI;
  switch (kind) {
    case 'create-eni': {
      const subnet = rng.pick(s.subnets);
      const inVpc = s.securityGroups.filter((g) => g.vpcId === subnet.vpcId);
      const groups = rng.chance(0.3)
        ? [rng.chance(0.8) && s.securityGroups.length > 0 ? rng.pick(s.securityGroups).id : 'sg-0deadbeefdeadbeef']
        : rng.chance(0.3) && inVpc.length > 0
          ? [rng.pick(inVpc).id]
          : undefined;
      const holder = s.enis.find((e) => e.subnetId === subnet.id);
      const privateIp = rng.chance(0.4) && holder ? addressFor(rng, s, holder) : undefined;
      const secondaryCount = rng.chance(0.5) ? rng.between(0, rng.chance(0.1) ? 60 : 4) : undefined;
      const sameAz = s.instances.filter((i) => i.az === subnet.az);
      const target =
        rng.chance(0.7) && sameAz.length > 0
          ? rng.pick(sameAz)
          : s.instances.length > 0
            ? rng.pick(s.instances)
            : undefined;
      const attachTo =
        target && rng.chance(0.5)
          ? rng.chance(0.2)
            ? { instanceId: target.id, deviceIndex: rng.between(1, 4) }
            : { instanceId: target.id }
          : undefined;
      return {
        kind,
        subnetId: subnet.id,
        ...(groups ? { securityGroupIds: groups } : {}),
        ...(privateIp ? { privateIp } : {}),
        ...(secondaryCount !== undefined ? { secondaryCount } : {}),
        ...(rng.chance(0.5) ? { name: `gen-${rng.int(1000)}` } : {}),
        ...(attachTo ? { attachTo } : {}),
      };
    }
    case 'delete-eni': {
      const pool = s.enis.filter((e) => e.attachment === null);
      return { kind, eni: pool.length > 0 && rng.chance(0.6) ? rng.pick(pool).id : eniId };
    }
    case 'assign-ips':
      if (!eni || rng.chance(0.5)) return { kind, eni: eniId, count: rng.between(1, rng.chance(0.15) ? 60 : 3) };
      return {
        kind,
        eni: eni.id,
        addresses: [addressFor(rng, s, eni), ...(rng.chance(0.3) ? [addressFor(rng, s, eni)] : [])],
      };
    case 'unassign-ips': {
      const withSecondaries = s.enis.filter((e) => secondariesOf(e).length > 0);
      const from = withSecondaries.length > 0 && rng.chance(0.8) ? rng.pick(withSecondaries) : (eni ?? s.enis[0]!);
      const own = secondariesOf(from);
      const pick = rng.weighted({ secondary: 70, primary: 10, other: 20 });
      const ip =
        pick === 'secondary' && own.length > 0
          ? rng.pick(own)
          : pick === 'primary'
            ? from.privateIps[0]!.address
            : rng.pick(rng.pick(s.enis).privateIps).address;
      return {
        kind,
        eni: from.id,
        addresses: rng.chance(0.2) && own.length > 1 ? [...new Set([ip, rng.pick(own)])] : [ip],
      };
    }
    case 'allocate-eip':
      return rng.chance(0.5) ? { kind, name: `gen-eip-${rng.int(1000)}` } : { kind };
    case 'release-eip':
      return s.eips.length > 0 ? { kind, allocationId: rng.pick(s.eips).allocationId } : { kind: 'allocate-eip' };
    case 'set-source-dest-check':
      return {
        kind,
        eni: eniId,
        enabled: eni ? (rng.chance(0.8) ? !eni.sourceDestCheck : eni.sourceDestCheck) : false,
      };
    case 'set-description': {
      // Mostly a new text; sometimes the current one (a no-op) or a cleared one.
      const pick = rng.weighted({ fresh: 75, same: 15, clear: 10 });
      const description =
        pick === 'same' ? (eni?.description ?? '') : pick === 'clear' ? '' : `gen, desc ${rng.int(1000)}`;
      return { kind, eni: eniId, description };
    }
    case 'set-tags':
      return randomSetTags(rng, s, eni);
    case 'stop-instance':
      return { kind, instance: powerTarget(rng, s, 'running') };
    case 'start-instance':
      return { kind, instance: powerTarget(rng, s, 'stopped') };
    case 'set-security-groups': {
      // Mostly groups of the ENI's VPC; sometimes its current set (a no-op), another VPC's group or an unknown one.
      const own = s.securityGroups.filter((g) => g.vpcId === eni?.vpcId).map((g) => g.id);
      const pick = rng.weighted({ own: 70, same: 10, foreign: 10, unknown: 10 });
      const groupIds =
        pick === 'same' && eni && eni.groups.length > 0
          ? eni.groups.map((g) => g.id).reverse()
          : pick === 'foreign' && s.securityGroups.length > 0
            ? [rng.pick(s.securityGroups).id]
            : pick === 'unknown' || own.length === 0
              ? ['sg-0deadbeefdeadbeef']
              : [...new Set([rng.pick(own), ...(rng.chance(0.4) ? [rng.pick(own)] : [])])];
      return { kind, eni: eniId, groupIds };
    }
  }
}

/**
 * Tags to set or remove on an ENI, an Elastic IP or an instance: new ones, the same ones (a no-op), 51 of them (over
 * the limit).
 */
function randomSetTags(rng: Rng, s: Snapshot, eni: Eni | undefined): Move {
  const on = rng.weighted({ eni: 50, eip: 25, instance: 25 });
  const eip = on === 'eip' && s.eips.length > 0 ? rng.pick(s.eips) : undefined;
  const instance = on === 'instance' && s.instances.length > 0 ? rng.pick(s.instances) : undefined;
  const holder = eip ?? instance ?? eni;
  const resourceId = eip?.allocationId ?? instance?.id ?? eni?.id ?? GHOST_ENI;
  const existing = Object.keys(holder?.tags ?? {});
  const pick = rng.weighted({ fresh: 50, same: 10, remove: 20, many: 10, name: 10 });
  if (pick === 'many')
    return {
      kind: 'set-tags',
      resourceId,
      tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])),
    };
  if (pick === 'same' && existing.length > 0) return { kind: 'set-tags', resourceId, tags: { ...holder!.tags } };
  if (pick === 'remove') {
    const key = existing.length > 0 && rng.chance(0.8) ? rng.pick(existing) : 'absent-key';
    return { kind: 'set-tags', resourceId, tags: rng.chance(0.5) ? { team: `t${rng.int(10)}` } : {}, remove: [key] };
  }
  if (pick === 'name') return { kind: 'set-tags', resourceId, tags: { Name: `gen-tag-${rng.int(1000)}` } };
  return {
    kind: 'set-tags',
    resourceId,
    tags: { env: `gen-${rng.int(1000)}`, ...(rng.chance(0.3) ? { empty: '' } : {}) },
  };
}
