'use client';
// The one "latest value" ref of the view: for callbacks that run outside React's render (key listeners, dnd-kit's
// sensors and announcements, a toast's Undo) and must see the newest props without being re-created.
import { useLayoutEffect, useState } from 'react';

/** A stable object whose `current` is the value of the last committed render (set before any event can read it). */
export function useLatest<T>(value: T): { readonly current: T } {
  const [ref] = useState(() => ({ current: value }));
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
