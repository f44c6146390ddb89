'use client';
// An instance: header (Name, id, type, state) and one ENI slot per MaximumNetworkInterfaces.
import { memo, useMemo, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { Badge } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import { formatCost, type Instance, type InstanceState } from '@/lib/topology';
import { DropReason, useDropTarget } from './drag/drag-session';
import { dropClasses, RefusedMarker } from './drag/drop-marker';
import { eniSlotsView } from './model/slots';
import { HealthBadge } from './detail-guest-os';
import { publicIpsOfInstance, publicIpv4Hourly } from './model/public-ips';
import { EniBlock } from './eni-block';
import { domIds } from './dom-ids';
import { useIsSelected, useTopology } from './topology-context';

const stateTone: Record<InstanceState, string> = {
  running: 'bg-ok',
  pending: 'bg-warn',
  stopping: 'bg-warn',
  stopped: 'bg-faint',
  'shutting-down': 'bg-danger',
  terminated: 'bg-danger',
};

export function StateDot({ state }: { state: InstanceState }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-muted">
      <span className={cn('size-2 rounded-full', stateTone[state])} aria-hidden />
      {state}
    </span>
  );
}

export const InstanceCard = memo(function InstanceCard({ instance }: { instance: Instance }) {
  const impaired = instance.health?.system === 'impaired' || instance.health?.instance === 'impaired';
  const { index, select } = useTopology();
  const selected = useIsSelected({ kind: 'instance', id: instance.id });
  const { slots, max, used } = useMemo(() => eniSlotsView(index, instance), [index, instance]);
  const occupied = slots.filter((s) => s.eni);
  const free = slots.filter((s) => !s.eni);
  const homeSubnetId = slots[0]?.eni?.subnetId ?? instance.subnetId;
  const publicCount = useMemo(() => publicIpsOfInstance(index, instance.id).length, [index, instance.id]);

  return (
    <InstanceDropArea instance={instance} selected={selected} impaired={impaired}>
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
        <button
          type="button"
          onClick={() => select({ kind: 'instance', id: instance.id })}
          className="flex min-w-0 items-baseline gap-2 rounded text-left hover:underline decoration-line-strong underline-offset-2"
        >
          <h5 className={cn('truncate text-13 font-semibold', !instance.name && 'font-normal text-faint italic')}>
            {instance.name ?? 'no Name tag'}
          </h5>
          <span className="font-mono text-xs text-muted">{instance.id}</span>
        </button>
        <CopyButton value={instance.id} label={`Copy instance id ${instance.id}`} className="-ml-2" />
        <span className="ml-auto flex items-center gap-3">
          {publicCount ? (
            <span
              className="text-xs text-muted tabular-nums"
              title="Public IPv4 addresses on this instance and their hourly cost (each is billed, in use or idle)"
            >
              <span className="font-mono text-fg">{publicCount}</span> public ·{' '}
              {formatCost(publicIpv4Hourly(publicCount))}
            </span>
          ) : null}
          <Badge tone="outline" className="font-mono">
            {instance.type}
          </Badge>
          <StateDot state={instance.state} />
          <HealthBadge instance={instance} />
          <span
            className="text-xs text-muted tabular-nums"
            title={max === null ? 'Instance type limits unknown' : 'ENIs attached / MaximumNetworkInterfaces'}
          >
            ENIs <span className="font-mono text-fg">{used}</span>/{max ?? '?'}
          </span>
        </span>
      </header>
      <div className="grid grid-cols-[repeat(auto-fill,minmax(min(100%,19rem),1fr))] gap-2 px-3 pb-2">
        {occupied.map((slot) => (
          <div
            key={slot.n}
            id={domIds.eniSlot(instance.id, slot.n)}
            data-testid={domIds.eniSlot(instance.id, slot.n)}
            data-state={slot.state}
            className="min-w-0"
          >
            <EniBlock eni={slot.eni!} homeSubnetId={homeSubnetId} className="h-full" />
          </div>
        ))}
      </div>
      {free.length > 0 && (
        <div className="flex flex-wrap items-center gap-1.5 border-t border-line px-3 py-1.5">
          {free.map((slot) => (
            <FreeEniSlot key={slot.n} instanceId={instance.id} deviceIndex={slot.n} />
          ))}
        </div>
      )}
      {max === null && (
        <p className="border-t border-line px-3 py-1.5 text-2xs text-warn">
          Limits for {instance.type} are not in the snapshot: free slots are not shown.
        </p>
      )}
    </InstanceDropArea>
  );
});

/** The card as a whole takes a dragged ENI at its lowest free device index; a full one says so under the pointer. */
function InstanceDropArea({
  instance,
  selected,
  impaired,
  children,
}: {
  instance: Instance;
  selected: boolean;
  impaired: boolean;
  children: ReactNode;
}) {
  const { setNodeRef, state, isOver, verdict, targetProps, reasonId } = useDropTarget({
    kind: 'instance',
    instanceId: instance.id,
  });
  return (
    <article
      ref={setNodeRef}
      {...targetProps}
      id={domIds.instance(instance.id)}
      data-testid={domIds.instance(instance.id)}
      aria-label={`Instance ${instance.name ?? instance.id}`}
      className={cn(
        'rounded-lg border bg-surface shadow-xs',
        isOver && state === 'allowed'
          ? 'border-accent ring-3 ring-accent/30'
          : isOver && state === 'refused'
            ? 'border-danger/50 ring-3 ring-danger/20'
            : selected
              ? 'border-accent ring-2 ring-accent/25'
              : impaired
                ? 'border-danger/60'
                : 'border-line',
        impaired && 'bg-danger-soft/30',
      )}
    >
      {children}
      <DropReason id={reasonId} verdict={verdict} />
    </article>
  );
}

/** A free ENI slot: takes a dragged secondary or pool ENI at this device index. */
function FreeEniSlot({ instanceId, deviceIndex }: { instanceId: string; deviceIndex: number }) {
  const { setNodeRef, state, isOver, verdict, targetProps, reasonId } = useDropTarget({
    kind: 'eni-slot',
    instanceId,
    deviceIndex,
  });
  const id = domIds.eniSlot(instanceId, deviceIndex);
  return (
    <div
      ref={setNodeRef}
      id={id}
      data-testid={id}
      data-state="free"
      {...targetProps}
      className={cn(
        'flex h-6 items-center gap-1.5 rounded-md border px-2 text-2xs text-faint transition-[background-color,border-color,opacity]',
        dropClasses(state, isOver, 'border-dashed border-line-strong'),
        state === 'allowed' && 'text-accent',
      )}
    >
      <RefusedMarker state={state} />
      <span className={cn('font-mono font-semibold', state === 'allowed' ? 'text-accent' : 'text-muted')}>
        eth{deviceIndex}
      </span>
      free slot
      <DropReason id={reasonId} verdict={verdict} />
    </div>
  );
}
