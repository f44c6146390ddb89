'use client';
// The canvas: the flattened VPC → AZ → subnet → instance rows, virtualized so 2,000 instances stay fluid.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { breadcrumbAt, type Row } from './model/rows';
import { CanvasBar } from './canvas-bar';
import { ChevronIcon } from '@/components/ui/icons';
import { AzRow, SubnetRow, VpcRow } from './group-rows';
import { InstanceCard } from './instance-card';
import { InstanceLine } from './instance-line';
import { flashElement } from './topology-context';

export type RevealRequest = { rowIndex: number; domId: string; nonce: number };

const estimates: Record<Row['kind'], number> = { vpc: 64, az: 40, subnet: 44, instance: 190, empty: 36 };

type Props = {
  rows: Row[];
  onToggle: (key: string, expanded: boolean) => void;
  onExpandAll: (open: boolean) => void;
  reveal: RevealRequest | null;
  /** What to say when there are no rows (the filters match nothing, say). */
  emptyMessage?: string;
  /** One line per instance, except the instances opened in place. */
  compact: boolean;
  onCompact: (compact: boolean) => void;
  openInstances: ReadonlySet<string>;
  onOpenInstance: (id: string, open: boolean) => void;
};

export function TopologyList({
  rows,
  onToggle,
  onExpandAll,
  reveal,
  emptyMessage,
  compact,
  onCompact,
  openInstances,
  onOpenInstance,
}: Props) {
  const lineOf = (row: Row | undefined) => compact && row?.kind === 'instance' && !openInstances.has(row.instance.id);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (lineOf(rows[i]) ? 36 : estimates[rows[i]?.kind ?? 'instance']),
    getItemKey: (i) => rows[i]?.key ?? i,
    // A small account is rendered whole (every card findable, every target measurable); a large one virtualized.
    overscan: rows.length <= 80 ? rows.length : compact ? 20 : 6,
  });

  // Scroll to a revealed row, then centre the exact element once it is rendered and measured.
  useEffect(() => {
    if (!reveal || reveal.rowIndex < 0) return;
    virtualizer.scrollToIndex(reveal.rowIndex, { align: 'start' });
    let frames = 0;
    let raf = 0;
    let settled = 0;
    const settle = () => {
      const el = document.getElementById(reveal.domId);
      if (el) {
        el.scrollIntoView({ block: 'center', inline: 'nearest' });
        // Rows measured after this first scroll can push the element aside: centre it again once they settle.
        settled = window.setTimeout(
          () => document.getElementById(reveal.domId)?.scrollIntoView({ block: 'center', inline: 'nearest' }),
          300,
        );
        flashElement(reveal.domId);
        if (el instanceof HTMLElement) {
          const focusable = el.matches('button') ? el : el.querySelector<HTMLElement>('button');
          focusable?.focus({ preventScroll: true });
        }
      } else if (frames++ < 20) {
        raf = requestAnimationFrame(settle);
      }
    };
    raf = requestAnimationFrame(settle);
    return () => {
      cancelAnimationFrame(raf);
      clearTimeout(settled);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per reveal request
  }, [reveal]);

  const items = virtualizer.getVirtualItems();
  const offset = virtualizer.scrollOffset ?? 0;
  const top = items.find((i) => i.end > offset);
  const crumb = breadcrumbAt(rows, top?.index ?? 0);
  return (
    <div className="flex h-full flex-col">
      <CanvasBar crumb={crumb} onExpandAll={onExpandAll} compact={compact} onCompact={onCompact} />
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto [overflow-anchor:none]" tabIndex={-1}>
        {rows.length === 0 ? (
          <p className="p-8 text-center text-muted">{emptyMessage ?? 'No VPCs in this region.'}</p>
        ) : (
          <div
            className="relative mx-auto w-full max-w-[1400px] pb-16"
            style={{ height: virtualizer.getTotalSize() + 64 }}
          >
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="absolute inset-x-4 top-0"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <RowView
                    row={row}
                    onToggle={onToggle}
                    density={!compact || row.kind !== 'instance' ? 'cards' : lineOf(row) ? 'line' : 'opened'}
                    onOpenInstance={onOpenInstance}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

type RowViewProps = {
  row: Row;
  onToggle: Props['onToggle'];
  density: 'cards' | 'line' | 'opened';
  onOpenInstance: Props['onOpenInstance'];
};

const RowView = memo(function RowView({ row, onToggle, density, onOpenInstance }: RowViewProps) {
  switch (row.kind) {
    case 'vpc':
      return (
        <VpcRow
          vpc={row.vpc}
          subnetCount={row.subnetCount}
          instanceCount={row.instanceCount}
          totalCount={row.totalCount}
          expanded={row.expanded}
          onToggle={() => onToggle(row.key, !row.expanded)}
        />
      );
    case 'az':
      return (
        <AzRow
          az={row.az}
          subnetCount={row.subnetCount}
          instanceCount={row.instanceCount}
          totalCount={row.totalCount}
          expanded={row.expanded}
          onToggle={() => onToggle(row.key, !row.expanded)}
        />
      );
    case 'subnet':
      return (
        <SubnetRow
          subnet={row.subnet}
          instanceCount={row.instanceCount}
          totalCount={row.totalCount}
          poolEniCount={row.poolEniCount}
          visitorEniCount={row.visitorEniCount}
          expanded={row.expanded}
          onToggle={() => onToggle(row.key, !row.expanded)}
        />
      );
    case 'instance':
      if (density === 'line') {
        return (
          <div className={row.last ? 'ml-10 pt-1 pb-3' : 'ml-10 pt-1'}>
            <InstanceLine instance={row.instance} onExpand={() => onOpenInstance(row.instance.id, true)} />
          </div>
        );
      }
      return (
        <div className={row.last ? 'ml-10 pt-2 pb-3' : 'ml-10 pt-2'}>
          {density === 'opened' ? (
            <button
              type="button"
              aria-expanded
              onClick={() => onOpenInstance(row.instance.id, false)}
              className="mb-1 inline-flex items-center gap-1 rounded px-1 text-2xs text-muted hover:bg-subtle hover:text-fg"
            >
              <ChevronIcon className="size-3 rotate-90" />
              Fold {row.instance.name ?? row.instance.id} to one line
            </button>
          ) : null}
          <InstanceCard instance={row.instance} />
        </div>
      );
    case 'empty':
      return <p className="ml-12 py-2 text-xs text-faint italic">{row.message}</p>;
  }
});
