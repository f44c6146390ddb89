// Plans and applies a move against fresh state: lock what it involves, re-read it, re-check with the same rules
// as the canvas, journal it, DryRun, run the steps in order (waiting for ENI transitions), restore on a failed
// ENI move, verify — all within the apply's time budget.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { type Failure, type Result, fail } from '@/lib/result';
import {
  type Applied,
  type CheckSettings,
  type Move,
  type Plan,
  type Step,
  checkMove,
  type Snapshot,
} from '@/lib/topology';
import { clientInfo, getEc2Client, type Scope as AccountScope } from './client';
import { withDeadline } from './deadline';
import { toFailure } from './errors';
import { type OperationJournal, MemoryJournal } from './journal';
import { InProcessLocks, type LockGrant, type ResourceLocks, lockKeys } from './locks';
import { type RunOptions, runSteps } from './run-steps';
import { loadCheckSettings, loadTimeSettings } from './settings';
import { type Scope, loadScopedSnapshot } from './snapshot';
import type { WaitOptions } from './wait-for-eni';
import { settleOutcome, verifyApplied } from './settle-outcome';

export type ExecuteOptions = {
  client?: EC2Client;
  settings?: CheckSettings;
  wait?: WaitOptions;
  /** The whole apply's time budget (default ENI_CONSOLE_APPLY_BUDGET_MS, 90 s). */
  budgetMs?: number;
  /** How long a conflicting apply waits for the locks before answering `busy` (default 10 s). */
  lockWaitMs?: number;
  /** How long the read-back may keep differing (EC2 lags) before the answer is "applied, verification pending" (default 15 s). */
  verifyMs?: number;
  /** See RunOptions. */
  observeMs?: number;
  backoffMs?: number;
  locks?: ResourceLocks;
  journal?: OperationJournal;
  /** Who asks (for the locks and the journal). */
  user?: string;
  /** The account and region `client` acts in, recorded in the journal (a Finish/Restore acts there); absent: the default. */
  scope?: AccountScope;
};
export type Planned = { plan: Plan };

/**
 * The defaults when the caller passes none (unit tests, scripts); the console's routes pass the database's
 * (console-operations.ts), whose PGlite locks are these. Kept on globalThis: Next.js may load this module once
 * per route bundle (the API route, the server action), and they must share one set of locks.
 */
const shared = globalThis as typeof globalThis & {
  __eniConsoleLocks?: ResourceLocks;
  __eniConsoleJournal?: OperationJournal;
};
export const processLocks: ResourceLocks = (shared.__eniConsoleLocks ??= new InProcessLocks());
export const processJournal: OperationJournal = (shared.__eniConsoleJournal ??= new MemoryJournal());

/** Every id and IP a move names, plus what a confirmed plan said it involves. */
export function scopeOf(move: Move, confirmed?: Plan): Scope {
  const ids: string[] = [...(confirmed?.involved ?? [])];
  const ips: string[] = [];
  switch (move.kind) {
    case 'move-ip':
    case 'assign-ip':
      ids.push(move.toEni);
      ips.push(move.ip);
      break;
    case 'unassign-ip':
      ips.push(move.ip);
      break;
    case 'move-eni':
      ids.push(move.eni, move.toInstance);
      break;
    case 'detach-eni':
      ids.push(move.eni);
      break;
    case 'move-eip':
      ids.push(move.allocationId, move.toEni);
      ips.push(move.toIp);
      break;
    case 'disassociate-eip':
    case 'release-eip':
      ids.push(move.allocationId);
      break;
    case 'create-eni':
      ids.push(move.subnetId, ...(move.securityGroupIds ?? []));
      if (move.attachTo) ids.push(move.attachTo.instanceId);
      ips.push(...[move.privateIp, ...(move.secondaryIps ?? [])].filter((ip) => ip !== undefined));
      return { ids, ips, wholeSubnets: true };
    case 'assign-ips':
      ids.push(move.eni);
      ips.push(...(move.addresses ?? []));
      return { ids, ips, wholeSubnets: true };
    case 'delete-eni':
    case 'unassign-ips':
    case 'set-source-dest-check':
    case 'set-description':
      ids.push(move.eni);
      break;
    case 'set-security-groups':
      ids.push(move.eni, ...move.groupIds);
      break;
    case 'set-tags':
      ids.push(move.resourceId);
      break;
    case 'stop-instance':
    case 'start-instance':
      ids.push(move.instance);
      break;
    case 'allocate-eip':
      break;
  }
  return { ids, ips };
}

const stepKey = (s: Step) => JSON.stringify([s.action, s.input]);

