// The read side as one safe call: load the snapshot and the check settings, turning any throw into a Failure.
// Snapshots are kept per scope (account and region, snapshot-cache.ts): a read answers the kept one at once, with
// its age, while one background load revalidates it; concurrent reads share one load; an apply invalidates it,
// here and (on a shared Postgres) in every other console process.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { Result } from '@/lib/result';
import type { CheckSettings, Snapshot } from '@/lib/topology';
import { clientInfo, getEc2Client, type Scope } from './client';
import { toFailure } from './errors';
import { Cancelled, withDeadline } from './deadline';
import { loadCheckSettings, loadTimeSettings } from './settings';
import { loadSnapshot } from './snapshot';
import { type CachePolicy, type Defer, SnapshotCache, scopeKey, type TopologyScope } from './snapshot-cache';
import { topologySync } from './topology-sync';

export type { TopologyScope } from './snapshot-cache';

/** readAt: when the snapshot was read (ms since the epoch); revalidating: a newer one is being read meanwhile. */
export type Topology = { snapshot: Snapshot; settings: CheckSettings; readAt: number; revalidating: boolean };

function envMs(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/**
 * ENI_CONSOLE_SNAPSHOT_REUSE_MS (default 2,000): a snapshot this young answers any read. ENI_CONSOLE_SNAPSHOT_WARM_MS
 * (default 15 min, 0 = off): a kept snapshot this young answers at once while it is revalidated.
 * ENI_CONSOLE_SNAPSHOT_SCOPES (default 8): how many account/region snapshots are kept.
 */
function policy(): CachePolicy {
  return {
    reuseMs: envMs('ENI_CONSOLE_SNAPSHOT_REUSE_MS', 2_000),
    warmMs: envMs('ENI_CONSOLE_SNAPSHOT_WARM_MS', 15 * 60_000),
    maxScopes: envMs('ENI_CONSOLE_SNAPSHOT_SCOPES', 8),
  };
}

type Shared = { cache: SnapshotCache; anonymous: WeakMap<EC2Client, string>; configured?: EC2Client };
const holder = globalThis as typeof globalThis & { __eniConsoleSnapshots?: Shared };
// On globalThis: the apply route and the topology route may be separate bundles of this module in one process.
const shared = (holder.__eniConsoleSnapshots ??= { cache: new SnapshotCache(policy), anonymous: new WeakMap() });
const cache = shared.cache;

function sync() {
  return topologySync({
    notice: (n) =>
      n.kind === 'changed' ? cache.invalidate(n.scope ?? undefined) : cache.markStale(n.scope ?? undefined),
    lost: () => cache.invalidate(),
  });
}

/** The scope of a client read without one: the configured client is the `default` account; any other its own. */
async function defaultScope(client: EC2Client): Promise<TopologyScope> {
  const { region } = await clientInfo(client);
  if (client === getEc2Client()) {
    // A new configured client (the environment changed, resetEc2Client) may point elsewhere: nothing kept holds.
    if (shared.configured !== client) cache.invalidate();
    shared.configured = client;
    return { account: 'default', region };
  }
  let account = shared.anonymous.get(client);
  if (!account) shared.anonymous.set(client, (account = `client-${Math.random().toString(36).slice(2)}`));
  return { account, region };
}

/**
 * After a change (an apply, whatever its outcome): the next read of that scope (without one, of every scope) loads
 * the account again, in this process and in the others that share its Postgres.
 */
export function invalidateTopology(scope?: string): void {
  cache.invalidate(scope);
  sync().announce('changed', scope ?? null);
}

/** The load, or Cancelled as soon as `signal` fires (the browser went away); the shared load itself goes on. */
function untilCancelled<T>(load: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return load;
  if (signal.aborted) return Promise.reject(new Cancelled('Reading the topology'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Cancelled('Reading the topology'));
    signal.addEventListener('abort', onAbort, { once: true });
    load.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

export type ReadOptions = {
  /** Whose snapshot: defaults to the configured client's account and region. */
  scope?: TopologyScope;
  /** A newer snapshot than the kept one (the Refresh button, the page after a warm answer): waits for a load. */
  fresh?: boolean;
  /** When a warm answer's background revalidation starts (the route: once the answer is sent); default at once. */
  defer?: Defer;
};

/**
 * Used by GET /api/topology (one code path). The read stops at the read deadline (ENI_CONSOLE_READ_DEADLINE_MS)
 * with a `timeout`, or when `signal` fires (the browser cancelled the refresh).
 */
export async function readTopology(
  scopeOrClient?: Scope | EC2Client,
  signal?: AbortSignal,
  options: ReadOptions = {},
): Promise<Result<Topology>> {
  // Each scope has its own client (client.ts), and its own kept snapshot (snapshot-cache.ts).
  const scope = scopeOrClient && !('send' in scopeOrClient) ? scopeOrClient : undefined;
  const client = scopeOrClient && 'send' in scopeOrClient ? scopeOrClient : getEc2Client(scope);
  try {
    const settings = loadCheckSettings();
    const key = scopeKey(options.scope ?? scope ?? (await defaultScope(client)));
    const announce = sync();
    // The load has its own deadline and no caller's signal: one reader cancelling must not fail the others.
    const load = () => {
      const { readDeadlineMs } = loadTimeSettings();
      return withDeadline(readDeadlineMs, 'Reading the topology', () => loadSnapshot(client));
    };
    const answer = cache.read(key, load, options.fresh, options.defer);
    if ('kept' in answer) return { ok: true, settings, ...answer.kept };
    const kept = await untilCancelled(answer.loading, signal);
    // Someone asked for a newer snapshot: the other processes revalidate theirs on their next read.
    if (options.fresh) announce.announce('refreshed', key);
    return { ok: true, settings, ...kept };
  } catch (err) {
    return toFailure(err, { endpoint: (await clientInfo(client)).endpoint });
  }
}
