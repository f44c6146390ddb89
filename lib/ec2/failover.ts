// Plans, rehearses and applies a failover: checked as a whole on fresh state, its parts applied in
// order through the ordinary executor, rolled back to `from` when a part fails, every step reported and timed.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { type Failure, type Result, fail } from '@/lib/result';
import { checkFailover, type Failover, type FailoverPlan, type Move } from '@/lib/topology';
import type { StepReport, StepTiming } from '@/lib/topology/outcome';
import { clientInfo, getEc2Client } from './client';
import { withDeadline } from './deadline';
import { toFailure } from './errors';
import {
  applyPlannedMove,
  busyFailure,
  describeStepChanges,
  type ExecuteOptions,
  processJournal,
  processLocks,
  scopeOf,
} from './execute';
import { lockKeys, withinHeld } from './locks';
import { loadCheckSettings, loadTimeSettings } from './settings';
import { loadScopedSnapshot } from './snapshot';
import { dryRunStep } from './send-step';
import { type Progress, processDurations, processProgress, type StepDurations, timingJournal } from './step-timings';

/** progressId: where the steps show as they happen (GET /api/progress/{id}), chosen by the caller. */
export type FailoverOptions = ExecuteOptions & { durations?: StepDurations; progressId?: string };
export type Timings = { totalMs: number; steps: StepTiming[] };

export type FailoverRehearsed = {
  plan: FailoverPlan;
  rehearsal: {
    /** Every DryRun EC2 allows was made and answered DryRunOperation; the rest have no DryRun member. */
    dryRuns: { action: string; cli: string }[];
    noDryRun: { action: string; cli: string }[];
    /** From the running averages of the steps this console observed; null when a step was never observed. */
    expectedMs: number | null;
    expected: { index: number; action: string; ms: number | null; samples: number }[];
  };
};
export type FailoverApplied = {
  plan: FailoverPlan;
  requestIds: string[];
  steps: StepReport[];
  timings: Timings;
  verification: 'verified' | 'pending';
  pending?: string;
};

const failoverScope = (f: Failover, confirmed?: FailoverPlan) => ({
  ids: [f.from, f.to, ...(confirmed?.involved ?? [])],
});

/** Every resource the parts and their inverses name (ids and private IPs), as lock keys. */
function failoverLockKeys(f: Failover, plan: FailoverPlan): string[] {
  const scopes = [...plan.parts.map((p) => scopeOf(p.move, p)), ...plan.inverse.map((m) => scopeOf(m))];
  return lockKeys(
    [f.from, f.to, ...plan.involved, ...scopes.flatMap((s) => s.ids)],
    scopes.flatMap((s) => s.ips ?? []),
  );
}

async function freshFailover(
  client: EC2Client,
  f: Failover,
  confirmed: FailoverPlan | undefined,
  options: FailoverOptions,
): Promise<Result<{ plan: FailoverPlan }>> {
  if (
    confirmed &&
    (confirmed.failover.from !== f.from || confirmed.failover.to !== f.to || confirmed.failover.ips !== f.ips)
  ) {
    return fail(
      'invalid-input',
      'The confirmed plan is for a different failover than the one sent. Send the failover together with the plan made for it.',
    );
  }
  const fresh = await loadScopedSnapshot(client, failoverScope(f, confirmed));
  const verdict = checkFailover(fresh, f, options.settings ?? loadCheckSettings());
  if (!verdict.ok) {
    const why = verdict.reasons.map((r) => r.message).join(' ');
    return confirmed
      ? fail(
          'stale',
          `The account changed since this failover was planned, and EC2 would now refuse it: ${why} Reload the topology.`,
          { reasons: verdict.reasons },
        )
      : fail('refused', `EC2 would refuse this failover: ${why}`, { reasons: verdict.reasons });
  }
  if (confirmed) {
    const changed = describeStepChanges(confirmed.steps, verdict.plan.steps);
    if (changed)
      return fail(
        'stale',
        `The account changed since this failover was planned: ${changed}. Review the new plan and confirm again.`,
        { details: { plan: verdict.plan } },
      );
  }
  return { ok: true, plan: verdict.plan };
}

