// Filters of the view: where instances live (VPC, AZ, subnet), what they are (state, type, a tag) and what they
// have room or waste for (free ENI slots, idle Elastic IPs). Pure functions over the index, cached per snapshot.
import type { Instance, InstanceState } from '@/lib/topology';
import { instanceStateSchema } from '@/lib/topology/schema';
import { limitsFor, type TopologyIndex } from './topology-index';

export type Filters = {
  vpc: string | null;
  az: string | null;
  subnet: string | null;
  state: InstanceState | null;
  type: string | null;
  /** "key=value" (both case-insensitive) or "key" (any value). */
  tag: string | null;
  /** Instances with fewer ENIs attached than their type allows. */
  freeEniSlots: boolean;
  /** Instances not running whose addresses hold Elastic IPs: billed, serving nothing. */
  idleEips: boolean;
};

export type Facet = 'vpc' | 'az' | 'subnet' | 'state' | 'type';

export const noFilters: Filters = {
  vpc: null,
  az: null,
  subnet: null,
  state: null,
  type: null,
  tag: null,
  freeEniSlots: false,
  idleEips: false,
};

export const INSTANCE_STATES = instanceStateSchema.options;

/** What each instance is, for filtering: its home (the subnet of its primary ENI) and its room and waste. */
type Facts = { vpc: string | null; az: string; subnet: string | null; freeEniSlots: boolean; idleEips: number };

const factsCache = new WeakMap<TopologyIndex, Map<string, Facts>>();

function factsOf(index: TopologyIndex): Map<string, Facts> {
  let facts = factsCache.get(index);
  if (facts) return facts;
  facts = new Map();
  const home = new Map<string, string>();
  for (const [subnetId, list] of index.instancesBySubnet) for (const i of list) home.set(i.id, subnetId);
  for (const inst of index.snapshot.instances) {
    const subnetId = home.get(inst.id) ?? inst.subnetId;
    const subnet = subnetId ? index.subnetById.get(subnetId) : undefined;
    const enis = index.enisByInstance.get(inst.id) ?? [];
    const max = limitsFor(index, inst.type)?.maxEnis;
    let eips = 0;
    if (inst.state !== 'running')
      for (const e of enis) for (const ip of e.privateIps) if (ip.association?.allocationId) eips++;
    facts.set(inst.id, {
      vpc: subnet?.vpcId ?? inst.vpcId,
      az: subnet?.az ?? inst.az,
      subnet: subnetId,
      freeEniSlots: max !== undefined && enis.length < max,
      idleEips: eips,
    });
  }
  factsCache.set(index, facts);
  return facts;
}

/** Elastic IPs on an instance that is not running (0 for a running one). */
export function idleEipCount(index: TopologyIndex, instanceId: string): number {
  return factsOf(index).get(instanceId)?.idleEips ?? 0;
}

export function isFiltering(f: Filters): boolean {
  return f.vpc !== null || f.az !== null || f.subnet !== null || hasInstanceFilters(f);
}

/** Filters on what instances are, not where: they hide subnets without a match. */
export function hasInstanceFilters(f: Filters): boolean {
  return f.state !== null || f.type !== null || f.tag !== null || f.freeEniSlots || f.idleEips;
}

function tagMatches(tags: Record<string, string>, filter: string): boolean {
  const eq = filter.indexOf('=');
  const key = (eq < 0 ? filter : filter.slice(0, eq)).trim().toLowerCase();
  const value =
    eq < 0
      ? null
      : filter
          .slice(eq + 1)
          .trim()
          .toLowerCase();
  for (const [k, v] of Object.entries(tags)) {
    if (k.toLowerCase() !== key) continue;
    if (value === null || v.toLowerCase() === value) return true;
  }
  return false;
}

/** Whether an instance passes every filter (but `except`, for the counts shown beside that filter's options). */
export function instanceMatches(index: TopologyIndex, inst: Instance, f: Filters, except?: Facet): boolean {
  const facts = factsOf(index).get(inst.id);
  if (!facts) return false;
  if (f.vpc !== null && except !== 'vpc' && facts.vpc !== f.vpc) return false;
  if (f.az !== null && except !== 'az' && facts.az !== f.az) return false;
  if (f.subnet !== null && except !== 'subnet' && facts.subnet !== f.subnet) return false;
  if (f.state !== null && except !== 'state' && inst.state !== f.state) return false;
  if (f.type !== null && except !== 'type' && inst.type !== f.type) return false;
  if (f.tag !== null && f.tag.trim() && !tagMatches(inst.tags, f.tag)) return false;
  if (f.freeEniSlots && !facts.freeEniSlots) return false;
  if (f.idleEips && facts.idleEips === 0) return false;
  return true;
}

/** The ids of the instances that pass, or null when nothing filters (everything passes). */
export function matchingInstances(index: TopologyIndex, f: Filters): Set<string> | null {
  if (!isFiltering(f)) return null;
  const out = new Set<string>();
  for (const inst of index.snapshot.instances) if (instanceMatches(index, inst, f)) out.add(inst.id);
  return out;
}

/** Instances per option of a facet, under every other filter: what choosing that option would show. */
export function facetCounts(index: TopologyIndex, f: Filters, facet: Facet): Map<string, number> {
  const counts = new Map<string, number>();
  const facts = factsOf(index);
  for (const inst of index.snapshot.instances) {
    if (!instanceMatches(index, inst, f, facet)) continue;
    const x = facts.get(inst.id)!;
    const key = facet === 'state' ? inst.state : facet === 'type' ? inst.type : x[facet];
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Whether a subnet is shown: inside the VPC/AZ/subnet chosen, and, under instance filters, holding a match. */
export function subnetShown(index: TopologyIndex, f: Filters, subnetId: string, matches: number): boolean {
  const s = index.subnetById.get(subnetId);
  if (!s) return false;
  if (f.vpc !== null && s.vpcId !== f.vpc) return false;
  if (f.az !== null && s.az !== f.az) return false;
  if (f.subnet !== null && s.id !== f.subnet) return false;
  return !hasInstanceFilters(f) || matches > 0;
}
