// The DOM ids and test ids of what the view draws: one spelling for the cards, the drag layer, reveal and focus,
// and the e2e tests, which select on them (e2e/steps.ts and e2e/fixtures.ts import this file). Plain functions.
import type { Move } from '@/lib/topology';
import type { DragSource } from './drag/targets';
import type { Selection } from './model/selection';

/** The element id of each resource (a card's test id is the same string). */
export const domIds = {
  instance: (instanceId: string) => `instance-${instanceId}`,
  eni: (eniId: string) => `eni-${eniId}`,
  ip: (address: string) => `ip-${address}`,
  eip: (allocationId: string) => `eip-${allocationId}`,
  /** An ENI slot of an instance card, taken or free, by device index. */
  /** The free-slot row of a multi-card instance, and one network card's group in it. */
  eniCards: (instanceId: string) => `eni-cards-${instanceId}`,
  eniCard: (instanceId: string, card: number) => `eni-cards-${instanceId}-${card}`,
  /** A card above 0 of a multi-card type is named in the id; card 0 keeps the single-card id. */
  eniSlot: (instanceId: string, deviceIndex: number, card = 0) =>
    card > 0 ? `eni-slot-${instanceId}-c${card}-${deviceIndex}` : `eni-slot-${instanceId}-${deviceIndex}`,
  /** A private-IP slot of an ENI, taken or free, by its position. */
  ipSlot: (eniId: string, n: number) => `ip-slot-${eniId}-${n}`,
  subnetRow: (subnetId: string) => `subnet-row-${subnetId}`,
  vpcRow: (vpcId: string) => `vpc-row-${vpcId}`,
} as const;

/** Test ids that differ from the element id (the compact line carries the instance's element id). */
export const testIds = {
  instanceLine: (instanceId: string) => `instance-line-${instanceId}`,
  subnet: (subnetId: string) => `subnet-${subnetId}`,
  poolEnis: (subnetId: string) => `pool-enis-${subnetId}`,
} as const;

/** The element that shows a selection (reveal scrolls to it and flashes it). */
export function selectionDomId(sel: Selection): string {
  switch (sel.kind) {
    case 'ip':
      return domIds.ip(sel.address);
    case 'eip':
      return domIds.eip(sel.id);
    case 'eni':
      return domIds.eni(sel.id);
    case 'instance':
      return domIds.instance(sel.id);
    case 'subnet':
      return domIds.subnetRow(sel.id);
    case 'vpc':
      return domIds.vpcRow(sel.id);
  }
}

/** The element a drag source is drawn as (focus returns to it when its plan is cancelled). */
export function dragSourceDomId(source: DragSource): string {
  switch (source.kind) {
    case 'ip':
      return domIds.ip(source.address);
    case 'eni':
      return domIds.eni(source.eniId);
    case 'eip':
      return domIds.eip(source.allocationId);
  }
}

/** The element that shows a move's subject once applied: marked "applying…" while it runs, focused after. */
export function movedSubjectDomId(move: Move): string {
  switch (move.kind) {
    case 'move-ip':
    case 'unassign-ip':
    case 'assign-ip':
      return domIds.ip(move.ip);
    case 'move-eni':
    case 'detach-eni':
    case 'delete-eni':
    case 'assign-ips':
    case 'unassign-ips':
    case 'set-source-dest-check':
    case 'set-description':
    case 'set-security-groups':
      return domIds.eni(move.eni);
    case 'move-eip':
    case 'disassociate-eip':
    case 'release-eip':
      return domIds.eip(move.allocationId);
    case 'create-eni':
      return move.attachTo ? domIds.instance(move.attachTo.instanceId) : domIds.subnetRow(move.subnetId);
    case 'allocate-eip':
      return 'eip-pool';
    case 'set-tags':
      if (move.resourceId.startsWith('i-')) return domIds.instance(move.resourceId);
      return move.resourceId.startsWith('eni-') ? domIds.eni(move.resourceId) : domIds.eip(move.resourceId);
    case 'stop-instance':
    case 'start-instance':
      return domIds.instance(move.instance);
  }
}
