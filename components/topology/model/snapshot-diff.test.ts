import { describe, expect, it } from 'vitest';
import { applyMoves, type Snapshot } from '@/lib/topology';
import { demoIds as d, demoSnapshot, patchSnapshot } from '@/lib/testing/snapshots';
import { diffSnapshots } from './snapshot-diff';

const base = demoSnapshot();
const texts = (after: Snapshot) => diffSnapshots(base, after).map((c) => c.text);

describe('diffSnapshots', () => {
  it('finds nothing between two reads of an unchanged account', () => {
    expect(diffSnapshots(base, { ...structuredClone(base), fetchedAt: 'later' })).toEqual([]);
  });

  it('says an instance stopped, by name and id, and selects it', () => {
    const changes = diffSnapshots(base, patchSnapshot(base, { instances: { [d.web]: { state: 'stopped' } } }));
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'changed',
        selection: { kind: 'instance', id: d.web },
        domId: `instance-${d.web}`,
        text: `Instance web-1 (${d.web}): running → stopped.`,
      }),
    ]);
  });

  it('says a secondary IP moved, and its Elastic IP with it, from where to where', () => {
    const after = applyMoves(base, [{ kind: 'move-ip', ip: '10.0.1.20', toEni: d.poolA }]);
    expect(texts(after)).toEqual([
      'Secondary IP 10.0.1.20 moved: eth0 of web-1 → floating-a (unattached).',
      'Elastic IP 203.0.113.10 (shop.example.com) moved: 10.0.1.20 on eth0 of web-1 → 10.0.1.20 on floating-a (unattached).',
    ]);
  });

  it('says an ENI was attached, detached or moved between instances', () => {
    const attached = applyMoves(base, [{ kind: 'move-eni', eni: d.poolA, toInstance: d.web, deviceIndex: 2 }]);
    expect(texts(attached)).toContain(`ENI ${d.poolA} attached: eth2 of web-1.`);
    const detached = applyMoves(base, [{ kind: 'detach-eni', eni: d.webEth1 }]);
    expect(texts(detached)).toContain(`ENI ${d.webEth1} detached from eth1 of web-1.`);
  });

  it('reports what appeared and what is gone, without one line per IP of a deleted ENI', () => {
    const after: Snapshot = {
      ...base,
      enis: base.enis.filter((e) => e.id !== d.poolB),
      eips: base.eips.filter((e) => e.allocationId !== d.eipIdle),
      instances: base.instances.filter((i) => i.id !== d.lab),
    };
    const changes = diffSnapshots(base, after);
    expect(changes.map((c) => c.text)).toEqual([
      `Instance lab-1 (${d.lab}) is gone (terminated).`,
      `ENI ${d.poolB} deleted (was spare-b (unattached)).`,
      'Elastic IP 203.0.113.20 released.',
    ]);
    expect(changes.every((c) => c.selection === null && c.domId === null)).toBe(true);
  });

  it('says a secondary IP was assigned or unassigned, and an Elastic IP disassociated', () => {
    const unassigned = applyMoves(base, [
      { kind: 'unassign-ip', ip: '10.0.1.22' },
      { kind: 'disassociate-eip', allocationId: d.eipWeb2 },
    ]);
    expect(texts(unassigned)).toEqual([
      'Secondary IP 10.0.1.22 unassigned from eth0 of web-1.',
      'Elastic IP 203.0.113.11 (blog.example.com) disassociated from 10.0.1.21 on eth0 of web-1.',
    ]);
    expect(diffSnapshots(unassigned, base).map((c) => c.kind)).toEqual(['added', 'changed']);
  });

  it('compares nothing across regions (a switch of region is not a change)', () => {
    expect(diffSnapshots(base, { ...base, region: 'eu-west-1', instances: [] })).toEqual([]);
  });
});
