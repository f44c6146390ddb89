// The console's changes: each plan's calls, CLI lines, side effects, cost and undo; each refusal's rule.
import { describe, expect, it } from 'vitest';
import { demoIds as d, demoSnapshot, planOf, rulesOf } from '@/lib/testing/snapshots';
import { applyMove } from './apply';
import { inverseWithCreated } from './apply-change';
import { bindCreated, CREATED, namesCreated } from './change';
import { moveSchema } from './move';
import { checkMove } from './rules';

const s = demoSnapshot();

describe('create-eni', () => {
  it('picks the lowest free addresses, attaches by placeholder at the lowest free device index', () => {
    const plan = planOf(
      checkMove(s, {
        kind: 'create-eni',
        subnetId: d.subnetA,
        secondaryCount: 2,
        name: 'extra',
        attachTo: { instanceId: d.web },
      }),
    );
    expect(plan.move).toMatchObject({
      privateIp: '10.0.1.4',
      secondaryIps: ['10.0.1.6', '10.0.1.7'],
      attachTo: { instanceId: d.web, deviceIndex: 2 },
    });
    expect(plan.steps.map((st) => st.action)).toEqual(['CreateNetworkInterface', 'AttachNetworkInterface']);
    expect(plan.steps[0]!.creates).toBe('eni');
    expect(plan.steps[0]!.cli).toMatch(
      /^ENI_ID=\$\(aws ec2 create-network-interface --subnet-id subnet-0000a001 --private-ip-addresses PrivateIpAddress=10\.0\.1\.4,Primary=true/,
    );
    expect(plan.steps[1]!.input).toEqual({ NetworkInterfaceId: CREATED.eni, InstanceId: d.web, DeviceIndex: 2 });
    expect(plan.steps[1]!.cli).toContain('--network-interface-id $ENI_ID');
    expect(plan.inverse).toEqual([]);
    expect(inverseWithCreated(plan.move, { eni: 'eni-0000ffff' })).toEqual([
      { kind: 'detach-eni', eni: 'eni-0000ffff' },
      { kind: 'delete-eni', eni: 'eni-0000ffff' },
    ]);
  });

  it('refuses a taken, a reserved and an outside address, and an attach across AZs, naming the new ENI', () => {
    expect(rulesOf(checkMove(s, { kind: 'create-eni', subnetId: d.subnetA, privateIp: '10.0.1.10' }))).toEqual([
      'ip-free-in-subnet',
    ]);
    expect(rulesOf(checkMove(s, { kind: 'create-eni', subnetId: d.subnetA, privateIp: '10.0.1.255' }))).toEqual([
      'ip-free-in-subnet',
    ]);
    expect(rulesOf(checkMove(s, { kind: 'create-eni', subnetId: d.subnetA, privateIp: '10.0.9.9' }))).toEqual([
      'same-subnet',
    ]);
    const v = checkMove(s, { kind: 'create-eni', subnetId: d.subnetA, attachTo: { instanceId: d.api } });
    expect(rulesOf(v)).toEqual(['same-az']);
    expect(JSON.stringify(v)).not.toContain('$ENI_ID');
    expect(
      rulesOf(checkMove(s, { kind: 'create-eni', subnetId: d.subnetA, attachTo: { instanceId: d.full } })),
    ).toContain('eni-slot-free');
  });

  it('refuses unknown security groups and a subnet without enough free addresses', () => {
    expect(
      rulesOf(checkMove(s, { kind: 'create-eni', subnetId: d.subnetA, securityGroupIds: ['sg-0000dead'] })),
    ).toEqual(['security-group-known']);
    const tiny = { ...s, subnets: s.subnets.map((x) => (x.id === d.subnetA ? { ...x, cidr: '10.0.1.0/28' } : x)) };
    expect(rulesOf(checkMove(tiny, { kind: 'create-eni', subnetId: d.subnetA, secondaryCount: 20 }))).toEqual([
      'subnet-has-free-addresses',
    ]);
  });

  it('adds the created ENI with the id EC2 returned, and nothing before', () => {
    const move = planOf(
      checkMove(s, { kind: 'create-eni', subnetId: d.subnetA, attachTo: { instanceId: d.web } }),
    ).move;
    expect(applyMove(s, move)).toBe(s);
    const after = applyMove(s, move, { eni: 'eni-0000ffff' });
    expect(after.enis.find((e) => e.id === 'eni-0000ffff')).toMatchObject({
      attachment: { instanceId: d.web, deviceIndex: 2 },
      status: 'in-use',
    });
    expect(after.subnets.find((x) => x.id === d.subnetA)!.availableIpCount).toBe(
      s.subnets.find((x) => x.id === d.subnetA)!.availableIpCount - 1,
    );
  });
});

describe('delete-eni', () => {
  it('deletes an available ENI and says its EIP stays billed; cannot be undone', () => {
    const plan = planOf(checkMove(s, { kind: 'delete-eni', eni: d.poolA }));
    expect(plan.steps.map((st) => st.cli)).toEqual([
      `aws ec2 delete-network-interface --network-interface-id ${d.poolA}`,
    ]);
    expect(plan.sideEffects.join(' ')).toMatch(/203\.0\.113\.12.*becomes idle.*still billed/);
    expect(plan.inverse).toEqual([]);
    expect(applyMove(s, plan.move).eips.find((e) => e.allocationId === d.eipPoolA)!.eniId).toBeNull();
  });

  it('refuses an attached ENI with the way out, and a requester-managed one', () => {
    const v = checkMove(s, { kind: 'delete-eni', eni: d.webEth1 });
    expect(rulesOf(v)).toEqual(['eni-available']);
    expect(JSON.stringify(v)).toContain('Detach it first');
    expect(rulesOf(checkMove(s, { kind: 'delete-eni', eni: d.natEni }))).toContain('eni-not-requester-managed');
  });
});

describe('assign-ips and unassign-ips', () => {
  it('resolves a count to the lowest free addresses; the undo unassigns them', () => {
    const plan = planOf(checkMove(s, { kind: 'assign-ips', eni: d.poolB, count: 2 }));
    expect(plan.move).toEqual({ kind: 'assign-ips', eni: d.poolB, addresses: ['10.0.3.4', '10.0.3.5'] });
    expect(plan.steps[0]!.input).toEqual({ NetworkInterfaceId: d.poolB, PrivateIpAddresses: ['10.0.3.4', '10.0.3.5'] });
    expect(plan.inverse).toEqual([{ kind: 'unassign-ips', eni: d.poolB, addresses: ['10.0.3.4', '10.0.3.5'] }]);
  });

  it('refuses a full ENI, a reserved address and an address of another subnet', () => {
    expect(rulesOf(checkMove(s, { kind: 'assign-ips', eni: d.fullEth0, count: 1 }))).toEqual(['ip-slot-free']);
    expect(rulesOf(checkMove(s, { kind: 'assign-ips', eni: d.poolB, addresses: ['10.0.3.0'] }))).toEqual([
      'ip-free-in-subnet',
    ]);
    expect(rulesOf(checkMove(s, { kind: 'assign-ips', eni: d.poolB, addresses: ['10.0.1.99'] }))).toEqual([
      'same-subnet',
    ]);
  });

  it('unassigns secondaries (the EIP on one goes idle and comes back on undo); refuses a primary or a stranger', () => {
    const plan = planOf(checkMove(s, { kind: 'unassign-ips', eni: d.webEth0, addresses: ['10.0.1.20', '10.0.1.22'] }));
    expect(plan.inverse).toEqual([
      { kind: 'assign-ips', eni: d.webEth0, addresses: ['10.0.1.20', '10.0.1.22'] },
      { kind: 'move-eip', allocationId: d.eipWeb1, toEni: d.webEth0, toIp: '10.0.1.20' },
    ]);
    expect(rulesOf(checkMove(s, { kind: 'unassign-ips', eni: d.webEth0, addresses: ['10.0.1.10'] }))).toEqual([
      'ip-is-secondary',
    ]);
    expect(rulesOf(checkMove(s, { kind: 'unassign-ips', eni: d.webEth0, addresses: ['10.0.1.50'] }))).toEqual([
      'ip-on-eni',
    ]);
  });

  it('takes either a count or addresses', () => {
    expect(moveSchema.safeParse({ kind: 'assign-ips', eni: d.poolB }).success).toBe(false);
    expect(moveSchema.safeParse({ kind: 'assign-ips', eni: d.poolB, count: 1, addresses: ['10.0.3.9'] }).success).toBe(
      false,
    );
  });
});

describe('Elastic IPs and attributes', () => {
  it('allocates at +$0.005/h (undo releases what EC2 allocated) and releases an idle one at −$0.005/h', () => {
    const plan = planOf(checkMove(s, { kind: 'allocate-eip', name: 'bastion' }));
    expect(plan.hourlyCostDelta).toBe(0.005);
    expect(plan.steps[0]!.input).toMatchObject({ Domain: 'vpc', TagSpecifications: [{ ResourceType: 'elastic-ip' }] });
    expect(inverseWithCreated(plan.move, { eip: 'eipalloc-0000ffff' })).toEqual([
      { kind: 'release-eip', allocationId: 'eipalloc-0000ffff' },
    ]);
    expect(planOf(checkMove(s, { kind: 'release-eip', allocationId: d.eipIdle })).hourlyCostDelta).toBe(-0.005);
  });

  it('refuses to release an associated address and says to disassociate it first', () => {
    const v = checkMove(s, { kind: 'release-eip', allocationId: d.eipWeb1 });
    expect(rulesOf(v)).toEqual(['eip-idle']);
    expect(JSON.stringify(v)).toContain('Disassociate it first');
  });

  it('flips source/dest check with its undo, and refuses a no-op', () => {
    const plan = planOf(checkMove(s, { kind: 'set-source-dest-check', eni: d.poolB, enabled: false }));
    expect(plan.steps[0]!.cli).toBe(
      `aws ec2 modify-network-interface-attribute --network-interface-id ${d.poolB} --no-source-dest-check`,
    );
    expect(plan.inverse).toEqual([{ kind: 'set-source-dest-check', eni: d.poolB, enabled: true }]);
    expect(rulesOf(checkMove(s, { kind: 'set-source-dest-check', eni: d.poolB, enabled: true }))).toEqual([
      'target-is-different',
    ]);
  });

  it('sets a description with the previous one as its undo; refuses the same text, a requester-managed ENI, 256 characters', () => {
    const plan = planOf(checkMove(s, { kind: 'set-description', eni: d.poolB, description: "Bob's NAT, eth1" }));
    expect(plan.steps[0]!.input).toEqual({ NetworkInterfaceId: d.poolB, Description: { Value: "Bob's NAT, eth1" } });
    expect(plan.steps[0]!.cli).toBe(
      `aws ec2 modify-network-interface-attribute --network-interface-id ${d.poolB} --description '{"Value":"Bob'\\''s NAT, eth1"}'`,
    );
    expect(plan.inverse).toEqual([{ kind: 'set-description', eni: d.poolB, description: '' }]);
    const after = applyMove(s, plan.move);
    expect(after.enis.find((e) => e.id === d.poolB)!.description).toBe("Bob's NAT, eth1");
    expect(rulesOf(checkMove(after, plan.inverse[0]!))).toEqual([]);
    expect(rulesOf(checkMove(s, { kind: 'set-description', eni: d.poolB, description: '' }))).toEqual([
      'target-is-different',
    ]);
    expect(rulesOf(checkMove(s, { kind: 'set-description', eni: d.natEni, description: 'mine' }))).toEqual([
      'eni-not-requester-managed',
    ]);
    expect(moveSchema.safeParse({ kind: 'set-description', eni: d.poolB, description: 'x'.repeat(256) }).success).toBe(
      false,
    );
  });
});

describe('set-tags', () => {
  it('sets and removes tags of an ENI (the Name tag names it), with an undo that puts the previous tags back', () => {
    const eni = s.enis.find((e) => e.id === d.poolB)!;
    expect(eni.tags).toEqual({ Name: 'spare-b' });
    const move = { kind: 'set-tags', resourceId: d.poolB, tags: { Name: 'nat-b', team: 'net' } } as const;
    const plan = planOf(checkMove(s, move));
    expect(plan.steps.map((st) => st.cli)).toEqual([
      `aws ec2 create-tags --resources ${d.poolB} --tags '[{"Key":"Name","Value":"nat-b"},{"Key":"team","Value":"net"}]'`,
    ]);
    expect(plan.inverse).toEqual([
      { kind: 'set-tags', resourceId: d.poolB, tags: { Name: 'spare-b' }, remove: ['team'] },
    ]);
    const after = applyMove(s, move);
    expect(after.enis.find((e) => e.id === d.poolB)).toMatchObject({
      name: 'nat-b',
      tags: { Name: 'nat-b', team: 'net' },
    });
    const back = applyMove(after, plan.inverse[0]!);
    expect(back.enis.find((e) => e.id === d.poolB)).toMatchObject({ name: 'spare-b', tags: { Name: 'spare-b' } });
    const removal = planOf(checkMove(s, { kind: 'set-tags', resourceId: d.poolB, tags: {}, remove: ['Name'] }));
    expect(removal.steps.map((st) => st.action)).toEqual(['DeleteTags']);
    expect(applyMove(s, removal.move).enis.find((e) => e.id === d.poolB)!.name).toBeNull();
  });

  it('tags an Elastic IP; refuses a no-op, an unknown resource, more than 50 tags, and invalid keys', () => {
    expect(planOf(checkMove(s, { kind: 'set-tags', resourceId: d.eipIdle, tags: { env: 'prod' } })).steps).toHaveLength(
      1,
    );
    expect(rulesOf(checkMove(s, { kind: 'set-tags', resourceId: d.poolB, tags: { Name: 'spare-b' } }))).toEqual([
      'target-is-different',
    ]);
    expect(rulesOf(checkMove(s, { kind: 'set-tags', resourceId: 'eni-0000dead', tags: { a: 'b' } }))).toEqual([
      'resource-exists',
    ]);
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    expect(rulesOf(checkMove(s, { kind: 'set-tags', resourceId: d.poolB, tags: many }))).toEqual(['tag-limit']);
    for (const bad of [
      { tags: { 'aws:owner': 'x' } },
      { tags: {} },
      { tags: { a: 'b' }, remove: ['a'] },
      { tags: { ['k'.repeat(128)]: 'v' } },
    ])
      expect(moveSchema.safeParse({ kind: 'set-tags', resourceId: d.poolB, ...bad }).success, JSON.stringify(bad)).toBe(
        false,
      );
  });
});

describe('set-security-groups', () => {
  const group = (id: string, name: string, vpcId: string) => ({ id, name, vpcId, description: name });
  const withGroups = {
    ...s,
    securityGroups: [
      group('sg-0000d0f1', 'default', d.vpcProd),
      group('sg-0000a0b1', 'web', d.vpcProd),
      group('sg-0000c1a1', 'lab', d.vpcLab),
    ],
    enis: s.enis.map((e) => (e.id === d.poolB ? { ...e, groups: [{ id: 'sg-0000d0f1', name: 'default' }] } : e)),
  };

  it('replaces the whole set with an undo to the previous set, and refuses the same set in another order', () => {
    const move = { kind: 'set-security-groups' as const, eni: d.poolB, groupIds: ['sg-0000a0b1', 'sg-0000d0f1'] };
    const plan = planOf(checkMove(withGroups, move));
    expect(plan.steps[0]!.cli).toBe(
      `aws ec2 modify-network-interface-attribute --network-interface-id ${d.poolB} --groups sg-0000a0b1 sg-0000d0f1`,
    );
    expect(plan.inverse).toEqual([{ kind: 'set-security-groups', eni: d.poolB, groupIds: ['sg-0000d0f1'] }]);
    const after = applyMove(withGroups, move);
    expect(after.enis.find((e) => e.id === d.poolB)!.groups).toEqual([
      { id: 'sg-0000a0b1', name: 'web' },
      { id: 'sg-0000d0f1', name: 'default' },
    ]);
    expect(rulesOf(checkMove(after, { ...move, groupIds: ['sg-0000d0f1', 'sg-0000a0b1'] }))).toEqual([
      'target-is-different',
    ]);
  });

  it("refuses an unknown group, another VPC's group, a requester-managed ENI; the schema wants 1 to 5 distinct groups", () => {
    const v = checkMove(withGroups, {
      kind: 'set-security-groups',
      eni: d.poolB,
      groupIds: ['sg-0000dead', 'sg-0000c1a1'],
    });
    expect(rulesOf(v)).toEqual(['security-group-known', 'security-group-known']);
    expect(JSON.stringify(v)).toContain(`belongs to ${d.vpcLab}`);
    expect(
      rulesOf(checkMove(withGroups, { kind: 'set-security-groups', eni: d.natEni, groupIds: ['sg-0000a0b1'] })),
    ).toEqual(['eni-not-requester-managed']);
    for (const groupIds of [[], ['sg-0000a0b1', 'sg-0000a0b1'], Array.from({ length: 6 }, (_, i) => `sg-0000000${i}`)])
      expect(moveSchema.safeParse({ kind: 'set-security-groups', eni: d.poolB, groupIds }).success).toBe(false);
  });
});

describe('created-id placeholders', () => {
  it('are substituted everywhere in a step, and known to name a created resource', () => {
    const step = { input: { NetworkInterfaceId: CREATED.eni, List: [CREATED.eni] }, cli: `x ${CREATED.eni}` };
    expect(namesCreated(step)).toBe(true);
    const bound = bindCreated(step, { eni: 'eni-0000ffff' });
    expect(bound).toEqual({
      input: { NetworkInterfaceId: 'eni-0000ffff', List: ['eni-0000ffff'] },
      cli: 'x eni-0000ffff',
    });
    expect(namesCreated(bound)).toBe(false);
  });
});
