'use client';
// The drag in progress as every card sees it: what is carried and, per target, the checker's verdict —
// computed lazily (only for targets that are rendered) and memoized for the drag.
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { useCanChange } from '@/components/access/access-context';
import { createContext, memo, useCallback, useContext } from 'react';
import type { TopologyData } from '@/lib/queries/topology';
import { type Verdict, checkMove } from '@/lib/topology';
import { accepts, candidateMove, sourceId, targetId, type DragSource, type DropTarget } from './targets';
import { useNearViewport } from './near-viewport';

/** Verdicts for one source over one snapshot; a new source or snapshot starts afresh. */
export class VerdictCache {
  private data: TopologyData | null = null;
  private source = '';
  private readonly verdicts = new Map<string, Verdict | null>();

  /** null: the target means no move (where the source already is, or not a target for it). */
  verdict(data: TopologyData, source: DragSource, target: DropTarget): Verdict | null {
    const key = sourceId(source);
    if (data !== this.data || key !== this.source) {
      this.data = data;
      this.source = key;
      this.verdicts.clear();
    }
    const id = targetId(target);
    if (this.verdicts.has(id)) return this.verdicts.get(id)!;
    const move = candidateMove(source, target);
    // The browser checks with the server's settings, so both refuse the same moves.
    const verdict = move ? checkMove(data, move, data.settings) : null;
    this.verdicts.set(id, verdict);
    return verdict;
  }
}

export type DragSession = { source: DragSource | null; verdictFor: (target: DropTarget) => Verdict | null };

const idle: DragSession = { source: null, verdictFor: () => null };
export const DragSessionContext = createContext<DragSession>(idle);

/** allowed / refused / same (no move), or undefined when nothing droppable here is being dragged. */
export type DropState = 'allowed' | 'refused' | 'same' | undefined;

export type DropTargetState = {
  setNodeRef: (node: HTMLElement | null) => void;
  state: DropState;
  isOver: boolean;
  verdict: Verdict | null;
  /** Props for the target element: its drop state as data attributes, and its refusal as a description. */
  targetProps: { 'data-drop-id': string; 'data-drop'?: string; 'data-over'?: string; 'aria-describedby'?: string };
  /** Id of the element holding the refusal reason (render <DropReason> with it). */
  reasonId: string;
};

export function useDropTarget(target: DropTarget): DropTargetState {
  const id = targetId(target);
  const [near, nearRef] = useNearViewport();
  // Off screen, a target is registered disabled: not measured when a drag starts (the keyboard still finds it).
  const { setNodeRef: droppableRef, isOver } = useDroppable({ id, data: target, disabled: !near });
  const setNodeRef = useMergedRefs(droppableRef, nearRef);
  const session = useContext(DragSessionContext);
  const relevant = session.source !== null && accepts(session.source, target);
  const verdict = relevant ? session.verdictFor(target) : null;
  const state: DropState = !relevant ? undefined : verdict === null ? 'same' : verdict.ok ? 'allowed' : 'refused';
  const over = relevant && isOver;
  const reasonId = `${id.replace(/[^a-zA-Z0-9-]/g, '-')}-reason`;
  return {
    setNodeRef,
    state,
    isOver: over,
    verdict,
    reasonId,
    targetProps: {
      'data-drop-id': id,
      'data-drop': state,
      'data-over': over ? 'true' : undefined,
      'aria-describedby': state === 'refused' ? reasonId : undefined,
    },
  };
}

/** The refusal of a target, for assistive technology (the visible reason is the hint beside the target). */
export const DropReason = memo(function DropReason({ id, verdict }: { id: string; verdict: Verdict | null }) {
  if (!verdict || verdict.ok) return null;
  return (
    <span id={id} className="sr-only">
      Refused: {verdict.reasons.map((r) => r.message).join(' ')}
    </span>
  );
});

export type DragSourceState = {
  setNodeRef: (node: HTMLElement | null) => void;
  setActivatorNodeRef: (node: HTMLElement | null) => void;
  /** Spread on the activator (the element that is clicked, touched or focused to pick up). */
  handleProps: Record<string, unknown>;
  isDragging: boolean;
};

/**
 * A draggable resource; source null makes it inert (primary IPs, eth0, requester-managed ENIs), and so does an
 * identity that may not change anything (a viewer, a read-only deployment).
 */
export function useDragSource(requested: DragSource | null, domId: string): DragSourceState {
  const source = useCanChange() ? requested : null;
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({
    id: source ? sourceId(source) : `inert:${domId}`,
    data: source ?? undefined,
    disabled: source === null,
    attributes: { roleDescription: 'draggable' },
  });
  if (!source) return { setNodeRef, setActivatorNodeRef, handleProps: {}, isDragging: false };
  // The activator is already a <button>: keep its role and focus order, add what dnd-kit needs.
  const { role: _role, tabIndex: _tabIndex, ...aria } = attributes;
  return { setNodeRef, setActivatorNodeRef, handleProps: { ...aria, ...listeners }, isDragging };
}

/** One ref callback for an element that is both a drag source and a drop target. */
export function useMergedRefs(...refs: ((node: HTMLElement | null) => void)[]): (node: HTMLElement | null) => void {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the ref callbacks from dnd-kit are stable
  return useCallback((node: HTMLElement | null) => refs.forEach((r) => r(node)), refs);
}
