// Failover as one checked plan: `from`'s secondary ENIs, and optionally the secondary IPs of its
// primary ENI, move to `to` as a sequence of ordinary moves, each checked on the state the previous ones leave.
import { z } from 'zod';
import { applyMove } from './apply';
import { healthMark } from './health';
import { eniLabel, instanceName, listWords } from './labels';
import {
  type CheckSettings,
  defaultCheckSettings,
  type Move,
  moveSchema,
  type Plan,
  planSchema,
  type Reason,
  stepSchema,
} from './move';
import { checkMove } from './rules';
import { uniqueIds } from './rules-shared';
import type { Snapshot } from './schema';
import { indexSnapshot } from './snapshot-index';

const instanceId = z
  .string()
  .regex(/^i-[0-9a-f]{8}([0-9a-f]{9})?$/, 'Expected an instance id such as i-0123456789abcdef0');

export const failoverSchema = z
  .object({
    kind: z.literal('failover'),
    from: instanceId,
    to: instanceId,
    /** Also move the secondary IPs of `from`'s primary ENI to `to`'s primary ENI (their EIPs follow). */
    ips: z.boolean().default(false),
    /** Run every check and DryRun, change nothing, and report the expected duration. */
    rehearse: z.boolean().optional(),
  })
  .strict();
export type Failover = z.infer<typeof failoverSchema>;

/** Bounded like a plan: a confirmed failover plan comes back from the browser. */
export const failoverPlanSchema = z.object({
  failover: failoverSchema,
  summary: z.string().max(4_000),
  /** The ordinary plans it is made of, applied in this order. */
  parts: z.array(planSchema).max(16),
  /** Every call of every part, in order (for display). */
  steps: z.array(stepSchema).max(48),
  sideEffects: z.array(z.string().max(2_000)).max(48),
  hourlyCostDelta: z.number(),
  /** The moves that fail back: every part's inverse, last part first. */
  inverse: z.array(moveSchema).max(48),
  involved: z.array(z.string().regex(/^[a-z]{1,12}-[0-9a-z]{1,32}$/)).max(64),
});
export type FailoverPlan = z.infer<typeof failoverPlanSchema>;

export type FailoverVerdict = { ok: true; plan: FailoverPlan } | { ok: false; reasons: Reason[] };

/** The moves a failover is made of, chosen on `snapshot`: ENIs first (same device index where free), then IPs. */
function partsOf(snapshot: Snapshot, f: Failover): { moves: Move[]; reasons: Reason[] } {
  const ix = indexSnapshot(snapshot);
  const reasons: Reason[] = [];
  const from = ix.instanceById.get(f.from);
  const to = ix.instanceById.get(f.to);
  if (!from)
    reasons.push({ rule: 'resource-exists', message: `${f.from} does not exist (any more). Refresh the view.` });
  if (!to) reasons.push({ rule: 'resource-exists', message: `${f.to} does not exist (any more). Refresh the view.` });
  if (!from || !to) return { moves: [], reasons };
  if (from.id === to.id) {
    reasons.push({
      rule: 'target-is-different',
      message: `A failover needs a different instance to move to than ${instanceName(from)}.`,
    });
    return { moves: [], reasons };
  }
  if (from.az !== to.az) {
    reasons.push({
      rule: 'same-az',
      message: `${instanceName(from)} is in ${from.az}; ${instanceName(to)} is in ${to.az}. ENIs and their IPs only move within one Availability Zone: pick a standby in ${from.az}.`,
    });
  }
  const fromEnis = ix.enisByInstance.get(from.id) ?? [];
  const toEnis = ix.enisByInstance.get(to.id) ?? [];
  const taken = new Set(toEnis.map((e) => e.attachment?.deviceIndex ?? 0));
  const moves: Move[] = [];
  const secondaries = fromEnis
    .filter((e) => (e.attachment?.deviceIndex ?? 0) >= 1 && !e.requesterManaged)
    .sort((a, b) => (a.attachment?.deviceIndex ?? 0) - (b.attachment?.deviceIndex ?? 0));
  for (const eni of secondaries) {
    let deviceIndex = eni.attachment?.deviceIndex ?? 1;
    // The same device index keeps the guest's interface name (eth1 stays eth1); else the next free one.
    while (taken.has(deviceIndex)) deviceIndex += 1;
    taken.add(deviceIndex);
    moves.push({ kind: 'move-eni', eni: eni.id, toInstance: to.id, deviceIndex });
  }
  if (f.ips) {
    const fromPrimary = fromEnis.find((e) => e.attachment?.deviceIndex === 0);
    const toPrimary = toEnis.find((e) => e.attachment?.deviceIndex === 0);
    const ips = fromPrimary?.privateIps.filter((p) => !p.primary).map((p) => p.address) ?? [];
    if (ips.length > 0 && !toPrimary) {
      reasons.push({
        rule: 'resource-exists',
        message: `${instanceName(to)} has no primary ENI in this view to take ${listWords(ips)}. Refresh the view.`,
      });
    } else if (fromPrimary && toPrimary && ips.length > 0 && fromPrimary.subnetId !== toPrimary.subnetId) {
      reasons.push({
        rule: 'same-subnet',
        message: `The secondary IPs of ${instanceName(from)} are in ${fromPrimary.subnetId}; the primary ENI of ${instanceName(to)} is in ${toPrimary.subnetId}. Secondary IPs only move within one subnet: fail over without "ips", or pick a standby in ${fromPrimary.subnetId}.`,
      });
    } else if (toPrimary) {
      for (const ip of ips) moves.push({ kind: 'move-ip', ip, toEni: toPrimary.id });
    }
  }
  if (moves.length === 0 && reasons.length === 0) {
    reasons.push({
      rule: 'resource-exists',
      message: `${instanceName(from)} has nothing to fail over: no secondary ENI${f.ips ? ' and no secondary IP on its primary ENI' : ' (ask for "ips": true to move the secondary IPs of its primary ENI)'}.`,
    });
  }
  return { moves, reasons };
}

