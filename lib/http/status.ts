// The one code→status table of the HTTP boundary: every closed error code (lib/result.ts) and the status it answers with.
import type { ErrorCode, Failure } from '@/lib/result';

const statusByCode: Record<ErrorCode, number> = {
  'invalid-input': 400,
  refused: 409,
  stale: 409,
  conflict: 409,
  'not-found': 404,
  unauthorized: 403,
  'auth-failure': 401,
  throttled: 429,
  'limit-exceeded': 422,
  'endpoint-unreachable': 502,
  'malformed-response': 502,
  'ec2-error': 502,
  'partial-failure': 500,
  internal: 500,
  unauthenticated: 401,
  forbidden: 403,
  'read-only': 403,
  'cross-origin': 403,
  'wrong-host': 421,
  'unsupported-media-type': 415,
  'payload-too-large': 413,
  'rate-limited': 429,
  busy: 423,
  timeout: 504,
};

/** HTTP status for a Failure at the API boundary. */
export function httpStatusFor(failure: Failure): number {
  return statusByCode[failure.code];
}
