'use client';
// The apply mutation: confirmed plans run in order through the server action; the view shows the result at
// once (applyMove on the cache), takes EC2's verified state when it comes, and rolls back on failure.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applyMoveAction } from '@/lib/actions/apply';
import { scopeBody } from '@/lib/queries/scope';
import { applyMutationKey, mergeVerified, optimisticTopology } from '@/lib/queries/moves';
import { topologyQueryKey, type TopologyData } from '@/lib/queries/topology';
import type { Failure } from '@/lib/result';
import type { Applied, Plan } from '@/lib/topology';

/**
 * label: the plans in words, as the dialog titled them (the view changes before the toast names them).
 * progressIds: one per plan, sent with its apply so its steps can be shown as they happen (/api/progress/{id}).
 */
export type ApplyVariables = { plans: Plan[]; undo: boolean; label: string; progressIds?: string[] };

/** ok, or the first failure with the plans applied before it (for a sequence, they stay applied). */
export type ApplyOutcome =
  { ok: true; applied: Applied[] } | { ok: false; failure: Failure; applied: Applied[]; failedAt: number };

export type ApplyCallbacks = {
  onApplied: (vars: ApplyVariables, applied: Applied[]) => void;
  /** Called after the view is put back as it was before the optimistic update (steps that ran stay shown). */
  onFailed: (vars: ApplyVariables, failure: Failure, applied: Applied[], failedAt: number) => void;
};

async function runPlans({ plans, progressIds }: ApplyVariables): Promise<ApplyOutcome> {
  const applied: Applied[] = [];
  for (const [at, plan] of plans.entries()) {
    const progressId = progressIds?.[at];
    // The page's account and region: the server acts there (the default scope when the URL names none), and the
    // plan, made on this page's snapshot, is marked as made there (a plan made elsewhere is refused).
    const { scope } = scopeBody();
    const result = await applyMoveAction({
      move: plan.move,
      confirmed: scope ? { ...plan, scope } : plan,
      ...(progressId ? { progressId } : {}),
      ...(scope ? { scope } : {}),
    });
    if (!result.ok) return { ok: false, failure: result, applied, failedAt: at };
    applied.push(result);
  }
  return { ok: true, applied };
}

/** A thrown action (network down, server crash) becomes a failure the toast can explain. */
function thrownFailure(error: unknown): Failure {
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    code: 'internal',
    message: `The console server did not answer the apply (${message}). Nothing is known to have changed; refresh to see EC2's state.`,
  };
}

export function useApplyPlans({ onApplied, onFailed }: ApplyCallbacks) {
  const queryClient = useQueryClient();
  const restore = (previous: TopologyData | undefined) => {
    if (previous) queryClient.setQueryData(topologyQueryKey, previous);
  };
  return useMutation({
    mutationKey: applyMutationKey,
    mutationFn: runPlans,
    onMutate: async (vars: ApplyVariables) => {
      // A refetch landing now would overwrite the optimistic view with the state before the move.
      await queryClient.cancelQueries({ queryKey: topologyQueryKey });
      const previous = queryClient.getQueryData<TopologyData>(topologyQueryKey);
      if (previous) {
        const next = optimisticTopology(
          previous,
          vars.plans.map((p) => p.move),
        );
        if (next) queryClient.setQueryData(topologyQueryKey, next);
      }
      return { previous };
    },
    onSuccess: (outcome, vars, context) => {
      if (outcome.ok) {
        queryClient.setQueryData<TopologyData>(topologyQueryKey, (data) =>
          data ? outcome.applied.reduce((acc, a) => mergeVerified(acc, a.verified), data) : data,
        );
        onApplied(vars, outcome.applied);
        return;
      }
      restore(context?.previous);
      // Steps of a sequence that did run are real: show them on top of the restored view until the refetch.
      if (outcome.applied.length > 0) {
        queryClient.setQueryData<TopologyData>(topologyQueryKey, (data) => {
          if (!data) return data;
          const moved =
            optimisticTopology(
              data,
              outcome.applied.map((a) => a.plan.move),
            ) ?? data;
          return outcome.applied.reduce((acc, a) => mergeVerified(acc, a.verified), moved);
        });
      }
      onFailed(vars, outcome.failure, outcome.applied, outcome.failedAt);
    },
    onError: (error, vars, context) => {
      restore(context?.previous);
      onFailed(vars, thrownFailure(error), [], 0);
    },
    onSettled: () => {
      // Reconcile with EC2 once no other apply is still showing its optimistic state.
      if (queryClient.isMutating({ mutationKey: applyMutationKey }) === 1) {
        void queryClient.invalidateQueries({ queryKey: topologyQueryKey });
      }
    },
  });
}
