'use client';
// What an Elastic IP's button is, wherever it is drawn (a chip on its private IP, a row of the idle pool): its DOM
// id, selection, applying state and drag source, and the props that make the button select and drag it.
import { useCanChange } from '@/components/access/access-context';
import type { Eip } from '@/lib/topology';
import { useDragSource, useMergedRefs } from './drag/drag-session';
import { useIsApplying } from './moves/moves-context';
import { domIds } from './dom-ids';
import { useIsSelected, useTopology } from './topology-context';

/** state: 'occupied' on a private IP, 'free' in the pool (the e2e tests and styles read it). */
export function useEipHandle(eip: Eip, state: 'occupied' | 'free') {
  const { select } = useTopology();
  const domId = domIds.eip(eip.allocationId);
  const selected = useIsSelected({ kind: 'eip', id: eip.allocationId });
  const applying = useIsApplying(domId);
  const canChange = useCanChange();
  const drag = useDragSource(
    { kind: 'eip', allocationId: eip.allocationId, eniId: eip.eniId, privateIp: eip.privateIp },
    domId,
  );
  const ref = useMergedRefs(drag.setNodeRef, drag.setActivatorNodeRef);
  return {
    selected,
    applying,
    canChange,
    isDragging: drag.isDragging,
    buttonProps: {
      ref,
      type: 'button' as const,
      id: domId,
      'data-testid': domId,
      'data-state': state,
      'data-applying': applying ? 'true' : undefined,
      ...drag.handleProps,
      onClick: () => select({ kind: 'eip', id: eip.allocationId }),
    },
  };
}
