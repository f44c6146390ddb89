'use client';
// Drop → plan → confirm → apply → undo: owns the plan dialog, the undo history, the toasts and the drag
// layer, and tells every card which resources are being applied.
import { useMutationState } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { z } from 'zod';
import { applyMutationKey } from '@/lib/queries/moves';
import type { TopologyData } from '@/lib/queries/topology';
import type { Failure } from '@/lib/result';
import { planSchema, type Plan } from '@/lib/topology';
import { stepReportSchema, type StepReport } from '@/lib/topology/outcome';
import { DragLayer, type DropOutcome } from '../drag/drag-layer';
import { movedSubject, sourceDomId, type DragKind } from '../drag/model';
import type { TopologyIndex } from '../model/topology-index';
import { PlanDialog, type Review } from '../plan-dialog';
import { focusDomId } from '../topology-context';
import { moveWords, planSequence, sequenceWords, undoMoves } from './sequence';
import { ToastRegion, useToasts } from './toasts';
import { useApplyPlans, type ApplyVariables } from './use-apply-plans';

type MovesValue = {
  undo: () => void;
  undoLabel: string | null;
  busy: boolean;
  /** Opens the plan dialog for a plan checked elsewhere (the change forms): confirm → apply → undo as for a drop. */
  propose: (plan: Plan, returnFocus?: string) => void;
};
const MovesContext = createContext<MovesValue>({ undo: () => {}, undoLabel: null, busy: false, propose: () => {} });
const ApplyingContext = createContext<ReadonlySet<string>>(new Set());

export const useMoves = (): MovesValue => useContext(MovesContext);
/** Whether the element with this DOM id shows a resource whose move is being applied. */
export const useIsApplying = (domId: string): boolean => useContext(ApplyingContext).has(domId);

const HISTORY = 20;

/** The per-call outcomes a failed apply reports (details.steps), validated: the answer crossed the network. */
function stepsOf(failure: Failure): StepReport[] {
  const parsed = z.array(stepReportSchema).safeParse((failure.details as { steps?: unknown } | undefined)?.steps);
  return parsed.success ? parsed.data : [];
}

function failureLines(failure: Failure): string[] {
  return [failure.message, ...(failure.reasons ?? []).map((r) => r.message)];
}

type Props = {
  data: TopologyData;
  index: TopologyIndex;
  railVisible: boolean;
  onDragKind?: (kind: DragKind | null) => void;
  children: ReactNode;
};

