// Plans in sequence (an undo can take several moves), the undo of applied plans, and moves and costs in words.
import {
  applyMove,
  type CheckSettings,
  type Move,
  type Plan,
  type Reason,
  checkMove,
  type Snapshot,
} from '@/lib/topology';
import { eniPlace } from '../drag/announce';
import type { TopologyIndex } from '../model/topology-index';

export type Sequence = { ok: true; plans: Plan[] } | { ok: false; at: number; move: Move; reasons: Reason[] };

/**
 * Checks moves one after the other, each on the snapshot the previous ones leave (an undo that re-assigns
 * an IP and then puts its EIP back needs the IP to exist first). Stops at the first refusal.
 */
export function planSequence(snapshot: Snapshot, moves: readonly Move[], settings: CheckSettings): Sequence {
  const plans: Plan[] = [];
  let current = snapshot;
  for (const [at, move] of moves.entries()) {
    const verdict = checkMove(current, move, settings);
    if (!verdict.ok) return { ok: false, at, move, reasons: verdict.reasons };
    plans.push(verdict.plan);
    if (at < moves.length - 1) current = applyMove(current, verdict.plan.move);
  }
  return { ok: true, plans };
}

/** The moves that undo a batch of applied plans: each plan's inverse, last plan first. */
export function undoMoves(applied: readonly Plan[]): Move[] {
  return [...applied].reverse().flatMap((p) => p.inverse);
}

const eipName = (ix: TopologyIndex, allocationId: string) =>
  ix.eipByAllocation.get(allocationId)?.publicIp ?? allocationId;
const eniName = (ix: TopologyIndex, eniId: string) => {
  const eni = ix.eniById.get(eniId);
  return eni?.name ? `${eni.name} (${eniId})` : eniId;
};

/** A move as a short imperative sentence, for the undo line of a plan and for toasts. */
export function moveWords(ix: TopologyIndex, move: Move): string {
  switch (move.kind) {
    case 'move-ip': {
      const holder = ix.enisByAddress.get(move.ip)?.find((id) => id !== move.toEni);
      const eip = holder ? ix.eipByPrivateIp.get(`${holder}|${move.ip}`) : undefined;
      return `move ${move.ip}${eip ? ` with Elastic IP ${eip.publicIp}` : ''} to ${eniPlace(ix, ix.eniById.get(move.toEni), move.toEni)}`;
    }
    case 'assign-ip':
      return `assign ${move.ip} to ${eniPlace(ix, ix.eniById.get(move.toEni), move.toEni)} again`;
    case 'unassign-ip':
      return `unassign ${move.ip}`;
    case 'move-eni': {
      const instance = ix.instanceById.get(move.toInstance);
      const slot = move.deviceIndex !== undefined ? `eth${move.deviceIndex}` : 'a free slot';
      return `attach ${eniName(ix, move.eni)} to ${slot} of ${instance?.name ?? move.toInstance}`;
    }
    case 'detach-eni':
      return `detach ${eniName(ix, move.eni)} to the pool`;
    case 'move-eip':
      return `associate ${eipName(ix, move.allocationId)} with ${move.toIp}`;
    case 'disassociate-eip':
      return `disassociate ${eipName(ix, move.allocationId)}`;
    default:
      return changeWords(ix, move);
  }
}

/** The console's changes (create, delete, assign, allocate, release, attributes) in words. */
function changeWords(ix: TopologyIndex, move: Move): string {
  switch (move.kind) {
    case 'create-eni':
      return `create an ENI${move.name ? ` "${move.name}"` : ''} in ${move.subnetId}${move.attachTo ? ` for ${ix.instanceById.get(move.attachTo.instanceId)?.name ?? move.attachTo.instanceId}` : ''}`;
    case 'delete-eni':
      return `delete ${eniName(ix, move.eni)}`;
    case 'assign-ips':
      return `assign ${move.addresses ? move.addresses.join(', ') : `${move.count} IPs`} to ${eniName(ix, move.eni)}`;
    case 'unassign-ips':
      return `unassign ${move.addresses.join(', ')} from ${eniName(ix, move.eni)}`;
    case 'allocate-eip':
      return `allocate an Elastic IP${move.name ? ` "${move.name}"` : ''}`;
    case 'release-eip':
      return `release ${eipName(ix, move.allocationId)}`;
    case 'set-source-dest-check':
      return `${move.enabled ? 'enable' : 'disable'} source/dest check of ${eniName(ix, move.eni)}`;
    default:
      return move.kind;
  }
}

/** "a, then b, then c", capitalised. */
export function sequenceWords(ix: TopologyIndex, moves: readonly Move[]): string {
  const text = moves.map((m) => moveWords(ix, m)).join(', then ');
  return text ? text[0]!.toUpperCase() + text.slice(1) : '';
}

/** "+$0.005/h (≈ $3.65/month)", "−$0.005/h …", or "no change" — public IPv4 is billed per hour. */
export function costWords(hourlyDelta: number): string {
  const rounded = Math.round(hourlyDelta * 1000) / 1000;
  if (rounded === 0) return 'No change ($0.000/h)';
  const sign = rounded > 0 ? '+' : '−';
  const abs = Math.abs(rounded);
  return `${sign}$${abs.toFixed(3)}/h (≈ ${sign}$${(abs * 730).toFixed(2)}/month)`;
}
