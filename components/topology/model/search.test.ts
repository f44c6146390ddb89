import { describe, expect, it } from 'vitest';
import { buildSearchIndex, search } from './search';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { buildTopologyIndex } from './topology-index';

const entries = buildSearchIndex(buildTopologyIndex(testSnapshot()));

describe('search', () => {
  it('finds a private IP exactly, before IPs that merely start with it', () => {
    const { hits } = search(entries, '10.0.2.1');
    expect(hits[0]).toMatchObject({ kind: 'ip', title: '10.0.2.10' });
    expect(hits.map((h) => h.title)).toEqual(expect.arrayContaining(['10.0.2.11', '10.0.2.12']));
  });
  it('finds a public IP: the Elastic IP first, then the private IP it maps to', () => {
    const { hits } = search(entries, '54.0.0.1');
    expect(hits.slice(0, 2).map((h) => h.kind)).toEqual(['eip', 'ip']);
    expect(hits[1]?.selection).toEqual({ kind: 'ip', eniId: 'eni-0000000000000000a', address: '10.0.2.11' });
  });
  it('finds by Name tag, case-insensitively', () => {
    expect(search(entries, 'WEB-1').hits[0]).toMatchObject({ kind: 'instance', selection: { id: 'i-0000000000000000a' } });
  });
  it('finds an id typed without its prefix', () => {
    expect(search(entries, '0000000000000000e').hits.map((h) => h.selection)).toContainEqual({ kind: 'eni', id: 'eni-0000000000000000e' });
  });
  it('returns nothing for a blank query and caps the list', () => {
    expect(search(entries, '   ').hits).toEqual([]);
    const all = search(entries, '0', 2);
    expect(all.hits).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
  });
});
