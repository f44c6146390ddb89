import { describe, expect, it } from 'vitest';
import { indexSnapshot } from './snapshot-index';
import { eniLabel, instanceName, listWords } from './labels';
import { demoIds as d, demoSnapshot } from '@/lib/testing/snapshots';

describe('labels', () => {
  const s = demoSnapshot();
  const ix = indexSnapshot(s);
  const eni = (id: string) => s.enis.find((e) => e.id === id)!;

  it('names an ENI by its Name tag first and its id after', () => {
    expect(eniLabel(eni(d.webEth0), ix)).toBe(`web-1-eth0 (${d.webEth0})`);
  });

  it('calls an unnamed attached ENI by its place on the instance when the index is at hand', () => {
    const unnamed = { ...eni(d.webEth0), name: null };
    expect(eniLabel(unnamed, ix)).toBe(`eth0 of web-1 (${d.webEth0})`);
    expect(eniLabel(unnamed)).toBe(d.webEth0);
  });

  it('falls back to the bare id for an unnamed ENI in the pool', () => {
    expect(eniLabel({ ...eni(d.poolA), name: null }, ix)).toBe(d.poolA);
  });

  it('names instances by Name tag and id, and lists words the way a sentence does', () => {
    expect(instanceName(s.instances.find((i) => i.id === d.full)!)).toBe(`full-1 (${d.full})`);
    expect(listWords(['a'])).toBe('a');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
