import { describe, expect, it } from 'vitest';
import { applyMove, ApplyMoveError } from './apply';
import { indexSnapshot } from './snapshot-index';
import { diffLayout } from './layout';
import { candidateMoves } from '@/lib/testing/moves';
import { checkMove } from './rules';
import type { Snapshot } from './schema';
import { demoIds as d, demoSnapshot } from '@/lib/testing/snapshots';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const frozen = (): Snapshot => deepFreeze(demoSnapshot());
const eni = (s: Snapshot, id: string) => indexSnapshot(s).eniById.get(id)!;
const eip = (s: Snapshot, id: string) => indexSnapshot(s).eipByAllocation.get(id)!;
const subnetFree = (s: Snapshot, id: string) => indexSnapshot(s).subnetById.get(id)!.availableIpCount;
const ips = (s: Snapshot, id: string) => eni(s, id).privateIps.map((p) => p.address);

describe('applyMove', () => {
  it('moves a secondary IP and its EIP association to the target ENI', () => {
    const s = frozen();
    const next = applyMove(s, { kind: 'move-ip', ip: '10.0.1.20', toEni: d.batchEth0 });
    expect(ips(next, d.webEth0)).not.toContain('10.0.1.20');
    expect(eni(next, d.batchEth0).privateIps.at(-1)).toMatchObject({
      address: '10.0.1.20',
      primary: false,
      association: { allocationId: d.eipWeb1 },
    });
    expect(eip(next, d.eipWeb1)).toMatchObject({ eniId: d.batchEth0, privateIp: '10.0.1.20', instanceId: d.batch });
    expect(subnetFree(next, d.subnetA)).toBe(subnetFree(s, d.subnetA));
  });

  it('unassigns an IP, clears its EIP and frees one address in the subnet', () => {
    const s = frozen();
    const next = applyMove(s, { kind: 'unassign-ip', ip: '10.0.1.21' });
    expect(ips(next, d.webEth0)).toEqual(['10.0.1.10', '10.0.1.20', '10.0.1.22']);
    expect(eip(next, d.eipWeb2)).toMatchObject({ associationId: null, eniId: null, privateIp: null, instanceId: null });
    expect(subnetFree(next, d.subnetA)).toBe(subnetFree(s, d.subnetA) + 1);
  });

  it('assigns an IP and takes one address from the subnet', () => {
    const s = frozen();
    const next = applyMove(s, { kind: 'assign-ip', ip: '10.0.1.77', toEni: d.batchEth0 });
    expect(ips(next, d.batchEth0)).toEqual(['10.0.1.40', '10.0.1.77']);
    expect(subnetFree(next, d.subnetA)).toBe(subnetFree(s, d.subnetA) - 1);
  });

  it('detaches an ENI into the pool; its EIPs lose their instance but stay on the ENI', () => {
    const s = frozen();
    const moved = applyMove(s, { kind: 'move-eni', eni: d.poolA, toInstance: d.batch });
    const next = applyMove(moved, { kind: 'detach-eni', eni: d.poolA });
    expect(eni(next, d.poolA)).toMatchObject({ status: 'available', attachment: null });
    expect(eip(next, d.eipPoolA)).toMatchObject({ eniId: d.poolA, privateIp: '10.0.1.51', instanceId: null });
  });

  it('attaches an ENI at the lowest free index with a placeholder attachment; its EIPs name the new instance', () => {
    const next = applyMove(frozen(), { kind: 'move-eni', eni: d.poolA, toInstance: d.web });
    expect(eni(next, d.poolA)).toMatchObject({
      status: 'in-use',
      attachment: { instanceId: d.web, deviceIndex: 2, status: 'attached' },
    });
    expect(eni(next, d.poolA).attachment!.id).toMatch(/^eni-attach-/);
    expect(eip(next, d.eipPoolA).instanceId).toBe(d.web);
    expect(
      indexSnapshot(next)
        .enisByInstance.get(d.web)!
        .map((e) => e.id),
    ).toEqual([d.webEth0, d.webEth1, d.poolA]);
  });

  it('moves an EIP: both the address list and the private IPs on both ENIs change, a displaced EIP goes idle', () => {
    const s = frozen();
    const next = applyMove(s, { kind: 'move-eip', allocationId: d.eipWeb1, toEni: d.webEth0, toIp: '10.0.1.21' });
    expect(eip(next, d.eipWeb1)).toMatchObject({ eniId: d.webEth0, privateIp: '10.0.1.21', instanceId: d.web });
    expect(eip(next, d.eipWeb2)).toMatchObject({ associationId: null, eniId: null });
    const byIp = Object.fromEntries(
      eni(next, d.webEth0).privateIps.map((p) => [p.address, p.association?.allocationId ?? null]),
    );
    expect(byIp).toMatchObject({ '10.0.1.20': null, '10.0.1.21': d.eipWeb1 });
  });

  it('replaces an Amazon-assigned public IPv4 and updates the instance public IP', () => {
    const next = applyMove(frozen(), {
      kind: 'move-eip',
      allocationId: d.eipIdle,
      toEni: d.apiEth0,
      toIp: '10.0.3.10',
    });
    expect(indexSnapshot(next).instanceById.get(d.api)!.publicIp).toBe('203.0.113.20');
    const back = applyMove(next, { kind: 'disassociate-eip', allocationId: d.eipIdle });
    expect(indexSnapshot(back).instanceById.get(d.api)!.publicIp).toBeNull();
  });

  it('never mutates its input and shares unchanged records', () => {
    const s = frozen();
    const before = JSON.stringify(s);
    const next = applyMove(s, { kind: 'move-ip', ip: '10.0.1.22', toEni: d.batchEth0 });
    expect(JSON.stringify(s)).toBe(before);
    expect(next).not.toBe(s);
    expect(eni(next, d.apiEth0)).toBe(eni(s, d.apiEth0));
    expect(next.vpcs).toBe(s.vpcs);
  });

  it('throws ApplyMoveError only for moves checkMove refuses for missing or impossible things', () => {
    const s = frozen();
    expect(() => applyMove(s, { kind: 'move-ip', ip: '10.0.1.10', toEni: d.batchEth0 })).toThrow(ApplyMoveError);
    expect(() => applyMove(s, { kind: 'detach-eni', eni: d.webEth0 })).toThrow(ApplyMoveError);
    expect(() =>
      applyMove(s, { kind: 'move-eip', allocationId: d.eipIdle, toEni: d.webEth0, toIp: '10.9.9.9' }),
    ).toThrow(ApplyMoveError);
    expect(() => applyMove(s, { kind: 'unassign-ip', ip: '10.9.9.9' })).toThrow(ApplyMoveError);
  });

  it('leaves the layout unchanged outside the resources a move involves', () => {
    const s = frozen();
    const next = applyMove(s, { kind: 'move-eni', eni: d.webEth1, toInstance: d.batch });
    const others = new Set([d.apiEth0, d.fullEth0, d.poolB, d.eipWeb1, d.subnetB]);
    expect(diffLayout(s, next, { ids: others, statuses: true, freeIps: true })).toEqual([]);
  });

  it('checkMove reads a deep-frozen snapshot without changing it, for every candidate move', () => {
    const s = frozen();
    const before = JSON.stringify(s);
    const verdicts = candidateMoves(s).map((m) => checkMove(s, m));
    expect(verdicts.filter((v) => v.ok).length).toBeGreaterThan(20);
    expect(verdicts.filter((v) => !v.ok).length).toBeGreaterThan(20);
    expect(JSON.stringify(s)).toBe(before);
  });
});
