// Fast lookups over a snapshot, memoized per snapshot object: checkMove runs on every hover.
import { compareIp } from './ipv4';
import type { Eip, Eni, Instance, InstanceTypeLimits, Snapshot, Subnet, Vpc } from './schema';

export interface SnapshotIndex {
  snapshot: Snapshot;
  eniById: ReadonlyMap<string, Eni>;
  instanceById: ReadonlyMap<string, Instance>;
  /** Attached ENIs per instance id, sorted by device index. */
  enisByInstance: ReadonlyMap<string, readonly Eni[]>;
  /** Every ENI holding a private IP. Usually one; VPCs with overlapping CIDRs can give several. */
  enisByPrivateIp: ReadonlyMap<string, readonly Eni[]>;
  eipByAllocation: ReadonlyMap<string, Eip>;
  /** Keyed by eniIpKey(eniId, privateIp). */
  eipByEniIp: ReadonlyMap<string, Eip>;
  subnetById: ReadonlyMap<string, Subnet>;
  vpcById: ReadonlyMap<string, Vpc>;
  limitsByType: ReadonlyMap<string, InstanceTypeLimits>;
  /** Unattached ENIs per subnet id. */
  poolEnisBySubnet: ReadonlyMap<string, readonly Eni[]>;
  /** Allocated Elastic IPs not associated with anything (isIdleEip), by public address. */
  idleEips: readonly Eip[];
}

/** The key of an (ENI, private IP) pair: where an Elastic IP or an address sits. */
export const eniIpKey = (eniId: string, ip: string): string => `${eniId}|${ip}`;

/** Idle: allocated but associated with nothing (ec2-rules §2.4); billed like one in use. */
const isIdleEip = (eip: Eip): boolean => eip.associationId === null;

const cache = new WeakMap<Snapshot, SnapshotIndex>();

/** Appends `value` to the list under `key`, starting the list when there is none. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexSnapshot(snapshot: Snapshot): SnapshotIndex {
  const cached = cache.get(snapshot);
  if (cached) return cached;

  const eniById = new Map<string, Eni>();
  const enisByInstance = new Map<string, Eni[]>();
  const enisByPrivateIp = new Map<string, Eni[]>();
  const poolEnisBySubnet = new Map<string, Eni[]>();
  for (const eni of snapshot.enis) {
    eniById.set(eni.id, eni);
    const instanceId = eni.attachment?.instanceId;
    if (instanceId) push(enisByInstance, instanceId, eni);
    else if (eni.attachment === null) push(poolEnisBySubnet, eni.subnetId, eni);
    for (const ip of eni.privateIps) push(enisByPrivateIp, ip.address, eni);
  }
  for (const list of enisByInstance.values()) {
    list.sort((a, b) => (a.attachment?.deviceIndex ?? 0) - (b.attachment?.deviceIndex ?? 0));
  }

  const eipByAllocation = new Map<string, Eip>();
  const eipByEniIp = new Map<string, Eip>();
  const idleEips: Eip[] = [];
  for (const eip of snapshot.eips) {
    eipByAllocation.set(eip.allocationId, eip);
    if (eip.eniId !== null && eip.privateIp !== null) eipByEniIp.set(eniIpKey(eip.eniId, eip.privateIp), eip);
    else if (isIdleEip(eip)) idleEips.push(eip);
  }
  idleEips.sort((a, b) => compareIp(a.publicIp, b.publicIp));

  const index: SnapshotIndex = {
    snapshot,
    eniById,
    instanceById: new Map(snapshot.instances.map((i) => [i.id, i])),
    enisByInstance,
    enisByPrivateIp,
    eipByAllocation,
    eipByEniIp,
    subnetById: new Map(snapshot.subnets.map((s) => [s.id, s])),
    vpcById: new Map(snapshot.vpcs.map((v) => [v.id, v])),
    limitsByType: new Map(Object.entries(snapshot.instanceTypes)),
    poolEnisBySubnet,
    idleEips,
  };
  cache.set(snapshot, index);
  return index;
}

/** The Elastic IP mapped to (eniId, privateIp), if any. */
export function eipAt(ix: SnapshotIndex, eniId: string, ip: string): Eip | undefined {
  return ix.eipByEniIp.get(eniIpKey(eniId, ip));
}

/** The instance an ENI is attached to, if any (and if the snapshot has it). */
export function instanceOf(ix: SnapshotIndex, eni: Eni): Instance | undefined {
  const id = eni.attachment?.instanceId;
  return id ? ix.instanceById.get(id) : undefined;
}

/**
 * The ENI holding `ip`. Moves name an IP by address alone, so with overlapping VPC CIDRs the holder in
 * `preferVpcId` (the target's VPC) wins; otherwise a secondary holder is preferred over a primary one.
 */
export function holderOf(ix: SnapshotIndex, ip: string, preferVpcId?: string): Eni | undefined {
  const holders = ix.enisByPrivateIp.get(ip) ?? [];
  if (holders.length <= 1) return holders[0];
  const inVpc = preferVpcId ? holders.filter((e) => e.vpcId === preferVpcId) : [];
  const pool = inVpc.length > 0 ? inVpc : holders;
  return pool.find((e) => e.privateIps.some((p) => p.address === ip && !p.primary)) ?? pool[0];
}
