// The read side as one safe call: load the snapshot and the check settings, turning any throw into a Failure.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { Result } from '@/lib/result';
import type { CheckSettings, Snapshot } from '@/lib/topology';
import { clientInfo, getEc2Client } from './client';
import { toFailure } from './errors';
import { loadCheckSettings } from './settings';
import { loadSnapshot } from './snapshot';

export type Topology = { snapshot: Snapshot; settings: CheckSettings };

/** Used by GET /api/topology and the topology server action (one code path). */
export async function readTopology(client: EC2Client = getEc2Client()): Promise<Result<Topology>> {
  try {
    const settings = loadCheckSettings();
    const snapshot = await loadSnapshot(client);
    return { ok: true, snapshot, settings };
  } catch (err) {
    return toFailure(err, { endpoint: (await clientInfo(client)).endpoint });
  }
}
