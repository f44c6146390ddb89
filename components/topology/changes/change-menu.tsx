'use client';
// The one context menu of a resource: Move to… where it can move, then the changes that apply to it, as a WAI-ARIA
// menu (arrow keys, Escape).
import { useEffect, useRef, useState } from 'react';
import { Kbd } from '@/components/ui/kbd';
import { canMoveTo, openMoveTo } from '../move-to/move-to-entry';
import type { TopologyData } from '@/lib/queries/topology';
import { type ChangeAction, type ChangeTarget, actionLabels, actionsFor } from './change-actions';

type Props = {
  data: TopologyData;
  target: ChangeTarget;
  x: number;
  y: number;
  returnFocus: string;
  onPick: (action: ChangeAction) => void;
  onClose: () => void;
};

const subject = (t: ChangeTarget) => (t.kind === 'ip' ? t.address : t.kind === 'eip-pool' ? 'Elastic IPs' : t.id);

export function ChangeMenu({ data, target, x, y, returnFocus, onPick, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const actions = actionsFor(data, target);
  // Asked once, when the menu opens: the element it opened on is the one Move to… would take.
  const [movable] = useState(() => canMoveTo(returnFocus));

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.getElementById(returnFocus)?.focus({ preventScroll: true });
    };
  }, [onClose, returnFocus]);

  const move = (delta: number) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    items[(at + delta + items.length) % items.length]?.focus();
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={`Changes for ${subject(target)}`}
      data-testid="change-menu"
      style={{
        left: Math.min(x, window.innerWidth - 240),
        top: Math.min(y, window.innerHeight - 40 * (actions.length + (movable ? 1 : 0)) - 40),
      }}
      className="fixed z-50 w-56 rounded-lg border border-line bg-surface py-1 text-13 shadow-xl"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        else if (e.key === 'ArrowDown') move(1);
        else if (e.key === 'ArrowUp') move(-1);
        else return;
        e.preventDefault();
      }}
    >
      <p className="truncate px-3 pt-1 pb-1.5 font-mono text-2xs text-muted">{subject(target)}</p>
      {movable ? (
        <button
          type="button"
          role="menuitem"
          data-testid="change-action-move-to"
          onClick={() => {
            onClose();
            // After the menu has given focus back to the resource, so the picker returns it there too.
            requestAnimationFrame(() => openMoveTo(returnFocus));
          }}
          className="flex w-full items-center gap-2 px-3 py-1.5 text-left text-fg hover:bg-subtle focus-visible:bg-subtle focus-visible:outline-none"
        >
          Move to…
          <Kbd className="ml-auto">M</Kbd>
        </button>
      ) : null}
      {actions.map((a) => (
        <button
          key={a}
          type="button"
          role="menuitem"
          data-testid={`change-action-${a}`}
          onClick={() => onPick(a)}
          className="flex w-full px-3 py-1.5 text-left text-fg hover:bg-subtle focus-visible:bg-subtle focus-visible:outline-none"
        >
          {actionLabels[a]}
        </button>
      ))}
    </div>
  );
}
