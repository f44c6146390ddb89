'use client';
// A presenter's walkthrough: one step at a time, saying what is about to happen, doing it through the normal routes
// (plan then apply for a change), then pointing at what changed; Back, Next and Restart.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { topologyQueryKey, type TopologyData } from '@/lib/queries/topology';
import type { Failover, Snapshot } from '@/lib/topology';
import type { Applied } from '../failover/failover-api';
import { FailoverDialog } from '../failover/failover-dialog';
import { GuestConfigDialog } from '../topology/guest-config-dialog';
import { useMoves } from '../topology/moves/moves-context';
import { useTopology } from '../topology/topology-context';
import { find, perform } from './walkthrough-actions';
import type { Walkthrough } from './walkthroughs';

export function WalkthroughPanel({ walkthrough, onClose }: { walkthrough: Walkthrough; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { reveal } = useTopology();
  const { propose } = useMoves();
  const [guest, setGuest] = useState<{ instanceId: string; snapshot: Snapshot } | null>(null);
  const [failing, setFailing] = useState<{
    failover: Failover;
    from: string;
    to: string;
    done: (r: Applied | null) => void;
  } | null>(null);
  const [at, setAt] = useState(0);
  const [done, setDone] = useState<Record<number, string>>({});
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const step = walkthrough.steps[at]!;
  const last = at === walkthrough.steps.length - 1;

  const fresh = async (): Promise<Snapshot | undefined> => {
    await queryClient.refetchQueries({ queryKey: topologyQueryKey });
    return queryClient.getQueryData<TopologyData>(topologyQueryKey);
  };
  const point = async (i: number) => {
    const p = walkthrough.steps[i]?.point;
    const s = queryClient.getQueryData<TopologyData>(topologyQueryKey);
    const sel = p && s ? find(s, p) : null;
    if (sel) reveal(sel);
  };
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const s = queryClient.getQueryData<TopologyData>(topologyQueryKey);
      const openGuest = (instanceId: string) => s && setGuest({ instanceId, snapshot: s });
      const failover = (f: Failover, from: string, to: string) =>
        new Promise<Applied | null>((resolve) => {
          let applied: Applied | null = null;
          setFailing({
            failover: f,
            from,
            to,
            done: (r) => {
              if (r) applied = r;
              else {
                setFailing(null);
                resolve(applied);
              }
            },
          });
        });
      const said = step.action && s ? await perform(step.action, s, { propose, openGuest, failover }) : 'Nothing sent.';
      if (said === null) {
        setError('The plan was cancelled: nothing was sent. Press “Do it” to open it again.');
        return;
      }
      await fresh();
      setDone((d) => ({ ...d, [at]: said }));
      await point(at);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setRunning(false);
    }
  };
  const go = (i: number) => {
    setAt(i);
    setError(null);
    if (done[i] !== undefined) void point(i);
  };
  const restart = () => {
    setDone({});
    go(0);
  };
  const isDone = done[at] !== undefined;

  return (
    <section
      aria-label={`Walkthrough: ${walkthrough.title}`}
      data-testid="walkthrough"
      className="fixed bottom-4 left-4 z-40 flex w-[min(26rem,calc(100vw-2rem))] flex-col gap-2 rounded-xl border border-line bg-surface p-4 text-xs text-fg shadow-2xl"
    >
      <p className="text-2xs font-semibold tracking-wide text-muted uppercase">
        {walkthrough.title} · step {at + 1} of {walkthrough.steps.length}
      </p>
      <h2 className="text-sm font-semibold" data-testid="walkthrough-title">
        {step.title}
      </h2>
      <p>{step.before}</p>
      {failing ? (
        <FailoverDialog
          failover={failing.failover}
          fromName={failing.from}
          toName={failing.to}
          onApplied={(r) => failing.done(r)}
          onClose={() => failing.done(null)}
        />
      ) : null}
      {guest ? (
        <GuestConfigDialog snapshot={guest.snapshot} instanceId={guest.instanceId} onClose={() => setGuest(null)} />
      ) : null}
      {isDone ? (
        <div
          role="status"
          data-testid="walkthrough-after"
          className="flex flex-col gap-1 rounded-md border border-ok/40 bg-subtle px-3 py-2"
        >
          <p className="font-medium">{done[at]}</p>
          <p>{step.after}</p>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2">
          {error}
        </p>
      ) : null}
      <div className="flex items-center gap-2 pt-1">
        <Button size="sm" variant="ghost" onClick={onClose}>
          Close
        </Button>
        <Button size="sm" variant="ghost" onClick={restart} data-testid="walkthrough-restart">
          Restart
        </Button>
        <span className="flex-1" />
        <Button size="sm" onClick={() => go(at - 1)} disabled={at === 0 || running} data-testid="walkthrough-back">
          Back
        </Button>
        {!isDone ? (
          <Button
            size="sm"
            variant="primary"
            onClick={() => void run()}
            disabled={running}
            data-testid="walkthrough-do"
          >
            {running ? <Spinner /> : null}
            {!step.action ? 'Show me' : step.action.kind === 'refused' ? 'Try it' : 'Do it'}
          </Button>
        ) : (
          <Button
            size="sm"
            variant="primary"
            onClick={() => (last ? onClose() : go(at + 1))}
            data-testid="walkthrough-next"
          >
            {last ? 'Finish' : 'Next'}
          </Button>
        )}
      </div>
    </section>
  );
}
