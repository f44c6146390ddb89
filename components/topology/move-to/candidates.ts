// Move to…: the destinations a movable item (secondary IP, ENI, Elastic IP) can be sent to, found by typing a
// name, id or IP. Plain data: the picker renders the first few and asks the checker about those alone.
import type { TopologyIndex } from '../model/topology-index';
import { candidateMove, type DragSource, type DropTarget } from '../drag/targets';
import { describeTarget } from '../drag/announce';
import type { Selection } from '../model/selection';
import { eipAt, instanceShort, type Move } from '@/lib/topology';

export type Destination = {
  key: string;
  target: DropTarget;
  subnetId: string | null;
  /** Lower-case words a query is matched against (ids, names, addresses), each after a \u0001: one string to search. */
  hay: string;
};

/** Rows the picker renders (and checks) at once: type more to narrow. */
export const MOVE_TO_ROWS = 30;

/** A destination as the picker shows it: words computed for the rows shown only (a large account has 18,000). */
export type Candidate = Destination & { move: Move; rank: number; label: string; detail: string };

type Destinations = { eni: Destination[]; instance: Destination[]; privateIp: Destination[] };

const built = new WeakMap<TopologyIndex, Destinations>();

const SEP = '\u0001';
const hayOf = (...xs: (string | null | undefined)[]) =>
  xs
    .filter((x): x is string => !!x)
    .map((x) => SEP + x.toLowerCase())
    .join('') + SEP;

/** Every ENI, instance and private IP of the snapshot as a destination, built once per snapshot. */
export function destinationsOf(index: TopologyIndex): Destinations {
  const cached = built.get(index);
  if (cached) return cached;
  const eni: Destination[] = [];
  const privateIp: Destination[] = [];
  const instance: Destination[] = [];
  const subnetName = (id: string) => index.subnetById.get(id)?.name;
  for (const e of index.snapshot.enis) {
    const holderId = e.attachment?.instanceId ?? null;
    const owner = hayOf(holderId, holderId ? index.instanceById.get(holderId)?.name : null);
    const addresses = e.privateIps.map((p) => p.address);
    eni.push({
      key: `eni:${e.id}`,
      target: { kind: 'eni', eniId: e.id },
      subnetId: e.subnetId,
      hay: hayOf(e.id, e.name, subnetName(e.subnetId), ...addresses) + owner,
    });
    for (const address of addresses)
      privateIp.push({
        key: `ip:${e.id}:${address}`,
        target: { kind: 'private-ip', eniId: e.id, address },
        subnetId: e.subnetId,
        hay: hayOf(address, e.id, e.name) + owner,
      });
  }
  for (const i of index.snapshot.instances) {
    const enis = index.enisByInstance.get(i.id) ?? [];
    instance.push({
      key: `instance:${i.id}`,
      target: { kind: 'instance', instanceId: i.id },
      subnetId: i.subnetId,
      hay: hayOf(i.id, i.name, i.privateIp, ...enis.flatMap((e) => e.privateIps.map((p) => p.address))),
    });
  }
  const all = { eni, instance, privateIp };
  built.set(index, all);
  return all;
}

const pools = {
  'eni-pool': ['The ENI pool', 'detach: the ENI stays in its subnet, unattached'],
  'eip-pool': ['The Elastic IP pool', 'disassociate: the address stays allocated'],
} as const;

const pool = (kind: keyof typeof pools): Destination => ({
  key: `pool:${kind}`,
  target: { kind },
  subnetId: null,
  hay: hayOf('pool', kind === 'eni-pool' ? 'detach' : 'disassociate'),
});

function forSource(index: TopologyIndex, source: DragSource): Destination[] {
  const d = destinationsOf(index);
  switch (source.kind) {
    case 'ip':
      return d.eni;
    case 'eni':
      return [pool('eni-pool'), ...d.instance];
    case 'eip':
      return [pool('eip-pool'), ...d.privateIp];
  }
}

/** The words of a row: what the destination is, then its ids and where it lives. */
function describe(index: TopologyIndex, target: DropTarget): { label: string; detail: string } {
  const subnetName = (id: string) => index.subnetById.get(id)?.name ?? id;
  switch (target.kind) {
    case 'eni-pool':
    case 'eip-pool':
      return { label: pools[target.kind][0], detail: pools[target.kind][1] };
    case 'instance': {
      const i = index.instanceById.get(target.instanceId);
      const where = i ? ` · ${i.type} · ${i.state} · ${i.subnetId ? subnetName(i.subnetId) : '?'} · ${i.az}` : '';
      return { label: instanceShort(index, target.instanceId), detail: `${target.instanceId}${where}` };
    }
    case 'private-ip': {
      const e = index.eniById.get(target.eniId);
      const primary = e?.privateIps.find((p) => p.address === target.address)?.primary;
      const where = e ? ` · ${e.id} · ${subnetName(e.subnetId)}` : '';
      return { label: describeTarget(index, target), detail: `${primary ? 'primary' : 'secondary'}${where}` };
    }
    default: {
      const e = 'eniId' in target ? index.eniById.get(target.eniId) : undefined;
      return { label: describeTarget(index, target), detail: e ? `${e.id} · ${subnetName(e.subnetId)} · ${e.az}` : '' };
    }
  }
}

