'use client';
// "Fail over to…": the failover's plan (every part, every call), a rehearsal, and the apply with its steps shown as
// they happen (polled from /api/progress/{id}) and, at the end, each call's observed outcome and timing.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DialogCloseButton, ModalDialog } from '@/components/ui/modal-dialog';
import { AlertIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { topologyQueryKey } from '@/lib/queries/topology';
import type { Failover, FailoverPlan } from '@/lib/topology';
import { StepOutcomes } from '../topology/moves/step-outcomes';
import { formatElapsed, useElapsedSeconds } from '../topology/elapsed';
import {
  type Applied,
  applyFailover,
  type Failed,
  newProgressId,
  planAndApply,
  planFailover,
  type Progress,
  readProgress,
  type Rehearsed,
  rehearseFailover,
  seconds,
} from './failover-api';

type Phase =
  | { kind: 'planning' }
  | { kind: 'planned'; plan: FailoverPlan; rehearsal?: Rehearsed['rehearsal'] }
  | { kind: 'applying'; plan: FailoverPlan; progressId: string }
  | { kind: 'done'; result: Applied; failback?: 'running' | 'done' | string }
  | { kind: 'failed'; failure: Failed; plan?: FailoverPlan };

export function FailoverDialog({
  failover,
  fromName,
  toName,
  onClose,
  onApplied,
}: {
  failover: Failover;
  fromName: string;
  toName: string;
  onClose: () => void;
  /** Told when the failover was applied (a walkthrough waits for it). */
  onApplied?: (result: Applied) => void;
}) {
  const titleId = useId();
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ kind: 'planning' });
  const [rehearsing, setRehearsing] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const elapsed = useElapsedSeconds(phase.kind === 'applying');

  useEffect(() => {
    let live = true;
    void planFailover(failover).then(
      (r) => live && setPhase(r.ok ? { kind: 'planned', plan: r.plan } : { kind: 'failed', failure: r }),
    );
    return () => {
      live = false;
    };
  }, [failover]);

  useEffect(() => {
    if (phase.kind !== 'applying') return;
    const t = setInterval(() => void readProgress(phase.progressId).then((r) => r.ok && setProgress(r.progress)), 250);
    return () => clearInterval(t);
  }, [phase]);

  const rehearse = async (plan: FailoverPlan) => {
    setRehearsing(true);
    const r = await rehearseFailover(failover);
    setRehearsing(false);
    setPhase(r.ok ? { kind: 'planned', plan, rehearsal: r.rehearsal } : { kind: 'failed', failure: r, plan });
  };
  const apply = async (plan: FailoverPlan) => {
    const progressId = newProgressId();
    setProgress(null);
    setPhase({ kind: 'applying', plan, progressId });
    const r = await applyFailover(failover, plan, progressId);
    setPhase(r.ok ? { kind: 'done', result: r } : { kind: 'failed', failure: r, plan });
    if (r.ok) onApplied?.(r);
    void queryClient.invalidateQueries({ queryKey: topologyQueryKey });
  };

  const failBack = async (result: Applied) => {
    setPhase({ kind: 'done', result, failback: 'running' });
    for (const move of result.plan.inverse) {
      const r = await planAndApply(move);
      if (!r.ok) {
        setPhase({ kind: 'done', result, failback: r.message });
        void queryClient.invalidateQueries({ queryKey: topologyQueryKey });
        return;
      }
    }
    setPhase({ kind: 'done', result, failback: 'done' });
    void queryClient.invalidateQueries({ queryKey: topologyQueryKey });
  };

  const plan = 'plan' in phase ? phase.plan : phase.kind === 'done' ? phase.result.plan : undefined;
  return (
    <ModalDialog
      testId="failover-dialog"
      labelledBy={titleId}
      onCancel={() => {
        if (phase.kind !== 'applying') onClose();
      }}
      className="max-h-[min(88vh,56rem)] w-[min(46rem,calc(100vw-2rem))]"
    >
      <header className="flex items-start gap-3 border-b border-line px-5 pt-4 pb-3">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <p className="text-2xs font-semibold tracking-wide text-muted uppercase">
            Failover plan{plan ? ` · ${plan.steps.length} EC2 calls` : ''}
          </p>
          <h2 id={titleId} className="text-base leading-snug font-semibold">
            Fail over {fromName} to {toName}
          </h2>
          {plan ? <p className="text-xs text-muted">{plan.summary}</p> : null}
        </div>
        <DialogCloseButton onClick={onClose} disabled={phase.kind === 'applying'} />
      </header>

      <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto px-5 py-4 text-xs">
        {phase.kind === 'planning' ? (
          <p className="flex items-center gap-2 text-muted">
            <Spinner /> Checking the failover on fresh state…
          </p>
        ) : null}
        {phase.kind === 'failed' ? (
          <div
            role="alert"
            data-testid="failover-failure"
            className="flex flex-col gap-2 rounded-md border border-danger/30 bg-danger-soft px-3 py-2"
          >
            <p className="flex gap-2 text-fg">
              <AlertIcon className="mt-0.5 size-3.5 shrink-0 text-danger" />
              {phase.failure.message}
            </p>
            {phase.failure.details?.steps?.length ? <StepOutcomes steps={phase.failure.details.steps} /> : null}
            {phase.failure.details?.timings ? (
              <p className="text-muted">Took {seconds(phase.failure.details.timings.totalMs)} in all.</p>
            ) : null}
          </div>
        ) : null}
        {phase.kind === 'planned' ? <Parts plan={phase.plan} /> : null}
        {phase.kind === 'planned' && phase.rehearsal ? (
          <p
            role="status"
            data-testid="failover-rehearsal"
            className="rounded-md border border-ok/40 bg-subtle px-3 py-2 text-fg"
          >
            Rehearsal passed: every check, and the DryRun of {phase.rehearsal.dryRuns.length}{' '}
            {phase.rehearsal.dryRuns.length === 1 ? 'call' : 'calls'}
            {phase.rehearsal.noDryRun.length
              ? ` (${phase.rehearsal.noDryRun.map((s) => s.action).join(', ')} ${phase.rehearsal.noDryRun.length === 1 ? 'has' : 'have'} no DryRun in EC2)`
              : ''}
            . Nothing was changed.{' '}
            {phase.rehearsal.expectedMs === null
              ? 'Expected duration: not observed yet on this console.'
              : `Expected duration: about ${seconds(phase.rehearsal.expectedMs)}, from the steps this console observed.`}
          </p>
        ) : null}
        {phase.kind === 'applying' ? (
          <div role="status" data-testid="failover-progress" className="flex flex-col gap-2">
            <p className="flex items-center gap-2 font-medium">
              <Spinner /> Applying · {formatElapsed(elapsed)}
            </p>
            <ol className="flex flex-col gap-1">
              {(progress?.steps ?? []).map((s) => (
                <li key={`${s.index}-${s.restore}`} className="flex gap-2">
                  <Badge tone={s.outcome === 'done' ? 'ok' : 'warn'} className="font-mono text-2xs">
                    {s.outcome === 'done'
                      ? s.action === 'DetachNetworkInterface'
                        ? 'available'
                        : s.action === 'AttachNetworkInterface'
                          ? 'attached'
                          : 'done'
                      : s.outcome}
                  </Badge>
                  <span>
                    {s.restore ? 'Restore: ' : ''}
                    {s.description} <span className="text-faint">{seconds(s.ms)}</span>
                  </span>
                </li>
              ))}
              {progress?.current ? <li className="text-muted">{progress.current}</li> : null}
            </ol>
          </div>
        ) : null}
        {phase.kind === 'done' ? (
          <div role="status" data-testid="failover-done" className="flex flex-col gap-2">
            <p className="font-medium text-ok">
              Failed over in {seconds(phase.result.timings.totalMs)}
              {phase.result.verification === 'pending'
                ? ' (EC2 has not confirmed every change yet)'
                : ', verified by reading it back'}
              .
            </p>
            <StepOutcomes steps={phase.result.steps} />
            <ul data-testid="failover-timings" className="flex flex-col gap-0.5 text-muted">
              {phase.result.timings.steps.map((t) => (
                <li key={t.index}>
                  Step {t.index}, {t.action}: {seconds(t.ms)}
                </li>
              ))}
            </ul>
            {phase.failback === 'done' ? (
              <p data-testid="failback-done" className="font-medium text-ok">
                Failed back: everything is on {fromName} again.
              </p>
            ) : phase.failback && phase.failback !== 'running' ? (
              <p role="alert" className="text-danger">
                Failing back stopped: {phase.failback}
              </p>
            ) : (
              <p className="text-muted">
                Fail back moves it all to {fromName} again: {phase.result.plan.inverse.length}{' '}
                {phase.result.plan.inverse.length === 1 ? 'move' : 'moves'}, last part first, each planned and checked.
              </p>
            )}
          </div>
        ) : null}
      </div>

      <footer className="flex flex-wrap items-center justify-end gap-2 border-t border-line bg-canvas/60 px-5 py-3">
        <p className="mr-auto text-2xs text-faint">Checked as a whole; rolled back if a part fails.</p>
        {phase.kind === 'planned' ? (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button onClick={() => void rehearse(phase.plan)} disabled={rehearsing} data-testid="failover-rehearse">
              {rehearsing ? 'Rehearsing…' : 'Rehearse'}
            </Button>
            <Button variant="primary" onClick={() => void apply(phase.plan)} data-testid="failover-confirm">
              Confirm failover
            </Button>
          </>
        ) : (
          <>
            {phase.kind === 'done' && phase.failback !== 'done' ? (
              <Button
                onClick={() => void failBack(phase.result)}
                disabled={phase.failback === 'running'}
                data-testid="failover-failback"
              >
                {phase.failback === 'running' ? 'Failing back…' : 'Fail back'}
              </Button>
            ) : null}
            <Button
              onClick={onClose}
              disabled={phase.kind === 'applying' || (phase.kind === 'done' && phase.failback === 'running')}
              data-testid="failover-close"
            >
              Close
            </Button>
          </>
        )}
      </footer>
    </ModalDialog>
  );
}

