'use client';
// A presenter's walkthrough: one step at a time, saying what is about to happen, doing it through the normal routes
// (plan then apply for a change), then pointing at what changed; Back, Next and Restart.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { topologyQueryKey, type TopologyData } from '@/lib/queries/topology';
import type { Move, Snapshot } from '@/lib/topology';
import {
  applyFailover,
  failInstance,
  newProgressId,
  planAndApply,
  planFailover,
  resetScenario,
  seconds,
} from '../failover/failover-api';
import type { Selection } from '../topology/model/selection';
import { useTopology } from '../topology/topology-context';
import type { Pointer, WalkAction, Walkthrough } from './walkthroughs';

function find(s: Snapshot, p: Pointer): Selection | null {
  switch (p.kind) {
    case 'instance': {
      const i = s.instances.find((x) => x.name === p.name);
      return i ? { kind: 'instance', id: i.id } : null;
    }
    case 'eni': {
      const e = s.enis.find((x) => x.name === p.name);
      return e ? { kind: 'eni', id: e.id } : null;
    }
    case 'primary-eni': {
      const i = s.instances.find((x) => x.name === p.instance);
      const e = i ? s.enis.find((x) => x.attachment?.instanceId === i.id && x.attachment.deviceIndex === 0) : undefined;
      return e ? { kind: 'eni', id: e.id } : null;
    }
    case 'eip': {
      const e = s.eips.find((x) => x.name === p.name);
      return e ? { kind: 'eip', id: e.allocationId } : null;
    }
  }
}

const idOf = (sel: Selection | null): string => (sel && 'id' in sel ? sel.id : '');

async function viaRoutes(move: Move): Promise<string> {
  const r = await planAndApply(move);
  if (!r.ok) throw new Error(r.message);
  return 'Planned, applied and verified.';
}

async function perform(action: WalkAction, s: Snapshot): Promise<string> {
  const need = (sel: Selection | null, what: string) => {
    const id = idOf(sel);
    if (!id) throw new Error(`${what} is not in this account: restart the walkthrough to reset the scenario.`);
    return id;
  };
  switch (action.kind) {
    case 'reset': {
      const r = await resetScenario(action.scenario);
      if (!r.ok) throw new Error(r.message);
      return `Reset to ${action.scenario}.`;
    }
    case 'fail-instance': {
      const r = await failInstance(need(find(s, { kind: 'instance', name: action.instance }), action.instance));
      if (!r.ok) throw new Error(r.message);
      return `${action.instance}’s status checks now fail.`;
    }
    case 'failover': {
      const failover = {
        kind: 'failover' as const,
        from: need(find(s, { kind: 'instance', name: action.from }), action.from),
        to: need(find(s, { kind: 'instance', name: action.to }), action.to),
        ips: action.ips,
      };
      const planned = await planFailover(failover);
      if (!planned.ok) throw new Error(planned.message);
      const r = await applyFailover(failover, planned.plan, newProgressId());
      if (!r.ok) throw new Error(r.message);
      return `Failed over in ${seconds(r.timings.totalMs)}: ${r.timings.steps.map((t) => `${t.action} ${seconds(t.ms)}`).join(', ')}.`;
    }
    case 'assign-ip':
      return viaRoutes({ kind: 'assign-ip', ip: action.ip, toEni: need(find(s, action.to), 'The ENI') });
    case 'move-eip':
      return viaRoutes({
        kind: 'move-eip',
        allocationId: need(find(s, { kind: 'eip', name: action.eip }), action.eip),
        toEni: need(find(s, action.to), 'The ENI'),
        toIp: action.ip,
      });
  }
}

export function WalkthroughPanel({ walkthrough, onClose }: { walkthrough: Walkthrough; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { reveal } = useTopology();
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
      const said = step.action && s ? await perform(step.action, s) : 'Nothing sent.';
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
      className="fixed right-4 bottom-4 z-40 flex w-[min(26rem,calc(100vw-2rem))] flex-col gap-2 rounded-xl border border-line bg-surface p-4 text-xs text-fg shadow-2xl"
    >
      <p className="text-2xs font-semibold tracking-wide text-muted uppercase">
        {walkthrough.title} · step {at + 1} of {walkthrough.steps.length}
      </p>
      <h2 className="text-sm font-semibold" data-testid="walkthrough-title">
        {step.title}
      </h2>
      <p>{step.before}</p>
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
            {step.action ? 'Do it' : 'Show me'}
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
