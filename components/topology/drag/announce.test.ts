import { describe, expect, it } from 'vitest';
import { checkMove } from '@/lib/topology';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { buildTopologyIndex } from '../model/topology-index';
import { cancelText, dropText, overText, pickedUpText } from './announce';
import { candidateMove, type DragSource, type DropTarget } from './targets';

const snapshot = testSnapshot();
const ix = buildTopologyIndex(snapshot);
const ip: DragSource = {
  kind: 'ip',
  eniId: 'eni-0000000000000000a',
  address: '10.0.2.11',
  allocationId: 'eipalloc-0000000000000000a',
};
const verdictFor = (source: DragSource, target: DropTarget) => {
  const move = candidateMove(source, target);
  return move ? checkMove(snapshot, move) : null;
};

describe('announcements', () => {
  it('names what was picked up, with the Elastic IP it carries', () => {
    expect(pickedUpText(ix, ip)).toBe('Picked up secondary IP 10.0.2.11 with Elastic IP 54.0.0.1.');
    expect(pickedUpText(ix, { kind: 'eni', eniId: 'eni-0000000000000000e', instanceId: null, deviceIndex: null })).toBe(
      'Picked up ENI floating from the pool.',
    );
  });
  it("says a target is allowed, or refused with the rule's own words", () => {
    const sameSubnet: DropTarget = { kind: 'ip-slot', eniId: 'eni-0000000000000000e', n: 1 };
    expect(overText(ix, sameSubnet, verdictFor(ip, sameSubnet))).toBe(
      'Over free IP slot 2 of pool ENI floating: allowed.',
    );
    const otherSubnet: DropTarget = { kind: 'ip-slot', eniId: 'eni-0000000000000000d', n: 2 };
    const refused = overText(ix, otherSubnet, verdictFor(ip, otherSubnet));
    expect(refused).toMatch(/^Over free IP slot 3 of app-1's eth0: refused — /);
    expect(refused).toMatch(/same subnet/);
  });
  it('names an ENI slot as ethN of the instance', () => {
    const slot: DropTarget = { kind: 'eni-slot', instanceId: 'i-0000000000000000c', deviceIndex: 1 };
    expect(
      overText(
        ix,
        slot,
        verdictFor({ kind: 'eni', eniId: 'eni-0000000000000000e', instanceId: null, deviceIndex: null }, slot),
      ),
    ).toMatch(/^Over eth1 of app-1: refused — /);
  });
  it('says why a full ENI refuses an IP', () => {
    const full: DropTarget = { kind: 'eni', eniId: 'eni-0000000000000000d' };
    const ipOfD: DragSource = { kind: 'ip', eniId: 'eni-0000000000000000a', address: '10.0.2.12', allocationId: null };
    expect(overText(ix, full, verdictFor(ipOfD, full))).toMatch(/^Over eth0 of app-1: refused — /);
  });
  it('tells two free slots of one ENI apart, and reads short ids rather than 17 digits', () => {
    const a = overText(ix, { kind: 'ip-slot', eniId: 'eni-0000000000000000d', n: 1 }, null);
    const b = overText(ix, { kind: 'ip-slot', eniId: 'eni-0000000000000000d', n: 2 }, null);
    expect(a).not.toBe(b);
    expect(overText(ix, { kind: 'instance', instanceId: 'i-0123456789abcdef0' }, null)).toBe(
      'Over instance i-0123…: that is where it already is.',
    );
  });
  it('asks for review after an allowed drop and says nothing was sent after a refused one', () => {
    const slot: DropTarget = { kind: 'ip-slot', eniId: 'eni-0000000000000000e', n: 1 };
    expect(dropText(ix, ip, slot, verdictFor(ip, slot))).toBe(
      'Dropped secondary IP 10.0.2.11 with Elastic IP 54.0.0.1 on free IP slot 2 of pool ENI floating: review the plan.',
    );
    const far: DropTarget = { kind: 'ip-slot', eniId: 'eni-0000000000000000d', n: 2 };
    expect(dropText(ix, ip, far, verdictFor(ip, far))).toMatch(/^Not dropped: .* Nothing was sent\.$/);
    expect(dropText(ix, ip, null, null)).toMatch(/nothing changed/);
    expect(cancelText(ix, ip)).toBe('Cancelled. secondary IP 10.0.2.11 with Elastic IP 54.0.0.1 stays where it was.');
  });
});
