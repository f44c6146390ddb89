'use client';
// Auto-refresh: re-reads the account every 15 s, 1 min or 5 min (off by default; the choice is kept in this
// browser), never while the tab is hidden, a move is applying or a dialog is open.
import { useIsMutating, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { applyMutationKey } from '@/lib/queries/moves';
import { topologyQueryKey } from '@/lib/queries/topology';
import { cn } from '@/lib/cn';

export const AUTO_REFRESH_KEY = 'eni-console.auto-refresh';
const choices = [
  { value: 0, label: 'Auto: off' },
  { value: 15_000, label: 'Auto: 15 s' },
  { value: 60_000, label: 'Auto: 1 min' },
  { value: 300_000, label: 'Auto: 5 min' },
] as const;

/** The stored interval, if it is one of the choices (anything else is off). */
function storedInterval(): number {
  const raw = Number(window.localStorage.getItem(AUTO_REFRESH_KEY));
  return choices.some((c) => c.value === raw) ? raw : 0;
}

const listeners = new Set<() => void>();
const subscribe = (fn: () => void) => {
  listeners.add(fn);
  window.addEventListener('storage', fn);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('storage', fn);
  };
};

function setStoredInterval(ms: number): void {
  if (ms) window.localStorage.setItem(AUTO_REFRESH_KEY, String(ms));
  else window.localStorage.removeItem(AUTO_REFRESH_KEY);
  listeners.forEach((fn) => fn());
}

export function AutoRefresh() {
  const interval = useSyncExternalStore(subscribe, storedInterval, () => 0);
  const queryClient = useQueryClient();
  const applying = useIsMutating({ mutationKey: applyMutationKey }) > 0;
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!interval) return;
    const id = window.setInterval(() => setTick((t) => t + 1), interval);
    return () => window.clearInterval(id);
  }, [interval]);

  useEffect(() => {
    if (!tick || applying || document.hidden || document.querySelector('dialog[open]')) return;
    if (queryClient.isFetching({ queryKey: topologyQueryKey })) return;
    void queryClient.refetchQueries({ queryKey: topologyQueryKey, type: 'active' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a tick starts a refresh
  }, [tick]);

  return (
    <select
      aria-label="Auto-refresh"
      data-testid="auto-refresh"
      title="Re-read the account from EC2 on a timer; what changed outside this console is highlighted and listed"
      value={interval}
      onChange={(e) => setStoredInterval(Number(e.target.value))}
      className={cn(
        'h-8 rounded-md border bg-surface px-1.5 text-xs',
        interval ? 'border-accent font-medium text-fg' : 'border-line-strong text-muted',
      )}
    >
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
