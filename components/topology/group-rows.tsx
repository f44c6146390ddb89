'use client';
// Group header rows of the canvas: VPC, Availability Zone, subnet, each collapsible.
import { cn } from '@/lib/cn';
import { Badge } from '@/components/ui/badge';
import { ChevronIcon, GlobeIcon } from '@/components/ui/icons';
import type { Subnet, Vpc } from '@/lib/topology';
import { formatCount, plural, subnetUsage } from './model/format';
import { domIds, testIds } from './dom-ids';
import { useIsSelected, useTopology } from './topology-context';

/** "12 instances", or "3 of 12 instances" when filters hide some. */
function instanceWords(shown: number, total: number | undefined): string {
  return total !== undefined && total !== shown
    ? `${formatCount(shown)} of ${plural(total, 'instance')}`
    : plural(shown, 'instance');
}

function Toggle({ expanded, onToggle, label }: { expanded: boolean; onToggle: () => void; label: string }) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-expanded={expanded}
      aria-label={`${expanded ? 'Collapse' : 'Expand'} ${label}`}
      className="inline-flex size-6 shrink-0 items-center justify-center rounded text-faint hover:bg-subtle hover:text-fg"
    >
      <ChevronIcon className={cn('transition-transform', expanded && 'rotate-90')} />
    </button>
  );
}

type VpcRowProps = {
  vpc: Vpc;
  subnetCount: number;
  instanceCount: number;
  totalCount?: number;
  expanded: boolean;
  onToggle: () => void;
};

export function VpcRow({ vpc, subnetCount, instanceCount, totalCount, expanded, onToggle }: VpcRowProps) {
  const { select } = useTopology();
  const selected = useIsSelected({ kind: 'vpc', id: vpc.id });
  return (
    <div
      id={domIds.vpcRow(vpc.id)}
      className={cn(
        'mt-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border bg-surface px-2 py-2 shadow-xs',
        selected ? 'border-accent ring-2 ring-accent/25' : 'border-line',
      )}
    >
      <Toggle expanded={expanded} onToggle={onToggle} label={`VPC ${vpc.name ?? vpc.id}`} />
      <Badge tone="accent" className="tracking-wide">
        VPC
      </Badge>
      <button
        type="button"
        onClick={() => select({ kind: 'vpc', id: vpc.id })}
        className="flex min-w-0 items-baseline gap-2 rounded text-left"
      >
        <h2 className="truncate text-sm font-semibold">{vpc.name ?? vpc.id}</h2>
        {vpc.name ? <span className="font-mono text-xs text-muted">{vpc.id}</span> : null}
      </button>
      <span className="font-mono text-xs text-fg">{vpc.cidrs.join(', ') || vpc.cidr}</span>
      {vpc.isDefault ? <Badge tone="outline">default</Badge> : null}
      {vpc.hasInternetGateway ? (
        <Badge tone="public" title={vpc.internetGatewayId ?? undefined}>
          <GlobeIcon className="size-3" />
          internet gateway
        </Badge>
      ) : (
        <Badge tone="neutral" title="Elastic IPs cannot be associated in this VPC">
          no internet gateway
        </Badge>
      )}
      <span className="ml-auto pr-2 text-xs text-muted">
        {plural(subnetCount, 'subnet')} · {instanceWords(instanceCount, totalCount)}
      </span>
    </div>
  );
}

type AzRowProps = {
  az: string;
  subnetCount: number;
  instanceCount: number;
  totalCount?: number;
  expanded: boolean;
  onToggle: () => void;
};

