// The operation journal at the boundary: GET /api/operations (?unfinished=1 for the operations a crash left
// open, each with the observed state of its resources), GET /api/operations/{id} (one of them) and POST
// /api/operations/{id}/resolve {"action":"finish"|"restore"}, which plans and applies like any move and then closes
// the operation. {id} is always a journal id (op-…, assigned by the server); the live steps of an apply the caller
// follows are at GET /api/progress/{progressId} (progress-endpoint.ts).
import 'server-only';
import { z } from 'zod';
import { consoleOperations } from '@/lib/ec2/console-operations';
import {
  type OperationView,
  type Resolved,
  resolveOperation,
  viewOperation,
  viewOperations,
} from '@/lib/ec2/operations';
import { invalidateTopology } from '@/lib/ec2/topology';
import { fail } from '@/lib/result';
import type { BoundarySpec, Parsed, QueryInput } from './guard';
import { scopeDetails } from './scope-request';

type ListQuery = { unfinished: boolean; limit: number };

const listSchema = z
  .object({
    unfinished: z.enum(['0', '1', 'true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

function parseList(input: unknown): Parsed<ListQuery> {
  const { query } = input as QueryInput;
  const parsed = listSchema.safeParse(query);
  if (!parsed.success) {
    return fail(
      'invalid-input',
      'Bad query: use unfinished=1 (only operations never finished) and limit (1–200), e.g. /api/operations?unfinished=1.',
    );
  }
  return {
    ok: true,
    value: {
      unfinished: parsed.data.unfinished === '1' || parsed.data.unfinished === 'true',
      limit: parsed.data.limit ?? 50,
    },
  };
}

export const operationsEndpoint: BoundarySpec<ListQuery, { operations: OperationView[] }> = {
  name: 'operations.read',
  permission: 'read',
  parse: parseList,
  handler: async (query) => {
    const { journal } = await consoleOperations();
    return { ok: true, operations: await viewOperations(journal, query) };
  },
};

type ResolveRequest = { id: string; action: 'finish' | 'restore' };

const idSchema = z
  .string()
  .regex(/^op-[0-9a-f-]{36}$/, 'Expected an operation id such as op-0b7c…, from GET /api/operations?unfinished=1');

/** GET /api/operations/{id}: one journal operation (who, the move, the plan, its steps, the outcome). */
export const operationEndpoint: BoundarySpec<{ id: string }, { operation: OperationView }> = {
  name: 'operation.read',
  permission: 'read',
  parse: (input) => {
    const parsed = idSchema.safeParse((input as QueryInput).params.id);
    if (parsed.success) return { ok: true, value: { id: parsed.data } };
    return fail(
      'invalid-input',
      `The operation id in the path is not valid: ${parsed.error.issues[0]?.message}. The live steps of an apply are at GET /api/progress/{progressId}.`,
    );
  },
  handler: async ({ id }) => {
    const { journal } = await consoleOperations();
    const operation = await viewOperation(journal, id);
    return operation
      ? { ok: true, operation }
      : fail('not-found', `There is no operation ${id} in the journal. List them with GET /api/operations.`);
  },
};
const resolveSchema = z.object({ action: z.enum(['finish', 'restore']) }).strict();

/** The resolve endpoint of one operation (its id comes from the path, the action from the body). */
export function resolveEndpoint(id: string): BoundarySpec<ResolveRequest, Resolved> {
  return {
    name: 'operation.resolve',
    permission: 'change',
    rateLimited: true,
    parse: (body) => {
      const okId = idSchema.safeParse(id);
      if (!okId.success)
        return fail('invalid-input', `The operation id in the path is not valid: ${okId.error.issues[0]?.message}.`);
      const parsed = resolveSchema.safeParse(body);
      if (!parsed.success)
        return fail(
          'invalid-input',
          'Send {"action":"finish"} (complete the move on fresh state) or {"action":"restore"} (put the resources back).',
        );
      return { ok: true, value: { id, action: parsed.data.action } };
    },
    handler: async (request, identity) => {
      const { journal, locks } = await consoleOperations();
      try {
        return await resolveOperation(journal, request.id, request.action, { user: identity.name, journal, locks });
      } finally {
        invalidateTopology();
      }
    },
    audit: (request, result) => ({
      resourceIds: result.ok ? [...new Set(result.applied.flatMap((a) => a.plan.involved))] : [],
      requestIds: result.ok ? result.applied.flatMap((a) => a.requestIds) : [],
      details: {
        operation: request.id,
        action: request.action,
        ...(result.ok ? { outcome: result.outcome, ...scopeDetails(result.scope ?? undefined) } : {}),
      },
    }),
  };
}
