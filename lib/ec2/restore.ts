// A restore that persists: after a detach, a failed attach puts the ENI back where it was, retrying the re-attach
// with backoff until the apply's budget runs out. When it still fails, it says exactly where the ENI is and gives
// an `aws ec2` command that can succeed in that state.
import 'server-only';
import type { EC2Client, NetworkInterface } from '@aws-sdk/client-ec2';
import type { Step, Snapshot } from '@/lib/topology';
import type { StepReport } from '@/lib/topology/outcome';
import { attachStep } from '@/lib/topology/steps';
import { ANSWER_RESERVE_MS, pause, remainingMs } from './deadline';
import { toFailure } from './errors';
import { type RunOptions, sendObserved } from './run-steps';
import { ec2Describe } from './snapshot';
import { waitForEni, whereIs } from './wait-for-eni';

/** networkCardIndex: the card of a multi-card type (0 on single-card types), so the ENI goes back to its card. */
export type Origin = { eniId: string; instanceId: string; deviceIndex: number; networkCardIndex?: number };

export type Restored = {
  report: StepReport | null;
  restored: boolean;
  /** Where the ENI is now, in words. */
  where: string;
  /** A command that would put it back, runnable in the state it is in; null when it is back. */
  command: string | null;
};

/** Where the ENI was before the move: the detach's attachment in the fresh snapshot. */
export function originOf(detach: Step, fresh: Snapshot): Origin | null {
  const eni = fresh.enis.find((e) => e.attachment?.id === detach.input.AttachmentId);
  if (!eni?.attachment?.instanceId) return null;
  const { instanceId, deviceIndex, networkCardIndex } = eni.attachment;
  return { eniId: eni.id, instanceId, deviceIndex, ...(networkCardIndex > 0 ? { networkCardIndex } : {}) };
}

async function describeEni(
  client: EC2Client,
  eniId: string,
): Promise<{ eni: NetworkInterface | null } | { error: string }> {
  try {
    const [eni] = await ec2Describe.networkInterfaces(client, [{ Name: 'network-interface-id', Values: [eniId] }]);
    return { eni: eni ?? null };
  } catch (err) {
    return { error: toFailure(err).message };
  }
}

/** A command that puts the ENI back at its origin from the state it is in (never one that cannot succeed). */
export function putBackCommand(eni: NetworkInterface | null, origin: Origin): string | null {
  const attach = attachStep(origin.eniId, origin.instanceId, origin.deviceIndex, '', origin.networkCardIndex).cli;
  const waitAvailable = `aws ec2 wait network-interface-available --network-interface-ids ${origin.eniId}`;
  const att = eni?.Attachment;
  const sameCard = (att?.NetworkCardIndex ?? 0) === (origin.networkCardIndex ?? 0);
  if (
    att?.InstanceId === origin.instanceId &&
    att.DeviceIndex === origin.deviceIndex &&
    sameCard &&
    att.Status !== 'detaching'
  )
    return null;
  if (!att?.AttachmentId) return `${waitAvailable} && ${attach}`;
  if (att.Status === 'detaching') return `${waitAvailable} && ${attach}`;
  // Attached (or attaching) somewhere else: detach it, wait, attach it back.
  return `aws ec2 detach-network-interface --attachment-id ${att.AttachmentId} && ${waitAvailable} && ${attach}`;
}

/** Where the ENI is and the command to put it back, read now. */
export async function locate(
  client: EC2Client,
  origin: Origin,
): Promise<{ where: string; command: string | null; back: boolean }> {
  const seen = await describeEni(client, origin.eniId);
  if ('error' in seen) {
    const attach = attachStep(origin.eniId, origin.instanceId, origin.deviceIndex, '', origin.networkCardIndex).cli;
    return {
      where: `where ${origin.eniId} is could not be read (${seen.error})`,
      command: `aws ec2 wait network-interface-available --network-interface-ids ${origin.eniId} && ${attach}`,
      back: false,
    };
  }
  const command = putBackCommand(seen.eni, origin);
  return { where: whereIs(seen.eni, origin.eniId), command, back: command === null };
}

/** Re-attaches the ENI at its origin, retrying with backoff (0.5 s doubling to 8 s) while the budget lasts. */
export async function restoreEni(
  client: EC2Client,
  origin: Origin,
  index: number,
  fresh: Snapshot,
  options: RunOptions,
): Promise<Restored> {
  const step = attachStep(
    origin.eniId,
    origin.instanceId,
    origin.deviceIndex,
    `Re-attach ${origin.eniId} to ${origin.instanceId} at device index ${origin.deviceIndex}, where it was.`,
    origin.networkCardIndex,
  );
  let last: StepReport | null = null;
  let tries = 0;
  const left = () => remainingMs() - ANSWER_RESERVE_MS;
  for (let delay = 2 * (options.backoffMs ?? 250); left() > 0; delay = Math.min(delay * 2, 8_000)) {
    // An ENI still detaching cannot be attached: wait for it first.
    const now = await describeEni(client, origin.eniId);
    const detaching = 'eni' in now && now.eni?.Attachment?.Status === 'detaching';
    if (!detaching) {
      tries++;
      const sent = await sendObserved(client, index, step, fresh, { ...options, attempts: 1 }, true);
      last =
        tries > 1
          ? { ...sent.report, note: [sent.report.note, `attempt ${tries}`].filter(Boolean).join(' ') }
          : sent.report;
      if (sent.report.outcome === 'done') {
        await waitForEni(
          client,
          { eniId: origin.eniId, until: 'eni-attached', instanceId: origin.instanceId },
          { ...options.wait, timeoutMs: Math.max(0, left()) },
        ).catch(() => null);
        break;
      }
    }
    if (left() <= 0 || !(await pause(Math.min(delay, left())))) break;
  }
  const found = await locate(client, origin);
  if (last && found.back) last = { ...last, outcome: 'done' };
  return { report: last, restored: found.back, where: found.where, command: found.command };
}
