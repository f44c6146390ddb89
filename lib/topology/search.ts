// findByQuery: search by private or public IP, any resource id, or Name tag, ranked best first.
import { indexSnapshot } from './index';
import type { Snapshot } from './schema';

export type SearchMatchKind = 'instance' | 'eni' | 'private-ip' | 'eip' | 'subnet' | 'vpc';

export interface SearchMatch {
  kind: SearchMatchKind;
  /** The resource id; for a private IP, the address itself. */
  id: string;
  label: string;
  instanceId?: string;
  eniId?: string;
}

/** 0 exact, 1 prefix, 2 substring of a Name tag; null for no match. */
function rank(q: string, exact: readonly string[], names: ReadonlyArray<string | null>): number | null {
  if (exact.some((v) => v.toLowerCase() === q)) return 0;
  if (exact.some((v) => v.toLowerCase().startsWith(q))) return 1;
  if (names.some((n) => n !== null && n.toLowerCase().includes(q))) return 2;
  return null;
}

export function findByQuery(snapshot: Snapshot, query: string, limit = 50): SearchMatch[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const ix = indexSnapshot(snapshot);
  const found: Array<SearchMatch & { rank: number }> = [];
  const add = (r: number | null, match: SearchMatch) => {
    if (r !== null) found.push({ ...match, rank: r });
  };

  for (const i of snapshot.instances) {
    add(rank(q, [i.id], [i.name]), { kind: 'instance', id: i.id, label: `${i.name ?? i.id} · ${i.id} · ${i.type} · ${i.state}`, instanceId: i.id });
  }
  for (const e of snapshot.enis) {
    const instanceId = e.attachment?.instanceId ?? undefined;
    const where = instanceId ? `on ${instanceId}` : 'unattached';
    add(rank(q, [e.id], [e.name]), { kind: 'eni', id: e.id, label: `${e.name ?? e.id} · ${e.id} · ${where}`, eniId: e.id, ...(instanceId ? { instanceId } : {}) });
    for (const p of e.privateIps) {
      const r = rank(q, [p.address], []);
      const owner = instanceId ? ix.instanceById.get(instanceId) : undefined;
      add(r, {
        kind: 'private-ip',
        id: p.address,
        label: `${p.address} · ${p.primary ? 'primary' : 'secondary'} on ${e.id}${owner ? ` (${owner.name ?? owner.id})` : ''}`,
        eniId: e.id,
        ...(instanceId ? { instanceId } : {}),
      });
      // An Amazon-assigned public IPv4 is found through the private IP it sits on.
      if (p.association && p.association.allocationId === null && r === null) {
        add(rank(q, [p.association.publicIp], []), {
          kind: 'private-ip',
          id: p.address,
          label: `${p.association.publicIp} → ${p.address} on ${e.id}`,
          eniId: e.id,
          ...(instanceId ? { instanceId } : {}),
        });
      }
    }
  }
  for (const a of snapshot.eips) {
    add(rank(q, [a.allocationId, a.publicIp, ...(a.associationId ? [a.associationId] : [])], [a.name]), {
      kind: 'eip',
      id: a.allocationId,
      label: `${a.publicIp} · ${a.allocationId} · ${a.eniId ? `→ ${a.privateIp} on ${a.eniId}` : 'idle'}`,
      ...(a.eniId ? { eniId: a.eniId } : {}),
      ...(a.instanceId ? { instanceId: a.instanceId } : {}),
    });
  }
  for (const s of snapshot.subnets) add(rank(q, [s.id, s.cidr], [s.name]), { kind: 'subnet', id: s.id, label: `${s.name ?? s.id} · ${s.id} · ${s.cidr} · ${s.az}` });
  for (const v of snapshot.vpcs) add(rank(q, [v.id, v.cidr], [v.name]), { kind: 'vpc', id: v.id, label: `${v.name ?? v.id} · ${v.id} · ${v.cidr}` });

  return found
    .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label))
    .slice(0, limit)
    .map(({ rank: _rank, ...match }) => match);
}
