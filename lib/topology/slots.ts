// Slots for the canvas: ENI slots per instance (MaximumNetworkInterfaces) and IP slots per ENI.
import { eipAt, indexSnapshot, instanceOf } from './snapshot-index';
import type { Eip, Eni, InstanceTypeLimits, Snapshot } from './schema';
import { UNATTACHED_ENI_IP_CAP } from './rules-shared';

export interface EniSlot {
  /** Per network card: on a multi-card type each card numbers its own device indexes (ec2-rules §2.6). */
  deviceIndex: number;
  /** 0 on single-card types; on multi-card types the card the ENI is (or a free slot would be) attached on. */
  networkCardIndex: number;
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
 * A multi-card type whose cards are listed gets each card's own slots, up to that card's limit (ec2-rules §2.7):
 * sorted by card, then device index; free slots on cards above 0 start at device index 1 (index 0 of card 0 is
 * the primary's).
 */
export function eniSlots(snapshot: Snapshot, instanceId: string): EniSlot[] {
  const ix = indexSnapshot(snapshot);
  const instance = ix.instanceById.get(instanceId);
  if (!instance) return [];
  const attached = ix.enisByInstance.get(instanceId) ?? [];
  const limits = ix.limitsByType.get(instance.type);
  const cards = listedCards(limits);
  if (!cards) return cardSlots(attached, 0, Math.max(limits?.maxEnis ?? attached.length, attached.length), 0);
  const cardOf = (eni: Eni) => eni.attachment?.networkCardIndex ?? 0;
  const listed = new Set(cards.map((c) => c.index));
  const slots = cards.flatMap((card) => {
    const onCard = attached.filter((eni) => cardOf(eni) === card.index);
    return cardSlots(onCard, card.index, Math.max(card.maxEnis, onCard.length), card.index === 0 ? 0 : 1);
  });
  // An ENI on a card DescribeInstanceTypes did not list still shows, with no free slot beside it.
  for (const eni of attached.filter((e) => !listed.has(cardOf(e)))) slots.push(...cardSlots([eni], cardOf(eni), 1, 1));
  return slots.sort((a, b) => a.networkCardIndex - b.networkCardIndex || a.deviceIndex - b.deviceIndex);
}

/** The cards of a multi-card type, by index, when DescribeInstanceTypes lists them; null for one card (or unlisted). */
export function listedCards(
  limits: InstanceTypeLimits | null | undefined,
): { index: number; maxEnis: number }[] | null {
  if (!limits || limits.networkCards <= 1 || !limits.cards?.length) return null;
  return [...limits.cards].sort((a, b) => a.index - b.index);
}

/** The slots of one network card: its ENIs, then free slots at the lowest unused indexes from `firstFree`. */
function cardSlots(attached: readonly Eni[], networkCardIndex: number, length: number, firstFree: number): EniSlot[] {
  const slots: EniSlot[] = attached.map((eni) => {
    const deviceIndex = eni.attachment?.deviceIndex ?? 0;
    const primary = deviceIndex === 0 && networkCardIndex === 0;
    return { deviceIndex, networkCardIndex, eni, locked: primary || eni.requesterManaged };
  });
  const taken = new Set(slots.map((s) => s.deviceIndex));
  for (let index = firstFree; slots.length < length; index += 1) {
    if (!taken.has(index)) slots.push({ deviceIndex: index, networkCardIndex, eni: null, locked: index === 0 });
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
