import { describe, expect, it } from 'vitest';
import { buildSearchIndex, search } from './search';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { buildTopologyIndex } from './topology-index';

const entries = buildSearchIndex(buildTopologyIndex(testSnapshot()));

describe('search', () => {
  it('finds a private IP exactly, before IPs that merely start with it', () => {
    const { hits } = search(entries, '10.0.2.1');
    expect(hits[0]).toMatchObject({ kind: 'ip', title: '10.0.2.10' });
    expect(hits.map((h) => h.title)).toEqual(expect.arrayContaining(['10.0.2.11', '10.0.2.12']));
  });
  it('finds a public IP: the Elastic IP first, then the private IP it maps to', () => {
    const { hits } = search(entries, '54.0.0.1');
    expect(hits.slice(0, 2).map((h) => h.kind)).toEqual(['eip', 'ip']);
    expect(hits[1]?.selection).toEqual({ kind: 'ip', eniId: 'eni-0000000000000000a', address: '10.0.2.11' });
  });
  it('finds by Name tag, case-insensitively', () => {
    expect(search(entries, 'WEB-1').hits[0]).toMatchObject({
      kind: 'instance',
      selection: { id: 'i-0000000000000000a' },
    });
  });
  it('finds an id typed without its prefix', () => {
    expect(search(entries, '0000000000000000e').hits.map((h) => h.selection)).toContainEqual({
      kind: 'eni',
      id: 'eni-0000000000000000e',
    });
  });
  it('returns nothing for a blank query and caps the list', () => {
    expect(search(entries, '   ').hits).toEqual([]);
    const all = search(entries, '0', 2);
    expect(all.hits).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
  });
});

describe('search fields', () => {
  const snap = testSnapshot();
  const eniA = snap.enis.find((e) => e.id === 'eni-0000000000000000a')!;
  eniA.macAddress = '0e:73:9d:a4:ee:ed';
  eniA.privateDnsName = 'ip-10-0-2-10.ec2.internal';
  eniA.privateIps[1]!.dnsName = 'ip-10-0-2-11.ec2.internal';
  eniA.tags = { ...eniA.tags, Team: 'payments' };
  const app = snap.instances.find((i) => i.id === 'i-0000000000000000c')!;
  app.state = 'stopped';
  app.tags = { ...app.tags, Env: 'staging' };
  snap.eips[1]!.tags = { Owner: 'alice' };
  const ix = buildSearchIndex(buildTopologyIndex(snap));
  const first = (q: string) => search(ix, q).hits[0];
  const selections = (q: string) => search(ix, q).hits.map((h) => h.selection);

  it('finds an ENI by MAC, with colons, dashes, Cisco dots or none, and says the MAC matched', () => {
    for (const q of ['0e:73:9d:a4:ee:ed', '0E-73-9D-A4-EE-ED', '0e73.9da4.eeed', '0e739da4eeed', '0e:73:9d']) {
      expect(first(q)).toMatchObject({
        kind: 'eni',
        selection: { id: 'eni-0000000000000000a' },
        matched: 'MAC 0e:73:9d:a4:ee:ed',
      });
    }
  });
  it('does not take a dotted IP for a MAC', () => {
    expect(selections('10.0.2.1')).not.toContainEqual({ kind: 'eni', id: 'eni-0000000000000000a' });
  });
  it('finds by private DNS name, of the ENI and of a secondary IP', () => {
    expect(first('ip-10-0-2-10')).toMatchObject({ kind: 'eni', selection: { id: 'eni-0000000000000000a' } });
    expect(first('ip-10-0-2-11.ec2.internal')).toMatchObject({ kind: 'ip', selection: { address: '10.0.2.11' } });
  });
  it('finds by any tag value and by key=value', () => {
    expect(first('payments')).toMatchObject({
      selection: { id: 'eni-0000000000000000a' },
      matched: 'tag Team payments',
    });
    expect(first('env=staging')).toMatchObject({ selection: { id: 'i-0000000000000000c' } });
    expect(first('alice')).toMatchObject({ kind: 'eip', selection: { id: 'eipalloc-0000000000000000b' } });
  });
  it('finds by security group id or name: the ENIs and instances in it', () => {
    expect(selections('sg-0000000000000000a')).toEqual(
      expect.arrayContaining([
        { kind: 'eni', id: 'eni-0000000000000000d' },
        { kind: 'instance', id: 'i-0000000000000000a' },
      ]),
    );
    expect(search(ix, 'web').hits.some((h) => h.matched === 'security group web')).toBe(true);
  });
  it('finds instances by type and by state', () => {
    expect(selections('t3.micro')).toEqual([{ kind: 'instance', id: 'i-0000000000000000c' }]);
    expect(search(ix, 'stopped').hits.map((h) => h.title)).toEqual(['app-1']);
  });
  it('finds an instance by id and a public IP by address', () => {
    expect(first('i-0000000000000000b')).toMatchObject({ kind: 'instance', title: 'i-0000000000000000b' });
    expect(first('3.3.3.3')).toMatchObject({ kind: 'ip', selection: { address: '10.0.2.10' } });
  });
  it('says where a service-owned ENI is instead of calling it unattached', () => {
    const nat = search(ix, 'eni-0000000000000000f').hits[0]!;
    expect(nat.context).not.toMatch(/unattached/);
    expect(nat.context).toMatch(/owned by NAT gateway/);
  });
  it('finds nothing for an unknown value', () => {
    expect(search(ix, 'no-such-thing-anywhere')).toEqual({ hits: [], total: 0 });
  });
});
