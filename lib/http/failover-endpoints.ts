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
import { consoleOperations } from '@/lib/ec2/console-operations';
import { invalidateTopology } from '@/lib/ec2/topology';
import type { Result } from '@/lib/result';
import type { Applied, FailoverPlan } from '@/lib/topology';
import { processProgress } from '@/lib/ec2/step-timings';
import { applyEndpoint, planEndpoint, progressIdTaken } from './endpoints';
import { type FailoverRequest, isFailoverBody, parseFailoverRequest } from './failover-request';
import type { BoundarySpec } from './guard';
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
    if (input.progressId && !processProgress.mayUse(input.progressId, identity.name))
      return progressIdTaken(input.progressId);
    try {
      // The console's journal and locks, as for any move: a move of one of its resources waits for the whole failover.
      const { journal, locks } = await consoleOperations();
      return await applyFailover(input.failover, input.confirmed, {
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
