// Observe, never assume: whether a step's change shows in a fresh describe, and how to read an error — EC2's
// refusal (nothing was done), a throttle (not executed), or a lost answer (a reset, a 5xx, a time-out: it may
// have been done). The executor classifies a failed call from what it sees, not from the error alone.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { Step, Snapshot } from '@/lib/topology';
import { abortReasonOf, pause, remainingMs } from './deadline';
import { toFailure } from './errors';
import { type Scope, loadScopedSnapshot } from './snapshot';

const textOr = (v: unknown): string => (typeof v === 'string' ? v : '');
const textsOr = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Whether the step's change is visible in `now`; `before` is the state the plan was made from. */
export function stepShows(step: Step, before: Snapshot, now: Snapshot): boolean {
  const input = step.input;
  const eniIn = (snap: Snapshot, id: string) => snap.enis.find((e) => e.id === id);
  switch (step.action) {
    case 'AssignPrivateIpAddresses': {
      const eni = eniIn(now, textOr(input.NetworkInterfaceId));
      return !!eni && textsOr(input.PrivateIpAddresses).every((ip) => eni.privateIps.some((p) => p.address === ip));
    }
    case 'UnassignPrivateIpAddresses': {
      const eni = eniIn(now, textOr(input.NetworkInterfaceId));
      return !eni || textsOr(input.PrivateIpAddresses).every((ip) => !eni.privateIps.some((p) => p.address === ip));
    }
    case 'AttachNetworkInterface': {
      const att = eniIn(now, textOr(input.NetworkInterfaceId))?.attachment;
      return (
        att?.instanceId === textOr(input.InstanceId) &&
        att.deviceIndex === input.DeviceIndex &&
        att.status !== 'detaching'
      );
    }
    case 'DetachNetworkInterface': {
      const id = textOr(input.AttachmentId);
      const eniId =
        before.enis.find((e) => e.attachment?.id === id)?.id ?? now.enis.find((e) => e.attachment?.id === id)?.id;
      const att = eniId ? eniIn(now, eniId)?.attachment : null;
      return !att || att.id !== id || att.status === 'detaching' || att.status === 'detached';
    }
    case 'AssociateAddress': {
      const eip = now.eips.find((e) => e.allocationId === textOr(input.AllocationId));
      return eip?.eniId === textOr(input.NetworkInterfaceId) && eip.privateIp === textOr(input.PrivateIpAddress);
    }
    case 'DisassociateAddress': {
      const id = textOr(input.AssociationId);
      const allocationId = before.eips.find((e) => e.associationId === id)?.allocationId;
      const eip = now.eips.find((e) => e.allocationId === allocationId);
      return !eip || eip.associationId !== id;
    }
    case 'DeleteNetworkInterface':
      return !eniIn(now, textOr(input.NetworkInterfaceId));
    case 'ReleaseAddress':
      return !now.eips.some((e) => e.allocationId === textOr(input.AllocationId));
    case 'ModifyNetworkInterfaceAttribute': {
      const description = (input.Description as { Value?: unknown } | undefined)?.Value;
      if (description !== undefined) return eniIn(now, textOr(input.NetworkInterfaceId))?.description === description;
      const want = (input.SourceDestCheck as { Value?: unknown } | undefined)?.Value;
      return eniIn(now, textOr(input.NetworkInterfaceId))?.sourceDestCheck === want;
    }
    case 'CreateTags':
    case 'DeleteTags': {
      const id = textsOr(input.Resources)[0] ?? '';
      const holder =
        eniIn(now, id) ?? now.eips.find((e) => e.allocationId === id) ?? now.instances.find((i) => i.id === id);
      const tags = (Array.isArray(input.Tags) ? input.Tags : []) as { Key?: string; Value?: string }[];
      if (step.action === 'DeleteTags') return !holder || tags.every((t) => !(String(t.Key) in holder.tags));
      return !!holder && tags.every((t) => holder.tags[String(t.Key)] === (t.Value ?? ''));
    }
    // Made once the transition has begun: stopping or stopped, pending or running.
    case 'StopInstances':
    case 'StartInstances': {
      const state = now.instances.find((i) => i.id === textsOr(input.InstanceIds)[0])?.state;
      return step.action === 'StopInstances'
        ? state === 'stopping' || state === 'stopped'
        : state === 'pending' || state === 'running';
    }
    // A created resource has no id before EC2's answer: a describe cannot tell (observeStep answers unknown).
    case 'CreateNetworkInterface':
    case 'AllocateAddress':
      return false;
  }
}

/** The resources a step's observation must read. */
export function stepScope(step: Step, before: Snapshot): Scope {
  const input = step.input;
  const ids = [
    textOr(input.NetworkInterfaceId),
    textOr(input.InstanceId),
    textOr(input.AllocationId),
    ...textsOr(input.Resources),
    ...textsOr(input.InstanceIds),
  ].filter(Boolean);
  const byAttachment = before.enis.find((e) => e.attachment?.id === textOr(input.AttachmentId));
  if (byAttachment) ids.push(byAttachment.id);
  const byAssociation = before.eips.find((e) => e.associationId === textOr(input.AssociationId));
  if (byAssociation) ids.push(byAssociation.allocationId);
  return { ids, ips: [...textsOr(input.PrivateIpAddresses), textOr(input.PrivateIpAddress)].filter(Boolean) };
}

/** How a failed call's error reads: EC2 refused it, EC2 throttled it (not executed), or its answer was lost. */
export type ErrorKind = 'refused' | 'throttled' | 'lost';

export function errorKind(err: unknown): ErrorKind {
  if (abortReasonOf(err)) return 'lost';
  const f = toFailure(err);
  if (f.code === 'throttled') return 'throttled';
  const status = (f.details as { httpStatus?: number } | undefined)?.httpStatus;
  if (
    f.code === 'endpoint-unreachable' ||
    f.code === 'malformed-response' ||
    f.code === 'timeout' ||
    f.code === 'internal'
  )
    return 'lost';
  if (typeof status === 'number' && status >= 500) return 'lost';
  return 'refused';
}

export type Observation = { shows: boolean; snapshot: Snapshot } | { shows: null; error: string };

/**
 * Describes what the step touches and says whether its change shows. After a lost answer, a change not seen yet
 * may still appear (describes are eventually consistent, ec2-rules §4.6): it looks again, with backoff,
 * for up to `windowMs`, before saying it was not made.
 */
export async function observeStep(
  client: EC2Client,
  step: Step,
  before: Snapshot,
  windowMs: number,
): Promise<Observation> {
  if (step.creates)
    return {
      shows: null,
      error: `a describe cannot find what ${step.action} made before EC2 answers with its id; look for it in the console before trying again`,
    };
  const started = Date.now();
  let delay = 100;
  for (;;) {
    let snapshot: Snapshot;
    try {
      snapshot = await loadScopedSnapshot(client, stepScope(step, before));
    } catch (err) {
      return { shows: null, error: toFailure(err).message };
    }
    const shows = stepShows(step, before, snapshot);
    if (shows || Date.now() - started >= windowMs || remainingMs() <= 0) return { shows, snapshot };
    if (!(await pause(Math.min(delay, windowMs - (Date.now() - started))))) return { shows, snapshot };
    delay = Math.min(delay * 2, 1_000);
  }
}
