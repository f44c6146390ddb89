// What every action and API route returns: data, or a closed error code with a message a person can act on.
import type { Reason } from '@/lib/topology';

export const errorCodes = [
  'invalid-input', // the request itself is malformed (bad JSON, wrong shape)
  'refused', // the rules refuse the move; reasons say which
  'stale', // the account changed since the drag; the fresh check refuses or differs
  'not-found', // a resource named in the request does not exist (any more)
  'unauthorized', // IAM denies an action; the message names it
  'auth-failure', // credentials missing, expired or invalid
  'throttled', // EC2 rate limit, after the SDK's retries
  'limit-exceeded', // an EC2 quota or per-type limit
  'conflict', // EC2 refused because of the resource's current state
  'endpoint-unreachable', // no answer from the EC2 endpoint
  'malformed-response', // the endpoint answered something that is not EC2's shape
  'partial-failure', // a multi-step plan failed part-way; the message says what was restored
  'ec2-error', // any other EC2 error; the message carries EC2's own code and text
  'internal', // a bug; logged server-side
  // The console's own boundary (who may ask, from where, how much):
  'unauthenticated', // no valid session or API token: sign in, or send Authorization: Bearer <token>
  'forbidden', // the user's role does not allow this
  'read-only', // the deployment refuses every change (ENI_CONSOLE_READ_ONLY=true)
  'cross-origin', // the request came from another web origin (Origin / Sec-Fetch-Site)
  'wrong-host', // the Host header names another site than the console's (ENI_CONSOLE_URL)
  'unsupported-media-type', // a state-changing request without Content-Type: application/json
  'payload-too-large', // the body is over the limit
  'rate-limited', // too many requests from this user; wait and retry
  'busy', // another change holds a lock on a resource involved; the message names it
  'timeout', // the EC2 endpoint did not answer within the deadline
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type Failure = { ok: false; code: ErrorCode; message: string; reasons?: Reason[]; details?: unknown };
export type Result<T> = ({ ok: true } & T) | Failure;

export function fail(code: ErrorCode, message: string, extra: Omit<Failure, 'ok' | 'code' | 'message'> = {}): Failure {
  return { ok: false, code, message, ...extra };
}
