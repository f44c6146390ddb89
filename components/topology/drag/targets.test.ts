import { describe, expect, it } from 'vitest';
import { accepts, candidateMove, sourceId, targetId, type DragSource, type DropTarget } from './targets';

const ip: DragSource = {
  kind: 'ip',
  eniId: 'eni-0000000000000000a',
  address: '10.0.2.11',
  allocationId: 'eipalloc-0000000000000000a',
};
const attachedEni: DragSource = {
  kind: 'eni',
  eniId: 'eni-0000000000000000b',
  instanceId: 'i-0000000000000000a',
  deviceIndex: 2,
};
const poolEni: DragSource = { kind: 'eni', eniId: 'eni-0000000000000000e', instanceId: null, deviceIndex: null };
const eip: DragSource = {
  kind: 'eip',
  allocationId: 'eipalloc-0000000000000000a',
  eniId: 'eni-0000000000000000a',
  privateIp: '10.0.2.11',
};
const idleEip: DragSource = { kind: 'eip', allocationId: 'eipalloc-0000000000000000b', eniId: null, privateIp: null };

describe('candidateMove', () => {
  it("turns an IP dropped on another ENI's free slot into move-ip, and on the unassign zone into unassign-ip", () => {
    expect(candidateMove(ip, { kind: 'ip-slot', eniId: 'eni-0000000000000000c', n: 3 })).toEqual({
      kind: 'move-ip',
      ip: '10.0.2.11',
      toEni: 'eni-0000000000000000c',
    });
    expect(candidateMove(ip, { kind: 'unassign' })).toEqual({ kind: 'unassign-ip', ip: '10.0.2.11' });
  });
  it("carries the ENI slot's device index into move-eni, for attached and pool ENIs alike", () => {
    const slot: DropTarget = { kind: 'eni-slot', instanceId: 'i-0000000000000000b', deviceIndex: 2 };
    expect(candidateMove(attachedEni, slot)).toEqual({
      kind: 'move-eni',
      eni: 'eni-0000000000000000b',
      toInstance: 'i-0000000000000000b',
      deviceIndex: 2,
    });
    expect(candidateMove(poolEni, slot)).toMatchObject({
      kind: 'move-eni',
      eni: 'eni-0000000000000000e',
      deviceIndex: 2,
    });
  });
  it("carries a slot's network card into move-eni when it is not card 0, and keeps it in the target's id", () => {
    const card1: DropTarget = {
      kind: 'eni-slot',
      instanceId: 'i-0000000000000000b',
      deviceIndex: 2,
      networkCardIndex: 1,
    };
    expect(candidateMove(poolEni, card1)).toEqual({
      kind: 'move-eni',
      eni: 'eni-0000000000000000e',
      toInstance: 'i-0000000000000000b',
      deviceIndex: 2,
      networkCardIndex: 1,
    });
    expect(targetId(card1)).not.toBe(targetId({ ...card1, networkCardIndex: undefined }));
  });
  it('takes whole ENIs and instances as targets: any free IP slot, the lowest free device index', () => {
    expect(candidateMove(ip, { kind: 'eni', eniId: 'eni-0000000000000000c' })).toEqual({
      kind: 'move-ip',
      ip: '10.0.2.11',
      toEni: 'eni-0000000000000000c',
    });
    expect(candidateMove(poolEni, { kind: 'instance', instanceId: 'i-0000000000000000c' })).toEqual({
      kind: 'move-eni',
      eni: 'eni-0000000000000000e',
      toInstance: 'i-0000000000000000c',
    });
    expect(candidateMove(attachedEni, { kind: 'instance', instanceId: 'i-0000000000000000a' })).toBeNull();
    expect(candidateMove(ip, { kind: 'eni', eniId: 'eni-0000000000000000a' })).toBeNull();
  });
  it('detaches an attached ENI dropped on the pool', () => {
    expect(candidateMove(attachedEni, { kind: 'eni-pool' })).toEqual({
      kind: 'detach-eni',
      eni: 'eni-0000000000000000b',
    });
  });
  it('moves an EIP onto a private IP and disassociates it on the EIP pool', () => {
    expect(
      candidateMove(idleEip, { kind: 'private-ip', eniId: 'eni-0000000000000000c', address: '10.0.2.20' }),
    ).toEqual({
      kind: 'move-eip',
      allocationId: 'eipalloc-0000000000000000b',
      toEni: 'eni-0000000000000000c',
      toIp: '10.0.2.20',
    });
    expect(candidateMove(eip, { kind: 'eip-pool' })).toEqual({
      kind: 'disassociate-eip',
      allocationId: 'eipalloc-0000000000000000a',
    });
  });
  it('means nothing where the source already is: its own ENI, its own pool, its own private IP', () => {
    expect(candidateMove(ip, { kind: 'ip-slot', eniId: 'eni-0000000000000000a', n: 4 })).toBeNull();
    expect(candidateMove(poolEni, { kind: 'eni-pool' })).toBeNull();
    expect(candidateMove(idleEip, { kind: 'eip-pool' })).toBeNull();
    expect(candidateMove(eip, { kind: 'private-ip', eniId: 'eni-0000000000000000a', address: '10.0.2.11' })).toBeNull();
  });
  it('ignores targets of another kind: an IP over an ENI slot, an ENI over an IP slot, an EIP over the unassign zone', () => {
    expect(accepts(ip, { kind: 'eni-slot', instanceId: 'i-0000000000000000b', deviceIndex: 1 })).toBe(false);
    expect(candidateMove(attachedEni, { kind: 'ip-slot', eniId: 'eni-0000000000000000c', n: 1 })).toBeNull();
    expect(candidateMove(eip, { kind: 'unassign' })).toBeNull();
  });
});

describe('ids', () => {
  it('names every source and target uniquely and stably', () => {
    expect(sourceId(ip)).toBe('drag:ip:eni-0000000000000000a:10.0.2.11');
    expect(targetId({ kind: 'eni-slot', instanceId: 'i-0000000000000000b', deviceIndex: 2 })).toBe(
      'drop:eni-slot:i-0000000000000000b:2',
    );
    expect(
      new Set([targetId({ kind: 'eni-pool' }), targetId({ kind: 'eip-pool' }), targetId({ kind: 'unassign' })]).size,
    ).toBe(3);
  });
});
