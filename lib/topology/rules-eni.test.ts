import { describe, expect, it } from 'vitest';
import { defaultCheckSettings } from './move';
import { checkMove } from './rules';
import { demoIds as d, demoSnapshot, patchSnapshot, planOf, rulesOf } from '@/lib/testing/snapshots';

const s = demoSnapshot();

describe('move-eni', () => {
  it('attaches a pool ENI at the lowest free device index in one step, undone by a detach', () => {
    const plan = planOf(checkMove(s, { kind: 'move-eni', eni: d.poolA, toInstance: d.batch }));
    expect(plan.move).toEqual({ kind: 'move-eni', eni: d.poolA, toInstance: d.batch, deviceIndex: 1 });
    expect(plan.steps).toEqual([
      {
        action: 'AttachNetworkInterface',
        input: { NetworkInterfaceId: d.poolA, InstanceId: d.batch, DeviceIndex: 1 },
        cli: `aws ec2 attach-network-interface --network-interface-id ${d.poolA} --instance-id ${d.batch} --device-index 1`,
        supportsDryRun: true,
        waitFor: 'eni-attached',
        description: expect.any(String),
      },
    ]);
    const effects = plan.sideEffects.join('\n');
    expect(effects).toContain('10.0.1.50 and 10.0.1.51 move with');
    expect(effects).toContain('203.0.113.12 (eipalloc-0000e012) on 10.0.1.51 moves with it');
    expect(effects).toMatch(/guest OS of [\w-]+ \(i-0000a003\) .*asymmetric routing/);
    expect(plan.inverse).toEqual([{ kind: 'detach-eni', eni: d.poolA }]);
    expect(plan.involved).toEqual(expect.arrayContaining([d.poolA, d.batch, d.eipPoolA]));
  });

  it('detaches, waits, then attaches an ENI taken from another instance; undo returns it to its device index', () => {
    const plan = planOf(checkMove(s, { kind: 'move-eni', eni: d.webEth1, toInstance: d.batch, deviceIndex: 3 }));
    expect(plan.steps.map((st) => [st.action, st.input, st.waitFor])).toEqual([
      ['DetachNetworkInterface', { AttachmentId: 'eni-attach-0000a002' }, 'eni-available'],
      [
        'AttachNetworkInterface',
        { NetworkInterfaceId: d.webEth1, InstanceId: d.batch, DeviceIndex: 3 },
        'eni-attached',
      ],
    ]);
    expect(plan.steps[0]!.cli).toBe('aws ec2 detach-network-interface --attachment-id eni-attach-0000a002');
    expect(plan.inverse).toEqual([{ kind: 'move-eni', eni: d.webEth1, toInstance: d.web, deviceIndex: 1 }]);
    expect(plan.involved).toEqual(expect.arrayContaining([d.webEth1, d.web, d.batch]));
  });

  it('refuses to move a primary ENI', () => {
    expect(rulesOf(checkMove(s, { kind: 'move-eni', eni: d.webEth0, toInstance: d.batch }))).toEqual([
      'eni-not-primary',
    ]);
  });

  it('refuses an instance in another Availability Zone (InvalidParameterCombination)', () => {
    const v = checkMove(s, { kind: 'move-eni', eni: d.poolA, toInstance: d.api });
    expect(rulesOf(v)).toEqual(['same-az']);
    expect(v.ok || v.reasons[0]!.message).toContain(
      'floating-a (eni-0000a0f1) is in us-east-1a; api-b (i-0000b001) is in us-east-1b',
    );
  });

  it('allows a same-AZ attachment across VPCs with a multi-VPC note, unless the setting forbids it', () => {
    const plan = planOf(checkMove(s, { kind: 'move-eni', eni: d.poolA, toInstance: d.lab }));
    expect(plan.sideEffects.join('\n')).toContain('Multi-VPC attachment');
    const strict = { ...defaultCheckSettings, allowCrossVpcAttach: false };
    expect(rulesOf(checkMove(s, { kind: 'move-eni', eni: d.poolA, toInstance: d.lab }, strict))).toEqual([
      'cross-vpc-allowed',
    ]);
  });

  it('refuses a target instance that is neither running nor stopped', () => {
    const pending = patchSnapshot(s, { instances: { [d.batch]: { state: 'pending' } } });
    expect(rulesOf(checkMove(pending, { kind: 'move-eni', eni: d.poolA, toInstance: d.batch }))).toEqual([
      'instance-state',
    ]);
  });

  it('refuses to take an ENI from an instance that is shutting down', () => {
    const source = patchSnapshot(s, { instances: { [d.web]: { state: 'shutting-down' } } });
    expect(rulesOf(checkMove(source, { kind: 'move-eni', eni: d.webEth1, toInstance: d.batch }))).toEqual([
      'instance-state',
    ]);
  });

  it('refuses a device index that is taken', () => {
    const v = checkMove(s, { kind: 'move-eni', eni: d.poolA, toInstance: d.web, deviceIndex: 1 });
    expect(rulesOf(v)).toEqual(['device-index-free']);
    expect(v.ok || v.reasons[0]!.message).toContain(
      `web-1 (${d.web}) already has web-1-mgmt (${d.webEth1}) at device index 1`,
    );
  });

  it('refuses an instance whose ENI slots are all taken, in the words of AttachmentLimitExceeded', () => {
    const v = checkMove(s, { kind: 'move-eni', eni: d.poolA, toInstance: d.full });
    expect(rulesOf(v)).toEqual(['eni-slot-free']);
    expect(v.ok || v.reasons[0]!.message).toContain('interface count 3 exceeds the limit for t3.micro');
  });

  it('counts ENIs, not index values, against the limit', () => {
    // batch (c5.xlarge, 4 ENIs) takes device index 9: allowed, since only 2 ENIs would be attached.
    expect(checkMove(s, { kind: 'move-eni', eni: d.poolA, toInstance: d.batch, deviceIndex: 9 }).ok).toBe(true);
  });

  it('refuses an ENI carrying more IPs than the target type allows per ENI', () => {
    const small = patchSnapshot(s, {
      instanceTypes: {
        ...s.instanceTypes,
        'c5.xlarge': { type: 'c5.xlarge', maxEnis: 4, ipv4PerEni: 1, networkCards: 1 },
      },
    });
    expect(rulesOf(checkMove(small, { kind: 'move-eni', eni: d.poolA, toInstance: d.batch }))).toEqual([
      'eni-ips-fit-type',
    ]);
  });

  it('refuses an ENI that is still attaching or detaching', () => {
    const detaching = patchSnapshot(s, {
      enis: { [d.webEth1]: { status: 'detaching', attachment: { ...s.enis[1]!.attachment!, status: 'detaching' } } },
    });
    const v = checkMove(detaching, { kind: 'move-eni', eni: d.webEth1, toInstance: d.batch });
    expect(rulesOf(v)).toEqual(['eni-settled']);
    expect(v.ok || v.reasons[0]!.message).toContain('is detaching');
  });

  it('refuses the instance the ENI is already on, and requester-managed ENIs', () => {
    expect(rulesOf(checkMove(s, { kind: 'move-eni', eni: d.webEth1, toInstance: d.web }))).toContain(
      'target-is-different',
    );
    expect(rulesOf(checkMove(s, { kind: 'move-eni', eni: d.natEni, toInstance: d.batch }))).toContain(
      'eni-not-requester-managed',
    );
  });

  it('refuses a target whose instance type limits are unknown', () => {
    const unknown = patchSnapshot(s, { instances: { [d.batch]: { type: 'x9.huge' } } });
    expect(rulesOf(checkMove(unknown, { kind: 'move-eni', eni: d.poolA, toInstance: d.batch }))).toEqual([
      'instance-type-known',
    ]);
  });

  it('still names what is wrong with the ENI when the target instance is unknown (the detach would fail first)', () => {
    expect(rulesOf(checkMove(s, { kind: 'move-eni', eni: d.fullEth0, toInstance: 'i-0000dead' }))).toEqual([
      'resource-exists',
      'eni-not-primary',
    ]);
    expect(rulesOf(checkMove(s, { kind: 'move-eni', eni: d.natEni, toInstance: 'i-0000dead' }))).toEqual(
      expect.arrayContaining(['resource-exists', 'eni-not-requester-managed']),
    );
    expect(rulesOf(checkMove(s, { kind: 'move-eni', eni: d.poolA, toInstance: 'i-0000dead' }))).toEqual([
      'resource-exists',
    ]);
    const stopping = patchSnapshot(s, { instances: { [d.web]: { state: 'stopping' } } });
    expect(rulesOf(checkMove(stopping, { kind: 'move-eni', eni: d.webEth1, toInstance: 'i-0000dead' }))).toEqual([
      'resource-exists',
      'instance-state',
    ]);
  });

  it('lists every reason at once', () => {
    const v = checkMove(s, { kind: 'move-eni', eni: d.fullEth0, toInstance: d.api, deviceIndex: 0 + 1 });
    expect(rulesOf(v)).toEqual(expect.arrayContaining(['eni-not-primary', 'same-az']));
    const pending = patchSnapshot(s, { instances: { [d.full]: { state: 'pending' } } });
    expect(rulesOf(checkMove(pending, { kind: 'move-eni', eni: d.poolB, toInstance: d.full, deviceIndex: 1 }))).toEqual(
      ['same-az', 'instance-state', 'device-index-free', 'eni-slot-free'],
    );
  });
});

