'use client';
// The console's toasts as a context on top of useToasts: any part of the view (drops, undo, applies, a change
// form) says what happened with useToast().show, and one region under the provider shows them.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Reason } from '@/lib/topology';
import { ToastRegion, useToasts, type ToastInput } from './toasts';

type ToastApi = { show: (toast: ToastInput) => number; dismiss: (id: number) => void };
const ToastContext = createContext<ToastApi>({ show: () => 0, dismiss: () => {} });

export const useToast = (): ToastApi => useContext(ToastContext);

export function ToastProvider({ children }: { children: ReactNode }) {
  const { toasts, show, dismiss } = useToasts();
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext value={api}>
      {children}
      <ToastRegion toasts={toasts} onDismiss={dismiss} />
    </ToastContext>
  );
}

/** A change the rules refuse before anything is sent: the title, each reason, and that EC2 was not touched. */
export function refusedToast(title: string, reasons: readonly Reason[]): ToastInput {
  return { tone: 'refused', title, lines: [...reasons.map((r) => r.message), 'Nothing was sent to EC2.'] };
}
