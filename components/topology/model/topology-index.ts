// The view's lookups: the domain's snapshot index (built once per snapshot, shared with the rules) plus only
// what the view walks by: VPCs in order, subnets by AZ, instances by home subnet, second legs, service ENIs.
import {
  compareIp,
  indexSnapshot,
  push,
  type Eni,
  type Instance,
  type InstanceTypeLimits,
  type SecurityGroup,
  type Snapshot,
  type SnapshotIndex,
  type Subnet,
  type Vpc,
} from '@/lib/topology';

export type TopologyIndex = SnapshotIndex & {
  /** VPCs by Name, then id. */
  vpcs: Vpc[];
  /** Subnets per VPC, grouped by AZ (AZs sorted, subnets by CIDR). */
  azsByVpc: Map<string, { az: string; subnets: Subnet[] }[]>;
  /** Instances per subnet of their primary ENI, sorted by Name then id. */
  instancesBySubnet: Map<string, Instance[]>;
  /** Attached ENIs in a subnet other than their instance's home subnet (a second leg), per subnet. */
  visitorEnisBySubnet: Map<string, Eni[]>;
  /** ENIs attached to an AWS service rather than an instance (NAT gateway, load balancer…). */
  serviceEnis: Eni[];
  poolEniCount: number;
  sgById: Map<string, SecurityGroup>;
};

function byNameThenId(a: { name: string | null; id: string }, b: { name: string | null; id: string }): number {
  if (a.name && b.name && a.name !== b.name) return a.name.localeCompare(b.name, 'en', { numeric: true });
  if (a.name && !b.name) return -1;
  if (!a.name && b.name) return 1;
  return a.id.localeCompare(b.id);
}

export function buildTopologyIndex(snapshot: Snapshot): TopologyIndex {
  const ix = indexSnapshot(snapshot);

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

  const instancesBySubnet = new Map<string, Instance[]>();
  const visitorEnisBySubnet = new Map<string, Eni[]>();
  for (const inst of snapshot.instances) {
    // An instance belongs to the subnet of its primary ENI; fall back to the instance's own field.
    const enis = ix.enisByInstance.get(inst.id) ?? [];
    const primary = enis.find((e) => e.attachment?.deviceIndex === 0);
    const subnetId = primary?.subnetId ?? inst.subnetId;
    if (subnetId) push(instancesBySubnet, subnetId, inst);
    for (const e of enis) if (e !== primary && e.subnetId !== subnetId) push(visitorEnisBySubnet, e.subnetId, e);
  }
  for (const list of instancesBySubnet.values()) list.sort(byNameThenId);

  let poolEniCount = 0;
  for (const list of ix.poolEnisBySubnet.values()) poolEniCount += list.length;

  return {
    ...ix,
    vpcs: [...snapshot.vpcs].sort(byNameThenId),
    azsByVpc,
    instancesBySubnet,
    visitorEnisBySubnet,
    serviceEnis: snapshot.enis.filter((e) => e.attachment !== null && !e.attachment.instanceId),
    poolEniCount,
    sgById: new Map(snapshot.securityGroups.map((g) => [g.id, g])),
  };
}

export function limitsFor(index: TopologyIndex, instanceType: string): InstanceTypeLimits | null {
  return index.limitsByType.get(instanceType) ?? null;
}

/** Count of private IPv4s across ENIs, for the header. */
export function countPrivateIps(snapshot: Snapshot): number {
  let n = 0;
  for (const e of snapshot.enis) n += e.privateIps.length;
  return n;
}
