'use client';
// The pools: unattached ENIs grouped by AZ and subnet, and Elastic IPs that are allocated but not associated.
import { memo, useMemo, useState, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { Spinner } from '@/components/ui/spinner';
import { compareIp, formatCost, PUBLIC_IPV4_HOURLY_USD, type Eip, type Eni, type Subnet } from '@/lib/topology';
import { DropReason, useDropTarget } from './drag/drag-session';
import { RefusedMarker } from './drag/drop-marker';
import type { DropTarget } from './drag/targets';
import { formatCount } from './model/format';
import { useEipHandle } from './eip-handle';
import { EniBlock } from './eni-block';
import { testIds } from './dom-ids';
import { useSelection, useTopology } from './topology-context';

/** Beyond this many ENIs in one subnet group the rest waits behind "Show more": the rail stays light. */
const GROUP_PREVIEW = 6;

type PoolGroup = { subnet: Subnet | null; subnetId: string; az: string; enis: readonly Eni[] };

export function PoolsRail() {
  const { index } = useTopology();
  const groups = useMemo(() => {
    const out: PoolGroup[] = [];
    for (const [subnetId, enis] of index.poolEnisBySubnet) {
      const subnet = index.subnetById.get(subnetId) ?? null;
      out.push({ subnet, subnetId, az: subnet?.az ?? enis[0]?.az ?? '', enis });
    }
    return out.sort((a, b) => a.az.localeCompare(b.az) || compareIp(a.subnet?.cidr ?? '', b.subnet?.cidr ?? ''));
  }, [index]);
  const idle = index.idleEips;
  const hourly = idle.length * PUBLIC_IPV4_HOURLY_USD;

  return (
    <div className="flex flex-col gap-5 p-3" data-drop-region="0">
      <PoolDropSection target={{ kind: 'eni-pool' }} id="pool-enis" hint="Drop to detach the ENI into the pool">
        <PoolHeader id="pool-enis" title="Unattached ENIs" count={index.poolEniCount} />
        {groups.length === 0 ? (
          <PoolEmpty>Every ENI is attached. Detached ENIs land here.</PoolEmpty>
        ) : (
          groups.map((g) => <PoolEniGroup key={g.subnetId} group={g} />)
        )}
      </PoolDropSection>

      <PoolDropSection target={{ kind: 'eip-pool' }} id="pool-eips" hint="Drop to disassociate the Elastic IP">
        <PoolHeader id="pool-eips" title="Idle Elastic IPs" count={idle.length} />
        {idle.length === 0 ? (
          <PoolEmpty>No idle Elastic IPs. Disassociated ones land here.</PoolEmpty>
        ) : (
          <>
            <p className="px-1 text-2xs text-warn">
              Idle public IPv4 is billed: {formatCost(hourly, { monthly: true })}
            </p>
            <ul className="flex flex-col gap-1.5">
              {idle.map((eip) => (
                <li key={eip.allocationId}>
                  <IdleEip eip={eip} />
                </li>
              ))}
            </ul>
          </>
        )}
      </PoolDropSection>
      {index.serviceEnis.length > 0 ? (
        <section data-testid="service-enis" aria-labelledby="service-enis-title" className="flex flex-col gap-2">
          <PoolHeader id="service-enis" title="Service-managed ENIs" count={index.serviceEnis.length} />
          <p className="px-1 text-2xs text-faint">
            Attached to AWS services (NAT gateways, load balancers): shown, not movable.
          </p>
          <CappedEnis enis={index.serviceEnis} />
        </section>
      ) : null}
    </div>
  );
}

/** A pool's heading with its count; `id` names the section (the heading is `${id}-title`, its aria label). */
function PoolHeader({ id, title, count }: { id: string; title: string; count: number }) {
  return (
    <header className="flex items-baseline justify-between px-1">
      <h2 id={`${id}-title`} className="text-xs font-semibold tracking-wide text-muted uppercase">
        {title}
      </h2>
      <span className="font-mono text-xs text-faint">{formatCount(count)}</span>
    </header>
  );
}

/** What an empty pool says: that it is empty, and what lands in it. */
function PoolEmpty({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-md border border-dashed border-line-strong px-3 py-4 text-center text-xs text-faint">
      {children}
    </p>
  );
}

function PoolDropSection({
  target,
  id,
  hint,
  children,
}: {
  target: DropTarget;
  id: string;
  hint: string;
  children: ReactNode;
}) {
  const { setNodeRef, state, isOver, verdict, targetProps, reasonId } = useDropTarget(target);
  return (
    <section
      ref={setNodeRef}
      data-testid={id}
      id={id}
      aria-labelledby={`${id}-title`}
      {...targetProps}
      className={cn(
        'relative flex flex-col gap-2 rounded-lg outline-offset-4 transition-[outline-color,background-color,opacity]',
        state === 'allowed' &&
          (isOver
            ? 'bg-accent-soft/70 outline-2 outline-accent'
            : 'bg-accent-soft/40 outline-2 outline-dashed outline-accent/60'),
        state === 'refused' && (isOver ? 'outline-2 outline-danger/50' : 'opacity-60'),
      )}
    >
      {state === 'allowed' || state === 'refused' ? (
        <p
          className={cn(
            'flex items-center gap-1.5 rounded-md px-2 py-1 text-2xs font-medium',
            state === 'allowed' ? 'bg-accent text-accent-fg' : 'bg-danger-soft text-danger',
          )}
        >
          <RefusedMarker state={state} />
          {state === 'allowed' ? hint : ((verdict && !verdict.ok ? verdict.reasons[0]?.message : null) ?? 'Refused')}
        </p>
      ) : null}
      {children}
      <DropReason id={reasonId} verdict={verdict} />
    </section>
  );
}

function CappedEnis({ enis }: { enis: readonly Eni[] }) {
  const [all, setAll] = useState(false);
  const sel = useSelection();
  const selectedEniId = sel?.kind === 'eni' ? sel.id : sel?.kind === 'ip' ? sel.eniId : null;
  // A search result hidden behind "Show more" must still be on screen to scroll to.
  const revealHidden = selectedEniId !== null && enis.slice(GROUP_PREVIEW).some((e) => e.id === selectedEniId);
  const shown = all || revealHidden ? enis : enis.slice(0, GROUP_PREVIEW);
  const hidden = enis.length - shown.length;
  return (
    <>
      {shown.map((eni) => (
        <EniBlock key={eni.id} eni={eni} />
      ))}
      {hidden > 0 ? (
        <button
          type="button"
          onClick={() => setAll(true)}
          className="rounded px-1 text-left text-xs text-accent hover:underline"
        >
          Show {formatCount(hidden)} more
        </button>
      ) : null}
    </>
  );
}

const PoolEniGroup = memo(function PoolEniGroup({ group }: { group: PoolGroup }) {
  return (
    <div className="flex flex-col gap-1.5" data-testid={testIds.poolEnis(group.subnetId)}>
      <h3 className="flex items-baseline gap-1.5 px-1 text-2xs text-faint">
        <span className="shrink-0 font-mono font-semibold whitespace-nowrap text-muted">{group.az}</span>
        <span className="truncate">{group.subnet?.name ?? group.subnetId}</span>
        <span className="ml-auto shrink-0 font-mono">{group.subnet?.cidr}</span>
      </h3>
      <CappedEnis enis={group.enis} />
    </div>
  );
});

function IdleEip({ eip }: { eip: Eip }) {
  const { selected, applying, canChange, isDragging, buttonProps } = useEipHandle(eip, 'free');
  return (
    <button
      {...buttonProps}
      title={canChange ? 'Drag onto a private IP to associate it' : undefined}
      className={cn(
        'flex w-full flex-col gap-0.5 rounded-md border border-l-[3px] border-l-eip bg-surface px-2.5 py-1.5 text-left hover:bg-subtle/70',
        canChange && 'cursor-grab touch-manipulation select-none active:cursor-grabbing',
        selected ? 'border-accent ring-2 ring-accent/25' : 'border-line',
        isDragging && 'border-dashed opacity-40',
        applying && 'animate-applying',
      )}
    >
      <span className="flex w-full items-center gap-2">
        <span className="rounded bg-eip-soft px-1 py-px text-[9px] font-bold tracking-wider text-eip">EIP</span>
        <span className="font-mono text-13 font-medium text-fg">{eip.publicIp}</span>
        {applying ? <Spinner className="size-3 text-accent" label="applying…" /> : null}
        {eip.name ? <span className="truncate text-xs text-muted">{eip.name}</span> : null}
      </span>
      <span className="flex w-full items-center justify-between gap-2 text-2xs text-faint">
        <span className="truncate font-mono">{eip.allocationId}</span>
        <span className="shrink-0 text-warn">idle — billed {formatCost(PUBLIC_IPV4_HOURLY_USD)}</span>
      </span>
    </button>
  );
}
