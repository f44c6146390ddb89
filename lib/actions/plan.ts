'use server';
// Server action: plan a move on fresh state. Same code path as POST /api/plan.
import { planOnFreshState, type Planned } from '@/lib/ec2/execute';
import type { Result } from '@/lib/result';
import { parseMoveRequest } from './input';

/** input: a move, or { move, confirmed } to ask whether a confirmed plan still holds. */
export async function planMoveAction(input: unknown): Promise<Result<Planned>> {
  const request = parseMoveRequest(input);
  if (!request.ok) return request;
  return planOnFreshState(request.move, request.confirmed);
}
