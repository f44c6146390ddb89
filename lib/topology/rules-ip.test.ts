import { describe, expect, it } from 'vitest';
import { checkMove } from './rules';
import { buildSnapshot, demoIds as d, demoSnapshot, patchSnapshot, planOf, rulesOf } from '@/lib/testing/snapshots';

const s = demoSnapshot();

describe('move-ip', () => {
  it('reassigns a secondary IP with AllowReassignment and names the EIP that follows it', () => {
    const plan = planOf(checkMove(s, { kind: 'move-ip', ip: '10.0.1.20', toEni: d.batchEth0 }));
    expect(plan.steps).toEqual([
      expect.objectContaining({
        action: 'AssignPrivateIpAddresses',
        input: { NetworkInterfaceId: d.batchEth0, PrivateIpAddresses: ['10.0.1.20'], AllowReassignment: true },
        cli: `aws ec2 assign-private-ip-addresses --network-interface-id ${d.batchEth0} --private-ip-addresses 10.0.1.20 --allow-reassignment`,
        supportsDryRun: false,
        waitFor: null,
      }),
    ]);
    expect(plan.sideEffects.join('\n')).toMatch(/203\.0\.113\.10 \(eipalloc-0000e010\) follows 10\.0\.1\.20/);
    expect(plan.sideEffects.join('\n')).toContain(`web-1-eth0 (${d.webEth0}) loses 10.0.1.20`);
    expect(plan.inverse).toEqual([{ kind: 'move-ip', ip: '10.0.1.20', toEni: d.webEth0 }]);
    expect(plan.involved).toEqual(
      expect.arrayContaining([d.webEth0, d.batchEth0, d.web, d.batch, d.eipWeb1, d.subnetA]),
    );
    expect(plan.hourlyCostDelta).toBe(0);
  });

  it('refuses to move a primary IP', () => {
    expect(rulesOf(checkMove(s, { kind: 'move-ip', ip: '10.0.1.10', toEni: d.batchEth0 }))).toEqual([
      'ip-is-secondary',
    ]);
  });

  it('refuses to move an IP across subnets and says which subnets and what to do', () => {
    const v = checkMove(s, { kind: 'move-ip', ip: '10.0.1.22', toEni: d.webEth1 });
    expect(v).toEqual({
      ok: false,
      reasons: [
        {
          rule: 'same-subnet',
          message:
            '10.0.1.22 is in subnet-0000a001 (10.0.1.0/24); web-1-mgmt (eni-0000a002) is in subnet-0000a002 (10.0.2.0/24). A secondary IP can only move between ENIs of the same subnet.',
        },
      ],
    });
  });

  it('refuses a target ENI whose instance type has no free IP slot (primary included)', () => {
    const v = checkMove(s, { kind: 'move-ip', ip: '10.0.1.22', toEni: d.fullEth0 });
    expect(rulesOf(v)).toEqual(['ip-slot-free']);
    expect(v.ok || v.reasons[0]!.message).toMatch(/holds 2 of the 2 .* on t3\.micro/);
  });

  it('caps an unattached target ENI at 64 addresses', () => {
    const ips = Array.from({ length: 64 }, (_, i) => `10.0.1.${100 + i}`);
    const big = buildSnapshot({
      vpcs: [{ id: 'vpc-1', cidr: '10.0.0.0/16', igw: true }],
      subnets: [{ id: 'subnet-1', vpc: 'vpc-1', az: 'us-east-1a', cidr: '10.0.1.0/24' }],
      instances: [
        {
          id: 'i-00000001',
          type: 'c5.xlarge',
          subnet: 'subnet-1',
          enis: [{ id: 'eni-00000001', ips: ['10.0.1.10', '10.0.1.11'] }],
        },
      ],
      poolEnis: [{ id: 'eni-000000f1', subnet: 'subnet-1', ips }],
    });
    expect(rulesOf(checkMove(big, { kind: 'move-ip', ip: '10.0.1.11', toEni: 'eni-000000f1' }))).toEqual([
      'ip-slot-free',
    ]);
    const smaller = patchSnapshot(big, {
      enis: { 'eni-000000f1': { privateIps: big.enis[1]!.privateIps.slice(0, 63) } },
    });
    expect(checkMove(smaller, { kind: 'move-ip', ip: '10.0.1.11', toEni: 'eni-000000f1' }).ok).toBe(true);
  });

  it('refuses to move an IP to the ENI that already holds it', () => {
    expect(rulesOf(checkMove(s, { kind: 'move-ip', ip: '10.0.1.20', toEni: d.webEth0 }))).toEqual([
      'target-is-different',
    ]);
  });

  it('refuses unknown ENIs and unassigned addresses', () => {
    expect(rulesOf(checkMove(s, { kind: 'move-ip', ip: '10.0.1.99', toEni: 'eni-0000dead' }))).toEqual([
      'resource-exists',
      'resource-exists',
    ]);
  });

  it('refuses to touch a requester-managed ENI', () => {
    expect(rulesOf(checkMove(s, { kind: 'move-ip', ip: '10.0.1.22', toEni: d.natEni }))).toEqual([
      'eni-not-requester-managed',
    ]);
  });

  it('refuses clearly when the target instance type limits are unknown', () => {
    const unknown = patchSnapshot(s, { instances: { [d.batch]: { type: 'x9.huge' } } });
    const v = checkMove(unknown, { kind: 'move-ip', ip: '10.0.1.22', toEni: d.batchEth0 });
    expect(rulesOf(v)).toEqual(['instance-type-known']);
    expect(v.ok || v.reasons[0]!.message).toContain('x9.huge');
  });

  it('refuses a target instance in a transitional state', () => {
    const stopping = patchSnapshot(s, { instances: { [d.batch]: { state: 'stopping' } } });
    expect(rulesOf(checkMove(stopping, { kind: 'move-ip', ip: '10.0.1.22', toEni: d.batchEth0 }))).toEqual([
      'instance-state',
    ]);
  });

  it('lists every reason at once', () => {
    const v = checkMove(s, { kind: 'move-ip', ip: '10.0.1.10', toEni: d.webEth1 });
    expect(rulesOf(v)).toEqual(['ip-is-secondary', 'same-subnet']);
  });
});

