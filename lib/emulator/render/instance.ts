// Instance → DescribeInstances reservation item (ec2-rules §3.1), with its ENIs embedded by device index.
import { privateDnsName, publicDnsName } from '../ip';
import { type Instance, type NetworkInterface, STATE_CODES } from '../model';
import { ACCOUNT_ID, type Store } from '../store';
import type { XmlObject } from '../xml';
import { renderGroups, renderInstanceNetworkInterface, renderTags } from './eni';

export function stateObject(inst: Instance): XmlObject {
  return { code: STATE_CODES[inst.state], name: inst.state };
}

/** The instance's public IPv4 is the one on its primary ENI's primary address: an EIP or Amazon-assigned. */
export function instancePublicIp(store: Store, inst: Instance): string | undefined {
  const eni = store.enis.get(inst.primaryEniId);
  if (!eni) return undefined;
  const primaryIp = eni.privateIps[0] as string;
  return store.eipOn(eni.id, primaryIp)?.publicIp ?? eni.amazonPublicIp ?? undefined;
}

function attachedEnis(store: Store, inst: Instance): NetworkInterface[] {
  const list: NetworkInterface[] = [];
  for (const id of inst.eniIds) {
    const eni = store.enis.get(id);
    if (eni) list.push(eni);
  }
  return list.sort(
    (a, b) =>
      (a.attachment?.networkCardIndex ?? 0) - (b.attachment?.networkCardIndex ?? 0) ||
      (a.attachment?.deviceIndex ?? 0) - (b.attachment?.deviceIndex ?? 0),
  );
}

/**
 * Only the fields a network console reads: DescribeInstances pages of 1,000 instances embed ~9 ENI items
 * each, and the SDK's XML parsing dominates the read time, so AMI/EBS/monitoring details are left out
 * (all optional in the model).
 */
export function renderInstance(store: Store, inst: Instance): XmlObject {
  const region = store.settings.region;
  const primary = store.enis.get(inst.primaryEniId);
  const primaryIp = primary?.privateIps[0];
  const publicIp = instancePublicIp(store, inst);
  const stopped = inst.state === 'stopped' || inst.state === 'stopping';
  const subnet = store.subnets.get(inst.subnetId);
  return {
    instanceId: inst.id,
    imageId: inst.imageId,
    instanceState: stateObject(inst),
    privateDnsName: primaryIp ? privateDnsName(primaryIp, region) : '',
    dnsName: publicIp ? publicDnsName(publicIp, region) : '',
    reason: inst.reason,
    keyName: inst.keyName ?? undefined,
    instanceType: inst.type,
    launchTime: inst.launchTime,
    placement: {
      availabilityZoneId: subnet ? store.zoneId(subnet.az) : undefined,
      groupName: '',
      tenancy: 'default',
      availabilityZone: subnet?.az,
    },
    subnetId: inst.subnetId,
    vpcId: subnet?.vpcId,
    privateIpAddress: primaryIp,
    ipAddress: publicIp,
    sourceDestCheck: primary?.sourceDestCheck,
    groupSet: primary ? renderGroups(store, primary.groupIds) : [],
    stateReason: stopped
      ? { code: 'Client.UserInitiatedShutdown', message: 'Client.UserInitiatedShutdown: User initiated shutdown' }
      : undefined,
    architecture: /^[a-z]+\d+g/.test(inst.type) ? 'arm64' : 'x86_64',
    rootDeviceType: 'ebs',
    tagSet: renderTags(inst.tags),
    networkInterfaceSet: attachedEnis(store, inst).map((eni) => renderInstanceNetworkInterface(store, eni)),
  };
}

export function renderReservation(store: Store, inst: Instance): XmlObject {
  return {
    reservationId: inst.reservationId,
    ownerId: ACCOUNT_ID,
    groupSet: [],
    instancesSet: [renderInstance(store, inst)],
  };
}
