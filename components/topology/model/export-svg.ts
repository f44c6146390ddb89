// Export of the view as an image for tickets: a standalone SVG (no stylesheet, no fonts to fetch) of what the
// filters show — VPC → subnet → instance cards with their ENIs, private IPs and public IPv4s. Pure: a string
// from the index and the filters; the browser rasterizes it to PNG (export-image.ts).
import { isFiltering, matchingInstances, subnetShown, type Filters } from './filters';
import { plural } from './format';
import type { TopologyIndex } from './topology-index';
import { eipAt, type Eni, type Instance } from '@/lib/topology';

/** Instances drawn at most: past that the image is too large to read in a ticket; it says what it left out. */
export const SVG_MAX_INSTANCES = 300;

const W = 1200;
const PAD = 24;
const COLS = 3;
const GAP = 16;
const CARD_W = (W - 2 * PAD - (COLS - 1) * GAP) / COLS;
const LINE = 16;
const font = 'font-family="ui-sans-serif, system-ui, sans-serif"';
const mono = 'font-family="ui-monospace, Menlo, Consolas, monospace"';
const colors = {
  fg: '#0f172a',
  muted: '#64748b',
  line: '#cbd5e1',
  card: '#ffffff',
  canvas: '#f8fafc',
  eni: '#0f766e',
  eip: '#7c3aed',
  public: '#2563eb',
  running: '#16a34a',
  other: '#94a3b8',
};

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const text = (x: number, y: number, s: string, attrs = '') => `<text x="${x}" y="${y}" ${attrs}>${escapeXml(s)}</text>`;

/** The filters in words, for the image's subtitle. */
export function filterWords(index: TopologyIndex, f: Filters): string {
  const parts: string[] = [];
  if (f.vpc) parts.push(`VPC ${index.vpcById.get(f.vpc)?.name ?? f.vpc}`);
  if (f.az) parts.push(`AZ ${f.az}`);
  if (f.subnet) parts.push(`subnet ${index.subnetById.get(f.subnet)?.name ?? f.subnet}`);
  if (f.state) parts.push(`state ${f.state}`);
  if (f.type) parts.push(`type ${f.type}`);
  if (f.tag) parts.push(`tag ${f.tag}`);
  if (f.freeEniSlots) parts.push('free ENI slot');
  if (f.idleEips) parts.push('idle EIPs');
  return parts.length ? `Filtered: ${parts.join(', ')}` : 'Whole region';
}

function eniLines(index: TopologyIndex, eni: Eni): { s: string; color: string; font: string }[] {
  const head = `eth${eni.attachment?.deviceIndex ?? '?'}  ${eni.id}${eni.name ? `  ${eni.name}` : ''}`;
  const lines = [{ s: head, color: colors.eni, font: mono }];
  for (const p of eni.privateIps) {
    const eip = eipAt(index, eni.id, p.address);
    const pub = eip
      ? `  → EIP ${eip.publicIp}${eip.name ? ` (${eip.name})` : ''}`
      : p.association
        ? `  → public ${p.association.publicIp}`
        : '';
    lines.push({
      s: `   ${p.address}${p.primary ? ' (primary)' : ''}${pub}`,
      color: eip ? colors.eip : p.association ? colors.public : colors.fg,
      font: mono,
    });
  }
  return lines;
}

function card(index: TopologyIndex, inst: Instance, x: number, y: number): { svg: string; height: number } {
  const enis = index.enisByInstance.get(inst.id) ?? [];
  const lines = enis.flatMap((e) => eniLines(index, e));
  const height = 44 + lines.length * LINE + 8;
  const dot = inst.state === 'running' ? colors.running : colors.other;
  const parts = [
    `<g data-instance="${escapeXml(inst.id)}">`,
    `<rect x="${x}" y="${y}" width="${CARD_W}" height="${height}" rx="8" fill="${colors.card}" stroke="${colors.line}"/>`,
    `<circle cx="${x + 14}" cy="${y + 18}" r="4" fill="${dot}"/>`,
    text(x + 24, y + 22, inst.name ?? inst.id, `${font} font-size="13" font-weight="600" fill="${colors.fg}"`),
    text(x + 12, y + 38, `${inst.id} · ${inst.type} · ${inst.state}`, `${mono} font-size="10" fill="${colors.muted}"`),
    ...lines.map((l, i) => text(x + 12, y + 56 + i * LINE, l.s, `${l.font} font-size="11" fill="${l.color}"`)),
    '</g>',
  ];
  return { svg: parts.join(''), height };
}

/** The SVG document of the view: every instance the filters show (up to SVG_MAX_INSTANCES), grouped by subnet. */
export function exportSvg(index: TopologyIndex, filters: Filters): string {
  const s = index.snapshot;
  const keep = matchingInstances(index, filters);
  const body: string[] = [];
  let y = PAD + 56;
  let drawn = 0;
  let shown = 0;
  for (const vpc of index.vpcs) {
    for (const { az, subnets } of index.azsByVpc.get(vpc.id) ?? []) {
      for (const subnet of subnets) {
        const instances = (index.instancesBySubnet.get(subnet.id) ?? []).filter((i) => !keep || keep.has(i.id));
        if (!subnetShown(index, filters, subnet.id, instances.length)) continue;
        shown += instances.length;
        if (drawn >= SVG_MAX_INSTANCES) continue;
        const title = `${vpc.name ?? vpc.id} › ${az} › ${subnet.name ?? subnet.id}  ${subnet.cidr}`;
        body.push(text(PAD, y + 14, title, `${font} font-size="14" font-weight="600" fill="${colors.fg}"`));
        body.push(
          text(
            W - PAD,
            y + 14,
            `${plural(instances.length, 'instance')} · ${subnet.availableIpCount} addresses free`,
            `${font} font-size="11" fill="${colors.muted}" text-anchor="end"`,
          ),
        );
        y += 26;
        for (let i = 0; i < instances.length && drawn < SVG_MAX_INSTANCES; i += COLS) {
          const row = instances.slice(i, i + COLS).slice(0, SVG_MAX_INSTANCES - drawn);
          const cards = row.map((inst, c) => card(index, inst, PAD + c * (CARD_W + GAP), y));
          body.push(...cards.map((c) => c.svg));
          drawn += row.length;
          y += Math.max(...cards.map((c) => c.height)) + GAP;
        }
        y += 8;
      }
    }
  }
  if (shown > drawn) {
    const more = `${shown - drawn} more instances not drawn: filter the view to narrow it, or export JSON.`;
    body.push(text(PAD, y + 14, more, `${font} font-size="12" fill="${colors.muted}"`));
    y += 28;
  }
  const height = y + PAD;
  const subtitle = `${filterWords(index, filters)} · ${shown} of ${s.instances.length} instances · read ${s.fetchedAt}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}">`,
    `<rect width="100%" height="100%" fill="${colors.canvas}"/>`,
    text(PAD, PAD + 14, `ENI Console · ${s.region}`, `${font} font-size="18" font-weight="700" fill="${colors.fg}"`),
    text(PAD, PAD + 34, subtitle, `${font} font-size="12" fill="${colors.muted}"`),
    ...body,
    '</svg>',
  ].join('\n');
}

/** The file name of an export: region, time of the snapshot, and whether filters narrowed it. */
export function exportFileName(index: TopologyIndex, filters: Filters, ext: string): string {
  const s = index.snapshot;
  return `eni-console-${s.region}-${s.fetchedAt.replace(/[:.]/g, '-')}${isFiltering(filters) ? '-filtered' : ''}.${ext}`;
}