function Parts({ plan }: { plan: FailoverPlan }) {
  // Steps are numbered across parts, as the apply reports them.
  const firstOf = plan.parts.map((_, i) => plan.parts.slice(0, i).reduce((sum, p) => sum + p.steps.length, 0) + 1);
  return (
    <>
      {plan.parts.map((part, i) => (
        <section key={i} aria-label={`Part ${i + 1} of ${plan.parts.length}`} className="flex flex-col gap-2">
          <h3 className="text-13 font-semibold">
            <span className="text-muted">
              Part {i + 1} of {plan.parts.length} ·{' '}
            </span>
            {part.summary}
          </h3>
          <ol className="flex flex-col gap-1.5">
            {part.steps.map((s, j) => (
              <li key={j} data-testid="plan-step" className="flex flex-col gap-0.5">
                <span className="font-mono font-semibold">
                  {firstOf[i]! + j}. {s.action}
                  {s.supportsDryRun ? (
                    <Badge tone="outline" className="ml-2">
                      DryRun first
                    </Badge>
                  ) : null}
                </span>
                <code className="font-mono text-2xs break-all text-muted">{s.cli}</code>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {plan.sideEffects.length ? (
        <ul className="flex list-disc flex-col gap-1 pl-4 marker:text-faint">
          {plan.sideEffects.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
