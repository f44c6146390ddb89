// Export of the view as JSON: the snapshot itself, or, under filters, the part of it the view shows (the
// instances that pass, their ENIs and Elastic IPs, the pools and service ENIs of the subnets shown). Same shape
// as the snapshot, so whatever reads one reads the other.
import type { Snapshot } from '@/lib/topology';
import { isFiltering, matchingInstances, subnetShown, type Filters } from './filters';
import type { TopologyIndex } from './topology-index';

export function exportSnapshot(index: TopologyIndex, filters: Filters): Snapshot {
  // The browser's copy also carries the server's check settings: not part of the snapshot.
  const { settings: _settings, ...s } = index.snapshot as Snapshot & { settings?: unknown };
  if (!isFiltering(filters)) return s;
  const keep = matchingInstances(index, filters) ?? new Set<string>();
  const instances = s.instances.filter((i) => keep.has(i.id));
  const homed = (subnetId: string) =>
    (index.instancesBySubnet.get(subnetId) ?? []).filter((i) => keep.has(i.id)).length;
  const subnetIds = new Set(
    s.subnets.filter((sn) => subnetShown(index, filters, sn.id, homed(sn.id))).map((sn) => sn.id),
  );
  const enis = s.enis.filter((e) =>
    e.attachment?.instanceId ? keep.has(e.attachment.instanceId) : subnetIds.has(e.subnetId),
  );
  const eniIds = new Set(enis.map((e) => e.id));
  for (const e of enis) subnetIds.add(e.subnetId);
  const subnets = s.subnets.filter((sn) => subnetIds.has(sn.id));
  const vpcIds = new Set(subnets.map((sn) => sn.vpcId));
  const groupIds = new Set(enis.flatMap((e) => e.groups.map((g) => g.id)));
  const types = new Set(instances.map((i) => i.type));
  return {
    ...s,
    vpcs: s.vpcs.filter((v) => vpcIds.has(v.id)),
    subnets,
    securityGroups: s.securityGroups.filter((g) => groupIds.has(g.id)),
    instances,
    enis,
    eips: s.eips.filter((e) => (e.eniId ? eniIds.has(e.eniId) : true)),
    instanceTypes: Object.fromEntries(Object.entries(s.instanceTypes).filter(([t]) => types.has(t))),
  };
}

/** Saves JSON as a file: a download the browser names after the region and the time of the snapshot. */
export function downloadJson(snapshot: Snapshot, filtered: boolean): void {
  const blob = new Blob([JSON.stringify(snapshot, null, 2)], { type: 'application/json' });
  downloadBlob(
    blob,
    `eni-console-${snapshot.region}-${snapshot.fetchedAt.replace(/[:.]/g, '-')}${filtered ? '-filtered' : ''}.json`,
  );
}

/** Saves a blob as a file with this name (JSON, SVG or PNG exports). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked late: on a busy machine the browser may start reading the blob well after the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
