// buildSnapshot: a consistent Snapshot from a terse spec (attachments, EIPs on both sides, free-address counts).
import { eniIpKey, usableAddresses } from '@/lib/topology';
import type {
  Eip,
  Eni,
  Instance,
  InstanceState,
  InstanceTypeLimits,
  PrivateIp,
  Snapshot,
  Subnet,
  Vpc,
} from '@/lib/topology';

export interface VpcSpec {
  id: string;
  cidr: string;
  igw?: boolean;
  name?: string;
}
export interface SubnetSpec {
  id: string;
  vpc: string;
  az: string;
  cidr: string;
  name?: string;
}
export interface EniSpec {
  id: string;
  /** The first address is the primary. */
  ips: string[];
  /** Defaults to the instance's subnet; required for pool ENIs. */
  subnet?: string;
  /** Defaults to the ENI's position in its instance's list. */
  deviceIndex?: number;
  name?: string;
  requesterManaged?: boolean;
  interfaceType?: string;
  status?: string;
  attachmentStatus?: string;
  /** An Amazon-assigned public IPv4 on the primary address. */
  amazonPublicIp?: string;
}
export interface InstanceSpec {
  id: string;
  type: string;
  subnet: string;
  state?: InstanceState;
  name?: string;
  enis: EniSpec[];
}
export interface EipSpec {
  allocationId: string;
  publicIp: string;
  eni?: string;
  ip?: string;
  name?: string;
}
export interface SnapshotSpec {
  region?: string;
  vpcs: VpcSpec[];
  subnets: SubnetSpec[];
  instances?: InstanceSpec[];
  poolEnis?: EniSpec[];
  eips?: EipSpec[];
  /** type → [maxEnis, ipv4PerEni]; defaults to defaultInstanceTypes. */
  instanceTypes?: Record<string, readonly [number, number]>;
}

export const OWNER_ID = '123456789012';
/** Values from ec2-rules §7. */
export const defaultInstanceTypes: Record<string, readonly [number, number]> = {
  't3.micro': [2, 2],
  't3.medium': [3, 6],
  'm5.large': [3, 10],
  'c5.xlarge': [4, 15],
};

const dns = (ip: string) => `ip-${ip.replaceAll('.', '-')}.ec2.internal`;
const nameTags = (name: string | undefined): Record<string, string> => (name ? { Name: name } : {});