export function MovesProvider({ data, index, railVisible, onDragKind, children }: Props) {
  const [review, setReview] = useState<Review | null>(null);
  const [history, setHistory] = useState<Plan[][]>([]);
  const { toasts, show, dismiss } = useToasts();
  const keepFocus = useFocusKeeper(data);

  const mutation = useApplyPlans({
    onApplied: (vars, applied) => {
      const plans = applied.map((a) => a.plan);
      if (vars.undo) {
        setHistory((h) => h.slice(0, -1));
        show({
          tone: 'success',
          title: `Undone: ${vars.label}`,
          lines: [...plans.map((p) => p.summary), 'EC2 confirms the previous layout.'],
        });
        return;
      }
      setHistory((h) => [...h.slice(-(HISTORY - 1)), plans]);
      const pending = applied.filter((a) => a.verification === 'pending');
      show({
        tone: pending.length ? 'pending' : 'success',
        title: pending.length ? `Applied, verification pending: ${vars.label}` : `Done: ${vars.label}`,
        lines: [
          ...plans.map((p) => p.summary),
          ...(pending.length ? pending.map((a) => a.pending ?? '') : ['Applied and verified against EC2.']),
        ],
        steps: pending.length ? applied.flatMap((a) => a.steps) : undefined,
        action: { label: 'Undo', onClick: () => undoRef.current() },
      });
    },
    onFailed: (vars, failure, applied, failedAt) => {
      const fresh =
        failure.code === 'stale'
          ? planSchema.safeParse((failure.details as { plan?: unknown } | undefined)?.plan)
          : null;
      if (fresh?.success && applied.length === 0 && vars.plans.length === 1) {
        // The account changed between the drag and the confirm: show what would happen now.
        setReview({
          plans: [fresh.data],
          undo: vars.undo,
          notice: `The account changed since the drag. ${failure.message} Review the updated plan.`,
        });
        return;
      }
      const plan = vars.plans[failedAt];
      const done = applied.length
        ? [`Applied before the failure: ${applied.map((a) => a.plan.summary).join(' ')}`]
        : [];
      const steps = stepsOf(failure);
      // Only an observed outcome decides the title: a call made (or not known) is never called rolled back.
      const changed = applied.length > 0 || steps.some((s) => s.outcome !== 'not-done');
      show({
        tone: 'error',
        title: changed
          ? `Failed part-way: ${vars.undo ? 'the undo' : vars.label}`
          : `Rolled back: ${vars.undo ? 'the undo' : vars.label} failed`,
        // The failing plan's own words first, then EC2's answer.
        lines: [
          ...(plan ? [plan.summary] : []),
          ...failureLines(failure),
          ...done,
          'Refreshing from EC2 to show where everything is now.',
        ],
        steps,
      });
    },
  });

  const busy = mutation.isPending;
  const pending = useMutationState({
    filters: { mutationKey: applyMutationKey, status: 'pending' },
    select: (m) => m.state.variables as ApplyVariables | undefined,
  });
  const applying = useMemo(
    () => new Set(pending.flatMap((v) => v?.plans.map((p) => movedSubject(p.move)) ?? [])),
    [pending],
  );

  const undo = useCallback(() => {
    const last = history[history.length - 1];
    if (!last || busy) return;
    const moves = undoMoves(last);
    if (moves.length === 0) {
      setHistory((h) => h.slice(0, -1));
      show({ tone: 'info', title: 'Nothing to undo for the last move.' });
      return;
    }
    const sequence = planSequence(data, moves, data.settings);
    if (!sequence.ok) {
      show({
        tone: 'refused',
        title: `Cannot undo now: ${moveWords(index, sequence.move)} is refused`,
        lines: [...sequence.reasons.map((r) => r.message), 'Nothing was sent to EC2.'],
      });
      return;
    }
    setReview({ plans: sequence.plans, undo: true });
  }, [history, busy, data, index, show]);
  const undoRef = useLatest(undo);

  const onDrop = useCallback(
    (outcome: DropOutcome) => {
      if (outcome.kind === 'plan') {
        setReview({ plans: [outcome.plan], undo: false, returnFocus: sourceDomId(outcome.source) });
        return;
      }
      show({
        tone: 'refused',
        title: outcome.title,
        lines: [...outcome.reasons.map((r) => r.message), 'Nothing was sent to EC2.'],
      });
    },
    [show],
  );

  // Ctrl/Cmd+Z undoes the last applied plan (not while typing, and not while a plan is open).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
      const t = e.target;
      if (t instanceof HTMLElement && (/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable)) return;
      if (review) return;
      e.preventDefault();
      undoRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [review, undoRef]);

  const last = history[history.length - 1];
  const value = useMemo<MovesValue>(
    () => ({
      undo,
      undoLabel: last ? last.map((p) => p.summary).join(' ') : null,
      busy,
      propose: (plan: Plan, returnFocus?: string) => setReview({ plans: [plan], undo: false, returnFocus }),
    }),
    [undo, last, busy],
  );

  return (
    <MovesContext value={value}>
      <ApplyingContext value={applying}>
        <DragLayer data={data} index={index} railVisible={railVisible} onDragKind={onDragKind} onDrop={onDrop}>
          {children}
        </DragLayer>
      </ApplyingContext>
      {review ? (
        <PlanDialog
          key={JSON.stringify(review.plans.map((p) => p.move)) + (review.notice ?? '')}
          review={review}
          index={index}
          onCancel={() => setReview(null)}
          onConfirm={() => {
            keepFocus(review.returnFocus ?? movedSubject(review.plans[0]!.move));
            setReview(null);
            mutation.mutate({
              plans: review.plans,
              undo: review.undo,
              label: sequenceWords(
                index,
                review.plans.map((p) => p.move),
              ),
            });
          }}
        />
      ) : null}
      <ToastRegion toasts={toasts} onDismiss={dismiss} />
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

function useLatest<T>(value: T): { readonly current: T } {
  const [ref] = useState(() => ({ current: value }));
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
