// Random emulator scenarios (the scenarios/*.json format) with the settings both sides share, from a seed.
import type { EmulatorSettings, ScenarioDefinition } from '@/lib/emulator';
import type { CheckSettings } from '@/lib/topology';
import { Rng } from './prng';

/** Types with tight limits (ec2-rules §7): [MaximumNetworkInterfaces, Ipv4AddressesPerInterface]. */
export const AGREEMENT_TYPES: Readonly<Record<string, readonly [number, number]>> = {
  't3.nano': [2, 2],
  't3.micro': [2, 2],
  't3.small': [3, 4],
  't3.medium': [3, 6],
  'm5.large': [3, 10],
};

type Def = Required<Pick<ScenarioDefinition, 'vpcs' | 'instances' | 'networkInterfaces' | 'elasticIps'>> &
  ScenarioDefinition;
type VpcDef = Def['vpcs'][number];
type SubnetDef = VpcDef['subnets'][number];

export interface GeneratedScenario {
  definition: Def;
  /** The ec2-rules §10 choices, configured identically on the emulator and in the checker. */
  emulatorSettings: Partial<EmulatorSettings>;
  checkSettings: CheckSettings;
}

interface SubnetSlot {
  key: string;
  az: string;
  vpc: string;
  igw: boolean;
  /** Usable addresses not yet handed out (size − 5 reserved − taken). */
  free: number;
}

const PREFIXES = [24, 26, 28, 28] as const;

/** How many secondaries to give an ENI: often none, sometimes full, never more than the subnet has left. */
function secondaryCount(rng: Rng, cap: number, slot: SubnetSlot): number {
  const wanted = rng.chance(0.3) ? cap : rng.int(cap + 1);
  const n = Math.max(0, Math.min(wanted, slot.free));
  slot.free -= n;
  return n;
}

/**
 * Delegated /28 prefixes for an ENI (ec2-rules §2.7): sometimes 1–3, within `room` IPv4 slots. Reserving one block
 * more than it delegates keeps whole free blocks for them however the subnet's single addresses fall (the emulator
 * hands those out from the bottom). Drawn from its own generator, so the rest of each seed's scenario is unchanged.
 */
function prefixCount(rng: Rng, room: number, slot: SubnetSlot): number {
  if (!rng.chance(0.3)) return 0;
  const n = Math.min(rng.between(1, 3), room);
  if (n < 1 || slot.free < 16 * (n + 1) + 8) return 0;
  slot.free -= 16 * (n + 1);
  return n;
}

