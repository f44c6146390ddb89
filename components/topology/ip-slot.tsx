'use client';
// One IP slot of an ENI: a private IPv4 (primary locked, secondary draggable), the public IP on it (an Elastic
// IP chip is draggable too), or a dashed free slot that takes a dragged IP.
import { memo } from 'react';
import { cn } from '@/lib/cn';
import { useCanChange } from '@/components/access/access-context';
import { Spinner } from '@/components/ui/spinner';
import { GlobeIcon, LockIcon } from '@/components/ui/icons';
import { eniPlace, serviceOwner, type Eip, type PrivateIp } from '@/lib/topology';
import { DropReason, useDragSource, useDropTarget, useMergedRefs, type DropState } from './drag/drag-session';
import { dropClasses, RefusedMarker } from './drag/drop-marker';
import { useLockedHint } from './drag/locked-hint';
import type { IpSlotView } from './model/slots';
import { useIsApplying } from './moves/moves-context';
import { domIds } from './dom-ids';
import { useEipHandle } from './eip-handle';
import { useIsSelected, useTopology } from './topology-context';

/** movable: false on a requester-managed ENI, whose addresses belong to an AWS service. */
export const IpSlot = memo(function IpSlot({
  eniId,
  slot,
  movable = true,
}: {
  eniId: string;
  slot: IpSlotView;
  movable?: boolean;
}) {
  const slotId = domIds.ipSlot(eniId, slot.n);
  if (!slot.ip) return <FreeIpSlot eniId={eniId} n={slot.n} slotId={slotId} />;
  return (
    <div id={slotId} data-testid={slotId} data-state={slot.state} role="listitem" className="min-w-0">
      <IpChip eniId={eniId} ip={slot.ip} eip={slot.eip} movable={movable} />
    </div>
  );
});

function FreeIpSlot({ eniId, n, slotId }: { eniId: string; n: number; slotId: string }) {
  const { setNodeRef, state, isOver, verdict, targetProps, reasonId } = useDropTarget({ kind: 'ip-slot', eniId, n });
  return (
    <div
      ref={setNodeRef}
      id={slotId}
      data-testid={slotId}
      data-state="free"
      role="listitem"
      title={`Free IP slot ${n + 1}`}
      aria-label={`Free IP slot ${n + 1}`}
      {...targetProps}
      className={cn(
        'flex h-7 w-8 items-center justify-center rounded-md border',
        dropClasses(state, isOver, 'border-dashed border-line-strong bg-canvas/60'),
      )}
    >
      <RefusedMarker state={state} />
      <DropReason id={reasonId} verdict={verdict} />
    </div>
  );
}

/** A private IP as a drop target for Elastic IPs: outlined when allowed, dimmed when refused. */
function chipDropClasses(state: DropState, isOver: boolean): string | false {
  if (state === 'allowed') return cn('border-accent', isOver ? 'ring-3 ring-accent/40' : 'ring-2 ring-accent/25');
  if (state === 'refused') return cn('border-danger/40 opacity-60', isOver && 'opacity-100 ring-3 ring-danger/30');
  if (state === 'same') return 'opacity-60';
  return false;
}

/** Why this address cannot be dragged, or null when it can. */
function lockedReason(
  index: ReturnType<typeof useTopology>['index'],
  eniId: string,
  ip: PrivateIp,
  movable: boolean,
): string | null {
  const eni = index.eniById.get(eniId);
  if (!movable && eni)
    return `${ip.address} belongs to ${serviceOwner(eni)}: AWS manages its addresses, the console does not move them.`;
  if (ip.primary)
    return `${ip.address} is the primary private IP of ${eniPlace(index, eni, eniId)}: it stays with its ENI and cannot move. Drag a secondary IP instead.`;
  return null;
}

