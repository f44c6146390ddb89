// Waits for the transition a StopInstances / StartInstances starts (stopping → stopped, pending → running;
// ec2-rules §3.21) the way wait-for-eni.ts waits for an ENI, each describe within the read deadline.
import 'server-only';
import type { EC2Client, Instance } from '@aws-sdk/client-ec2';
import { withDeadline } from './deadline';
import { ec2Describe } from './snapshot';
import { pollUntil, type WaitOptions } from './wait-for-eni';

export type InstanceWaitTarget = { instanceId: string; until: 'instance-stopped' | 'instance-running' };
export type InstanceWaitOutcome =
  { ok: true; instance: Instance } | { ok: false; instance: Instance | null; waitedMs: number };

/** Polls DescribeInstances (filtered to the one instance) until it is stopped or running; readDeadlineMs bounds each read. */
export async function waitForInstance(
  client: EC2Client,
  target: InstanceWaitTarget,
  options: WaitOptions & { readDeadlineMs?: number } = {},
): Promise<InstanceWaitOutcome> {
  const want = target.until === 'instance-stopped' ? 'stopped' : 'running';
  const outcome = await pollUntil(
    () =>
      withDeadline(options.readDeadlineMs ?? 30_000, `Reading the state of ${target.instanceId}`, async () => {
        const reservations = await ec2Describe.reservations(client, [
          { Name: 'instance-id', Values: [target.instanceId] },
        ]);
        return reservations.flatMap((r) => r.Instances ?? [])[0] ?? null;
      }),
    (instance) => instance.State?.Name === want,
    options,
  );
  return outcome.ok
    ? { ok: true, instance: outcome.value }
    : { ok: false, instance: outcome.value, waitedMs: outcome.waitedMs };
}

/** Where an instance's transition is, in words: "i-… is stopping", for messages that must say where it is now. */
export function instanceStateWords(instance: Instance | null, instanceId: string): string {
  if (!instance) return `${instanceId} no longer appears in DescribeInstances`;
  return `${instanceId} is ${instance.State?.Name ?? 'in an unknown state'}`;
}
