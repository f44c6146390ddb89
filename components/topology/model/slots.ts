// Slot view-model over lib/topology/slots (the same derivation the move rules use), plus used/allowed counts.
import {
  eniSlots as libEniSlots,
  ipSlots as libIpSlots,
  ipv4SlotsUsed,
  type Eip,
  type Eni,
  type Instance,
  type PrivateIp,
} from '@/lib/topology';
import { compareIp, limitsFor, type TopologyIndex } from './topology-index';

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
    .filter((s) => !(eni.requesterManaged && s.state === 'free'))
    // Primary first, then by address: EC2 lists a reassigned address last, so its own order reshuffles on moves.
    .sort(primaryThenAddress)
    .map((s, n) => ({ ...s, n }));
  const instanceId = eni.attachment?.instanceId;
  const instance = instanceId ? index.instanceById.get(instanceId) : undefined;
  return {
    slots,
    max: instance ? (limitsFor(index, instance.type)?.ipv4PerEni ?? null) : null,
    // Delegated /28 prefixes take IPv4 slots too (ec2-rules §2.7).
    used: ipv4SlotsUsed(eni),
  };
}

/** An Amazon-assigned public IPv4 (auto-assign), as opposed to an Elastic IP. */
export function isAmazonPublicIp(ip: PrivateIp): boolean {
  return !!ip.association && !ip.association.allocationId;
}

/** Primary IP first, then the other addresses numerically, then free slots. */
function primaryThenAddress(a: IpSlot, b: IpSlot): number {
  if (!a.ip || !b.ip) return (a.ip ? 0 : 1) - (b.ip ? 0 : 1);
  if (a.ip.primary !== b.ip.primary) return a.ip.primary ? -1 : 1;
  return compareIp(a.ip.address, b.ip.address);
}

/** An ENI's private IPv4s, primary first, then by address (the order every view lists them in). */
export function sortedIps(eni: Eni): PrivateIp[] {
  return [...eni.privateIps].sort((a, b) =>
    a.primary !== b.primary ? (a.primary ? -1 : 1) : compareIp(a.address, b.address),
  );
}