/** What differs between the confirmed steps and the fresh ones, in words; "" when they are the same calls. */
export function describeStepChanges(confirmed: readonly Step[], fresh: readonly Step[]): string {
  const freshKeys = new Set(fresh.map(stepKey));
  const confirmedKeys = new Set(confirmed.map(stepKey));
  const dropped = confirmed.filter((s) => !freshKeys.has(stepKey(s)));
  const added = fresh.filter((s) => !confirmedKeys.has(stepKey(s)));
  const changes = [
    ...dropped.map((s) => `\`${s.cli}\` is no longer in the plan`),
    ...added.map((s) => `\`${s.cli}\` is now needed`),
  ];
  if (changes.length === 0 && confirmed.map(stepKey).join() !== fresh.map(stepKey).join())
    changes.push('the same calls are now needed in a different order');
  return changes.join('; ');
}

/** A confirmed plan must be for this move; a move-eni without a device index matches the plan's resolved one. */
function sameMove(move: Move, planned: Move): boolean {
  if (move.kind === 'move-eni' && planned.kind === 'move-eni' && move.deviceIndex === undefined) {
    return move.eni === planned.eni && move.toInstance === planned.toInstance;
  }
  // A count of addresses (or a create without them) matches the plan that resolved them.
  if (move.kind === 'assign-ips' && planned.kind === 'assign-ips' && move.count !== undefined)
    return move.eni === planned.eni && planned.addresses?.length === move.count;
  if (move.kind === 'create-eni' && planned.kind === 'create-eni')
    return move.subnetId === planned.subnetId && move.attachTo?.instanceId === planned.attachTo?.instanceId;
  return JSON.stringify(move, Object.keys(move).sort()) === JSON.stringify(planned, Object.keys(planned).sort());
}

type Fresh = { ok: true; plan: Plan; fresh: Snapshot } | Failure;

async function freshCheck(
  client: EC2Client,
  move: Move,
  confirmed: Plan | undefined,
  settings: CheckSettings,
): Promise<Fresh> {
  if (confirmed && !sameMove(move, confirmed.move)) {
    return fail(
      'invalid-input',
      'The confirmed plan is for a different move than the one sent. Send the move together with the plan made for it.',
    );
  }
  const fresh = await loadScopedSnapshot(client, scopeOf(move, confirmed));
  const verdict = checkMove(fresh, move, settings);
  if (!verdict.ok) {
    const why = verdict.reasons.map((r) => r.message).join(' ');
    return confirmed
      ? fail(
          'stale',
          `The account changed since this move was planned, and EC2 would now refuse it: ${why} Reload the topology.`,
          { reasons: verdict.reasons },
        )
      : fail('refused', `EC2 would refuse this move: ${why}`, { reasons: verdict.reasons });
  }
  if (confirmed) {
    // The same calls can mean another change: an IP moved by someone else meanwhile is taken from its new holder.
    const was = [...confirmed.involved].sort().join(', ');
    const now = [...verdict.plan.involved].sort().join(', ');
    const changed =
      describeStepChanges(confirmed.steps, verdict.plan.steps) ||
      (was === now ? '' : `the move now involves ${now} (planned: ${was})`) ||
      (confirmed.summary === verdict.plan.summary
        ? ''
        : `it now reads "${verdict.plan.summary}" (planned: "${confirmed.summary}")`);
    if (changed) {
      return fail(
        'stale',
        `The account changed since this move was planned: ${changed}. Review the new plan and confirm again.`,
        {
          details: { plan: verdict.plan },
        },
      );
    }
  }
  return { ok: true, plan: verdict.plan, fresh };
}

async function guarded<T>(client: EC2Client, work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (err) {
    return toFailure(err, { endpoint: (await clientInfo(client)).endpoint });
  }
}

/** Re-reads what the move involves and checks it again; with `confirmed`, also says whether the plan still holds. */
export async function planOnFreshState(
  move: Move,
  confirmed?: Plan,
  options: ExecuteOptions = {},
): Promise<Result<Planned>> {
  const client = options.client ?? getEc2Client();
  return guarded(client, async () => {
    // A plan is a read: it stops at the read deadline like a refresh does.
    const { readDeadlineMs } = loadTimeSettings();
    const checked = await withDeadline(readDeadlineMs, 'Planning the move', () =>
      freshCheck(client, move, confirmed, options.settings ?? loadCheckSettings()),
    );
    return checked.ok ? { ok: true, plan: checked.plan } : checked;
  });
}

