// Maps anything the SDK or the network throws to the closed ErrorCode set, with a message a person can act on
// (ec2-rules §1.3, ec2-rules §5). Also the IAM permissions the console needs, for the README.
import 'server-only';
import { type Failure, fail } from '@/lib/result';
import { Cancelled, abortReasonOf } from './deadline';
import { MalformedResponseError } from './response-check';

/** Every EC2 action the console calls, as IAM actions. Read-only use needs only the Describe* ones. */
export const requiredIamPermissions = [
  'ec2:DescribeVpcs',
  'ec2:DescribeSubnets',
  'ec2:DescribeInternetGateways',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeInstances',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeAddresses',
  'ec2:DescribeInstanceTypes',
  'ec2:DescribeInstanceStatus',
  'ec2:DescribeRegions',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
  'ec2:AttachNetworkInterface',
  'ec2:DetachNetworkInterface',
  'ec2:AssociateAddress',
  'ec2:DisassociateAddress',
  'ec2:CreateNetworkInterface',
  'ec2:DeleteNetworkInterface',
  'ec2:AllocateAddress',
  'ec2:ReleaseAddress',
  'ec2:ModifyNetworkInterfaceAttribute',
  'ec2:CreateTags',
  'ec2:DeleteTags',
] as const;

/** An expected failure raised deep inside the gateway; routes and actions return its `failure`. */
export class GatewayError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'GatewayError';
  }
}

/** Wraps an SDK error with the EC2 action that raised it, so messages can name the IAM permission. */
export class Ec2CallError extends Error {
  constructor(
    readonly action: string,
    readonly cause: unknown,
  ) {
    super(`${action} failed`);
    this.name = 'Ec2CallError';
  }
}

/** Runs one SDK call and tags a rejection with its action. */
export async function tagged<T>(action: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    throw err instanceof Ec2CallError || err instanceof GatewayError ? err : new Ec2CallError(action, err);
  }
}

export type ErrorContext = { action?: string; endpoint?: string | null };

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
const AUTH_CODES = new Set([
  'AuthFailure',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'RequestExpired',
  'UnrecognizedClientException',
  'InvalidAccessKeyId',
  'MissingAuthenticationToken',
  'OptInRequired',
  'CredentialsProviderError',
]);
const THROTTLE_CODES = new Set([
  'RequestLimitExceeded',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
]);
const CONFLICT_CODES = new Set([
  'IncorrectInstanceState',
  'IncorrectState',
  'OperationNotPermitted',
  'InvalidParameterCombination',
  'Resource.AlreadyAssociated',
  'Resource.AlreadyAssigned',
]);
const EXTRA_LIMIT_CODES = new Set(['InsufficientFreeAddressesInSubnet']);

type SdkLike = {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  cause?: unknown;
  errors?: unknown;
};

function networkCode(err: unknown, depth = 0): string | null {
  if (!err || typeof err !== 'object' || depth > 4) return null;
  const e = err as SdkLike;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return e.code;
  if (e.name === 'TimeoutError') return 'ETIMEDOUT';
  // Node's happy-eyeballs connect raises an AggregateError holding one error per address tried.
  if (Array.isArray(e.errors))
    for (const inner of e.errors) if (networkCode(inner, depth + 1)) return networkCode(inner, depth + 1);
  return networkCode(e.cause, depth + 1);
}

const isSdkServiceError = (e: SdkLike): boolean =>
  typeof e.name === 'string' && e.$metadata !== undefined && typeof (e as { $fault?: unknown }).$fault === 'string';

const missingCredentials = (e: SdkLike): boolean =>
  e.name === 'CredentialsProviderError' ||
  (typeof e.message === 'string' &&
    /could not load credentials|credential/i.test(e.message) &&
    e.$metadata === undefined);

const CONFIGURE_CREDENTIALS =
  'Configure AWS credentials for the server: set AWS_PROFILE to a profile in ~/.aws/config (run `aws sso login --profile <name>` for SSO), ' +
  'or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials), then restart the console.';

/**
 * What came back instead of EC2 XML: our root check's finding, an error answer without an EC2 error code, or
 * the SDK's own parse failure (an error with $metadata but no $fault, tagged "Deserialization error"). Else null.
 */
function notEc2Answer(err: unknown): string | null {
  if (err instanceof MalformedResponseError) return `HTTP ${err.httpStatus} and ${err.found}`;
  const e = (err && typeof err === 'object' ? err : {}) as SdkLike & { $fault?: unknown };
  // The SDK names an error answer without <Errors><Error><Code> "Unknown": an error page, not EC2's envelope (ec2-rules §1.3).
  if (e.$metadata !== undefined && e.$fault !== undefined && e.name === 'Unknown')
    return `HTTP ${e.$metadata.httpStatusCode ?? '?'} and no EC2 error code`;
  if (
    e.$metadata === undefined ||
    e.$fault !== undefined ||
    typeof e.message !== 'string' ||
    !e.message.includes('Deserialization error')
  )
    return null;
  const reason =
    e.message
      .split('\n')[0]
      ?.replace(/^@aws-sdk\s+/, '')
      .replace(/\.$/, '') ?? 'a body it could not parse';
  return `HTTP ${e.$metadata.httpStatusCode ?? '?'} and a body the SDK could not read (${reason})`;
}

