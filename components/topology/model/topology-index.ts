// Lookup tables derived once per snapshot: who holds what, grouped the way the view walks it.
import type {
  Eip,
  Eni,
  Instance,
  InstanceTypeLimits,
  SecurityGroup,
  Snapshot,
  Subnet,
  Vpc,
} from '@/lib/topology/schema';

export type TopologyIndex = {
  snapshot: Snapshot;
  vpcs: Vpc[];
  vpcById: Map<string, Vpc>;
  subnetById: Map<string, Subnet>;
  /** Subnets per VPC, grouped by AZ (AZs sorted, subnets by CIDR). */
  azsByVpc: Map<string, { az: string; subnets: Subnet[] }[]>;
  instanceById: Map<string, Instance>;
  /** Instances per subnet of their primary ENI, sorted by Name then id. */
  instancesBySubnet: Map<string, Instance[]>;
  eniById: Map<string, Eni>;
  /** Attached ENIs per instance, by device index. */
  enisByInstance: Map<string, Eni[]>;
  /** Attached ENIs in a subnet other than their instance's home subnet (a second leg), per subnet. */
  visitorEnisBySubnet: Map<string, Eni[]>;
  /** ENIs with no attachment, per subnet. */
  poolEnisBySubnet: Map<string, Eni[]>;
  /** ENIs attached to an AWS service rather than an instance (NAT gateway, load balancer…). */
  serviceEnis: Eni[];
  poolEniCount: number;
  eipByAllocation: Map<string, Eip>;
  /** Associated EIPs keyed by `${eniId}|${privateIp}`. */
  eipByPrivateIp: Map<string, Eip>;
  idleEips: Eip[];
  sgById: Map<string, SecurityGroup>;
  /** Every private IPv4, keyed by address, with the ENIs holding it (one per VPC at most). */
  enisByAddress: Map<string, string[]>;
};

export function eipKey(eniId: string, privateIp: string): string {
  return `${eniId}|${privateIp}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Compares dotted IPv4 CIDRs or addresses numerically, so 10.0.2.0 sorts before 10.0.10.0. */
export function compareIp(a: string, b: string): number {
  const pa = a.split(/[./]/).map(Number);
  const pb = b.split(/[./]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return 0;
}

function byNameThenId(a: { name: string | null; id: string }, b: { name: string | null; id: string }): number {
  if (a.name && b.name && a.name !== b.name) return a.name.localeCompare(b.name, 'en', { numeric: true });
  if (a.name && !b.name) return -1;
  if (!a.name && b.name) return 1;
  return a.id.localeCompare(b.id);
}

export function buildTopologyIndex(snapshot: Snapshot): TopologyIndex {
  const vpcs = [...snapshot.vpcs].sort(byNameThenId);
  const vpcById = new Map(vpcs.map((v) => [v.id, v]));
  const subnetById = new Map(snapshot.subnets.map((s) => [s.id, s]));

  const subnetsByVpcAz = new Map<string, Map<string, Subnet[]>>();
  for (const s of snapshot.subnets) {
    let byAz = subnetsByVpcAz.get(s.vpcId);
    if (!byAz) subnetsByVpcAz.set(s.vpcId, (byAz = new Map()));
    push(byAz, s.az, s);
  }
  const azsByVpc = new Map<string, { az: string; subnets: Subnet[] }[]>();
  for (const [vpcId, byAz] of subnetsByVpcAz) {
    const azs = [...byAz.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([az, subnets]) => ({ az, subnets: subnets.sort((a, b) => compareIp(a.cidr, b.cidr)) }));
    azsByVpc.set(vpcId, azs);
  }

  const eniById = new Map<string, Eni>();
  const enisByInstance = new Map<string, Eni[]>();
  const poolEnisBySubnet = new Map<string, Eni[]>();
  const enisByAddress = new Map<string, string[]>();
  const serviceEnis: Eni[] = [];
  let poolEniCount = 0;
  for (const eni of snapshot.enis) {
    eniById.set(eni.id, eni);
    const holder = eni.attachment?.instanceId;
    if (holder) push(enisByInstance, holder, eni);
    else if (eni.attachment) serviceEnis.push(eni);
    else {
      push(poolEnisBySubnet, eni.subnetId, eni);
      poolEniCount++;
    }
    for (const ip of eni.privateIps) push(enisByAddress, ip.address, eni.id);
  }
  for (const list of enisByInstance.values()) {
    list.sort((a, b) => (a.attachment?.deviceIndex ?? 0) - (b.attachment?.deviceIndex ?? 0));
  }

  const instanceById = new Map<string, Instance>();
  const instancesBySubnet = new Map<string, Instance[]>();
  const visitorEnisBySubnet = new Map<string, Eni[]>();
  for (const inst of snapshot.instances) {
    instanceById.set(inst.id, inst);
    // An instance belongs to the subnet of its primary ENI; fall back to the instance's own field.
    const enis = enisByInstance.get(inst.id) ?? [];
    const primary = enis.find((e) => e.attachment?.deviceIndex === 0);
    const subnetId = primary?.subnetId ?? inst.subnetId;
    if (subnetId) push(instancesBySubnet, subnetId, inst);
    for (const e of enis) if (e !== primary && e.subnetId !== subnetId) push(visitorEnisBySubnet, e.subnetId, e);
  }
  for (const list of instancesBySubnet.values()) list.sort(byNameThenId);

  const eipByAllocation = new Map<string, Eip>();
  const eipByPrivateIp = new Map<string, Eip>();
  const idleEips: Eip[] = [];
  for (const eip of snapshot.eips) {
    eipByAllocation.set(eip.allocationId, eip);
    if (eip.eniId && eip.privateIp) eipByPrivateIp.set(eipKey(eip.eniId, eip.privateIp), eip);
    else idleEips.push(eip);
  }
  idleEips.sort((a, b) => compareIp(a.publicIp, b.publicIp));

  return {
    snapshot,
    vpcs,
    vpcById,
    subnetById,
    azsByVpc,
    instanceById,
    instancesBySubnet,
    eniById,
    enisByInstance,
    visitorEnisBySubnet,
    poolEnisBySubnet,
    serviceEnis,
    poolEniCount,
    eipByAllocation,
    eipByPrivateIp,
    idleEips,
    sgById: new Map(snapshot.securityGroups.map((g) => [g.id, g])),
    enisByAddress,
  };
}

export function limitsFor(index: TopologyIndex, instanceType: string): InstanceTypeLimits | null {
  return index.snapshot.instanceTypes[instanceType] ?? null;
}

/** Count of private IPv4s across ENIs, for the header. */
export function countPrivateIps(snapshot: Snapshot): number {
  let n = 0;
  for (const e of snapshot.enis) n += e.privateIps.length;
  return n;
}