/** What a change is, in words, for whoever waits on its locks: "move-eip eipalloc-… to eni-… 10.0.1.20". */
function changeOf(move: Move): string {
  switch (move.kind) {
    case 'move-ip':
    case 'assign-ip':
      return `${move.kind} ${move.ip} to ${move.toEni}`;
    case 'unassign-ip':
      return `unassign-ip ${move.ip}`;
    case 'move-eni':
      return `move-eni ${move.eni} to ${move.toInstance}${move.deviceIndex === undefined ? '' : ` at device index ${move.deviceIndex}`}`;
    case 'detach-eni':
      return `detach-eni ${move.eni}`;
    case 'move-eip':
      return `move-eip ${move.allocationId} to ${move.toEni} ${move.toIp}`;
    case 'disassociate-eip':
    case 'release-eip':
      return `${move.kind} ${move.allocationId}`;
    case 'create-eni':
      return `create-eni in ${move.subnetId}${move.attachTo ? ` for ${move.attachTo.instanceId}` : ''}`;
    case 'delete-eni':
    case 'assign-ips':
    case 'unassign-ips':
      return `${move.kind} ${move.eni}${move.kind !== 'delete-eni' && move.addresses ? ` ${move.addresses.join(' ')}` : ''}`;
    case 'set-source-dest-check':
      return `set-source-dest-check ${move.eni} ${move.enabled}`;
    case 'set-description':
      return `set-description ${move.eni}`;
    case 'set-tags':
      return `set-tags ${move.resourceId}`;
    case 'stop-instance':
    case 'start-instance':
      return `${move.kind} ${move.instance}`;
    case 'set-security-groups':
      return `set-security-groups ${move.eni} ${move.groupIds.join(' ')}`;
    case 'allocate-eip':
      return 'allocate-eip';
  }
}

/** The answer to a change whose locks stayed held by another one: who holds what, since when. */
export function busyFailure(grant: Extract<LockGrant, { ok: false }>): Failure {
  const h = grant.holder;
  return fail(
    'busy',
    `Another change holds ${grant.resource.replace(/^ip:/, '')}: ${h.user} is applying ${h.change} since ${h.since}. Try again when it has finished.`,
    { details: { resource: grant.resource, holder: h } },
  );
}

/**
 * Applies a move within its budget: takes the locks of every resource the move names (sorted; a conflicting
 * apply waits up to lockWaitMs, then answers `busy` naming the holder), checks again on fresh state (so the
 * second of two racing moves is judged on the first one's result), journals the operation before the first call,
 * runs the steps (run-steps.ts), restores a failed ENI move (restore.ts), and verifies the result.
 */
export async function applyPlannedMove(
  move: Move,
  confirmed?: Plan,
  options: ExecuteOptions = {},
): Promise<Result<Applied>> {
  const client = options.client ?? getEc2Client();
  const locks = options.locks ?? processLocks;
  const journal = options.journal ?? processJournal;
  const user = options.user ?? 'console';
  let budgetMs: number;
  let readDeadlineMs: number;
  try {
    const time = loadTimeSettings();
    budgetMs = options.budgetMs ?? time.applyBudgetMs;
    readDeadlineMs = time.readDeadlineMs; // each describe of a stop/start's wait
  } catch (err) {
    return toFailure(err);
  }
  const scope = scopeOf(move, confirmed);
  const since = new Date().toISOString();
  const grant = await locks.acquire(
    lockKeys(scope.ids, scope.ips),
    { user, change: changeOf(move), since },
    options.lockWaitMs ?? 10_000,
  );
  if (!grant.ok) return busyFailure(grant);
  try {
    return await withDeadline(budgetMs, 'The apply', () =>
      guarded(client, async () => {
        const checked = await freshCheck(client, move, confirmed, options.settings ?? loadCheckSettings());
        if (!checked.ok) return checked;
        const { plan, fresh } = checked;
        const op = await journal.begin(user, plan.move, plan, options.scope);
        const runOptions: RunOptions = {
          wait: options.wait,
          observeMs: options.observeMs,
          backoffMs: options.backoffMs,
          readDeadlineMs,
          onStep: (r) => op.step(r, r.requestId),
        };
        try {
          const ran = await runSteps(client, plan, fresh, runOptions);
          const ended =
            ran.stopped || ran.dryRunFailure
              ? await settleOutcome(client, plan, fresh, ran, runOptions)
              : await verifyApplied(client, plan, fresh, ran, options.verifyMs ?? 15_000);
          await op.finish(ended.journal);
          return ended.result;
        } catch (err) {
          const f = toFailure(err, { endpoint: (await clientInfo(client)).endpoint });
          await op.finish({ status: 'unknown', message: f.message });
          return f;
        }
      }),
    );
  } finally {
    await grant.release();
  }
}
