// The read side as one safe call: load the snapshot and the check settings, turning any throw into a Failure.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { Result } from '@/lib/result';
import type { CheckSettings } from '@/lib/topology/move';
import type { Snapshot } from '@/lib/topology/schema';
import { clientInfo, getEc2Client } from './client';
import { toFailure } from './errors';
import { withDeadline } from './deadline';
import { loadCheckSettings, loadTimeSettings } from './settings';
import { loadSnapshot } from './snapshot';

export type Topology = { snapshot: Snapshot; settings: CheckSettings };

/**
 * Used by GET /api/topology and the topology server action (one code path). The read stops at the read deadline
 * (ENI_CONSOLE_READ_DEADLINE_MS) with a `timeout`, or when `signal` fires (the browser cancelled the refresh).
 */
export async function readTopology(client: EC2Client = getEc2Client(), signal?: AbortSignal): Promise<Result<Topology>> {
  try {
    const settings = loadCheckSettings();
    const { readDeadlineMs } = loadTimeSettings();
    const snapshot = await withDeadline(readDeadlineMs, 'Reading the topology', () => loadSnapshot(client), signal);
    return { ok: true, snapshot, settings };
  } catch (err) {
    return toFailure(err, { endpoint: (await clientInfo(client)).endpoint });
  }
}
