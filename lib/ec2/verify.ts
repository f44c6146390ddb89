// Confirms a move's result: the re-described state of the involved resources against applyMove(fresh, move).
// Compares what a move decides (where ENIs, IPs and EIPs are), not the ids EC2 mints anew (attachment and
// association ids) nor transitional statuses.
import 'server-only';
import { diffLayout, type Plan, type Snapshot, type Verified } from '@/lib/topology';

/** The ENIs, EIPs and instances a plan involves, plus every EIP sitting on those ENIs before or after. */
export function involvedIds(
  plan: Plan,
  before: Snapshot,
  expected: Snapshot,
): { enis: string[]; eips: string[]; instances: string[] } {
  const enis = plan.involved.filter((id) => id.startsWith('eni-'));
  const eips = new Set(plan.involved.filter((id) => id.startsWith('eipalloc-')));
  for (const snap of [before, expected])
    for (const eip of snap.eips) if (eip.eniId && enis.includes(eip.eniId)) eips.add(eip.allocationId);
  return { enis, eips: [...eips], instances: plan.involved.filter((id) => id.startsWith('i-')) };
}

/** Differences, in words, between what the plan predicts and what EC2 now reports. Empty when they agree. */
export function differences(plan: Plan, before: Snapshot, expected: Snapshot, actual: Snapshot): string[] {
  const { enis, eips, instances } = involvedIds(plan, before, expected);
  // Placement only: statuses are transitional, and the ids EC2 mints anew are never compared. A stop or start
  // decides its instance's state, a set-tags on an instance its tags (run-steps waited for the state to settle).
  const groups = plan.move.kind === 'set-security-groups';
  const power = plan.move.kind === 'stop-instance' || plan.move.kind === 'start-instance';
  const tagged = plan.move.kind === 'set-tags' && plan.move.resourceId.startsWith('i-');
  const ids = new Set([...enis, ...eips, ...(power || tagged ? instances : [])]);
  return diffLayout(expected, actual, { ids, groups, instanceStates: power }).map(
    (d) => `${d.id}: expected ${d.expected ?? 'no such resource'}, EC2 reports ${d.actual ?? 'no such resource'}`,
  );
}

/** The verified new state of the involved resources, as returned to the caller. */
export function pickVerified(plan: Plan, before: Snapshot, expected: Snapshot, actual: Snapshot): Verified {
  const ids = involvedIds(plan, before, expected);
  return {
    enis: actual.enis.filter((e) => ids.enis.includes(e.id)),
    instances: actual.instances.filter((i) => ids.instances.includes(i.id)),
    eips: actual.eips.filter((e) => ids.eips.includes(e.allocationId)),
  };
}
