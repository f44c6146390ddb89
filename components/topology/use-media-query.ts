'use client';
// Subscribes to a CSS media query, so layout decisions that change the component tree follow the viewport.
import { useSyncExternalStore } from 'react';

export function useMediaQuery(query: string, serverDefault = true): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', onChange);
      return () => mql.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => serverDefault,
  );
}
