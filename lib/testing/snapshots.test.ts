// The fixtures themselves: demoSnapshot is a valid, consistent account; buildSnapshot refuses inconsistent specs.
import { describe, expect, it } from 'vitest';
import { snapshotSchema } from '@/lib/topology';
import { buildSnapshot, demoIds as d, demoSnapshot } from './snapshots';

describe('test fixtures', () => {
  it('demoSnapshot is a valid snapshot with consistent free-address counts', () => {
    const s = demoSnapshot();
    expect(snapshotSchema.parse(s)).toEqual(s);
    // 10.0.1.0/24: 251 usable; web eth0 4, full 4, batch 1, poolA 2, NAT 1 = 12 held.
    expect(s.subnets.find((x) => x.id === d.subnetA)!.availableIpCount).toBe(239);
    expect(s.instances.find((i) => i.id === d.web)).toMatchObject({
      privateIp: '10.0.1.10',
      publicIp: '198.51.100.10',
    });
  });

  it('buildSnapshot refuses an EIP mapped to an address its ENI does not hold', () => {
    expect(() =>
      buildSnapshot({
        vpcs: [{ id: 'vpc-1', cidr: '10.0.0.0/16', igw: true }],
        subnets: [{ id: 'subnet-1', vpc: 'vpc-1', az: 'us-east-1a', cidr: '10.0.1.0/24' }],
        poolEnis: [{ id: 'eni-00000001', subnet: 'subnet-1', ips: ['10.0.1.10'] }],
        eips: [{ allocationId: 'eipalloc-00000001', publicIp: '203.0.113.1', eni: 'eni-00000001', ip: '10.0.1.99' }],
      }),
    ).toThrow(/does not hold it/);
  });
});
