// The guest OS configuration is pasted and run as root: an instance's or an ENI's Name tag (any characters, set by
// anyone with CreateTags) stays inside its comment line, whatever line break or bidi control it holds.
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '@/lib/testing/snapshots';
import { guestConfigFor } from './guest-config';
import { renderAmazonLinuxNote, renderGuestConfig } from './guest-config-render';

const PAYLOAD = 'touch /tmp/pwned #';
const hostile = (sep: string) => `x${sep}${PAYLOAD}`;
const snapshot = buildSnapshot({
  vpcs: [{ id: 'vpc-1', cidr: '10.0.0.0/16' }],
  subnets: [
    { id: 'subnet-a', vpc: 'vpc-1', az: 'us-east-1a', cidr: '10.0.1.0/24' },
    { id: 'subnet-b', vpc: 'vpc-1', az: 'us-east-1a', cidr: '10.0.2.0/24' },
  ],
  instances: [
    {
      id: 'i-two',
      type: 'c5.xlarge',
      subnet: 'subnet-a',
      name: hostile('\r\n'),
      enis: [
        { id: 'eni-a0', ips: ['10.0.1.20'], name: hostile('\n') },
        {
          id: 'eni-a1',
          ips: ['10.0.2.20'],
          subnet: 'subnet-b',
          deviceIndex: 1,
          name: hostile('\u0085\u2028\u2029\u202e'),
        },
      ],
    },
    {
      id: 'i-one',
      type: 't3.medium',
      subnet: 'subnet-a',
      name: hostile('\n'),
      enis: [{ id: 'eni-b0', ips: ['10.0.1.5'] }],
    },
  ],
});

describe('hostile Name tags in the guest configuration', () => {
  it.each(['iproute2', 'netplan', 'ifupdown'] as const)('%s: every line naming them is a comment', (format) => {
    for (const id of ['i-two', 'i-one']) {
      const text = renderGuestConfig(guestConfigFor(snapshot, id)!, format);
      const lines = text.split(/\r\n|[\n\r\u0085\u2028\u2029]/);
      const named = lines.filter((l) => l.includes(PAYLOAD));
      expect(named.length, `${id}\n${text}`).toBeGreaterThan(0);
      expect(
        named.filter((l) => !/^\s*#/.test(l)),
        text,
      ).toEqual([]);
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('the Amazon Linux note keeps each name on its line', () => {
    const lines = renderAmazonLinuxNote(guestConfigFor(snapshot, 'i-two')!).split(/\r\n|[\n\r\u0085\u2028\u2029]/);
    expect(lines.filter((l) => l.startsWith(PAYLOAD))).toEqual([]);
  });
});
