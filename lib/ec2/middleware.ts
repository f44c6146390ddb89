// The middleware every console EC2Client carries: retries by kind (reads adaptive, changes sent once), the
// deadline scope's AbortSignal on every HTTP attempt (deadline.ts), a check that every success answer is the
// action's EC2 document (response-check.ts), and the endpoint's Server header.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { currentScope } from './deadline';
import { checkResponseRoot } from './response-check';

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
export function onceForChanges(client: EC2Client, delayScale: number): void {
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
export function abortWithDeadline(client: EC2Client): void {
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
export function checkResponseRoots(client: EC2Client): void {
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
export function recordServerHeader(client: EC2Client): void {
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
