// What a move decides, as one line of facts per resource, and the one comparator of two such layouts: the
// server's verification, the agreement harness and the undo tests each pick a scope, not a rule of their own.
import { compareIp } from './ipv4';
import type { Eip, Eni, Snapshot } from './schema';

/**
 * What to compare. Placement is always in: which instance and device each ENI is on, its private IPs (the
 * primary marked) and the Elastic IP on each, and where each Elastic IP is associated. Ids EC2 mints anew
 * (attachment, association ids) never are: an undo or a retry gets new ones.
 */
export interface LayoutScope {
  /** Only these resources (ENI, EIP, subnet, instance ids); every one when absent. */
  ids?: ReadonlySet<string>;
  /** ENI and attachment statuses, and whether an EIP has an association at all: transitional facts. */
  statuses?: boolean;
  /** Free addresses per subnet: a move that takes or frees an address changes them. */
  freeIps?: boolean;
  /** Each ENI's security groups: only a set-security-groups decides them (and create-eni's defaults). */
  groups?: boolean;
  /** Instance states: only a stop or start changes them, which is what a harness wants to see confirmed. */
  instanceStates?: boolean;
}

/** Resource id → its facts in one line, e.g. `in-use i-1#1/attached [*10.0.1.5 10.0.1.6=eipalloc-1]`. */
export type Layout = Record<string, string>;

/** One resource whose facts differ; null where a side does not have it. */
export interface LayoutDifference {
  id: string;
  expected: string | null;
  actual: string | null;
}

/**
 * Amazon-assigned public IPv4s are left out: EC2 releases them for good when an EIP takes their place, so
 * an undo cannot restore them (ec2-rules §3.17).
 */
function eniLine(eni: Eni, scope: LayoutScope): string {
  const a = eni.attachment;
  const where = a ? `${a.instanceId ?? 'service'}#${a.deviceIndex}${scope.statuses ? `/${a.status}` : ''}` : 'pool';
  const ips = [...eni.privateIps]
    .sort((x, y) => (x.primary === y.primary ? compareIp(x.address, y.address) : x.primary ? -1 : 1))
    .map(
      (p) =>
        `${p.primary ? '*' : ''}${p.address}${p.association?.allocationId ? `=${p.association.allocationId}` : ''}`,
    );
  const check = eni.sourceDestCheck ? '' : ' no-source-dest-check';
  // A set-description decides it; an empty one (EC2's default) is left out.
  const description = eni.description ? ` description=${JSON.stringify(eni.description)}` : '';
  // Their order carries no meaning.
  const groups = scope.groups
    ? ` groups=${eni.groups
        .map((g) => g.id)
        .sort()
        .join(',')}`
    : '';
  return `${scope.statuses ? `${eni.status} ` : ''}${where} [${ips.join(' ')}]${check}${description}${groups}${tagsText(eni.tags)}`;
}

/** A set-tags decides them: sorted `key=value` pairs, nothing when there are none. */
function tagsText(tags: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(tags)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => JSON.stringify(`${k}=${v}`));
  return pairs.length > 0 ? ` tags{${pairs.join(' ')}}` : '';
}

function eipLine(eip: Eip, scope: LayoutScope): string {
  const at = eip.eniId ? `${eip.eniId}/${eip.privateIp ?? '?'} instance=${eip.instanceId ?? '-'}` : 'idle';
  return `${scope.statuses ? `${eip.associationId ? 'associated' : 'no-association'} ${at}` : at}${tagsText(eip.tags)}`;
}

export function layoutOf(snapshot: Snapshot, scope: LayoutScope = {}): Layout {
  const keep = (id: string) => scope.ids === undefined || scope.ids.has(id);
  const layout: Layout = {};
  for (const eni of snapshot.enis) if (keep(eni.id)) layout[eni.id] = eniLine(eni, scope);
  for (const eip of snapshot.eips) if (keep(eip.allocationId)) layout[eip.allocationId] = eipLine(eip, scope);
  if (scope.freeIps) for (const s of snapshot.subnets) if (keep(s.id)) layout[s.id] = `free=${s.availableIpCount}`;
  // An instance's tags (a set-tags decides them), and its state when the scope includes it.
  for (const i of snapshot.instances) {
    const line = `${scope.instanceStates ? i.state : ''}${tagsText(i.tags)}`.trim();
    if (keep(i.id) && line) layout[i.id] = line;
  }
  return layout;
}

/** The resources whose facts in `scope` differ between the two snapshots, by id; empty when they agree. */
export function diffLayout(expected: Snapshot, actual: Snapshot, scope: LayoutScope = {}): LayoutDifference[] {
  const want = layoutOf(expected, scope);
  const got = layoutOf(actual, scope);
  const ids = [...new Set([...Object.keys(want), ...Object.keys(got)])].sort();
  return ids
    .map((id) => ({ id, expected: want[id] ?? null, actual: got[id] ?? null }))
    .filter((d) => d.expected !== d.actual);
}
