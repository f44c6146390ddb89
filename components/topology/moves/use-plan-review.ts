'use client';
// The plan under review: what the plan dialog shows (a drop's plan, an undo, the fresh plan after the account
// changed), and openPlanReview, the function the view uses to put a move or a plan there.
import { useCallback, useMemo, useState } from 'react';
import type { TopologyData } from '@/lib/queries/topology';
import { checkMove, type Move, type Plan } from '@/lib/topology';
import type { TopologyIndex } from '../model/topology-index';
import type { Review } from '../plan-dialog';
import type { OpenPlanReview } from './moves-context';
import { moveWords } from './sequence';
import { refusedToast, useToast } from './toast-context';

export type PlanReview = {
  /** What the dialog shows, or null when it is closed. */
  review: Review | null;
  /** Puts plans (already checked) up for review, replacing any open one. */
  open: (review: Review) => void;
  close: () => void;
  /** See OpenPlanReview in moves-context.ts. */
  openPlanReview: OpenPlanReview;
};

const isPlan = (change: Move | Plan): change is Plan => 'move' in change && 'steps' in change;

export function usePlanReview(data: TopologyData, index: TopologyIndex): PlanReview {
  const [review, setReview] = useState<Review | null>(null);
  const { show } = useToast();
  const close = useCallback(() => setReview(null), []);

  const openPlanReview = useCallback<OpenPlanReview>(
    (change, options = {}) => {
      let plan: Plan;
      if (isPlan(change)) plan = change;
      else {
        // The browser checks with the server's settings, so both refuse the same moves.
        const verdict = checkMove(data, change, data.settings);
        if (!verdict.ok) {
          show(refusedToast(`Not moved: ${moveWords(index, change)} is refused`, verdict.reasons));
          return false;
        }
        plan = verdict.plan;
      }
      setReview({ plans: [plan], undo: false, returnFocus: options.returnFocus });
      return true;
    },
    [data, index, show],
  );

  return useMemo(() => ({ review, open: setReview, close, openPlanReview }), [review, close, openPlanReview]);
}
