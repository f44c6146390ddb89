// Test fixtures: the snapshot builder and demoSnapshot, a small realistic account used across the app's tests.
import type { Plan, RuleId, Verdict, Eni, Instance, Snapshot, Vpc } from '@/lib/topology';
import { buildSnapshot } from './snapshot-builder';

export { buildSnapshot } from './snapshot-builder';

/** Ids of demoSnapshot, by role. */
export const demoIds = {
  vpcProd: 'vpc-0000a000', // 10.0.0.0/16, internet gateway
  vpcLab: 'vpc-0000c000', // 10.1.0.0/16, no internet gateway
  subnetA: 'subnet-0000a001', // prod, us-east-1a, 10.0.1.0/24
  subnetA2: 'subnet-0000a002', // prod, us-east-1a, 10.0.2.0/24
  subnetB: 'subnet-0000b001', // prod, us-east-1b, 10.0.3.0/24
  subnetLab: 'subnet-0000c001', // lab, us-east-1a, 10.1.1.0/24
  web: 'i-0000a001', // m5.large (3/10), running: eth0 with 3 secondaries (2 with EIPs), eth1 in subnetA2
  webEth0: 'eni-0000a001',
  webEth1: 'eni-0000a002',
  full: 'i-0000a002', // t3.micro (2/2), running: both ENI slots and all IP slots taken
  fullEth0: 'eni-0000a011',
  fullEth1: 'eni-0000a012',
  api: 'i-0000b001', // t3.medium (3/6), running, us-east-1b
  apiEth0: 'eni-0000b001',
  batch: 'i-0000a003', // c5.xlarge (4/15), stopped
  batchEth0: 'eni-0000a031',
  lab: 'i-0000c001', // t3.medium, running, in the VPC without internet gateway (same AZ as web)
  labEth0: 'eni-0000c001',
  poolA: 'eni-0000a0f1', // floating ENI in subnetA carrying an EIP on its secondary IP
  poolB: 'eni-0000b0f1', // pool ENI in subnetB
  natEni: 'eni-0000a0e1', // requester-managed (NAT gateway) in subnetA
  eipWeb1: 'eipalloc-0000e010', // 203.0.113.10 on 10.0.1.20 (web eth0)
  eipWeb2: 'eipalloc-0000e011', // 203.0.113.11 on 10.0.1.21 (web eth0)
  eipPoolA: 'eipalloc-0000e012', // 203.0.113.12 on 10.0.1.51 (poolA)
  eipIdle: 'eipalloc-0000e020', // 203.0.113.20, not associated
  eipNat: 'eipalloc-0000e030', // 203.0.113.30 on the NAT gateway's ENI
} as const;

