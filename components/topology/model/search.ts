// Search over the snapshot by IP (private or public), resource id or Name tag, ranked exact > prefix > contains.
import type { Selection } from './selection';
import type { TopologyIndex } from './topology-index';

export type SearchKind = Selection['kind'];

export type SearchHit = {
  selection: Selection;
  kind: SearchKind;
  /** What matched, shown in the result list (an IP, an id, a Name). */
  title: string;
  /** A short context line: where it lives, what holds it. */
  context: string;
  score: number;
};

type Field = { value: string; lower: string; weight: number };
type Entry = { selection: Selection; kind: SearchKind; fields: Field[]; context: string };

export type SearchIndex = Entry[];

function field(value: string | null | undefined, weight: number): Field[] {
  return value ? [{ value, lower: value.toLowerCase(), weight }] : [];
}

/** Built once per snapshot; lower-cased fields make each keystroke a plain scan (~26k entries for `large`). */
export function buildSearchIndex(index: TopologyIndex): SearchIndex {
  const entries: Entry[] = [];
  const s = index.snapshot;
  for (const vpc of s.vpcs) {
    entries.push({ selection: { kind: 'vpc', id: vpc.id }, kind: 'vpc', context: `VPC ${vpc.cidr}`, fields: [...field(vpc.id, 3), ...field(vpc.name, 2), ...vpc.cidrs.flatMap((c) => field(c, 2))] });
  }
  for (const sn of s.subnets) {
    entries.push({ selection: { kind: 'subnet', id: sn.id }, kind: 'subnet', context: `Subnet ${sn.cidr} · ${sn.az}`, fields: [...field(sn.id, 3), ...field(sn.name, 2), ...field(sn.cidr, 2)] });
  }
  for (const inst of s.instances) {
    entries.push({
      selection: { kind: 'instance', id: inst.id },
      kind: 'instance',
      context: `Instance ${inst.type} · ${inst.state} · ${inst.az}`,
      fields: [...field(inst.id, 3), ...field(inst.name, 2)],
    });
  }
  for (const eni of s.enis) {
    const holder = eni.attachment?.instanceId ? index.instanceById.get(eni.attachment.instanceId) : undefined;
    const where = holder ? `eth${eni.attachment?.deviceIndex ?? 0} of ${holder.name ?? holder.id}` : 'unattached';
    entries.push({
      selection: { kind: 'eni', id: eni.id },
      kind: 'eni',
      context: `ENI · ${where}`,
      fields: [...field(eni.id, 3), ...field(eni.name, 2), ...field(eni.description, 1)],
    });
    for (const ip of eni.privateIps) {
      const pub = ip.association?.publicIp;
      entries.push({
        selection: { kind: 'ip', eniId: eni.id, address: ip.address },
        kind: 'ip',
        context: `${ip.primary ? 'Primary' : 'Secondary'} IP on ${eni.id} · ${where}${pub ? ` · public ${pub}` : ''}`,
        fields: [...field(ip.address, 3), ...field(pub, 2)],
      });
    }
  }
  for (const eip of s.eips) {
    entries.push({
      selection: { kind: 'eip', id: eip.allocationId },
      kind: 'eip',
      context: eip.privateIp ? `Elastic IP → ${eip.privateIp} on ${eip.eniId}` : 'Elastic IP · not associated',
      fields: [...field(eip.publicIp, 3), ...field(eip.allocationId, 3), ...field(eip.name, 2), ...field(eip.associationId, 1)],
    });
  }
  return entries;
}

const cache = new WeakMap<TopologyIndex, SearchIndex>();

/** The search index of a snapshot, built on first use: a console that is never searched never pays for it. */
export function searchIndexFor(index: TopologyIndex): SearchIndex {
  let entries = cache.get(index);
  if (!entries) cache.set(index, (entries = buildSearchIndex(index)));
  return entries;
}

/** Kinds listed first on equal score: what a person searching an address most likely means. */
const kindOrder: Record<SearchKind, number> = { ip: 0, eip: 1, instance: 2, eni: 3, subnet: 4, vpc: 5 };

function scoreField(f: Field, q: string): number {
  if (f.lower === q) return 100 * f.weight;
  if (f.lower.startsWith(q)) return 60 * f.weight - (f.lower.length - q.length) * 0.01;
  // An id searched without its prefix ("0abc" for "eni-0abc…") counts as a prefix match.
  const dash = f.lower.indexOf('-');
  if (dash > 0 && f.lower.startsWith(q, dash + 1)) return 50 * f.weight;
  if (f.lower.includes(q)) return 20 * f.weight;
  return 0;
}

export function search(entries: SearchIndex, query: string, limit = 50): { hits: SearchHit[]; total: number } {
  const q = query.trim().toLowerCase();
  if (!q) return { hits: [], total: 0 };
  const hits: SearchHit[] = [];
  for (const e of entries) {
    let best = 0;
    let title = '';
    for (const f of e.fields) {
      const sc = scoreField(f, q);
      if (sc > best) {
        best = sc;
        title = f.value;
      }
    }
    if (best > 0) hits.push({ selection: e.selection, kind: e.kind, title, context: e.context, score: best });
  }
  hits.sort((a, b) => b.score - a.score || kindOrder[a.kind] - kindOrder[b.kind] || a.title.localeCompare(b.title, 'en', { numeric: true }));
  return { hits: hits.slice(0, limit), total: hits.length };
}
