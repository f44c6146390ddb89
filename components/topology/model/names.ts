// Short names for announcements and result lines: the Name tag a person knows, else a short id; and who owns an
// ENI that an AWS service attached (a NAT gateway's ENI is in use, not "unattached").
import type { Eni } from '@/lib/topology';
import type { TopologyIndex } from './topology-index';

/** "eni-0756…" for "eni-0756944109319ada2": enough to tell ids apart when read aloud, without 17 digits. */
export function shortId(id: string): string {
  const dash = id.lastIndexOf('-');
  const hex = id.slice(dash + 1);
  return hex.length > 8 ? `${id.slice(0, dash + 1)}${hex.slice(0, 4)}…` : id;
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

export function instanceShort(index: TopologyIndex, instanceId: string): string {
  return index.instanceById.get(instanceId)?.name ?? shortId(instanceId);
}

/** Where an ENI is, briefly: "eth1 of web-1", "service-managed by NAT gateway nat-0abc…", "in the pool". */
export function eniWhere(index: TopologyIndex, eni: Eni): string {
  const a = eni.attachment;
  if (a?.instanceId) return `eth${a.deviceIndex} of ${instanceShort(index, a.instanceId)}`;
  if (a) return `owned by ${serviceOwner(eni)}`;
  return 'unattached, in the pool';
}
