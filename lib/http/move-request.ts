// Parses what a route or action receives into a move (and an optional confirmed plan), turning zod's issues
// into one message that names each field and says what to send. The guard's parser for plan and apply.
import { z } from 'zod';
import { type Failure, fail } from '@/lib/result';
import { type Move, type Plan, moveSchema, planSchema } from '@/lib/topology';

/**
 * A progress id names the live steps of one apply (GET /api/progress/{id}); it is chosen by the caller before the
 * apply starts, so it is not a journal operation id (op-…, assigned by the server, GET /api/operations/{id}).
 */
export const progressIdSchema = z
  .string()
  .regex(
    /^progress-[A-Za-z0-9-]{8,64}$/,
    'Expected a progress id such as progress-0b7c2f1e-…: "progress-" and 8 to 64 letters, digits or dashes',
  );
/**
 * The account and region a move acts in (either absent: the default's); the same shape as lib/ec2's Scope. Also the
 * scope a confirmed plan was made in: /api/plan marks its plans with both; the console's page marks the plans it
 * makes with its own scope as the URL names it.
 */
const account = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'Expected an account id such as prod');
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'Expected a region such as us-east-1');
export const scopeSchema = z.strictObject({ account: account.optional(), region: region.optional() });

/**
 * scope: where to act; plannedScope: the confirmed plan's own (what /api/plan answered), which must be the same;
 * progressId: chosen by the caller to follow the steps as they happen at GET /api/progress/{id}.
 */
export type MoveRequest = {
  move: Move;
  confirmed?: Plan;
  progressId?: string;
  scope?: z.infer<typeof scopeSchema>;
  plannedScope?: z.infer<typeof scopeSchema>;
};

export const MOVE_EXAMPLE =
  'for example {"kind":"detach-eni","eni":"eni-0123456789abcdef0"} or {"move":{…},"confirmed":<the plan from /api/plan>}';

const wrappedSchema = z
  .object({
    move: moveSchema,
    confirmed: planSchema.extend({ scope: scopeSchema.optional() }).optional(),
    scope: scopeSchema.optional(),
    progressId: progressIdSchema.optional(),
  })
  .strict();

function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'the body' : `field "${path.map(String).join('.')}"`;
}

/** "field "move.toEni": Expected an ENI id such as eni-0123456789abcdef0; field "kind": …". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 6)
    .map((issue) => `${fieldName(issue.path)}: ${issue.message}`)
    .join('; ');
}

export function invalidInput(error: z.ZodError): Failure {
  return fail(
    'invalid-input',
    `The request is not a valid move: ${describeIssues(error)}. Send a move as JSON, ${MOVE_EXAMPLE}.`,
    {
      details: { issues: error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
    },
  );
}

/** A bare move, or { move, confirmed }: the key `move` tells which was meant, so errors point at the right fields. */
export function parseMoveRequest(input: unknown): ({ ok: true } & MoveRequest) | Failure {
  if (input !== null && typeof input === 'object' && 'move' in input) {
    const parsed = wrappedSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    const { move, scope, progressId } = parsed.data;
    const extra = { ...(scope ? { scope } : {}), ...(progressId ? { progressId } : {}) };
    if (!parsed.data.confirmed) return { ok: true, move, ...extra };
    const { scope: plannedScope, ...confirmed } = parsed.data.confirmed;
    return { ok: true, move, confirmed, ...extra, ...(plannedScope ? { plannedScope } : {}) };
  }
  const parsed = moveSchema.safeParse(input);
  return parsed.success ? { ok: true, move: parsed.data } : invalidInput(parsed.error);
}
