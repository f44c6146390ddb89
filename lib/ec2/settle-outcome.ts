// How an apply ends, in words that match what the account shows: verified, applied with verification pending,
// nothing changed (only when a describe showed it), restored, or partial with each step's outcome, where the
// ENI is and the command that would put it back.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { type Failure, type Result, fail } from '@/lib/result';
import { type Applied, applyMove, inverseWithCreated, type Plan, type Snapshot } from '@/lib/topology';
import type { StepReport } from '@/lib/topology/outcome';
import { pause, remainingMs } from './deadline';
import { toFailure } from './errors';
import type { FinalOutcome } from './journal';
import { type Ran, type RunOptions } from './run-steps';
import { locate, originOf, restoreEni } from './restore';
import { loadScopedSnapshot } from './snapshot';
import { differences, pickVerified } from './verify';

export type Ended = { result: Result<Applied>; journal: FinalOutcome };

const list = (reports: StepReport[]) => reports.map((r) => r.description).join(' ');
const EMPTY = { enis: [], instances: [], eips: [] };

/** Every call was made: read back, retrying while it differs (EC2 lags) within verifyMs and the budget. */
export async function verifyApplied(
  client: EC2Client,
  plan: Plan,
  fresh: Snapshot,
  ran: Ran,
  verifyMs: number,
): Promise<Ended> {
  plan = withCreated(plan, ran);
  const expected = applyMove(fresh, plan.move, ran.created);
  const scope = { ids: plan.involved, ips: ipsOf(plan) };
  const until = Date.now() + verifyMs;
  let why = '';
  for (let delay = 100; ; delay = Math.min(delay * 2, 2_000)) {
    try {
      const actual = await loadScopedSnapshot(client, scope);
      const diffs = differences(plan, fresh, expected, actual);
      if (diffs.length === 0) {
        const verified = pickVerified(plan, fresh, expected, actual);
        return {
          result: {
            ok: true,
            plan,
            requestIds: ran.requestIds,
            verified,
            verification: 'verified',
            steps: ran.reports,
          },
          journal: { status: 'applied', message: plan.summary },
        };
      }
      why = `the state read back still differs: ${diffs.join('; ')}`;
    } catch (err) {
      why = `reading it back failed: ${toFailure(err).message}`;
    }
    if (Date.now() + delay > until || remainingMs() <= delay || !(await pause(delay))) break;
  }
  return pendingVerification(
    plan,
    ran,
    `Every EC2 call succeeded; the result is not confirmed yet (${why}). EC2's describes can lag behind changes: reload in a few seconds to see it.`,
  );
}

/** Every call was accepted but the result is not confirmed: the change is reported made, verification pending. */
function pendingVerification(planned: Plan, ran: Ran, pending: string): Ended {
  const plan = withCreated(planned, ran);
  return {
    result: {
      ok: true,
      plan,
      requestIds: ran.requestIds,
      verified: EMPTY,
      verification: 'pending',
      steps: ran.reports,
      pending,
    },
    journal: { status: 'applied-verification-pending', message: pending },
  };
}

/** What the plan created joins what it involves (verified, re-described), and its undo is now known. */
function withCreated(plan: Plan, ran: Ran): Plan {
  const ids = Object.values(ran.created).filter((id) => id !== undefined);
  if (ids.length === 0) return plan;
  const inverse = inverseWithCreated(plan.move, ran.created) ?? plan.inverse;
  return { ...plan, involved: [...plan.involved, ...ids], inverse };
}

function ipsOf(plan: Plan): string[] {
  const m = plan.move;
  if (m.kind === 'move-ip' || m.kind === 'assign-ip' || m.kind === 'unassign-ip') return [m.ip];
  if (m.kind === 'move-eip') return [m.toIp];
  return [];
}

