import { describe, expect, it } from 'vitest';
import { applyMove } from './apply';
import { defaultCheckSettings } from './move';
import { checkMove } from './rules';
import { demoIds as d, demoSnapshot, patchSnapshot, planOf, rulesOf } from '@/lib/testing/snapshots';

const s = demoSnapshot();

describe('move-eip', () => {
  it('associates an idle EIP with a secondary IP; undo disassociates', () => {
    const plan = planOf(
      checkMove(s, { kind: 'move-eip', allocationId: d.eipIdle, toEni: d.webEth0, toIp: '10.0.1.22' }),
    );
    expect(plan.steps).toEqual([
      {
        action: 'AssociateAddress',
        input: { AllocationId: d.eipIdle, NetworkInterfaceId: d.webEth0, PrivateIpAddress: '10.0.1.22' },
        cli: `aws ec2 associate-address --allocation-id ${d.eipIdle} --network-interface-id ${d.webEth0} --private-ip-address 10.0.1.22`,
        supportsDryRun: true,
        waitFor: null,
        description: expect.any(String),
      },
    ]);
    expect(plan.sideEffects).toEqual([]);
    expect(plan.hourlyCostDelta).toBe(0);
    expect(plan.inverse).toEqual([{ kind: 'disassociate-eip', allocationId: d.eipIdle }]);
  });

  it('moves an associated EIP with AllowReassociation, names the holder it leaves, and undoes back to it', () => {
    const plan = planOf(checkMove(s, { kind: 'move-eip', allocationId: d.eipWeb1, toEni: d.poolA, toIp: '10.0.1.50' }));
    expect(plan.steps[0]!.input).toEqual({
      AllocationId: d.eipWeb1,
      NetworkInterfaceId: d.poolA,
      PrivateIpAddress: '10.0.1.50',
      AllowReassociation: true,
    });
    expect(plan.steps[0]!.cli).toMatch(/--allow-reassociation$/);
    expect(plan.sideEffects.join('\n')).toContain(`leaves its current holder, 10.0.1.20 on ${d.webEth0} (${d.web})`);
    expect(plan.inverse).toEqual([{ kind: 'move-eip', allocationId: d.eipWeb1, toEni: d.webEth0, toIp: '10.0.1.20' }]);
    expect(plan.involved).toEqual(expect.arrayContaining([d.eipWeb1, d.poolA, d.webEth0, d.web]));
  });

  it('warns that the EIP already on the target IP is disassociated, and re-associates it on undo', () => {
    const plan = planOf(
      checkMove(s, { kind: 'move-eip', allocationId: d.eipIdle, toEni: d.webEth0, toIp: '10.0.1.20' }),
    );
    expect(plan.sideEffects.join('\n')).toMatch(
      /203\.0\.113\.10 \(eipalloc-0000e010\) is disassociated from 10\.0\.1\.20; it stays allocated and is billed/,
    );
    expect(plan.inverse).toEqual([
      { kind: 'disassociate-eip', allocationId: d.eipIdle },
      { kind: 'move-eip', allocationId: d.eipWeb1, toEni: d.webEth0, toIp: '10.0.1.20' },
    ]);
    expect(plan.involved).toContain(d.eipWeb1);
  });

  it('saves $0.005/h when it replaces an Amazon-assigned public IPv4', () => {
    const plan = planOf(
      checkMove(s, { kind: 'move-eip', allocationId: d.eipIdle, toEni: d.apiEth0, toIp: '10.0.3.10' }),
    );
    expect(plan.hourlyCostDelta).toBeCloseTo(-0.005);
    expect(plan.sideEffects.join('\n')).toContain('198.51.100.20');
  });

  it('refuses a private IP that is not on the target ENI', () => {
    expect(
      rulesOf(checkMove(s, { kind: 'move-eip', allocationId: d.eipIdle, toEni: d.webEth0, toIp: '10.0.1.99' })),
    ).toEqual(['ip-on-eni']);
  });

  it('refuses a VPC without an internet gateway (Gateway.NotAttached)', () => {
    const v = checkMove(s, { kind: 'move-eip', allocationId: d.eipIdle, toEni: d.labEth0, toIp: '10.1.1.10' });
    expect(rulesOf(v)).toEqual(['internet-gateway']);
    expect(v.ok || v.reasons[0]!.message).toContain('lab (vpc-0000c000) has no internet gateway');
  });

  it('refuses to steal an associated EIP when reassociation is switched off', () => {
    const strict = { ...defaultCheckSettings, allowReassociation: false };
    expect(
      rulesOf(checkMove(s, { kind: 'move-eip', allocationId: d.eipWeb1, toEni: d.poolA, toIp: '10.0.1.50' }, strict)),
    ).toEqual(['eip-associated']);
    expect(
      checkMove(s, { kind: 'move-eip', allocationId: d.eipIdle, toEni: d.poolA, toIp: '10.0.1.50' }, strict).ok,
    ).toBe(true);
  });

  it('refuses the mapping it already has', () => {
    expect(
      rulesOf(checkMove(s, { kind: 'move-eip', allocationId: d.eipWeb1, toEni: d.webEth0, toIp: '10.0.1.20' })),
    ).toEqual(['target-is-different']);
  });

  it('refuses an ENI of a pending instance (IncorrectInstanceState)', () => {
    const pending = patchSnapshot(s, { instances: { [d.batch]: { state: 'pending' } } });
    expect(
      rulesOf(checkMove(pending, { kind: 'move-eip', allocationId: d.eipIdle, toEni: d.batchEth0, toIp: '10.0.1.40' })),
    ).toEqual(['instance-state']);
  });

  it("refuses a service's (requester-managed) ENI as the target: EC2 answers OperationNotPermitted", () => {
    expect(
      rulesOf(checkMove(s, { kind: 'move-eip', allocationId: d.eipIdle, toEni: d.natEni, toIp: '10.0.1.5' })),
    ).toEqual(['eni-not-requester-managed']);
  });

  it("refuses to take the EIP of a service's ENI away, by move or by disassociation (it could not be put back)", () => {
    expect(
      rulesOf(checkMove(s, { kind: 'move-eip', allocationId: d.eipNat, toEni: d.webEth0, toIp: '10.0.1.22' })),
    ).toEqual(['eni-not-requester-managed']);
    expect(rulesOf(checkMove(s, { kind: 'disassociate-eip', allocationId: d.eipNat }))).toEqual([
      'eni-not-requester-managed',
    ]);
  });

  it('lists every reason at once', () => {
    const noIgw = patchSnapshot(s, { vpcs: { [d.vpcProd]: { hasInternetGateway: false } } });
    expect(
      rulesOf(checkMove(noIgw, { kind: 'move-eip', allocationId: d.eipIdle, toEni: d.webEth0, toIp: '10.9.9.9' })),
    ).toEqual(['ip-on-eni', 'internet-gateway']);
    expect(
      rulesOf(
        checkMove(s, { kind: 'move-eip', allocationId: 'eipalloc-0000dead', toEni: 'eni-0000dead', toIp: '10.0.1.1' }),
      ),
    ).toEqual(['resource-exists', 'resource-exists']);
  });
});

