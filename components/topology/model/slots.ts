// Slot view-model over lib/topology/slots (the same derivation the move rules use), plus used/allowed counts.
import { eniSlots as libEniSlots, ipSlots as libIpSlots, type Eip, type Eni, type Instance, type PrivateIp } from '@/lib/topology';
import { limitsFor, type TopologyIndex } from './topology-index';

/** locked: never draggable (primary ENI or IP, requester-managed ENI); free: an empty drop target. */
export type SlotState = 'locked' | 'occupied' | 'free';

/** n is the device index (ethN): occupied slots keep theirs, free ones take the lowest unused. */
export type EniSlot = { n: number; state: SlotState; eni: Eni | null };
export type EniSlots = {
  slots: EniSlot[];
  /** MaximumNetworkInterfaces, or null when the snapshot lacks the instance type. */
  max: number | null;
  used: number;
};

export type IpSlot = { n: number; state: SlotState; ip: PrivateIp | null; eip: Eip | null };
export type IpSlots = {
  slots: IpSlot[];
  /** Ipv4AddressesPerInterface of the instance the ENI is attached to; null when unattached or unknown. */
  max: number | null;
  used: number;
};

export function eniSlots(index: TopologyIndex, instance: Instance): EniSlots {
  const slots = libEniSlots(index.snapshot, instance.id).map<EniSlot>((s) => ({
    n: s.deviceIndex,
    state: s.eni ? (s.locked ? 'locked' : 'occupied') : 'free',
    eni: s.eni,
  }));
  return {
    slots,
    max: limitsFor(index, instance.type)?.maxEnis ?? null,
    used: slots.filter((s) => s.eni).length,
  };
}

export function ipSlots(index: TopologyIndex, eni: Eni): IpSlots {
  const byAddress = new Map(eni.privateIps.map((p) => [p.address, p]));
  const slots = libIpSlots(index.snapshot, eni.id)
    .map<IpSlot>((s, n) => {
      const ip = s.ip ? (byAddress.get(s.ip) ?? null) : null;
      return { n, state: !ip ? 'free' : ip.primary ? 'locked' : 'occupied', ip, eip: s.eip };
    })
    // A requester-managed ENI belongs to an AWS service: its addresses are not ours to add to.
    .filter((s) => !(eni.requesterManaged && s.state === 'free'));
  const instanceId = eni.attachment?.instanceId;
  const instance = instanceId ? index.instanceById.get(instanceId) : undefined;
  return {
    slots,
    max: instance ? (limitsFor(index, instance.type)?.ipv4PerEni ?? null) : null,
    used: eni.privateIps.length,
  };
}

/** An Amazon-assigned public IPv4 (auto-assign), as opposed to an Elastic IP. */
export function isAmazonPublicIp(ip: PrivateIp): boolean {
  return !!ip.association && !ip.association.allocationId;
}
