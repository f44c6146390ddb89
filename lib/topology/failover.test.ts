import { describe, expect, it } from 'vitest';
import { applyMoves } from './apply';
import { checkFailover, failoverCandidates, type FailoverVerdict } from './failover';
import type { Snapshot } from './schema';
import { buildSnapshot } from '@/lib/testing/snapshots';
import type { InstanceSpec } from '@/lib/testing/snapshot-builder';

const ids = {
  primary: 'i-0000f001',
  standby: 'i-0000f002',
  witness: 'i-0000f003',
  small: 'i-0000f004',
  floating: 'eni-0000f101',
  mgmt: 'eni-0000f102',
  primaryEni: 'eni-0000f100',
  standbyEni: 'eni-0000f200',
  standbyExtra: 'eni-0000f201',
  eip: 'eipalloc-0000f001',
  eipSecondary: 'eipalloc-0000f002',
};

function world(
  over: { primary?: Partial<InstanceSpec>; standbyHasEth1?: boolean; standbyType?: string } = {},
): Snapshot {
  return buildSnapshot({
    vpcs: [{ id: 'vpc-0000f000', cidr: '10.80.0.0/16', igw: true }],
    subnets: [
      { id: 'subnet-0000f00a', vpc: 'vpc-0000f000', az: 'us-east-1a', cidr: '10.80.1.0/24' },
      { id: 'subnet-0000f00c', vpc: 'vpc-0000f000', az: 'us-east-1a', cidr: '10.80.3.0/24' },
      { id: 'subnet-0000f00b', vpc: 'vpc-0000f000', az: 'us-east-1b', cidr: '10.80.2.0/24' },
    ],
    instances: [
      {
        id: ids.primary,
        type: 'm5.large',
        subnet: 'subnet-0000f00a',
        name: 'ha-primary',
        enis: [
          { id: ids.primaryEni, ips: ['10.80.1.10', '10.80.1.20', '10.80.1.21'] },
          { id: ids.floating, ips: ['10.80.1.100', '10.80.1.101'], deviceIndex: 1 },
          { id: ids.mgmt, ips: ['10.80.3.5'], subnet: 'subnet-0000f00c', deviceIndex: 2 },
        ],
        ...over.primary,
      },
      {
        id: ids.standby,
        type: over.standbyType ?? 'm5.large',
        subnet: 'subnet-0000f00a',
        name: 'ha-standby',
        enis: [
          { id: ids.standbyEni, ips: ['10.80.1.11'] },
          ...(over.standbyHasEth1 ? [{ id: ids.standbyExtra, ips: ['10.80.1.12'], deviceIndex: 1 }] : []),
        ],
      },
      {
        id: ids.witness,
        type: 'm5.large',
        subnet: 'subnet-0000f00b',
        name: 'ha-witness',
        enis: [{ id: 'eni-0000f300', ips: ['10.80.2.10'] }],
      },
      {
        id: ids.small,
        type: 't3.micro',
        subnet: 'subnet-0000f00a',
        name: 'small',
        enis: [{ id: 'eni-0000f400', ips: ['10.80.1.40'] }],
      },
    ],
    eips: [
      { allocationId: ids.eip, publicIp: '198.51.100.1', eni: ids.floating, ip: '10.80.1.100' },
      { allocationId: ids.eipSecondary, publicIp: '198.51.100.2', eni: ids.primaryEni, ip: '10.80.1.20' },
    ],
  });
}

function planOf(verdict: FailoverVerdict) {
  if (!verdict.ok) throw new Error(verdict.reasons.map((r) => r.message).join(' '));
  return verdict.plan;
}

