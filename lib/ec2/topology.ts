// The read side as one safe call: load the snapshot and the check settings, turning any throw into a Failure.
// Concurrent reads of one client (one region) share one load, and a snapshot younger than a short interval is
// reused, so a reload storm never becomes a storm of EC2 calls; an apply invalidates it.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { Result } from '@/lib/result';
import type { CheckSettings, Snapshot } from '@/lib/topology';
import { clientInfo, getEc2Client } from './client';
import { toFailure } from './errors';
import { loadCheckSettings } from './settings';
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
  const fresh = current && current.generation === generation && (current.settledAt === null || Date.now() - current.settledAt < reuseMs());
  if (current && fresh) return current.promise;
  const load: Load = { promise: loadSnapshot(client), generation, settledAt: null };
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

/** Used by GET /api/topology (one code path). */
export async function readTopology(client: EC2Client = getEc2Client()): Promise<Result<Topology>> {
  try {
    const settings = loadCheckSettings();
    const snapshot = await sharedLoad(client);
    return { ok: true, snapshot, settings };
  } catch (err) {
    return toFailure(err, { endpoint: (await clientInfo(client)).endpoint });
  }
}
