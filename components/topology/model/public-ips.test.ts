import { describe, expect, it } from 'vitest';
import { PUBLIC_IPV4_HOURLY_USD } from '@/lib/topology';
import { publicIpsOfInstance, publicIpv4InView } from './public-ips';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { buildTopologyIndex } from './topology-index';

describe('public IPv4 at a glance', () => {
  it("lists an instance's public IPs on every address, Elastic and Amazon-assigned", () => {
    const index = buildTopologyIndex(testSnapshot());
    expect(
      publicIpsOfInstance(index, 'i-0000000000000000a').map((r) => [r.publicIp, r.privateIp, r.allocationId]),
    ).toEqual([
      ['3.3.3.3', '10.0.2.10', null],
      ['54.0.0.1', '10.0.2.11', 'eipalloc-0000000000000000a'],
    ]);
  });
  it('counts every public IPv4 in view, Amazon-assigned ones too, at the one hourly price', () => {
    const index = buildTopologyIndex(testSnapshot());
    const all = publicIpv4InView(index, null);
    expect(all).toMatchObject({ total: 3, elastic: 2, amazon: 1, idle: 1 });
    expect(all.hourlyUsd).toBeCloseTo(3 * PUBLIC_IPV4_HOURLY_USD);
    // Filtered to app-1: only the idle EIP of the pool remains in view.
    expect(publicIpv4InView(index, new Set(['i-0000000000000000c']))).toMatchObject({ total: 1, idle: 1 });
  });
  it('flags an Elastic IP on a stopped instance as idle', () => {
    const snap = testSnapshot();
    snap.instances.find((i) => i.id === 'i-0000000000000000a')!.state = 'stopped';
    expect(publicIpv4InView(buildTopologyIndex(snap), null).idle).toBe(2);
  });
});
