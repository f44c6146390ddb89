import { describe, expect, it } from 'vitest';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { mergeVerified, optimisticTopology } from './moves';
import type { TopologyData } from './topology';

const data = (): TopologyData => ({
  ...testSnapshot(),
  settings: { allowCrossVpcAttach: false, allowReassociation: true },
});

describe('optimisticTopology', () => {
  it('shows the moved IP and its EIP on the new ENI and keeps the settings', () => {
    const next = optimisticTopology(data(), [{ kind: 'move-ip', ip: '10.0.2.11', toEni: 'eni-0000000000000000c' }])!;
    expect(next.settings.allowCrossVpcAttach).toBe(false);
    const target = next.enis.find((e) => e.id === 'eni-0000000000000000c')!;
    expect(target.privateIps.map((p) => p.address)).toContain('10.0.2.11');
    expect(next.eips.find((e) => e.allocationId === 'eipalloc-0000000000000000a')!.eniId).toBe('eni-0000000000000000c');
  });
  it('returns null when the cache lacks what a move names, rather than throwing', () => {
    expect(optimisticTopology(data(), [{ kind: 'detach-eni', eni: 'eni-00000000000000099' }])).toBeNull();
  });
});

describe('mergeVerified', () => {
  it('replaces the involved records with what EC2 reported, leaving the rest shared', () => {
    const before = data();
    const eni = {
      ...before.enis[0]!,
      attachment: { ...before.enis[0]!.attachment!, id: 'eni-attach-0123456789abcdef0' },
    };
    const merged = mergeVerified(before, { enis: [eni], instances: [], eips: [] });
    expect(merged.enis[0]!.attachment!.id).toBe('eni-attach-0123456789abcdef0');
    expect(merged.enis[1]).toBe(before.enis[1]);
    expect(merged.instances).toBe(before.instances);
    expect(merged.settings).toBe(before.settings);
  });
});
