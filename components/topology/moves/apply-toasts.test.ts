import { describe, expect, it } from 'vitest';
import { checkMove, type Applied } from '@/lib/topology';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { appliedToast, failedToast, stalePlan } from './apply-toasts';
import type { ApplyVariables } from './use-apply-plans';

const verdict = checkMove(testSnapshot(), { kind: 'unassign-ip', ip: '10.0.2.11' });
if (!verdict.ok) throw new Error('expected the unassign to be allowed');
const plan = verdict.plan;
const vars: ApplyVariables = { plans: [plan], undo: false, label: 'unassign 10.0.2.11' };
const applied = (verification: Applied['verification']): Applied => ({
  plan,
  requestIds: ['r-1'],
  verified: { enis: [], instances: [], eips: [] },
  verification,
  steps: [],
  ...(verification === 'pending' ? { pending: 'EC2 has not confirmed it yet.' } : {}),
});

describe('apply toasts', () => {
  it('says done with an Undo, or pending when EC2 has not confirmed it, and an undo without offering another', () => {
    expect(appliedToast(vars, [applied('verified')], () => {})).toMatchObject({
      tone: 'success',
      title: 'Done: unassign 10.0.2.11',
      action: { label: 'Undo' },
    });
    expect(appliedToast(vars, [applied('pending')], () => {})).toMatchObject({
      tone: 'pending',
      lines: [plan.summary, 'EC2 has not confirmed it yet.'],
    });
    expect(appliedToast({ ...vars, undo: true }, [applied('verified')], () => {}).action).toBeUndefined();
  });
  it('calls a failure rolled back only when no call is known to have changed anything', () => {
    const failure = { ok: false as const, code: 'internal' as const, message: 'boom' };
    expect(failedToast(vars, failure, [], 0).title).toBe('Rolled back: unassign 10.0.2.11 failed');
    const ran = { ...failure, details: { steps: [{ ...stepOf('unknown') }] } };
    expect(failedToast(vars, ran, [], 0).title).toBe('Failed part-way: unassign 10.0.2.11');
  });
  it('offers the fresh plan again when the account changed before anything ran', () => {
    const stale = { ok: false as const, code: 'stale' as const, message: 'changed', details: { plan } };
    expect(stalePlan(vars, stale, [])).toEqual(plan);
    expect(stalePlan(vars, stale, [applied('verified')])).toBeNull();
    expect(stalePlan(vars, { ...stale, code: 'internal' }, [])).toBeNull();
  });
});

function stepOf(outcome: 'done' | 'not-done' | 'unknown') {
  return {
    index: 1,
    action: 'UnassignPrivateIpAddresses',
    description: 'unassign',
    cli: 'aws ec2 unassign-private-ip-addresses',
    outcome,
    requestId: null,
    note: null,
    restore: false,
  };
}
