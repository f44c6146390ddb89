'use client';
// What the moves machinery offers the rest of the view: the Undo state, which resources are being applied, and the
// one function that opens the plan dialog. Provided by MovesProvider (moves-provider.tsx).
import { createContext, useContext } from 'react';
import type { Move, Plan } from '@/lib/topology';

/** How a proposed change ended: applied (and verified or pending), failed (the toast says how), or cancelled. */
export type Proposed =
  { outcome: 'applied' } | { outcome: 'cancelled' } | { outcome: 'failed' | 'refused'; message: string };
export type MovesValue = {
  undo: () => void;
  undoLabel: string | null;
  busy: boolean;
  /**
   * Plans a sequence of moves on the snapshot on screen and opens the plan dialog for it, as a walkthrough's step
   * does; resolves when the dialog ends (applied, failed, cancelled) or at once when a move is refused.
   */
  propose: (moves: Move[], notice?: string) => Promise<Proposed>;
};
export const MovesContext = createContext<MovesValue>({
  undo: () => {},
  undoLabel: null,
  busy: false,
  propose: async () => ({ outcome: 'cancelled' }),
});
export const ApplyingContext = createContext<ReadonlySet<string>>(new Set());

export const useMoves = (): MovesValue => useContext(MovesContext);
/** Whether the element with this DOM id (dom-ids.ts) shows a resource whose move is being applied. */
export const useIsApplying = (domId: string): boolean => useContext(ApplyingContext).has(domId);

export type ReviewOptions = {
  /** DOM id (dom-ids.ts) to give focus back to when the dialog closes; default: the moved resource. */
  returnFocus?: string;
};

/**
 * Opens the plan dialog for a change: the one way anything in the view (a drop, a "Move to…" picker, a change form)
 * asks the user to confirm a change before it is applied. A move is checked first on the snapshot on screen with
 * the server's settings: a refused one opens nothing and a toast says why; an allowed one (or a plan already
 * checked) opens the dialog, whose Confirm applies it (fresh check, DryRun, steps, verify) and reports in a toast
 * with Undo. Returns whether the dialog opened.
 */
export type OpenPlanReview = (change: Move | Plan, options?: ReviewOptions) => boolean;
export const PlanReviewContext = createContext<OpenPlanReview>(() => false);
export const useOpenPlanReview = (): OpenPlanReview => useContext(PlanReviewContext);
