import { describe, expect, it } from 'vitest';
import { demoIds as d, demoSnapshot } from '@/lib/testing/snapshots';
import { noFilters } from './filters';
import { buildTopologyIndex } from './topology-index';
import { escapeXml, exportFileName, exportSvg, SVG_MAX_INSTANCES } from './export-svg';
import type { Snapshot } from '@/lib/topology';

const index = buildTopologyIndex(demoSnapshot());
const drawn = (svg: string) => [...svg.matchAll(/data-instance="([^"]+)"/g)].map((m) => m[1]);

describe('exportSvg', () => {
  it('draws every instance of the region, with its ENIs, private IPs and the public IPv4 on each', () => {
    const svg = exportSvg(index, noFilters);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(drawn(svg).sort()).toEqual(index.snapshot.instances.map((i) => i.id).sort());
    expect(svg).toContain('10.0.1.20  → EIP 203.0.113.10 (shop.example.com)');
    expect(svg).toContain('10.0.1.10 (primary)  → public 198.51.100.10');
    expect(svg).toContain(`eth1  ${d.webEth1}  web-1-mgmt`);
    expect(svg).toContain('Whole region');
  });

  it('draws only what the filters show, and says which filters', () => {
    const svg = exportSvg(index, { ...noFilters, state: 'stopped' });
    expect(drawn(svg)).toEqual([d.batch]);
    expect(svg).toContain('Filtered: state stopped · 1 of 5 instances');
    expect(svg).not.toContain('prod-public-b');
    expect(exportFileName(index, { ...noFilters, state: 'stopped' }, 'svg')).toMatch(/-filtered\.svg$/);
  });

  it('escapes names, so a Name tag cannot break the document', () => {
    const snap: Snapshot = demoSnapshot();
    snap.instances[0]!.name = '<script>&"x"';
    const svg = exportSvg(buildTopologyIndex(snap), noFilters);
    expect(svg).toContain('&lt;script&gt;&amp;&quot;x&quot;');
    expect(svg).not.toContain('<script>');
    expect(escapeXml(`a'b`)).toBe('a&apos;b');
  });

  it('stops drawing at the cap and says how many it left out', () => {
    const snap = demoSnapshot();
    const web = snap.instances.find((i) => i.id === d.batch)!;
    snap.instances = Array.from({ length: SVG_MAX_INSTANCES + 7 }, (_, n) => ({ ...web, id: `i-${n}`, name: `n${n}` }));
    const svg = exportSvg(buildTopologyIndex(snap), noFilters);
    expect(drawn(svg)).toHaveLength(SVG_MAX_INSTANCES);
    expect(svg).toContain('7 more instances not drawn');
  });
});
