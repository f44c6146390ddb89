import { describe, expect, it } from 'vitest';
import {
  azKey,
  breadcrumbAt,
  buildRows,
  expandAllSubnets,
  COLLAPSE_THRESHOLD,
  defaultExpanded,
  expandPath,
  rowIndexFor,
  subnetKey,
  vpcKey,
} from './rows';
import { locate } from './selection';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { buildTopologyIndex } from './topology-index';

const index = buildTopologyIndex(testSnapshot());

describe('buildRows', () => {
  it('walks VPC → AZ → subnet → instance', () => {
    const rows = buildRows(index, {});
    expect(rows.slice(0, 6).map((r) => r.key)).toEqual([
      vpcKey('vpc-0b000000000000002'),
      azKey('vpc-0b000000000000002', 'us-east-1a'),
      subnetKey('subnet-0b1'),
      'subnet:subnet-0b1:empty',
      vpcKey('vpc-0a000000000000001'),
      azKey('vpc-0a000000000000001', 'us-east-1a'),
    ]);
    expect(rows.filter((r) => r.kind === 'instance')).toHaveLength(3);
  });
  it('names the second legs an otherwise empty subnet holds', () => {
    const rows = buildRows(index, {});
    expect(rows.find((r) => r.key === 'subnet:subnet-0b1:empty')).toMatchObject({
      message: 'No instances homed here. Holds ENIs of instances in other subnets: web-1 eth2.',
    });
  });
  it('hides the children of a collapsed group', () => {
    const rows = buildRows(index, { [vpcKey('vpc-0a000000000000001')]: false });
    expect(rows.some((r) => r.kind === 'instance')).toBe(false);
    expect(rows.find((r) => r.key === vpcKey('vpc-0a000000000000001'))).toMatchObject({
      expanded: false,
      instanceCount: 3,
      subnetCount: 3,
    });
  });
  it('collapses subnets by default only beyond the threshold', () => {
    expect(defaultExpanded('subnet:x', COLLAPSE_THRESHOLD)).toBe(true);
    expect(defaultExpanded('subnet:x', COLLAPSE_THRESHOLD + 1)).toBe(false);
    expect(defaultExpanded('vpc:x', 10_000)).toBe(true);
  });
});

describe('revealing a search result', () => {
  it('opens the path to an IP on an instance and finds its card', () => {
    const closed = { [vpcKey('vpc-0a000000000000001')]: false, [subnetKey('subnet-0a2')]: false };
    const loc = locate(index, { kind: 'ip', eniId: 'eni-0000000000000000a', address: '10.0.2.11' });
    expect(loc).toMatchObject({ instanceId: 'i-0000000000000000a', subnetId: 'subnet-0a2', pool: null });
    const rows = buildRows(index, expandPath(closed, loc));
    const i = rowIndexFor(rows, loc);
    expect(rows[i]?.key).toBe('instance:i-0000000000000000a');
  });
  it('places a cross-VPC secondary ENI on the card of its instance', () => {
    expect(locate(index, { kind: 'eni', id: 'eni-0000000000000000b' }).instanceId).toBe('i-0000000000000000a');
  });
  it('sends pool resources to their pool', () => {
    expect(locate(index, { kind: 'eni', id: 'eni-0000000000000000e' }).pool).toBe('enis');
    expect(locate(index, { kind: 'eip', id: 'eipalloc-0000000000000000b' }).pool).toBe('eips');
    expect(locate(index, { kind: 'eip', id: 'eipalloc-0000000000000000a' }).instanceId).toBe('i-0000000000000000a');
  });
});

describe('breadcrumbAt', () => {
  it('names the VPC, AZ and subnet around an instance row', () => {
    const rows = buildRows(index, {});
    const i = rows.findIndex((r) => r.key === 'instance:i-0000000000000000c');
    const crumb = breadcrumbAt(rows, i);
    expect([crumb.vpc?.name, crumb.az, crumb.subnet?.name]).toEqual(['prod', 'us-east-1b', 'public-b']);
  });
  it('does not carry a subnet across an AZ boundary', () => {
    const rows = buildRows(index, {});
    const i = rows.findIndex((r) => r.key === azKey('vpc-0a000000000000001', 'us-east-1b'));
    expect(breadcrumbAt(rows, i)).toMatchObject({ az: 'us-east-1b', subnet: null });
  });
});

describe('expandAllSubnets', () => {
  it('opens or closes every subnet at once', () => {
    const open = buildRows(index, expandAllSubnets(index, true));
    expect(open.filter((r) => r.kind === 'instance')).toHaveLength(3);
    const closed = buildRows(index, expandAllSubnets(index, false));
    expect(closed.filter((r) => r.kind === 'instance')).toHaveLength(0);
    expect(closed.filter((r) => r.kind === 'subnet')).toHaveLength(4);
  });
});
