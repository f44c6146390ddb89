// Stopping and starting an instance, and tagging one: each plan's call, CLI line, side effects, cost and undo;
// each refusal's rule, for every instance state (ec2-rules §3.21, ec2-rules §4.4).
import { describe, expect, it } from 'vitest';
import { demoIds as d, demoSnapshot, patchSnapshot, planOf, rulesOf } from '@/lib/testing/snapshots';
import { applyMove } from './apply';
import { moveSchema } from './move';
import { ruleEc2Errors } from './rule-predictions';
import { checkMove } from './rules';
import type { InstanceState } from './schema';

const s = demoSnapshot();
const inState = (id: string, state: InstanceState) => patchSnapshot(s, { instances: { [id]: { state } } });

describe('stop-instance', () => {
  it('stops a running instance with one StopInstances call that waits until stopped; the undo starts it', () => {
    const plan = planOf(checkMove(s, { kind: 'stop-instance', instance: d.api }));
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]).toMatchObject({
      action: 'StopInstances',
      input: { InstanceIds: [d.api] },
      cli: `aws ec2 stop-instances --instance-ids ${d.api}`,
      supportsDryRun: true,
      waitFor: 'instance-stopped',
    });
    expect(plan.summary).toBe(`Stop api-b (${d.api}, t3.medium).`);
    expect(plan.inverse).toEqual([{ kind: 'start-instance', instance: d.api }]);
    expect(plan.involved).toEqual([d.api]);
  });

  it('says what the user loses: reachability, the Amazon-assigned public IPv4 (saved), not the Elastic IPs', () => {
    const api = planOf(checkMove(s, { kind: 'stop-instance', instance: d.api }));
    expect(api.sideEffects.join(' ')).toMatch(/unreachable until started again/);
    expect(api.sideEffects.join(' ')).toMatch(/Amazon-assigned public IPv4 198\.51\.100\.20 is released for good/);
    expect(api.hourlyCostDelta).toBeCloseTo(-0.005);
    const web = planOf(checkMove(s, { kind: 'stop-instance', instance: d.web }));
    expect(web.sideEffects.join(' ')).toMatch(
      /Elastic IPs 203\.0\.113\.10, 203\.0\.113\.11 stay associated and billed/,
    );
    expect(web.hourlyCostDelta).toBeCloseTo(-0.005);
    const lab = planOf(checkMove(s, { kind: 'stop-instance', instance: d.lab }));
    expect(lab.hourlyCostDelta).toBe(0);
    expect(lab.sideEffects.join(' ')).not.toMatch(/public IPv4/);
  });

  it('expects the instance stopped, its Amazon-assigned address gone and its Elastic IPs kept', () => {
    const plan = planOf(checkMove(s, { kind: 'stop-instance', instance: d.web }));
    const after = applyMove(s, plan.move);
    const web = after.instances.find((i) => i.id === d.web)!;
    expect(web.state).toBe('stopped');
    const eth0 = after.enis.find((e) => e.id === d.webEth0)!;
    expect(eth0.privateIps.find((p) => p.primary)!.association).toBeNull();
    expect(eth0.privateIps.filter((p) => p.association?.allocationId).length).toBe(2);
    expect(after.eips.filter((e) => e.instanceId === d.web).map((e) => e.allocationId)).toEqual([d.eipWeb1, d.eipWeb2]);
    expect(applyMove(after, plan.inverse[0]!).instances.find((i) => i.id === d.web)!.state).toBe('running');
  });

  it.each<[InstanceState, string]>([
    ['stopped', 'target-is-different'],
    ['stopping', 'target-is-different'],
    ['pending', 'instance-state'],
    ['shutting-down', 'instance-state'],
    ['terminated', 'instance-state'],
  ])('refuses a %s instance (%s)', (state, rule) => {
    expect(rulesOf(checkMove(inState(d.api, state), { kind: 'stop-instance', instance: d.api }))).toEqual([rule]);
  });

  it('refuses an unknown instance, and IncorrectInstanceState is what instance-state predicts', () => {
    expect(rulesOf(checkMove(s, { kind: 'stop-instance', instance: 'i-0deadbeefdeadbeef' }))).toEqual([
      'resource-exists',
    ]);
    expect(ruleEc2Errors['instance-state'].codes).toContain('IncorrectInstanceState');
  });
});

describe('start-instance', () => {
  it('starts a stopped instance with one StartInstances call that waits until running; the undo stops it', () => {
    const plan = planOf(checkMove(s, { kind: 'start-instance', instance: d.batch }));
    expect(plan.steps[0]).toMatchObject({
      action: 'StartInstances',
      input: { InstanceIds: [d.batch] },
      cli: `aws ec2 start-instances --instance-ids ${d.batch}`,
      waitFor: 'instance-running',
    });
    expect(plan.inverse).toEqual([{ kind: 'stop-instance', instance: d.batch }]);
    expect(plan.sideEffects.join(' ')).toMatch(/new Amazon-assigned public IPv4.*never the one it had before/);
    expect(applyMove(s, plan.move).instances.find((i) => i.id === d.batch)!.state).toBe('running');
  });

  it('says an instance with an Elastic IP or several ENIs gets no Amazon-assigned address', () => {
    const stoppedWeb = inState(d.web, 'stopped');
    const plan = planOf(checkMove(stoppedWeb, { kind: 'start-instance', instance: d.web }));
    expect(plan.sideEffects.join(' ')).toMatch(/gets no Amazon-assigned public IPv4 \(it has the Elastic IP/);
  });

  it.each<[InstanceState, string]>([
    ['running', 'target-is-different'],
    ['pending', 'target-is-different'],
    ['stopping', 'instance-state'],
    ['shutting-down', 'instance-state'],
    ['terminated', 'instance-state'],
  ])('refuses a %s instance (%s)', (state, rule) => {
    expect(rulesOf(checkMove(inState(d.batch, state), { kind: 'start-instance', instance: d.batch }))).toEqual([rule]);
  });
});

describe('set-tags on an instance', () => {
  it('tags with CreateTags on the instance id; the expected state and the undo follow the Name tag', () => {
    const plan = planOf(checkMove(s, { kind: 'set-tags', resourceId: d.api, tags: { Name: 'api-east', env: 'prod' } }));
    expect(plan.steps.map((st) => st.cli)).toEqual([
      `aws ec2 create-tags --resources ${d.api} --tags '[{"Key":"Name","Value":"api-east"},{"Key":"env","Value":"prod"}]'`,
    ]);
    expect(plan.involved).toEqual([d.api]);
    const after = applyMove(s, plan.move).instances.find((i) => i.id === d.api)!;
    expect(after).toMatchObject({ name: 'api-east', tags: { Name: 'api-east', env: 'prod' } });
    expect(plan.inverse).toEqual([{ kind: 'set-tags', resourceId: d.api, tags: { Name: 'api-b' }, remove: ['env'] }]);
  });

  it('accepts instance ids in the schema and refuses an unknown one', () => {
    expect(
      moveSchema.safeParse({ kind: 'set-tags', resourceId: 'i-0123456789abcdef0', tags: { a: 'b' } }).success,
    ).toBe(true);
    expect(rulesOf(checkMove(s, { kind: 'set-tags', resourceId: 'i-0deadbeefdeadbeef', tags: { a: 'b' } }))).toEqual([
      'resource-exists',
    ]);
  });
});
