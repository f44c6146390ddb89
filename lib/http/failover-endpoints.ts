// /api/plan and /api/apply take an ordinary move or a failover; this wraps the move endpoints so a
// failover body goes to lib/ec2/failover.
import 'server-only';
import type { Planned } from '@/lib/ec2/execute';
import {
  applyFailover,
  type FailoverApplied,
  type FailoverRehearsed,
  planFailover,
  rehearseFailover,
} from '@/lib/ec2/failover';
import { getEc2Client, type Scope } from '@/lib/ec2/client';
import { consoleOperations } from '@/lib/ec2/console-operations';
import { invalidateTopology } from '@/lib/ec2/topology';
import type { Identity } from '@/lib/auth/roles';
import type { Result } from '@/lib/result';
import type { Applied, FailoverPlan } from '@/lib/topology';
import { processProgress } from '@/lib/ec2/step-timings';
import { applyEndpoint, planEndpoint, progressIdTaken } from './endpoints';
import { type FailoverRequest, isFailoverBody, parseFailoverRequest } from './failover-request';
import type { BoundarySpec } from './guard';
import type { MoveRequest } from './move-request';
import { resolveRequestScope, scopeDetails } from './scope-request';

type Input = MoveRequest | FailoverRequest;
const isFailover = (input: Input): input is FailoverRequest => 'kind' in input && input.kind === 'failover';

const parse = (body: unknown) => {
  if (!isFailoverBody(body)) return planEndpoint.parse!(body);
  const request = parseFailoverRequest(body);
  return request.ok ? { ok: true as const, value: request as FailoverRequest } : request;
};

function failoverAudit(request: FailoverRequest, result: Result<{ plan: FailoverPlan } & Partial<FailoverApplied>>) {
  const details = result.ok ? undefined : (result.details as { requestIds?: string[] } | undefined);
  return {
    resourceIds: result.ok ? result.plan.involved : [request.failover.from, request.failover.to],
    requestIds: result.ok ? (result.requestIds ?? []) : (details?.requestIds ?? []),
    details: {
      failover: request.failover,
      ...scopeDetails(request.scope),
      ...(result.ok ? { summary: result.plan.summary, timings: result.timings?.totalMs } : {}),
    },
  };
}

/**
 * Where a failover acts: the scope it names (or its confirmed plan was made in), checked exactly as a move's
 * (scope-request.ts); the client of that account and region, sessions named after the user; kept on the request
 * for its audit row. No scope named: the environment's client.
 */
async function failoverScope(
  request: FailoverRequest,
  identity: Identity,
): Promise<Result<{ where: { client?: ReturnType<typeof getEc2Client>; scope?: Scope } }>> {
  const resolved = await resolveRequestScope(request.scope, request.plannedScope, !!request.confirmed);
  if (!resolved.ok) return resolved;
  if (!resolved.scope) return { ok: true, where: {} };
  request.scope = resolved.scope;
  return { ok: true, where: { client: getEc2Client(resolved.scope, identity.name), scope: resolved.scope } };
}

/** The failover plan, marked with the scope it was made in: applying it elsewhere is refused. */
function marked<T extends { plan: FailoverPlan }>(result: Result<T>, scope: Scope | undefined): Result<T> {
  return result.ok && scope ? { ...result, plan: { ...result.plan, scope } } : result;
}

export const planOrFailoverEndpoint: BoundarySpec<Input, Planned | { plan: FailoverPlan } | FailoverRehearsed> = {
  name: planEndpoint.name,
  permission: planEndpoint.permission,
  rateLimited: planEndpoint.rateLimited,
  parse,
  handler: async (input, identity, signal) => {
    if (!isFailover(input)) return planEndpoint.handler(input, identity, signal);
    const scoped = await failoverScope(input, identity);
    if (!scoped.ok) return scoped;
    const { where } = scoped;
    return input.failover.rehearse
      ? rehearseFailover(input.failover, where)
      : marked(await planFailover(input.failover, input.confirmed, where), where.scope);
  },
  audit: (input, result) =>
    isFailover(input)
      ? failoverAudit(input, result as Result<{ plan: FailoverPlan }>)
      : planEndpoint.audit!(input, result as Result<Planned>),
};

export const applyOrFailoverEndpoint: BoundarySpec<Input, Applied | FailoverApplied | FailoverRehearsed> = {
  name: applyEndpoint.name,
  permission: applyEndpoint.permission,
  rateLimited: applyEndpoint.rateLimited,
  parse,
  handler: async (input, identity, signal) => {
    if (!isFailover(input)) return applyEndpoint.handler(input, identity, signal);
    const scoped = await failoverScope(input, identity);
    if (!scoped.ok) return scoped;
    const { where } = scoped;
    // A rehearsal changes nothing: the cached topology stays valid.
    if (input.failover.rehearse) return rehearseFailover(input.failover, where);
    if (input.progressId && !processProgress.mayUse(input.progressId, identity.name))
      return progressIdTaken(input.progressId);
    try {
      // The console's journal and locks, as for any move: a move of one of its resources waits for the whole failover.
      const { journal, locks } = await consoleOperations();
      return await applyFailover(input.failover, input.confirmed, {
        ...where,
        user: identity.name,
        journal,
        locks,
        progressId: input.progressId,
      });
    } finally {
      invalidateTopology();
    }
  },
  audit: (input, result) =>
    isFailover(input)
      ? failoverAudit(input, result as Result<FailoverApplied>)
      : applyEndpoint.audit!(input, result as Result<Applied>),
};
