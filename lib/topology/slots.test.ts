import { describe, expect, it } from 'vitest';
import { eniSlots, ipSlots } from './slots';
import { demoIds as d, demoSnapshot, patchSnapshot } from '@/lib/testing/snapshots';

const s = demoSnapshot();

describe('eniSlots', () => {
  it('shows one slot per ENI the type allows, the primary locked at index 0 and free slots empty', () => {
    expect(eniSlots(s, d.web).map((x) => [x.deviceIndex, x.eni?.id ?? null, x.locked])).toEqual([
      [0, d.webEth0, true],
      [1, d.webEth1, false],
      [2, null, false],
    ]);
  });

  it('shows a full instance with no free slot', () => {
    expect(eniSlots(s, d.full).map((x) => x.eni?.id ?? null)).toEqual([d.fullEth0, d.fullEth1]);
  });

  it('keeps an ENI at a high device index in one of the slots', () => {
    const high = patchSnapshot(s, {
      enis: { [d.webEth1]: { attachment: { ...s.enis[1]!.attachment!, deviceIndex: 7 } } },
    });
    expect(eniSlots(high, d.web).map((x) => [x.deviceIndex, x.eni?.id ?? null])).toEqual([
      [0, d.webEth0],
      [1, null],
      [7, d.webEth1],
    ]);
  });

  it('shows only occupied slots when the type limits are unknown, and nothing for an unknown instance', () => {
    const unknown = patchSnapshot(s, { instances: { [d.web]: { type: 'x9.huge' } } });
    expect(eniSlots(unknown, d.web)).toHaveLength(2);
    expect(eniSlots(s, 'i-0000dead')).toEqual([]);
  });
});

describe('ipSlots', () => {
  it('shows the IPs (primary first) with their EIPs, then free slots up to the type limit', () => {
    const slots = ipSlots(s, d.webEth0);
    expect(slots).toHaveLength(10);
    expect(slots.slice(0, 4).map((x) => [x.ip, x.primary, x.eip?.publicIp ?? null, x.amazonPublicIp])).toEqual([
      ['10.0.1.10', true, null, '198.51.100.10'],
      ['10.0.1.20', false, '203.0.113.10', null],
      ['10.0.1.21', false, '203.0.113.11', null],
      ['10.0.1.22', false, null, null],
    ]);
    expect(slots.slice(4).every((x) => x.ip === null)).toBe(true);
  });

  it('shows an unattached ENI with its IPs and one free slot', () => {
    expect(ipSlots(s, d.poolA).map((x) => x.ip)).toEqual(['10.0.1.50', '10.0.1.51', null]);
  });

  it('shows no free slot on a full ENI', () => {
    expect(ipSlots(s, d.fullEth0).map((x) => x.ip)).toEqual(['10.0.1.30', '10.0.1.31']);
  });
});