export function demoSnapshot(): Snapshot {
  const d = demoIds;
  return buildSnapshot({
    vpcs: [
      { id: d.vpcProd, cidr: '10.0.0.0/16', igw: true, name: 'prod' },
      { id: d.vpcLab, cidr: '10.1.0.0/16', igw: false, name: 'lab' },
    ],
    subnets: [
      { id: d.subnetA, vpc: d.vpcProd, az: 'us-east-1a', cidr: '10.0.1.0/24', name: 'prod-public-a' },
      { id: d.subnetA2, vpc: d.vpcProd, az: 'us-east-1a', cidr: '10.0.2.0/24', name: 'prod-mgmt-a' },
      { id: d.subnetB, vpc: d.vpcProd, az: 'us-east-1b', cidr: '10.0.3.0/24', name: 'prod-public-b' },
      { id: d.subnetLab, vpc: d.vpcLab, az: 'us-east-1a', cidr: '10.1.1.0/24', name: 'lab-a' },
    ],
    instances: [
      {
        id: d.web,
        type: 'm5.large',
        subnet: d.subnetA,
        name: 'web-1',
        enis: [
          {
            id: d.webEth0,
            ips: ['10.0.1.10', '10.0.1.20', '10.0.1.21', '10.0.1.22'],
            name: 'web-1-eth0',
            amazonPublicIp: '198.51.100.10',
          },
          { id: d.webEth1, ips: ['10.0.2.10'], subnet: d.subnetA2, name: 'web-1-mgmt' },
        ],
      },
      {
        id: d.full,
        type: 't3.micro',
        subnet: d.subnetA,
        name: 'full-1',
        enis: [
          { id: d.fullEth0, ips: ['10.0.1.30', '10.0.1.31'] },
          { id: d.fullEth1, ips: ['10.0.1.32', '10.0.1.33'] },
        ],
      },
      {
        id: d.api,
        type: 't3.medium',
        subnet: d.subnetB,
        name: 'api-b',
        enis: [{ id: d.apiEth0, ips: ['10.0.3.10'], amazonPublicIp: '198.51.100.20' }],
      },
      {
        id: d.batch,
        type: 'c5.xlarge',
        subnet: d.subnetA,
        state: 'stopped',
        name: 'batch',
        enis: [{ id: d.batchEth0, ips: ['10.0.1.40'] }],
      },
      {
        id: d.lab,
        type: 't3.medium',
        subnet: d.subnetLab,
        name: 'lab-1',
        enis: [{ id: d.labEth0, ips: ['10.1.1.10'] }],
      },
    ],
    poolEnis: [
      { id: d.poolA, subnet: d.subnetA, ips: ['10.0.1.50', '10.0.1.51'], name: 'floating-a' },
      { id: d.poolB, subnet: d.subnetB, ips: ['10.0.3.50'], name: 'spare-b' },
      { id: d.natEni, subnet: d.subnetA, ips: ['10.0.1.5'], requesterManaged: true, interfaceType: 'nat_gateway' },
    ],
    eips: [
      { allocationId: d.eipWeb1, publicIp: '203.0.113.10', eni: d.webEth0, ip: '10.0.1.20', name: 'shop.example.com' },
      { allocationId: d.eipWeb2, publicIp: '203.0.113.11', eni: d.webEth0, ip: '10.0.1.21', name: 'blog.example.com' },
      { allocationId: d.eipPoolA, publicIp: '203.0.113.12', eni: d.poolA, ip: '10.0.1.51', name: 'floating' },
      { allocationId: d.eipIdle, publicIp: '203.0.113.20', name: 'spare' },
      { allocationId: d.eipNat, publicIp: '203.0.113.30', eni: d.natEni, ip: '10.0.1.5', name: 'nat' },
    ],
  });
}

/** The plan of an allowed verdict; throws with the reasons otherwise (for tests). */
export function planOf(verdict: Verdict): Plan {
  if (!verdict.ok)
    throw new Error(
      `expected an allowed move, got: ${verdict.reasons.map((r) => `${r.rule}: ${r.message}`).join(' | ')}`,
    );
  return verdict.plan;
}

/** The rule ids of a refused verdict ([] when allowed). */
export function rulesOf(verdict: Verdict): RuleId[] {
  return verdict.ok ? [] : verdict.reasons.map((r) => r.rule);
}

/** A copy of the snapshot with one instance, ENI or VPC changed (for tests of states and settings). */
export function patchSnapshot(
  s: Snapshot,
  patch: {
    instances?: Record<string, Partial<Instance>>;
    enis?: Record<string, Partial<Eni>>;
    vpcs?: Record<string, Partial<Vpc>>;
    instanceTypes?: Snapshot['instanceTypes'];
  },
): Snapshot {
  return {
    ...s,
    instances: s.instances.map((i) => ({ ...i, ...patch.instances?.[i.id] })),
    enis: s.enis.map((e) => ({ ...e, ...patch.enis?.[e.id] })),
    vpcs: s.vpcs.map((v) => ({ ...v, ...patch.vpcs?.[v.id] })),
    instanceTypes: patch.instanceTypes ?? s.instanceTypes,
  };
}

/** The demo snapshot with web's m5.large made a two-card type, two ENIs per card: eth0 and eth1 fill card 0 (ec2-rules §2.7). */
export function twoCardSnapshot(): Snapshot {
  const s = demoSnapshot();
  return patchSnapshot(s, {
    instanceTypes: {
      ...s.instanceTypes,
      'm5.large': {
        type: 'm5.large',
        maxEnis: 4,
        ipv4PerEni: 10,
        networkCards: 2,
        cards: [0, 1].map((index) => ({ index, maxEnis: 2 })),
      },
    },
  });
}

/** `s` with an attached ENI moved to another network card, at the same device index. */
export function onNetworkCard(s: Snapshot, eniId: string, card: number): Snapshot {
  const attachment = s.enis.find((e) => e.id === eniId)?.attachment;
  if (!attachment) throw new Error(`${eniId} is not attached in this snapshot`);
  return patchSnapshot(s, { enis: { [eniId]: { attachment: { ...attachment, networkCardIndex: card } } } });
}
