'use client';
// The plan of a drop (or an undo), before anything is sent: ordered steps with their aws CLI lines, side
// effects, the hourly cost change and the undo it will have. A modal <dialog>: focus stays inside, Escape
// cancels, the title labels it.
import { useEffect, useId, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DialogCloseButton, ModalDialog } from '@/components/ui/modal-dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { AlertIcon, UndoIcon } from '@/components/ui/icons';
import { applyMoves, type Plan, type Step, type Snapshot } from '@/lib/topology';
import { guestConfigFor, guestConfigTargetOf } from '@/lib/topology/guest-config';
import { GuestConfigDialog } from './guest-config-dialog';
import type { TopologyIndex } from './model/topology-index';
import { costWords, sequenceWords } from './moves/sequence';
import { focusDomId } from './topology-context';

export type Review = {
  plans: Plan[];
  /** An undo: applying it pops the undo history instead of adding to it. */
  undo: boolean;
  /** Shown above the plan, e.g. when the account changed and this is the fresh plan. */
  notice?: string;
  /** DOM id to give focus back to when the dialog closes. */
  returnFocus?: string;
};

type Props = { review: Review; index: TopologyIndex; onConfirm: () => void; onCancel: () => void };

const waits: Record<NonNullable<Step['waitFor']>, string> = {
  'eni-available': 'then waits until the ENI is available',
  'eni-attached': 'then waits until the ENI is attached',
  'instance-stopped': 'then waits until the instance is stopped',
  'instance-running': 'then waits until the instance is running',
};

export function PlanDialog({ review, index, onConfirm, onCancel }: Props) {
  const titleId = useId();
  const { plans, undo } = review;
  const steps = plans.reduce((n, p) => n + p.steps.length, 0);
  const cost = plans.reduce((sum, p) => sum + p.hourlyCostDelta, 0);
  const inverse = [...plans].reverse().flatMap((p) => p.inverse);
  const [guest, setGuest] = useState<{ instanceId: string; after: Snapshot; summary: string } | null>(null);

  useEffect(() => {
    const returnTo = review.returnFocus;
    return () => {
      if (!returnTo) return;
      // After the view re-renders (the moved element may have a new place), put focus back on it.
      requestAnimationFrame(() => focusDomId(returnTo));
    };
  }, [review.returnFocus]);

  return (
    <ModalDialog
      testId="plan-dialog"
      labelledBy={titleId}
      // Escape: close through state, so React stays the owner of the dialog.
      onCancel={onCancel}
      // Start on Confirm, so a keyboard drop can be confirmed with Enter (Escape or Tab to Cancel still back out).
      initialFocus={(dialog) => dialog.querySelector<HTMLElement>('[data-confirm]')}
      className="max-h-[min(88vh,56rem)] w-[min(46rem,calc(100vw-2rem))]"
    >
      <header className="flex items-start gap-3 border-b border-line px-5 pt-4 pb-3">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <p className="flex items-center gap-1.5 text-2xs font-semibold tracking-wide text-muted uppercase">
            {undo ? <UndoIcon className="size-3" /> : null}
            {undo ? 'Undo plan' : 'Plan'} · {steps} EC2 {steps === 1 ? 'call' : 'calls'}
          </p>
          <h2 id={titleId} className="text-base leading-snug font-semibold">
            {sequenceWords(
              index,
              plans.map((p) => p.move),
            )}
          </h2>
          {plans.length === 1 ? <p className="text-xs text-muted">{plans[0]!.summary}</p> : null}
        </div>
        <DialogCloseButton onClick={onCancel} label="Cancel" />
      </header>

      <div className="flex min-h-0 flex-1 flex-col gap-5 overflow-y-auto px-5 py-4">
        {review.notice ? (
          <p
            role="status"
            className="flex gap-2 rounded-md border border-warn/30 bg-warn-soft px-3 py-2 text-xs text-fg"
          >
            <AlertIcon className="mt-0.5 size-3.5 text-warn" />
            {review.notice}
          </p>
        ) : null}
        {plans.map((plan, i) => (
          <PlanSection
            key={i}
            plan={plan}
            n={i + 1}
            of={plans.length}
            guest={guestLink(index, plans, i)}
            onGuest={(g) => setGuest(g)}
          />
        ))}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-md bg-subtle/60 px-3 py-2.5 text-xs">
          <dt className="text-muted">Hourly cost</dt>
          <dd
            data-testid="plan-cost"
            className={cost > 0 ? 'font-medium text-warn' : cost < 0 ? 'font-medium text-ok' : 'text-fg'}
          >
            {costWords(cost)}
          </dd>
          <dt className="text-muted">Undo</dt>
          <dd data-testid="plan-undo" className="text-fg">
            {undo
              ? 'This is an undo: it is not added to the undo history.'
              : inverse.length
                ? `${sequenceWords(index, inverse)}.`
                : plans.some((p) => p.move.kind === 'create-eni' || p.move.kind === 'allocate-eip')
                  ? 'Deletes what this creates (its id is known once EC2 answers).'
                  : 'Nothing to undo.'}
          </dd>
        </dl>
      </div>

      <footer className="flex flex-wrap items-center justify-end gap-2 border-t border-line bg-canvas/60 px-5 py-3">
        <p className="mr-auto text-2xs text-faint">
          Checked again on fresh state, dry-run where EC2 allows, then verified.
        </p>
        <Button onClick={onCancel} data-testid="plan-cancel">
          Cancel
        </Button>
        <Button variant="primary" onClick={onConfirm} data-confirm data-testid="plan-confirm">
          {undo ? 'Confirm undo' : 'Confirm'}
        </Button>
      </footer>
      {guest ? (
        <GuestConfigDialog
          snapshot={guest.after}
          instanceId={guest.instanceId}
          afterMove={guest.summary}
          onClose={() => setGuest(null)}
        />
      ) : null}
    </ModalDialog>
  );
}

