import { describe, expect, it } from 'vitest';
import { facetCounts, idleEipCount, matchingInstances, noFilters, type Filters } from './filters';
import { buildRows } from './rows';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { buildTopologyIndex } from './topology-index';

// web-1 (m5.large, us-east-1a, 2 of 3 ENIs, EIP on 10.0.2.11), an unnamed x9.mystery (limits unknown), app-1
// (t3.micro, us-east-1b, 1 of 2 ENIs) — app-1 stopped and tagged Env=staging here.
const snap = testSnapshot();
const app = snap.instances.find((i) => i.id === 'i-0000000000000000c')!;
app.state = 'stopped';
app.tags = { ...app.tags, Env: 'staging' };
const index = buildTopologyIndex(snap);
const ids = (f: Partial<Filters>) => [...(matchingInstances(index, { ...noFilters, ...f }) ?? [])].sort();
const A = 'i-0000000000000000a';
const B = 'i-0000000000000000b';
const C = 'i-0000000000000000c';

describe('filters', () => {
  it('filter nothing until one is set', () => {
    expect(matchingInstances(index, noFilters)).toBeNull();
  });
  it('by VPC, AZ and subnet (the subnet of the primary ENI)', () => {
    expect(ids({ vpc: 'vpc-0a000000000000001' })).toEqual([A, B, C]);
    expect(ids({ vpc: 'vpc-0b000000000000002' })).toEqual([]);
    expect(ids({ az: 'us-east-1b' })).toEqual([C]);
    expect(ids({ subnet: 'subnet-0a2' })).toEqual([A, B]);
  });
  it('by instance state and type', () => {
    expect(ids({ state: 'stopped' })).toEqual([C]);
    expect(ids({ state: 'running' })).toEqual([A, B]);
    expect(ids({ type: 'm5.large' })).toEqual([A]);
  });
  it('by tag key=value, case-insensitively, or by key alone', () => {
    expect(ids({ tag: 'env=STAGING' })).toEqual([C]);
    expect(ids({ tag: 'Env' })).toEqual([C]);
    expect(ids({ tag: 'Env=prod' })).toEqual([]);
    expect(ids({ tag: 'Name=web-1' })).toEqual([A]);
  });
  it('by free ENI slots: only instances whose type is known and not full', () => {
    expect(ids({ freeEniSlots: true })).toEqual([A, C]);
  });
  it('by idle Elastic IPs: EIPs on an instance that is not running', () => {
    expect(ids({ idleEips: true })).toEqual([]);
    const stopped = testSnapshot();
    stopped.instances.find((i) => i.id === A)!.state = 'stopped';
    const ix = buildTopologyIndex(stopped);
    expect(idleEipCount(ix, A)).toBe(1);
    expect([...matchingInstances(ix, { ...noFilters, idleEips: true })!]).toEqual([A]);
  });
  it('combine: every filter must pass', () => {
    expect(ids({ az: 'us-east-1a', freeEniSlots: true })).toEqual([A]);
    expect(ids({ az: 'us-east-1a', state: 'stopped' })).toEqual([]);
  });
  it("count each option under the other filters, not under the facet's own choice", () => {
    const f = { ...noFilters, state: 'running' as const, az: 'us-east-1b' };
    expect(facetCounts(index, f, 'az')).toEqual(new Map([['us-east-1a', 2]]));
    expect(facetCounts(index, f, 'state')).toEqual(new Map([['stopped', 1]]));
  });
});

describe('rows under filters', () => {
  it('show only matching instances, hide groups without one, and count shown of total', () => {
    const rows = buildRows(index, {}, { ...noFilters, state: 'stopped' });
    expect(rows.filter((r) => r.kind === 'instance').map((r) => r.kind === 'instance' && r.instance.id)).toEqual([C]);
    expect(rows.filter((r) => r.kind === 'vpc')).toHaveLength(1);
    const vpc = rows.find((r) => r.kind === 'vpc');
    expect(vpc).toMatchObject({ instanceCount: 1, totalCount: 3 });
    expect(rows.filter((r) => r.kind === 'subnet').map((r) => r.kind === 'subnet' && r.subnet.id)).toEqual([
      'subnet-0a1',
    ]);
  });
  it('a place filter keeps its empty subnets: there is nothing to hide there', () => {
    const rows = buildRows(index, {}, { ...noFilters, vpc: 'vpc-0b000000000000002' });
    expect(rows.map((r) => r.kind)).toEqual(['vpc', 'az', 'subnet', 'empty']);
  });
});

describe('rows in the compact density', () => {
  it('open subnets of up to a thousand instances by default: one line each still reads as a list', async () => {
    const { COLLAPSE_THRESHOLD, COMPACT_COLLAPSE_THRESHOLD, defaultExpanded } = await import('./rows');
    expect(defaultExpanded('subnet:x', 200)).toBe(200 <= COLLAPSE_THRESHOLD);
    expect(defaultExpanded('subnet:x', 200, COMPACT_COLLAPSE_THRESHOLD)).toBe(true);
  });
});
