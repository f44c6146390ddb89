// The view's slots (EniSlotView, IpSlotView) over the domain's eniSlots/ipSlots in lib/topology/slots (the same
// derivation the move rules use): ethN numbering, locked/occupied/free state, and used/allowed counts.
import {
  compareIp,
  eniSlots,
  ipSlots,
  ipv4SlotsUsed,
  listedCards,
  type Eip,
  type Eni,
  type Instance,
  type PrivateIp,
} from '@/lib/topology';
import { limitsFor, type TopologyIndex } from './topology-index';

/** locked: never draggable (primary ENI or IP, requester-managed ENI); free: an empty drop target. */
export type SlotState = 'locked' | 'occupied' | 'free';

/** n is the device index (ethN): occupied slots keep theirs, free ones take the lowest unused; card: its network card. */
export type EniSlotView = { n: number; card: number; state: SlotState; eni: Eni | null };
export type EniSlotsView = {
  slots: EniSlotView[];
  /** The network cards of a multi-card type with each card's ENI limit; null on single-card (or unlisted) types. */
  cards: { index: number; max: number }[] | null;
  /** MaximumNetworkInterfaces, or null when the snapshot lacks the instance type. */
  max: number | null;
  used: number;
};

export type IpSlotView = { n: number; state: SlotState; ip: PrivateIp | null; eip: Eip | null };
export type IpSlotsView = {
  slots: IpSlotView[];
  /** Ipv4AddressesPerInterface of the instance the ENI is attached to; null when unattached or unknown. */
  max: number | null;
  used: number;
};

export function eniSlotsView(index: TopologyIndex, instance: Instance): EniSlotsView {
  const slots = eniSlots(index.snapshot, instance.id).map<EniSlotView>((s) => ({
    n: s.deviceIndex,
    card: s.networkCardIndex,
    state: s.eni ? (s.locked ? 'locked' : 'occupied') : 'free',
    eni: s.eni,
  }));
  const limits = limitsFor(index, instance.type);
  return {
    slots,
    cards: listedCards(limits)?.map((c) => ({ index: c.index, max: c.maxEnis })) ?? null,
    max: limits?.maxEnis ?? null,
    used: slots.filter((s) => s.eni).length,
  };
}

export function ipSlotsView(index: TopologyIndex, eni: Eni): IpSlotsView {
  const byAddress = new Map(eni.privateIps.map((p) => [p.address, p]));
  const slots = ipSlots(index.snapshot, eni.id)
    .map<IpSlotView>((s, n) => {
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
function primaryThenAddress(a: IpSlotView, b: IpSlotView): number {
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
