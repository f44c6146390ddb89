// Reshapes raw @aws-sdk/client-ec2 describe shapes into the console's model (lib/topology/schema.ts), so no SDK
// shape leaves lib/ec2. Tolerant of what EC2-compatible endpoints leave out; to-snapshot.ts validates what is left.
import 'server-only';
import type {
  Address,
  InstanceTypeInfo,
  Instance as SdkInstance,
  InstanceStatus,
  InternetGateway,
  NetworkInterface,
  NetworkInterfaceAssociation,
  NetworkInterfacePrivateIpAddress,
  SecurityGroup as SdkSecurityGroup,
  Subnet as SdkSubnet,
  Tag,
  Vpc as SdkVpc,
} from '@aws-sdk/client-ec2';
import {
  type Eip,
  type Eni,
  type Instance,
  type InstanceHealth,
  type InstanceState,
  type InstanceTypeLimits,
  type PrivateIp,
  type PublicAssociation,
  type SecurityGroup,
  type Subnet,
  type Tags,
  type Vpc,
} from '@/lib/topology/schema';
import { usableAddresses } from '@/lib/topology';

/**
 * A value the model requires but the endpoint may have left out. It is passed through unchanged (possibly
 * undefined) and snapshotSchema rejects it in toSnapshot, naming the resource and field.
 */
function required<T>(value: T | undefined): T {
  return value as T;
}

const nullIfEmpty = (value: string | undefined | null): string | null =>
  value === undefined || value === null || value === '' ? null : value;
const iso = (value: Date | string | undefined): string | null =>
  value === undefined ? null : value instanceof Date ? value.toISOString() : value;

export function reshapeTags(tags: Tag[] | undefined): Tags {
  const out: Tags = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? '';
  return out;
}

const nameOf = (tags: Tags): string | null => nullIfEmpty(tags.Name);

/** IGW attachments report state "available" when attached (the enum also has "attached"). */
export function attachedGateways(igws: InternetGateway[]): Map<string, string> {
  const byVpc = new Map<string, string>();
  for (const igw of igws) {
    for (const att of igw.Attachments ?? []) {
      const state = att.State ?? 'available';
      if (att.VpcId && igw.InternetGatewayId && (state === 'available' || state === 'attached'))
        byVpc.set(att.VpcId, igw.InternetGatewayId);
    }
  }
  return byVpc;
}

export function reshapeVpc(vpc: SdkVpc, igwByVpc: Map<string, string>): Vpc {
  const tags = reshapeTags(vpc.Tags);
  const associated = (vpc.CidrBlockAssociationSet ?? [])
    .filter((a) => a.CidrBlock && (a.CidrBlockState?.State ?? 'associated') === 'associated')
    .map((a) => a.CidrBlock as string);
  const primary = vpc.CidrBlock ?? associated[0];
  const cidrs = primary ? [primary, ...associated.filter((c) => c !== primary)] : associated;
  const igw = vpc.VpcId ? (igwByVpc.get(vpc.VpcId) ?? null) : null;
  return {
    id: required(vpc.VpcId),
    cidr: required(primary),
    cidrs,
    isDefault: vpc.IsDefault ?? false,
    state: vpc.State ?? 'available',
    hasInternetGateway: igw !== null,
    internetGatewayId: igw,
    name: nameOf(tags),
    tags,
  };
}

/** heldIps: addresses held by ENIs per subnet, to derive the free count when the endpoint omits it. */
export function reshapeSubnet(subnet: SdkSubnet, heldIps: Map<string, number>): Subnet {
  const tags = reshapeTags(subnet.Tags);
  let available = subnet.AvailableIpAddressCount;
  if (available === undefined && subnet.CidrBlock && subnet.SubnetId) {
    const usable = usableAddresses(subnet.CidrBlock);
    if (usable !== null) available = usable - (heldIps.get(subnet.SubnetId) ?? 0);
  }
  const ipv6 = (subnet.Ipv6CidrBlockAssociationSet ?? []).find(
    (a) => a.Ipv6CidrBlock && (a.Ipv6CidrBlockState?.State ?? 'associated') === 'associated',
  );
  return {
    id: required(subnet.SubnetId),
    vpcId: required(subnet.VpcId),
    az: required(subnet.AvailabilityZone),
    azId: nullIfEmpty(subnet.AvailabilityZoneId),
    cidr: required(subnet.CidrBlock),
    availableIpCount: required(available),
    // Only dual-stack subnets carry the key, so IPv4-only snapshots keep their old shape.
    ...(ipv6?.Ipv6CidrBlock ? { ipv6Cidr: ipv6.Ipv6CidrBlock } : {}),
    name: nameOf(tags),
    tags,
  };
}

