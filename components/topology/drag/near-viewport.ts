'use client';
// Whether a drop target is on screen, from one shared IntersectionObserver: targets off screen are registered
// with dnd-kit as disabled, so the drag start measures only the visible ones (issue 11: measuring each target
// walks its ancestors with getComputedStyle, the bulk of the pick-up frame).
import { useCallback, useRef, useState } from 'react';

type Listener = (near: boolean) => void;

let observer: IntersectionObserver | null = null;
const listeners = new WeakMap<Element, Listener>();

function shared(): IntersectionObserver | null {
  if (observer || typeof IntersectionObserver !== 'function') return observer;
  // A margin around the viewport, so a target scrolled into view by a drag or the arrow keys is usually ready.
  observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) listeners.get(e.target)?.(e.isIntersecting);
    },
    { rootMargin: '200px' },
  );
  return observer;
}

/**
 * [near, ref]: near is true until the observer has said otherwise (so a target is never missing before the
 * first report), and true wherever IntersectionObserver does not exist.
 */
export function useNearViewport(): [boolean, (node: HTMLElement | null) => void] {
  const [near, setNear] = useState(true);
  const current = useRef<HTMLElement | null>(null);
  // React calls it with the node on mount and with null on unmount.
  const ref = useCallback((next: HTMLElement | null) => {
    const io = shared();
    const prev = current.current;
    if (prev === next) return;
    if (prev && io) {
      io.unobserve(prev);
      listeners.delete(prev);
    }
    current.current = next;
    if (next && io) {
      listeners.set(next, setNear);
      io.observe(next);
    }
  }, []);
  return [near, ref];
}
