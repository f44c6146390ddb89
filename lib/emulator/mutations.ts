// State changes shared by the scenario builder and the handlers; callers have already checked EC2's rules.
import { parseIpv6 } from './ipv6';
import { parsePrefix28 } from './ledger';
import type { ElasticIp, Instance, NetworkInterface, Subnet, Tags } from './model';
import type { Store } from './store';

export interface NewEni {
  primaryIp: string;
  secondaryIps: string[];
  description: string;
  groupIds: string[];
  sourceDestCheck?: boolean;
  requesterManaged?: boolean;
  requesterId?: string | null;
  interfaceType?: string;
  tags?: Tags;
  autoAssignPublicIp?: boolean;
}

export function createEni(store: Store, subnet: Subnet, spec: NewEni): NetworkInterface {
  const eni: NetworkInterface = {
    id: store.ids.id('eni'),
    subnetId: subnet.id,
    vpcId: subnet.vpcId,
    az: subnet.az,
    description: spec.description,
    requesterManaged: spec.requesterManaged ?? false,
    requesterId: spec.requesterId ?? null,
    interfaceType: spec.interfaceType ?? 'interface',
    macAddress: store.ids.mac(),
    privateIps: [spec.primaryIp, ...spec.secondaryIps],
    ipv4Prefixes: [],
    ipv6Addresses: [],
    groupIds: spec.groupIds,
    sourceDestCheck: spec.sourceDestCheck ?? true,
    amazonPublicIp: null,
    autoAssignPublicIp: spec.autoAssignPublicIp ?? false,
    attachment: null,
    serviceAttachmentId: spec.requesterManaged ? store.ids.id('ela-attach') : null,
    tags: spec.tags ?? new Map(),
  };
  for (const ip of eni.privateIps) subnet.ledger.hold(ip, eni.id);
  store.enis.set(eni.id, eni);
  if (eni.serviceAttachmentId) store.serviceAttachments.set(eni.serviceAttachmentId, eni.id);
  return eni;
}

export interface AttachSpec {
  deviceIndex: number;
  networkCardIndex: number;
  deleteOnTermination: boolean;
  attachTime: Date;
  /** null: attached at once (scenario load); otherwise `attaching` until this time. */
  settleAt: number | null;
}

export function attachEni(store: Store, eni: NetworkInterface, inst: Instance, spec: AttachSpec): string {
  const id = store.ids.id('eni-attach');
  eni.attachment = {
    id,
    instanceId: inst.id,
    deviceIndex: spec.deviceIndex,
    networkCardIndex: spec.networkCardIndex,
    status: spec.settleAt === null ? 'attached' : 'attaching',
    settleAt: spec.settleAt,
    attachTime: spec.attachTime,
    deleteOnTermination: spec.deleteOnTermination,
  };
  inst.eniIds.push(eni.id);
  store.attachments.set(id, eni.id);
  if (spec.settleAt !== null) store.trackEni(eni.id);
  return id;
}

/** Attach an EIP to (ENI, private IP), displacing whatever EIP that address had (ec2-rules §3.17); new association id. */
export function associateEip(store: Store, eip: ElasticIp, eni: NetworkInterface, ip: string): string {
  const displaced = store.eipOn(eni.id, ip);
  if (displaced && displaced !== eip) disassociateEip(store, displaced);
  if (eip.association) disassociateEip(store, eip);
  const associationId = store.ids.id('eipassoc');
  eip.association = { associationId, eniId: eni.id, privateIp: ip };
  store.eipByTarget.set(`${eni.id}|${ip}`, eip.allocationId);
  store.associations.set(associationId, eip.allocationId);
  // An EIP on the primary address replaces the Amazon-assigned public IPv4 (ec2-rules §3.17 effects).
  if (ip === eni.privateIps[0]) eni.amazonPublicIp = null;
  return associationId;
}

export function disassociateEip(store: Store, eip: ElasticIp): void {
  const a = eip.association;
  if (!a) return;
  store.eipByTarget.delete(`${a.eniId}|${a.privateIp}`);
  store.associations.delete(a.associationId);
  store.retiredAssociations.add(a.associationId);
  eip.association = null;
}

/** Reassign a secondary IP from one ENI to another in the same subnet; its EIP follows (ec2-rules §3.13, ec2-rules §4.1). */
export function moveSecondaryIp(store: Store, ip: string, from: NetworkInterface, to: NetworkInterface): void {
  from.privateIps = from.privateIps.filter((x) => x !== ip);
  to.privateIps.push(ip);
  store.subnetOf(to).ledger.hold(ip, to.id);
  const eip = store.eipOn(from.id, ip);
  if (eip && eip.association) {
    store.eipByTarget.delete(`${from.id}|${ip}`);
    eip.association.eniId = to.id;
    store.eipByTarget.set(`${to.id}|${ip}`, eip.allocationId);
  }
}

/** Return a secondary IP to the subnet; its EIP is disassociated but stays allocated (ec2-rules §3.14). */
export function unassignIp(store: Store, eni: NetworkInterface, ip: string): void {
  const eip = store.eipOn(eni.id, ip);
  if (eip) disassociateEip(store, eip);
  eni.privateIps = eni.privateIps.filter((x) => x !== ip);
  store.subnetOf(eni).ledger.release(ip);
}

/** Delete an ENI: its addresses go back to the subnet, its EIPs are disassociated (ec2-rules §3.10 effects). */
export function deleteEni(store: Store, eni: NetworkInterface): void {
  if (eni.attachment) store.completeDetach(eni);
  const ledger = store.subnetOf(eni).ledger;
  for (const ip of eni.privateIps) {
    const eip = store.eipOn(eni.id, ip);
    if (eip) disassociateEip(store, eip);
    ledger.release(ip);
  }
  releaseExtras(store, eni);
  store.enis.delete(eni.id);
}

/**
 * Whether an instance would get an Amazon public IPv4 now: only with exactly one ENI and no EIP on any of
 * its addresses (user guide "Public IPv4 addresses", ec2-rules §3.11, ec2-rules §3.21).
 */
export function refreshAmazonPublicIp(store: Store, inst: Instance): void {
  const primary = store.enis.get(inst.primaryEniId);
  if (!primary || !primary.autoAssignPublicIp || primary.amazonPublicIp !== null) return;
  if (inst.state !== 'running' && inst.state !== 'pending') return;
  if (inst.eniIds.length !== 1) return;
  if (primary.privateIps.some((ip) => store.eipOn(primary.id, ip))) return;
  primary.amazonPublicIp = store.nextAmazonPublicIp();
}

/** Returns an ENI's delegated prefixes and IPv6 addresses to its subnet (on delete, ec2-rules §2.7). */
function releaseExtras(store: Store, eni: NetworkInterface): void {
  const subnet = store.subnetOf(eni);
  for (const prefix of eni.ipv4Prefixes) {
    const base = parsePrefix28(prefix);
    if (base !== null) subnet.ledger.releasePrefix(base);
  }
  for (const ip of eni.ipv6Addresses) {
    const n = parseIpv6(ip);
    if (n !== null) subnet.ipv6?.release(n);
  }
  eni.ipv4Prefixes = [];
  eni.ipv6Addresses = [];
}

/** The IPv4 slots an ENI uses: each address, and each delegated /28 as one (ec2-rules §2.7). */
export const ipv4SlotsUsed = (eni: NetworkInterface): number => eni.privateIps.length + eni.ipv4Prefixes.length;
