'use client';
// The changes of the selected resource as a row of small buttons in the details panel (the context menu's twin).
import { Button } from '@/components/ui/button';
import type { Selection } from '../model/selection';
import { type ChangeTarget, actionLabels, actionsFor } from './change-actions';
import { changesStore, useChangesState } from './changes-store';

function targetOf(selection: Selection): ChangeTarget | null {
  switch (selection.kind) {
    case 'vpc':
      return null;
    case 'ip':
      return { kind: 'ip', eniId: selection.eniId, address: selection.address };
    default:
      return { kind: selection.kind, id: selection.id };
  }
}

export function ChangeToolbar({ selection }: { selection: Selection }) {
  const { data } = useChangesState();
  const target = targetOf(selection);
  if (!data || !target) return null;
  const actions = actionsFor(data, target);
  return (
    <div
      role="toolbar"
      aria-label="Changes"
      data-testid="change-toolbar"
      className="flex flex-wrap gap-1.5 border-b border-line px-4 py-2"
    >
      {actions.map((a) => (
        <Button
          key={a}
          size="sm"
          data-testid={`change-tool-${a}`}
          onClick={() => changesStore.open({ action: a, target })}
        >
          {actionLabels[a].replace('…', '')}
        </Button>
      ))}
    </div>
  );
}
