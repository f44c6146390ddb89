'use client';
// An instance: header (Name, id, type, state) and one ENI slot per MaximumNetworkInterfaces.
import { memo, useMemo, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { Badge } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import { formatCost, type Instance, type InstanceState } from '@/lib/topology';
import { DropReason, useDropTarget } from './drag/drag-session';
import { dropClasses, RefusedMarker } from './drag/drop-marker';
import { eniSlotsView, type EniSlotsView } from './model/slots';
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
  const { slots, cards, max, used } = useMemo(() => eniSlotsView(index, instance), [index, instance]);
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
            key={`${slot.card}-${slot.n}`}
            id={domIds.eniSlot(instance.id, slot.n, slot.card)}
            data-testid={domIds.eniSlot(instance.id, slot.n, slot.card)}
            data-state={slot.state}
            className="min-w-0"
          >
            <EniBlock eni={slot.eni!} homeSubnetId={homeSubnetId} className="h-full" />
          </div>
        ))}
      </div>
      {cards ? (
        <CardSlotsRow instanceId={instance.id} cards={cards} slots={slots} />
      ) : (
        free.length > 0 && (
          <div className="flex flex-wrap items-center gap-1.5 border-t border-line px-3 py-1.5">
            {free.map((slot) => (
              <FreeEniSlot key={slot.n} instanceId={instance.id} deviceIndex={slot.n} />
            ))}
          </div>
        )
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

/**
 * The free slots of a multi-card type, one group per network card with the card's use against its own limit
 * (EC2 counts ENIs per card, ec2-rules §2.7): a drop on a card's slot attaches on that card.
 */
function CardSlotsRow({
  instanceId,
  cards,
  slots,
}: {
  instanceId: string;
  cards: NonNullable<EniSlotsView['cards']>;
  slots: EniSlotsView['slots'];
}) {
  return (
    <div
      className="flex flex-wrap items-center gap-x-3 gap-y-1.5 border-t border-line px-3 py-1.5"
      data-testid={domIds.eniCards(instanceId)}
    >
      {cards.map((card, i) => {
        const onCard = slots.filter((s) => s.card === card.index);
        const used = onCard.filter((s) => s.eni).length;
        const free = onCard.filter((s) => !s.eni);
        return (
          <div
            key={card.index}
            className={cn('flex flex-wrap items-center gap-1.5', i > 0 && 'border-l border-line pl-3')}
            data-testid={domIds.eniCard(instanceId, card.index)}
            role="group"
            aria-label={`Network card ${card.index}: ${used} of ${card.max} ENIs, ${free.length} free`}
          >
            <span
              className="text-2xs text-muted tabular-nums"
              title={`Network card ${card.index}: ENIs attached / the card's MaximumNetworkInterfaces`}
            >
              card {card.index} · <span className="font-mono text-fg">{used}</span>/{card.max}
            </span>
            {free.length === 0 ? (
              <span className="text-2xs text-faint">full</span>
            ) : (
              free.map((slot) => (
                <FreeEniSlot key={slot.n} instanceId={instanceId} deviceIndex={slot.n} card={card.index} />
              ))
            )}
          </div>
        );
      })}
    </div>
  );
}

/** A free ENI slot: takes a dragged secondary or pool ENI at this device index (of this card, above card 0). */
function FreeEniSlot({
  instanceId,
  deviceIndex,
  card = 0,
}: {
  instanceId: string;
  deviceIndex: number;
  card?: number;
}) {
  const { setNodeRef, state, isOver, verdict, targetProps, reasonId } = useDropTarget(
    card > 0
      ? { kind: 'eni-slot', instanceId, deviceIndex, networkCardIndex: card }
      : { kind: 'eni-slot', instanceId, deviceIndex },
  );
  const id = domIds.eniSlot(instanceId, deviceIndex, card);
  return (
    <div
      ref={setNodeRef}
      id={id}
      data-testid={id}
      data-state="free"
      {...targetProps}
      className={cn(
        'flex h-6 items-center gap-1.5 rounded-md border px-2 text-2xs text-faint',
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
