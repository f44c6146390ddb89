// What the toasts say after an apply: done (with Undo), verification pending, failed part-way or rolled back;
// and the fresh plan when the account changed between the review and the confirm. Plain functions, no React.
import { z } from 'zod';
import type { Failure } from '@/lib/result';
import { type Applied, planSchema, type Plan } from '@/lib/topology';
import { stepReportSchema, type StepReport } from '@/lib/topology/outcome';
import type { ToastInput } from './toasts';
import type { ApplyVariables } from './use-apply-plans';

/** The per-call outcomes a failed apply reports (details.steps), validated: the answer crossed the network. */
function stepsOf(failure: Failure): StepReport[] {
  const parsed = z.array(stepReportSchema).safeParse((failure.details as { steps?: unknown } | undefined)?.steps);
  return parsed.success ? parsed.data : [];
}

function failureLines(failure: Failure): string[] {
  return [failure.message, ...(failure.reasons ?? []).map((r) => r.message)];
}

export function appliedToast(vars: ApplyVariables, applied: Applied[], undo: () => void): ToastInput {
  const plans = applied.map((a) => a.plan);
  if (vars.undo) {
    return {
      tone: 'success',
      title: `Undone: ${vars.label}`,
      lines: [...plans.map((p) => p.summary), 'EC2 confirms the previous layout.'],
    };
  }
  const pending = applied.filter((a) => a.verification === 'pending');
  return {
    tone: pending.length ? 'pending' : 'success',
    title: pending.length ? `Applied, verification pending: ${vars.label}` : `Done: ${vars.label}`,
    lines: [
      ...plans.map((p) => p.summary),
      ...(pending.length ? pending.map((a) => a.pending ?? '') : ['Applied and verified against EC2.']),
    ],
    steps: pending.length ? applied.flatMap((a) => a.steps) : undefined,
    action: { label: 'Undo', onClick: undo },
  };
}

/**
 * The plan as it would be now, when the account changed between the review and the confirm and nothing ran:
 * the dialog shows it again rather than a failure.
 */
export function stalePlan(vars: ApplyVariables, failure: Failure, applied: Applied[]): Plan | null {
  if (failure.code !== 'stale' || applied.length > 0 || vars.plans.length !== 1) return null;
  const fresh = planSchema.safeParse((failure.details as { plan?: unknown } | undefined)?.plan);
  return fresh.success ? fresh.data : null;
}

export function failedToast(vars: ApplyVariables, failure: Failure, applied: Applied[], failedAt: number): ToastInput {
  const plan = vars.plans[failedAt];
  const done = applied.length ? [`Applied before the failure: ${applied.map((a) => a.plan.summary).join(' ')}`] : [];
  const steps = stepsOf(failure);
  // Only an observed outcome decides the title: a call made (or not known) is never called rolled back.
  const changed = applied.length > 0 || steps.some((s) => s.outcome !== 'not-done');
  return {
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
  };
}
