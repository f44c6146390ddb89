import { describe, expect, it } from 'vitest';
import { snapshotSchema } from '@/lib/topology';
import { exportSnapshot } from './export';
import { noFilters } from './filters';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { buildTopologyIndex } from './topology-index';

describe('JSON export', () => {
  const snap = testSnapshot();
  const index = buildTopologyIndex(snap);
  it('is the snapshot itself when nothing filters', () => {
    expect(exportSnapshot(index, noFilters)).toEqual(snap);
  });
  it('under filters, keeps what the view shows, in the snapshot shape', () => {
    const out = exportSnapshot(index, { ...noFilters, type: 'm5.large' });
    expect(snapshotSchema.safeParse(out).success).toBe(true);
    expect(out.instances.map((i) => i.id)).toEqual(['i-0000000000000000a']);
    // web-1's two ENIs (one in the other VPC), and the pool ENI of its subnet.
    expect(out.enis.map((e) => e.id).sort()).toEqual([
      'eni-0000000000000000a',
      'eni-0000000000000000b',
      'eni-0000000000000000e',
    ]);
    expect(out.eips.map((e) => e.allocationId).sort()).toEqual([
      'eipalloc-0000000000000000a',
      'eipalloc-0000000000000000b',
    ]);
    expect(Object.keys(out.instanceTypes)).toEqual(['m5.large']);
    expect(out.vpcs).toHaveLength(2);
  });
});
