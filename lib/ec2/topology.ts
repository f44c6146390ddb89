// The read side as one safe call: load the snapshot and the check settings, turning any throw into a Failure.
// Concurrent reads of one client (one region) share one load, and a snapshot younger than a short interval is
// reused, so a reload storm never becomes a storm of EC2 calls; an apply invalidates it.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { Result } from '@/lib/result';
import type { CheckSettings, Snapshot } from '@/lib/topology';
import { clientInfo, getEc2Client, type Scope } from './client';
import { toFailure } from './errors';
import { Cancelled, withDeadline } from './deadline';
import { loadCheckSettings, loadTimeSettings } from './settings';
import { loadSnapshot } from './snapshot';

export type Topology = { snapshot: Snapshot; settings: CheckSettings };

/** How long a loaded snapshot answers further reads: ENI_CONSOLE_SNAPSHOT_REUSE_MS, default 2,000 ms. */
function reuseMs(): number {
  const n = Number(process.env.ENI_CONSOLE_SNAPSHOT_REUSE_MS);
  return Number.isFinite(n) && n >= 0 ? n : 2_000;
}

type Load = { promise: Promise<Snapshot>; generation: number; settledAt: number | null };

const loads = new WeakMap<EC2Client, Load>();
/** Bumped by every invalidation: a load started before a change is never handed to a read after it. */
let generation = 0;

function sharedLoad(client: EC2Client): Promise<Snapshot> {
  const current = loads.get(client);
  const fresh =
    current &&
    current.generation === generation &&
    (current.settledAt === null || Date.now() - current.settledAt < reuseMs());
  if (current && fresh) return current.promise;
  // The load has its own deadline and no caller's signal: one reader cancelling must not fail the others.
  const { readDeadlineMs } = loadTimeSettings();
  const load: Load = {
    promise: withDeadline(readDeadlineMs, 'Reading the topology', () => loadSnapshot(client)),
    generation,
    settledAt: null,
  };
  loads.set(client, load);
  load.promise.then(
    () => {
      load.settledAt = Date.now();
    },
    () => {
      // A failure is not reused: the next read tries again.
      if (loads.get(client) === load) loads.delete(client);
    },
  );
  return load.promise;
}

/** After a change (an apply, whatever its outcome): the next read loads the region again. */
export function invalidateTopology(): void {
  generation += 1;
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

/**
 * Used by GET /api/topology (one code path). The read stops at the read deadline (ENI_CONSOLE_READ_DEADLINE_MS)
 * with a `timeout`, or when `signal` fires (the browser cancelled the refresh).
 */
export async function readTopology(scopeOrClient?: Scope | EC2Client, signal?: AbortSignal): Promise<Result<Topology>> {
  // Each scope has its own client, and the shared loads are kept per client: per account and region.
  const client = scopeOrClient && 'send' in scopeOrClient ? scopeOrClient : getEc2Client(scopeOrClient);
  try {
    const settings = loadCheckSettings();
    const snapshot = await untilCancelled(sharedLoad(client), signal);
    return { ok: true, snapshot, settings };
  } catch (err) {
    return toFailure(err, { endpoint: (await clientInfo(client)).endpoint });
  }
}
