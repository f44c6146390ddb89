// The one EC2Client the server uses: default credential chain, AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_EC2,
// plus demo-mode dummy credentials for a loopback endpoint; the middleware it installs is in middleware.ts.
import 'server-only';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { EC2Client, type EC2ClientConfig } from '@aws-sdk/client-ec2';
import { knownAccount } from './accounts-config';
import { cachedRoleCredentials, sessionNameFor } from './assume-role';
import { abortWithDeadline, checkResponseRoots, onceForChanges, recordServerHeader } from './middleware';

export const DEFAULT_REGION = 'us-east-1';

/** process.env or a plain map in tests (Next's ProcessEnv type insists on NODE_ENV). */
export type Env = Readonly<Record<string, string | undefined>>;

/** What the console knows about where a client points; the snapshot and the UI's mode badge show it. */
export type ClientInfo = { region: string; endpoint: string | null; demoCredentials: boolean };

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
  /** An account's own credentials (a role's provider, an emulator key); omitted: the default chain. */
  credentials?: EC2ClientConfig['credentials'];
  /** An AWS profile of the shared config files; omitted: the default chain. */
  profile?: string;
};

/** A new client. Used directly by tests and the bench; the app uses getEc2Client(). */
export function createEc2Client(options: CreateClientOptions = {}): EC2Client {
  const region = options.region ?? configuredRegion();
  const endpoint = options.endpoint === undefined ? configuredEndpoint() : options.endpoint;
  const own = options.credentials !== undefined || options.profile !== undefined;
  const demoCredentials = !own && endpoint !== null && isLoopback(endpoint) && !credentialsConfigured();
  const client = new EC2Client({
    region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(demoCredentials ? { credentials: DEMO_CREDENTIALS } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
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

/** Where a request acts: one configured account (ENI_CONSOLE_ACCOUNTS; `default` without it) and one region. */
export type Scope = { account: string; region: string };

let cached: EC2Client | null = null;
const scoped = new Map<string, EC2Client>();

/** The user a role session is named after when nobody in particular asks (the shared snapshot reads). */
const READER_SESSION = 'eni-console';

function createScopedClient(scope: Scope, actor: string): EC2Client {
  const account = knownAccount(scope.account);
  if (!account)
    throw new Error(`No configured account "${scope.account}": resolve the scope (lib/ec2/accounts) before using it`);
  const region = scope.region;
  if ('profile' in account) return createEc2Client({ region, profile: account.profile });
  if ('roleArn' in account) return createEc2Client({ region, credentials: cachedRoleCredentials(account, actor) });
  // The emulator tells accounts apart by access key and checks no secret.
  if ('accessKeyId' in account)
    return createEc2Client({ region, credentials: { accessKeyId: account.accessKeyId, secretAccessKey: 'emulator' } });
  return createEc2Client({ region });
}

/**
 * The client of a scope (cached): the account's credentials in the scope's region. `actor` is the console user a
 * role account's session is named after (changes: CloudTrail names who acted); reads share one session. Without
 * a scope: the process-wide client from the environment, as before accounts existed.
 */
export function getEc2Client(scope?: Scope, actor: string = READER_SESSION): EC2Client {
  const account = scope && knownAccount(scope.account);
  // The environment's own account in its own region is the process-wide client (one snapshot cache, not two).
  const plain = account && !('profile' in account || 'roleArn' in account || 'accessKeyId' in account);
  if (!scope || (plain && scope.region === configuredRegion())) {
    cached ??= createEc2Client();
    return cached;
  }
  const perUser = account !== undefined && 'roleArn' in account;
  const key = `${scope.account}:${scope.region}${perUser ? `:${sessionNameFor(actor)}` : ''}`;
  let client = scoped.get(key);
  if (!client) {
    client = createScopedClient(scope, actor);
    scoped.set(key, client);
  }
  return client;
}

/** For tests that change the environment between cases. */
export function resetEc2Client(): void {
  cached?.destroy();
  cached = null;
  for (const client of scoped.values()) client.destroy();
  scoped.clear();
}
