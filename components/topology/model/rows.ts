// Flattens VPC → AZ → subnet → instance into the row list the virtualized canvas renders, honouring collapse.
import type { Instance, Subnet, Vpc } from '@/lib/topology';
import type { Location } from './selection';
import type { TopologyIndex } from './topology-index';

export type Row =
  | { kind: 'vpc'; key: string; vpc: Vpc; subnetCount: number; instanceCount: number; expanded: boolean }
  | { kind: 'az'; key: string; vpcId: string; az: string; subnetCount: number; instanceCount: number; expanded: boolean }
  | { kind: 'subnet'; key: string; subnet: Subnet; instanceCount: number; poolEniCount: number; visitorEniCount: number; expanded: boolean }
  | { kind: 'instance'; key: string; instance: Instance; last: boolean }
  | { kind: 'empty'; key: string; message: string };

/** Beyond this many instances subnets start collapsed: headers stay readable, cards appear on demand. */
export const COLLAPSE_THRESHOLD = 150;

export const vpcKey = (id: string) => `vpc:${id}`;
export const azKey = (vpcId: string, az: string) => `az:${vpcId}:${az}`;
export const subnetKey = (id: string) => `subnet:${id}`;

/** Explicit open/closed choices of the user; anything absent takes the default. */
export type Expansion = Readonly<Record<string, boolean>>;

export function defaultExpanded(key: string, totalInstances: number): boolean {
  if (key.startsWith('subnet:')) return totalInstances <= COLLAPSE_THRESHOLD;
  return true;
}

export function isExpanded(expansion: Expansion, key: string, totalInstances: number): boolean {
  return expansion[key] ?? defaultExpanded(key, totalInstances);
}

/** The expansion that reveals a location: its VPC, AZ and subnet open. */
export function expandPath(expansion: Expansion, loc: Location): Expansion {
  const next: Record<string, boolean> = { ...expansion };
  if (loc.vpcId) next[vpcKey(loc.vpcId)] = true;
  if (loc.vpcId && loc.az) next[azKey(loc.vpcId, loc.az)] = true;
  if (loc.subnetId && loc.instanceId) next[subnetKey(loc.subnetId)] = true;
  return next;
}

export function buildRows(index: TopologyIndex, expansion: Expansion): Row[] {
  const total = index.snapshot.instances.length;
  const open = (key: string) => isExpanded(expansion, key, total);
  const rows: Row[] = [];
  for (const vpc of index.vpcs) {
    const azs = index.azsByVpc.get(vpc.id) ?? [];
    let vpcInstances = 0;
    let vpcSubnets = 0;
    for (const { subnets } of azs) {
      vpcSubnets += subnets.length;
      for (const s of subnets) vpcInstances += index.instancesBySubnet.get(s.id)?.length ?? 0;
    }
    const vk = vpcKey(vpc.id);
    const vpcOpen = open(vk);
    rows.push({ kind: 'vpc', key: vk, vpc, subnetCount: vpcSubnets, instanceCount: vpcInstances, expanded: vpcOpen });
    if (!vpcOpen) continue;
    if (azs.length === 0) rows.push({ kind: 'empty', key: `${vk}:empty`, message: 'No subnets in this VPC.' });
    for (const { az, subnets } of azs) {
      const ak = azKey(vpc.id, az);
      const azOpen = open(ak);
      const azInstances = subnets.reduce((n, s) => n + (index.instancesBySubnet.get(s.id)?.length ?? 0), 0);
      rows.push({ kind: 'az', key: ak, vpcId: vpc.id, az, subnetCount: subnets.length, instanceCount: azInstances, expanded: azOpen });
      if (!azOpen) continue;
      for (const subnet of subnets) {
        const sk = subnetKey(subnet.id);
        const instances = index.instancesBySubnet.get(subnet.id) ?? [];
        const subnetOpen = open(sk);
        const poolEniCount = index.poolEnisBySubnet.get(subnet.id)?.length ?? 0;
        const visitorEniCount = index.visitorEnisBySubnet.get(subnet.id)?.length ?? 0;
        rows.push({ kind: 'subnet', key: sk, subnet, instanceCount: instances.length, poolEniCount, visitorEniCount, expanded: subnetOpen });
        if (!subnetOpen) continue;
        if (instances.length === 0) rows.push({ kind: 'empty', key: `${sk}:empty`, message: emptySubnetMessage(index, subnet.id) });
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
