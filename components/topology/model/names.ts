// Where an ENI is, in the view's words (the names themselves come from lib/topology's labels).
import { instanceShort, serviceOwner, type Eni } from '@/lib/topology';
import type { TopologyIndex } from './topology-index';

/** Where an ENI is, briefly: "eth1 of web-1", "service-managed by NAT gateway nat-0abc…", "in the pool". */
export function eniWhere(index: TopologyIndex, eni: Eni): string {
  const a = eni.attachment;
  if (a?.instanceId) return `eth${a.deviceIndex} of ${instanceShort(index, a.instanceId)}`;
  if (a) return `owned by ${serviceOwner(eni)}`;
  return 'unattached, in the pool';
}