export function randomScenario(rng: Rng, seed: number): GeneratedScenario {
  const prefixRng = new Rng(seed ^ 0x5eed28);
  const azs = ['a', 'b', 'c'].slice(0, rng.between(2, 3)) as ('a' | 'b' | 'c')[];
  const slots: SubnetSlot[] = [];
  const vpcs: VpcDef[] = Array.from({ length: rng.between(1, 3) }, (_, v) => {
    const igw = rng.chance(0.7);
    const subnets: SubnetDef[] = Array.from({ length: rng.between(1, 3) }, (_, k) => {
      const prefix = rng.pick(PREFIXES);
      const key = `v${v}s${k}`;
      const az = rng.pick(azs);
      slots.push({ key, az, vpc: `v${v}`, igw, free: 2 ** (32 - prefix) - 5 });
      return { key, name: key, az, cidr: `10.${v}.${k * 16}.0/${prefix}` };
    });
    // A group besides the default one, for set-security-groups to switch to (draws nothing from rng).
    const securityGroups = [{ key: `v${v}web`, name: 'web', description: 'generated' }];
    return { key: `v${v}`, name: `vpc-${v}`, cidr: `10.${v}.0.0/16`, internetGateway: igw, securityGroups, subnets };
  });
  const take = (slot: SubnetSlot): boolean => (slot.free > 0 ? ((slot.free -= 1), true) : false);

  /** ENI keys that can carry an EIP (VPC with an IGW), with their address count. */
  const eipTargets: { key: string; ips: number }[] = [];
  const types = Object.keys(AGREEMENT_TYPES);
  const instances: Def['instances'] = [];
  for (let n = 0, count = rng.between(1, 5); n < count; n++) {
    const home = rng.pick(slots);
    if (!take(home)) continue;
    const type = rng.pick(types);
    const [maxEnis, ipv4] = AGREEMENT_TYPES[type]!;
    const key = `i${n}`;
    const primarySecondaries = secondaryCount(rng, ipv4 - 1, home);
    if (home.igw) eipTargets.push({ key: `${key}/eth0`, ips: 1 + primarySecondaries });
    const sameAz = slots.filter((s) => s.az === home.az);
    const extraCount = rng.chance(0.3) ? maxEnis - 1 : rng.int(maxEnis);
    // Device indexes anywhere in 1..maxEnis: gaps exercise "lowest free slot" and "the limit is on the count".
    const indexes = rng
      .shuffle(Array.from({ length: maxEnis }, (_, i) => i + 1))
      .slice(0, extraCount)
      .sort((a, b) => a - b);
    const enis = indexes.flatMap((deviceIndex) => {
      const slot = rng.pick(sameAz);
      if (!take(slot)) return [];
      const secondaryIps = secondaryCount(rng, ipv4 - 1, slot);
      if (slot.igw) eipTargets.push({ key: `${key}/eth${deviceIndex}`, ips: 1 + secondaryIps });
      const ipv4Prefixes = prefixCount(prefixRng, ipv4 - 1 - secondaryIps, slot);
      return [{ deviceIndex, subnet: slot.key, secondaryIps, ...(ipv4Prefixes > 0 ? { ipv4Prefixes } : {}) }];
    });
    instances.push({
      key,
      name: `inst-${n}`,
      type,
      state: rng.chance(0.7) ? 'running' : 'stopped',
      subnet: home.key,
      secondaryIps: primarySecondaries,
      publicIp: rng.chance(0.3),
      enis,
    });
  }

  const networkInterfaces: Def['networkInterfaces'] = [];
  for (let n = 0, count = rng.int(5); n < count; n++) {
    const slot = rng.pick(slots);
    if (!take(slot)) continue;
    // Up to 9 secondaries: more than t3.small/t3.medium take, so attaches can break eni-ips-fit-type.
    const secondaryIps = secondaryCount(rng, rng.chance(0.3) ? 9 : 2, slot);
    const requesterManaged = rng.chance(0.2)
      ? { requesterId: 'amazon-elb', interfaceType: rng.pick(['nat_gateway', 'interface']) }
      : undefined;
    const key = `pool${n}`;
    // Up to 9 slots besides the addresses: enough to overfill an m5.large (10) on attach.
    const ipv4Prefixes = requesterManaged ? 0 : prefixCount(prefixRng, 9, slot);
    networkInterfaces.push({
      key,
      name: key,
      subnet: slot.key,
      secondaryIps,
      ...(ipv4Prefixes > 0 ? { ipv4Prefixes } : {}),
      ...(requesterManaged ? { requesterManaged } : {}),
    });
    if (slot.igw) eipTargets.push({ key, ips: 1 + secondaryIps });
  }

  const elasticIps: Def['elasticIps'] = [];
  const used = new Set<string>();
  for (let n = 0, count = rng.int(7); n < count; n++) {
    const target = eipTargets.length > 0 && rng.chance(0.75) ? rng.pick(eipTargets) : undefined;
    const index = target ? rng.int(target.ips) : 0;
    if (!target || used.has(`${target.key}|${index}`)) {
      elasticIps.push({ name: `eip-${n}` });
      continue;
    }
    used.add(`${target.key}|${index}`);
    // `secondary:N` is the N-th entry of the ENI's private IPs (0 = the primary).
    elasticIps.push({ name: `eip-${n}`, eni: target.key, ip: `secondary:${index}` });
  }

  const allowCrossVpcAttach = rng.chance(0.8);
  const allowReassociation = rng.chance(0.8);
  return {
    definition: {
      title: `agreement-${seed}`,
      description: 'Generated by lib/agreement for the checker/emulator agreement test.',
      settings: { eipQuota: Math.max(5, elasticIps.length) },
      vpcs,
      instances,
      networkInterfaces,
      elasticIps,
    },
    emulatorSettings: {
      attachDelayMs: 0,
      instanceStateDelayMs: 0,
      allowCrossVpcAttach,
      allowReassociationDefault: allowReassociation,
      reassignErrorCode: rng.pick([
        'InvalidParameterValue',
        'Resource.AlreadyAssigned',
        'InvalidIPAddress.InUse',
      ] as const),
    },
    checkSettings: { allowCrossVpcAttach, allowReassociation },
  };
}
