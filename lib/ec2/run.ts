// Runs a checked plan's steps: DryRun first, then each call in order with its wait. A failed attach after a
// detach puts the ENI back where it was; every other failure part-way says what was done and what was not.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { type Failure, fail } from '@/lib/result';
import type { Plan, Step, Snapshot } from '@/lib/topology';
import { attachStep } from '@/lib/topology/steps';
import { toFailure } from './errors';
import { type WaitOptions, dryRunStep, sendStep, waitForEni, whereIs } from './steps';

export type Ran = { ok: true; requestIds: string[] } | Failure;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The ENI a step's wait concerns: named in the input, or found by attachment id in the fresh snapshot. */
function eniOfStep(step: Step, fresh: Snapshot): string {
  const named = str(step.input.NetworkInterfaceId);
  if (named) return named;
  const attachmentId = str(step.input.AttachmentId);
  return fresh.enis.find((e) => e.attachment?.id === attachmentId)?.id ?? '';
}

/** Sends a step and waits for its transition; a wait that times out is an error carrying where the ENI is. */
async function runOne(client: EC2Client, step: Step, fresh: Snapshot, wait?: WaitOptions): Promise<string | undefined> {
  const { requestId } = await sendStep(client, step);
  if (step.waitFor) {
    const eniId = eniOfStep(step, fresh);
    const outcome =
      step.waitFor === 'eni-available'
        ? await waitForEni(client, { eniId, until: 'eni-available' }, wait)
        : await waitForEni(client, { eniId, until: 'eni-attached', instanceId: str(step.input.InstanceId) }, wait);
    if (!outcome.ok) throw new WaitTimeout(step, `${whereIs(outcome.eni, eniId)} after waiting ${Math.round(outcome.waitedMs / 1000)} s`, requestId);
  }
  return requestId;
}

class WaitTimeout extends Error {
  constructor(
    readonly step: Step,
    readonly where: string,
    readonly requestId: string | undefined,
  ) {
    super(`${step.action} was accepted but did not complete: ${where}`);
  }
}

function stepFailure(err: unknown): { message: string; code?: string } {
  if (err instanceof WaitTimeout) return { message: err.message };
  const f = toFailure(err);
  return { message: f.message, code: (f.details as { ec2Code?: string } | undefined)?.ec2Code };
}

export async function runSteps(client: EC2Client, plan: Plan, fresh: Snapshot, wait?: WaitOptions): Promise<Ran> {
  // DryRun every step that has it before changing anything (ec2-rules §1.4: an IAM check, not a promise).
  for (const step of plan.steps.filter((s) => s.supportsDryRun)) {
    const verdict = await dryRunStep(client, step);
    if (!verdict.go) {
      const f = toFailure(verdict.error);
      return { ...f, message: `Nothing was changed: the DryRun of ${step.action} failed. ${f.message}` };
    }
  }

  const requestIds: string[] = [];
  for (const [i, step] of plan.steps.entries()) {
    try {
      const id = await runOne(client, step, fresh, wait);
      if (id) requestIds.push(id);
    } catch (err) {
      if (err instanceof WaitTimeout && err.requestId) requestIds.push(err.requestId);
      const done = plan.steps.slice(0, i);
      const detach = done.find((s) => s.action === 'DetachNetworkInterface');
      if (step.action === 'AttachNetworkInterface' && detach && !(err instanceof WaitTimeout)) {
        return restoreAfterFailedAttach(client, step, detach, fresh, err, requestIds, wait);
      }
      if (i === 0 && !(err instanceof WaitTimeout)) {
        const f = toFailure(err);
        return { ...f, message: `${f.message} Nothing was changed.`, details: { ...(f.details as object), requestIds } };
      }
      const failed = stepFailure(err);
      const doneText = done.length ? `Done: ${done.map((s) => s.description).join(' ')}` : 'No earlier step was made.';
      const left = plan.steps.slice(i + 1);
      return fail(
        'partial-failure',
        `Step ${i + 1} of ${plan.steps.length} (${step.action}) failed: ${failed.message} ${doneText}` +
          (left.length ? ` Not done: ${left.map((s) => s.description).join(' ')}` : '') +
          ' Reload the topology to see the current state.',
        { details: { failedStep: i + 1, action: step.action, ec2Code: failed.code, requestIds } },
      );
    }
  }
  return { ok: true, requestIds };
}

/** Detach succeeded, attach failed: re-attach the ENI to its origin at its old device index, and say so. */
async function restoreAfterFailedAttach(
  client: EC2Client,
  attach: Step,
  detach: Step,
  fresh: Snapshot,
  err: unknown,
  requestIds: string[],
  wait?: WaitOptions,
): Promise<Failure> {
  const eniId = str(attach.input.NetworkInterfaceId);
  const target = str(attach.input.InstanceId);
  const origin = fresh.enis.find((e) => e.attachment?.id === str(detach.input.AttachmentId))?.attachment;
  const failed = stepFailure(err);
  const head = `Attaching ${eniId} to ${target} failed: ${failed.message}`;
  const base = { action: 'AttachNetworkInterface', ec2Code: failed.code, requestIds };
  if (!origin?.instanceId) {
    const outcome = await waitForEni(client, { eniId, until: 'eni-available' }, { timeoutMs: 0 });
    return fail('partial-failure', `${head} Its origin is unknown, so it was not re-attached: ${whereIs(outcome.eni, eniId)}.`, {
      details: { ...base, restored: false },
    });
  }
  const restore = attachStep(eniId, origin.instanceId, origin.deviceIndex, `Re-attach ${eniId} to ${origin.instanceId} at device index ${origin.deviceIndex}.`);
  try {
    const id = await runOne(client, restore, fresh, wait);
    if (id) requestIds.push(id);
    return fail(
      'partial-failure',
      `${head} Restored: ${eniId} is attached again to ${origin.instanceId} at device index ${origin.deviceIndex}, where it was before. Nothing else changed.`,
      { details: { ...base, restored: true, instanceId: origin.instanceId, deviceIndex: origin.deviceIndex } },
    );
  } catch (restoreErr) {
    const restoreFailed = stepFailure(restoreErr);
    const outcome = await waitForEni(client, { eniId, until: 'eni-available' }, { timeoutMs: 0 });
    return fail(
      'partial-failure',
      `${head} Re-attaching it to ${origin.instanceId} at device index ${origin.deviceIndex} also failed: ${restoreFailed.message} ` +
        `Now ${whereIs(outcome.eni, eniId)}. Attach it back by hand: ${restore.cli}`,
      { details: { ...base, restored: false, where: whereIs(outcome.eni, eniId) } },
    );
  }
}
