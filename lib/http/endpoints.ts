// What each route and server action is at the boundary: its permission, its parser, its handler (the plain
// lib/ec2 functions) and what its audit row records. Routes and actions are built from these with the guard.
import 'server-only';
import { scopeInputSchema, type ScopeInput } from '@/lib/ec2/accounts';
import { getEc2Client, type Scope } from '@/lib/ec2/client';
import { applyPlannedMove, type Planned, planOnFreshState, scopeOf } from '@/lib/ec2/execute';
import { consoleOperations } from '@/lib/ec2/console-operations';
import { processProgress, progressJournal } from '@/lib/ec2/step-timings';
import { invalidateTopology, readTopology, type Topology } from '@/lib/ec2/topology';
import { z } from 'zod';
import { fail, type Result } from '@/lib/result';
import type { Applied } from '@/lib/topology';
import { type GuestFormat, guestConfigFor, guestConfigRequestSchema } from '@/lib/topology/guest-config';
import { renderGuestConfig } from '@/lib/topology/guest-config-render';
import type { BoundarySpec, QueryInput } from './guard';
import { afterAnswer, snapshotAnswer } from './snapshot-body';
import { resolveRequestScope, scopeDetails } from './scope-request';
import { describeIssues, type MoveRequest, parseMoveRequest } from './move-request';

const parse = (body: unknown) => {
  const request = parseMoveRequest(body);
  return request.ok ? { ok: true as const, value: request as MoveRequest } : request;
};

function resourcesOf(request: MoveRequest, result: Result<Planned>): string[] {
  if (result.ok) return result.plan.involved;
  const scope = scopeOf(request.move);
  return [...scope.ids, ...(scope.ips ?? [])];
}

/** The request's checked scope (scope-request.ts), kept on the request for its audit row. */
async function scopeFor(request: MoveRequest): Promise<Result<{ scope: Scope | undefined }>> {
  const resolved = await resolveRequestScope(request.scope, request.plannedScope, !!request.confirmed);
  if (resolved.ok && resolved.scope) request.scope = resolved.scope;
  return resolved;
}

/** Another user's apply already follows this progress id: it is theirs to follow, never taken over. */
export function progressIdTaken(id: string) {
  return fail(
    'invalid-input',
    `The progress id ${id} is already in use by another apply. Send a new one, e.g. progress-<a random UUID>.`,
  );
}

/** The plan, marked with the scope it was made in: applying it elsewhere is refused (move-request.ts). */
type ScopedPlanned = Planned & { plan: Planned['plan'] & { scope?: Scope } };

export const planEndpoint: BoundarySpec<MoveRequest, ScopedPlanned> = {
  name: 'plan',
  permission: 'change',
  parse,
  rateLimited: true,
  handler: async (request, identity) => {
    const where = await scopeFor(request);
    if (!where.ok) return where;
    const client = where.scope ? getEc2Client(where.scope, identity.name) : undefined;
    const planned = await planOnFreshState(request.move, request.confirmed, client ? { client } : {});
    return planned.ok && where.scope ? { ...planned, plan: { ...planned.plan, scope: where.scope } } : planned;
  },
  audit: (request, result) => ({
    resourceIds: resourcesOf(request, result),
    requestIds: [],
    details: {
      move: request.move,
      ...scopeDetails(request.scope),
      ...(result.ok ? { summary: result.plan.summary, steps: result.plan.steps.map((s) => s.action) } : {}),
    },
  }),
};

export const applyEndpoint: BoundarySpec<MoveRequest, Applied> = {
  name: 'apply',
  permission: 'change',
  parse,
  rateLimited: true,
  handler: async (request, identity) => {
    try {
      const where = await scopeFor(request);
      if (!where.ok) return where;
      // A role account's calls are made in a session named after the user (CloudTrail names who acted).
      const client = where.scope ? getEc2Client(where.scope, identity.name) : undefined;
      // The console's journal and locks live in its database (shared by every console process on one Postgres).
      const { journal, locks } = await consoleOperations();
      if (request.progressId && !processProgress.mayUse(request.progressId, identity.name))
        return progressIdTaken(request.progressId);
      // Followed by progress id: the steps show at GET /api/progress/{id} as they happen.
      const tracked = request.progressId ? progressJournal(journal, request.progressId, identity.name) : null;
      try {
        return await applyPlannedMove(request.move, request.confirmed, {
          user: identity.name,
          journal: tracked?.journal ?? journal,
          locks,
          // The journal records where the operation acts: a Finish/Restore of it acts there, whatever is viewed then.
          ...(client && where.scope ? { client, scope: where.scope } : {}),
        });
      } finally {
        tracked?.end();
      }
    } finally {
      // Whatever happened, the account may have changed: the next read must not reuse an older snapshot.
      invalidateTopology();
    }
  },
  audit: (request, result) => ({
    resourceIds: resourcesOf(request, result),
    requestIds: result.ok ? result.requestIds : requestIdsIn(result.details),
    details: {
      move: request.move,
      ...scopeDetails(request.scope),
      ...(result.ok ? { summary: result.plan.summary, verified: result.verified } : {}),
    },
  }),
};

