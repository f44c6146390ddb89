import { describe, expect, it } from 'vitest';
import { healthMark, statusChecksWords } from './health';
import type { Instance } from './schema';
import { buildSnapshot } from '@/lib/testing/snapshots';

const base: Instance = buildSnapshot({
  vpcs: [{ id: 'vpc-1', cidr: '10.0.0.0/16' }],
  subnets: [{ id: 'subnet-a', vpc: 'vpc-1', az: 'us-east-1a', cidr: '10.0.1.0/24' }],
  instances: [{ id: 'i-1', type: 't3.micro', subnet: 'subnet-a', enis: [{ id: 'eni-1', ips: ['10.0.1.10'] }] }],
}).instances[0]!;

describe('healthMark', () => {
  it('marks nothing on a running instance with passing or unread checks', () => {
    expect(healthMark(base)).toBeNull();
    expect(healthMark({ ...base, health: { system: 'ok', instance: 'ok', impairedSince: null } })).toBeNull();
  });

  it('marks failed status checks as impaired, naming which and since when', () => {
    const m = healthMark({
      ...base,
      health: { system: 'impaired', instance: 'impaired', impairedSince: '2026-01-02T03:04:05.000Z' },
    });
    expect(m).toEqual({
      level: 'danger',
      label: 'Impaired',
      detail:
        'The system and instance status checks have failed since 2026-01-02 03:04:05 UTC: it may not answer on its ENIs.',
    });
    expect(
      healthMark({ ...base, health: { system: 'ok', instance: 'impaired', impairedSince: null } })?.detail,
    ).toMatch(/^The instance status check has failed:/);
  });

  it('marks a stopped instance, whose addresses stay but answer nothing', () => {
    expect(healthMark({ ...base, state: 'stopped' })).toMatchObject({ level: 'warn', label: 'Stopped' });
  });
});

describe('statusChecksWords', () => {
  it('reads the checks, or says why there are none', () => {
    expect(statusChecksWords({ ...base, health: { system: 'ok', instance: 'ok', impairedSince: null } })).toBe(
      'system ok, instance ok',
    );
    expect(
      statusChecksWords(base, 'Status checks not shown: the credentials lack ec2:DescribeInstanceStatus.'),
    ).toMatch(/lack ec2:DescribeInstanceStatus/);
    expect(statusChecksWords({ ...base, state: 'stopped' })).toMatch(/not running/);
  });
});
