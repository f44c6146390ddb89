// The EC2 calls a move maps to: the plan's steps when allowed, the calls it would make sent blindly when
// refused (built with lib/topology/steps.ts); and sending them through the SDK, as the gateway does.
import type { EC2Client } from '@aws-sdk/client-ec2';
import { sendStep } from '@/lib/ec2/send-step';
import { waitForEni } from '@/lib/ec2/wait-for-eni';
import {
  bindCreated,
  type CheckSettings,
  type Created,
  holderOf,
  indexSnapshot,
  type Move,
  type Snapshot,
  type Step,
} from '@/lib/topology';
import { changeBlindSteps } from './change-calls';
import {
  assignStep,
  associateStep,
  attachStep,
  detachStep,
  disassociateStep,
  unassignStep,
} from '@/lib/topology/steps';

const BLIND = 'sent blindly by the agreement test';

/** The lowest free device index ≥ 1 on an instance's card (card 0 unless named), not counting `eniId` itself (as checkMove resolves it). */
function lowestFreeIndex(s: Snapshot, instanceId: string, eniId: string, card = 0): number {
  const taken = new Set(
    s.enis
      .filter((e) => e.id !== eniId && e.attachment?.instanceId === instanceId)
      .filter((e) => e.attachment!.networkCardIndex === card)
      .map((e) => e.attachment!.deviceIndex),
  );
  let index = 1;
  while (taken.has(index)) index += 1;
  return index;
}

/**
 * What a refused move would send if the console did not check it. Null when no EC2 call can even express
 * the move (nothing to compare). Move-eni from another instance (or a service attachment) detaches first.
 */
export function blindSteps(s: Snapshot, move: Move, settings: CheckSettings): Step[] | null {
  const ix = indexSnapshot(s);
  switch (move.kind) {
    case 'move-ip':
      return [assignStep(move.toEni, move.ip, true, BLIND)];
    case 'assign-ip':
      return [assignStep(move.toEni, move.ip, false, BLIND)];
    case 'unassign-ip': {
      const holder = holderOf(ix, move.ip);
      return holder ? [unassignStep(holder.id, move.ip, BLIND)] : null;
    }
    case 'move-eni': {
      const eni = ix.eniById.get(move.eni);
      const attach = attachStep(
        move.eni,
        move.toInstance,
        move.deviceIndex ?? lowestFreeIndex(s, move.toInstance, move.eni, move.networkCardIndex ?? 0),
        BLIND,
        move.networkCardIndex,
      );
      const attachment = eni?.attachment;
      if (!attachment || attachment.instanceId === move.toInstance) return [attach];
      return [detachStep(attachment.id, BLIND), attach];
    }
    case 'detach-eni': {
      const attachment = ix.eniById.get(move.eni)?.attachment;
      return attachment ? [detachStep(attachment.id, BLIND)] : null;
    }
    case 'move-eip': {
      const eip = ix.eipByAllocation.get(move.allocationId);
      const associated = eip !== undefined && (eip.associationId !== null || eip.eniId !== null);
      return [
        associateStep(move.allocationId, move.toEni, move.toIp, associated && settings.allowReassociation, BLIND),
      ];
    }
    case 'disassociate-eip': {
      const eip = ix.eipByAllocation.get(move.allocationId);
      if (!eip) return null;
      const step = disassociateStep(eip.associationId ?? '', BLIND);
      // An idle address has no association id: the blind call omits it (EC2 answers MissingParameter).
      return [eip.associationId === null ? { ...step, input: {} } : step];
    }
    default:
      return changeBlindSteps(move, (instanceId) => lowestFreeIndex(s, instanceId, ''));
  }
}

export interface CallRecord {
  action: Step['action'];
  input: Record<string, unknown>;
  ok: boolean;
  /** The id a creating call returned, by kind. */
  created?: Created;
  code?: string;
  message?: string;
}

/** The EC2 error code of anything sendStep throws (it wraps SDK errors in Ec2CallError with the cause). */
export function errorCode(err: unknown): { code: string; message: string } {
  const cause = (err as { cause?: unknown }).cause ?? err;
  const e = cause as { name?: string; Code?: string; message?: string };
  return { code: e.Code ?? e.name ?? 'Unknown', message: e.message ?? String(cause) };
}

/** Sends steps in order, waiting for `available` after a detach (the ENI found in `s`); stops at the first failure. */
export async function sendSteps(client: EC2Client, steps: readonly Step[], s: Snapshot): Promise<CallRecord[]> {
  const calls: CallRecord[] = [];
  const created: Created = {};
  for (const planned of steps) {
    const step = bindCreated(planned, created);
    try {
      const { createdId } = await sendStep(client, step);
      if (step.creates && createdId) created[step.creates] = createdId;
      calls.push({
        action: step.action,
        input: step.input,
        ok: true,
        ...(createdId ? { created: { ...created } } : {}),
      });
    } catch (err) {
      calls.push({ action: step.action, input: step.input, ok: false, ...errorCode(err) });
      return calls;
    }
    if (step.waitFor !== 'eni-available') continue;
    const eniId = s.enis.find((e) => e.attachment?.id === step.input.AttachmentId)?.id;
    const waited = eniId
      ? await waitForEni(client, { eniId, until: 'eni-available' }, { timeoutMs: 2_000, firstDelayMs: 5 })
      : null;
    if (!waited?.ok) {
      calls.push({
        action: step.action,
        input: step.input,
        ok: false,
        code: 'AgreementWaitTimeout',
        message: `${eniId ?? 'the ENI'} never became available`,
      });
      return calls;
    }
  }
  return calls;
}

/** The ids the calls created, by kind. */
export const createdBy = (calls: readonly CallRecord[]): Created =>
  Object.assign({}, ...calls.map((c) => c.created ?? {}));