export function reshapeSecurityGroup(group: SdkSecurityGroup): SecurityGroup {
  return {
    id: required(group.GroupId),
    name: group.GroupName ?? group.GroupId ?? '',
    vpcId: nullIfEmpty(group.VpcId),
    description: group.Description ?? '',
  };
}

export function reshapeInstance(instance: SdkInstance): Instance {
  const tags = reshapeTags(instance.Tags);
  return {
    id: required(instance.InstanceId),
    type: required(instance.InstanceType as string | undefined),
    state: required(instance.State?.Name as InstanceState | undefined),
    az: required(instance.Placement?.AvailabilityZone),
    vpcId: nullIfEmpty(instance.VpcId),
    subnetId: nullIfEmpty(instance.SubnetId),
    privateIp: nullIfEmpty(instance.PrivateIpAddress),
    publicIp: nullIfEmpty(instance.PublicIpAddress),
    launchTime: iso(instance.LaunchTime),
    platform: nullIfEmpty(instance.PlatformDetails) ?? nullIfEmpty(instance.Platform),
    name: nameOf(tags),
    tags,
  };
}

/** The SDK turns an empty <association/> into {} (ec2-rules §1.2): treat "no publicIp" as no association. */
export function reshapeAssociation(assoc: NetworkInterfaceAssociation | undefined): PublicAssociation | null {
  if (!assoc || !assoc.PublicIp) return null;
  return {
    publicIp: assoc.PublicIp,
    publicDnsName: nullIfEmpty(assoc.PublicDnsName),
    ipOwnerId: nullIfEmpty(assoc.IpOwnerId),
    allocationId: nullIfEmpty(assoc.AllocationId),
    associationId: nullIfEmpty(assoc.AssociationId),
  };
}

function reshapePrivateIp(ip: NetworkInterfacePrivateIpAddress): PrivateIp {
  return {
    address: required(ip.PrivateIpAddress),
    primary: ip.Primary ?? false,
    dnsName: nullIfEmpty(ip.PrivateDnsName),
    association: reshapeAssociation(ip.Association),
  };
}

