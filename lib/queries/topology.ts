// The topology query: one place that knows how the browser fetches and validates a Snapshot.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { checkSettingsSchema, type CheckSettings, snapshotSchema, type Snapshot } from '@/lib/topology';
import type { ErrorCode } from '@/lib/result';
import { scopeSuffix } from './scope';

/**
 * What the topology query caches: the snapshot plus the server's CheckSettings, so browser and server check alike,
 * and whether the server answered with a kept snapshot while it reads a newer one (`revalidating`).
 */
export type TopologyData = Snapshot & { settings: CheckSettings; revalidating?: boolean };

/** Error codes of the API plus the two the browser itself can meet. */
export type LoadErrorCode = ErrorCode | 'network' | 'http';

/** A failure to load the topology, carrying what the user can do about it. */
export class TopologyLoadError extends Error {
  readonly code: LoadErrorCode;
  readonly status: number | null;
  constructor(code: LoadErrorCode, message: string, status: number | null = null) {
    super(message);
    this.name = 'TopologyLoadError';
    this.code = code;
    this.status = status;
  }
}

const hints: Partial<Record<LoadErrorCode, string>> = {
  'endpoint-unreachable':
    'Start the emulator with `npm run emulator`, or point AWS_ENDPOINT_URL_EC2 at a running EC2 endpoint, then retry.',
  'auth-failure': 'Check the AWS credentials the server uses (AWS_PROFILE, environment variables or `aws sso login`).',
  unauthorized: 'The IAM identity needs ec2:Describe* permissions on this account.',
  throttled: 'EC2 is rate-limiting this account. Wait a few seconds and retry.',
  'malformed-response': 'The endpoint did not answer like EC2. Check AWS_ENDPOINT_URL_EC2.',
  network: 'The console server did not answer. Is `next dev` (or `next start`) still running?',
  http: 'The console server answered with an unexpected status. Its log says more.',
  internal: 'This is a bug in the console. The server log has the details.',
  timeout:
    'The EC2 endpoint did not answer before the read deadline (the server setting ENI_CONSOLE_READ_DEADLINE_MS). Check that it is up, then retry.',
};

/** What to do about a load failure, in one sentence. */
export function hintFor(code: LoadErrorCode): string {
  return hints[code] ?? 'Retry; if it keeps failing, the server log has the details.';
}

/** Failures worth retrying automatically: transient by nature. */
export function isTransient(error: unknown): boolean {
  return error instanceof TopologyLoadError && (error.code === 'throttled' || error.code === 'network');
}

function isFailureBody(body: unknown): body is { ok: false; code: ErrorCode; message: string } {
  return typeof body === 'object' && body !== null && (body as { ok?: unknown }).ok === false;
}

/** The one success shape of GET /api/topology (readTopology's answer, through respond()). */
const topologyAnswerSchema = z.object({
  ok: z.literal(true),
  snapshot: snapshotSchema,
  settings: checkSettingsSchema,
  /** True when the server answered with the snapshot it kept while it reads a newer one. */
  revalidating: z.boolean().optional(),
});

/** Turns an HTTP answer from GET /api/topology into the snapshot with its settings, or a TopologyLoadError. */
export function parseTopologyResponse(status: number, body: unknown): TopologyData {
  if (isFailureBody(body)) {
    throw new TopologyLoadError(body.code, body.message, status);
  }
  if (status < 200 || status >= 300) {
    throw new TopologyLoadError('http', `GET /api/topology answered HTTP ${status}.`, status);
  }
  const parsed = topologyAnswerSchema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? ` (${first.path.join('.') || 'root'}: ${first.message})` : '';
    throw new TopologyLoadError(
      'malformed-response',
      `The topology answer does not match the snapshot model${where}.`,
      status,
    );
  }
  return {
    ...parsed.data.snapshot,
    settings: parsed.data.settings,
    ...(parsed.data.revalidating ? { revalidating: true } : {}),
  };
}

/** fresh: a snapshot newer than the one the page shows (the server then waits for its read instead of the kept one). */
export async function fetchTopology(signal?: AbortSignal, fresh = false): Promise<TopologyData> {
  let res: Response;
  try {
    // The first is a plain GET, so that it matches (and consumes) the <link rel=preload as=fetch> the page emits.
    const query = [scopeSuffix().slice(1), fresh ? 'fresh=1' : ''].filter(Boolean).join('&');
    res = await fetch(`/api/topology${query ? `?${query}` : ''}`, { signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new TopologyLoadError('network', 'Could not reach the console server.');
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // A non-JSON body (an HTML error page, say) is judged by its status below.
  }
  return parseTopologyResponse(res.status, body);
}

export const topologyQueryKey = ['topology'] as const;

export function topologyQueryOptions() {
  return queryOptions({
    queryKey: topologyQueryKey,
    // The AbortSignal is passed so that a refresh can be cancelled (cancelQueries aborts the fetch, and the
    // server stops its EC2 calls with it). In dev, React StrictMode's remount then reads the account twice.
    // Any fetch after the first wants a newer snapshot than the one shown (Refresh, after a move, after a warm answer).
    queryFn: ({ signal, client }) => fetchTopology(signal, client.getQueryData(topologyQueryKey) !== undefined),
    // A snapshot of a large account is expensive to read; refresh is explicit (the button; app/providers.tsx turns
    // off refetch on focus for every query).
    staleTime: 30_000,
    retry: (failureCount, error) => isTransient(error) && failureCount < 2,
  });
}
