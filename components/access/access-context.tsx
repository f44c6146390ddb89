'use client';
// The signed-in person's access, resolved on the server and shared with every component that offers a change.
import { createContext, useContext, type ReactNode } from 'react';
import type { AccessView } from '@/lib/auth/access';

// Outside a provider (unit-rendered components) nothing may change: the safe default.
const AccessContext = createContext<AccessView | null>(null);

export function AccessProvider({ access, children }: { access: AccessView; children: ReactNode }) {
  return <AccessContext value={access}>{children}</AccessContext>;
}

export function useAccess(): AccessView | null {
  return useContext(AccessContext);
}

/** Whether the UI offers moves: drag handles, Confirm and Undo. */
export function useCanChange(): boolean {
  return useContext(AccessContext)?.canChange ?? false;
}
