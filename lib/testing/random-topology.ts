// Small random topologies from a number source, for property tests and the bench (no test framework needed).
import type { InstanceState, Snapshot } from '@/lib/topology';
import {
  buildSnapshot,
  defaultInstanceTypes,
  type EipSpec,
  type EniSpec,
  type InstanceSpec,
  type SnapshotSpec,
  type SubnetSpec,
} from './snapshot-builder';

/** Returns an integer in [0, n). Backed by fast-check in property tests, by any PRNG elsewhere. */
export type Pick = (n: number) => number;

const hex8 = (prefix: string, n: number) => `${prefix}-${n.toString(16).padStart(8, '0')}`;

/**
 * 1–2 VPCs (IGW or not) with 1–2 subnets each over two AZs, 1–4 instances filled up to random counts
 * within their type's limits, 0–2 pool ENIs, 0–4 EIPs (associated only in VPCs with an IGW, as EC2 requires).
 */
export function randomSnapshotSpec(
  pick: Pick,
  states: readonly InstanceState[] = ['running', 'running', 'stopped', 'pending'],
): SnapshotSpec {
  const types = Object.keys(defaultInstanceTypes);
  const vpcs = Array.from({ length: 1 + pick(2) }, (_, v) => ({
    id: hex8('vpc', 0xa0 + v),
    cidr: `10.${v}.0.0/16`,
    igw: pick(3) > 0,
  }));
  const subnets: SubnetSpec[] = vpcs.flatMap((vpc, v) =>
    Array.from({ length: 1 + pick(2) }, (_, k) => ({
      id: hex8('subnet', 0x100 * (v + 1) + k),
      vpc: vpc.id,
      az: pick(2) ? 'us-east-1a' : 'us-east-1b',
      cidr: `10.${v}.${k}.0/24`,
    })),
  );
  const nextHost = new Map<string, number>();
  const ipIn = (subnet: SubnetSpec) => {
    const host = nextHost.get(subnet.id) ?? 10;
    nextHost.set(subnet.id, host + 1);
    return subnet.cidr.replace(/0\/24$/, String(host));
  };
  let eniCount = 0;
  const makeEni = (subnet: SubnetSpec, maxIps: number): EniSpec => ({
    id: hex8('eni', ++eniCount),
    subnet: subnet.id,
    ips: Array.from({ length: 1 + pick(maxIps) }, () => ipIn(subnet)),
  });

  const instances: InstanceSpec[] = Array.from({ length: 1 + pick(4) }, (_, n) => {
    const type = types[pick(types.length)]!;
    const [maxEnis, ipv4PerEni] = defaultInstanceTypes[type]!;
    const home = subnets[pick(subnets.length)]!;
    const sameAz = subnets.filter((s) => s.az === home.az);
    const enis = [makeEni(home, ipv4PerEni)];
    for (let k = pick(maxEnis); k > 0; k -= 1) enis.push(makeEni(sameAz[pick(sameAz.length)]!, ipv4PerEni));
    return { id: hex8('i', n + 1), type, subnet: home.id, state: states[pick(states.length)]!, enis };
  });
  const poolEnis = Array.from({ length: pick(3) }, () => makeEni(subnets[pick(subnets.length)]!, 3));

  const igwVpcs = new Set(vpcs.filter((v) => v.igw).map((v) => v.id));
  const vpcOfSubnet = new Map(subnets.map((s) => [s.id, s.vpc]));
  const slots = [...instances.flatMap((i) => i.enis), ...poolEnis]
    .filter((e) => igwVpcs.has(vpcOfSubnet.get(e.subnet!)!))
    .flatMap((e) => e.ips.map((ip) => ({ eni: e.id, ip })));
  const eips: EipSpec[] = Array.from({ length: pick(5) }, (_, n) => {
    const at = slots.length > 0 && pick(3) > 0 ? slots.splice(pick(slots.length), 1)[0] : undefined;
    return { allocationId: hex8('eipalloc', n + 1), publicIp: `203.0.113.${n + 1}`, ...at };
  });
  return { vpcs, subnets, instances, poolEnis, eips };
}

export const randomSnapshot = (pick: Pick, states?: readonly InstanceState[]): Snapshot =>
  buildSnapshot(randomSnapshotSpec(pick, states));
