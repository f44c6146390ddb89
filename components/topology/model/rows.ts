// Flattens VPC → AZ → subnet → instance into the row list the virtualized canvas renders, honouring collapse.
import type { Instance, Subnet, Vpc } from '@/lib/topology';
import { hasInstanceFilters, instanceMatches, isFiltering, noFilters, subnetShown, type Filters } from './filters';
import type { Location } from './selection';
import type { TopologyIndex } from './topology-index';

/** instanceCount: the instances shown; totalCount: all of the group's instances (they differ under filters). */
export type Row =
  | {
      kind: 'vpc';
      key: string;
      vpc: Vpc;
      subnetCount: number;
      instanceCount: number;
      totalCount: number;
      expanded: boolean;
    }
  | {
      kind: 'az';
      key: string;
      vpcId: string;
      az: string;
      subnetCount: number;
      instanceCount: number;
      totalCount: number;
      expanded: boolean;
    }
  | {
      kind: 'subnet';
      key: string;
      subnet: Subnet;
      instanceCount: number;
      totalCount: number;
      poolEniCount: number;
      visitorEniCount: number;
      expanded: boolean;
    }
  | { kind: 'instance'; key: string; instance: Instance; last: boolean }
  | { kind: 'empty'; key: string; message: string };

/** Beyond this many instances subnets start collapsed: headers stay readable, cards appear on demand. */
export const COLLAPSE_THRESHOLD = 150;

export const vpcKey = (id: string) => `vpc:${id}`;
export const azKey = (vpcId: string, az: string) => `az:${vpcId}:${az}`;
export const subnetKey = (id: string) => `subnet:${id}`;

/** Explicit open/closed choices of the user; anything absent takes the default. */
export type Expansion = Readonly<Record<string, boolean>>;

/** In the compact density an instance is one line: this many still read as a list. */
export const COMPACT_COLLAPSE_THRESHOLD = 1000;

export function defaultExpanded(key: string, totalInstances: number, threshold = COLLAPSE_THRESHOLD): boolean {
  if (key.startsWith('subnet:')) return totalInstances <= threshold;
  return true;
}

export function isExpanded(
  expansion: Expansion,
  key: string,
  totalInstances: number,
  threshold = COLLAPSE_THRESHOLD,
): boolean {
  return expansion[key] ?? defaultExpanded(key, totalInstances, threshold);
}

/** The expansion that reveals a location: its VPC, AZ and subnet open. */
export function expandPath(expansion: Expansion, loc: Location): Expansion {
  const next: Record<string, boolean> = { ...expansion };
  if (loc.vpcId) next[vpcKey(loc.vpcId)] = true;
  if (loc.vpcId && loc.az) next[azKey(loc.vpcId, loc.az)] = true;
  if (loc.subnetId && loc.instanceId) next[subnetKey(loc.subnetId)] = true;
  return next;
}

type SubnetView = { subnet: Subnet; instances: Instance[]; total: number };

