// What each route and server action is at the boundary: its permission, its parser, its handler (the plain
// lib/ec2 functions) and what its audit row records. Routes and actions are built from these with the guard.
import 'server-only';
import { applyPlannedMove, type Planned, planOnFreshState, scopeOf } from '@/lib/ec2/execute';
import { consoleOperations } from '@/lib/ec2/console-operations';
import { progressJournal } from '@/lib/ec2/step-timings';
import { invalidateTopology, readTopology, type Topology } from '@/lib/ec2/topology';
import { z } from 'zod';
import { fail, type Result } from '@/lib/result';
import type { Applied } from '@/lib/topology';
import { type GuestFormat, guestConfigFor, guestConfigRequestSchema } from '@/lib/topology/guest-config';
import { renderGuestConfig } from '@/lib/topology/guest-config-render';
import type { BoundarySpec, QueryInput } from './guard';
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

export const planEndpoint: BoundarySpec<MoveRequest, Planned> = {
  name: 'plan',
  permission: 'change',
  parse,
  rateLimited: true,
  handler: (request) => planOnFreshState(request.move, request.confirmed),
  audit: (request, result) => ({
    resourceIds: resourcesOf(request, result),
    requestIds: [],
    details: {
      move: request.move,
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
      // The console's journal and locks live in its database (shared by every console process on one Postgres).
      const { journal, locks } = await consoleOperations();
      // Followed by progress id: the steps show at GET /api/progress/{id} as they happen.
      const tracked = request.progressId ? progressJournal(journal, request.progressId) : null;
      try {
        return await applyPlannedMove(request.move, request.confirmed, {
          user: identity.name,
          journal: tracked?.journal ?? journal,
          locks,
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
    details: { move: request.move, ...(result.ok ? { summary: result.plan.summary, verified: result.verified } : {}) },
  }),
};

/** Request ids a failure carries in its details (a partial failure names the calls that ran). */
function requestIdsIn(details: unknown): string[] {
  const d = details as { requestIds?: unknown; requestId?: unknown } | undefined;
  if (Array.isArray(d?.requestIds)) return d.requestIds.filter((x): x is string => typeof x === 'string');
  return typeof d?.requestId === 'string' ? [d.requestId] : [];
}

const topologyQuerySchema = z.object({ fresh: z.enum(['0', '1']).optional() });

/** `{ ok: true, snapshot, settings, readAt, snapshotAgeMs, revalidating }`, through the same respond() as plan and apply. */
type TopologyAnswer = Omit<Topology, 'readAt'> & { readAt: string; snapshotAgeMs: number };

/**
 * GET /api/topology[?fresh=1]: the kept snapshot at once (with `readAt`, `snapshotAgeMs`, and `revalidating` while a
 * newer one is read), or with fresh=1 one no older than the reuse interval.
 */
export const topologyEndpoint: BoundarySpec<{ fresh: boolean }, TopologyAnswer> = {
  name: 'topology.read',
  permission: 'read',
  parse: (input) => {
    const parsed = topologyQuerySchema.safeParse((input as QueryInput).query);
    if (parsed.success) return { ok: true, value: { fresh: parsed.data.fresh === '1' } };
    return fail('invalid-input', 'Bad query: fresh=1 asks for a newly read snapshot, e.g. /api/topology?fresh=1.');
  },
  handler: async ({ fresh }, _identity, signal) => {
    const result = await readTopology(undefined, signal, { fresh });
    if (!result.ok) return result;
    const { snapshot, settings, readAt, revalidating } = result;
    const age = { readAt: new Date(readAt).toISOString(), snapshotAgeMs: Math.max(0, Date.now() - readAt) };
    return { ok: true, snapshot, settings, ...age, revalidating };
  },
};

type GuestConfigRequest = { id: string; format: GuestFormat };
type GuestConfigAnswer = { ok: true; text: string; needed: boolean };

/** GET /api/instances/{id}/guest-config?format=…: the guest OS configuration as text/plain, for scripts. */
export const guestConfigEndpoint: BoundarySpec<GuestConfigRequest, GuestConfigAnswer> = {
  name: 'guest-config.read',
  permission: 'read',
  parse: (input) => {
    const { params, query } = input as QueryInput;
    const parsed = guestConfigRequestSchema.safeParse({ id: params.id, format: query.format });
    if (parsed.success) return { ok: true, value: parsed.data };
    const message = describeIssues(parsed.error)
      .replace('field "id"', 'the instance id in the path')
      .replace('field "format"', 'the query parameter "format"');
    return fail(
      'invalid-input',
      `${message[0]!.toUpperCase()}${message.slice(1)}. For example: /api/instances/i-0123456789abcdef0/guest-config?format=iproute2`,
    );
  },
  handler: async ({ id, format }) => {
    // A script asks once and acts on the answer: never a kept snapshot older than the reuse interval.
    const topology = await readTopology(undefined, undefined, { fresh: true });
    if (!topology.ok) return topology;
    const config = guestConfigFor(topology.snapshot, id);
    if (!config)
      return fail(
        'not-found',
        `There is no instance ${id} in ${topology.snapshot.region}. Check the id with GET /api/topology.`,
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