describe('detach-eni', () => {
  it('detaches a secondary ENI; its IPs and EIPs stay on it; undo re-attaches at the same index', () => {
    const plan = planOf(checkMove(s, { kind: 'detach-eni', eni: d.fullEth1 }));
    expect(plan.steps).toEqual([
      expect.objectContaining({
        action: 'DetachNetworkInterface',
        input: { AttachmentId: 'eni-attach-0000a012' },
        supportsDryRun: true,
      }),
    ]);
    expect(plan.sideEffects[0]).toBe('10.0.1.32 and 10.0.1.33 stay on eth1 of full-1 (eni-0000a012).');
    expect(plan.inverse).toEqual([{ kind: 'move-eni', eni: d.fullEth1, toInstance: d.full, deviceIndex: 1 }]);
  });

  it('refuses to detach the primary ENI', () => {
    const v = checkMove(s, { kind: 'detach-eni', eni: d.webEth0 });
    expect(rulesOf(v)).toEqual(['eni-not-primary']);
    expect(v.ok || v.reasons[0]!.message).toContain('can never be detached');
  });

  it('refuses an ENI already in the pool', () => {
    expect(rulesOf(checkMove(s, { kind: 'detach-eni', eni: d.poolA }))).toEqual(['target-is-different']);
  });

  it('refuses while the instance is stopping', () => {
    const stopping = patchSnapshot(s, { instances: { [d.full]: { state: 'stopping' } } });
    expect(rulesOf(checkMove(stopping, { kind: 'detach-eni', eni: d.fullEth1 }))).toEqual(['instance-state']);
  });
});

