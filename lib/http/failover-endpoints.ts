// /api/plan and /api/apply take an ordinary move or a failover; this wraps the move endpoints so a
// failover body goes to lib/ec2/failover, and adds the progress read of a running operation.
import 'server-only';
import type { Planned } from '@/lib/ec2/execute';
import {
  applyFailover,
  type FailoverApplied,
  type FailoverRehearsed,
  planFailover,
  rehearseFailover,
} from '@/lib/ec2/failover';
import { type Progress, processProgress } from '@/lib/ec2/step-timings';
import { invalidateTopology } from '@/lib/ec2/topology';
import { fail, type Result } from '@/lib/result';
import type { Applied, FailoverPlan } from '@/lib/topology';
import { applyEndpoint, planEndpoint } from './endpoints';
import { type FailoverRequest, isFailoverBody, operationIdSchema, parseFailoverRequest } from './failover-request';
import type { BoundarySpec, QueryInput } from './guard';
import type { MoveRequest } from './move-request';

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
      ...(result.ok ? { summary: result.plan.summary, timings: result.timings?.totalMs } : {}),
    },
  };
}

export const planOrFailoverEndpoint: BoundarySpec<Input, Planned | { plan: FailoverPlan } | FailoverRehearsed> = {
  name: planEndpoint.name,
  permission: planEndpoint.permission,
  rateLimited: planEndpoint.rateLimited,
  parse,
  handler: (input, identity, signal) => {
    if (!isFailover(input)) return planEndpoint.handler(input, identity, signal);
    return input.failover.rehearse ? rehearseFailover(input.failover) : planFailover(input.failover, input.confirmed);
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
    // A rehearsal changes nothing: the cached topology stays valid.
    if (input.failover.rehearse) return rehearseFailover(input.failover);
    try {
      return await applyFailover(input.failover, input.confirmed, {
        user: identity.name,
        operationId: input.operationId,
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

/** GET /api/operations/{id}: the steps of a running (or recently finished) failover, for the progress display. */
export const progressEndpoint: BoundarySpec<{ id: string }, { progress: Progress }> = {
  name: 'operation.read',
  permission: 'read',
  parse: (input) => {
    const parsed = operationIdSchema.safeParse((input as QueryInput).params.id);
    return parsed.success
      ? { ok: true, value: { id: parsed.data } }
      : fail('invalid-input', `The operation id in the path: ${parsed.error.issues[0]?.message}.`);
  },
  handler: async ({ id }) => {
    const progress = processProgress.get(id);
    return progress
      ? { ok: true, progress }
      : fail(
          'not-found',
          `No operation ${id} is known to this console process (it may not have started yet, or the server restarted).`,
        );
  },
};
