// loadSnapshot maps prefixes, IPv6, interface types and network cards from the emulator's eks-nodes scenario.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot } from './snapshot';
import { type TestEmulator, startTestEmulator } from '@/lib/testing/gateway-emulator';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator('eks-nodes');
});
afterAll(async () => emu?.close());

describe('loadSnapshot on eks-nodes', () => {
  it('carries delegated prefixes, IPv6 addresses, interface types, card indexes and per-card limits', async () => {
    const s = await loadSnapshot(emu.client);
    /** An ENI by its Name tag, or an instance's eth0 by the instance's name. */
    const byName = (name: string) => {
      const instance = s.instances.find((i) => i.name === name);
      return s.enis.find((e) =>
        instance ? e.attachment?.instanceId === instance.id && e.attachment.deviceIndex === 0 : e.name === name,
      );
    };
    const a1 = byName('eks-node-a1');
    expect(a1?.ipv4Prefixes).toHaveLength(9);
    expect(a1?.ipv4Prefixes?.[0]).toBe('10.20.0.16/28');
    expect(a1?.ipv6Addresses?.[0]).toMatch(/^2600:1f18:4a3:6e00:/);
    expect(byName('eks-node-a2-trunk')?.interfaceType).toBe('trunk');
    expect(byName('pod payments-7d9f')?.interfaceType).toBe('branch');
    const efa = byName('efa-node-a1-card1');
    expect(efa?.interfaceType).toBe('efa');
    expect(efa?.attachment?.networkCardIndex).toBe(1);
    expect(s.instanceTypes['hpc7a.12xlarge']).toEqual({
      type: 'hpc7a.12xlarge',
      maxEnis: 4,
      ipv4PerEni: 50,
      networkCards: 2,
      cards: [
        { index: 0, maxEnis: 2 },
        { index: 1, maxEnis: 2 },
      ],
    });
    // One-card types keep the old shape.
    expect(s.instanceTypes['m5.large']).toEqual({ type: 'm5.large', maxEnis: 3, ipv4PerEni: 10, networkCards: 1 });
    expect(s.subnets.find((x) => x.name === 'nodes-b')?.ipv6Cidr).toBe('2600:1f18:4a3:6e01::/64');
    // ENIs without prefixes or IPv6 carry neither key.
    expect(Object.keys(efa ?? {})).not.toContain('ipv4Prefixes');
  });
});
