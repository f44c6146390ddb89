// The one boundary every route handler and server action passes through: host → origin (state-changing
// requests, before anyone is identified, so a cross-site request never becomes the demo operator) → identity →
// role → read-only deployment → Content-Type → rate limit → body limit → parse → handler → one response shape.
// Every refusal, plan and apply is recorded in the audit.
import 'server-only';
import { headers as nextHeaders } from 'next/headers';
import { identify } from '@/lib/auth/identify';
import { isReadOnlyDeployment } from '@/lib/auth/mode';
import { type AuditEntry, type Identity, type Permission, can } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/db/audit';
import { type Failure, type Result, fail } from '@/lib/result';
import { MAX_BODY_BYTES, readLimitedText } from './body';
import { checkHost, checkOrigin } from './origin';
import { takeToken } from './rate-limit';
import { publicFailure, respond } from './respond';
import { API_CSP, securityHeaders, servedOverHttps } from './security-headers';
import { sourceAddress } from './source-address';

export type Parsed<I> = ({ ok: true } & { value: I }) | Failure;

export type BoundarySpec<I, O extends object> = {
  /** What the audit calls the request: 'plan', 'apply', 'topology.read'. */
  name: string;
  permission: Permission;
  /** Turns the JSON body into the handler's input (zod); absent for requests without a body. */
  parse?: (body: unknown) => Parsed<I>;
  /** Plan and apply: one token per request from the user's bucket. */
  rateLimited?: boolean;
  /** `signal` fires when the caller goes away (a route's request is aborted): long reads stop with it. */
  handler: (input: I, identity: Identity, signal?: AbortSignal) => Promise<Result<O>>;
  /** A route that answers something other than JSON (text/plain for scripts): the success as a Response. */
  render?: (value: O) => Response;
  /** When present, the outcome is audited with what this returns (resource ids, request ids, details). */
  audit?: (
    input: I,
    result: Result<O>,
  ) => Pick<AuditEntry, 'resourceIds' | 'requestIds' | 'details'> & { outcome?: AuditEntry['outcome'] };
};

/** What the guard needs of a request, from a Request (routes) or next/headers (server actions). */
type Incoming = {
  /** A server action arrives in Next's own protocol (its own Content-Type), already deserialised. */
  via: 'route' | 'action';
  method: string;
  path: string;
  headers: Headers;
  body: () => Promise<{ ok: true; value: unknown } | Failure>;
  signal?: AbortSignal;
};

type Passed<O> = { result: Result<O>; headers?: Record<string, string> };

const roleNeeded: Record<Permission, string> = { read: 'viewer', change: 'operator', admin: 'admin' };

async function audit(entry: AuditEntry): Promise<void> {
  try {
    await recordAudit(entry);
  } catch (err) {
    // The request's outcome stands (a change already made cannot be unmade); the missing row must be noticed.
    console.error('[audit] could not record', entry.action, entry.outcome, err);
  }
}

function who(identity: Identity | null, incoming: Incoming) {
  return {
    userId: identity?.userId ?? null,
    userName: identity?.name ?? null,
    role: identity?.role ?? null,
    sourceIp: sourceAddress(incoming.headers),
    userAgent: incoming.headers.get('user-agent')?.slice(0, 300) ?? null,
  };
}

async function refuse<O>(
  spec: { name: string },
  incoming: Incoming,
  identity: Identity | null,
  failure: Failure,
  headers?: Record<string, string>,
): Promise<Passed<O>> {
  await audit({
    action: 'request-refused',
    outcome: 'denied',
    ...who(identity, incoming),
    resourceIds: [],
    requestIds: [],
    details: {
      request: spec.name,
      method: incoming.method,
      path: incoming.path,
      code: failure.code,
      message: failure.message,
    },
  });
  return { result: failure, headers };
}

function outcomeOf(result: Result<object>): AuditEntry['outcome'] {
  if (result.ok) return 'ok';
  if (result.code === 'refused' || result.code === 'stale' || result.code === 'invalid-input') return 'refused';
  // No answer, or an answer we cannot read: the change may or may not have happened.
  if (result.code === 'timeout' || result.code === 'endpoint-unreachable' || result.code === 'malformed-response')
    return 'unknown';
  return 'failed';
}