describe('disassociate-eip', () => {
  it('disassociates and says the address stays allocated and billed while idle', () => {
    const plan = planOf(checkMove(s, { kind: 'disassociate-eip', allocationId: d.eipWeb2 }));
    expect(plan.steps).toEqual([
      expect.objectContaining({
        action: 'DisassociateAddress',
        input: { AssociationId: 'eipassoc-0000e011' },
        cli: 'aws ec2 disassociate-address --association-id eipassoc-0000e011',
        supportsDryRun: true,
      }),
    ]);
    expect(plan.sideEffects[0]).toContain(
      '203.0.113.11 stays allocated to the account and is billed $0.005/h while idle',
    );
    expect(plan.hourlyCostDelta).toBe(0);
    expect(plan.inverse).toEqual([{ kind: 'move-eip', allocationId: d.eipWeb2, toEni: d.webEth0, toIp: '10.0.1.21' }]);
  });

  it('refuses an EIP that is not associated', () => {
    expect(rulesOf(checkMove(s, { kind: 'disassociate-eip', allocationId: d.eipIdle }))).toEqual(['eip-associated']);
  });

  it('refuses an unknown allocation', () => {
    expect(rulesOf(checkMove(s, { kind: 'disassociate-eip', allocationId: 'eipalloc-0000dead' }))).toEqual([
      'resource-exists',
    ]);
  });
});

describe('EIPs on a pending instance', () => {
  it('allows taking the EIP away but warns that the undo must wait until the instance runs', () => {
    const pending = patchSnapshot(s, { instances: { [d.web]: { state: 'pending' } } });
    const plan = planOf(checkMove(pending, { kind: 'disassociate-eip', allocationId: d.eipWeb1 }));
    expect(plan.sideEffects.join('\n')).toContain(
      `web-1 (${d.web}) is pending: putting 203.0.113.10 back (undo) is only possible once it is running`,
    );
    expect(rulesOf(checkMove(applyMove(pending, plan.move), plan.inverse[0]!))).toEqual(['instance-state']);
    const moved = planOf(
      checkMove(pending, { kind: 'move-eip', allocationId: d.eipWeb1, toEni: d.poolA, toIp: '10.0.1.50' }),
    );
    expect(moved.sideEffects.join('\n')).toContain('only possible once it is running');
  });
});
