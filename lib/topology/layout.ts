// layoutOf: what moves change, without the ids EC2 assigns anew (attachment, association): for verifying and undo tests.
import type { Snapshot } from './schema';

export interface EniLayout {
  instanceId: string | null;
  deviceIndex: number | null;
  status: string;
  /** Sorted by address: EC2's order of secondaries is not part of the layout. */
  ips: Array<{ address: string; primary: boolean; allocationId: string | null }>;
}

export interface Layout {
  enis: Record<string, EniLayout>;
  eips: Record<string, { eniId: string | null; privateIp: string | null; instanceId: string | null }>;
  freeIpsBySubnet: Record<string, number>;
}

/**
 * Amazon-assigned public IPv4s are left out: EC2 releases them for good when an EIP takes their place, so
 * an undo cannot restore them (ec2-rules §3.17).
 */
export function layoutOf(snapshot: Snapshot, only?: ReadonlySet<string>): Layout {
  const keep = (id: string) => only === undefined || only.has(id);
  const layout: Layout = { enis: {}, eips: {}, freeIpsBySubnet: {} };
  for (const eni of [...snapshot.enis].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!keep(eni.id)) continue;
    layout.enis[eni.id] = {
      instanceId: eni.attachment?.instanceId ?? null,
      deviceIndex: eni.attachment?.deviceIndex ?? null,
      status: eni.status,
      ips: eni.privateIps
        .map((p) => ({ address: p.address, primary: p.primary, allocationId: p.association?.allocationId ?? null }))
        .sort((a, b) => a.address.localeCompare(b.address)),
    };
  }
  for (const eip of [...snapshot.eips].sort((a, b) => a.allocationId.localeCompare(b.allocationId))) {
    if (keep(eip.allocationId))
      layout.eips[eip.allocationId] = { eniId: eip.eniId, privateIp: eip.privateIp, instanceId: eip.instanceId };
  }
  for (const subnet of [...snapshot.subnets].sort((a, b) => a.id.localeCompare(b.id))) {
    if (keep(subnet.id)) layout.freeIpsBySubnet[subnet.id] = subnet.availableIpCount;
  }
  return layout;
}