/** compact: one line per instance, so subnets open by default up to COMPACT_COLLAPSE_THRESHOLD instances. */
export function buildRows(
  index: TopologyIndex,
  expansion: Expansion,
  filters: Filters = noFilters,
  compact = false,
): Row[] {
  const filtering = isFiltering(filters);
  // Per subnet, the instances that pass (all of them when nothing filters).
  const shownBySubnet = new Map<string, SubnetView>();
  let shownTotal = 0;
  for (const s of index.snapshot.subnets) {
    const all = index.instancesBySubnet.get(s.id) ?? [];
    const instances = filtering ? all.filter((i) => instanceMatches(index, i, filters)) : all;
    if (filtering && !subnetShown(index, filters, s.id, instances.length)) continue;
    shownBySubnet.set(s.id, { subnet: s, instances, total: all.length });
    shownTotal += instances.length;
  }
  // Under instance filters, subnets open by default when the matches are few enough to read (the threshold applies
  // to what is shown, not to the account).
  const total = hasInstanceFilters(filters) ? shownTotal : index.snapshot.instances.length;
  const open = (key: string) =>
    isExpanded(expansion, key, total, compact ? COMPACT_COLLAPSE_THRESHOLD : COLLAPSE_THRESHOLD);
  const rows: Row[] = [];
  for (const vpc of index.vpcs) {
    const count = (subnets: Subnet[]) =>
      subnets.reduce((n, s) => n + (index.instancesBySubnet.get(s.id)?.length ?? 0), 0);
    const allAzs = index.azsByVpc.get(vpc.id) ?? [];
    const vpcTotal = allAzs.reduce((n, { subnets }) => n + count(subnets), 0);
    const azs = allAzs
      .map(({ az, subnets }) => ({
        az,
        total: count(subnets),
        views: subnets.map((s) => shownBySubnet.get(s.id)).filter((v) => v !== undefined),
      }))
      .filter(({ views }) => !filtering || views.length > 0);
    if (filtering && azs.length === 0) continue;
    let vpcInstances = 0;
    let vpcSubnets = 0;
    for (const { views } of azs) {
      vpcSubnets += views.length;
      for (const v of views) vpcInstances += v.instances.length;
    }
    const vk = vpcKey(vpc.id);
    const vpcOpen = open(vk);
    rows.push({
      kind: 'vpc',
      key: vk,
      vpc,
      subnetCount: vpcSubnets,
      instanceCount: vpcInstances,
      totalCount: vpcTotal,
      expanded: vpcOpen,
    });
    if (!vpcOpen) continue;
    if (azs.length === 0) rows.push({ kind: 'empty', key: `${vk}:empty`, message: 'No subnets in this VPC.' });
    for (const { az, views, total: azTotal } of azs) {
      const ak = azKey(vpc.id, az);
      const azOpen = open(ak);
      const azInstances = views.reduce((n, v) => n + v.instances.length, 0);
      rows.push({
        kind: 'az',
        key: ak,
        vpcId: vpc.id,
        az,
        subnetCount: views.length,
        instanceCount: azInstances,
        totalCount: azTotal,
        expanded: azOpen,
      });
      if (!azOpen) continue;
      for (const { subnet, instances, total: subnetTotal } of views) {
        const sk = subnetKey(subnet.id);
        const subnetOpen = open(sk);
        const poolEniCount = index.poolEnisBySubnet.get(subnet.id)?.length ?? 0;
        const visitorEniCount = index.visitorEnisBySubnet.get(subnet.id)?.length ?? 0;
        rows.push({
          kind: 'subnet',
          key: sk,
          subnet,
          instanceCount: instances.length,
          totalCount: subnetTotal,
          poolEniCount,
          visitorEniCount,
          expanded: subnetOpen,
        });
        if (!subnetOpen) continue;
        if (instances.length === 0) {
          rows.push({
            kind: 'empty',
            key: `${sk}:empty`,
            message: subnetTotal > 0 ? 'No instance here matches the filters.' : emptySubnetMessage(index, subnet.id),
          });
        }
        instances.forEach((instance, i) =>
          rows.push({ kind: 'instance', key: `instance:${instance.id}`, instance, last: i === instances.length - 1 }),
        );
      }
    }
  }
  return rows;
}

/** An empty subnet may still hold second legs of instances homed elsewhere: say which. */
export function emptySubnetMessage(index: TopologyIndex, subnetId: string): string {
  const visitors = index.visitorEnisBySubnet.get(subnetId) ?? [];
  if (visitors.length === 0) return 'No instances in this subnet.';
  const names = visitors.slice(0, 4).map((e) => {
    const inst = e.attachment?.instanceId ? index.instanceById.get(e.attachment.instanceId) : undefined;
    return `${inst?.name ?? inst?.id ?? '?'} eth${e.attachment?.deviceIndex ?? '?'}`;
  });
  const more = visitors.length > names.length ? ` and ${visitors.length - names.length} more` : '';
  return `No instances homed here. Holds ENIs of instances in other subnets: ${names.join(', ')}${more}.`;
}

/** The row to scroll to for a location: the instance card, else the deepest group header shown. */
export function rowIndexFor(rows: Row[], loc: Location): number {
  const wanted = [
    loc.instanceId ? `instance:${loc.instanceId}` : null,
    loc.subnetId ? subnetKey(loc.subnetId) : null,
    loc.vpcId && loc.az ? azKey(loc.vpcId, loc.az) : null,
    loc.vpcId ? vpcKey(loc.vpcId) : null,
  ];
  for (const key of wanted) {
    if (!key) continue;
    const i = rows.findIndex((r) => r.key === key);
    if (i >= 0) return i;
  }
  return -1;
}

export type Breadcrumb = { vpc: Vpc | null; az: string | null; subnet: Subnet | null };

/** The groups that contain row i: what a sticky breadcrumb shows while scrolling through a long subnet. */
export function breadcrumbAt(rows: Row[], i: number): Breadcrumb {
  const crumb: Breadcrumb = { vpc: null, az: null, subnet: null };
  for (let j = Math.min(i, rows.length - 1); j >= 0; j--) {
    const r = rows[j];
    if (!r) continue;
    if (r.kind === 'subnet' && !crumb.subnet && !crumb.az) crumb.subnet = r.subnet;
    else if (r.kind === 'az' && !crumb.az) crumb.az = r.az;
    else if (r.kind === 'vpc') {
      crumb.vpc = r.vpc;
      break;
    }
  }
  return crumb;
}

/** An expansion with every subnet open or closed (VPCs and AZs open), for "expand all" / "collapse all". */
export function expandAllSubnets(index: TopologyIndex, open: boolean): Expansion {
  const next: Record<string, boolean> = {};
  for (const s of index.snapshot.subnets) next[subnetKey(s.id)] = open;
  for (const v of index.vpcs) next[vpcKey(v.id)] = true;
  for (const [vpcId, azs] of index.azsByVpc) for (const { az } of azs) next[azKey(vpcId, az)] = true;
  return next;
}
