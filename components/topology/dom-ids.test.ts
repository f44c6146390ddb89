import { describe, expect, it } from 'vitest';
import { dragSourceDomId, movedSubjectDomId, selectionDomId } from './dom-ids';

describe('DOM ids', () => {
  it('marks the element that shows the moved resource', () => {
    expect(movedSubjectDomId({ kind: 'move-ip', ip: '10.0.2.11', toEni: 'eni-0000000000000000c' })).toBe(
      'ip-10.0.2.11',
    );
    expect(movedSubjectDomId({ kind: 'detach-eni', eni: 'eni-0000000000000000b' })).toBe('eni-eni-0000000000000000b');
    expect(movedSubjectDomId({ kind: 'disassociate-eip', allocationId: 'eipalloc-0000000000000000a' })).toBe(
      'eip-eipalloc-0000000000000000a',
    );
  });
  it('names a selection, a drag source and a moved subject by the same element when they are the same resource', () => {
    const eip = 'eipalloc-0000000000000000a';
    const viaSelection = selectionDomId({ kind: 'eip', id: eip });
    expect(dragSourceDomId({ kind: 'eip', allocationId: eip, eniId: null, privateIp: null })).toBe(viaSelection);
    expect(movedSubjectDomId({ kind: 'disassociate-eip', allocationId: eip })).toBe(viaSelection);
    const ip = { kind: 'ip', eniId: 'eni-0000000000000000a', address: '10.0.2.11' } as const;
    expect(dragSourceDomId({ ...ip, allocationId: null })).toBe(selectionDomId(ip));
  });
});
