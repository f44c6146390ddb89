// Slots for the canvas: ENI slots per instance (MaximumNetworkInterfaces) and IP slots per ENI.
import { eipAt, indexSnapshot, instanceOf } from './snapshot-index';
import type { Eip, Eni, Snapshot } from './schema';
import { UNATTACHED_ENI_IP_CAP } from './rules-shared';

export interface EniSlot {
  deviceIndex: number;
  eni: Eni | null;
  /** Not draggable: device index 0 holds the primary ENI (never detachable), or a requester-managed ENI. */
  locked: boolean;
}

export interface IpSlot {
  ip: string | null;
  primary: boolean;
  eip: Eip | null;
  /** An Amazon-assigned public IPv4 on this address (not an Elastic IP). */
  amazonPublicIp: string | null;
}

/**
 * One slot per ENI the instance type allows (including the primary at device index 0), occupied indexes
 * first filled in, free ones the lowest unused indexes. EC2 limits the ENI count, not the index value
 * (ec2-rules §3.11 rule 6), so an ENI at a high index still takes one slot. With unknown limits,
 * only the occupied slots are shown. Sorted by device index; [] for an unknown instance.
 */
export function eniSlots(snapshot: Snapshot, instanceId: string): EniSlot[] {
  const ix = indexSnapshot(snapshot);
  const instance = ix.instanceById.get(instanceId);
  if (!instance) return [];
  const attached = ix.enisByInstance.get(instanceId) ?? [];
  const limits = ix.limitsByType.get(instance.type);
  const length = Math.max(limits?.maxEnis ?? attached.length, attached.length);
  const slots: EniSlot[] = attached.map((eni) => {
    const deviceIndex = eni.attachment?.deviceIndex ?? 0;
    return { deviceIndex, eni, locked: deviceIndex === 0 || eni.requesterManaged };
  });
  const taken = new Set(slots.map((s) => s.deviceIndex));
  for (let index = 0; slots.length < length; index += 1) {
    if (!taken.has(index)) slots.push({ deviceIndex: index, eni: null, locked: index === 0 });
  }
  return slots.sort((a, b) => a.deviceIndex - b.deviceIndex);
}

/**
 * The ENI's addresses (primary first) then empty slots: up to the attached type's Ipv4AddressesPerInterface,
 * or, for an unattached ENI, one free slot (its real cap, 64, would swamp the view). No free slot when the
 * attached type's limits are unknown. [] for an unknown ENI.
 */
export function ipSlots(snapshot: Snapshot, eniId: string): IpSlot[] {
  const ix = indexSnapshot(snapshot);
  const eni = ix.eniById.get(eniId);
  if (!eni) return [];
  const slots: IpSlot[] = eni.privateIps.map((p) => {
    const eip = eipAt(ix, eni.id, p.address) ?? null;
    const amazonPublicIp = p.association && p.association.allocationId === null ? p.association.publicIp : null;
    return { ip: p.address, primary: p.primary, eip, amazonPublicIp };
  });
  let length = slots.length;
  if (!eni.attachment?.instanceId) length = Math.min(slots.length + 1, UNATTACHED_ENI_IP_CAP);
  else {
    const instance = instanceOf(ix, eni);
    const limits = instance ? ix.limitsByType.get(instance.type) : undefined;
    // Delegated /28 prefixes take slots too (ec2-rules §2.7): a slot they use is not free for an address.
    if (limits) length = Math.max(limits.ipv4PerEni - (eni.ipv4Prefixes?.length ?? 0), slots.length);
  }
  while (slots.length < length) slots.push({ ip: null, primary: false, eip: null, amazonPublicIp: null });
  return slots;
}