async function pass<I, O extends object>(spec: BoundarySpec<I, O>, incoming: Incoming): Promise<Passed<O>> {
  const changes = incoming.method !== 'GET' && incoming.method !== 'HEAD';
  const hostRefusal = checkHost(incoming.headers.get('host'));
  if (hostRefusal) return refuse(spec, incoming, null, hostRefusal);
  // Before identity: a cross-site request must be refused whatever cookie it carries, and never become the demo operator.
  const originRefusal = checkOrigin(incoming.headers);
  if (originRefusal) return refuse(spec, incoming, null, originRefusal);

  const identity = await identify(incoming.headers);
  if (!identity) {
    const message = incoming.headers.has('authorization')
      ? 'The bearer token is not valid (unknown, expired or revoked). Create a new one with `npm run token -- create --user NAME`.'
      : 'Sign in to the console, or send Authorization: Bearer <token> (create one with `npm run token -- create --user NAME`).';
    return refuse(spec, incoming, null, fail('unauthenticated', message));
  }
  if (!can(identity.role, spec.permission)) {
    const needed = roleNeeded[spec.permission];
    return refuse(
      spec,
      incoming,
      identity,
      fail(
        'forbidden',
        `Your role (${identity.role}) may not do this: it needs the ${needed} role or higher. Ask an admin.`,
      ),
    );
  }
  if (spec.permission !== 'read' && isReadOnlyDeployment()) {
    return refuse(
      spec,
      incoming,
      identity,
      fail(
        'read-only',
        'This deployment is read-only (ENI_CONSOLE_READ_ONLY): it refuses every change, whatever your role.',
      ),
    );
  }
  if (changes && incoming.via === 'route') {
    const type = incoming.headers.get('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return refuse(
        spec,
        incoming,
        identity,
        fail(
          'unsupported-media-type',
          `Send the body as JSON with Content-Type: application/json (got ${type ? `"${type.slice(0, 60)}"` : 'none'}).`,
        ),
      );
    }
  }
  if (spec.rateLimited) {
    const token = takeToken(identity.userId);
    if (!token.ok) {
      const message = `Too many plans and applies from ${identity.name}: wait ${token.retryAfterSeconds} s and retry.`;
      return refuse(
        spec,
        incoming,
        identity,
        fail('rate-limited', message, { details: { retryAfterSeconds: token.retryAfterSeconds } }),
        {
          'Retry-After': String(token.retryAfterSeconds),
        },
      );
    }
  }

  let input = undefined as I;
  if (spec.parse) {
    const body = await incoming.body();
    if (!body.ok && body.code !== 'invalid-input') return refuse(spec, incoming, identity, body);
    const parsed = body.ok ? spec.parse(body.value) : body;
    if (!parsed.ok) {
      // Not JSON, or not a move: the request is on the record as refused, like any other plan or apply.
      if (spec.audit)
        await audit({
          action: spec.name,
          outcome: 'refused',
          ...who(identity, incoming),
          resourceIds: [],
          requestIds: [],
          details: { code: parsed.code, message: parsed.message },
        });
      return { result: parsed };
    }
    input = parsed.value;
  }

  let result: Result<O>;
  try {
    result = await spec.handler(input, identity, incoming.signal);
  } catch (err) {
    console.error(`[api] ${spec.name} threw`, err);
    result = fail('internal', 'Something went wrong inside the console. The details are in the server log.');
  }
  if (spec.audit) {
    const extra = spec.audit(input, result);
    const details = result.ok
      ? extra.details
      : { ...(extra.details as object), code: result.code, message: publicFailure(result).message };
    await audit({
      action: spec.name,
      outcome: extra.outcome ?? outcomeOf(result),
      ...who(identity, incoming),
      ...extra,
      details,
    });
  }
  return { result };
}

function parseJsonText(text: string): { ok: true; value: unknown } | Failure {
  if (text.trim() === '')
    return fail('invalid-input', 'The request body is empty. Send JSON (see the README, "Scripts").');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return fail(
      'invalid-input',
      `The request body is not valid JSON (${(err as Error).message}). Send JSON (see the README, "Scripts").`,
    );
  }
}

function withHost(headers: Headers, host: string): Headers {
  const copy = new Headers(headers);
  copy.set('host', host);
  return copy;
}

