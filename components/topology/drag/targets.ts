// What can be dragged, where it can be dropped, and the move a drop means: plain data, no React.
import type { Move } from '@/lib/topology';

export type DragSource =
  /** A secondary private IP (the primary never moves), with the Elastic IP it carries, if any. */
  | { kind: 'ip'; eniId: string; address: string; allocationId: string | null }
  /** A secondary ENI (not eth0) or an ENI from the pool. */
  | { kind: 'eni'; eniId: string; instanceId: string | null; deviceIndex: number | null }
  /** An Elastic IP chip: on a private IP, or idle in the pool. */
  | { kind: 'eip'; allocationId: string; eniId: string | null; privateIp: string | null };

export type DropTarget =
  | { kind: 'ip-slot'; eniId: string; n: number }
  /** An ENI as a whole: takes an IP into any free slot (and says why not when it is full). */
  | { kind: 'eni'; eniId: string }
  /** A free ENI slot; networkCardIndex only on a card other than 0 of a multi-card type. */
  | { kind: 'eni-slot'; instanceId: string; deviceIndex: number; networkCardIndex?: number }
  /** An instance as a whole: takes an ENI at its lowest free device index (or says it is full). */
  | { kind: 'instance'; instanceId: string }
  | { kind: 'private-ip'; eniId: string; address: string }
  | { kind: 'eni-pool' }
  | { kind: 'eip-pool' }
  | { kind: 'unassign' };

export type DragKind = DragSource['kind'];
export type TargetKind = DropTarget['kind'];

const accepted: Record<DragKind, readonly TargetKind[]> = {
  ip: ['ip-slot', 'eni', 'unassign'],
  eni: ['eni-slot', 'instance', 'eni-pool'],
  eip: ['private-ip', 'eip-pool'],
};

export function sourceId(source: DragSource): string {
  switch (source.kind) {
    case 'ip':
      return `drag:ip:${source.eniId}:${source.address}`;
    case 'eni':
      return `drag:eni:${source.eniId}`;
    case 'eip':
      return `drag:eip:${source.allocationId}`;
  }
}

export function targetId(target: DropTarget): string {
  switch (target.kind) {
    case 'ip-slot':
      return `drop:ip-slot:${target.eniId}:${target.n}`;
    case 'eni-slot':
      return `drop:eni-slot:${target.instanceId}:${target.deviceIndex}${target.networkCardIndex ? `:c${target.networkCardIndex}` : ''}`;
    case 'private-ip':
      return `drop:private-ip:${target.eniId}:${target.address}`;
    case 'eni':
      return `drop:eni:${target.eniId}`;
    case 'instance':
      return `drop:instance:${target.instanceId}`;
    default:
      return `drop:${target.kind}`;
  }
}

/** Whether a target is one of the kinds this source can be dropped on at all (others are ignored while dragging). */
export function accepts(source: DragSource, target: DropTarget): boolean {
  return accepted[source.kind].includes(target.kind);
}

/**
 * The move a drop would request, or null when the target is not for this source or is where the source
 * already is (dropping there changes nothing, so it is neither allowed nor refused).
 */
export function candidateMove(source: DragSource, target: DropTarget): Move | null {
  if (!accepts(source, target)) return null;
  switch (source.kind) {
    case 'ip':
      if (target.kind === 'unassign') return { kind: 'unassign-ip', ip: source.address };
      if ((target.kind === 'ip-slot' || target.kind === 'eni') && target.eniId !== source.eniId) {
        return { kind: 'move-ip', ip: source.address, toEni: target.eniId };
      }
      return null;
    case 'eni':
      if (target.kind === 'eni-pool')
        return source.instanceId === null ? null : { kind: 'detach-eni', eni: source.eniId };
      if (target.kind === 'eni-slot') {
        const { instanceId: toInstance, deviceIndex, networkCardIndex } = target;
        return networkCardIndex
          ? { kind: 'move-eni', eni: source.eniId, toInstance, deviceIndex, networkCardIndex }
          : { kind: 'move-eni', eni: source.eniId, toInstance, deviceIndex };
      }
      // The whole card: the lowest free device index, which checkMove resolves (or refuses: no free slot).
      if (target.kind === 'instance' && target.instanceId !== source.instanceId)
        return { kind: 'move-eni', eni: source.eniId, toInstance: target.instanceId };
      return null;
    case 'eip':
      if (target.kind === 'eip-pool')
        return source.eniId === null ? null : { kind: 'disassociate-eip', allocationId: source.allocationId };
      if (target.kind === 'private-ip') {
        if (target.eniId === source.eniId && target.address === source.privateIp) return null;
        return { kind: 'move-eip', allocationId: source.allocationId, toEni: target.eniId, toIp: target.address };
      }
      return null;
  }
}