describe('unassign-ip', () => {
  it('unassigns a secondary IP, warns that its EIP stays allocated and billed, and undoes with assign + re-associate', () => {
    const plan = planOf(checkMove(s, { kind: 'unassign-ip', ip: '10.0.1.21' }));
    expect(plan.steps).toEqual([
      expect.objectContaining({
        action: 'UnassignPrivateIpAddresses',
        input: { NetworkInterfaceId: d.webEth0, PrivateIpAddresses: ['10.0.1.21'] },
        cli: `aws ec2 unassign-private-ip-addresses --network-interface-id ${d.webEth0} --private-ip-addresses 10.0.1.21`,
        supportsDryRun: false,
      }),
    ]);
    expect(plan.sideEffects.join('\n')).toMatch(/203\.0\.113\.11 .* disassociated and stays allocated.*\$0\.005\/h/);
    expect(plan.hourlyCostDelta).toBe(0);
    expect(plan.inverse).toEqual([
      { kind: 'assign-ip', ip: '10.0.1.21', toEni: d.webEth0 },
      { kind: 'move-eip', allocationId: d.eipWeb2, toEni: d.webEth0, toIp: '10.0.1.21' },
    ]);
  });

  it('undoes an unassign without EIP with a single assign', () => {
    expect(planOf(checkMove(s, { kind: 'unassign-ip', ip: '10.0.1.22' })).inverse).toEqual([
      { kind: 'assign-ip', ip: '10.0.1.22', toEni: d.webEth0 },
    ]);
  });

  it('refuses to unassign a primary IP', () => {
    expect(rulesOf(checkMove(s, { kind: 'unassign-ip', ip: '10.0.1.30' }))).toEqual(['ip-is-secondary']);
  });

  it("names both rules for the primary IP of a service's ENI (EC2 refuses the requester-managed ENI first)", () => {
    expect(rulesOf(checkMove(s, { kind: 'unassign-ip', ip: '10.0.1.5' }))).toEqual([
      'ip-is-secondary',
      'eni-not-requester-managed',
    ]);
  });

  it('names the unsettled instance too when asked to unassign a primary IP (EC2 answers IncorrectInstanceState first)', () => {
    const stopping = patchSnapshot(s, { instances: { [d.web]: { state: 'stopping' } } });
    expect(rulesOf(checkMove(stopping, { kind: 'unassign-ip', ip: '10.0.1.10' }))).toEqual([
      'ip-is-secondary',
      'instance-state',
    ]);
  });

  it('refuses an address no ENI holds', () => {
    expect(rulesOf(checkMove(s, { kind: 'unassign-ip', ip: '10.0.9.9' }))).toEqual(['resource-exists']);
  });
});

describe('assign-ip (inverse only)', () => {
  it('assigns a free address without AllowReassignment', () => {
    const plan = planOf(checkMove(s, { kind: 'assign-ip', ip: '10.0.1.77', toEni: d.batchEth0 }));
    expect(plan.steps[0]).toMatchObject({
      input: { NetworkInterfaceId: d.batchEth0, PrivateIpAddresses: ['10.0.1.77'] },
      cli: `aws ec2 assign-private-ip-addresses --network-interface-id ${d.batchEth0} --private-ip-addresses 10.0.1.77`,
    });
    expect(plan.steps[0]!.input).not.toHaveProperty('AllowReassignment');
    expect(plan.inverse).toEqual([{ kind: 'unassign-ip', ip: '10.0.1.77' }]);
  });

  it('refuses an address outside the subnet, a reserved one, and one already held', () => {
    expect(rulesOf(checkMove(s, { kind: 'assign-ip', ip: '10.0.2.77', toEni: d.batchEth0 }))).toEqual(['same-subnet']);
    expect(rulesOf(checkMove(s, { kind: 'assign-ip', ip: '10.0.1.3', toEni: d.batchEth0 }))).toEqual([
      'ip-free-in-subnet',
    ]);
    expect(rulesOf(checkMove(s, { kind: 'assign-ip', ip: '10.0.1.255', toEni: d.batchEth0 }))).toEqual([
      'ip-free-in-subnet',
    ]);
    expect(rulesOf(checkMove(s, { kind: 'assign-ip', ip: '10.0.1.20', toEni: d.batchEth0 }))).toEqual([
      'ip-free-in-subnet',
    ]);
  });

  it('refuses when the ENI has no free IP slot', () => {
    expect(rulesOf(checkMove(s, { kind: 'assign-ip', ip: '10.0.1.77', toEni: d.fullEth1 }))).toEqual(['ip-slot-free']);
  });
});
