// Unfinished operations (a console stopped mid-move): what the journal says, what the account shows now, and the
// two ways out — finish (the original move, planned again on fresh state) or restore (the plan's inverse moves,
// which put the resources back where they were) — each planned, locked, checked and journaled like any move.
import 'server-only';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { stateDiff } from '@/lib/agreement/compare';
import { type Result, fail } from '@/lib/result';
import { type Applied, applyMove, type Move, type Snapshot } from '@/lib/topology';
import { resolveScope } from './accounts';
import { getEc2Client, type Scope } from './client';
import { toFailure } from './errors';
import { type ExecuteOptions, applyPlannedMove, planOnFreshState, scopeOf } from './execute';
import type { FinalOutcome, JournalEntry, OperationJournal } from './journal';
import { loadScopedSnapshot } from './snapshot';

/** A journal whose operations can be looked up and finished by id (the database's). */
export interface ResolvableJournal extends OperationJournal {
  get(id: string): Promise<JournalEntry | null>;
  /** False when the operation was already finished. */
  finish(id: string, outcome: FinalOutcome): Promise<boolean>;
}

export type Observed = { resource: string; state: string };
export type OperationView = JournalEntry & {
  /** Where the operation's resources are now, one line each; null when the account could not be read. */
  observed: Observed[] | null;
  observedError: string | null;
  /** The moves a restore would plan (the plan's inverse). */
  restoreMoves: Move[];
};

/** Each resource the operation involves, as the current read shows it. */
export function describeObserved(snapshot: Snapshot, entry: JournalEntry): Observed[] {
  const scope = scopeOf(entry.move, entry.plan);
  const lines: Observed[] = [];
  for (const id of [...new Set(scope.ids)].sort()) {
    if (id.startsWith('eni-')) {
      const eni = snapshot.enis.find((e) => e.id === id);
      const a = eni?.attachment;
      lines.push({
        resource: id,
        state: !eni
          ? 'not found in the account'
          : a
            ? `attached to ${a.instanceId ?? 'a service'} at device index ${a.deviceIndex} (${a.status})`
            : `not attached (${eni.status})`,
      });
    } else if (id.startsWith('eipalloc-')) {
      const eip = snapshot.eips.find((e) => e.allocationId === id);
      lines.push({
        resource: id,
        state: !eip
          ? 'not found in the account'
          : eip.eniId
            ? `${eip.publicIp} associated with ${eip.privateIp} on ${eip.eniId}`
            : `${eip.publicIp}, not associated`,
      });
    } else if (id.startsWith('i-')) {
      const instance = snapshot.instances.find((i) => i.id === id);
      lines.push({ resource: id, state: instance ? `${instance.state}` : 'not found in the account' });
    }
  }
  for (const ip of [...new Set(scope.ips ?? [])].sort()) {
    const holder = snapshot.enis.find((e) => e.privateIps.some((p) => p.address === ip));
    lines.push({ resource: ip, state: holder ? `assigned to ${holder.id}` : 'not assigned to any ENI' });
  }
  return lines;
}

/**
 * The client of the account and region where the operation started (the journal records them), whatever scope the
 * user views now; `fallback` (else the environment's client) for an operation of the default scope. An account no
 * longer configured is a clear failure, never a call in another account.
 */
async function clientOf(
  entry: JournalEntry,
  fallback?: EC2Client,
  actor?: string,
): Promise<Result<{ client: EC2Client }>> {
  if (!entry.scope) return { ok: true, client: fallback ?? getEc2Client() };
  const resolved = await resolveScope(entry.scope);
  if (!resolved.ok)
    return {
      ...resolved,
      message: `Operation ${entry.id} started in account ${entry.scope.account}, ${entry.scope.region}: ${resolved.message}`,
    };
  return { ok: true, client: getEc2Client(resolved.scope, actor) };
}

/** The operations (unfinished only, or the latest), each with the observed state of its resources. */
export async function viewOperations(
  journal: OperationJournal,
  options: { unfinished: boolean; limit?: number; client?: EC2Client },
): Promise<OperationView[]> {
  const entries = options.unfinished ? await journal.unfinished() : await journal.recent(options.limit ?? 50);
  return Promise.all(entries.map((entry) => viewEntry(entry, options.client)));
}

/** One operation by its journal id (op-…), with the observed state of its resources when unfinished; null if unknown. */
export async function viewOperation(
  journal: ResolvableJournal,
  id: string,
  client?: EC2Client,
): Promise<OperationView | null> {
  const entry = await journal.get(id);
  return entry ? viewEntry(entry, client) : null;
}

