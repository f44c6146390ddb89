'use client';
// An ENI: identity, placement, flags and its row of IP slots. A secondary or pool ENI is dragged by its header.
import { memo, useMemo } from 'react';
import { cn } from '@/lib/cn';
import { Badge } from '@/components/ui/badge';
import { useCanChange } from '@/components/access/access-context';
import { GripIcon, LockIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { instanceShort, serviceOwner, type Eni } from '@/lib/topology';
import { DropReason, useDragSource, useDropTarget, useMergedRefs } from './drag/drag-session';
import type { DragSource } from './drag/targets';
import { useLockedHint } from './drag/locked-hint';
import { ipSlotsView } from './model/slots';
import { EniPrefixesAndIpv6, EniTypeBadges } from './eni-extras';
import { IpSlot } from './ip-slot';
import { useIsApplying } from './moves/moves-context';
import { domIds } from './dom-ids';
import { useIsSelected, useTopology } from './topology-context';

/** eth0 never moves; a requester-managed ENI belongs to an AWS service; trunk, branch and EFA ENIs stay; plain ones move. */
function dragSourceOf(eni: Eni): DragSource | null {
  if (eni.requesterManaged || eni.attachment?.deviceIndex === 0) return null;
  if (eni.interfaceType !== 'interface') return null;
  if (eni.attachment && !eni.attachment.instanceId) return null;
  return {
    kind: 'eni',
    eniId: eni.id,
    instanceId: eni.attachment?.instanceId ?? null,
    deviceIndex: eni.attachment?.deviceIndex ?? null,
  };
}

type Props = {
  eni: Eni;
  /** Subnet of the instance's primary ENI: an ENI elsewhere names its own subnet. */
  homeSubnetId?: string | null;
  className?: string;
};

export const EniBlock = memo(function EniBlock({ eni, homeSubnetId, className }: Props) {
  const { index, select } = useTopology();
  const selected = useIsSelected({ kind: 'eni', id: eni.id });
  const { slots, max, used } = useMemo(() => ipSlotsView(index, eni), [index, eni]);
  const device = eni.attachment?.deviceIndex;
  const primary = device === 0;
  const subnet = index.subnetById.get(eni.subnetId);
  const foreignSubnet = homeSubnetId !== undefined && homeSubnetId !== eni.subnetId;
  const homeVpc = homeSubnetId ? index.subnetById.get(homeSubnetId)?.vpcId : undefined;
  const foreignVpc = homeVpc !== undefined && homeVpc !== eni.vpcId;
  const canChange = useCanChange();
  const source = canChange ? dragSourceOf(eni) : null;
  const domId = domIds.eni(eni.id);
  const drag = useDragSource(source, domId);
  // The block as a whole takes a dragged IP (into any free slot); it only lights up under the pointer.
  const drop = useDropTarget({ kind: 'eni', eniId: eni.id });
  const ref = useMergedRefs(drag.setNodeRef, drop.setNodeRef);
  const applying = useIsApplying(domId);
  const locked = useLockedHint(
    source
      ? null
      : eni.attachment && !eni.attachment.instanceId
        ? `This ENI is owned by ${serviceOwner(eni)}: AWS attached it and manages it; the console does not move it.`
        : eni.requesterManaged
          ? `This ENI is requester-managed (${serviceOwner(eni)}): the console does not move it.`
          : eni.interfaceType !== 'interface' && eni.attachment?.deviceIndex !== 0
            ? `This is a ${eni.interfaceType} ENI: the console moves only plain interfaces, not trunk, branch or EFA ones.`
            : `eth0 is the primary ENI of ${instanceShort(index, eni.attachment?.instanceId ?? '')}: it never detaches from its instance. Drag a secondary ENI, or its secondary IPs, instead.`,
  );

  // The subnet is named only when it differs from the instance's: the group header already says it otherwise.
  const meta: { key: string; text: string; className?: string; title?: string }[] = [];
  if (eni.attachment && !eni.attachment.instanceId)
    meta.push({
      key: 'owner',
      text: `owned by ${serviceOwner(eni)}`,
      className: 'shrink-0 font-medium text-muted',
      title: eni.description,
    });
  if (eni.name) meta.push({ key: 'name', text: eni.name, className: 'max-w-[45%] truncate font-medium text-muted' });
  if (foreignSubnet && subnet)
    meta.push({
      key: 'subnet',
      text: `${subnet.name ?? subnet.id} ${subnet.cidr}`,
      className: 'text-warn',
      title: "In another subnet than the instance's primary ENI",
    });
  else if (homeSubnetId === undefined && eni.attachment && subnet)
    meta.push({ key: 'subnet', text: `${subnet.az} · ${subnet.name ?? subnet.id} ${subnet.cidr}` }); // service ENIs are not grouped by subnet
  if (eni.groups.length)
    meta.push({ key: 'sg', text: eni.groups.map((g) => g.name).join(', '), title: 'Security groups' });
  if (eni.description && eni.description !== eni.name)
    meta.push({ key: 'desc', text: eni.description, className: 'italic', title: eni.description });

  return (
    <div
      ref={ref}
      {...drop.targetProps}
      id={domId}
      data-testid={domId}
      data-state={primary ? 'locked' : 'occupied'}
      data-applying={applying ? 'true' : undefined}
      className={cn(
        'min-w-0 rounded-md border bg-surface',
        selected ? 'border-accent ring-2 ring-accent/25' : 'border-line',
        drop.isOver && drop.state === 'allowed' && 'border-accent ring-3 ring-accent/30',
        drop.isOver && drop.state === 'refused' && 'border-danger/50 ring-3 ring-danger/20',
        drag.isDragging && 'border-dashed opacity-40',
        applying && 'animate-applying',
        className,
      )}
    >
      <button
        ref={drag.setActivatorNodeRef}
        type="button"
        {...drag.handleProps}
        onClick={() => select({ kind: 'eni', id: eni.id })}
        title={source ? 'Drag to a free ENI slot of another instance, or to the ENI pool' : undefined}
        {...locked.props}
        className={cn(
          'group/eni flex w-full min-w-0 flex-col items-start gap-0.5 rounded-t-md border-l-[3px] border-eni px-2.5 pt-1.5 pb-1 text-left hover:bg-subtle/70 focus-visible:-outline-offset-2',
          source && 'cursor-grab touch-manipulation select-none active:cursor-grabbing',
        )}
      >
        <span className="flex w-full min-w-0 items-center gap-1.5">
          {source ? <GripIcon className="-ml-1 size-3 text-faint group-hover/eni:text-muted" /> : null}
          {device !== undefined ? (
            <span className="inline-flex shrink-0 items-center gap-0.5 rounded bg-eni-soft px-1 font-mono text-2xs font-semibold text-eni">
              {primary ? <LockIcon className="size-2.5" label="primary ENI (locked)" /> : null}
              eth{device}
            </span>
          ) : null}
          <span className="truncate font-mono text-xs font-medium text-fg">{eni.id}</span>
          {applying ? <Spinner className="size-3 shrink-0 text-accent" label="applying…" /> : null}
          <span
            className="ml-auto shrink-0 pl-2 font-mono text-2xs text-faint tabular-nums"
            title={`${eni.ipv4Prefixes?.length ? 'IPv4 slots used: addresses + delegated /28 prefixes' : 'Private IPv4 addresses'}${max !== null ? ' / Ipv4AddressesPerInterface' : ''}`}
          >
            {used}
            {max !== null ? `/${max}` : ''} {used === 1 && max === null ? 'IP' : 'IPs'}
          </span>
        </span>
        <span className="flex w-full min-w-0 items-center gap-1 text-2xs text-faint">
          {meta.map((m, i) => (
            <span
              key={m.key}
              className={cn(m.className, i < meta.length - 1 ? 'shrink-0' : 'min-w-0 truncate')}
              title={m.title}
            >
              {i > 0 ? '· ' : ''}
              {m.text}
            </span>
          ))}
        </span>
      </button>
      {(!eni.sourceDestCheck ||
        eni.requesterManaged ||
        foreignVpc ||
        eni.interfaceType !== 'interface' ||
        (eni.attachment?.networkCardIndex ?? 0) > 0) && (
        <div className="flex flex-wrap items-center gap-1 px-2.5 pb-1">
          <EniTypeBadges eni={eni} />
          {foreignVpc ? <Badge tone="warn">other VPC</Badge> : null}
          {!eni.sourceDestCheck ? <Badge tone="warn">src/dst check off</Badge> : null}
          {eni.requesterManaged ? <Badge tone="outline">requester-managed</Badge> : null}
        </div>
      )}
      <DropReason id={drop.reasonId} verdict={drop.verdict} />
      {locked.hint}
      <div className="flex flex-wrap gap-1 px-2.5 pt-0.5 pb-2" role="list" aria-label={`IP slots of ${eni.id}`}>
        {slots.map((slot) => (
          // Keyed by address: the element (and its focus) goes with the address, not with a slot position.
          <IpSlot
            key={slot.ip?.address ?? `free-${slot.n}`}
            eniId={eni.id}
            slot={slot}
            movable={!eni.requesterManaged}
          />
        ))}
      </div>
      <EniPrefixesAndIpv6 eni={eni} />
    </div>
  );
});
