// Plans in sequence (an undo can take several moves) and the moves that undo applied plans.
import { applyMove } from './apply';
import type { CheckSettings, Move, Plan, Reason } from './move';
import { checkMove } from './rules';
import type { Snapshot } from './schema';

export type Sequence = { ok: true; plans: Plan[] } | { ok: false; at: number; move: Move; reasons: Reason[] };

/**
 * Checks moves one after the other, each on the snapshot the previous ones leave (an undo that re-assigns
 * an IP and then puts its EIP back needs the IP to exist first). Stops at the first refusal.
 */
export function planSequence(snapshot: Snapshot, moves: readonly Move[], settings: CheckSettings): Sequence {
  const plans: Plan[] = [];
  let current = snapshot;
  for (const [at, move] of moves.entries()) {
    const verdict = checkMove(current, move, settings);
    if (!verdict.ok) return { ok: false, at, move, reasons: verdict.reasons };
    plans.push(verdict.plan);
    if (at < moves.length - 1) current = applyMove(current, verdict.plan.move);
  }
  return { ok: true, plans };
}

/** The moves that undo a batch of applied plans: each plan's inverse, last plan first. */
export function undoMoves(applied: readonly Pick<Plan, 'inverse'>[]): Move[] {
  return [...applied].reverse().flatMap((p) => p.inverse);
}
