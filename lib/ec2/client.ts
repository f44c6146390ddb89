// The one EC2Client the server uses: default credential chain, AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_EC2,
// plus demo-mode dummy credentials for a loopback endpoint, a per-client counter of the EC2 calls sent, and a
// check that every success answer is the action's EC2 document; retries by kind (reads adaptive, changes once)
// and the deadline scope's AbortSignal on every HTTP attempt (deadline.ts).
import 'server-only';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { EC2Client } from '@aws-sdk/client-ec2';
import { currentScope } from './deadline';
import { checkResponseRoot } from './response-check';

export const DEFAULT_REGION = 'us-east-1';

/** process.env or a plain map in tests (Next's ProcessEnv type insists on NODE_ENV). */
export type Env = Readonly<Record<string, string | undefined>>;

/** What the console knows about where a client points; the snapshot and the UI's mode badge show it. */
export type ClientInfo = { region: string; endpoint: string | null; demoCredentials: boolean };

/** EC2 requests actually sent over HTTP (retries included), in total and by action. */
export type CallCounter = { count(): number; byAction(): Record<string, number>; stop(): void };

const infos = new WeakMap<EC2Client, ClientInfo>();

/** True for localhost, 127.0.0.0/8 and ::1: where the embedded emulator runs. */
export function isLoopback(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Whether anything in the environment could give the default chain credentials. Checked without calling the
 * chain because its last resort (instance metadata) takes seconds to time out on a laptop.
 */
export function credentialsConfigured(env: Env = process.env): boolean {
  if (env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE || env.AWS_WEB_IDENTITY_TOKEN_FILE) return true;
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) return true;
  const credentialsFile = env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials');
  const configFile = env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config');
  // Paths from the environment and homedir(): tell Turbopack not to trace them, or it traces the whole project.
  return existsSync(/*turbopackIgnore: true*/ credentialsFile) || existsSync(/*turbopackIgnore: true*/ configFile);
}

/**
 * The endpoint the SDK will use. SDK v3 reads AWS_ENDPOINT_URL_EC2 (then AWS_ENDPOINT_URL) natively, so we
 * never pass it on; we only read it to label the snapshot and decide on demo credentials.
 */
export function configuredEndpoint(env: Env = process.env): string | null {
  return env.AWS_ENDPOINT_URL_EC2 || env.AWS_ENDPOINT_URL || null;
}

export function configuredRegion(env: Env = process.env): string {
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || DEFAULT_REGION;
}

const DEMO_CREDENTIALS = { accessKeyId: 'AKIDEMOENICONSOLE', secretAccessKey: 'demo-secret-not-used' };

export type CreateClientOptions = {
  /** Explicit endpoint (tests, bench). Omit to let the SDK resolve AWS_ENDPOINT_URL_EC2 / real AWS. */
  endpoint?: string | null;
  region?: string;
  /** Attempts per read, retries included (SDK default 3). Changes are always sent once (see onceForChanges). */
  maxAttempts?: number;
  /**
   * For tests that inject thousands of faults: 'standard' retry (no adaptive rate limiter, which remembers
   * throttling) and the SDK's backoff delays multiplied by `delayScale`. The app keeps the defaults.
   */
  retry?: { mode: 'adaptive' | 'standard'; delayScale: number };
};

/** A new client. Used directly by tests and the bench; the app uses getEc2Client(). */
export function createEc2Client(options: CreateClientOptions = {}): EC2Client {
  const region = options.region ?? configuredRegion();
  const endpoint = options.endpoint === undefined ? configuredEndpoint() : options.endpoint;
  const demoCredentials = endpoint !== null && isLoopback(endpoint) && !credentialsConfigured();
  const client = new EC2Client({
    region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(demoCredentials ? { credentials: DEMO_CREDENTIALS } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    // Reads back off with jitter and slow the client's own sending rate when EC2 throttles.
    retryMode: options.retry?.mode ?? 'adaptive',
    // Fail fast on a dead endpoint instead of the OS's multi-minute TCP timeout. requestTimeout only warns
    // unless throwOnRequestTimeout is set; deadline.ts bounds every call well before it anyway.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000, throwOnRequestTimeout: true },
  });
  onceForChanges(client, options.retry?.delayScale ?? 1);
  abortWithDeadline(client);
  // The SDK's logger middleware deep-copies every output through its sensitive-data filter even with the
  // default no-op logger, a large share of the CPU and garbage of reading a large account. We log nothing through it.
  client.middlewareStack.remove('loggerMiddleware');
  checkResponseRoots(client);
  recordServerHeader(client);
  infos.set(client, { region, endpoint, demoCredentials });
  return client;
}

/** A mutating call's error, marked inside the retry loop so the retry strategy below sends it no second time. */
const SENT_ONCE = Symbol('eniConsoleSentOnce');
const isChange = (commandName: string | undefined) => !!commandName && !commandName.startsWith('Describe');

type RetryStrategyLike = {
  mode?: string;
  acquireInitialRetryToken(scope: string): Promise<unknown>;
  refreshRetryTokenForRetry(token: unknown, info: { error?: unknown }): Promise<unknown>;
  recordSuccess(token: unknown): void;
};

/**
 * Retries by kind. A change whose answer was lost may have been made: sending it again blindly is what turned a
 * reset after DetachNetworkInterface into a second, failing call (issue 7). So a change is sent once, and the
 * executor decides from what a describe shows. Reads keep the SDK's adaptive retry. Nothing is retried once
 * the deadline scope has fired.
 */
function onceForChanges(client: EC2Client, delayScale: number): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (err) {
        if (isChange(context.commandName) && err && typeof err === 'object')
          Object.defineProperty(err, SENT_ONCE, { value: true });
        throw err;
      }
    },
    // finalizeRequest/low runs inside retryMiddleware: it sees each attempt's error before the strategy does.
    { step: 'finalizeRequest', priority: 'low', name: 'eniConsoleChangesSentOnce' },
  );
  const config = client.config as unknown as { retryStrategy: () => Promise<RetryStrategyLike> };
  const base = config.retryStrategy;
  let wrapped: RetryStrategyLike | null = null;
  config.retryStrategy = async () => {
    if (wrapped) return wrapped;
    const inner = await base();
    wrapped = {
      mode: inner.mode,
      acquireInitialRetryToken: (scope) => inner.acquireInitialRetryToken(scope),
      refreshRetryTokenForRetry: async (token, info) => {
        const err = info.error as Record<symbol, unknown> | undefined;
        if (err?.[SENT_ONCE] || currentScope()?.signal.aborted) throw info.error ?? new Error('not retried');
        const next = (await inner.refreshRetryTokenForRetry(token, info)) as { getRetryDelay(): number };
        if (delayScale === 1) return next;
        // The strategy's own token keeps its state; only the delay the middleware reads is scaled.
        return Object.assign(Object.create(next) as object, {
          getRetryDelay: () => Math.round(next.getRetryDelay() * delayScale),
        });
      },
      recordSuccess: (token) => inner.recordSuccess(token),
    };
    return wrapped;
  };
}

