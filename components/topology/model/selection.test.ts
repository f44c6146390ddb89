import { describe, expect, it } from 'vitest';
import { followSelection } from './selection';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { buildTopologyIndex } from './topology-index';

describe('followSelection', () => {
  const before = testSnapshot();
  const sel = { kind: 'ip' as const, eniId: 'eni-0000000000000000a', address: '10.0.2.12' };

  it('keeps a private IP selected where it still is', () => {
    expect(followSelection(buildTopologyIndex(before), sel)).toEqual(sel);
  });
  it('follows a private IP moved to another ENI of the VPC', () => {
    const after = testSnapshot();
    const from = after.enis.find((e) => e.id === 'eni-0000000000000000a')!;
    const to = after.enis.find((e) => e.id === 'eni-0000000000000000e')!;
    const moved = from.privateIps.find((p) => p.address === '10.0.2.12')!;
    from.privateIps = from.privateIps.filter((p) => p !== moved);
    to.privateIps.push(moved);
    expect(followSelection(buildTopologyIndex(after), sel)).toEqual({ ...sel, eniId: 'eni-0000000000000000e' });
  });
  it('leaves an unassigned address as it was: the panel says it is gone', () => {
    const after = testSnapshot();
    const from = after.enis.find((e) => e.id === 'eni-0000000000000000a')!;
    from.privateIps = from.privateIps.filter((p) => p.address !== '10.0.2.12');
    expect(followSelection(buildTopologyIndex(after), sel)).toEqual(sel);
  });
});