export function reshapeEni(eni: NetworkInterface): Eni {
  const tags = reshapeTags(eni.TagSet);
  let privateIps = (eni.PrivateIpAddresses ?? []).map(reshapePrivateIp);
  // Some endpoints only send the ENI-level primary address; its ENI-level association reflects that primary.
  if (privateIps.length === 0 && eni.PrivateIpAddress) {
    privateIps = [
      {
        address: eni.PrivateIpAddress,
        primary: true,
        dnsName: nullIfEmpty(eni.PrivateDnsName),
        association: reshapeAssociation(eni.Association),
      },
    ];
  }
  // When no item is flagged primary, the one equal to the ENI's privateIpAddress is.
  if (!privateIps.some((ip) => ip.primary) && eni.PrivateIpAddress) {
    privateIps = privateIps.map((ip) => (ip.address === eni.PrivateIpAddress ? { ...ip, primary: true } : ip));
  }
  privateIps = [...privateIps.filter((ip) => ip.primary), ...privateIps.filter((ip) => !ip.primary)];
  const att = eni.Attachment;
  const attachment =
    att && (att.AttachmentId || att.InstanceId)
      ? {
          id: required(att.AttachmentId),
          instanceId: nullIfEmpty(att.InstanceId),
          deviceIndex: required(att.DeviceIndex),
          networkCardIndex: att.NetworkCardIndex ?? 0,
          status: att.Status ?? 'attached',
          deleteOnTermination: att.DeleteOnTermination ?? false,
          attachTime: iso(att.AttachTime),
        }
      : null;
  const ipv4Prefixes = (eni.Ipv4Prefixes ?? []).flatMap((p) => (p.Ipv4Prefix ? [p.Ipv4Prefix] : []));
  const ipv6Addresses = (eni.Ipv6Addresses ?? []).flatMap((a) => (a.Ipv6Address ? [a.Ipv6Address] : []));
  return {
    id: required(eni.NetworkInterfaceId),
    subnetId: required(eni.SubnetId),
    vpcId: required(eni.VpcId),
    az: required(eni.AvailabilityZone),
    description: eni.Description ?? '',
    status: eni.Status ?? (attachment ? 'in-use' : 'available'),
    macAddress: nullIfEmpty(eni.MacAddress),
    privateDnsName: nullIfEmpty(eni.PrivateDnsName),
    sourceDestCheck: eni.SourceDestCheck ?? true,
    interfaceType: eni.InterfaceType ?? 'interface',
    requesterManaged: eni.RequesterManaged ?? false,
    ownerId: nullIfEmpty(eni.OwnerId),
    groups: (eni.Groups ?? []).map((g) => ({ id: required(g.GroupId), name: g.GroupName ?? g.GroupId ?? '' })),
    attachment,
    privateIps,
    // Present only when the ENI has them (ec2-rules §2.7), so ENIs without keep their old shape.
    ...(ipv4Prefixes.length > 0 ? { ipv4Prefixes } : {}),
    ...(ipv6Addresses.length > 0 ? { ipv6Addresses } : {}),
    name: nameOf(tags),
    tags,
  };
}

export function reshapeEip(address: Address): Eip {
  const tags = reshapeTags(address.Tags);
  return {
    allocationId: required(address.AllocationId),
    publicIp: required(address.PublicIp),
    associationId: nullIfEmpty(address.AssociationId),
    eniId: nullIfEmpty(address.NetworkInterfaceId),
    privateIp: nullIfEmpty(address.PrivateIpAddress),
    instanceId: nullIfEmpty(address.InstanceId),
    networkBorderGroup: nullIfEmpty(address.NetworkBorderGroup),
    name: nameOf(tags),
    tags,
  };
}

export function reshapeInstanceType(info: InstanceTypeInfo): InstanceTypeLimits {
  const networkCards = info.NetworkInfo?.MaximumNetworkCards ?? 1;
  const cards = (info.NetworkInfo?.NetworkCards ?? []).flatMap((c) =>
    c.NetworkCardIndex !== undefined && c.MaximumNetworkInterfaces !== undefined
      ? [{ index: c.NetworkCardIndex, maxEnis: c.MaximumNetworkInterfaces }]
      : [],
  );
  return {
    type: required(info.InstanceType as string | undefined),
    maxEnis: required(info.NetworkInfo?.MaximumNetworkInterfaces),
    ipv4PerEni: required(info.NetworkInfo?.Ipv4AddressesPerInterface),
    networkCards,
    // Per-card limits matter only on multi-card types (ec2-rules §2.7); one-card types keep their old shape.
    ...(networkCards > 1 && cards.length > 0 ? { cards } : {}),
  };
}

/** DescribeInstanceStatus item → [instance id, health]. */
export function reshapeInstanceStatus(status: InstanceStatus): [string, InstanceHealth] {
  const details = [...(status.SystemStatus?.Details ?? []), ...(status.InstanceStatus?.Details ?? [])];
  const since = details
    .map((d) => d.ImpairedSince)
    .filter((d): d is Date => d instanceof Date)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return [
    required(status.InstanceId),
    {
      system: status.SystemStatus?.Status ?? 'insufficient-data',
      instance: status.InstanceStatus?.Status ?? 'insufficient-data',
      impairedSince: since ? since.toISOString() : null,
    },
  ];
}
