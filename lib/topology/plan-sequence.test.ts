// Undo as a sequence: each move checked on the state the previous ones leave, the inverse of a batch last first.
import { describe, expect, it } from 'vitest';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { applyMove } from './apply';
import { defaultCheckSettings } from './move';
import { planSequence, undoMoves } from './plan-sequence';
import { checkMove } from './rules';

describe('undo as a sequence', () => {
  it('undoes an unassign that took an EIP along: assign the IP again, then map the EIP back — checked in order', () => {
    const before = testSnapshot();
    const verdict = checkMove(before, { kind: 'unassign-ip', ip: '10.0.2.11' });
    if (!verdict.ok) throw new Error('expected the unassign to be allowed');
    const after = applyMove(before, verdict.plan.move);
    const moves = undoMoves([verdict.plan]);
    expect(moves.map((m) => m.kind)).toEqual(['assign-ip', 'move-eip']);
    // The EIP move names an IP that only exists once the first move is applied.
    expect(checkMove(after, moves[1]!).ok).toBe(false);
    const sequence = planSequence(after, moves, defaultCheckSettings);
    expect(sequence.ok && sequence.plans.map((p) => p.steps[0]!.action)).toEqual([
      'AssignPrivateIpAddresses',
      'AssociateAddress',
    ]);
  });
  it('stops at the first move the current state refuses, naming it', () => {
    const snapshot = testSnapshot();
    const sequence = planSequence(
      snapshot,
      [{ kind: 'detach-eni', eni: 'eni-0000000000000000e' }],
      defaultCheckSettings,
    );
    expect(sequence).toMatchObject({ ok: false, at: 0, move: { kind: 'detach-eni' } });
  });
  it('undoes a batch last plan first', () => {
    const a = { inverse: [{ kind: 'unassign-ip' as const, ip: '10.0.2.30' }] };
    const b = { inverse: [{ kind: 'disassociate-eip' as const, allocationId: 'eipalloc-0000000000000000b' }] };
    expect(undoMoves([a, b]).map((m) => m.kind)).toEqual(['disassociate-eip', 'unassign-ip']);
  });
});
