import { describe, expect, it } from 'vitest';
import { indexSnapshot } from '@/lib/topology';
import { eniSlotsView, ipSlotsView, isAmazonPublicIp } from './slots';
import { testSnapshot } from '@/lib/testing/view-snapshot';
import { buildTopologyIndex } from './topology-index';

const index = buildTopologyIndex(testSnapshot());
const inst = (id: string) => index.instanceById.get(id)!;
const eni = (id: string) => index.eniById.get(id)!;

describe('eniSlots', () => {
  it('offers one slot per MaximumNetworkInterfaces with the primary locked', () => {
    const { slots, max, used } = eniSlotsView(index, inst('i-0000000000000000a'));
    expect(max).toBe(3);
    expect(used).toBe(2);
    expect(slots.map((s) => s.state)).toEqual(['locked', 'free', 'occupied']);
    expect(slots[2]?.eni?.id).toBe('eni-0000000000000000b');
  });
  it('never invents free slots when the instance type is unknown', () => {
    const { slots, max } = eniSlotsView(index, inst('i-0000000000000000b'));
    expect(max).toBeNull();
    expect(slots.map((s) => s.state)).toEqual(['locked']);
  });
});

describe('ipSlots', () => {
  it('offers Ipv4AddressesPerInterface slots, primary locked, EIP on the IP it maps to', () => {
    const { slots, max, used } = ipSlotsView(index, eni('eni-0000000000000000a'));
    expect(max).toBe(10);
    expect(used).toBe(3);
    expect(slots).toHaveLength(10);
    expect(slots.slice(0, 4).map((s) => s.state)).toEqual(['locked', 'occupied', 'occupied', 'free']);
    expect(slots[1]?.eip?.allocationId).toBe('eipalloc-0000000000000000a');
    expect(slots[0]?.eip).toBeNull();
  });
  it('lists the primary first, then addresses numerically, whatever order EC2 sends them in', () => {
    const snap = testSnapshot();
    const e = snap.enis.find((x) => x.id === 'eni-0000000000000000a')!;
    const [primary, eleven, twelve] = e.privateIps;
    e.privateIps = [{ ...twelve!, address: '10.0.2.100' }, twelve!, { ...primary!, address: '10.0.2.9' }, eleven!];
    const ix = buildTopologyIndex(snap);
    const { slots } = ipSlotsView(ix, ix.eniById.get(e.id)!);
    expect(slots.filter((s) => s.ip).map((s) => s.ip!.address)).toEqual([
      '10.0.2.9',
      '10.0.2.11',
      '10.0.2.12',
      '10.0.2.100',
    ]);
    expect(slots.map((s) => s.n)).toEqual(slots.map((_, i) => i));
  });
  it('has no free slot when the type is full', () => {
    const { slots } = ipSlotsView(index, eni('eni-0000000000000000d'));
    expect(slots.map((s) => s.state)).toEqual(['locked', 'occupied']);
  });
  it('gives an unattached ENI a single free slot as a drop target', () => {
    const { slots, max } = ipSlotsView(index, eni('eni-0000000000000000e'));
    expect(max).toBeNull();
    expect(slots.map((s) => s.state)).toEqual(['locked', 'free']);
  });
  it('offers no free slot on a requester-managed ENI', () => {
    expect(ipSlotsView(index, eni('eni-0000000000000000f')).slots.map((s) => s.state)).toEqual(['locked']);
  });
  it('tells an Amazon-assigned public IP from an Elastic IP', () => {
    const [primary, secondary] = eni('eni-0000000000000000a').privateIps;
    expect(isAmazonPublicIp(primary!)).toBe(true);
    expect(isAmazonPublicIp(secondary!)).toBe(false);
  });
});

describe('buildTopologyIndex', () => {
  it('groups subnets by AZ in order and sorts CIDRs numerically', () => {
    const azs = index.azsByVpc.get('vpc-0a000000000000001')!;
    expect(azs.map((a) => a.az)).toEqual(['us-east-1a', 'us-east-1b']);
    expect(azs[0]!.subnets.map((s) => s.cidr)).toEqual(['10.0.1.0/28', '10.0.2.0/24']);
  });
  it('puts unattached ENIs and unassociated EIPs in the pools', () => {
    expect(index.poolEnisBySubnet.get('subnet-0a2')?.map((e) => e.id)).toEqual(['eni-0000000000000000e']);
    expect(index.idleEips.map((e) => e.allocationId)).toEqual(['eipalloc-0000000000000000b']);
  });
  it('keeps ENIs attached to an AWS service out of the pool', () => {
    expect(index.poolEnisBySubnet.get('subnet-0a1')).toBeUndefined();
    expect(index.serviceEnis.map((e) => e.id)).toEqual(['eni-0000000000000000f']);
  });
  it("shares the rules' index of the same snapshot instead of building a second one", () => {
    const snap = testSnapshot();
    const view = buildTopologyIndex(snap);
    expect(view.eniById).toBe(indexSnapshot(snap).eniById);
    expect(view.idleEips).toBe(indexSnapshot(snap).idleEips);
  });
  it('lists named instances before unnamed ones', () => {
    expect(index.instancesBySubnet.get('subnet-0a2')?.map((i) => i.id)).toEqual([
      'i-0000000000000000a',
      'i-0000000000000000b',
    ]);
  });
});
