// Runs a checked plan's steps: DryRun first, then each call once, in order, with its wait. A call that fails is
// classified by a describe (observe.ts): made (its answer was lost: go on), not made (retried when EC2 only
// throttled it or the answer was lost, else stop), or unknown (stop). Every step ends with a StepReport.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { bindCreated, type Created, namesCreated, type Plan, type Snapshot, type Step } from '@/lib/topology';
import type { StepReport } from '@/lib/topology/outcome';
import { ANSWER_RESERVE_MS, pause, remainingMs } from './deadline';
import { toFailure } from './errors';
import { errorKind, observeStep } from './observe';
import { dryRunStep, sendStep } from './send-step';
import { type WaitOptions, waitForEni, whereIs } from './wait-for-eni';
import { instanceStateWords, waitForInstance } from './wait-for-instance';

/** The note of a step's interim report, journaled when EC2 accepts a call it then completes (the settled report follows). */
export const ACCEPTED_NOTE = 'Accepted; waiting for EC2 to complete it.';

export type RunOptions = {
  wait?: WaitOptions;
  /** How long to keep looking for a change whose answer was lost before saying it was not made (default 5 s). */
  observeMs?: number;
  /** Attempts of one call when EC2 throttled it or its answer was lost and a describe shows it not made (default 4). */
  attempts?: number;
  /** First delay of the backoff between attempts (default 250 ms; the restore starts at twice it). */
  backoffMs?: number;
  /** The deadline of each describe a wait makes (the read deadline; default 30 s). */
  readDeadlineMs?: number;
  /** Called with each report as it is made (the journal). */
  onStep?: (report: StepReport) => Promise<void>;
};

export type StepFailure = { message: string; code: ReturnType<typeof toFailure>['code']; ec2Code?: string };

/** The outcome of the plan's calls: every report, and the failure that stopped them (if any). */
export type Ran = {
  reports: StepReport[];
  requestIds: string[];
  /** Set when a step did not end done: which one and why. */
  stopped: { index: number; failure: StepFailure; unsettled?: string } | null;
  /** Set when the DryRun refused: nothing was sent. */
  dryRunFailure: ReturnType<typeof toFailure> | null;
  /** The ids of what the plan's steps created (an ENI, an Elastic IP), by kind. */
  created: Created;
};

const textOr = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The ENI a step's wait concerns: named in the input, or found by attachment id in the fresh snapshot. */
export function eniOfStep(step: Step, fresh: Snapshot): string {
  const named = textOr(step.input.NetworkInterfaceId);
  if (named) return named;
  const attachmentId = textOr(step.input.AttachmentId);
  return fresh.enis.find((e) => e.attachment?.id === attachmentId)?.id ?? '';
}

/** A message as a sentence (EC2's own messages often end without a full stop), so the next one reads apart. */
const sentence = (text: string): string => (/[.!?)]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

function failureOf(err: unknown): StepFailure {
  const f = toFailure(err);
  return {
    message: sentence(f.message),
    code: f.code,
    ec2Code: (f.details as { ec2Code?: string } | undefined)?.ec2Code,
  };
}

export const report = (
  index: number,
  step: Step,
  outcome: StepReport['outcome'],
  requestId: string | null,
  note: string | null,
  restore = false,
): StepReport => ({
  index,
  action: step.action,
  description: step.description,
  cli: step.cli,
  outcome,
  requestId,
  note,
  restore,
});

export type Sent = { report: StepReport; failure: StepFailure | null; createdId?: string };

/**
 * Sends one call once; on failure, looks at the account. Retries (with backoff, within the budget) only when a
 * describe shows the change not made and EC2 throttled the call or its answer was lost.
 */
export async function sendObserved(
  client: EC2Client,
  index: number,
  step: Step,
  fresh: Snapshot,
  options: RunOptions,
  restore = false,
): Promise<Sent> {
  const attempts = options.attempts ?? 4;
  let delay = options.backoffMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    try {
      const { requestId, createdId } = await sendStep(client, step);
      const note = attempt > 1 ? `made on attempt ${attempt}` : null;
      return { report: report(index, step, 'done', requestId ?? null, note, restore), failure: null, createdId };
    } catch (err) {
      const failure = failureOf(err);
      const kind = errorKind(err);
      const seen = await observeStep(client, step, fresh, kind === 'lost' ? (options.observeMs ?? 5_000) : 0);
      if (seen.shows === null) {
        return {
          report: report(
            index,
            step,
            'unknown',
            null,
            `${failure.message} The describe that should tell whether it was made failed too: ${seen.error}`,
            restore,
          ),
          failure,
        };
      }
      if (seen.shows) {
        return {
          report: report(
            index,
            step,
            'done',
            null,
            `EC2's answer was lost (${failure.message}); a describe shows the change made.`,
            restore,
          ),
          failure: null,
        };
      }
      const retry = kind !== 'refused' && attempt < attempts && remainingMs() > delay;
      if (!retry || !(await pause(delay))) {
        const note = `${failure.message} A describe after the failure shows it not made${attempt > 1 ? ` (${attempt} attempts)` : ''}.`;
        return { report: report(index, step, 'not-done', null, note, restore), failure };
      }
      delay = Math.min(delay * 2, 4_000);
    }
  }
}

