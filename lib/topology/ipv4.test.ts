// IPv4 and CIDR arithmetic, and the five addresses AWS reserves in every subnet (ec2-rules §2.5).
import { describe, expect, it } from 'vitest';
import { cidrContains, compareIp, intToIp, ipToInt, isReservedInSubnet, usableAddresses } from './ipv4';

describe('ipv4', () => {
  it('parses addresses and CIDRs and knows the five reserved addresses', () => {
    expect(ipToInt('10.0.1.20')).toBe(0x0a000114);
    expect(intToIp(0x0a000114)).toBe('10.0.1.20');
    expect(ipToInt('10.0.1.256')).toBeNull();
    expect(cidrContains('10.0.1.0/24', '10.0.1.255')).toBe(true);
    expect(cidrContains('10.0.1.0/24', '10.0.2.0')).toBe(false);
    expect(
      ['10.0.1.0', '10.0.1.1', '10.0.1.2', '10.0.1.3', '10.0.1.255'].every((ip) =>
        isReservedInSubnet('10.0.1.0/24', ip),
      ),
    ).toBe(true);
    expect(isReservedInSubnet('10.0.1.0/24', '10.0.1.4')).toBe(false);
    expect(usableAddresses('10.0.1.0/24')).toBe(251);
    expect(usableAddresses('10.0.1.0/28')).toBe(11);
    expect(usableAddresses('10.0.0.0/16')).toBe(65531);
    expect(usableAddresses('10.0.0.0/33')).toBeNull();
    expect(usableAddresses('2600:1f18::/56')).toBeNull();
  });

  it('orders addresses and CIDRs numerically, not as text', () => {
    expect(['10.0.10.0/24', '10.0.2.0/28', '10.0.2.0/24', 'x', '9.1.1.1'].sort(compareIp)).toEqual([
      '9.1.1.1',
      '10.0.2.0/24',
      '10.0.2.0/28',
      '10.0.10.0/24',
      'x',
    ]);
  });
});