/** A step stopped (or the DryRun refused): say what was done, restore an ENI caught between detach and attach. */
export async function settleOutcome(
  client: EC2Client,
  plan: Plan,
  fresh: Snapshot,
  ran: Ran,
  options: RunOptions,
): Promise<Ended> {
  const base = { steps: ran.reports, requestIds: ran.requestIds };
  if (ran.dryRunFailure) {
    const f = ran.dryRunFailure;
    return {
      result: { ...f, details: { ...(f.details as object), ...base } },
      journal: { status: 'not-applied', message: f.message },
    };
  }
  const stopped = ran.stopped as NonNullable<Ran['stopped']>;
  const done = ran.reports.filter((r) => r.outcome === 'done');
  const unknown = ran.reports.filter((r) => r.outcome === 'unknown');
  const notDone = ran.reports.filter((r) => r.outcome === 'not-done');
  const failedStep = plan.steps[stopped.index - 1];
  const details = { ...base, failedStep: stopped.index, action: failedStep?.action, ec2Code: stopped.failure.ec2Code };

  // The last call was accepted but its transition has not settled: the change is made, verification pending.
  if (stopped.unsettled && stopped.index === plan.steps.length && notDone.length === 0 && unknown.length === 0) {
    return pendingVerification(
      plan,
      ran,
      `Every EC2 call succeeded; ${stopped.unsettled}. EC2 finishes it on its own: reload in a few seconds to see it.`,
    );
  }

  if (done.length === 0 && unknown.length === 0) {
    const failed = ran.reports[stopped.index - 1];
    const message = `Nothing was changed: ${failedStep?.action} failed. ${failed?.note ?? stopped.failure.message}`;
    const f: Failure = fail(stopped.failure.code === 'internal' ? 'ec2-error' : stopped.failure.code, message, {
      details,
    });
    return { result: f, journal: { status: 'not-applied', message } };
  }

  // An ENI move: the detach was made, the attach was not (or its detach never settled) — put the ENI back.
  const detach = plan.steps.find((s, i) => s.action === 'DetachNetworkInterface' && ran.reports[i]?.outcome === 'done');
  const origin = detach ? originOf(detach, fresh) : null;
  const attachFailed =
    failedStep?.action === 'AttachNetworkInterface' && ran.reports[stopped.index - 1]?.outcome === 'not-done';
  if (origin && (attachFailed || (stopped.unsettled && failedStep === detach))) {
    const head = attachFailed
      ? `Attaching ${origin.eniId} to ${String(failedStep?.input.InstanceId)} failed: ${stopped.failure.message}`
      : `Detaching ${origin.eniId} did not complete: ${stopped.unsettled}.`;
    const restored = attachFailed
      ? await restoreEni(client, origin, plan.steps.length + 1, fresh, options)
      : { report: null, ...(await locate(client, origin)), restored: false };
    const reports = restored.report ? [...ran.reports, restored.report] : ran.reports;
    if (restored.report) await options.onStep?.(restored.report);
    const withRestore = {
      ...details,
      steps: reports,
      restored: restored.restored,
      where: restored.where,
      command: restored.command,
    };
    if (restored.restored) {
      const message = `${head} Restored: ${origin.eniId} is attached again to ${origin.instanceId} at device index ${origin.deviceIndex}, where it was before. Nothing else changed.`;
      return {
        result: fail('partial-failure', message, { details: withRestore }),
        journal: { status: 'partial', message, where: restored.where },
      };
    }
    const tried = attachFailed
      ? ` Re-attaching it to ${origin.instanceId} at device index ${origin.deviceIndex} kept failing until the time budget ran out.`
      : '';
    const message = `${head}${tried} Now ${restored.where}. Put it back with: ${restored.command}`;
    return {
      result: fail('partial-failure', message, { details: withRestore }),
      journal: { status: 'partial', message, where: restored.where, command: restored.command ?? undefined },
    };
  }

  const parts = [
    `Step ${stopped.index} of ${plan.steps.length} (${failedStep?.action}) failed: ${stopped.failure.message}`,
    done.length ? `Done: ${list(done)}` : 'No step is known to be made.',
    unknown.length ? `Unknown (a describe could not tell): ${list(unknown)}` : '',
    notDone.length ? `Not done: ${list(notDone)}` : '',
    'Reload the topology to see the current state.',
  ];
  const message = parts.filter(Boolean).join(' ');
  return {
    result: fail('partial-failure', message, { details }),
    journal: { status: unknown.length ? 'unknown' : 'partial', message },
  };
}
