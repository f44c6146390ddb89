// Deadlines that hold: a scope (an apply's budget, a read's deadline) whose AbortSignal reaches every HTTP
// attempt the SDK makes inside it (client.ts passes it to the request handler), so no call outlives its budget.
// The SDK's own requestTimeout only logs a warning in this version (@smithy/node-http-handler setRequestTimeout).
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

/** The abort reason when a scope's time is up. */
export class DeadlineExceeded extends Error {
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what} did not finish within ${Math.round(ms / 100) / 10} s`);
    this.name = 'DeadlineExceeded';
  }
}

/** The abort reason when the caller went away (the browser cancelled a refresh). */
export class Cancelled extends Error {
  constructor(readonly what: string) {
    super(`${what} was cancelled`);
    this.name = 'Cancelled';
  }
}

type Scope = { signal: AbortSignal; deadline: number };
const scopes = new AsyncLocalStorage<Scope>();

/** The innermost scope's signal and deadline (epoch ms), or undefined outside any scope. */
export function currentScope(): Scope | undefined {
  return scopes.getStore();
}

/** Time an apply keeps back from its waits, to read where things are and answer before the budget ends. */
export const ANSWER_RESERVE_MS = 2_000;

/** Milliseconds left in the current scope (Infinity outside any scope). */
export function remainingMs(): number {
  const scope = scopes.getStore();
  return scope ? Math.max(0, scope.deadline - Date.now()) : Number.POSITIVE_INFINITY;
}

/**
 * Runs `work` with a deadline of `ms` (never later than an enclosing scope's) and an optional caller signal.
 * Every EC2 call inside is aborted when either fires; the SDK then throws an AbortError whose cause is the reason.
 */
export async function withDeadline<T>(
  ms: number,
  what: string,
  work: () => Promise<T>,
  caller?: AbortSignal,
): Promise<T> {
  const outer = scopes.getStore();
  const deadline = Math.min(Date.now() + ms, outer?.deadline ?? Number.POSITIVE_INFINITY);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineExceeded(what, ms)), Math.max(0, deadline - Date.now()));
  const onCancel = () => controller.abort(new Cancelled(what));
  const onOuter = () => controller.abort(outer?.signal.reason);
  caller?.addEventListener('abort', onCancel, { once: true });
  outer?.signal.addEventListener('abort', onOuter, { once: true });
  if (caller?.aborted) onCancel();
  if (outer?.signal.aborted) onOuter();
  try {
    return await scopes.run({ signal: controller.signal, deadline }, work);
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', onCancel);
    outer?.signal.removeEventListener('abort', onOuter);
  }
}

/** Sleeps up to `ms`, never past the scope's deadline; resolves false when no time is left. */
export async function pause(ms: number): Promise<boolean> {
  const left = remainingMs();
  if (left <= 0) return false;
  await new Promise((resolve) => setTimeout(resolve, Math.min(ms, left)));
  return remainingMs() > 0;
}

/** The deadline or cancellation an error carries in its cause chain, if any. */
export function abortReasonOf(err: unknown, depth = 0): DeadlineExceeded | Cancelled | null {
  if (err instanceof DeadlineExceeded || err instanceof Cancelled) return err;
  if (!err || typeof err !== 'object' || depth > 5) return null;
  return abortReasonOf((err as { cause?: unknown }).cause, depth + 1);
}