/**
 * Checks the failover as a whole: every part on the state the earlier parts leave (so slots and limits count
 * what arrives before), every reason of every part reported. An impaired or stopped `from` is the normal case:
 * EC2 detaches and unassigns on a stopped or running instance, and status checks do not matter to it.
 */
export function checkFailover(
  snapshot: Snapshot,
  f: Failover,
  settings: CheckSettings = defaultCheckSettings,
): FailoverVerdict {
  const { moves, reasons } = partsOf(snapshot, f);
  if (reasons.length > 0) return { ok: false, reasons };
  const parts: Plan[] = [];
  const all: Reason[] = [];
  let state = snapshot;
  for (const move of moves) {
    const verdict = checkMove(state, move, settings);
    if (!verdict.ok) {
      all.push(...verdict.reasons);
      continue;
    }
    parts.push(verdict.plan);
    state = applyMove(state, verdict.plan.move);
  }
  if (all.length > 0) return { ok: false, reasons: dedupe(all) };

  const ix = indexSnapshot(snapshot);
  const from = ix.instanceById.get(f.from)!;
  const to = ix.instanceById.get(f.to)!;
  const eniMoves = parts.filter((p) => p.move.kind === 'move-eni');
  const ipMoves = parts.filter((p) => p.move.kind === 'move-ip');
  const what = [
    eniMoves.length
      ? `${eniMoves.length === 1 ? 'ENI' : 'ENIs'} ${listWords(eniMoves.map((p) => label(ix, p.move)))}`
      : '',
    ipMoves.length
      ? `secondary ${ipMoves.length === 1 ? 'IP' : 'IPs'} ${listWords(ipMoves.map((p) => (p.move.kind === 'move-ip' ? p.move.ip : '')))}`
      : '',
  ].filter(Boolean);
  const mark = healthMark(from);
  const health = mark ? ` (${mark.label.toLowerCase()})` : '';
  return {
    ok: true,
    plan: {
      failover: { kind: 'failover', from: f.from, to: f.to, ips: f.ips },
      summary: `Fail over ${instanceName(from)}${health} to ${instanceName(to)}: move ${listWords(what)}, with their private IPs, MAC addresses and Elastic IPs.`,
      parts,
      steps: parts.flatMap((p) => p.steps),
      sideEffects: [...new Set(parts.flatMap((p) => p.sideEffects))],
      hourlyCostDelta: parts.reduce((sum, p) => sum + p.hourlyCostDelta, 0),
      inverse: [...parts].reverse().flatMap((p) => p.inverse),
      involved: uniqueIds(parts.flatMap((p) => p.involved)),
    },
  };
}

function label(ix: ReturnType<typeof indexSnapshot>, move: Move): string {
  if (move.kind !== 'move-eni') return '';
  const eni = ix.eniById.get(move.eni);
  return eni ? `${eniLabel(eni, ix)} (to device index ${move.deviceIndex})` : move.eni;
}

function dedupe(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => (seen.has(r.message) ? false : (seen.add(r.message), true)));
}

/** The standbys a failover from `from` could go to, each with its verdict (for the "Fail over to…" menu). */
export function failoverCandidates(
  snapshot: Snapshot,
  from: string,
  ips = true,
  settings: CheckSettings = defaultCheckSettings,
): { instanceId: string; verdict: FailoverVerdict }[] {
  const source = snapshot.instances.find((i) => i.id === from);
  if (!source) return [];
  return snapshot.instances
    .filter((i) => i.id !== from && i.state !== 'terminated' && i.state !== 'shutting-down')
    .map((i) => ({
      instanceId: i.id,
      verdict: checkFailover(snapshot, { kind: 'failover', from, to: i.id, ips }, settings),
    }))
    .sort(
      (a, b) =>
        Number(b.verdict.ok) - Number(a.verdict.ok) ||
        (snapshot.instances.find((i) => i.id === a.instanceId)?.az === source.az ? -1 : 1),
    );
}