async function guarded<T>(client: EC2Client, work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (err) {
    return toFailure(err, { endpoint: (await clientInfo(client)).endpoint });
  }
}

export async function planFailover(
  f: Failover,
  confirmed?: FailoverPlan,
  options: FailoverOptions = {},
): Promise<Result<{ plan: FailoverPlan }>> {
  const client = options.client ?? getEc2Client();
  return guarded(client, () =>
    withDeadline(loadTimeSettings().readDeadlineMs, 'Planning the failover', () =>
      freshFailover(client, f, confirmed, options),
    ),
  );
}

/** Every check and every DryRun EC2 allows; nothing is changed. The expected duration comes from observed steps. */
export async function rehearseFailover(f: Failover, options: FailoverOptions = {}): Promise<Result<FailoverRehearsed>> {
  const client = options.client ?? getEc2Client();
  const durations = options.durations ?? processDurations;
  return guarded(client, async () => {
    const checked = await withDeadline(loadTimeSettings().readDeadlineMs, 'Rehearsing the failover', () =>
      freshFailover(client, f, undefined, options),
    );
    if (!checked.ok) return checked;
    const { plan } = checked;
    const dryRuns: FailoverRehearsed['rehearsal']['dryRuns'] = [];
    for (const step of plan.steps.filter((s) => s.supportsDryRun)) {
      const verdict = await dryRunStep(client, step);
      if (!verdict.go) {
        const why = toFailure(verdict.error);
        return fail(
          why.code === 'internal' ? 'ec2-error' : why.code,
          `Nothing was changed: the DryRun of \`${step.cli}\` failed. ${why.message}`,
          { details: { dryRuns } },
        );
      }
      dryRuns.push({ action: step.action, cli: step.cli });
    }
    const expected = plan.steps.map((s, i) => {
      const seen = durations.expected(s.action);
      return { index: i + 1, action: s.action, ms: seen?.ms ?? null, samples: seen?.samples ?? 0 };
    });
    const expectedMs = expected.every((e) => e.ms !== null) ? expected.reduce((sum, e) => sum + (e.ms ?? 0), 0) : null;
    const noDryRun = plan.steps.filter((s) => !s.supportsDryRun).map((s) => ({ action: s.action, cli: s.cli }));
    return { ok: true, plan, rehearsal: { dryRuns, noDryRun, expectedMs, expected } };
  });
}

/**
 * Applies the parts in order (each through applyPlannedMove: its own locks, fresh re-check, DryRun, waits, restore of
 * a half-moved ENI, verification). When a part fails, the parts already done are undone with their inverses, last
 * first, so everything returns to `from`; the answer lists every step, restores included, as observed.
 */
