// What "the same state" means when comparing the emulator with applyMove: the whole layout (lib/topology
// diffLayout) with statuses, free addresses, security groups and instance states; ids EC2 generates (attachment, association)
// and Amazon-assigned public IPv4s are left out.
import { diffLayout, type LayoutScope, type Snapshot } from '@/lib/topology';

const everything: LayoutScope = { statuses: true, freeIps: true, instanceStates: true, groups: true };

/** The facts only `expected` has (prefixed "- ") and only `actual` has ("+ "), a line per resource; empty when equal. */
export function stateDiff(expected: Snapshot, actual: Snapshot): string[] {
  const diff = diffLayout(expected, actual, everything);
  return [
    ...diff.flatMap((d) => (d.expected === null ? [] : [`- ${d.id} ${d.expected}`])),
    ...diff.flatMap((d) => (d.actual === null ? [] : [`+ ${d.id} ${d.actual}`])),
  ];
}
