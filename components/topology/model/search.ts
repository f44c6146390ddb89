// Search over the snapshot: private and public IPs, ids, MACs, private DNS names, Names and any tag value,
// security groups, instance types and states; ranked exact > prefix > contains.
import type { Tags } from '@/lib/topology/schema';
import { shortId } from '@/lib/topology';
import { eniWhere } from './names';
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
/** haystack: every field's lower-cased text in one string, so most entries are rejected by one includes(). */
type Entry = {
  selection: Selection;
  kind: SearchKind;
  name: string;
  fields: Field[];
  context: string;
  haystack?: string;
};

export type SearchIndex = Entry[];

/** Adds a field when the value is set (push, not spread: the index of `large` holds ~130k fields). */
function add(out: Field[], value: string | null | undefined, weight: number, label: string | null = null): void {
  if (value) out.push({ value, lower: value.toLowerCase(), weight, label, compact: false });
}

/** A MAC is matched with or without separators: 0e:73:9d…, 0e-73-9d…, Cisco's 0e73.9d…, 0e739d…. */
function addMac(out: Field[], mac: string | null): void {
  if (mac)
    out.push({
      value: mac,
      lower: mac.toLowerCase().replace(/[^0-9a-f]/g, ''),
      weight: 3,
      label: 'MAC',
      compact: true,
    });
}

function addTags(out: Field[], tags: Tags): void {
  for (const k in tags) {
    const v = tags[k];
    if (k === 'Name' || !v) continue; // the Name tag is the name field
    add(out, v, 1, `tag ${k}`);
    add(out, `${k}=${v}`, 2, 'tag');
  }
}

/** Built once per snapshot; lower-cased fields make each keystroke a plain scan. */
export function buildSearchIndex(index: TopologyIndex): SearchIndex {
  const entries: Entry[] = [];
  const s = index.snapshot;
  for (const vpc of s.vpcs) {
    const f: Field[] = [];
    add(f, vpc.id, 3);
    add(f, vpc.name, 2);
    for (const c of vpc.cidrs) add(f, c, 2);
    addTags(f, vpc.tags);
    entries.push({
      selection: { kind: 'vpc', id: vpc.id },
      kind: 'vpc',
      name: vpc.name ?? vpc.id,
      context: `VPC ${vpc.cidr}`,
      fields: f,
    });
  }
  for (const sn of s.subnets) {
    const f: Field[] = [];
    add(f, sn.id, 3);
    add(f, sn.name, 2);
    add(f, sn.cidr, 2);
    add(f, sn.az, 1, 'AZ');
    addTags(f, sn.tags);
    entries.push({
      selection: { kind: 'subnet', id: sn.id },
      kind: 'subnet',
      name: sn.name ?? sn.id,
      context: `Subnet ${sn.cidr} · ${sn.az}`,
      fields: f,
    });
  }
  for (const inst of s.instances) {
    const f: Field[] = [];
    add(f, inst.id, 3);
    add(f, inst.name, 2);
    add(f, inst.type, 1, 'type');
    add(f, inst.state, 1, 'state');
    const seen = new Set<string>();
    for (const e of index.enisByInstance.get(inst.id) ?? []) {
      for (const g of e.groups) {
        if (seen.has(g.id)) continue;
        seen.add(g.id);
        add(f, g.id, 1, 'security group');
        add(f, g.name, 1, 'security group');
      }
    }
    addTags(f, inst.tags);
    entries.push({
      selection: { kind: 'instance', id: inst.id },
      kind: 'instance',
      name: inst.name ?? inst.id,
      context: `Instance ${inst.type} · ${inst.state} · ${inst.az}`,
      fields: f,
    });
  }
  for (const eni of s.enis) {
    const where = eniWhere(index, eni);
    const f: Field[] = [];
    add(f, eni.id, 3);
    add(f, eni.name, 2);
    addMac(f, eni.macAddress);
    add(f, eni.privateDnsName, 2, 'private DNS');
    add(f, eni.description, 1, 'description');
    add(f, eni.attachment?.id, 1, 'attachment');
    // Delegated prefixes and IPv6 addresses are found on their ENI (they are shown there, read-only).
    for (const p of eni.ipv4Prefixes ?? []) add(f, p, 2, 'IPv4 prefix');
    for (const a of eni.ipv6Addresses ?? []) add(f, a, 2, 'IPv6');
    for (const g of eni.groups) {
      add(f, g.id, 1, 'security group');
      add(f, g.name, 1, 'security group');
    }
    addTags(f, eni.tags);
    entries.push({
      selection: { kind: 'eni', id: eni.id },
      kind: 'eni',
      name: eni.name ?? eni.id,
      context: `ENI · ${where}`,
      fields: f,
    });
    const on = `${eni.name ?? shortId(eni.id)} · ${where}`;
    for (const ip of eni.privateIps) {
      const pub = ip.association?.publicIp;
      const g: Field[] = [];
      add(g, ip.address, 3);
      add(g, pub, 2);
      add(g, ip.dnsName, 2, 'private DNS');
      add(g, ip.association?.publicDnsName, 1, 'public DNS');
      entries.push({
        selection: { kind: 'ip', eniId: eni.id, address: ip.address },
        kind: 'ip',
        name: ip.address,
        context: `${ip.primary ? 'Primary' : 'Secondary'} IP on ${on}${pub ? ` · public ${pub}` : ''}`,
        fields: g,
      });
    }
  }
  for (const eip of s.eips) {
    const holder = eip.eniId ? index.eniById.get(eip.eniId) : undefined;
    const f: Field[] = [];
    add(f, eip.publicIp, 3);
    add(f, eip.allocationId, 3);
    add(f, eip.name, 2);
    add(f, eip.associationId, 1, 'association');
    addTags(f, eip.tags);
    entries.push({
      selection: { kind: 'eip', id: eip.allocationId },
      kind: 'eip',
      name: eip.publicIp,
      context: eip.privateIp
        ? `Elastic IP → ${eip.privateIp} on ${holder ? eniWhere(index, holder) : eip.eniId}`
        : 'Elastic IP · idle (not associated, still billed)',
      fields: f,
    });
  }
  for (const e of entries) e.haystack = e.fields.map((f) => f.lower).join('\u0000');
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
  const mac =
    /^[0-9a-f]{2}([:-][0-9a-f]{2})+[:-]?$/.test(q) ||
    /^[0-9a-f]{4}\.[0-9a-f]{1,4}(\.[0-9a-f]{0,4})?$/.test(q) ||
    /^[0-9a-f]{12}$/.test(q);
  return mac ? q.replace(/[^0-9a-f]/g, '') : '';
}

