import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorMatchesRules, predictedErrorCodes, ruleEc2Errors } from './ec2-errors';
import { indexSnapshot, holderOf } from './snapshot-index';
import { cidrContains, intToIp, ipToInt, isReservedInSubnet, usableCount } from './ipv4';
import { ruleIds } from './move';
import { snapshotSchema } from './schema';
import { buildSnapshot, demoIds as d, demoSnapshot } from '@/lib/testing/snapshots';

const dir = import.meta.dirname;

describe('lib/topology stays pure', () => {
  it('imports nothing outside lib/topology except zod (test files aside)', () => {
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(10);
    const offenders = sources.flatMap((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      return specifiers.filter((spec) => spec !== 'zod' && !/^\.\/[a-z0-9-]+$/.test(spec)).map((spec) => `${file}: ${spec}`);
    });
    expect(offenders).toEqual([]);
  });

  it('uses kebab-case file names with a header comment', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      expect(file).toMatch(/^[a-z0-9-]+(\.test)?\.ts$/);
      if (!file.endsWith('.test.ts')) expect(readFileSync(join(dir, file), 'utf8').startsWith('// ')).toBe(true);
    }
  });
});

describe('ec2-errors', () => {
  it('predicts an error code for every rule EC2 itself enforces', () => {
    expect(Object.keys(ruleEc2Errors).sort()).toEqual([...ruleIds].sort());
    const consoleOnly = ruleIds.filter((r) => predictedErrorCodes(r).length === 0);
    expect(consoleOnly.sort()).toEqual(['cross-vpc-allowed', 'instance-type-known']);
  });

  it('maps the documented cases to their EC2 codes', () => {
    expect(predictedErrorCodes('same-az')).toEqual(['InvalidParameterCombination']);
    expect(predictedErrorCodes('eni-slot-free')).toEqual(['AttachmentLimitExceeded']);
    expect(predictedErrorCodes('eni-not-primary')).toEqual(['OperationNotPermitted']);
    expect(predictedErrorCodes('ip-slot-free')).toEqual(['PrivateIpAddressLimitExceeded']);
    expect(predictedErrorCodes('internet-gateway')).toEqual(['Gateway.NotAttached']);
    expect(predictedErrorCodes('instance-state')).toEqual(['IncorrectInstanceState']);
    expect(errorMatchesRules('InvalidParameterValue', ['device-index-free'])).toBe(true);
    // Detaching an attachment that is still attaching/detaching (found by lib/agreement; undocumented code).
    expect(errorMatchesRules('IncorrectState', ['eni-settled'])).toBe(true);
    expect(errorMatchesRules('IncorrectState', ['eni-not-primary'])).toBe(false);
    expect(errorMatchesRules('AttachmentLimitExceeded', ['same-az', 'same-subnet'])).toBe(false);
  });
});

describe('ipv4', () => {
  it('parses addresses and CIDRs and knows the five reserved addresses', () => {
    expect(ipToInt('10.0.1.20')).toBe(0x0a000114);
    expect(intToIp(0x0a000114)).toBe('10.0.1.20');
    expect(ipToInt('10.0.1.256')).toBeNull();
    expect(cidrContains('10.0.1.0/24', '10.0.1.255')).toBe(true);
    expect(cidrContains('10.0.1.0/24', '10.0.2.0')).toBe(false);
    expect(['10.0.1.0', '10.0.1.1', '10.0.1.2', '10.0.1.3', '10.0.1.255'].every((ip) => isReservedInSubnet('10.0.1.0/24', ip))).toBe(true);
    expect(isReservedInSubnet('10.0.1.0/24', '10.0.1.4')).toBe(false);
    expect(usableCount('10.0.1.0/24')).toBe(251);
    expect(usableCount('10.0.1.0/28')).toBe(11);
  });
});

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
      vpcs: [{ id: 'vpc-1', cidr: '10.0.0.0/16' }, { id: 'vpc-2', cidr: '10.0.0.0/16' }],
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

describe('test fixtures', () => {
  it('demoSnapshot is a valid snapshot with consistent free-address counts', () => {
    const s = demoSnapshot();
    expect(snapshotSchema.parse(s)).toEqual(s);
    // 10.0.1.0/24: 251 usable; web eth0 4, full 4, batch 1, poolA 2, NAT 1 = 12 held.
    expect(s.subnets.find((x) => x.id === d.subnetA)!.availableIpCount).toBe(239);
    expect(s.instances.find((i) => i.id === d.web)).toMatchObject({ privateIp: '10.0.1.10', publicIp: '198.51.100.10' });
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