/** 0: a word is the query; 1: a word starts with it; 2: a word contains it; -1: no match. Every term must match. */
export function rankHay(hay: string, terms: readonly string[]): number {
  let worst = 0;
  for (const term of terms) {
    const r = hay.includes(SEP + term + SEP) ? 0 : hay.includes(SEP + term) ? 1 : hay.includes(term) ? 2 : -1;
    if (r === -1) return -1;
    worst = Math.max(worst, r);
  }
  return worst;
}

/** rankHay over a list of words (for tests and callers that hold words, not a prepared string). */
export const rankWords = (words: readonly string[], terms: readonly string[]): number =>
  rankHay(hayOf(...words), terms);

/** The subnet the source is in: with an empty query, destinations there come first (the usual short move). */
function homeSubnet(index: TopologyIndex, source: DragSource): string | null {
  const eniId = source.kind === 'eip' ? source.eniId : source.eniId;
  return eniId ? (index.eniById.get(eniId)?.subnetId ?? null) : null;
}

/**
 * The destinations matching the query, best first (exact id or address, then prefix, then substring; with no
 * query, the source's own subnet first), without where the source already is, at most `limit` of them.
 * `total` counts every match, so the picker can say how many it does not show.
 */
export function findCandidates(
  index: TopologyIndex,
  source: DragSource,
  query: string,
  limit: number,
): { candidates: Candidate[]; total: number } {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const home = homeSubnet(index, source);
  const buckets: Candidate[][] = [[], [], [], []];
  let total = 0;
  for (const d of forSource(index, source)) {
    const rank = terms.length ? rankHay(d.hay, terms) : d.subnetId === home || d.subnetId === null ? 0 : 1;
    if (rank === -1) continue;
    const move = candidateMove(source, d.target);
    if (!move) continue;
    total++;
    const bucket = buckets[rank]!;
    // Past the limit a bucket's order no longer matters: only the count does.
    if (bucket.length < limit) bucket.push({ ...d, move, rank, label: '', detail: '' });
  }
  const candidates = buckets.flat().slice(0, limit);
  for (const c of candidates) Object.assign(c, describe(index, c.target));
  return { candidates, total };
}

/** The drag source a selection stands for, or why it cannot move (a primary IP or ENI, an instance…). */
export function sourceOfSelection(
  index: TopologyIndex,
  sel: Selection,
): { ok: true; source: DragSource } | { ok: false; why: string } {
  switch (sel.kind) {
    case 'ip': {
      const eni = index.eniById.get(sel.eniId);
      const ip = eni?.privateIps.find((p) => p.address === sel.address);
      if (!eni || !ip) return { ok: false, why: `${sel.address} is not in the latest snapshot. Refresh the view.` };
      if (ip.primary)
        return {
          ok: false,
          why: `${sel.address} is the ENI's primary IP: it never moves. Move the ENI, or a secondary IP.`,
        };
      const eip = eipAt(index, eni.id, ip.address);
      return {
        ok: true,
        source: { kind: 'ip', eniId: eni.id, address: ip.address, allocationId: eip?.allocationId ?? null },
      };
    }
    case 'eni': {
      const eni = index.eniById.get(sel.id);
      if (!eni) return { ok: false, why: `${sel.id} is not in the latest snapshot. Refresh the view.` };
      if (eni.requesterManaged || (eni.attachment && !eni.attachment.instanceId))
        return { ok: false, why: `${eni.id} is managed by an AWS service: the console does not move it.` };
      if (eni.attachment?.deviceIndex === 0)
        return {
          ok: false,
          why: `${eni.id} is its instance's primary ENI (eth0): it never detaches. Move a secondary ENI.`,
        };
      const a = eni.attachment;
      return {
        ok: true,
        source: { kind: 'eni', eniId: eni.id, instanceId: a?.instanceId ?? null, deviceIndex: a?.deviceIndex ?? null },
      };
    }
    case 'eip': {
      const eip = index.eipByAllocation.get(sel.id);
      if (!eip) return { ok: false, why: `${sel.id} is not in the latest snapshot. Refresh the view.` };
      return {
        ok: true,
        source: { kind: 'eip', allocationId: eip.allocationId, eniId: eip.eniId, privateIp: eip.privateIp },
      };
    }
    default:
      return {
        ok: false,
        why: 'Only a secondary IP, a secondary ENI or an Elastic IP can be moved. Select one first.',
      };
  }
}
