'use client';
// Elapsed time of long work (a refresh, an apply), so a slow endpoint is visibly slow rather than stuck.
import { useEffect, useState } from 'react';

/** Seconds since `active` became true (0 while inactive), updated every 250 ms. */
export function useElapsedSeconds(active: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!active) {
      setSeconds(0);
      return;
    }
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, [active]);
  return seconds;
}

/** "4 s", "1 min 05 s". */
export function formatElapsed(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
