// How resources are named in reasons, side effects and summaries: the Name tag a person knows first, the id
// after it (step descriptions keep bare ids: they mirror the API call).
import type { SnapshotIndex } from './snapshot-index';
import type { Eip, Eni, Instance, Subnet, Vpc } from './schema';

/** An ENI without a Name tag is called by its place when the index can tell it: "eth0 of web-1 (eni-…)". */
export function eniLabel(eni: Eni, ix?: SnapshotIndex): string {
  if (eni.name) return `${eni.name} (${eni.id})`;
  const attachment = eni.attachment;
  const instance = attachment?.instanceId ? ix?.instanceById.get(attachment.instanceId) : undefined;
  return attachment && instance
    ? `eth${attachment.deviceIndex} of ${instance.name ?? instance.id} (${eni.id})`
    : eni.id;
}

export const instanceLabel = (i: Instance): string =>
  i.name ? `${i.name} (${i.id}, ${i.type})` : `${i.id} (${i.type})`;

/** Name and id, without the type: for sentences that are not about limits. */
export const instanceName = (i: Instance): string => (i.name ? `${i.name} (${i.id})` : i.id);

export const subnetLabel = (s: Subnet): string => `${s.id} (${s.cidr})`;

export const vpcLabel = (v: Vpc): string => (v.name ? `${v.name} (${v.id})` : v.id);

export const eipLabel = (e: Eip): string => `Elastic IP ${e.publicIp} (${e.allocationId})`;

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Public IPv4 is billed per address per hour, in use or idle (AWS pricing since February 2024). */
export const PUBLIC_IPV4_HOURLY_USD = 0.005;
