// Parses a failover request for /api/plan and /api/apply: a bare {"kind":"failover",…} or {"move":{…},"confirmed":…},
// with an optional progress id (GET /api/progress/{id} shows its steps). Tells a failover from a move by its kind.
import { z } from 'zod';
import type { Failure } from '@/lib/result';
import { type Failover, type FailoverPlan, failoverPlanSchema, failoverSchema } from '@/lib/topology';
import { invalidInput, type MoveRequest, progressIdSchema, scopeSchema } from './move-request';

/** scope and plannedScope as for a move (move-request.ts): where to act, and where the confirmed plan was made. */
export type FailoverRequest = {
  kind: 'failover';
  failover: Failover;
  confirmed?: FailoverPlan;
  progressId?: string;
} & Pick<MoveRequest, 'scope' | 'plannedScope'>;

const wrappedSchema = z
  .object({
    move: failoverSchema,
    confirmed: failoverPlanSchema.extend({ scope: scopeSchema.optional() }).optional(),
    scope: scopeSchema.optional(),
    progressId: progressIdSchema.optional(),
  })
  .strict();
const bareSchema = failoverSchema.extend({ scope: scopeSchema.optional() }).strict();

/** Whether the body asks for a failover (so its errors name the failover's fields, not a move's). */
export function isFailoverBody(input: unknown): boolean {
  if (input === null || typeof input !== 'object') return false;
  const body = input as { kind?: unknown; move?: { kind?: unknown } };
  return (
    body.kind === 'failover' || (typeof body.move === 'object' && body.move !== null && body.move.kind === 'failover')
  );
}

export function parseFailoverRequest(input: unknown): ({ ok: true } & FailoverRequest) | Failure {
  if (input !== null && typeof input === 'object' && 'move' in input) {
    const parsed = wrappedSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    const { move, confirmed, progressId, scope } = parsed.data;
    const { scope: plannedScope, ...plan } = confirmed ?? {};
    return {
      ok: true,
      kind: 'failover',
      failover: move,
      ...(confirmed ? { confirmed: plan as FailoverPlan } : {}),
      ...(progressId ? { progressId } : {}),
      ...(scope ? { scope } : {}),
      ...(plannedScope ? { plannedScope } : {}),
    };
  }
  const parsed = bareSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { scope, ...failover } = parsed.data;
  return { ok: true, kind: 'failover', failover, ...(scope ? { scope } : {}) };
}
