// A created id's placeholder ($ENI_ID, $ALLOCATION_ID) typed into a description, a Name or a tag is text: the step
// is still dry-run before anything changes (ec2-rules §1.4), and only id members that are the placeholder are bound.
import { describe, expect, it } from 'vitest';
import { demoIds as d, demoSnapshot, planOf } from '@/lib/testing/snapshots';
import { CREATED, namesCreated } from './change';
import type { Move } from './move';
import { checkMove } from './rules';

const s = demoSnapshot();

describe('placeholders in user text', () => {
  it.each<[string, Move]>([
    ['a description of exactly $ENI_ID', { kind: 'set-description', eni: d.poolB, description: CREATED.eni }],
    [
      'a description naming $ALLOCATION_ID',
      { kind: 'set-description', eni: d.poolB, description: `see ${CREATED.eip}` },
    ],
    ['a tag value and key of $ENI_ID', { kind: 'set-tags', resourceId: d.poolB, tags: { [CREATED.eni]: CREATED.eni } }],
    [
      'a new ENI described and named $ENI_ID',
      { kind: 'create-eni', subnetId: d.subnetA, description: CREATED.eni, name: CREATED.eni },
    ],
    ['a new Elastic IP named $ALLOCATION_ID', { kind: 'allocate-eip', name: CREATED.eip }],
  ])('%s: every step still counts as sendable and dry-run first', (_label, move) => {
    const plan = planOf(checkMove(s, move));
    expect(plan.steps.map((step) => namesCreated(step.input))).toEqual(plan.steps.map(() => false));
  });

  it('a step whose id member is the placeholder still names the created resource', () => {
    const plan = planOf(
      checkMove(s, { kind: 'create-eni', subnetId: d.subnetA, description: 'x', attachTo: { instanceId: d.web } }),
    );
    expect(plan.steps.map((step) => namesCreated(step.input))).toEqual([false, true]);
  });
});