/** DryRun is never a change: retried on a throttle or a lost answer, within the budget. */
async function dryRunAll(
  client: EC2Client,
  plan: Plan,
  backoffMs: number,
): Promise<ReturnType<typeof toFailure> | null> {
  // A step naming what an earlier step creates cannot be dry-run before that resource exists.
  for (const step of plan.steps.filter((s) => s.supportsDryRun && !namesCreated(s.input))) {
    for (let attempt = 1, delay = backoffMs; ; attempt++, delay *= 2) {
      const verdict = await dryRunStep(client, step);
      if (verdict.go) break;
      const transient = errorKind(verdict.error) !== 'refused';
      if (!transient || attempt >= 4 || !(await pause(delay))) {
        const f = toFailure(verdict.error);
        return { ...f, message: `Nothing was changed: the DryRun of ${step.action} failed. ${f.message}` };
      }
    }
  }
  return null;
}

/** Waits for a step's transition for what is left of the budget (less `reserveMs`); the words for where it is when it did not settle. */
async function settle(
  client: EC2Client,
  step: Step,
  fresh: Snapshot,
  options: RunOptions,
  reserveMs: number,
): Promise<string | null> {
  if (!step.waitFor) return null;
  const eniId = eniOfStep(step, fresh);
  const timeoutMs = Math.max(
    0,
    Math.min(options.wait?.timeoutMs ?? Number.POSITIVE_INFINITY, remainingMs() - reserveMs),
  );
  const waitFor = step.waitFor;
  try {
    if (waitFor === 'instance-stopped' || waitFor === 'instance-running') {
      const instanceId = (Array.isArray(step.input.InstanceIds) ? step.input.InstanceIds : []).map(textOr)[0] ?? '';
      const outcome = await waitForInstance(
        client,
        { instanceId, until: waitFor },
        { ...options.wait, timeoutMs, readDeadlineMs: options.readDeadlineMs },
      );
      return outcome.ok
        ? null
        : `${instanceStateWords(outcome.instance, instanceId)} after waiting ${Math.round(outcome.waitedMs / 1000)} s`;
    }
    const outcome =
      step.waitFor === 'eni-available'
        ? await waitForEni(client, { eniId, until: 'eni-available' }, { ...options.wait, timeoutMs })
        : await waitForEni(
            client,
            { eniId, until: 'eni-attached', instanceId: textOr(step.input.InstanceId) },
            { ...options.wait, timeoutMs },
          );
    return outcome.ok ? null : `${whereIs(outcome.eni, eniId)} after waiting ${Math.round(outcome.waitedMs / 1000)} s`;
  } catch (err) {
    return `its state could not be read while waiting (${toFailure(err).message})`;
  }
}

export async function runSteps(client: EC2Client, plan: Plan, fresh: Snapshot, options: RunOptions = {}): Promise<Ran> {
  const ran: Ran = { reports: [], requestIds: [], stopped: null, dryRunFailure: null, created: {} };
  // DryRun every step that has it before changing anything (ec2-rules §1.4: an IAM check, not a promise).
  ran.dryRunFailure = await dryRunAll(client, plan, options.backoffMs ?? 250);
  if (ran.dryRunFailure) return ran;

  const add = async (r: StepReport) => {
    ran.reports.push(r);
    if (r.requestId) ran.requestIds.push(r.requestId);
    await options.onStep?.(r);
  };
  for (const [i, planned] of plan.steps.entries()) {
    // The ids of resources created by earlier steps replace their placeholders (CLI line and description too).
    const step = bindCreated(planned, ran.created);
    const sent = await sendObserved(client, i + 1, step, fresh, options);
    if (step.creates && sent.createdId) {
      ran.created[step.creates] = sent.createdId;
      sent.report = {
        ...sent.report,
        note: [sent.report.note, `Created ${sent.createdId}.`].filter(Boolean).join(' '),
      };
    }
    if (sent.report.outcome !== 'done') {
      await add(sent.report);
      ran.stopped = { index: i + 1, failure: sent.failure ?? { message: 'failed', code: 'ec2-error' } };
      break;
    }
    // On record before the wait: a console stopped while EC2 completes the call still shows it was made (the
    // journal keeps one report per step: the settled one below replaces this).
    if (step.waitFor)
      await options.onStep?.({
        ...sent.report,
        note: [sent.report.note, ACCEPTED_NOTE].filter(Boolean).join(' '),
      });
    const unsettled = await settle(client, step, fresh, options, ANSWER_RESERVE_MS);
    await add(
      unsettled
        ? {
            ...sent.report,
            note: [sent.report.note, `Accepted, but not settled: ${unsettled}.`].filter(Boolean).join(' '),
          }
        : sent.report,
    );
    if (unsettled) {
      ran.stopped = {
        index: i + 1,
        failure: { message: `${step.action} was accepted but did not complete: ${unsettled}`, code: 'timeout' },
        unsettled,
      };
      break;
    }
  }
  // The calls never sent are not done: nothing was sent for them.
  const next = ran.reports.length;
  for (const [i, step] of plan.steps.entries())
    if (i >= next) await add(report(i + 1, step, 'not-done', null, 'Not sent.'));
  return ran;
}
