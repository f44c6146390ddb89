import { describe, expect, it } from 'vitest';
import { EMULATOR_SERVER_HEADER } from '@/lib/emulator/server';
import { EMULATOR_SERVER, endpointHost, endpointMode, formatAge, formatUtc, subnetUsage } from './format';

describe('subnet addressing', () => {
  it('has no usage for what is not an IPv4 CIDR', () => {
    expect(subnetUsage('2600:1f18::/56', 10)).toBeNull();
  });
  it('reports free over usable, clamped to the subnet size', () => {
    expect(subnetUsage('10.0.1.0/24', 200)).toEqual({ usable: 251, free: 200, used: 51, freeRatio: 200 / 251 });
    expect(subnetUsage('10.0.1.0/28', 99)?.free).toBe(11);
    expect(subnetUsage('10.0.1.0/28', 0)?.freeRatio).toBe(0);
  });
});

describe('times', () => {
  const now = Date.parse('2025-03-04T10:20:00Z');
  it('says how old a snapshot is', () => {
    expect(formatAge('2025-03-04T10:19:58Z', now)).toBe('just now');
    expect(formatAge('2025-03-04T10:19:30Z', now)).toBe('30 s ago');
    expect(formatAge('2025-03-04T10:15:00Z', now)).toBe('5 min ago');
    expect(formatAge('2025-03-04T07:00:00Z', now)).toBe('3 h ago');
  });
  it('prints UTC timestamps to the second', () => {
    expect(formatUtc('2025-03-04T10:15:30.000Z')).toBe('2025-03-04 10:15:30 UTC');
    expect(formatUtc(null)).toBe('—');
  });
});

describe('endpointMode', () => {
  it('calls it the emulator only when the endpoint says so in its Server header', () => {
    expect(endpointMode('http://127.0.0.1:4610', EMULATOR_SERVER)).toBe('emulator');
    expect(endpointMode('http://127.0.0.1:40827', null)).toBe('custom');
    expect(endpointMode('http://localhost:4610/')).toBe('custom');
  });

  it('tells AWS from other EC2-compatible endpoints', () => {
    expect(endpointMode(null)).toBe('aws');
    expect(endpointMode(null, 'AmazonEC2')).toBe('aws');
    expect(endpointMode('https://ec2.eu-west-1.amazonaws.com')).toBe('aws');
    expect(endpointMode('https://ec2.example.internal')).toBe('custom');
    expect(endpointHost('http://127.0.0.1:40827')).toBe('127.0.0.1:40827');
  });

  it('uses the very header the emulator sends', () => {
    expect(EMULATOR_SERVER).toBe(EMULATOR_SERVER_HEADER);
  });
});
