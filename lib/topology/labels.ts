// How resources are named in reasons, side effects, summaries and announcements: the Name tag a person knows
// first, the id after it, or a short id where words are read aloud (step descriptions keep bare ids: they
// mirror the API call). The one home of these words: the rules, the plan dialog and the drag all use it.
import type { SnapshotIndex } from './snapshot-index';
import type { Eip, Eni, Instance, Subnet, Vpc } from './schema';

/** "eni-0756…" for "eni-0756944109319ada2": enough to tell ids apart when read aloud, without 17 digits. */
export function shortId(id: string): string {
  const dash = id.lastIndexOf('-');
  const hex = id.slice(dash + 1);
  return hex.length > 8 ? `${id.slice(0, dash + 1)}${hex.slice(0, 4)}…` : id;
}

/**
 * An ENI by its Name tag: "web-1-eth0 (eni-…)" with the id in full, or "web-1-eth0" read aloud ('short'), where
 * an unnamed one is its short id. `id` names it when the snapshot no longer has it.
 */
export function eniName(eni: Eni | undefined, id: string, ids: 'full' | 'short' = 'full'): string {
  if (ids === 'short') return eni?.name ?? shortId(id);
  return eni?.name ? `${eni.name} (${id})` : id;
}

/** An ENI without a Name tag is called by its place when the index can tell it: "eth0 of web-1 (eni-…)". */
export function eniLabel(eni: Eni, ix?: SnapshotIndex): string {
  if (eni.name) return eniName(eni, eni.id);
  const attachment = eni.attachment;
  const instance = attachment?.instanceId ? ix?.instanceById.get(attachment.instanceId) : undefined;
  return attachment && instance
    ? `eth${attachment.deviceIndex} of ${instance.name ?? instance.id} (${eni.id})`
    : eni.id;
}

const serviceNames: Record<string, string> = {
  nat_gateway: 'NAT gateway',
  network_load_balancer: 'load balancer',
  gateway_load_balancer: 'gateway load balancer',
  gateway_load_balancer_endpoint: 'gateway load balancer endpoint',
  vpc_endpoint: 'VPC endpoint',
  lambda: 'Lambda function',
  transit_gateway: 'transit gateway',
  efs: 'EFS mount target',
  api_gateway_managed: 'API Gateway',
  quicksight: 'QuickSight',
};

/** The AWS service that owns a requester-managed or service-attached ENI, in words ("NAT gateway nat-0abc…"). */
export function serviceOwner(eni: Eni): string {
  const kind = serviceNames[eni.interfaceType];
  // EC2 describes these ENIs as e.g. "Interface for NAT Gateway nat-0abc…": the id of the owner is the last word.
  const ownerId = /\b([a-z]+-[0-9a-f]{8,})\s*$/.exec(eni.description)?.[1];
  if (kind) return ownerId ? `${kind} ${shortId(ownerId)}` : kind;
  return eni.description || 'an AWS service';
}

/** An instance read aloud: its Name tag, else its short id. */
export function instanceShort(ix: SnapshotIndex, instanceId: string): string {
  return ix.instanceById.get(instanceId)?.name ?? shortId(instanceId);
}

/** "eth1 of app-2", or "pool ENI spare-a" for an unattached one: Name tags and short ids, read aloud quickly. */
export function eniPlace(ix: SnapshotIndex, eni: Eni | undefined, fallbackId = '?'): string {
  if (!eni) return `ENI ${shortId(fallbackId)}`;
  const instanceId = eni.attachment?.instanceId;
  if (instanceId) return `eth${eni.attachment?.deviceIndex ?? '?'} of ${instanceShort(ix, instanceId)}`;
  if (eni.attachment) return `${eniName(eni, eni.id, 'short')} (owned by ${serviceOwner(eni)})`;
  return `pool ENI ${eniName(eni, eni.id, 'short')}`;
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
