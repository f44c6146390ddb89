import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMove } from './apply';
import { diffLayout, type LayoutScope } from './layout';
import type { Move, Plan } from './move';
import { candidateMoves } from '@/lib/testing/moves';
import { randomSnapshot } from '@/lib/testing/random-topology';
import { checkMove } from './rules';
import type { Snapshot } from './schema';
import { snapshotSchema } from './schema';
import { demoSnapshot } from '@/lib/testing/snapshots';

/** An undo restores placement, statuses and free addresses (only the ids EC2 mints anew may differ). */
const undone: LayoutScope = { statuses: true, freeIps: true };

/** Applies up to `picks.length` allowed moves, then their inverses in reverse order, checking each inverse is allowed. */
function roundTrip(start: Snapshot, picks: readonly number[]): { done: Move[]; end: Snapshot } {
  let s = start;
  const plans: Plan[] = [];
  for (const p of picks) {
    const allowed = candidateMoves(s)
      .map((m) => checkMove(s, m))
      .filter((v) => v.ok);
    if (allowed.length === 0) break;
    const plan = allowed[p % allowed.length]!.plan;
    plans.push(plan);
    s = applyMove(s, plan.move);
    expect(snapshotSchema.safeParse(s).success).toBe(true);
  }
  for (const plan of plans.reverse()) {
    for (const inverse of plan.inverse) {
      const verdict = checkMove(s, inverse);
      if (!verdict.ok)
        throw new Error(
          `undo ${JSON.stringify(inverse)} of ${plan.summary} refused: ${JSON.stringify(verdict.reasons)}`,
        );
      s = applyMove(s, verdict.plan.move);
    }
  }
  return { done: plans.map((p) => p.move), end: s };
}

describe('undo restores the layout', () => {
  it('for random sequences of allowed moves on the demo fixture', () => {
    const demo = demoSnapshot();
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (picks) => {
        const { end } = roundTrip(demo, picks);
        expect(diffLayout(demo, end, undone)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  // Pending instances are left out: EC2 refuses associations with them, so undoing an EIP move away
  // from one waits until it runs (the plan says so; see rules-eip.test.ts).
  it('for random allowed moves on random small topologies of running and stopped instances', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(1000), { minLength: 80, maxLength: 80 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        (numbers, picks) => {
          let cursor = 0;
          const start = randomSnapshot(
            (n) => (n <= 1 ? 0 : numbers[cursor++ % numbers.length]! % n),
            ['running', 'running', 'stopped'],
          );
          expect(snapshotSchema.safeParse(start).success).toBe(true);
          const { end } = roundTrip(start, picks);
          expect(diffLayout(start, end, undone)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('exercises every move kind on the demo fixture', () => {
    const demo = demoSnapshot();
    const kinds = new Set(
      candidateMoves(demo)
        .map((m) => checkMove(demo, m))
        .filter((v) => v.ok)
        .map((v) => (v.ok ? v.plan.move.kind : '')),
    );
    expect([...kinds].sort()).toEqual([
      'detach-eni',
      'disassociate-eip',
      'move-eip',
      'move-eni',
      'move-ip',
      'unassign-ip',
    ]);
  });
});
