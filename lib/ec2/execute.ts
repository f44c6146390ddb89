// Plans and applies a move against fresh state: re-read what it involves, re-check with the same rules as the
// canvas, DryRun, run the steps in order (waiting for ENI transitions), restore on a failed ENI move, verify.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { type Failure, type Result, fail } from '@/lib/result';
import { applyMove, type CheckSettings, type Move, type Plan, type Step, checkMove, type Snapshot } from '@/lib/topology';
import { clientInfo, getEc2Client } from './client';
import { toFailure } from './errors';
import { runSteps } from './run';
import { loadCheckSettings } from './settings';
import { type Scope, loadScopedSnapshot } from './snapshot';
import type { WaitOptions } from './steps';
import { type Verified, differences, pickVerified } from './verify';

export type ExecuteOptions = { client?: EC2Client; settings?: CheckSettings; wait?: WaitOptions };
export type Planned = { plan: Plan };
export type Applied = { plan: Plan; requestIds: string[]; verified: Verified };

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
      ids.push(move.allocationId);
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
  if (changes.length === 0 && confirmed.map(stepKey).join() !== fresh.map(stepKey).join()) changes.push('the same calls are now needed in a different order');
  return changes.join('; ');
}

/** A confirmed plan must be for this move; a move-eni without a device index matches the plan's resolved one. */
function sameMove(move: Move, planned: Move): boolean {
  if (move.kind === 'move-eni' && planned.kind === 'move-eni' && move.deviceIndex === undefined) {
    return move.eni === planned.eni && move.toInstance === planned.toInstance;
  }
  return JSON.stringify(move, Object.keys(move).sort()) === JSON.stringify(planned, Object.keys(planned).sort());
}

type Fresh = { ok: true; plan: Plan; fresh: Snapshot } | Failure;

async function freshCheck(client: EC2Client, move: Move, confirmed: Plan | undefined, settings: CheckSettings): Promise<Fresh> {
  if (confirmed && !sameMove(move, confirmed.move)) {
    return fail('invalid-input', 'The confirmed plan is for a different move than the one sent. Send the move together with the plan made for it.');
  }
  const fresh = await loadScopedSnapshot(client, scopeOf(move, confirmed));
  const verdict = checkMove(fresh, move, settings);
  if (!verdict.ok) {
    const why = verdict.reasons.map((r) => r.message).join(' ');
    return confirmed
      ? fail('stale', `The account changed since this move was planned, and EC2 would now refuse it: ${why} Reload the topology.`, { reasons: verdict.reasons })
      : fail('refused', `EC2 would refuse this move: ${why}`, { reasons: verdict.reasons });
  }
  if (confirmed) {
    const changed = describeStepChanges(confirmed.steps, verdict.plan.steps);
    if (changed) {
      return fail('stale', `The account changed since this move was planned: ${changed}. Review the new plan and confirm again.`, {
        details: { plan: verdict.plan },
      });
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
export async function planOnFreshState(move: Move, confirmed?: Plan, options: ExecuteOptions = {}): Promise<Result<Planned>> {
  const client = options.client ?? getEc2Client();
  return guarded(client, async () => {
    const checked = await freshCheck(client, move, confirmed, options.settings ?? loadCheckSettings());
    return checked.ok ? { ok: true, plan: checked.plan } : checked;
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Applies a move: fresh check, DryRun of every step that has it (before any change, so an IAM denial of a later
 * step changes nothing), the steps in order, then a re-read compared with applyMove(fresh, move). The re-read is
 * retried briefly because EC2 describes are eventually consistent (ec2-rules §4.6).
 */
export async function applyPlannedMove(move: Move, confirmed?: Plan, options: ExecuteOptions = {}): Promise<Result<Applied>> {
  const client = options.client ?? getEc2Client();
  return guarded(client, async () => {
    const checked = await freshCheck(client, move, confirmed, options.settings ?? loadCheckSettings());
    if (!checked.ok) return checked;
    const { plan, fresh } = checked;
    const ran = await runSteps(client, plan, fresh, options.wait);
    if (!ran.ok) return ran;

    const expected = applyMove(fresh, plan.move);
    const scope = scopeOf(plan.move, plan);
    let actual = await loadScopedSnapshot(client, scope);
    let diffs = differences(plan, fresh, expected, actual);
    for (let delay = 200; diffs.length > 0 && delay <= 3_200; delay *= 2) {
      await sleep(delay);
      actual = await loadScopedSnapshot(client, scope);
      diffs = differences(plan, fresh, expected, actual);
    }
    const verified = pickVerified(plan, fresh, expected, actual);
    if (diffs.length > 0) {
      return fail(
        'partial-failure',
        `Every EC2 call of the plan succeeded, but the state read back differs from the plan: ${diffs.join('; ')}. Reload the topology and check these resources.`,
        { details: { requestIds: ran.requestIds, verified, differences: diffs } },
      );
    }
    return { ok: true, plan, requestIds: ran.requestIds, verified };
  });
}
