// Search finds an ENI by a delegated /28 prefix or an IPv6 address (shown read-only on it, ec2-rules §2.7).
import { describe, expect, it } from 'vitest';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { buildSearchIndex, search } from './search';
import { buildTopologyIndex } from './topology-index';

const base = testSnapshot();
const eniId = base.enis[0]!.id;
const entries = buildSearchIndex(
  buildTopologyIndex({
    ...base,
    enis: base.enis.map((e) =>
      e.id === eniId ? { ...e, ipv4Prefixes: ['10.0.2.160/28'], ipv6Addresses: ['2600:1f18:4a3:6e00::7'] } : e,
    ),
  }),
);

describe('search over prefixes and IPv6', () => {
  it('finds the ENI a prefix is delegated to, and says a prefix matched', () => {
    const hit = search(entries, '10.0.2.160/28').hits[0];
    expect(hit).toMatchObject({ kind: 'eni', selection: { kind: 'eni', id: eniId } });
    expect(hit?.matched).toContain('IPv4 prefix 10.0.2.160/28');
  });

  it('finds the ENI an IPv6 address is on', () => {
    const hit = search(entries, '2600:1f18:4a3:6e00::7').hits[0];
    expect(hit).toMatchObject({ kind: 'eni', selection: { kind: 'eni', id: eniId } });
    expect(hit?.matched).toContain('IPv6');
  });
});
