// Confirms a move's result: the re-described state of the involved resources against applyMove(fresh, move).
// Compares what a move decides (where ENIs, IPs and EIPs are), not the ids EC2 mints anew (attachment and
// association ids) nor transitional statuses.
import 'server-only';
import type { Plan, Eip, Eni, Instance, Snapshot } from '@/lib/topology';

export type Verified = { enis: Eni[]; instances: Instance[]; eips: Eip[] };

const eniShape = (eni: Eni | undefined) =>
  eni
    ? {
        attachedTo: eni.attachment ? `${eni.attachment.instanceId ?? '?'}#${eni.attachment.deviceIndex}` : 'nothing',
        sourceDestCheck: eni.sourceDestCheck,
        primary: eni.privateIps.find((ip) => ip.primary)?.address ?? null,
        ips: eni.privateIps
          .map((ip) => `${ip.address}${ip.association?.allocationId ? `=${ip.association.allocationId}` : ''}`)
          .sort()
          .join(', '),
      }
    : null;

const eipShape = (eip: Eip | undefined) =>
  eip
    ? {
        associatedWith: eip.eniId ? `${eip.eniId} ${eip.privateIp ?? '?'}` : 'nothing',
        instance: eip.instanceId ?? 'none',
      }
    : null;

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
  const ids = involvedIds(plan, before, expected);
  const out: string[] = [];
  for (const id of ids.enis) {
    const want = eniShape(expected.enis.find((e) => e.id === id));
    const got = eniShape(actual.enis.find((e) => e.id === id));
    if (JSON.stringify(want) !== JSON.stringify(got))
      out.push(`${id}: expected ${JSON.stringify(want)}, EC2 reports ${JSON.stringify(got)}`);
  }
  for (const id of ids.eips) {
    const want = eipShape(expected.eips.find((e) => e.allocationId === id));
    const got = eipShape(actual.eips.find((e) => e.allocationId === id));
    if (JSON.stringify(want) !== JSON.stringify(got))
      out.push(`${id}: expected ${JSON.stringify(want)}, EC2 reports ${JSON.stringify(got)}`);
  }
  return out;
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