export async function applyFailover(
  f: Failover,
  confirmed?: FailoverPlan,
  options: FailoverOptions = {},
): Promise<Result<FailoverApplied>> {
  const client = options.client ?? getEc2Client();
  const locks = options.locks ?? processLocks;
  const started = Date.now();
  const progress = options.progressId
    ? processProgress.start(options.progressId, 'Checking the failover on fresh state…', options.user)
    : undefined;
  let held: { release: () => Promise<void> } | undefined;
  try {
    const checked = await guarded(client, () =>
      withDeadline(loadTimeSettings().readDeadlineMs, 'Checking the failover', () =>
        freshFailover(client, f, confirmed, options),
      ),
    );
    if (!checked.ok) return checked;
    // One critical section: every resource of every part (and of their inverses, for a rollback) stays locked from
    // the first call to the last, so no other move slips in between two parts or before the rollback.
    const keys = failoverLockKeys(f, checked.plan);
    const grant = await locks.acquire(
      keys,
      { user: options.user ?? 'console', change: `failover ${f.from} to ${f.to}`, since: new Date().toISOString() },
      options.lockWaitMs ?? 10_000,
    );
    if (!grant.ok) return busyFailure(grant);
    held = grant;
    // Checked again under the locks: a change that landed between the first check and the locks makes it stale.
    const locked = await guarded(client, () =>
      withDeadline(loadTimeSettings().readDeadlineMs, 'Checking the failover', () =>
        freshFailover(client, f, checked.plan, options),
      ),
    );
    if (!locked.ok) return locked;
    const { plan } = locked;
    const partLocks = withinHeld(locks, keys);
    const timings: StepTiming[] = [];
    const steps: StepReport[] = [];
    const requestIds: string[] = [];
    let pending: string[] = [];
    const run = async (move: Move, offset: number) => {
      const journal = timingJournal(options.journal ?? processJournal, {
        timings,
        offset,
        progress,
        durations: options.durations ?? processDurations,
      });
      return applyPlannedMove(move, undefined, { ...options, journal, locks: partLocks });
    };
    const collect = (result: Awaited<ReturnType<typeof run>>, offset: number, restore: boolean) => {
      const reports = result.ok
        ? result.steps
        : ((result.details as { steps?: StepReport[] } | undefined)?.steps ?? []);
      steps.push(...reports.map((r) => ({ ...r, index: offset + r.index, restore: restore || r.restore })));
      requestIds.push(
        ...(result.ok ? result.requestIds : reports.map((r) => r.requestId).filter((id): id is string => !!id)),
      );
    };

    let offset = 0;
    for (const [i, part] of plan.parts.entries()) {
      const result = await run(part.move, offset);
      collect(result, offset, false);
      offset = steps.length;
      if (result.ok) {
        if (result.verification === 'pending' && result.pending) pending.push(result.pending);
        continue;
      }
      return await rollBack(plan, i, result, { run, collect, steps, timings, requestIds, started, progress });
    }
    pending = [...new Set(pending)];
    return {
      ok: true,
      plan,
      requestIds,
      steps,
      timings: { totalMs: Date.now() - started, steps: timings },
      verification: pending.length ? 'pending' : 'verified',
      ...(pending.length ? { pending: pending.join(' ') } : {}),
    };
  } finally {
    await held?.release();
    if (progress) {
      progress.current = null;
      progress.finished = true;
    }
  }
}

type RollBackKit = {
  run: (move: Move, offset: number) => ReturnType<typeof applyPlannedMove>;
  collect: (result: Awaited<ReturnType<typeof applyPlannedMove>>, offset: number, restore: boolean) => void;
  steps: StepReport[];
  timings: StepTiming[];
  requestIds: string[];
  started: number;
  progress?: Progress;
};

async function rollBack(plan: FailoverPlan, failedPart: number, failure: Failure, kit: RollBackKit): Promise<Failure> {
  const done = plan.parts.slice(0, failedPart);
  const undo = [...done].reverse().flatMap((p) => p.inverse);
  const undone: string[] = [];
  const notUndone: string[] = [];
  for (const move of undo) {
    if (kit.progress) kit.progress.current = 'Rolling back…';
    const result = await kit.run(move, kit.steps.length);
    kit.collect(result, kit.steps.length, true);
    (result.ok ? undone : notUndone).push(
      result.ok ? result.plan.summary : `${JSON.stringify(move)}: ${result.message}`,
    );
  }
  const part = plan.parts[failedPart];
  const head = `Part ${failedPart + 1} of ${plan.parts.length} of the failover (${part?.summary ?? ''}) failed: ${failure.message}`;
  const tail =
    done.length === 0
      ? ' No earlier part had been made, so nothing else needed undoing.'
      : notUndone.length === 0
        ? ` Rolled back: ${undone.length} ${undone.length === 1 ? 'move' : 'moves'} undone, everything is back on the instance it failed over from.`
        : ` Rolling back did not finish: ${notUndone.join('; ')}. Reload the topology to see where things are.`;
  return fail(
    failure.code === 'ec2-error' || failure.code === 'partial-failure' ? 'partial-failure' : failure.code,
    head + tail,
    {
      details: {
        steps: kit.steps,
        requestIds: kit.requestIds,
        timings: { totalMs: Date.now() - kit.started, steps: kit.timings },
        failedPart: failedPart + 1,
        rolledBack: notUndone.length === 0,
      },
    },
  );
}
