'use client';
// The undo history: the plans applied in this session, newest last; undo plans the moves that put the last one back
// (checked on the current state, as any move) and opens them for review. Ctrl/Cmd+Z does the same.
import { useIsMutating } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { applyMutationKey } from '@/lib/queries/moves';
import type { TopologyData } from '@/lib/queries/topology';
import { planSequence, undoMoves, type Plan } from '@/lib/topology';
import type { TopologyIndex } from '../model/topology-index';
import { useShortcut } from '../use-shortcut';
import { moveWords } from './sequence';
import { refusedToast, useToast } from './toast-context';

const HISTORY = 20;

type Options = {
  data: TopologyData;
  index: TopologyIndex;
  /** Opens the plans of an undo for review (the plan dialog). */
  reviewUndo: (plans: Plan[]) => void;
  /** While a plan is open for review, Ctrl/Cmd+Z does nothing (the dialog has the keyboard). */
  reviewing: boolean;
};

export type UndoHistory = {
  /** A plan sequence was applied: it becomes what Undo puts back. */
  record: (plans: Plan[]) => void;
  /** The last entry was undone (or has nothing left to undo). */
  dropLast: () => void;
  undo: () => void;
  /** The last applied plans in words, or null when there is nothing to undo. */
  undoLabel: string | null;
};

export function useUndoHistory({ data, index, reviewUndo, reviewing }: Options): UndoHistory {
  const [history, setHistory] = useState<Plan[][]>([]);
  const { show } = useToast();
  const busy = useIsMutating({ mutationKey: applyMutationKey }) > 0;

  const record = useCallback((plans: Plan[]) => setHistory((h) => [...h.slice(-(HISTORY - 1)), plans]), []);
  const dropLast = useCallback(() => setHistory((h) => h.slice(0, -1)), []);

  const undo = useCallback(() => {
    const last = history[history.length - 1];
    if (!last || busy) return;
    const moves = undoMoves(last);
    if (moves.length === 0) {
      dropLast();
      show({ tone: 'info', title: 'Nothing to undo for the last move.' });
      return;
    }
    const sequence = planSequence(data, moves, data.settings);
    if (!sequence.ok) {
      show(refusedToast(`Cannot undo now: ${moveWords(index, sequence.move)} is refused`, sequence.reasons));
      return;
    }
    reviewUndo(sequence.plans);
  }, [history, busy, data, index, show, dropLast, reviewUndo]);

  // Ctrl/Cmd+Z undoes the last applied plan (not while typing, and not while a plan is open).
  useShortcut(
    { key: 'z', mod: true },
    (e) => {
      e.preventDefault();
      undo();
    },
    !reviewing,
  );

  const last = history[history.length - 1];
  return {
    record,
    dropLast,
    undo,
    undoLabel: last ? last.map((p) => p.summary).join(' ') : null,
  };
}
