// The one comparator of "what a move decides": placement always, statuses, free addresses and instance states by scope.
import { describe, expect, it } from 'vitest';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { applyMove } from './apply';
import { diffLayout } from './layout';

describe('diffLayout', () => {
  it('sees a moved address on both ENIs it concerns, and only within the scope asked for', () => {
    const before = testSnapshot();
    const after = applyMove(before, { kind: 'move-ip', ip: '10.0.2.11', toEni: 'eni-0000000000000000e' });
    const ids = diffLayout(before, after).map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['eni-0000000000000000e']));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(diffLayout(before, after, { ids: new Set(['eni-0000000000000000f']) })).toEqual([]);
  });

  it('ignores the ids EC2 mints anew, and statuses unless asked', () => {
    const s = testSnapshot();
    const renamed = {
      ...s,
      enis: s.enis.map((e) =>
        e.attachment ? { ...e, status: 'attaching', attachment: { ...e.attachment, id: 'eni-attach-new' } } : e,
      ),
      eips: s.eips.map((e) => (e.associationId ? { ...e, associationId: 'eipassoc-new' } : e)),
    };
    expect(diffLayout(s, renamed)).toEqual([]);
    expect(diffLayout(s, renamed, { statuses: true }).length).toBeGreaterThan(0);
  });

  it('compares free addresses and instance states only when the scope includes them', () => {
    const s = testSnapshot();
    const [subnet] = s.subnets;
    const [instance] = s.instances;
    const changed = {
      ...s,
      subnets: s.subnets.map((x) => (x === subnet ? { ...x, availableIpCount: x.availableIpCount - 1 } : x)),
      instances: s.instances.map((x) => (x === instance ? { ...x, state: 'stopped' as const } : x)),
    };
    expect(diffLayout(s, changed)).toEqual([]);
    expect(diffLayout(s, changed, { freeIps: true, instanceStates: true }).map((d) => d.id)).toEqual(
      [subnet!.id, instance!.id].sort(),
    );
  });
});
