'use client';
// The bar above the canvas: where the top of the view is (VPC › AZ › subnet) and expand/collapse for all subnets.
import { Button } from '@/components/ui/button';
import { ChevronIcon } from '@/components/ui/icons';
import type { Breadcrumb } from './model/rows';

type Props = {
  crumb: Breadcrumb;
  onExpandAll: (open: boolean) => void;
  compact: boolean;
  onCompact: (compact: boolean) => void;
};

export function CanvasBar({ crumb, onExpandAll, compact, onCompact }: Props) {
  const parts = [
    crumb.vpc ? { label: crumb.vpc.name ?? crumb.vpc.id, mono: !crumb.vpc.name } : null,
    crumb.az ? { label: crumb.az, mono: true } : null,
    crumb.subnet ? { label: `${crumb.subnet.name ?? crumb.subnet.id} ${crumb.subnet.cidr}`, mono: false } : null,
  ].filter((p) => p !== null);
  return (
    <div className="flex h-9 shrink-0 items-center gap-2 border-b border-line bg-canvas/95 px-4 backdrop-blur">
      <nav aria-label="Position in the topology" className="flex min-w-0 flex-1 items-center gap-1 text-xs text-muted">
        {parts.length === 0 ? <span className="text-faint">Topology</span> : null}
        {parts.map((p, i) => (
          <span key={i} className="flex min-w-0 items-center gap-1">
            {i > 0 ? <ChevronIcon className="size-3 text-faint" /> : null}
            <span className={p.mono ? 'truncate font-mono' : 'truncate'}>{p.label}</span>
          </span>
        ))}
      </nav>
      <div role="group" aria-label="Density" className="flex items-center rounded-md border border-line-strong p-0.5">
        {([false, true] as const).map((c) => (
          <button
            key={String(c)}
            type="button"
            aria-pressed={compact === c}
            data-testid={c ? 'density-compact' : 'density-cards'}
            onClick={() => onCompact(c)}
            title={
              c
                ? 'One line per instance, with its slot counts; open a line to see its slots'
                : 'Every instance as a card with its ENI and IP slots'
            }
            className={
              compact === c
                ? 'rounded bg-subtle px-2 py-0.5 text-xs font-medium text-fg'
                : 'rounded px-2 py-0.5 text-xs text-muted hover:text-fg'
            }
          >
            {c ? 'Compact' : 'Cards'}
          </button>
        ))}
      </div>
      <Button variant="ghost" size="sm" onClick={() => onExpandAll(true)}>
        Expand all
      </Button>
      <Button variant="ghost" size="sm" onClick={() => onExpandAll(false)}>
        Collapse all
      </Button>
    </div>
  );
}
