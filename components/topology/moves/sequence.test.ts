import { describe, expect, it } from 'vitest';
import { defaultCheckSettings, checkMove, applyMove } from '@/lib/topology';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { buildTopologyIndex } from '../model/topology-index';
import { costWords, planSequence, sequenceWords, undoMoves } from './sequence';

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
    expect(undoMoves([a, b] as never).map((m) => m.kind)).toEqual(['disassociate-eip', 'unassign-ip']);
  });
});

describe('words', () => {
  it('says what a move does in a sentence, and what it costs per hour', () => {
    const ix = buildTopologyIndex(testSnapshot());
    expect(sequenceWords(ix, [{ kind: 'move-ip', ip: '10.0.2.11', toEni: 'eni-0000000000000000e' }])).toBe(
      'Move 10.0.2.11 with Elastic IP 54.0.0.1 to pool ENI floating',
    );
    expect(costWords(0)).toBe('No change ($0.000/h)');
    expect(costWords(-0.005)).toBe('−$0.005/h (≈ −$3.65/month)');
    expect(costWords(0.005)).toBe('+$0.005/h (≈ +$3.65/month)');
  });
});
