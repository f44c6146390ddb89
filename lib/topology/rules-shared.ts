// Checks shared by several move kinds: instance state, IP capacity of an ENI, requester-managed ENIs.
import { instanceOf, type SnapshotIndex } from './snapshot-index';
import { instanceLabel, eniLabel } from './labels';
import type { Reason, RuleId } from './move';
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
  const count = eni.privateIps.length;
  if (count + adding <= capacity.cap) return;
  reasons.add(
    'ip-slot-free',
    `${eniLabel(eni)} already holds ${count} of the ${capacity.cap} private IPv4 addresses allowed per ENI on ${capacity.by} (primary included). Unassign or move one of its secondary IPs first, or pick an ENI with a free slot.`,
  );
}

/** Keeps the first occurrence of each non-empty id. */
export function uniqueIds(ids: ReadonlyArray<string | null | undefined>): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0))];
}