export function AzRow({ az, subnetCount, instanceCount, totalCount, expanded, onToggle }: AzRowProps) {
  return (
    <div className="flex items-center gap-2 pt-3 pb-1 pl-2">
      <Toggle expanded={expanded} onToggle={onToggle} label={`Availability Zone ${az}`} />
      <h3 className="flex items-baseline gap-2 text-xs text-faint">
        Availability Zone <span className="font-mono text-13 font-semibold text-fg">{az}</span>
      </h3>
      <span className="h-px flex-1 bg-line" aria-hidden />
      <span className="pr-1 text-2xs text-faint">
        {plural(subnetCount, 'subnet')} · {instanceWords(instanceCount, totalCount)}
      </span>
    </div>
  );
}

export function FreeAddressBar({ subnet, className }: { subnet: Subnet; className?: string }) {
  const usage = subnetUsage(subnet.cidr, subnet.availableIpCount);
  if (!usage) return null;
  const pct = Math.round(usage.freeRatio * 100);
  const tone = usage.free === 0 ? 'bg-danger' : usage.freeRatio < 0.15 ? 'bg-warn' : 'bg-ok';
  return (
    <span
      className={cn('inline-flex items-center gap-2', className)}
      title={`${formatCount(usage.free)} of ${formatCount(usage.usable)} usable addresses free (5 reserved by AWS)`}
    >
      <span
        role="meter"
        aria-label="Free addresses"
        aria-valuemin={0}
        aria-valuemax={usage.usable}
        aria-valuenow={usage.free}
        className="relative h-1.5 w-20 overflow-hidden rounded-full bg-subtle ring-1 ring-line ring-inset"
      >
        <span
          className={cn('absolute inset-y-0 left-0 rounded-full', tone)}
          style={{ width: `${Math.max(pct, usage.free ? 3 : 0)}%` }}
        />
      </span>
      <span className="text-xs text-muted tabular-nums">
        <span className={cn('font-mono', usage.free === 0 ? 'text-danger' : 'text-fg')}>{formatCount(usage.free)}</span>
        <span className="text-faint"> / {formatCount(usage.usable)} free</span>
      </span>
    </span>
  );
}

type SubnetRowProps = {
  subnet: Subnet;
  instanceCount: number;
  totalCount?: number;
  poolEniCount: number;
  visitorEniCount: number;
  expanded: boolean;
  onToggle: () => void;
};

export function SubnetRow({
  subnet,
  instanceCount,
  totalCount,
  poolEniCount,
  visitorEniCount,
  expanded,
  onToggle,
}: SubnetRowProps) {
  const { select } = useTopology();
  const selected = useIsSelected({ kind: 'subnet', id: subnet.id });
  return (
    <div
      id={domIds.subnetRow(subnet.id)}
      data-testid={testIds.subnet(subnet.id)}
      className={cn(
        'ml-6 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border px-1.5 py-1.5',
        selected ? 'border-accent bg-accent-soft/50' : 'border-transparent bg-subtle',
      )}
    >
      <Toggle expanded={expanded} onToggle={onToggle} label={`subnet ${subnet.name ?? subnet.id}`} />
      <button
        type="button"
        onClick={() => select({ kind: 'subnet', id: subnet.id })}
        className="flex min-w-0 items-baseline gap-2 rounded text-left"
      >
        <h4 className="truncate text-13 font-medium">{subnet.name ?? subnet.id}</h4>
        {subnet.name ? <span className="hidden font-mono text-2xs text-faint 2xl:inline">{subnet.id}</span> : null}
      </button>
      <span className="font-mono text-xs font-medium text-fg">{subnet.cidr}</span>
      <FreeAddressBar subnet={subnet} />
      <span className="ml-auto flex items-center gap-2 pr-1 text-xs text-muted">
        {poolEniCount > 0 ? <Badge tone="eni">{plural(poolEniCount, 'unattached ENI')}</Badge> : null}
        {visitorEniCount > 0 ? (
          <span title="ENIs in this subnet attached to instances whose primary ENI is in another subnet">
            {plural(visitorEniCount, 'second-leg ENI')} ·
          </span>
        ) : null}
        {instanceWords(instanceCount, totalCount)}
      </span>
    </div>
  );
}
