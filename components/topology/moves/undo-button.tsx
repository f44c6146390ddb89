'use client';
// The header's Undo: names the plan it undoes; Ctrl/Cmd+Z does the same. While a move is applied it shows for how long.
import { Button } from '@/components/ui/button';
import { UndoIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { formatElapsed, useElapsedSeconds } from '../elapsed';
import { useMoves } from './moves-context';

export function UndoButton() {
  const { undo, undoLabel, busy } = useMoves();
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  const keys = mac ? '⌘Z' : 'Ctrl+Z';
  const elapsed = useElapsedSeconds(busy);
  return (
    <Button
      size="sm"
      onClick={undo}
      disabled={!undoLabel || busy}
      data-testid="undo"
      title={undoLabel ? `Undo: ${undoLabel} (${keys})` : 'Nothing to undo'}
      aria-label={undoLabel ? `Undo: ${undoLabel}` : 'Undo (nothing to undo)'}
    >
      {busy ? <Spinner /> : <UndoIcon />}
      {busy ? `Applying…${elapsed >= 1 ? ` ${formatElapsed(elapsed)}` : ''}` : 'Undo'}
    </Button>
  );
}