const collator = new Intl.Collator('en', { numeric: true });

export function search(entries: SearchIndex, query: string, limit = 50): { hits: SearchHit[]; total: number } {
  const q = query.trim().toLowerCase();
  if (!q) return { hits: [], total: 0 };
  const qc = compactQuery(q);
  // Scores first, objects later: a broad query ("10.0.") matches tens of thousands of entries, of which 50 are shown.
  const matched: { entry: Entry; field: Field; score: number }[] = [];
  for (const e of entries) {
    if (!e.haystack!.includes(q) && !(qc && e.haystack!.includes(qc))) continue;
    let best = 0;
    let bestField: Field | null = null;
    for (const f of e.fields) {
      const sc = scoreField(f, f.compact ? qc : q);
      if (sc > best) {
        best = sc;
        bestField = f;
      }
    }
    if (bestField) matched.push({ entry: e, field: bestField, score: best });
  }
  const titleOf = (m: (typeof matched)[number]) => (m.field.label === null ? m.field.value : m.entry.name);
  // Rank by the numbers first (cheap), then order by title only the ones that can reach the first `limit`.
  const byRank = (a: (typeof matched)[number], b: (typeof matched)[number]) =>
    b.score - a.score || kindOrder[a.entry.kind] - kindOrder[b.entry.kind];
  matched.sort(byRank);
  let end = Math.min(limit, matched.length);
  while (end < matched.length && byRank(matched[end - 1]!, matched[end]!) === 0) end++;
  const top = matched.slice(0, end).sort((a, b) => byRank(a, b) || collator.compare(titleOf(a), titleOf(b)));
  const hits = top.slice(0, limit).map<SearchHit>(({ entry, field, score }) => ({
    selection: entry.selection,
    kind: entry.kind,
    title: titleOf({ entry, field, score }),
    matched: field.label === null ? null : `${field.label} ${field.value}`,
    context: entry.context,
    score,
  }));
  return { hits, total: matched.length };
}
