'use server';
// Server action: apply a move (fresh check, DryRun, steps, verify) through the request boundary (lib/http/guard).
import type { Applied } from '@/lib/topology';
import { guardedApply } from '@/lib/http/actions';
import type { Result } from '@/lib/result';

/** input: a move, or { move, confirmed } where confirmed is the plan the user saw and accepted. */
export async function applyMoveAction(input: unknown): Promise<Result<Applied>> {
  return guardedApply(input);
}
