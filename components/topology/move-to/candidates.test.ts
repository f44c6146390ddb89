import { describe, expect, it } from 'vitest';
import { demoIds as d, demoSnapshot } from '@/lib/testing/snapshots';
import { buildTopologyIndex } from '../model/topology-index';
import { findCandidates, rankWords, sourceOfSelection } from './candidates';

const index = buildTopologyIndex(demoSnapshot());
const source = (sel: Parameters<typeof sourceOfSelection>[1]) => {
  const r = sourceOfSelection(index, sel);
  if (!r.ok) throw new Error(r.why);
  return r.source;
};

describe('Move to… candidates', () => {
  it('finds an instance for an ENI by name, id or one of its IPs, the exact match first', () => {
    const eni = source({ kind: 'eni', id: d.webEth1 });
    expect(findCandidates(index, eni, 'api-b', 10).candidates[0]?.move).toEqual({
      kind: 'move-eni',
      eni: d.webEth1,
      toInstance: d.api,
    });
    expect(findCandidates(index, eni, d.batch, 10).candidates.map((c) => c.label)).toEqual(['batch']);
    expect(findCandidates(index, eni, '10.0.3.10', 10).candidates[0]?.label).toBe('api-b');
  });

  it('never offers where the item already is', () => {
    const eni = source({ kind: 'eni', id: d.webEth1 });
    expect(findCandidates(index, eni, 'web-1', 10).candidates).toEqual([]);
    const ip = source({ kind: 'ip', eniId: d.webEth0, address: '10.0.1.20' });
    expect(findCandidates(index, ip, '', 50).candidates.map((c) => c.target)).not.toContainEqual({
      kind: 'eni',
      eniId: d.webEth0,
    });
  });

  it("offers an IP the ENIs, its own subnet's first when nothing is typed", () => {
    const ip = source({ kind: 'ip', eniId: d.webEth0, address: '10.0.1.20' });
    const { candidates } = findCandidates(index, ip, '', 50);
    const subnets = candidates.map((c) => c.subnetId);
    expect(subnets[0]).toBe(d.subnetA);
    expect(subnets.lastIndexOf(d.subnetA)).toBeLessThan(subnets.indexOf(d.subnetB));
    expect(candidates.every((c) => c.move.kind === 'move-ip')).toBe(true);
  });

  it('offers an Elastic IP private IPs and the pool, and needs every typed word to match', () => {
    const eip = source({ kind: 'eip', id: d.eipWeb1 });
    expect(findCandidates(index, eip, 'pool', 10).candidates[0]?.move).toEqual({
      kind: 'disassociate-eip',
      allocationId: d.eipWeb1,
    });
    const both = findCandidates(index, eip, 'floating-a 10.0.1.50', 10).candidates;
    expect(both.map((c) => c.move)).toEqual([
      { kind: 'move-eip', allocationId: d.eipWeb1, toEni: d.poolA, toIp: '10.0.1.50' },
    ]);
  });

  it('caps the list but counts every match', () => {
    const eip = source({ kind: 'eip', id: d.eipIdle });
    const { candidates, total } = findCandidates(index, eip, '10.', 3);
    expect(candidates).toHaveLength(3);
    expect(total).toBeGreaterThan(3);
  });

  it('says why a primary IP, eth0, a service ENI or an instance cannot be moved', () => {
    const why = (sel: Parameters<typeof sourceOfSelection>[1]) => {
      const r = sourceOfSelection(index, sel);
      return r.ok ? null : r.why;
    };
    expect(why({ kind: 'ip', eniId: d.webEth0, address: '10.0.1.10' })).toMatch(/primary IP/);
    expect(why({ kind: 'eni', id: d.webEth0 })).toMatch(/primary ENI/);
    expect(why({ kind: 'eni', id: d.natEni })).toMatch(/AWS service/);
    expect(why({ kind: 'instance', id: d.web })).toMatch(/Select one/);
  });

  it('ranks exact over prefix over substring, and rejects a word that matches nothing', () => {
    expect(rankWords(['10.0.1.2'], ['10.0.1.2'])).toBe(0);
    expect(rankWords(['10.0.1.20'], ['10.0.1.2'])).toBe(1);
    expect(rankWords(['web-1'], ['eb'])).toBe(2);
    expect(rankWords(['web-1'], ['web', 'db'])).toBe(-1);
  });
});