type GuestLink = { instanceId: string; name: string; after: Snapshot; summary: string };

/**
 * The guest whose OS configuration the i-th plan changes (an ENI attached to it, a secondary IP moved onto it),
 * with the snapshot as it will be after the plans up to this one; null when it needs no configuration then.
 */
function guestLink(index: TopologyIndex, plans: Plan[], i: number): GuestLink | null {
  const plan = plans[i]!;
  const instanceId = guestConfigTargetOf(index.snapshot, plan.move);
  if (!instanceId) return null;
  const after = applyMoves(
    index.snapshot,
    plans.slice(0, i + 1).map((p) => p.move),
  );
  const config = guestConfigFor(after, instanceId);
  if (!config?.needed) return null;
  return { instanceId, name: config.instance.name ?? instanceId, after, summary: plan.summary };
}

function PlanSection({
  plan,
  n,
  of,
  guest,
  onGuest,
}: {
  plan: Plan;
  n: number;
  of: number;
  guest: GuestLink | null;
  onGuest: (g: GuestLink) => void;
}) {
  return (
    <section className="flex flex-col gap-3" aria-label={of > 1 ? `Move ${n} of ${of}` : 'Steps'}>
      {of > 1 ? (
        <h3 className="text-13 font-semibold">
          <span className="text-muted">
            Move {n} of {of} ·{' '}
          </span>
          {plan.summary}
        </h3>
      ) : null}
      <ol className="flex flex-col gap-3">
        {plan.steps.map((step, i) => (
          <li key={i} data-testid="plan-step" className="flex gap-3">
            <span className="mt-px flex size-5 shrink-0 items-center justify-center rounded-full bg-accent-soft font-mono text-2xs font-semibold text-accent">
              {i + 1}
            </span>
            <div className="flex min-w-0 flex-1 flex-col gap-1.5">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className="font-mono text-xs font-semibold">{step.action}</span>
                {step.supportsDryRun ? <Badge tone="outline">DryRun first</Badge> : null}
                {step.waitFor ? <span className="text-2xs text-faint">{waits[step.waitFor]}</span> : null}
              </p>
              <p className="text-xs text-muted">{step.description}</p>
              <div className="flex items-start gap-1 rounded-md border border-line bg-canvas py-1.5 pr-1.5 pl-2.5">
                <code
                  data-testid="plan-cli"
                  className="min-w-0 flex-1 font-mono text-2xs leading-relaxed break-all text-fg"
                >
                  {step.cli}
                </code>
                <CopyButton value={step.cli} label={`Copy the aws CLI line of step ${i + 1}`} />
              </div>
            </div>
          </li>
        ))}
      </ol>
      {plan.sideEffects.length ? (
        <div className="flex flex-col gap-1">
          <h4 className="text-2xs font-semibold tracking-wide text-muted uppercase">Side effects</h4>
          <ul className="flex list-disc flex-col gap-1 pl-4 text-xs text-fg marker:text-faint">
            {plan.sideEffects.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {guest ? (
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-fg">
          <span>Guest OS of {guest.name}: policy routing for its interfaces and addresses after this change.</span>
          <button
            type="button"
            data-testid="plan-guest-config"
            onClick={() => onGuest(guest)}
            className="rounded font-medium text-accent hover:underline"
          >
            Open its guest OS configuration
          </button>
        </p>
      ) : null}
    </section>
  );
}
