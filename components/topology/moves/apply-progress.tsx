'use client';
// The steps of a multi-step apply as they happen (detaching… available, attaching… attached), read from the same
// progress the server keeps for a failover (GET /api/progress/{id}), one progress id per confirmed plan.
import { useEffect, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { CheckIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { type Progress, readProgress, seconds } from '../../failover/failover-api';
import { formatElapsed, useElapsedSeconds } from '../elapsed';
import type { ApplyVariables } from './use-apply-plans';

/** What a done step left behind, in EC2's words: the ENI's state after a detach or an attach. */
function doneWord(action: string): string {
  if (action === 'DetachNetworkInterface') return 'available';
  if (action === 'AttachNetworkInterface') return 'attached';
  return 'done';
}

/** Polls every progress id of the apply every 250 ms while it runs; an id not started yet answers not-found. */
function useProgress(ids: readonly string[]): Record<string, Progress> {
  const [seen, setSeen] = useState<Record<string, Progress>>({});
  const key = ids.join(',');
  useEffect(() => {
    if (!key) return;
    let live = true;
    const poll = () =>
      key.split(',').forEach(
        (id) =>
          void readProgress(id).then((r) => {
            if (live && r.ok) setSeen((s) => ({ ...s, [id]: r.progress }));
          }),
      );
    poll();
    const t = setInterval(poll, 250);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [key]);
  return seen;
}

export function ApplyProgress({ applying }: { applying: readonly (ApplyVariables | undefined)[] }) {
  // Only a change of more than one call has steps worth following; one at a time is applied.
  const running = applying.find((v) => v && v.progressIds && v.plans.reduce((n, p) => n + p.steps.length, 0) > 1);
  // Once applied, its last steps stay on screen a moment (the last poll brings the final state), then it goes.
  const [vars, setVars] = useState<ApplyVariables | null>(null);
  if (running && running !== vars) setVars(running);
  useEffect(() => {
    if (running || !vars) return;
    const t = setTimeout(() => setVars(null), 2500);
    return () => clearTimeout(t);
  }, [running, vars]);
  const ids = vars?.progressIds ?? [];
  const seen = useProgress(ids);
  const elapsed = useElapsedSeconds(!!running);
  if (!vars) return null;
  let n = 0;
  return (
    <section
      role="status"
      aria-label="Apply progress"
      data-testid="apply-progress"
      className="fixed bottom-4 left-1/2 z-[70] flex w-[min(30rem,calc(100vw-2rem))] -translate-x-1/2 flex-col gap-2 rounded-lg border border-line bg-surface p-3 text-xs shadow-lg"
    >
      <p className="flex items-center gap-2 text-13 font-semibold text-fg">
        {running ? <Spinner /> : <CheckIcon className="size-4 text-ok" />}
        {running ? 'Applying' : 'Applied'}: {vars.label}
        {running ? <span className="ml-auto font-normal text-faint tabular-nums">{formatElapsed(elapsed)}</span> : null}
      </p>
      <ol className="flex flex-col gap-1.5">
        {vars.plans.flatMap((plan, p) => {
          const progress = seen[ids[p] ?? ''];
          const doneCount = progress?.steps.filter((s) => !s.restore).length ?? 0;
          return plan.steps.map((step, i) => {
            const done = progress?.steps.find((s) => !s.restore && s.index === i + 1);
            const now = !done && !!running && !!progress && !progress.finished && i === doneCount;
            n += 1;
            return (
              <li
                key={`${p}-${i}`}
                data-testid="apply-progress-step"
                data-state={done ? done.outcome : now ? 'running' : 'waiting'}
                className="flex items-start gap-2"
              >
                <span className="mt-px flex size-5 shrink-0 items-center justify-center rounded-full bg-subtle font-mono text-2xs text-muted">
                  {done?.outcome === 'done' ? <CheckIcon className="size-3 text-ok" /> : now ? <Spinner /> : n}
                </span>
                <span className="flex min-w-0 flex-1 flex-col">
                  <span className={done || now ? 'text-fg' : 'text-faint'}>
                    <span className="font-mono">{step.action}</span> · {step.description}
                  </span>
                  {now && progress?.current ? <span className="text-muted">{progress.current}</span> : null}
                </span>
                {done ? (
                  <Badge
                    tone={done.outcome === 'done' ? 'ok' : 'warn'}
                    data-testid="apply-progress-badge"
                    className="shrink-0 font-mono text-2xs"
                  >
                    {done.outcome === 'done' ? doneWord(done.action) : done.outcome} · {seconds(done.ms)}
                  </Badge>
                ) : null}
              </li>
            );
          });
        })}
      </ol>
    </section>
  );
}
