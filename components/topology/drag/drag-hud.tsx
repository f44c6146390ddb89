'use client';
// What the drag draws on top of the page: the carried resource (overlay) and the verdict beside the target.
import { useLayoutEffect, useRef, useState } from 'react';
import { cn } from '@/lib/cn';
import { BanIcon, CheckIcon } from '@/components/ui/icons';
import { eniPlace, type Verdict } from '@/lib/topology';
import type { TopologyIndex } from '../model/topology-index';
import { describeTarget } from './announce';
import { targetId, type DragSource, type DropTarget } from './targets';

export function DragPreview({ index, source }: { index: TopologyIndex; source: DragSource }) {
  const shell =
    'inline-flex h-8 cursor-grabbing items-stretch overflow-hidden rounded-md border bg-surface text-xs shadow-lg ring-1 ring-black/5';
  switch (source.kind) {
    case 'ip': {
      const eip = source.allocationId ? index.eipByAllocation.get(source.allocationId) : undefined;
      return (
        <div data-testid="drag-preview" className={cn(shell, 'border-accent')}>
          <span className="flex items-center px-2 font-mono font-medium text-fg">{source.address}</span>
          {eip ? (
            <span className="flex items-center gap-1 border-l border-eip/25 bg-eip-soft px-1.5 font-mono text-eip">
              <span className="font-sans text-[9px] font-bold tracking-wider">EIP</span>
              {eip.publicIp}
            </span>
          ) : null}
        </div>
      );
    }
    case 'eni': {
      const eni = index.eniById.get(source.eniId);
      return (
        <div
          data-testid="drag-preview"
          className={cn(shell, 'h-auto flex-col gap-0.5 border-eni border-l-[3px] px-2.5 py-1.5')}
        >
          <span className="flex items-center gap-1.5">
            <span className="font-mono font-medium text-fg">{source.eniId}</span>
            <span className="text-2xs text-faint">{eni?.privateIps.length ?? 0} IPs</span>
          </span>
          <span className="text-2xs text-muted">{eni?.name ?? eniPlace(index, eni, source.eniId)}</span>
        </div>
      );
    }
    case 'eip': {
      const eip = index.eipByAllocation.get(source.allocationId);
      return (
        <div
          data-testid="drag-preview"
          className={cn(shell, 'items-center gap-1 border-eip bg-eip-soft px-2 font-mono text-eip')}
        >
          <span className="font-sans text-[9px] font-bold tracking-wider">EIP</span>
          {eip?.publicIp ?? source.allocationId}
        </div>
      );
    }
  }
}

type Place = { left: number; top: number; below: boolean };

/** Floats above (or below) the target the drag is over: allowed with the plan's summary, or refused and why. */
export function TargetHint({
  index,
  target,
  verdict,
}: {
  index: TopologyIndex;
  target: DropTarget;
  verdict: Verdict | null;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<Place | null>(null);
  const id = targetId(target);

  useLayoutEffect(() => {
    const measure = () => {
      const node = document.querySelector(`[data-drop-id="${CSS.escape(id)}"]`);
      const hint = ref.current;
      if (!node || !hint) return setPlace(null);
      const r = node.getBoundingClientRect();
      const h = hint.offsetHeight;
      const w = hint.offsetWidth;
      const below = r.top - h - 8 < 8;
      const left = Math.max(8, Math.min(window.innerWidth - w - 8, r.left));
      setPlace({ left, top: below ? r.bottom + 8 : r.top - h - 8, below });
    };
    measure();
    window.addEventListener('scroll', measure, true);
    return () => window.removeEventListener('scroll', measure, true);
  }, [id, verdict]);

  const tone = !verdict ? 'neutral' : verdict.ok ? 'allowed' : 'refused';
  return (
    <div
      ref={ref}
      aria-hidden
      data-testid="drop-hint"
      data-verdict={tone}
      style={place ? { left: place.left, top: place.top } : { left: -9999, top: 0 }}
      className={cn(
        'pointer-events-none fixed z-[70] max-w-[26rem] rounded-md border px-2.5 py-1.5 text-xs shadow-lg',
        tone === 'allowed' && 'border-accent/40 bg-surface text-fg',
        tone === 'refused' && 'border-danger/40 bg-danger-soft text-fg',
        tone === 'neutral' && 'border-line bg-surface text-muted',
      )}
    >
      <p className="flex items-center gap-1.5 font-semibold">
        {tone === 'allowed' ? (
          <CheckIcon className="size-3.5 text-accent" />
        ) : tone === 'refused' ? (
          <BanIcon className="size-3.5 text-danger" />
        ) : null}
        <span className={tone === 'refused' ? 'text-danger' : tone === 'allowed' ? 'text-accent' : undefined}>
          {tone === 'allowed' ? 'Allowed' : tone === 'refused' ? 'Refused' : 'Already here'}
        </span>
        <span className="font-normal text-muted">· {describeTarget(index, target)}</span>
      </p>
      {verdict && verdict.ok ? (
        <p className="mt-0.5 text-muted">{verdict.plan.summary} Drop to review the plan.</p>
      ) : null}
      {verdict && !verdict.ok ? (
        <ul className="mt-0.5 flex flex-col gap-0.5">
          {verdict.reasons.map((r) => (
            <li key={`${r.rule}:${r.message}`}>{r.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
