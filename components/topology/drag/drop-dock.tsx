'use client';
// Drop zones that exist only while dragging: "Unassign" for a secondary IP, and the pools when the side rail
// is not on screen (narrow viewports).
import { cn } from '@/lib/cn';
import { BanIcon, CheckIcon } from '@/components/ui/icons';
import { DropReason, useDropTarget } from './drag-session';
import type { DragSource, DropTarget } from './targets';

type Zone = { target: DropTarget; title: string; detail: string; testId: string };

function zonesFor(source: DragSource, railVisible: boolean): Zone[] {
  if (source.kind === 'ip') {
    return [
      {
        target: { kind: 'unassign' },
        title: `Unassign ${source.address}`,
        detail: source.allocationId
          ? 'The address returns to its subnet; its Elastic IP is disassociated and stays allocated.'
          : 'The address returns to its subnet.',
        testId: 'drop-unassign',
      },
    ];
  }
  if (railVisible) return [];
  if (source.kind === 'eni' && source.instanceId) {
    return [
      {
        target: { kind: 'eni-pool' },
        title: 'Detach to the ENI pool',
        detail: 'The ENI stays, with its IPs, unattached.',
        testId: 'drop-eni-pool',
      },
    ];
  }
  if (source.kind === 'eip' && source.eniId) {
    return [
      {
        target: { kind: 'eip-pool' },
        title: 'Disassociate',
        detail: 'The Elastic IP stays allocated (and billed) in the pool.',
        testId: 'drop-eip-pool',
      },
    ];
  }
  return [];
}

export function DropDock({ source, railVisible }: { source: DragSource; railVisible: boolean }) {
  const zones = zonesFor(source, railVisible);
  if (zones.length === 0) return null;
  return (
    <div data-drop-region="2" className="pointer-events-none fixed inset-x-0 bottom-5 z-40 flex justify-center px-4">
      <div className="pointer-events-auto flex gap-2">
        {zones.map((z) => (
          <DockZone key={z.testId} zone={z} />
        ))}
      </div>
    </div>
  );
}

function DockZone({ zone }: { zone: Zone }) {
  const { setNodeRef, state, isOver, verdict, targetProps, reasonId } = useDropTarget(zone.target);
  return (
    <div
      ref={setNodeRef}
      {...targetProps}
      data-testid={zone.testId}
      className={cn(
        'flex w-[22rem] max-w-full items-center gap-3 rounded-lg border-2 border-dashed bg-surface/95 px-4 py-3 shadow-lg backdrop-blur transition-colors',
        state === 'allowed' && (isOver ? 'border-danger bg-danger-soft' : 'border-danger/50'),
        state === 'refused' && 'border-line-strong opacity-80',
        state === 'same' && 'border-line',
      )}
    >
      <span
        className={cn(
          'flex size-8 shrink-0 items-center justify-center rounded-full',
          state === 'allowed' ? 'bg-danger-soft text-danger' : 'bg-subtle text-faint',
        )}
        aria-hidden
      >
        {state === 'refused' ? (
          <BanIcon className="size-4" />
        ) : isOver ? (
          <CheckIcon className="size-4" />
        ) : (
          <span className="text-base leading-none">↓</span>
        )}
      </span>
      <span className="flex min-w-0 flex-col">
        <span className="text-13 font-semibold text-fg">{zone.title}</span>
        <span className="text-2xs text-muted">{zone.detail}</span>
      </span>
      <DropReason id={reasonId} verdict={verdict} />
    </div>
  );
}
