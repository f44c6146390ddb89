import { describe, expect, it } from 'vitest';
import { indexSnapshot } from './snapshot-index';
import { eniLabel, eniName, instanceName, listWords, shortId } from './labels';
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

  it('names an ENI by Name tag with its id in full, or read aloud with a short id', () => {
    expect(eniName(eni(d.webEth0), d.webEth0)).toBe(`web-1-eth0 (${d.webEth0})`);
    expect(eniName(eni(d.webEth0), d.webEth0, 'short')).toBe('web-1-eth0');
    expect(eniName(undefined, 'eni-0756944109319ada2', 'short')).toBe('eni-0756…');
    expect(shortId('eni-0a1b')).toBe('eni-0a1b');
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