/** The one place an exception becomes a Failure. Never throws. */
export function toFailure(err: unknown, context: ErrorContext = {}): Failure {
  if (err instanceof GatewayError) return err.failure;
  if (err instanceof Ec2CallError) return toFailure(err.cause, { ...context, action: err.action });
  const e = (err && typeof err === 'object' ? err : {}) as SdkLike;
  const action = context.action;
  const where = context.endpoint ?? 'the EC2 endpoint';
  const doing = action ? ` during ${action}` : '';

  const reason = abortReasonOf(err);
  if (reason instanceof Cancelled)
    return fail('timeout', `${reason.message}${doing}.`, { details: { action, cancelled: true } });
  if (reason) {
    return fail(
      'timeout',
      `${where} is not answering: ${reason.message} (stopped${doing}). Check the endpoint's health and try again; the deadline is a server setting.`,
      { details: { endpoint: context.endpoint ?? null, action, deadlineMs: reason.ms } },
    );
  }
  const net = networkCode(err);
  if (net) {
    const demo = context.endpoint ? ' For the demo, start the emulator with `npm run emulator`.' : '';
    return fail(
      'endpoint-unreachable',
      `No answer from ${where}${doing} (${net}). Check the endpoint URL and your network.${demo}`,
      {
        details: { endpoint: context.endpoint ?? null, cause: net, action },
      },
    );
  }
  const notEc2 = notEc2Answer(err);
  if (notEc2) {
    const endpoint = context.endpoint ? `The endpoint ${context.endpoint}` : 'The EC2 endpoint';
    return fail(
      'malformed-response',
      `${endpoint} answered ${action ?? 'a request'} with ${notEc2}, not an EC2 Query API answer. ` +
        'Check that AWS_ENDPOINT_URL_EC2 points at an EC2-compatible endpoint (not a web page, a proxy or another service).',
      { details: { endpoint: context.endpoint ?? null, action, httpStatus: e.$metadata?.httpStatusCode } },
    );
  }
  if (missingCredentials(e)) {
    return fail('auth-failure', `No AWS credentials found${doing}. ${CONFIGURE_CREDENTIALS}`, { details: { action } });
  }
  if (!isSdkServiceError(e)) {
    console.error('[lib/ec2] unexpected error', action ?? '', err);
    return fail('internal', 'Something went wrong inside the console. The details are in the server log.');
  }

  const code = e.name as string;
  const ec2Message = typeof e.message === 'string' ? e.message : '';
  const details = {
    ec2Code: code,
    ec2Message,
    action,
    requestId: e.$metadata?.requestId,
    httpStatus: e.$metadata?.httpStatusCode,
  };

  if (code === 'UnauthorizedOperation') {
    const permission = action ? `ec2:${action}` : 'the EC2 permission for this action';
    const hint = /Encoded authorization failure message/i.test(ec2Message)
      ? ' Decode the detail in the EC2 message with `aws sts decode-authorization-message`.'
      : '';
    return fail(
      'unauthorized',
      `IAM denies ${permission}. Grant ${permission} to the console's role or user and retry.${hint}`,
      {
        details: { ...details, permission: action ? `ec2:${action}` : null },
      },
    );
  }
  if (AUTH_CODES.has(code)) {
    return fail(
      'auth-failure',
      `EC2 rejected the credentials${doing} (${code}: ${ec2Message}). ${CONFIGURE_CREDENTIALS}`,
      { details },
    );
  }
  if (THROTTLE_CODES.has(code)) {
    return fail(
      'throttled',
      `EC2 is throttling requests${doing} (${code}) even after retries. Wait a few seconds and try again.`,
      { details },
    );
  }
  if (code.endsWith('.NotFound')) {
    return fail(
      'not-found',
      `${ec2Message || code}${doing}. The resource may have been changed or deleted; reload the topology.`,
      { details },
    );
  }
  if (code.endsWith('LimitExceeded') || EXTRA_LIMIT_CODES.has(code)) {
    return fail('limit-exceeded', `EC2 refused${doing}: a limit was reached (${code}: ${ec2Message}).`, { details });
  }
  if (code.endsWith('.InUse') || CONFLICT_CODES.has(code)) {
    return fail(
      'conflict',
      `EC2 refused${doing} because of the resource's current state (${code}: ${ec2Message}). Reload and check the resource.`,
      {
        details,
      },
    );
  }
  return fail('ec2-error', `EC2 answered ${code}${doing}: ${ec2Message}`, { details });
}
