'use client';
// The compact density: an instance on one line — name, id, type, state, ENI and IP slot counts, public IPv4 and
// their cost — that opens into the full card in place. It takes a dragged ENI like the card does.
import { memo, useMemo } from 'react';
import { cn } from '@/lib/cn';
import { Badge } from '@/components/ui/badge';
import { ChevronIcon } from '@/components/ui/icons';
import { formatCost, type Instance } from '@/lib/topology';
import { DropReason, useDropTarget } from './drag/drag-session';
import { RefusedMarker } from './drag/drop-marker';
import { idleEipCount } from './model/filters';
import { publicIpsOfInstance, publicIpv4Hourly } from './model/public-ips';
import { eniSlotsView } from './model/slots';
import { limitsFor } from './model/topology-index';
import { StateDot } from './instance-card';
import { domIds, testIds } from './dom-ids';
import { useIsSelected, useTopology } from './topology-context';

type Props = { instance: Instance; onExpand: () => void };

export const InstanceLine = memo(function InstanceLine({ instance, onExpand }: Props) {
  const { index, select } = useTopology();
  const selected = useIsSelected({ kind: 'instance', id: instance.id });
  const { setNodeRef, state, isOver, verdict, targetProps, reasonId } = useDropTarget({
    kind: 'instance',
    instanceId: instance.id,
  });
  const facts = useMemo(() => {
    const { max, used } = eniSlotsView(index, instance);
    const enis = index.enisByInstance.get(instance.id) ?? [];
    const ips = enis.reduce((n, e) => n + e.privateIps.length, 0);
    const perEni = limitsFor(index, instance.type)?.ipv4PerEni;
    return {
      max,
      used,
      ips,
      ipMax: perEni !== undefined && max !== null ? perEni * used : null,
      pub: publicIpsOfInstance(index, instance.id).length,
      idle: idleEipCount(index, instance.id),
    };
  }, [index, instance]);
  const name = instance.name ?? instance.id;
  return (
    <div
      ref={setNodeRef}
      {...targetProps}
      id={domIds.instance(instance.id)}
      data-testid={testIds.instanceLine(instance.id)}
      className={cn(
        'flex h-8 items-center gap-3 rounded-md border bg-surface px-2 text-xs',
        isOver && state === 'allowed'
          ? 'border-accent ring-2 ring-accent/30'
          : isOver && state === 'refused'
            ? 'border-danger/50 ring-2 ring-danger/20'
            : selected
              ? 'border-accent ring-2 ring-accent/25'
              : 'border-line',
      )}
    >
      <button
        type="button"
        onClick={onExpand}
        aria-expanded={false}
        aria-label={`Show the slots of ${name}`}
        className="inline-flex size-6 shrink-0 items-center justify-center rounded text-faint hover:bg-subtle hover:text-fg"
      >
        <ChevronIcon />
      </button>
      <button
        type="button"
        onClick={() => select({ kind: 'instance', id: instance.id })}
        className="flex min-w-0 flex-1 items-baseline gap-2 rounded text-left hover:underline decoration-line-strong underline-offset-2"
      >
        <span
          className={cn(
            'max-w-[14rem] shrink-0 truncate text-13 font-semibold',
            !instance.name && 'font-normal text-muted italic',
          )}
        >
          {instance.name ?? 'no Name tag'}
        </span>
        <span className="min-w-0 truncate font-mono text-2xs text-muted" title={instance.id}>
          {instance.id}
        </span>
      </button>
      <RefusedMarker state={state} />
      <Badge tone="outline" className="font-mono">
        {instance.type}
      </Badge>
      <span className="w-20">
        <StateDot state={instance.state} />
      </span>
      <span
        className={cn('w-16 text-muted tabular-nums', facts.max !== null && facts.used >= facts.max && 'text-warn')}
        title="ENIs attached / MaximumNetworkInterfaces"
      >
        ENIs <span className="font-mono text-fg">{facts.used}</span>/{facts.max ?? '?'}
      </span>
      <span className="w-20 text-muted tabular-nums" title="Private IPv4 addresses / what the attached ENIs allow">
        IPs <span className="font-mono text-fg">{facts.ips}</span>/{facts.ipMax ?? '?'}
      </span>
      <span className="w-32 text-muted tabular-nums" title="Public IPv4 addresses and their hourly cost">
        {facts.pub ? (
          <>
            <span className="font-mono text-fg">{facts.pub}</span> public · {formatCost(publicIpv4Hourly(facts.pub))}
          </>
        ) : (
          'no public IPv4'
        )}
      </span>
      {facts.idle ? (
        <Badge tone="warn" title="Elastic IPs on an instance that is not running: billed, serving nothing">
          {facts.idle} idle EIP
        </Badge>
      ) : null}
      <DropReason id={reasonId} verdict={verdict} />
    </div>
  );
});
