// One price of public IPv4 and one way to write it, per hour and per month.
import { describe, expect, it } from 'vitest';
import { formatCost, PUBLIC_IPV4_HOURLY_USD, publicIpv4Price } from './pricing';

describe('public IPv4 cost', () => {
  it('writes an hourly amount, and a month as 730 hours with the sign on both', () => {
    expect(publicIpv4Price).toBe('$0.005/h');
    expect(formatCost(3 * PUBLIC_IPV4_HOURLY_USD)).toBe('$0.015/h');
    expect(formatCost(0.01, { monthly: true })).toBe('$0.010/h (≈ $7.30/month)');
    expect(formatCost(0.005, { monthly: true, sign: '−' })).toBe('−$0.005/h (≈ −$3.65/month)');
  });
});