async function viewEntry(entry: JournalEntry, fallback: EC2Client | undefined): Promise<OperationView> {
  const restoreMoves = entry.plan.inverse;
  if (entry.finishedAt !== null) return { ...entry, observed: null, observedError: null, restoreMoves };
  const where = await clientOf(entry, fallback);
  if (!where.ok) return { ...entry, observed: null, observedError: where.message, restoreMoves };
  const client = where.client;
  try {
    const snapshot = await loadScopedSnapshot(client, scopeOf(entry.move, entry.plan));
    return { ...entry, observed: describeObserved(snapshot, entry), observedError: null, restoreMoves };
  } catch (err) {
    return { ...entry, observed: null, observedError: toFailure(err).message, restoreMoves };
  }
}

export type ResolveAction = 'finish' | 'restore';
export type Resolved = {
  id: string;
  action: ResolveAction;
  outcome: FinalOutcome;
  applied: Applied[];
  alreadyDone: string[];
  /** Where it acted: the account and region the operation started in (null: the default scope). */
  scope: Scope | null;
};

/** True when the account already shows the move's result (nothing left to do for it). */
async function alreadyDone(client: EC2Client, move: Move): Promise<boolean> {
  const fresh = await loadScopedSnapshot(client, scopeOf(move));
  try {
    return stateDiff(applyMove(fresh, move), fresh).length === 0;
  } catch {
    return false;
  }
}

/**
 * Finishes or restores an unfinished operation: each move is planned on fresh state and applied through the
 * executor (locks, re-check, journal, verify). Only when every move is applied (or the account already shows
 * it) is the operation marked finished, with what was done; a refusal or failure leaves it unfinished and says why.
 */
export async function resolveOperation(
  journal: ResolvableJournal,
  id: string,
  action: ResolveAction,
  options: ExecuteOptions & { user: string },
): Promise<Result<Resolved>> {
  const entry = await journal.get(id);
  if (!entry)
    return fail(
      'not-found',
      `There is no operation ${id} in the journal. List them with GET /api/operations?unfinished=1.`,
    );
  if (entry.finishedAt !== null) {
    return fail(
      'stale',
      `Operation ${id} was already finished at ${entry.finishedAt} (${entry.outcome?.status ?? 'unknown'}: ${entry.outcome?.message ?? ''}). Reload the list.`,
    );
  }
  // A change that creates a resource learns its id only from EC2's answer (recorded in its step's note): replaying it
  // could create a second one, and its planned inverse is empty. Say so instead of guessing.
  const creates = entry.move.kind === 'create-eni' || entry.move.kind === 'allocate-eip';
  if (creates) {
    return fail(
      'conflict',
      `Operation ${id} (${entry.plan.summary}) creates a resource: its steps say whether EC2 created it and which id it got. ${action === 'finish' ? 'Finishing it could create a second one or claim an attach that never happened' : 'Restoring needs that id'}: look in the view, then delete, release or keep it with a change of its own.`,
    );
  }
  // Where the operation started, not where the user looks now: the same ids mean other things in another account.
  const where = await clientOf(entry, options.client, options.user);
  if (!where.ok) return where;
  const client = where.client;
  options = { ...options, client, ...(entry.scope ? { scope: entry.scope } : {}) };
  const moves = action === 'finish' ? [entry.move] : entry.plan.inverse;
  const applied: Applied[] = [];
  const skipped: string[] = [];
  for (const move of moves) {
    const planned = await planOnFreshState(move, undefined, { ...options, client });
    if (!planned.ok) {
      let done = false;
      try {
        done = await alreadyDone(client, move);
      } catch {
        done = false;
      }
      if (done) {
        skipped.push(move.kind);
        continue;
      }
      return {
        ...planned,
        message: `Cannot ${action} operation ${id}: ${planned.message}`,
        details: { ...(planned.details as object), applied },
      };
    }
    const result = await applyPlannedMove(move, planned.plan, { ...options, client });
    if (!result.ok)
      return {
        ...result,
        message: `Could not ${action} operation ${id}: ${result.message}`,
        details: { ...(result.details as object), applied },
      };
    applied.push(result);
  }
  const what =
    action === 'finish'
      ? `Finished by ${options.user}: the move "${entry.plan.summary}" was completed`
      : `Restored by ${options.user}: the resources were put back as before "${entry.plan.summary}"`;
  const calls = applied.flatMap((a) => a.plan.summary);
  const outcome: FinalOutcome = {
    status: action === 'finish' ? 'applied' : 'not-applied',
    message: `${what}${calls.length ? ` (${calls.join(' ')})` : ' (the account already showed it; no call was needed)'}.`,
  };
  if (!(await journal.finish(id, outcome))) {
    return fail('stale', `Operation ${id} was resolved by someone else meanwhile. Reload the list.`, {
      details: { applied },
    });
  }
  return { ok: true, id, action, outcome, applied, alreadyDone: skipped, scope: entry.scope };
}
