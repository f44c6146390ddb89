// Sensors of the drag layer: mouse/pen pointer (touch goes to the TouchSensor), and keyboard moves that jump
// between drop targets in reading order instead of nudging by pixels.
import {
  KeyboardCode,
  PointerSensor,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  type Modifier,
  type PointerSensorOptions,
  pointerWithin,
} from '@dnd-kit/core';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { isArrowKey, nextTarget, type TargetBox } from './keyboard-order';
import { accepts, type DragSource, type DropTarget } from './targets';

/**
 * PointerSensor for mouse and pen only. A finger would otherwise start a drag after a few pixels and make
 * the page impossible to scroll; touch goes through the TouchSensor and its press delay instead.
 */
export class MousePointerSensor extends PointerSensor {
  static activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions) => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === 'touch') return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

export const keyboardCodes = {
  start: [KeyboardCode.Space, KeyboardCode.Enter],
  cancel: [KeyboardCode.Esc],
  end: [KeyboardCode.Space, KeyboardCode.Enter],
};

/** Where a drop target sits in the page: 0 the pools rail, 1 the canvas, 2 the drop dock. */
export function regionOf(node: Element): number {
  const region = node.closest('[data-drop-region]')?.getAttribute('data-drop-region');
  return region === undefined || region === null ? 1 : Number(region);
}

const boxOf = (node: Element, id: string): TargetBox | null => {
  const r = node.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return null;
  return { id, region: regionOf(node), top: r.top, left: r.left, width: r.width, height: r.height };
};

export type KeyboardTargetRef = { current: string | null };

/**
 * Arrow keys pick the next target for the carried source (see keyboard-order.ts), scroll it into view, and
 * move the overlay just below it. The chosen id goes into `targetRef`, which the collision detection reads:
 * with the keyboard, "over" is exactly the target the keys chose.
 */
export function keyboardTargetGetter(
  sourceRef: { current: DragSource | null },
  targetRef: KeyboardTargetRef,
): KeyboardCoordinateGetter {
  return (event, { context }) => {
    if (!isArrowKey(event.code)) return undefined;
    event.preventDefault();
    const source = sourceRef.current;
    if (!source) return undefined;
    const boxes: TargetBox[] = [];
    // Every mounted target, also those registered disabled because they are off screen (near-viewport.ts).
    for (const container of context.droppableContainers.values()) {
      const target = container.data.current as DropTarget | undefined;
      const node = container.node.current;
      if (!target || !node?.isConnected || !accepts(source, target)) continue;
      const box = boxOf(node, String(container.id));
      if (box) boxes.push(box);
    }
    const origin = context.activeNode ? boxOf(context.activeNode, '') : null;
    const id = nextTarget(boxes, { id: targetRef.current, box: origin }, event.code);
    if (!id) return undefined;
    targetRef.current = id;
    const node = context.droppableContainers.getNodeFor(id);
    if (!node) return undefined;
    node.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const r = node.getBoundingClientRect();
    return { x: r.left + 8, y: r.bottom + 6 };
  };
}

/**
 * Only targets the carried source can land on take part. With a pointer, the innermost target under it wins
 * (a private IP inside a pool section, say); with the keyboard, the target the arrow keys chose.
 *
 * The pointer's target is found by the browser's own hit test (elementsFromPoint lists every element under the
 * point, innermost first, through overlays that let the pointer through), not from dnd-kit's measured rects:
 * reading those on every pointer move walks each target's ancestors for their scroll offsets (issue 11), and
 * the DOM is always current, also while the view scrolls under the drag.
 */
export function collisionFor(
  sourceRef: { current: DragSource | null },
  targetRef: KeyboardTargetRef,
): CollisionDetection {
  return (args) => {
    const source = sourceRef.current;
    if (!source) return [];
    const droppableContainers = args.droppableContainers.filter((c) => {
      const target = c.data.current as DropTarget | undefined;
      return target !== undefined && accepts(source, target);
    });
    if (!args.pointerCoordinates) {
      const id = targetRef.current;
      return id !== null && droppableContainers.some((c) => c.id === id) ? [{ id }] : [];
    }
    if (typeof document === 'undefined' || typeof document.elementsFromPoint !== 'function')
      return pointerWithin({ ...args, droppableContainers });
    const ids = new Set(droppableContainers.map((c) => String(c.id)));
    const { x, y } = args.pointerCoordinates;
    for (const el of document.elementsFromPoint(x, y)) {
      const id = el.getAttribute('data-drop-id');
      // A target dnd-kit has not measured yet (mounted this frame) cannot be "over": its rect comes next frame.
      if (id !== null && ids.has(id) && args.droppableRects.has(id)) return [{ id }];
    }
    return [];
  };
}

function pointerPoint(event: Event | null): { x: number; y: number } | null {
  if (!event) return null;
  if ('touches' in event) {
    const touch = (event as TouchEvent).touches[0] ?? (event as TouchEvent).changedTouches[0];
    return touch ? { x: touch.clientX, y: touch.clientY } : null;
  }
  if ('clientX' in event) return { x: (event as MouseEvent).clientX, y: (event as MouseEvent).clientY };
  return null;
}

/**
 * With a pointer, the overlay sits just below and right of the cursor instead of under it, so the target
 * (and its allowed/refused look) stays visible. Keyboard drags are placed by the coordinate getter.
 */
export const besideCursor: Modifier = ({ activatorEvent, draggingNodeRect, transform }) => {
  const point = pointerPoint(activatorEvent);
  if (!point || !draggingNodeRect) return transform;
  return {
    ...transform,
    x: transform.x + point.x - draggingNodeRect.left + 14,
    y: transform.y + point.y - draggingNodeRect.top + 18,
  };
};
