'use client';
// One IP slot of an ENI: a private IPv4 (primary locked), the public IP on it, or a dashed free slot.
import { memo } from 'react';
import { cn } from '@/lib/cn';
import { GlobeIcon, LockIcon } from '@/components/ui/icons';
import type { Eip, PrivateIp } from '@/lib/topology/schema';
import type { IpSlot as IpSlotModel } from './model/slots';
import { useIsSelected, useTopology } from './topology-context';

export const IpSlot = memo(function IpSlot({ eniId, slot }: { eniId: string; slot: IpSlotModel }) {
  const slotId = `ip-slot-${eniId}-${slot.n}`;
  if (!slot.ip) {
    return (
      <div
        id={slotId}
        data-testid={slotId}
        data-state="free"
        role="listitem"
        title={`Free IP slot ${slot.n + 1}`}
        aria-label={`Free IP slot ${slot.n + 1}`}
        className="h-7 w-8 rounded-md border border-dashed border-line-strong bg-canvas/60"
      />
    );
  }
  return (
    <div id={slotId} data-testid={slotId} data-state={slot.state} role="listitem" className="min-w-0">
      <IpChip eniId={eniId} ip={slot.ip} eip={slot.eip} />
    </div>
  );
});

function IpChip({ eniId, ip, eip }: { eniId: string; ip: PrivateIp; eip: Eip | null }) {
  const { select } = useTopology();
  const selected = useIsSelected({ kind: 'ip', eniId, address: ip.address });
  const amazonPublic = ip.association && !ip.association.allocationId ? ip.association.publicIp : null;
  return (
    <div
      id={`ip-${ip.address}`}
      data-testid={`ip-${ip.address}`}
      data-state={ip.primary ? 'locked' : 'occupied'}
      className={cn(
        'flex h-7 items-stretch overflow-hidden rounded-md border bg-surface text-xs shadow-xs',
        selected ? 'border-accent ring-2 ring-accent/30' : 'border-line-strong',
      )}
    >
      <button
        type="button"
        onClick={() => select({ kind: 'ip', eniId, address: ip.address })}
        title={ip.primary ? 'Primary private IP — stays with its ENI' : 'Secondary private IP'}
        className="flex items-center gap-1 px-1.5 font-mono text-fg hover:bg-subtle focus-visible:-outline-offset-2"
      >
        {ip.primary ? <LockIcon className="size-3 text-faint" label="primary (locked)" /> : null}
        {ip.address}
      </button>
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

/** An Elastic IP sitting on the private IP it maps to. */
export function EipChip({ eip, standalone = false }: { eip: Eip; standalone?: boolean }) {
  const { select } = useTopology();
  const selected = useIsSelected({ kind: 'eip', id: eip.allocationId });
  return (
    <button
      type="button"
      id={standalone ? undefined : `eip-${eip.allocationId}`}
      data-testid={standalone ? undefined : `eip-${eip.allocationId}`}
      data-state="occupied"
      onClick={() => select({ kind: 'eip', id: eip.allocationId })}
      title={`Elastic IP ${eip.publicIp} · ${eip.allocationId}${eip.name ? ` · ${eip.name}` : ''}`}
      className={cn(
        'flex items-center gap-1 border-l border-eip/25 px-1.5 font-mono focus-visible:-outline-offset-2',
        // Conditional pairs rather than overrides: cn() does not resolve conflicting utilities.
        selected ? 'bg-eip text-surface' : 'bg-eip-soft text-eip hover:bg-eip/15',
      )}
    >
      <span className="font-sans text-[9px] font-bold tracking-wider">EIP</span>
      {eip.publicIp}
    </button>
  );
}
