// The snapshot's lookups: memoized per snapshot, ENIs in device order, IP holders, pools and idle Elastic IPs.
import { describe, expect, it } from 'vitest';
import { buildSnapshot, demoIds as d, demoSnapshot } from '@/lib/testing/snapshots';
import { holderOf, indexSnapshot } from './snapshot-index';

describe('indexSnapshot', () => {
  it('is memoized per snapshot object', () => {
    const s = demoSnapshot();
    expect(indexSnapshot(s)).toBe(indexSnapshot(s));
    expect(indexSnapshot(demoSnapshot())).not.toBe(indexSnapshot(s));
  });

  it('indexes ENIs by instance in device order, IP holders, pools and idle EIPs', () => {
    const ix = indexSnapshot(demoSnapshot());
    expect(ix.enisByInstance.get(d.full)!.map((e) => e.id)).toEqual([d.fullEth0, d.fullEth1]);
    expect(ix.enisByPrivateIp.get('10.0.1.21')!.map((e) => e.id)).toEqual([d.webEth0]);
    expect(ix.poolEnisBySubnet.get(d.subnetA)!.map((e) => e.id)).toEqual([d.poolA, d.natEni]);
    expect(ix.idleEips.map((e) => e.allocationId)).toEqual([d.eipIdle]);
    expect(ix.eipByEniIp.get(`${d.webEth0}|10.0.1.20`)?.allocationId).toBe(d.eipWeb1);
    expect(ix.limitsByType.get('t3.medium')).toMatchObject({ maxEnis: 3, ipv4PerEni: 6 });
  });

  it('resolves an address held in two VPCs with overlapping CIDRs to the one in the preferred VPC', () => {
    const s = buildSnapshot({
      vpcs: [
        { id: 'vpc-1', cidr: '10.0.0.0/16' },
        { id: 'vpc-2', cidr: '10.0.0.0/16' },
      ],
      subnets: [
        { id: 'subnet-1', vpc: 'vpc-1', az: 'us-east-1a', cidr: '10.0.1.0/24' },
        { id: 'subnet-2', vpc: 'vpc-2', az: 'us-east-1a', cidr: '10.0.1.0/24' },
      ],
      poolEnis: [
        { id: 'eni-00000001', subnet: 'subnet-1', ips: ['10.0.1.10', '10.0.1.20'] },
        { id: 'eni-00000002', subnet: 'subnet-2', ips: ['10.0.1.10', '10.0.1.20'] },
      ],
    });
    expect(holderOf(indexSnapshot(s), '10.0.1.20', 'vpc-2')?.id).toBe('eni-00000002');
    expect(holderOf(indexSnapshot(s), '10.0.1.20', 'vpc-1')?.id).toBe('eni-00000001');
  });
});