describe('attachments that are not to an instance of this view', () => {
  it('refuses to move or detach an ENI attached by another service', () => {
    const service = patchSnapshot(s, {
      enis: {
        [d.poolB]: {
          status: 'in-use',
          attachment: {
            id: 'ela-attach-0000b0f1',
            instanceId: null,
            deviceIndex: 1,
            networkCardIndex: 0,
            status: 'attached',
            deleteOnTermination: false,
            attachTime: null,
          },
        },
      },
    });
    expect(rulesOf(checkMove(service, { kind: 'detach-eni', eni: d.poolB }))).toEqual(['eni-not-requester-managed']);
    expect(rulesOf(checkMove(service, { kind: 'move-eni', eni: d.poolB, toInstance: d.api }))).toEqual([
      'eni-not-requester-managed',
    ]);
  });

  it('refuses to move an ENI whose current instance is missing from the view instead of skipping the detach', () => {
    const orphan = patchSnapshot(s, {
      enis: { [d.webEth1]: { attachment: { ...s.enis[1]!.attachment!, instanceId: 'i-0000dead' } } },
    });
    expect(rulesOf(checkMove(orphan, { kind: 'move-eni', eni: d.webEth1, toInstance: d.batch }))).toEqual([
      'resource-exists',
    ]);
  });
});
