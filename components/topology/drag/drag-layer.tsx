'use client';
// The drag layer: dnd-kit's context with mouse, touch and keyboard sensors, announcements, the overlay that
// shows what is carried, the hint beside the target, and the drop dock. A drop opens its plan for review
// (openPlanReview), or says in a toast why the target refuses it.
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useDeferredValue, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Verdict } from '@/lib/topology';
import type { TopologyData } from '@/lib/queries/topology';
import { dragSourceDomId } from '../dom-ids';
import type { TopologyIndex } from '../model/topology-index';
import { useOpenPlanReview } from '../moves/moves-context';
import { refusedToast, useToast } from '../moves/toast-context';
import { useLatest } from '../use-latest';
import {
  cancelText,
  describeSource,
  describeTarget,
  dropText,
  overText,
  pickedUpText,
  screenReaderInstructions,
} from './announce';
import { DragPreview, TargetHint } from './drag-hud';
import { DragSessionContext, VerdictCache, type DragSession } from './drag-session';
import { DropDock } from './drop-dock';
import type { DragKind, DragSource, DropTarget } from './targets';
import { besideCursor, collisionFor, keyboardCodes, keyboardTargetGetter, MousePointerSensor } from './sensors';

type Props = {
  data: TopologyData;
  index: TopologyIndex;
  /** Whether the pools rail is on screen; without it the dock offers the pools as drop zones. */
  railVisible: boolean;
  /** Told what kind of resource is picked up (null when the drag ends): the narrow rail then shows the pools. */
  onDragKind?: (kind: DragKind | null) => void;
  children: ReactNode;
};

const sourceOf = (data: unknown) => (data ?? null) as DragSource | null;
const targetOf = (data: unknown) => (data ?? null) as DropTarget | null;

export function DragLayer({ data, index, railVisible, onDragKind, children }: Props) {
  const [source, setSource] = useState<DragSource | null>(null);
  const [over, setOver] = useState<DropTarget | null>(null);
  const [cache] = useState(() => new VerdictCache());
  // Refs for what dnd-kit calls outside React's render: sensors, collision detection, announcements.
  const latest = useLatest({ data, index });
  const openPlanReview = useOpenPlanReview();
  const { show } = useToast();
  const sourceRef = useRef<DragSource | null>(null);
  const keyboardTarget = useRef<string | null>(null);
  const overRef = useRef<DropTarget | null>(null);

  const verdictOf = (s: DragSource, t: DropTarget | null): Verdict | null =>
    t ? cache.verdict(latest.current.data, s, t) : null;

  const sensors = useSensors(
    useSensor(MousePointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { keyboardCodes, coordinateGetter: keyboardTargetGetter(sourceRef, keyboardTarget) }),
  );
  const collisionDetection = useMemo(() => collisionFor(sourceRef, keyboardTarget), []);

  const accessibility = useMemo(() => {
    const announcements: Announcements = {
      onDragStart: ({ active }) => {
        const s = sourceOf(active.data.current);
        return s ? pickedUpText(latest.current.index, s) : undefined;
      },
      onDragOver: ({ active, over: o }) => {
        const s = sourceOf(active.data.current);
        const t = targetOf(o?.data.current);
        return s ? overText(latest.current.index, t, verdictOf(s, t)) : undefined;
      },
      onDragEnd: ({ active, over: o }) => {
        const s = sourceOf(active.data.current);
        const t = targetOf(o?.data.current);
        return s ? dropText(latest.current.index, s, t, verdictOf(s, t)) : undefined;
      },
      onDragCancel: ({ active }) => {
        const s = sourceOf(active.data.current);
        return s ? cancelText(latest.current.index, s) : undefined;
      },
    };
    return { announcements, screenReaderInstructions: { draggable: screenReaderInstructions }, restoreFocus: false };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reads the latest data through refs
  }, []);

  const session = useMemo<DragSession>(
    () => ({ source, verdictFor: (t) => (source ? cache.verdict(data, source, t) : null) }),
    [source, data, cache],
  );
  // The targets see the session one render after the rest: the pick-up frame paints the preview and the dock
  // alone, and React fills in every target's verdict in a following render it can interrupt and spread over
  // frames (issue 11: re-rendering and restyling all mounted targets in the pick-up frame made it 100–400 ms).
  // The hint, the announcements and the drop read the verdicts directly, so they never wait for it.
  const targetSession = useDeferredValue(session);

  const reset = () => {
    sourceRef.current = null;
    overRef.current = null;
    keyboardTarget.current = null;
    setSource(null);
    setOver(null);
    onDragKind?.(null);
  };
  const onDragStart = ({ active }: DragStartEvent) => {
    const s = sourceOf(active.data.current);
    sourceRef.current = s;
    keyboardTarget.current = null;
    setSource(s);
    if (s) onDragKind?.(s.kind);
  };
  const onDragOver = ({ over: o }: DragOverEvent) => {
    overRef.current = targetOf(o?.data.current);
    setOver(overRef.current);
  };
  const onDragEnd = ({ active, over: o }: DragEndEvent) => {
    const s = sourceOf(active.data.current);
    // The drop acts on the target the view shows as over, even if a re-render re-registered the targets since the
    // pointer's last move (dnd-kit then ends with no `over` until the pointer moves again).
    const t = targetOf(o?.data.current) ?? overRef.current;
    reset();
    if (!s || !t) return;
    const verdict = verdictOf(s, t);
    if (!verdict) return;
    if (verdict.ok) openPlanReview(verdict.plan, { returnFocus: dragSourceDomId(s) });
    else {
      const { index: ix } = latest.current;
      show(refusedToast(`Not moved: ${describeTarget(ix, t)} refuses ${describeSource(ix, s)}`, verdict.reasons));
    }
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={accessibility}
      // Targets appear while dragging (virtualized rows, the dock): measure them as they mount.
      measuring={{ droppable: { strategy: MeasuringStrategy.WhileDragging } }}
      // Scroll only when the pointer is close to a list's top or bottom edge (dnd-kit's default, a fifth of the
      // height, scrolled a target in the lower part of the canvas away from under a still pointer), and never
      // sideways: the lists are one column wide.
      autoScroll={{ threshold: { x: 0, y: 0.08 } }}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={reset}
    >
      <DragSessionContext value={targetSession}>
        {children}
        {source ? <DropDock source={source} railVisible={railVisible} /> : null}
      </DragSessionContext>
      <DragOverlay dropAnimation={null} zIndex={60} modifiers={[besideCursor]}>
        {source ? <DragPreview index={index} source={source} /> : null}
      </DragOverlay>
      {source && over ? <TargetHint index={index} target={over} verdict={cache.verdict(data, source, over)} /> : null}
    </DndContext>
  );
}
