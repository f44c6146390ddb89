'use client';
// Why a locked item (the primary ENI, a primary IP, an AWS service's ENI) cannot be dragged: in its tooltip on
// hover, in its description on focus, spoken and shown beside it when someone tries to pick it up anyway.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { announce } from '../announcer';

/** above: the item is near the bottom of the window, so the bubble opens upwards from `top`. */
type Bubble = { left: number; top: number; above: boolean };

/** One bubble at a time: showing a hint closes the one shown before. */
let closeShown: (() => void) | null = null;

export type LockedHint = {
  /** Spread on the focusable element of the locked item. */
  props: {
    title?: string;
    'aria-describedby'?: string;
    onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void;
    onPointerDown?: (e: PointerEvent<HTMLElement>) => void;
    onPointerMove?: (e: PointerEvent<HTMLElement>) => void;
    onPointerUp?: () => void;
  };
  /** Render next to the element: the description, and the bubble while it is shown. */
  hint: ReactNode;
};

/** reason null: the item is not locked, nothing is added. */
export function useLockedHint(reason: string | null): LockedHint {
  const id = useId();
  const [bubble, setBubble] = useState<Bubble | null>(null);
  const press = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => {
    if (!bubble) return;
    const t = setTimeout(() => setBubble(null), 5_000);
    return () => clearTimeout(t);
  }, [bubble]);
  if (!reason) return { props: {}, hint: null };

  const show = (el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    closeShown?.();
    closeShown = () => setBubble(null);
    const above = r.bottom + 96 > window.innerHeight;
    setBubble({
      left: Math.max(8, Math.min(r.left, window.innerWidth - 328)),
      top: above ? r.top - 6 : r.bottom + 6,
      above,
    });
    announce(reason);
  };
  return {
    props: {
      title: reason,
      'aria-describedby': id,
      onKeyDown: (e) => {
        if (e.key === ' ' || e.key === 'Enter') show(e.currentTarget);
      },
      onPointerDown: (e) => {
        press.current = { x: e.clientX, y: e.clientY };
      },
      // A press that starts moving is an attempt to drag: answer it, as a refused drop would be.
      onPointerMove: (e) => {
        const p = press.current;
        if (!p || (e.buttons & 1) === 0 || Math.hypot(e.clientX - p.x, e.clientY - p.y) < 6) return;
        press.current = null;
        show(e.currentTarget);
      },
      onPointerUp: () => {
        press.current = null;
      },
    },
    hint: (
      <>
        <span id={id} className="sr-only">
          {reason}
        </span>
        {bubble
          ? createPortal(
              <div
                aria-hidden
                data-testid="locked-hint"
                style={{
                  left: bubble.left,
                  top: bubble.top,
                  transform: bubble.above ? 'translateY(-100%)' : undefined,
                }}
                className="pointer-events-none fixed z-[90] w-80 rounded-md border border-line-strong bg-surface px-3 py-2 text-xs text-fg shadow-lg"
              >
                {reason}
              </div>,
              document.body,
            )
          : null}
      </>
    ),
  };
}
