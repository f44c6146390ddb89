// Search over the snapshot: private and public IPs, ids, MACs, private DNS names, Names and any tag value,
// security groups, instance types and states; ranked exact > prefix > contains.
import type { Tags } from '@/lib/topology/schema';
import { eniWhere, shortId } from './names';
import type { Selection } from './selection';
import type { TopologyIndex } from './topology-index';

export type SearchKind = Selection['kind'];

export type SearchHit = {
  selection: Selection;
  kind: SearchKind;
  /** What matched when it names the resource (an IP, an id, a Name), else the resource's name. */
  title: string;
  /** Set when an attribute matched rather than a name: "MAC 0e:73:9d:a4:ee:ed", "state stopped". */
  matched: string | null;
  /** A short context line: where it lives, what holds it. */
  context: string;
  score: number;
};

/** label: the attribute's name when it is not the resource's own name; compact: matched without separators. */
type Field = { value: string; lower: string; weight: number; label: string | null; compact: boolean };
type Entry = { selection: Selection; kind: SearchKind; name: string; fields: Field[]; context: string };

export type SearchIndex = Entry[];

function field(value: string | null | undefined, weight: number, label: string | null = null): Field[] {
  return value ? [{ value, lower: value.toLowerCase(), weight, label, compact: false }] : [];
}

/** A MAC is matched with or without separators: 0e:73:9d…, 0e-73-9d…, Cisco's 0e73.9d…, 0e739d…. */
function macField(mac: string | null): Field[] {
  return mac ? [{ value: mac, lower: mac.toLowerCase().replace(/[^0-9a-f]/g, ''), weight: 3, label: 'MAC', compact: true }] : [];
}

function tagFields(tags: Tags): Field[] {
  const out: Field[] = [];
  for (const [k, v] of Object.entries(tags)) {
    if (k === 'Name' || !v) continue; // the Name tag is the name field
    out.push(...field(v, 1, `tag ${k}`), ...field(`${k}=${v}`, 2, 'tag'));
  }
  return out;
}

