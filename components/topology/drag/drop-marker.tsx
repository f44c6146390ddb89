'use client';
// How a drop target looks while something droppable is carried: accent when allowed, muted and marked
// "no" when refused, a stronger ring when the drag is over it.
import { memo } from 'react';
import { cn } from '@/lib/cn';
import { BanIcon } from '@/components/ui/icons';
import type { DropState } from './drag-session';

/**
 * Classes for a target's outline and fill; `base` is what it looks like when nothing is dragged. Targets change
 * without a CSS transition: hundreds change at once when a drag starts, and fading them all cost a style
 * recalculation and a compositor layer per target in every frame of the fade (issue 11, the pick-up frame).
 */
export function dropClasses(state: DropState, isOver: boolean, base: string): string {
  switch (state) {
    case 'allowed':
      return cn(
        'border-solid border-accent bg-accent-soft',
        isOver ? 'ring-3 ring-accent/40' : 'ring-1 ring-accent/20',
      );
    case 'refused':
      // Muted rather than loud: most targets refuse most drags; the one under the pointer says why.
      return isOver
        ? 'border-solid border-danger/60 bg-danger-soft ring-3 ring-danger/25'
        : 'border-dashed border-line-strong bg-transparent opacity-45';
    case 'same':
      return cn(base, 'opacity-60');
    default:
      return base;
  }
}

/**
 * The small "no" marker a refused target carries (the reason is in the hint and in aria-describedby). Memoized, as
 * is DropReason: dnd-kit re-renders every target when a drag starts, and these are most of its components.
 */
export const RefusedMarker = memo(function RefusedMarker({
  state,
  className,
}: {
  state: DropState;
  className?: string;
}) {
  if (state !== 'refused') return null;
  return <BanIcon className={cn('size-3 text-danger/80', className)} />;
});
