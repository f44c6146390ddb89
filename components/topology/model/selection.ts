// What can be selected in the view, and where each selected thing lives in the VPC → AZ → subnet tree.
import type { TopologyIndex } from './topology-index';
import type { BadgeTone } from '@/components/ui/badge';

export type Selection =
  | { kind: 'vpc'; id: string }
  | { kind: 'subnet'; id: string }
  | { kind: 'instance'; id: string }
  | { kind: 'eni'; id: string }
  | { kind: 'ip'; eniId: string; address: string }
  | { kind: 'eip'; id: string };

export type Location = {
  vpcId: string | null;
  az: string | null;
  subnetId: string | null;
  /** The instance card that shows the resource, when an instance holds it. */
  instanceId: string | null;
  /** Set when the resource is shown in a pool rather than in the tree. */
  pool: 'enis' | 'eips' | null;
};

export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'ip' && b.kind === 'ip') return a.eniId === b.eniId && a.address === b.address;
  return (a as { id: string }).id === (b as { id: string }).id;
}

/**
 * The selection in a newer snapshot: a private IP is selected by its ENI and address, and a move takes the
 * address to another ENI — the selection follows it there (within the VPC of the ENI it was on). Anything else
 * is selected by an id that a move keeps.
 */
export function followSelection(index: TopologyIndex, sel: Selection): Selection {
  if (sel.kind !== 'ip') return sel;
  const holders = (index.enisByPrivateIp.get(sel.address) ?? []).map((e) => e.id);
  if (holders.includes(sel.eniId)) return sel;
  const vpcId = index.eniById.get(sel.eniId)?.vpcId;
  const next =
    holders.find((id) => !vpcId || index.eniById.get(id)?.vpcId === vpcId) ??
    (holders.length === 1 ? holders[0] : undefined);
  return next ? { ...sel, eniId: next } : sel;
}

const nowhere: Location = { vpcId: null, az: null, subnetId: null, instanceId: null, pool: null };

function locateEni(index: TopologyIndex, eniId: string): Location {
  const eni = index.eniById.get(eniId);
  if (!eni) return nowhere;
  const instanceId = eni.attachment?.instanceId ?? null;
  if (instanceId) return locateInstance(index, instanceId);
  return { vpcId: eni.vpcId, az: eni.az, subnetId: eni.subnetId, instanceId: null, pool: 'enis' };
}

function locateInstance(index: TopologyIndex, instanceId: string): Location {
  const inst = index.instanceById.get(instanceId);
  if (!inst) return nowhere;
  const primary = index.enisByInstance.get(instanceId)?.find((e) => e.attachment?.deviceIndex === 0);
  const subnetId = primary?.subnetId ?? inst.subnetId;
  const subnet = subnetId ? index.subnetById.get(subnetId) : undefined;
  return {
    vpcId: subnet?.vpcId ?? inst.vpcId,
    az: subnet?.az ?? inst.az,
    subnetId: subnetId ?? null,
    instanceId,
    pool: null,
  };
}

export function locate(index: TopologyIndex, sel: Selection): Location {
  switch (sel.kind) {
    case 'vpc':
      return { ...nowhere, vpcId: sel.id };
    case 'subnet': {
      const s = index.subnetById.get(sel.id);
      return s ? { ...nowhere, vpcId: s.vpcId, az: s.az, subnetId: s.id } : nowhere;
    }
    case 'instance':
      return locateInstance(index, sel.id);
    case 'eni':
      return locateEni(index, sel.id);
    case 'ip':
      return locateEni(index, sel.eniId);
    case 'eip': {
      const eip = index.eipByAllocation.get(sel.id);
      if (!eip) return nowhere;
      if (eip.eniId && eip.privateIp) return locateEni(index, eip.eniId);
      return { ...nowhere, pool: 'eips' };
    }
  }
}

/** One colour per kind of resource, wherever a badge names the kind (details panel, search results). */
export const kindTone: Record<Selection['kind'], BadgeTone> = {
  vpc: 'accent',
  subnet: 'neutral',
  instance: 'neutral',
  eni: 'eni',
  ip: 'outline',
  eip: 'eip',
};