/** Request ids a failure carries in its details (a partial failure names the calls that ran). */
function requestIdsIn(details: unknown): string[] {
  const d = details as { requestIds?: unknown; requestId?: unknown } | undefined;
  if (Array.isArray(d?.requestIds)) return d.requestIds.filter((x): x is string => typeof x === 'string');
  return typeof d?.requestId === 'string' ? [d.requestId] : [];
}

const topologyQuerySchema = scopeInputSchema.extend({ fresh: z.enum(['0', '1']).optional() });
type TopologyQuery = ScopeInput & { fresh: boolean };

/** `?account=…&region=…&fresh=1` of a read, all optional; anything else in the query is refused with what to send. */
export function parseTopologyQuery(input: unknown): Result<{ value: TopologyQuery }> {
  const { query } = input as QueryInput;
  const parsed = topologyQuerySchema.safeParse(query ?? {});
  if (parsed.success) {
    const { fresh, ...scope } = parsed.data;
    return { ok: true, value: { ...scope, fresh: fresh === '1' } };
  }
  return fail(
    'invalid-input',
    `${describeIssues(parsed.error)
      .replace(/field "(\w+)"/g, 'the query parameter "$1"')
      .replace(
        /\bthe body: Unrecognized keys?:/g,
        'the query: unknown parameter',
      )}. Send for example ?account=prod&region=us-east-1 (and fresh=1 for a newly read snapshot), or nothing for the default account and region.`,
  );
}

/** `{ ok: true, snapshot, settings, readAt, snapshotAgeMs, revalidating }`, through the same respond() as plan and apply. */
type TopologyAnswer = Omit<Topology, 'readAt'> & { readAt: string; snapshotAgeMs: number; account?: string };

/**
 * GET /api/topology[?account=…&region=…][&fresh=1]: the kept snapshot of that scope at once (with `readAt`,
 * `snapshotAgeMs`, and `revalidating` while a newer one is read), or with fresh=1 one no older than the reuse interval.
 */
export const topologyEndpoint: BoundarySpec<TopologyQuery, TopologyAnswer> = {
  name: 'topology.read',
  permission: 'read',
  parse: parseTopologyQuery,
  handler: async ({ fresh, ...input }, _identity, signal) => {
    // No account or region named: the environment's client, exactly as before accounts existed.
    const resolved = await resolveRequestScope(
      input.account !== undefined || input.region !== undefined ? input : undefined,
    );
    if (!resolved.ok) return resolved;
    const scope = resolved.scope;
    const result = await readTopology(scope, signal, { fresh, defer: afterAnswer });
    if (!result.ok) return result;
    const { snapshot, settings, readAt, revalidating } = result;
    const age = { readAt: new Date(readAt).toISOString(), snapshotAgeMs: Math.max(0, Date.now() - readAt) };
    return { ok: true, snapshot, settings, ...age, revalidating, ...(scope ? { account: scope.account } : {}) };
  },
  // The kept snapshot's JSON is made once per snapshot, not per read.
  render: (answer) => snapshotAnswer(answer),
};

type GuestConfigRequest = { id: string; format: GuestFormat; scope: ScopeInput };
type GuestConfigAnswer = { ok: true; text: string; needed: boolean };

/** GET /api/instances/{id}/guest-config?format=…[&account=…&region=…]: the guest OS configuration as text/plain, for scripts. */
export const guestConfigEndpoint: BoundarySpec<GuestConfigRequest, GuestConfigAnswer> = {
  name: 'guest-config.read',
  permission: 'read',
  parse: (input) => {
    const { params, query } = input as QueryInput;
    const parsed = guestConfigRequestSchema.safeParse({ id: params.id, format: query.format });
    const scope = scopeInputSchema.safeParse({ account: query.account, region: query.region });
    if (parsed.success && scope.success) return { ok: true, value: { ...parsed.data, scope: scope.data } };
    const message = [parsed.error, scope.error]
      .flatMap((e) => (e ? [describeIssues(e)] : []))
      .join('; ')
      .replace('field "id"', 'the instance id in the path')
      .replace(/field "(format|account|region)"/g, 'the query parameter "$1"');
    return fail(
      'invalid-input',
      `${message[0]!.toUpperCase()}${message.slice(1)}. For example: /api/instances/i-0123456789abcdef0/guest-config?format=iproute2 (with &account=…&region=… for another account or region).`,
    );
  },
  handler: async ({ id, format, scope }) => {
    // The account and region named, checked as for a move; none: the default scope.
    const where = await resolveRequestScope(scope.account || scope.region ? scope : undefined);
    if (!where.ok) return where;
    // A script asks once and acts on the answer: never a kept snapshot older than the reuse interval.
    const topology = await readTopology(where.scope, undefined, { fresh: true });
    if (!topology.ok) return topology;
    const config = guestConfigFor(topology.snapshot, id);
    if (!config)
      return fail(
        'not-found',
        `There is no instance ${id} in ${where.scope ? `account ${where.scope.account}, ` : ''}${topology.snapshot.region}. Check the id with GET /api/topology.`,
      );
    return { ok: true, text: renderGuestConfig(config, format), needed: config.needed };
  },
  render: ({ text, needed }) =>
    new Response(text, {
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Guest-Config-Needed': String(needed),
      },
    }),
};