/** What a GET route's `parse` receives: the dynamic path segments and the query string. */
export type QueryInput = { params: Record<string, string>; query: Record<string, string> };

type RouteContext = { params?: Promise<Record<string, string | string[]>> };

/** A route handler: (request) → Response, through the whole boundary. */
export function guardRoute<I, O extends object>(
  spec: BoundarySpec<I, O>,
): (request: Request, context?: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const url = new URL(request.url);
    // Next always passes the Host header; a Request built without one (tests, scripts) is judged by its URL.
    const headers = request.headers.has('host') ? request.headers : withHost(request.headers, url.host);
    const incoming: Incoming = {
      via: 'route',
      method: request.method,
      path: url.pathname,
      headers,
      signal: request.signal,
      body: async () => {
        if (request.method === 'GET' || request.method === 'HEAD') {
          const raw = (await context?.params) ?? {};
          const params = Object.fromEntries(
            Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]),
          );
          return { ok: true, value: { params, query: Object.fromEntries(url.searchParams) } satisfies QueryInput };
        }
        const text = await readLimitedText(request);
        return text.ok ? parseJsonText(text.text) : text;
      },
    };
    const passed = await pass(spec, incoming);
    // API routes bypass proxy.ts: the security headers are set here.
    const answerHeaders = {
      ...securityHeaders(servedOverHttps(request.headers)),
      'Content-Security-Policy': API_CSP,
      ...passed.headers,
    };
    if (passed.result.ok && spec.render) {
      const rendered = spec.render(passed.result);
      for (const [k, v] of Object.entries(answerHeaders)) rendered.headers.set(k, v);
      return rendered;
    }
    return respond(passed.result, answerHeaders);
  };
}

/**
 * A server action: (input) → Result, through the same boundary, with the request's headers from next/headers.
 * Next's action protocol sets its own Content-Type and already enforces serverActions.bodySizeLimit (64 KiB in
 * next.config.js); the guard still checks host, origin, identity, role, read-only, rate and size.
 */
export function guardAction<I, O extends object>(spec: BoundarySpec<I, O>): (input: unknown) => Promise<Result<O>> {
  return async (input) => {
    const headers = new Headers(await nextHeaders());
    const incoming: Incoming = {
      via: 'action',
      method: 'POST',
      path: `action:${spec.name}`,
      headers,
      body: async () => {
        const size = Buffer.byteLength(JSON.stringify(input ?? null));
        if (size > MAX_BODY_BYTES)
          return fail(
            'payload-too-large',
            `The request is larger than ${MAX_BODY_BYTES / 1024} KiB. Send one move and its plan.`,
          );
        return { ok: true, value: input };
      },
    };
    const { result } = await pass(spec, incoming);
    return result.ok ? result : publicFailure(result);
  };
}

/**
 * A route anyone may reach before signing in (better-auth's sign-in, sign-out and SSO callback): the boundary's
 * checks that need no identity — Host, Origin for state-changing requests, the body limit, the security headers
 * and a record of each refusal — then the handler itself, which checks credentials on its own.
 */
export function guardOpenRoute(
  name: string,
  handler: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const headers = request.headers.has('host') ? request.headers : withHost(request.headers, url.host);
    const incoming: Incoming = {
      via: 'route',
      method: request.method,
      path: url.pathname,
      headers,
      body: async () => ({ ok: true, value: null }),
    };
    const answerHeaders = { ...securityHeaders(servedOverHttps(request.headers)), 'Content-Security-Policy': API_CSP };
    const changes = request.method !== 'GET' && request.method !== 'HEAD';
    const refusal = checkHost(headers.get('host')) ?? (changes ? checkOrigin(headers) : null);
    if (refusal) return respond((await refuse<object>({ name }, incoming, null, refusal)).result, answerHeaders);
    let forwarded = request;
    if (changes) {
      const text = await readLimitedText(request);
      if (!text.ok) return respond((await refuse<object>({ name }, incoming, null, text)).result, answerHeaders);
      forwarded = new Request(request.url, { method: request.method, headers: request.headers, body: text.text });
    }
    const answer = await handler(forwarded);
    const out = new Response(answer.body, answer);
    for (const [k, v] of Object.entries(answerHeaders)) out.headers.set(k, v);
    return out;
  };
}
