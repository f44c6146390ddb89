// The one response shape at the HTTP boundary: { ok: true, … } with 200, or { ok: false, code, message, … } with
// the code's status. What leaves the server never names the EC2 endpoint or carries raw internal details: those
// go to the server log.
import 'server-only';
import type { ErrorCode, Failure, Result } from '@/lib/result';
import { httpStatusFor } from './status';

const URL_IN_TEXT = /\bhttps?:\/\/[^\s'"()<>]+/gi;
/** Details that say where the server's EC2 endpoint is or what broke inside it. */
const PRIVATE_DETAILS = new Set(['endpoint', 'cause', 'stack']);

/** The boundary's own refusals: their messages are ours and may name the request's origin or host. */
const BOUNDARY_CODES = new Set<ErrorCode>([
  'invalid-input',
  'unauthenticated',
  'forbidden',
  'read-only',
  'cross-origin',
  'wrong-host',
  'unsupported-media-type',
  'payload-too-large',
  'rate-limited',
]);

/** The failure as the client may see it: URLs in EC2-side messages replaced, private details dropped; the original is logged. */
export function publicFailure(failure: Failure): Failure {
  const message = BOUNDARY_CODES.has(failure.code)
    ? failure.message
    : failure.message.replace(URL_IN_TEXT, 'the EC2 endpoint');
  let details = failure.details;
  let removed = false;
  if (details && typeof details === 'object' && !Array.isArray(details)) {
    const entries = Object.entries(details as Record<string, unknown>);
    const kept = entries.filter(([k]) => !PRIVATE_DETAILS.has(k));
    removed = kept.length !== entries.length;
    if (removed) details = Object.fromEntries(kept);
  }
  if (message === failure.message && !removed) return failure;
  console.error(`[api] ${failure.code}: ${failure.message}`, failure.details ?? '');
  return { ...failure, message, ...(details === undefined ? {} : { details }) };
}

export function respond<T extends object>(result: Result<T>, headers: Record<string, string> = {}): Response {
  if (!result.ok) {
    const failure = publicFailure(result);
    return Response.json(failure, {
      status: httpStatusFor(failure),
      headers: { 'Cache-Control': 'no-store', ...headers },
    });
  }
  return Response.json(result, { headers: { 'Cache-Control': 'no-store', ...headers } });
}
