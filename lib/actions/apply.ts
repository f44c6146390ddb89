'use server';
// Server action: apply a move (fresh check, DryRun, steps, verify). Same code path as POST /api/apply.
import { type Applied, applyPlannedMove } from '@/lib/ec2/execute';
import type { Result } from '@/lib/result';
import { parseMoveRequest } from './input';

/** input: a move, or { move, confirmed } where confirmed is the plan the user saw and accepted. */
export async function applyMoveAction(input: unknown): Promise<Result<Applied>> {
  const request = parseMoveRequest(input);
  if (!request.ok) return request;
  return applyPlannedMove(request.move, request.confirmed);
}
