'use client';
// Toasts: what a move did (with Undo), what each EC2 call of a failed one did, why a drop or an undo was refused.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { AlertIcon, BanIcon, CheckIcon, CloseIcon } from '@/components/ui/icons';
import type { StepReport } from '@/lib/topology/outcome';
import { StepOutcomes } from './step-outcomes';

/** pending: every call succeeded, EC2's read-back has not confirmed it yet (a success, shown apart). */
export type ToastTone = 'success' | 'pending' | 'error' | 'refused' | 'info';
export type ToastInput = {
  tone: ToastTone;
  title: string;
  lines?: string[];
  /** Each EC2 call's outcome, as observed (shown when something went wrong or is not confirmed). */
  steps?: StepReport[];
  action?: { label: string; onClick: () => void };
  /** Milliseconds before it goes by itself (default: 10 s, 30 s for an error or a refusal: long enough to read). */
  timeout?: number;
};
type Toast = ToastInput & { id: number };

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback((input: ToastInput) => {
    const id = ++next.current;
    // Newest last; at most three on screen, and a repeat replaces its older copy instead of piling up.
    setToasts((list) => [...list.filter((t) => t.title !== input.title).slice(-2), { ...input, id }]);
    return id;
  }, []);
  return useMemo(() => ({ toasts, show, dismiss }), [toasts, show, dismiss]);
}

const icons: Record<ToastTone, ReactNode> = {
  success: <CheckIcon className="size-4 text-ok" />,
  pending: <span className="size-2.5 rounded-full border-2 border-warn" />,
  error: <AlertIcon className="size-4 text-danger" />,
  refused: <BanIcon className="size-4 text-danger" />,
  info: <span className="size-2 rounded-full bg-accent" />,
};

/** Errors and refusals stay twice as long as the longest message takes to read, then go. */
export const ERROR_TIMEOUT_MS = 30_000;

export function ToastRegion({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div
      role="region"
      aria-label="Notifications"
      className="pointer-events-none fixed right-4 bottom-4 z-[80] xl:right-[23rem] flex w-[min(28rem,calc(100vw-2rem))] flex-col gap-2"
    >
      {toasts.map((t) => (
        <ToastCard key={t.id} toast={t} onDismiss={onDismiss} />
      ))}
    </div>
  );
}

function ToastCard({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const urgent = toast.tone === 'error' || toast.tone === 'refused';
  const timeout = toast.timeout ?? (urgent ? ERROR_TIMEOUT_MS : 10_000);
  // Paused while the pointer or focus is on it: nobody loses a message they are reading (WCAG 2.2.1).
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!timeout || held) return;
    const t = setTimeout(() => onDismiss(toast.id), timeout);
    return () => clearTimeout(t);
  }, [timeout, held, toast.id, onDismiss]);
  return (
    <div
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      role={urgent ? 'alert' : 'status'}
      data-testid="toast"
      data-tone={toast.tone}
      className={cn(
        'pointer-events-auto flex gap-3 rounded-lg border bg-surface p-3 shadow-lg',
        urgent ? 'border-danger/40' : toast.tone === 'pending' ? 'border-warn/50' : 'border-line',
      )}
    >
      <span className="mt-0.5 flex size-4 shrink-0 items-center justify-center">{icons[toast.tone]}</span>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="text-13 font-semibold text-fg">{toast.title}</p>
        {toast.lines?.length ? (
          <ul className="flex flex-col gap-0.5 text-xs text-muted">
            {toast.lines.map((line, i) => (
              <li key={i} className="break-words">
                {line}
              </li>
            ))}
          </ul>
        ) : null}
        {toast.steps?.length ? <StepOutcomes steps={toast.steps} /> : null}
        {toast.action ? (
          <div className="pt-1">
            <button
              type="button"
              onClick={() => {
                onDismiss(toast.id);
                toast.action!.onClick();
              }}
              className="rounded-md border border-line-strong px-2 py-1 text-xs font-medium text-fg hover:bg-subtle"
            >
              {toast.action.label}
            </button>
          </div>
        ) : null}
      </div>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => onDismiss(toast.id)}
        className="flex size-6 shrink-0 items-center justify-center rounded text-faint hover:bg-subtle hover:text-fg"
      >
        <CloseIcon className="size-3.5" />
      </button>
    </div>
  );
}