/** Built once per snapshot; lower-cased fields make each keystroke a plain scan. */
export function buildSearchIndex(index: TopologyIndex): SearchIndex {
  const entries: Entry[] = [];
  const s = index.snapshot;
  for (const vpc of s.vpcs) {
    entries.push({ selection: { kind: 'vpc', id: vpc.id }, kind: 'vpc', name: vpc.name ?? vpc.id, context: `VPC ${vpc.cidr}`, fields: [...field(vpc.id, 3), ...field(vpc.name, 2), ...vpc.cidrs.flatMap((c) => field(c, 2)), ...tagFields(vpc.tags)] });
  }
  for (const sn of s.subnets) {
    entries.push({ selection: { kind: 'subnet', id: sn.id }, kind: 'subnet', name: sn.name ?? sn.id, context: `Subnet ${sn.cidr} · ${sn.az}`, fields: [...field(sn.id, 3), ...field(sn.name, 2), ...field(sn.cidr, 2), ...field(sn.az, 1, 'AZ'), ...tagFields(sn.tags)] });
  }
  for (const inst of s.instances) {
    const groups = new Map<string, string>();
    for (const e of index.enisByInstance.get(inst.id) ?? []) for (const g of e.groups) groups.set(g.id, g.name);
    entries.push({
      selection: { kind: 'instance', id: inst.id },
      kind: 'instance',
      name: inst.name ?? inst.id,
      context: `Instance ${inst.type} · ${inst.state} · ${inst.az}`,
      fields: [
        ...field(inst.id, 3),
        ...field(inst.name, 2),
        ...field(inst.type, 1, 'type'),
        ...field(inst.state, 1, 'state'),
        ...[...groups].flatMap(([id, name]) => [...field(id, 1, 'security group'), ...field(name, 1, 'security group')]),
        ...tagFields(inst.tags),
      ],
    });
  }
  for (const eni of s.enis) {
    const where = eniWhere(index, eni);
    const label = eni.name ?? eni.id;
    entries.push({
      selection: { kind: 'eni', id: eni.id },
      kind: 'eni',
      name: label,
      context: `ENI · ${where}`,
      fields: [
        ...field(eni.id, 3),
        ...field(eni.name, 2),
        ...macField(eni.macAddress),
        ...field(eni.privateDnsName, 2, 'private DNS'),
        ...field(eni.description, 1, 'description'),
        ...field(eni.attachment?.id, 1, 'attachment'),
        ...eni.groups.flatMap((g) => [...field(g.id, 1, 'security group'), ...field(g.name, 1, 'security group')]),
        ...tagFields(eni.tags),
      ],
    });
    for (const ip of eni.privateIps) {
      const pub = ip.association?.publicIp;
      entries.push({
        selection: { kind: 'ip', eniId: eni.id, address: ip.address },
        kind: 'ip',
        name: ip.address,
        context: `${ip.primary ? 'Primary' : 'Secondary'} IP on ${eni.name ?? shortId(eni.id)} · ${where}${pub ? ` · public ${pub}` : ''}`,
        fields: [...field(ip.address, 3), ...field(pub, 2), ...field(ip.dnsName, 2, 'private DNS'), ...field(ip.association?.publicDnsName, 1, 'public DNS')],
      });
    }
  }
  for (const eip of s.eips) {
    const holder = eip.eniId ? index.eniById.get(eip.eniId) : undefined;
    entries.push({
      selection: { kind: 'eip', id: eip.allocationId },
      kind: 'eip',
      name: eip.publicIp,
      context: eip.privateIp ? `Elastic IP → ${eip.privateIp} on ${holder ? eniWhere(index, holder) : eip.eniId}` : 'Elastic IP · idle (not associated, still billed)',
      fields: [...field(eip.publicIp, 3), ...field(eip.allocationId, 3), ...field(eip.name, 2), ...field(eip.associationId, 1, 'association'), ...tagFields(eip.tags)],
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
  if (!q) return 0;
  if (f.lower === q) return 100 * f.weight;
  if (f.lower.startsWith(q)) return 60 * f.weight - (f.lower.length - q.length) * 0.01;
  // An id searched without its prefix ("0abc" for "eni-0abc…") counts as a prefix match.
  const dash = f.lower.indexOf('-');
  if (dash > 0 && f.lower.startsWith(q, dash + 1)) return 50 * f.weight;
  if (f.lower.includes(q)) return 20 * f.weight;
  return 0;
}

/** The query as a MAC is compared: hex digits only, when it looks like (part of) one. */
function compactQuery(q: string): string {
  // Colons or dashes between hex pairs, Cisco's dotted quads, or twelve bare hex digits; a dotted IP is not a MAC.
  const mac = /^[0-9a-f]{2}([:-][0-9a-f]{2})+[:-]?$/.test(q) || /^[0-9a-f]{4}\.[0-9a-f]{1,4}(\.[0-9a-f]{0,4})?$/.test(q) || /^[0-9a-f]{12}$/.test(q);
  return mac ? q.replace(/[^0-9a-f]/g, '') : '';
}

export function search(entries: SearchIndex, query: string, limit = 50): { hits: SearchHit[]; total: number } {
  const q = query.trim().toLowerCase();
  if (!q) return { hits: [], total: 0 };
  const qc = compactQuery(q);
  const hits: SearchHit[] = [];
  for (const e of entries) {
    let best = 0;
    let bestField: Field | null = null;
    for (const f of e.fields) {
      const sc = scoreField(f, f.compact ? qc : q);
      if (sc > best) {
        best = sc;
        bestField = f;
      }
    }
    if (bestField) {
      const named = bestField.label === null;
      hits.push({
        selection: e.selection,
        kind: e.kind,
        title: named ? bestField.value : e.name,
        matched: named ? null : `${bestField.label} ${bestField.value}`,
        context: e.context,
        score: best,
      });
    }
  }
  hits.sort((a, b) => b.score - a.score || kindOrder[a.kind] - kindOrder[b.kind] || a.title.localeCompare(b.title, 'en', { numeric: true }));
  return { hits: hits.slice(0, limit), total: hits.length };
}
