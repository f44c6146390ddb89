'use client';
// Drop → plan → confirm → apply → undo, put together: the toasts (toast-context), the plan under review
// (usePlanReview), the undo history (useUndoHistory) and the apply mutation (useApplyPlans); it renders the plan
// dialog and tells every card which resources are being applied (moves-context).
import { useMutationState } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { applyMutationKey } from '@/lib/queries/moves';
import type { TopologyData } from '@/lib/queries/topology';
import { planSequence, type Move, type Plan } from '@/lib/topology';
import { newProgressId } from '../../failover/failover-api';
import { movedSubjectDomId } from '../dom-ids';
import type { TopologyIndex } from '../model/topology-index';
import { PlanDialog } from '../plan-dialog';
import { focusDomId } from '../topology-context';
import { useLatest } from '../use-latest';
import { ApplyProgress } from './apply-progress';
import { appliedToast, failedToast, stalePlan } from './apply-toasts';
import { ApplyingContext, MovesContext, PlanReviewContext, type MovesValue, type Proposed } from './moves-context';
import { sequenceWords } from './sequence';
import { ToastProvider, useToast } from './toast-context';
import { useApplyPlans, type ApplyVariables } from './use-apply-plans';
import { usePlanReview } from './use-plan-review';
import { useUndoHistory } from './use-undo-history';

type Props = { data: TopologyData; index: TopologyIndex; children: ReactNode };

export function MovesProvider({ data, index, children }: Props) {
  return (
    <ToastProvider>
      <Moves data={data} index={index}>
        {children}
      </Moves>
    </ToastProvider>
  );
}

function Moves({ data, index, children }: Props) {
  const { show } = useToast();
  const { review, open, close, openPlanReview } = usePlanReview(data, index);
  const reviewUndo = useCallback((plans: Plan[]) => open({ plans, undo: true }), [open]);
  const history = useUndoHistory({ data, index, reviewUndo, reviewing: review !== null });
  const undo = useLatest(history.undo);
  const keepFocus = useFocusKeeper(data);
  // The caller of propose() waits for the dialog it opened to be confirmed and applied, or cancelled.
  const proposal = useRef<((p: Proposed) => void) | null>(null);
  const settle = useCallback((p: Proposed) => {
    proposal.current?.(p);
    proposal.current = null;
  }, []);

  const mutation = useApplyPlans({
    onApplied: (vars, applied) => {
      if (vars.undo) history.dropLast();
      else history.record(applied.map((a) => a.plan));
      show(appliedToast(vars, applied, () => undo.current()));
    },
    onFailed: (vars, failure, applied, failedAt) => {
      const fresh = stalePlan(vars, failure, applied);
      // The account changed between the review and the confirm: show what would happen now.
      if (fresh)
        open({
          plans: [fresh],
          undo: vars.undo,
          notice: `The account changed since the drag. ${failure.message} Review the updated plan.`,
        });
      else show(failedToast(vars, failure, applied, failedAt));
    },
  });

  const pending = useMutationState({
    filters: { mutationKey: applyMutationKey, status: 'pending' },
    select: (m) => m.state.variables as ApplyVariables | undefined,
  });
  const applying = useMemo(
    () => new Set(pending.flatMap((v) => v?.plans.map((p) => movedSubjectDomId(p.move)) ?? [])),
    [pending],
  );

  const propose = useCallback(
    (moves: Move[], notice?: string): Promise<Proposed> => {
      const sequence = planSequence(data, moves, data.settings);
      if (!sequence.ok)
        return Promise.resolve({ outcome: 'refused', message: sequence.reasons.map((r) => r.message).join(' ') });
      settle({ outcome: 'cancelled' });
      return new Promise((resolve) => {
        proposal.current = resolve;
        open({ plans: sequence.plans, undo: false, notice });
      });
    },
    [data, settle, open],
  );

  const busy = mutation.isPending;
  const value = useMemo<MovesValue>(
    () => ({ undo: history.undo, undoLabel: history.undoLabel, busy, propose }),
    [history.undo, history.undoLabel, busy, propose],
  );

  return (
    <MovesContext value={value}>
      <ApplyingContext value={applying}>
        <PlanReviewContext value={openPlanReview}>{children}</PlanReviewContext>
      </ApplyingContext>
      {review ? (
        <PlanDialog
          key={JSON.stringify(review.plans.map((p) => p.move)) + (review.notice ?? '')}
          review={review}
          index={index}
          onCancel={() => {
            close();
            settle({ outcome: 'cancelled' });
          }}
          onConfirm={() => {
            keepFocus(review.returnFocus ?? movedSubjectDomId(review.plans[0]!.move));
            close();
            const waiting = proposal.current;
            proposal.current = null;
            mutation.mutate(
              {
                plans: review.plans,
                undo: review.undo,
                label: sequenceWords(
                  index,
                  review.plans.map((p) => p.move),
                ),
                progressIds: review.plans.map(() => newProgressId()),
              },
              {
                onSuccess: (o) =>
                  waiting?.(o.ok ? { outcome: 'applied' } : { outcome: 'failed', message: o.failure.message }),
                onError: (err) => waiting?.({ outcome: 'failed', message: (err as Error).message }),
              },
            );
          }}
        />
      ) : null}
      <ApplyProgress applying={pending} />
    </MovesContext>
  );
}

/**
 * Keeps keyboard focus on the moved resource while the view catches up: the optimistic layout and then EC2's
 * verified one each re-render it in a new place, and an element React moves loses focus to <body>. For a few
 * seconds after a confirm, whenever focus has fallen to <body>, it goes back to the resource where it now is.
 */
function useFocusKeeper(data: unknown): (domId: string) => void {
  const target = useRef<{ domId: string; until: number } | null>(null);
  useEffect(() => {
    let raf = 0;
    let frames = 0;
    const restore = () => {
      const t = target.current;
      if (!t || Date.now() > t.until) return;
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      if (!focusDomId(t.domId) && frames++ < 30) raf = requestAnimationFrame(restore);
    };
    raf = requestAnimationFrame(restore);
    return () => cancelAnimationFrame(raf);
  }, [data]);
  return useCallback((domId: string) => {
    target.current = { domId, until: Date.now() + 20_000 };
  }, []);
}