/** Builds a consistent snapshot: attachments, EIP associations on both sides, instance IPs, free-address counts. */
export function buildSnapshot(spec: SnapshotSpec): Snapshot {
  const subnetSpecs = new Map(spec.subnets.map((s) => [s.id, s]));
  const eipByEniIp = new Map((spec.eips ?? []).filter((e) => e.eni && e.ip).map((e) => [eniIpKey(e.eni!, e.ip!), e]));
  const enis: Eni[] = [];
  const instances: Instance[] = [];

  const makeEni = (e: EniSpec, subnetId: string, instanceId: string | null, position: number): Eni => {
    const subnet = subnetSpecs.get(subnetId);
    if (!subnet) throw new Error(`buildSnapshot: unknown subnet ${subnetId} for ${e.id}`);
    const privateIps: PrivateIp[] = e.ips.map((address, i) => {
      const eip = eipByEniIp.get(eniIpKey(e.id, address));
      const association = eip
        ? {
            publicIp: eip.publicIp,
            publicDnsName: null,
            ipOwnerId: OWNER_ID,
            allocationId: eip.allocationId,
            associationId: `eipassoc-${eip.allocationId.slice(9)}`,
          }
        : i === 0 && e.amazonPublicIp
          ? {
              publicIp: e.amazonPublicIp,
              publicDnsName: null,
              ipOwnerId: 'amazon',
              allocationId: null,
              associationId: null,
            }
          : null;
      return { address, primary: i === 0, dnsName: dns(address), association };
    });
    const attachmentStatus = e.attachmentStatus ?? 'attached';
    return {
      id: e.id,
      subnetId,
      vpcId: subnet.vpc,
      az: subnet.az,
      description: e.requesterManaged ? `Interface for ${e.interfaceType ?? 'a managed service'}` : '',
      status: e.status ?? (instanceId ? (attachmentStatus === 'attached' ? 'in-use' : attachmentStatus) : 'available'),
      macAddress: null,
      privateDnsName: e.ips[0] ? dns(e.ips[0]) : null,
      sourceDestCheck: true,
      interfaceType: e.interfaceType ?? 'interface',
      requesterManaged: e.requesterManaged ?? false,
      ownerId: OWNER_ID,
      groups: [],
      attachment: instanceId
        ? {
            id: `eni-attach-${e.id.slice(4)}`,
            instanceId,
            deviceIndex: e.deviceIndex ?? position,
            networkCardIndex: 0,
            status: attachmentStatus,
            deleteOnTermination: (e.deviceIndex ?? position) === 0,
            attachTime: '2025-01-01T00:00:00.000Z',
          }
        : null,
      privateIps,
      name: e.name ?? null,
      tags: nameTags(e.name),
    };
  };

  for (const i of spec.instances ?? []) {
    const subnet = subnetSpecs.get(i.subnet);
    if (!subnet) throw new Error(`buildSnapshot: unknown subnet ${i.subnet} for ${i.id}`);
    const own = i.enis.map((e, position) => makeEni(e, e.subnet ?? i.subnet, i.id, position));
    enis.push(...own);
    const primary = own.find((e) => e.attachment?.deviceIndex === 0)?.privateIps[0];
    instances.push({
      id: i.id,
      type: i.type,
      state: i.state ?? 'running',
      az: subnet.az,
      vpcId: subnet.vpc,
      subnetId: i.subnet,
      privateIp: primary?.address ?? null,
      publicIp: primary?.association?.publicIp ?? null,
      launchTime: '2025-01-01T00:00:00.000Z',
      platform: null,
      name: i.name ?? null,
      tags: nameTags(i.name),
    });
  }
  for (const e of spec.poolEnis ?? []) {
    if (!e.subnet) throw new Error(`buildSnapshot: pool ENI ${e.id} needs a subnet`);
    enis.push(makeEni(e, e.subnet, null, 0));
  }

  const eniById = new Map(enis.map((e) => [e.id, e]));
  const eips: Eip[] = (spec.eips ?? []).map((e) => {
    const eni = e.eni ? eniById.get(e.eni) : undefined;
    if (e.eni && (!eni || !eni.privateIps.some((p) => p.address === e.ip))) {
      throw new Error(`buildSnapshot: ${e.allocationId} maps to ${e.ip} on ${e.eni}, which does not hold it`);
    }
    return {
      allocationId: e.allocationId,
      publicIp: e.publicIp,
      associationId: eni ? `eipassoc-${e.allocationId.slice(9)}` : null,
      eniId: eni ? eni.id : null,
      privateIp: eni ? (e.ip ?? null) : null,
      instanceId: eni?.attachment?.instanceId ?? null,
      networkBorderGroup: spec.region ?? 'us-east-1',
      name: e.name ?? null,
      tags: nameTags(e.name),
    };
  });

  const subnets: Subnet[] = spec.subnets.map((s) => {
    const held = enis.filter((e) => e.subnetId === s.id).reduce((n, e) => n + e.privateIps.length, 0);
    return {
      id: s.id,
      vpcId: s.vpc,
      az: s.az,
      azId: null,
      cidr: s.cidr,
      availableIpCount: (usableAddresses(s.cidr) ?? 0) - held,
      name: s.name ?? null,
      tags: nameTags(s.name),
    };
  });
  const vpcs: Vpc[] = spec.vpcs.map((v) => ({
    id: v.id,
    cidr: v.cidr,
    cidrs: [v.cidr],
    isDefault: false,
    state: 'available',
    hasInternetGateway: v.igw ?? false,
    internetGatewayId: v.igw ? `igw-${v.id.slice(4)}` : null,
    name: v.name ?? null,
    tags: nameTags(v.name),
  }));
  const instanceTypes: Record<string, InstanceTypeLimits> = {};
  for (const [type, [maxEnis, ipv4PerEni]] of Object.entries(spec.instanceTypes ?? defaultInstanceTypes)) {
    instanceTypes[type] = { type, maxEnis, ipv4PerEni, networkCards: 1 };
  }
  return {
    region: spec.region ?? 'us-east-1',
    endpoint: null,
    fetchedAt: '2025-01-01T00:00:00.000Z',
    vpcs,
    subnets,
    securityGroups: [],
    instances,
    enis,
    eips,
    instanceTypes,
  };
}
