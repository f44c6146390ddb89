// Words for the drag: what is carried, what it is over, and the screen-reader announcements of each phase.
import { eniName, eniPlace, instanceShort, shortId, type Reason, type Verdict, type Eni } from '@/lib/topology';
import type { TopologyIndex } from '../model/topology-index';
import type { DragSource, DropTarget } from './targets';

export const screenReaderInstructions =
  'To pick up a secondary IP, an ENI or an Elastic IP, press Space or Enter. While dragging, use the arrow keys to ' +
  'move between drop targets; each one says whether the drop is allowed and, if not, why. Press Space or Enter to ' +
  'drop and review the plan, or Escape to cancel.';

/** "web-1's eth1", or "pool ENI spare-a": the owner first, so two free slots differ by their number alone. */
function eniOwnerWords(ix: TopologyIndex, eni: Eni | undefined, fallbackId: string): string {
  const instanceId = eni?.attachment?.instanceId;
  if (eni && instanceId) return `${instanceShort(ix, instanceId)}'s eth${eni.attachment?.deviceIndex ?? '?'}`;
  return eniPlace(ix, eni, fallbackId);
}

export function describeSource(ix: TopologyIndex, source: DragSource): string {
  switch (source.kind) {
    case 'ip': {
      const eip = source.allocationId ? ix.eipByAllocation.get(source.allocationId) : undefined;
      return `secondary IP ${source.address}${eip ? ` with Elastic IP ${eip.publicIp}` : ''}`;
    }
    case 'eni': {
      const eni = ix.eniById.get(source.eniId);
      const where = eni?.attachment?.instanceId ? `, ${eniPlace(ix, eni)}` : ' from the pool';
      return `ENI ${eniName(eni, source.eniId, 'short')}${where}`;
    }
    case 'eip': {
      const eip = ix.eipByAllocation.get(source.allocationId);
      const name = eip?.name ? ` (${eip.name})` : '';
      const where = source.privateIp ? ` on ${source.privateIp}` : ' from the pool';
      return `Elastic IP ${eip?.publicIp ?? shortId(source.allocationId)}${name}${where}`;
    }
  }
}

export function describeTarget(ix: TopologyIndex, target: DropTarget): string {
  switch (target.kind) {
    case 'ip-slot':
      return `free IP slot ${target.n + 1} of ${eniOwnerWords(ix, ix.eniById.get(target.eniId), target.eniId)}`;
    case 'eni':
      return eniPlace(ix, ix.eniById.get(target.eniId), target.eniId);
    case 'instance': {
      return `instance ${instanceShort(ix, target.instanceId)}`;
    }
    case 'eni-slot': {
      const card = target.networkCardIndex ? ` on network card ${target.networkCardIndex}` : '';
      return `eth${target.deviceIndex}${card} of ${instanceShort(ix, target.instanceId)}`;
    }
    case 'private-ip':
      return `${target.address} on ${eniPlace(ix, ix.eniById.get(target.eniId), target.eniId)}`;
    case 'eni-pool':
      return 'the ENI pool (detach)';
    case 'eip-pool':
      return 'the Elastic IP pool (disassociate)';
    case 'unassign':
      return 'Unassign';
  }
}

export const reasonText = (reasons: readonly Reason[]): string => reasons.map((r) => r.message).join(' ');

export function pickedUpText(ix: TopologyIndex, source: DragSource): string {
  return `Picked up ${describeSource(ix, source)}.`;
}

/** verdict null: the target is where the source already is. */
export function overText(ix: TopologyIndex, target: DropTarget | null, verdict: Verdict | null): string {
  if (!target) return 'Not over a drop target.';
  const where = describeTarget(ix, target);
  if (!verdict) return `Over ${where}: that is where it already is.`;
  return verdict.ok ? `Over ${where}: allowed.` : `Over ${where}: refused — ${reasonText(verdict.reasons)}`;
}

export function dropText(
  ix: TopologyIndex,
  source: DragSource,
  target: DropTarget | null,
  verdict: Verdict | null,
): string {
  const what = describeSource(ix, source);
  if (!target || !verdict) return `Dropped ${what} where it was: nothing changed.`;
  const where = describeTarget(ix, target);
  if (verdict.ok) return `Dropped ${what} on ${where}: review the plan.`;
  return `Not dropped: ${where} refuses ${what} — ${reasonText(verdict.reasons)} Nothing was sent.`;
}

export function cancelText(ix: TopologyIndex, source: DragSource): string {
  return `Cancelled. ${describeSource(ix, source)} stays where it was.`;
}
