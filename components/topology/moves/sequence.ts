// Moves and costs in words, for the undo line of a plan and for toasts.
import { eipAt, eniName, eniPlace, formatCost, type Move } from '@/lib/topology';
import type { TopologyIndex } from '../model/topology-index';

const eipName = (ix: TopologyIndex, allocationId: string) =>
  ix.eipByAllocation.get(allocationId)?.publicIp ?? allocationId;

/** A move as a short imperative sentence, for the undo line of a plan and for toasts. */
export function moveWords(ix: TopologyIndex, move: Move): string {
  switch (move.kind) {
    case 'move-ip': {
      const holder = ix.enisByPrivateIp.get(move.ip)?.find((e) => e.id !== move.toEni);
      const eip = holder ? eipAt(ix, holder.id, move.ip) : undefined;
      return `move ${move.ip}${eip ? ` with Elastic IP ${eip.publicIp}` : ''} to ${eniPlace(ix, ix.eniById.get(move.toEni), move.toEni)}`;
    }
    case 'assign-ip':
      return `assign ${move.ip} to ${eniPlace(ix, ix.eniById.get(move.toEni), move.toEni)} again`;
    case 'unassign-ip':
      return `unassign ${move.ip}`;
    case 'move-eni': {
      const instance = ix.instanceById.get(move.toInstance);
      const slot = move.deviceIndex !== undefined ? `eth${move.deviceIndex}` : 'a free slot';
      return `attach ${eniName(ix.eniById.get(move.eni), move.eni)} to ${slot} of ${instance?.name ?? move.toInstance}`;
    }
    case 'detach-eni':
      return `detach ${eniName(ix.eniById.get(move.eni), move.eni)} to the pool`;
    case 'move-eip':
      return `associate ${eipName(ix, move.allocationId)} with ${move.toIp}`;
    case 'disassociate-eip':
      return `disassociate ${eipName(ix, move.allocationId)}`;
    default:
      return changeWords(ix, move);
  }
}

const instanceWords = (ix: TopologyIndex, id: string) => ix.instanceById.get(id)?.name ?? id;

/** The console's changes (create, delete, assign, allocate, release, attributes, stop, start) in words. */
function changeWords(ix: TopologyIndex, move: Move): string {
  switch (move.kind) {
    case 'create-eni':
      return `create an ENI${move.name ? ` "${move.name}"` : ''} in ${move.subnetId}${move.attachTo ? ` for ${ix.instanceById.get(move.attachTo.instanceId)?.name ?? move.attachTo.instanceId}` : ''}`;
    case 'delete-eni':
      return `delete ${eniName(ix.eniById.get(move.eni), move.eni)}`;
    case 'assign-ips':
      return `assign ${move.addresses ? move.addresses.join(', ') : `${move.count} IPs`} to ${eniName(ix.eniById.get(move.eni), move.eni)}`;
    case 'unassign-ips':
      return `unassign ${move.addresses.join(', ')} from ${eniName(ix.eniById.get(move.eni), move.eni)}`;
    case 'allocate-eip':
      return `allocate an Elastic IP${move.name ? ` "${move.name}"` : ''}`;
    case 'release-eip':
      return `release ${eipName(ix, move.allocationId)}`;
    case 'set-source-dest-check':
      return `${move.enabled ? 'enable' : 'disable'} source/dest check of ${eniName(ix.eniById.get(move.eni), move.eni)}`;
    case 'set-description':
      return move.description
        ? `set the description of ${eniName(ix.eniById.get(move.eni), move.eni)} to "${move.description}"`
        : `clear the description of ${eniName(ix.eniById.get(move.eni), move.eni)}`;
    case 'set-security-groups':
      return `set the security groups of ${eniName(ix.eniById.get(move.eni), move.eni)} to ${move.groupIds.join(', ')}`;
    case 'set-tags': {
      const set = Object.entries(move.tags).map(([k, v]) => `${k}=${v}`);
      const what = [
        set.length ? `tag ${set.join(', ')}` : '',
        move.remove?.length ? `untag ${move.remove.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      const on = move.resourceId.startsWith('eni-')
        ? eniName(ix.eniById.get(move.resourceId), move.resourceId)
        : move.resourceId.startsWith('i-')
          ? instanceWords(ix, move.resourceId)
          : eipName(ix, move.resourceId);
      return `${what} on ${on}`;
    }
    case 'stop-instance':
    case 'start-instance':
      return `${move.kind === 'stop-instance' ? 'stop' : 'start'} ${instanceWords(ix, move.instance)}`;
    default:
      return move.kind;
  }
}

/** "a, then b, then c", capitalised. */
export function sequenceWords(ix: TopologyIndex, moves: readonly Move[]): string {
  const text = moves.map((m) => moveWords(ix, m)).join(', then ');
  return text ? text[0]!.toUpperCase() + text.slice(1) : '';
}

/** "+$0.005/h (≈ +$3.65/month)", "−$0.005/h …", or "no change" — public IPv4 is billed per hour. */
export function costWords(hourlyDelta: number): string {
  const rounded = Math.round(hourlyDelta * 1000) / 1000;
  if (rounded === 0) return `No change (${formatCost(0)})`;
  return formatCost(Math.abs(rounded), { monthly: true, sign: rounded > 0 ? '+' : '−' });
}
