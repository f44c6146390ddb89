// Waits, with exponential backoff, for the asynchronous ENI transitions a step starts (attachment attaching →
// attached, detaching → available; ec2-rules §2.2), and says where an ENI is now.
import 'server-only';
import type { EC2Client, NetworkInterface } from '@aws-sdk/client-ec2';
import { ec2Describe } from './snapshot';

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
 * Polls `read` until `done`: every firstDelayMs (250 ms) while a transition usually completes (the first steadyMs,
 * 4 s), then with delays doubling up to maxDelayMs, for at most timeoutMs in total (default about 30 s). Pure
 * doubling from 100 ms saw a one-second transition only at 1.5 s; four describes a second for a few seconds stays
 * far inside EC2's non-mutating request budget (ec2-rules §4.7).
 */
export async function pollUntil<T>(
  read: () => Promise<T | null>,
  done: (value: T) => boolean,
  options: WaitOptions = {},
): Promise<{ ok: true; value: T } | { ok: false; value: T | null; waitedMs: number }> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const steadyMs = options.steadyMs ?? 4_000;
  let delay = options.firstDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 4_000;
  const started = Date.now();
  for (;;) {
    const last = await read();
    if (last && done(last)) return { ok: true, value: last };
    const waited = Date.now() - started;
    if (waited >= timeoutMs) return { ok: false, value: last, waitedMs: waited };
    await sleep(Math.min(delay, timeoutMs - waited));
    if (Date.now() - started >= steadyMs) delay = Math.min(delay * 2, maxDelay);
  }
}

/** Polls DescribeNetworkInterfaces (filtered to the one ENI) until the transition completes (pollUntil). */
export async function waitForEni(
  client: EC2Client,
  target: WaitTarget,
  options: WaitOptions = {},
): Promise<WaitOutcome> {
  const outcome = await pollUntil(
    async () =>
      (await ec2Describe.networkInterfaces(client, [{ Name: 'network-interface-id', Values: [target.eniId] }]))[0] ??
      null,
    (eni) => reached(eni, target),
    options,
  );
  return outcome.ok ? { ok: true, eni: outcome.value } : { ok: false, eni: outcome.value, waitedMs: outcome.waitedMs };
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