/** Every HTTP attempt carries the deadline scope's signal (with the caller's own, if any). */
function abortWithDeadline(client: EC2Client): void {
  type Handle = (request: unknown, options?: { abortSignal?: AbortSignal }) => Promise<unknown>;
  const handler = client.config.requestHandler as unknown as { handle: Handle };
  const handle = handler.handle.bind(handler);
  handler.handle = (request, options = {}) => {
    const scope = currentScope();
    if (!scope) return handle(request, options);
    const abortSignal = options.abortSignal ? AbortSignal.any([options.abortSignal, scope.signal]) : scope.signal;
    return handle(request, { ...options, abortSignal });
  };
}

/** Every 2xx answer must be the action's EC2 document (response-check.ts), checked before the SDK parses it. */
function checkResponseRoots(client: EC2Client): void {
  const collect = client.config.streamCollector;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const response = result.response as { statusCode?: number; body?: unknown };
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300) return result;
      const body = response.body instanceof Uint8Array ? response.body : await collect(response.body);
      response.body = body; // the SDK's deserializer takes collected bytes as it takes the stream
      checkResponseRoot(context.commandName?.replace(/Command$/, '') ?? 'unknown', status, body);
      return result;
    },
    // deserialize/low runs inside the SDK's deserializer (deserialize/normal): it sees the raw answer first.
    { step: 'deserialize', priority: 'low', name: 'eniConsoleResponseRootCheck' },
  );
}

const servers = new WeakMap<EC2Client, string>();

/** Remembers the endpoint's Server header, so the console can say whether it talks to AWS, the emulator or another endpoint. */
function recordServerHeader(client: EC2Client): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const headers = (result.response as { headers?: Record<string, string | undefined> }).headers;
      const server = headers?.server ?? headers?.Server;
      if (server) servers.set(client, server);
      return result;
    },
    { step: 'deserialize', priority: 'low', name: 'eniConsoleServerHeader' },
  );
}

/** The Server header of the client's latest answer; null before any answer or when the endpoint sends none. */
export function endpointServerOf(client: EC2Client): string | null {
  return servers.get(client) ?? null;
}

type Tally = { total: number; byAction: Record<string, number> };
const tallies = new WeakMap<EC2Client, Set<Tally>>();

/** Adds (once) a middleware inside the retry loop, so every HTTP attempt counts, as the endpoint sees it. */
function attachCallCounter(client: EC2Client): Set<Tally> {
  const existing = tallies.get(client);
  if (existing) return existing;
  const active = new Set<Tally>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const action = context.commandName?.replace(/Command$/, '') ?? 'unknown';
      for (const tally of active) {
        tally.total += 1;
        tally.byAction[action] = (tally.byAction[action] ?? 0) + 1;
      }
      return next(args);
    },
    // finalizeRequest/low runs inside retryMiddleware (finalizeRequest/high): once per attempt.
    { step: 'finalizeRequest', priority: 'low', name: 'eniConsoleCallCounter' },
  );
  tallies.set(client, active);
  return active;
}

/** Counts the EC2 requests a client sends from now until stop() (e.g. the calls one loadSnapshot makes). */
export function countCalls(client: EC2Client): CallCounter {
  const tally: Tally = { total: 0, byAction: {} };
  const active = attachCallCounter(client);
  active.add(tally);
  return { count: () => tally.total, byAction: () => ({ ...tally.byAction }), stop: () => void active.delete(tally) };
}

/** Region and endpoint of a client made here; for any other client, asks the client's own config. */
export async function clientInfo(client: EC2Client): Promise<ClientInfo> {
  const known = infos.get(client);
  if (known) return known;
  const region = await client.config.region();
  const endpoint = client.config.endpoint ? await client.config.endpoint() : null;
  const url = endpoint
    ? `${endpoint.protocol}//${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ''}${endpoint.path}`
    : null;
  return { region, endpoint: url, demoCredentials: false };
}

let cached: EC2Client | null = null;

/** The process-wide client, created on first use from the environment. */
export function getEc2Client(): EC2Client {
  cached ??= createEc2Client();
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEc2Client(): void {
  cached?.destroy();
  cached = null;
}
