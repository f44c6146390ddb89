// ENI → XML objects: the DescribeNetworkInterfaces item (ec2-rules §2.2) and the DescribeInstances embedding (ec2-rules §2.2 last bullet).
import { privateDnsName, publicDnsName } from '../ip';
import type { NetworkInterface, Tags } from '../model';
import { ACCOUNT_ID, type Store } from '../store';
import type { XmlObject } from '../xml';

export function renderTags(tags: Tags): XmlObject[] {
  const out: XmlObject[] = [];
  for (const [key, value] of tags) out.push({ key, value });
  return out;
}

export function renderGroups(store: Store, groupIds: string[]): XmlObject[] {
  return groupIds.map((id) => ({ groupId: id, groupName: store.groups.get(id)?.name }));
}

/** Public side of one private IP: an EIP (with allocation/association ids) or the Amazon-assigned address. */
function publicOf(store: Store, eni: NetworkInterface, ip: string, full: boolean): XmlObject | undefined {
  const region = store.settings.region;
  const eip = store.eipOn(eni.id, ip);
  if (eip && eip.association) {
    const base: XmlObject = {
      ipOwnerId: ACCOUNT_ID,
      publicDnsName: publicDnsName(eip.publicIp, region),
      publicIp: eip.publicIp,
    };
    // The instance-embedded association has no allocation/association ids (ec2-rules §2.2).
    return full ? { allocationId: eip.allocationId, associationId: eip.association.associationId, ...base } : base;
  }
  if (ip === eni.privateIps[0] && eni.amazonPublicIp) {
    // ipOwnerId is the literal `amazon` for an Amazon-assigned address (ec2-rules §2.2).
    return {
      ipOwnerId: 'amazon',
      publicDnsName: publicDnsName(eni.amazonPublicIp, region),
      publicIp: eni.amazonPublicIp,
    };
  }
  return undefined;
}

function privateIpSet(store: Store, eni: NetworkInterface, full: boolean): XmlObject[] {
  const region = store.settings.region;
  return eni.privateIps.map((ip, i) => ({
    privateIpAddress: ip,
    privateDnsName: privateDnsName(ip, region),
    primary: i === 0,
    association: publicOf(store, eni, ip, full),
  }));
}

/** IPv6 addresses of the ENI (ec2-rules §2.7); none is the primary IPv6 here (EnablePrimaryIpv6 is not emulated). */
const ipv6Set = (eni: NetworkInterface): XmlObject[] =>
  eni.ipv6Addresses.map((ipv6Address) => ({ ipv6Address, isPrimaryIpv6: false }));

/** The owning service's attachment of a requester-managed ENI: no instance, owner `amazon-aws` (ec2-rules §3.12). */
function serviceAttachment(eni: NetworkInterface): XmlObject | undefined {
  if (!eni.serviceAttachmentId) return undefined;
  return {
    attachmentId: eni.serviceAttachmentId,
    instanceOwnerId: 'amazon-aws',
    deviceIndex: 1,
    networkCardIndex: 0,
    status: 'attached',
    deleteOnTermination: false,
  };
}

export function renderNetworkInterface(store: Store, eni: NetworkInterface): XmlObject {
  const region = store.settings.region;
  const primaryIp = eni.privateIps[0] as string;
  const att = eni.attachment;
  const inst = att ? store.instances.get(att.instanceId) : undefined;
  return {
    networkInterfaceId: eni.id,
    subnetId: eni.subnetId,
    vpcId: eni.vpcId,
    availabilityZone: eni.az,
    availabilityZoneId: store.zoneId(eni.az),
    description: eni.description,
    ownerId: ACCOUNT_ID,
    requesterId: eni.requesterId ?? undefined,
    requesterManaged: eni.requesterManaged,
    // in-use while attaching/attached/detaching; available once the attachment is gone (ec2-rules §2.2).
    status: att || eni.serviceAttachmentId ? 'in-use' : 'available',
    macAddress: eni.macAddress,
    privateIpAddress: primaryIp,
    privateDnsName: privateDnsName(primaryIp, region),
    sourceDestCheck: eni.sourceDestCheck,
    groupSet: renderGroups(store, eni.groupIds),
    attachment: att
      ? {
          attachmentId: att.id,
          instanceId: att.instanceId,
          instanceOwnerId: inst ? ACCOUNT_ID : undefined,
          deviceIndex: att.deviceIndex,
          networkCardIndex: att.networkCardIndex,
          status: att.status,
          attachTime: att.attachTime,
          deleteOnTermination: att.deleteOnTermination,
        }
      : serviceAttachment(eni),
    // ENI-level association reflects the primary address only, and is omitted when it has none (ec2-rules §1.2).
    association: publicOf(store, eni, primaryIp, true),
    tagSet: renderTags(eni.tags),
    privateIpAddressesSet: privateIpSet(store, eni, true),
    ipv6AddressesSet: ipv6Set(eni),
    ipv4PrefixSet: eni.ipv4Prefixes.map((ipv4Prefix) => ({ ipv4Prefix })),
    interfaceType: eni.interfaceType,
  };
}

export function renderInstanceNetworkInterface(store: Store, eni: NetworkInterface): XmlObject {
  const region = store.settings.region;
  const primaryIp = eni.privateIps[0] as string;
  const att = eni.attachment;
  return {
    networkInterfaceId: eni.id,
    subnetId: eni.subnetId,
    vpcId: eni.vpcId,
    description: eni.description,
    ownerId: ACCOUNT_ID,
    status: att ? 'in-use' : 'available',
    macAddress: eni.macAddress,
    privateIpAddress: primaryIp,
    privateDnsName: privateDnsName(primaryIp, region),
    sourceDestCheck: eni.sourceDestCheck,
    groupSet: renderGroups(store, eni.groupIds),
    attachment: att
      ? {
          attachmentId: att.id,
          deviceIndex: att.deviceIndex,
          networkCardIndex: att.networkCardIndex,
          status: att.status,
          attachTime: att.attachTime,
          deleteOnTermination: att.deleteOnTermination,
        }
      : undefined,
    association: publicOf(store, eni, primaryIp, false),
    privateIpAddressesSet: privateIpSet(store, eni, false),
    ipv6AddressesSet: ipv6Set(eni),
    ipv4PrefixSet: eni.ipv4Prefixes.map((ipv4Prefix) => ({ ipv4Prefix })),
    interfaceType: eni.interfaceType,
  };
}