describe('checkFailover', () => {
  it('moves every secondary ENI at its own device index, then the primary ENI’s secondary IPs, as ordinary moves', () => {
    const plan = planOf(checkFailover(world(), { kind: 'failover', from: ids.primary, to: ids.standby, ips: true }));
    expect(plan.parts.map((p) => p.move)).toEqual([
      { kind: 'move-eni', eni: ids.floating, toInstance: ids.standby, deviceIndex: 1 },
      { kind: 'move-eni', eni: ids.mgmt, toInstance: ids.standby, deviceIndex: 2 },
      { kind: 'move-ip', ip: '10.80.1.20', toEni: ids.standbyEni },
      { kind: 'move-ip', ip: '10.80.1.21', toEni: ids.standbyEni },
    ]);
    expect(plan.steps.map((s) => s.action)).toEqual([
      'DetachNetworkInterface',
      'AttachNetworkInterface',
      'DetachNetworkInterface',
      'AttachNetworkInterface',
      'AssignPrivateIpAddresses',
      'AssignPrivateIpAddresses',
    ]);
    expect(plan.steps[4]?.input).toMatchObject({ AllowReassignment: true });
    expect(plan.summary).toContain('ha-standby');
    expect(plan.involved).toEqual(
      expect.arrayContaining([ids.primary, ids.standby, ids.floating, ids.mgmt, ids.eip, ids.eipSecondary]),
    );
  });

  it('fails back with the inverse: applied after the failover, everything is where it was', () => {
    const before = world();
    const plan = planOf(checkFailover(before, { kind: 'failover', from: ids.primary, to: ids.standby, ips: true }));
    const after = applyMoves(
      before,
      plan.parts.map((p) => p.move),
    );
    expect(after.enis.find((e) => e.id === ids.floating)?.attachment?.instanceId).toBe(ids.standby);
    expect(after.eips.find((e) => e.allocationId === ids.eipSecondary)?.eniId).toBe(ids.standbyEni);
    const back = applyMoves(after, plan.inverse);
    const where = (s: Snapshot) =>
      s.enis.map((e) => [
        e.id,
        e.attachment?.instanceId,
        e.attachment?.deviceIndex,
        e.privateIps.map((p) => p.address).sort(),
      ]);
    expect(where(back)).toEqual(where(before));
  });

  it('without ips, leaves the primary ENI’s secondary IPs where they are', () => {
    const plan = planOf(checkFailover(world(), { kind: 'failover', from: ids.primary, to: ids.standby, ips: false }));
    expect(plan.parts.every((p) => p.move.kind === 'move-eni')).toBe(true);
  });

  it('takes the next free device index when the standby’s slot is taken, and counts what arrives first', () => {
    const plan = planOf(
      checkFailover(world({ standbyHasEth1: true, standbyType: 'c5.xlarge' }), {
        kind: 'failover',
        from: ids.primary,
        to: ids.standby,
        ips: false,
      }),
    );
    expect(plan.parts.map((p) => (p.move.kind === 'move-eni' ? p.move.deviceIndex : null))).toEqual([2, 3]);
  });

  it('refuses as a whole when the standby has too few ENI slots for everything, sending nothing', () => {
    const verdict = checkFailover(world({ standbyHasEth1: true }), {
      kind: 'failover',
      from: ids.primary,
      to: ids.standby,
      ips: false,
    });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reasons.map((r) => r.rule)).toContain('eni-slot-free');
  });

  it('allows a stopped primary: that is the normal case of a failover', () => {
    const plan = planOf(
      checkFailover(world({ primary: { state: 'stopped' } }), {
        kind: 'failover',
        from: ids.primary,
        to: ids.standby,
        ips: true,
      }),
    );
    expect(plan.summary).toContain('(stopped)');
  });

  it('refuses a primary that is still stopping, with the instance-state rule', () => {
    const verdict = checkFailover(world({ primary: { state: 'stopping' } }), {
      kind: 'failover',
      from: ids.primary,
      to: ids.standby,
      ips: true,
    });
    expect(verdict.ok ? [] : verdict.reasons.map((r) => r.rule)).toContain('instance-state');
  });

  it('refuses a standby in another Availability Zone (and its IPs in another subnet), every reason at once', () => {
    const verdict = checkFailover(world(), { kind: 'failover', from: ids.primary, to: ids.witness, ips: true });
    expect(verdict.ok ? [] : verdict.reasons.map((r) => r.rule)).toEqual(['same-az', 'same-subnet']);
  });

  it('refuses the IPs when the standby’s primary ENI is in another subnet', () => {
    const s = world();
    const moved = {
      ...s,
      enis: s.enis.map((e) => (e.id === ids.standbyEni ? { ...e, subnetId: 'subnet-0000f00c' } : e)),
    };
    const verdict = checkFailover(moved, { kind: 'failover', from: ids.primary, to: ids.standby, ips: true });
    expect(verdict.ok ? [] : verdict.reasons.map((r) => r.rule)).toEqual(['same-subnet']);
  });

  it('refuses an instance with nothing to fail over, saying so', () => {
    const verdict = checkFailover(world(), { kind: 'failover', from: ids.standby, to: ids.primary, ips: true });
    expect(verdict.ok ? '' : verdict.reasons[0]?.message).toContain('nothing to fail over');
  });

  it('lists candidates with their verdicts, the possible ones first', () => {
    const candidates = failoverCandidates(world(), ids.primary);
    expect(candidates[0]).toMatchObject({ instanceId: ids.standby, verdict: { ok: true } });
    expect(candidates.filter((c) => c.verdict.ok).map((c) => c.instanceId)).toEqual([ids.standby]);
  });
});