function IpChip({
  eniId,
  ip,
  eip,
  movable: movableHere,
}: {
  eniId: string;
  ip: PrivateIp;
  eip: Eip | null;
  movable: boolean;
}) {
  const { select, index } = useTopology();
  const canChange = useCanChange();
  const movable = movableHere && canChange;
  // A viewer moves nothing: no "why it cannot move" hint for them either.
  const locked = useLockedHint(canChange ? lockedReason(index, eniId, ip, movableHere) : null);
  const domId = domIds.ip(ip.address);
  const selected = useIsSelected({ kind: 'ip', eniId, address: ip.address });
  const applying = useIsApplying(domId);
  const drag = useDragSource(
    movable && !ip.primary ? { kind: 'ip', eniId, address: ip.address, allocationId: eip?.allocationId ?? null } : null,
    domId,
  );
  const drop = useDropTarget({ kind: 'private-ip', eniId, address: ip.address });
  const ref = useMergedRefs(drag.setNodeRef, drop.setNodeRef);
  const amazonPublic = ip.association && !ip.association.allocationId ? ip.association.publicIp : null;
  return (
    <div
      ref={ref}
      id={domId}
      data-testid={domId}
      data-state={ip.primary ? 'locked' : 'occupied'}
      data-applying={applying ? 'true' : undefined}
      {...drop.targetProps}
      className={cn(
        'flex h-7 items-stretch overflow-hidden rounded-md border bg-surface text-xs shadow-xs',
        chipDropClasses(drop.state, drop.isOver) ||
          (selected ? 'border-accent ring-2 ring-accent/30' : 'border-line-strong'),
        drag.isDragging && 'border-dashed opacity-40',
        applying && 'animate-applying',
      )}
    >
      <button
        ref={drag.setActivatorNodeRef}
        type="button"
        {...drag.handleProps}
        onClick={() => select({ kind: 'ip', eniId, address: ip.address })}
        title={
          ip.primary
            ? 'Primary private IP — stays with its ENI'
            : movable
              ? 'Secondary private IP — drag to another ENI, or to Unassign'
              : 'Secondary private IP'
        }
        aria-label={ip.primary ? undefined : `secondary IP ${ip.address}`}
        {...locked.props}
        className={cn(
          'flex items-center gap-1 px-1.5 font-mono text-fg hover:bg-subtle focus-visible:-outline-offset-2',
          !ip.primary && movable && 'cursor-grab touch-manipulation select-none active:cursor-grabbing',
        )}
      >
        {ip.primary ? <LockIcon className="size-3 text-faint" label="primary (locked)" /> : null}
        {ip.address}
        {applying ? <Spinner className="size-3 text-accent" label="applying…" /> : null}
      </button>
      {locked.hint}
      <RefusedMarker state={drop.state} className="mx-1 self-center" />
      <DropReason id={drop.reasonId} verdict={drop.verdict} />
      {eip ? <EipChip eip={eip} /> : null}
      {amazonPublic ? (
        <span
          title={`Amazon-assigned public IPv4 ${amazonPublic} (not an Elastic IP: released when the instance stops)`}
          className="flex items-center gap-1 border-l border-dashed border-public/40 bg-public-soft px-1.5 font-mono text-public"
        >
          <GlobeIcon className="size-3" />
          {amazonPublic}
        </span>
      ) : null}
    </div>
  );
}

/** An Elastic IP sitting on the private IP it maps to; drag it onto another private IP or to the EIP pool. */
export function EipChip({ eip }: { eip: Eip }) {
  const { index } = useTopology();
  // On an instance that is not running, an Elastic IP is billed and serves nothing: flagged idle.
  const holder = eip.instanceId ? index.instanceById.get(eip.instanceId) : undefined;
  const idle = !!holder && holder.state !== 'running';
  const { selected, applying, canChange, isDragging, buttonProps } = useEipHandle(eip, 'occupied');
  return (
    <button
      {...buttonProps}
      title={`Elastic IP ${eip.publicIp} · ${eip.allocationId}${eip.name ? ` · ${eip.name}` : ''}${idle ? ` · idle: ${holder?.name ?? holder?.id} is ${holder?.state}, still billed` : ''}${canChange ? ' — drag onto another private IP, or to the Elastic IP pool' : ''}`}
      className={cn(
        'flex items-center gap-1 border-l border-eip/25 px-1.5 font-mono focus-visible:-outline-offset-2',
        // Conditional pairs rather than overrides: cn() does not resolve conflicting utilities.
        selected ? 'bg-eip text-surface' : 'bg-eip-soft text-eip hover:bg-eip/15',
        canChange && 'cursor-grab touch-manipulation select-none active:cursor-grabbing',
        isDragging && 'opacity-40',
        applying && 'animate-applying',
      )}
    >
      <span className="font-sans text-[9px] font-bold tracking-wider">EIP</span>
      {eip.publicIp}
      {idle ? (
        <span
          className="rounded bg-warn-soft px-1 font-sans text-[9px] font-bold tracking-wider text-warn"
          data-testid="eip-idle"
        >
          IDLE
        </span>
      ) : null}
    </button>
  );
}
