// Sends one plan step (or its DryRun) with the SDK, and waits, with exponential backoff, for the asynchronous
// ENI transitions a step starts (attachment attaching → attached, detaching → available; ec2-rules §2.2).
import 'server-only';
import {
  AssignPrivateIpAddressesCommand,
  type AssignPrivateIpAddressesCommandInput,
  AssociateAddressCommand,
  type AssociateAddressCommandInput,
  AttachNetworkInterfaceCommand,
  type AttachNetworkInterfaceCommandInput,
  DetachNetworkInterfaceCommand,
  type DetachNetworkInterfaceCommandInput,
  DisassociateAddressCommand,
  type DisassociateAddressCommandInput,
  type EC2Client,
  type NetworkInterface,
  UnassignPrivateIpAddressesCommand,
  type UnassignPrivateIpAddressesCommandInput,
} from '@aws-sdk/client-ec2';
import type { Step } from '@/lib/topology';
import { tagged } from './errors';
import { describe } from './snapshot';

/** Sends a step's exact SDK input; with dryRun, adds DryRun=true (only for steps whose model has it). */
export async function sendStep(
  client: EC2Client,
  step: Step,
  dryRun = false,
): Promise<{ requestId: string | undefined }> {
  const input = dryRun ? { ...step.input, DryRun: true } : step.input;
  const send = () => {
    switch (step.action) {
      case 'AssignPrivateIpAddresses':
        return client.send(
          new AssignPrivateIpAddressesCommand(input as unknown as AssignPrivateIpAddressesCommandInput),
        );
      case 'UnassignPrivateIpAddresses':
        return client.send(
          new UnassignPrivateIpAddressesCommand(input as unknown as UnassignPrivateIpAddressesCommandInput),
        );
      case 'AttachNetworkInterface':
        return client.send(new AttachNetworkInterfaceCommand(input as unknown as AttachNetworkInterfaceCommandInput));
      case 'DetachNetworkInterface':
        return client.send(new DetachNetworkInterfaceCommand(input as unknown as DetachNetworkInterfaceCommandInput));
      case 'AssociateAddress':
        return client.send(new AssociateAddressCommand(input as unknown as AssociateAddressCommandInput));
      case 'DisassociateAddress':
        return client.send(new DisassociateAddressCommand(input as unknown as DisassociateAddressCommandInput));
    }
  };
  const output = await tagged(step.action, send());
  return { requestId: output.$metadata.requestId };
}

export type DryRunVerdict = { go: true } | { go: false; error: unknown };

/** DryRunOperation means "would have succeeded" (ec2-rules §1.4); anything else is the stop reason. */
export async function dryRunStep(client: EC2Client, step: Step): Promise<DryRunVerdict> {
  try {
    await sendStep(client, step, true);
    // An endpoint that ignores DryRun would have just made the change: impossible to undo blindly, so say so.
    return { go: false, error: new Error(`The endpoint executed ${step.action} although DryRun was set`) };
  } catch (err) {
    const cause = (err as { cause?: { name?: string } }).cause;
    return cause?.name === 'DryRunOperation' ? { go: true } : { go: false, error: err };
  }
}

export type WaitTarget = { eniId: string } & (
  { until: 'eni-available' } | { until: 'eni-attached'; instanceId: string }
);
export type WaitOptions = { timeoutMs?: number; firstDelayMs?: number; maxDelayMs?: number; steadyMs?: number };
export type WaitOutcome =
  { ok: true; eni: NetworkInterface } | { ok: false; eni: NetworkInterface | null; waitedMs: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function reached(eni: NetworkInterface, target: WaitTarget): boolean {
  if (target.until === 'eni-available') return eni.Status === 'available' && !eni.Attachment?.AttachmentId;
  return eni.Attachment?.InstanceId === target.instanceId && eni.Attachment?.Status === 'attached';
}

/**
 * Polls DescribeNetworkInterfaces (filtered to the one ENI) until the transition completes: every
 * firstDelayMs (250 ms) while attach/detach usually completes (the first steadyMs, 4 s), then with delays
 * doubling up to maxDelayMs, for at most timeoutMs in total (default about 30 s). Pure doubling from 100 ms
 * saw a one-second transition only at 1.5 s; four describes a second for a few seconds stays far inside
 * EC2's non-mutating request budget (ec2-rules §4.7).
 */
export async function waitForEni(
  client: EC2Client,
  target: WaitTarget,
  options: WaitOptions = {},
): Promise<WaitOutcome> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const steadyMs = options.steadyMs ?? 4_000;
  let delay = options.firstDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 4_000;
  const started = Date.now();
  let last: NetworkInterface | null = null;
  for (;;) {
    const [eni] = await describe.networkInterfaces(client, [{ Name: 'network-interface-id', Values: [target.eniId] }]);
    last = eni ?? null;
    if (last && reached(last, target)) return { ok: true, eni: last };
    const waited = Date.now() - started;
    if (waited >= timeoutMs) return { ok: false, eni: last, waitedMs: waited };
    await sleep(Math.min(delay, timeoutMs - waited));
    if (Date.now() - started >= steadyMs) delay = Math.min(delay * 2, maxDelay);
  }
}

/** Where an ENI is, in words, for messages that must say exactly where it is now. */
export function whereIs(eni: NetworkInterface | null, eniId: string): string {
  if (!eni) return `${eniId} no longer appears in DescribeNetworkInterfaces`;
  const att = eni.Attachment;
  if (att?.InstanceId) {
    const from = att.Status === 'detaching' ? 'from' : 'to';
    return `${eniId} is ${att.Status ?? 'attached'} ${from} ${att.InstanceId} at device index ${att.DeviceIndex ?? '?'}`;
  }
  return `${eniId} is ${eni.Status ?? 'unattached'} (not attached to any instance) in ${eni.SubnetId ?? 'its subnet'}`;
}
