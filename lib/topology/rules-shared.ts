// Checks shared by several move kinds: instance state, IP capacity of an ENI, requester-managed ENIs.
import { instanceOf, type SnapshotIndex } from './snapshot-index';
import { instanceLabel, eniLabel } from './labels';
import type { Reason, RuleId, Verdict } from './move';
import type { Eni, Instance } from './schema';

/** Unattached ENIs have no type limit (ec2-rules §3.13 rule 6, ec2-rules §10.4); 64 is the largest per-ENI limit in the catalogue (ec2-rules §7). */
export const UNATTACHED_ENI_IP_CAP = 64;

export class Reasons {
  readonly list: Reason[] = [];
  add(rule: RuleId, message: string): void {
    this.list.push({ rule, message });
  }
  get empty(): boolean {
    return this.list.length === 0;
  }
}

/** The refusal of a change naming a resource the snapshot does not have. */
export const gone = (id: string): Verdict => ({
  ok: false,
  reasons: [{ rule: 'resource-exists', message: `${id} does not exist (any more). Refresh the view.` }],
});

/** Every group exists and lives in the VPC (ec2-rules §3.9 rule 2, ec2-rules §3.19); `where` names the VPC's holder. */
export function checkSecurityGroups(
  ix: SnapshotIndex,
  reasons: Reasons,
  ids: readonly string[],
  vpcId: string,
  where: string,
): void {
  for (const id of ids) {
    const group = ix.snapshot.securityGroups.find((g) => g.id === id);
    if (!group)
      reasons.add(
        'security-group-known',
        `Security group ${id} does not exist in this region. Pick one of the VPC's groups.`,
      );
    else if (group.vpcId !== vpcId)
      reasons.add(
        'security-group-known',
        `Security group ${group.name} (${id}) belongs to ${group.vpcId ?? 'no VPC'}, not to ${vpcId} of ${where}.`,
      );
  }
}

/** Attach, detach, assign and unassign need the instance running or stopped (ec2-rules §4.4). */
export function checkSettledInstance(reasons: Reasons, instance: Instance, doing: string): void {
  if (instance.state === 'running' || instance.state === 'stopped') return;
  reasons.add(
    'instance-state',
    `${instanceLabel(instance)} is ${instance.state}; EC2 only allows ${doing} while an instance is running or stopped. Wait until it settles.`,
  );
}

export function checkNotRequesterManaged(reasons: Reasons, eni: Eni): void {
  if (!eni.requesterManaged) return;
  const owner = eni.interfaceType !== 'interface' ? eni.interfaceType : eni.description || 'another AWS service';
  reasons.add(
    'eni-not-requester-managed',
    `${eniLabel(eni)} is managed by ${owner} (requester-managed); change it through the service that owns it.`,
  );
}

/** The console moves only plain `interface` ENIs: trunk, branch and EFA ENIs belong to EKS or HPC setups (ec2-rules §2.7). */
export function checkPlainInterface(reasons: Reasons, eni: Eni): void {
  if (eni.requesterManaged || eni.interfaceType === 'interface') return;
  reasons.add(
    'eni-type-movable',
    `${eniLabel(eni)} is a ${eni.interfaceType} interface: ${interfaceTypeRole(eni.interfaceType)} The console does not move it.`,
  );
}

function interfaceTypeRole(type: string): string {
  if (type === 'trunk') return 'the VPC resource controller of EKS hangs pod (branch) ENIs off it.';
  if (type === 'branch') return "EKS associates it with a node's trunk ENI for one pod; it is never attached directly.";
  if (type === 'efa' || type === 'efa-only')
    return 'an Elastic Fabric Adapter, set up with its instance for HPC traffic.';
  return 'a special interface type.';
}

/** IPv4 slots an ENI uses: each private address, and each delegated /28 prefix as one (ec2-rules §2.7). */
export const ipv4SlotsUsed = (eni: Eni): number => eni.privateIps.length + (eni.ipv4Prefixes?.length ?? 0);

/** "3 private IPv4 addresses and 7 delegated /28 prefixes (each prefix takes one slot)", or just the addresses. */
export function ipv4UseText(eni: Eni): string {
  const ips = eni.privateIps.length;
  const prefixes = eni.ipv4Prefixes?.length ?? 0;
  const addresses = `${ips} private IPv4 address${ips === 1 ? '' : 'es'}`;
  if (prefixes === 0) return addresses;
  return `${addresses} and ${prefixes} delegated /28 prefix${prefixes === 1 ? '' : 'es'} (each prefix takes one address slot)`;
}

export type IpCapacity = { cap: number; by: string } | null;

/**
 * How many private IPv4 addresses the ENI may hold, primary included: the attached instance type's
 * Ipv4AddressesPerInterface, or 64 when unattached. Null (with a reason added) when the type is unknown.
 */
export function ipCapacity(ix: SnapshotIndex, reasons: Reasons, eni: Eni): IpCapacity {
  const instanceId = eni.attachment?.instanceId;
  if (!instanceId) return { cap: UNATTACHED_ENI_IP_CAP, by: 'an unattached ENI' };
  const instance = instanceOf(ix, eni);
  if (!instance) {
    reasons.add(
      'resource-exists',
      `${eniLabel(eni)} is attached to ${instanceId}, which is not in this view. Refresh and try again.`,
    );
    return null;
  }
  const limits = ix.limitsByType.get(instance.type);
  if (!limits) {
    reasons.add(
      'instance-type-known',
      `The network limits of ${instance.type} (the type of ${instance.id}) are unknown: DescribeInstanceTypes did not return it. Refresh and try again before changing its ENIs or IPs.`,
    );
    return null;
  }
  return { cap: limits.ipv4PerEni, by: instance.type };
}

/** Adds ip-slot-free when `eni` cannot take `adding` more private IPv4 addresses. */
export function checkIpSlot(ix: SnapshotIndex, reasons: Reasons, eni: Eni, adding: number): void {
  const capacity = ipCapacity(ix, reasons, eni);
  if (!capacity) return;
  const count = ipv4SlotsUsed(eni);
  if (count + adding <= capacity.cap) return;
  const prefixes = eni.ipv4Prefixes?.length ?? 0;
  reasons.add(
    'ip-slot-free',
    prefixes > 0
      ? `${eniLabel(eni)} is full: it holds ${ipv4UseText(eni)}, ${count} of the ${capacity.cap} IPv4 slots allowed per ENI on ${capacity.by}. Its prefixes are delegated (EKS prefix delegation) and the console does not move them; pick an ENI with a free slot.`
      : `${eniLabel(eni)} already holds ${count} of the ${capacity.cap} private IPv4 addresses allowed per ENI on ${capacity.by} (primary included). Unassign or move one of its secondary IPs first, or pick an ENI with a free slot.`,
  );
}

/** Keeps the first occurrence of each non-empty id. */
export function uniqueIds(ids: ReadonlyArray<string | null | undefined>): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0))];
}
