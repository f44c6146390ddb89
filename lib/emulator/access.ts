// Who may talk to the emulator: EC2 requests must carry a SigV4 Authorization header (as EC2 demands; the
// emulator cannot check the signature, it has no secrets, but an unsigned request is refused like EC2 refuses
// it), state changes must be POSTed, and the control plane needs `Authorization: Bearer <control token>`.
import { randomBytes, timingSafeEqual } from 'node:crypto';

const SIGV4 =
  /^AWS4-HMAC-SHA256 Credential=[^/\s,]+\/\d{8}\/[a-z0-9-]+\/ec2\/aws4_request, ?SignedHeaders=[a-z0-9;-]+, ?Signature=[0-9a-f]{64}$/;

export type Refusal = { status: number; code: string; message: string };

/** EC2's answers to a request without credentials (MissingAuthenticationToken) or with unreadable ones (AuthFailure). */
export function checkSignature(authorization: string | undefined): Refusal | null {
  if (!authorization) {
    return {
      status: 401,
      code: 'MissingAuthenticationToken',
      message: 'The request must contain either a valid (registered) AWS access key ID or X.509 certificate.',
    };
  }
  if (!SIGV4.test(authorization))
    return {
      status: 401,
      code: 'AuthFailure',
      message: 'AWS was not able to validate the provided access credentials',
    };
  return null;
}

/** Describe* reads may come as a GET query string (ec2-rules §1.1); anything that changes state must be POSTed. */
export function checkMethod(method: string, action: string | null): Refusal | null {
  if (method === 'POST' || !action || action.startsWith('Describe')) return null;
  return {
    status: 400,
    code: 'InvalidRequest',
    message: `The action ${action.slice(0, 60)} changes state and must be sent as POST, not ${method}.`,
  };
}

/** The control-plane token: EMULATOR_CONTROL_TOKEN when set, else a fresh random one. */
export function controlTokenFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.EMULATOR_CONTROL_TOKEN || randomBytes(24).toString('base64url');
}

/** Constant-time check of `Authorization: Bearer <token>`. */
export function hasControlToken(authorization: string | undefined, token: string): boolean {
  const m = /^Bearer (\S+)$/.exec(authorization ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1] as string);
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Headers for a control-plane call, for clients (tests, the demo) that know the token. */
export function controlHeaders(
  token: string | undefined = process.env.EMULATOR_CONTROL_TOKEN,
  json = false,
): Record<string, string> {
  return {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(json ? { 'content-type': 'application/json' } : {}),
  };
}
