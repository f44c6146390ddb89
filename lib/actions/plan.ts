'use server';
// Server action: plan a move on fresh state through the request boundary (lib/http/guard).
import type { Planned } from '@/lib/ec2/execute';
import { guardedPlan } from '@/lib/http/actions';
import type { Result } from '@/lib/result';

/** input: a move, or { move, confirmed } to ask whether a confirmed plan still holds. */
export async function planMoveAction(input: unknown): Promise<Result<Planned>> {
  return guardedPlan(input);
}
