// A small hand-made snapshot for the view's unit tests only (never rendered by the app).
import type { Eip, Eni, Instance, PrivateIp, Snapshot, Subnet } from '@/lib/topology';

const ip = (
  address: string,
  primary = false,
  publicIp: string | null = null,
  allocationId: string | null = null,
): PrivateIp => ({
  address,
  primary,
  dnsName: null,
  association: publicIp
    ? {
        publicIp,
        publicDnsName: null,
        ipOwnerId: allocationId ? '123456789012' : 'amazon',
        allocationId,
        associationId: allocationId ? `eipassoc-${allocationId.slice(9)}` : null,
      }
    : null,
});

const subnet = (
  id: string,
  vpcId: string,
  az: string,
  cidr: string,
  availableIpCount: number,
  name: string | null,
): Subnet => ({
  id,
  vpcId,
  az,
  azId: null,
  cidr,
  availableIpCount,
  name,
  tags: name ? { Name: name } : {},
});

const eni = (
  id: string,
  subnetId: string,
  vpcId: string,
  az: string,
  instanceId: string | null,
  deviceIndex: number,
  ips: PrivateIp[],
  name: string | null = null,
): Eni => ({
  id,
  subnetId,
  vpcId,
  az,
  description: '',
  status: instanceId ? 'in-use' : 'available',
  macAddress: null,
  privateDnsName: null,
  sourceDestCheck: true,
  interfaceType: 'interface',
  requesterManaged: false,
  ownerId: '123456789012',
  groups: [{ id: 'sg-0000000000000000a', name: 'web' }],
  attachment: instanceId
    ? {
        id: `eni-attach-${id.slice(4)}`,
        instanceId,
        deviceIndex,
        networkCardIndex: 0,
        status: 'attached',
        deleteOnTermination: deviceIndex === 0,
        attachTime: null,
      }
    : null,
  privateIps: ips,
  name,
  tags: name ? { Name: name } : {},
});

const instance = (
  id: string,
  name: string | null,
  type: string,
  subnetId: string,
  vpcId: string,
  az: string,
  privateIp: string,
): Instance => ({
  id,
  type,
  state: 'running',
  az,
  vpcId,
  subnetId,
  privateIp,
  publicIp: null,
  launchTime: null,
  platform: null,
  name,
  tags: name ? { Name: name } : {},
});

const eip = (
  allocationId: string,
  publicIp: string,
  eniId: string | null,
  privateIp: string | null,
  instanceId: string | null,
): Eip => ({
  allocationId,
  publicIp,
  associationId: eniId ? `eipassoc-${allocationId.slice(9)}` : null,
  eniId,
  privateIp,
  instanceId,
  networkBorderGroup: 'us-east-1',
  name: null,
  tags: {},
});

export function testSnapshot(): Snapshot {
  const vpcA = 'vpc-0a000000000000001';
  const vpcB = 'vpc-0b000000000000002';
  return {
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:4610',
    fetchedAt: '2025-03-04T10:15:30.000Z',
    vpcs: [
      {
        id: vpcA,
        cidr: '10.0.0.0/16',
        cidrs: ['10.0.0.0/16'],
        isDefault: false,
        state: 'available',
        hasInternetGateway: true,
        internetGatewayId: 'igw-01',
        name: 'prod',
        tags: { Name: 'prod' },
      },
      {
        id: vpcB,
        cidr: '10.1.0.0/16',
        cidrs: ['10.1.0.0/16'],
        isDefault: false,
        state: 'available',
        hasInternetGateway: false,
        internetGatewayId: null,
        name: 'mgmt',
        tags: { Name: 'mgmt' },
      },
    ],
    subnets: [
      subnet('subnet-0a1', vpcA, 'us-east-1b', '10.0.10.0/24', 240, 'public-b'),
      subnet('subnet-0a2', vpcA, 'us-east-1a', '10.0.2.0/24', 245, 'public-a'),
      subnet('subnet-0a3', vpcA, 'us-east-1a', '10.0.1.0/28', 0, 'tiny-a'),
      subnet('subnet-0b1', vpcB, 'us-east-1a', '10.1.1.0/24', 250, null),
    ],
    securityGroups: [{ id: 'sg-0000000000000000a', name: 'web', vpcId: vpcA, description: 'web' }],
    instances: [
      instance('i-0000000000000000a', 'web-1', 'm5.large', 'subnet-0a2', vpcA, 'us-east-1a', '10.0.2.10'),
      instance('i-0000000000000000b', null, 'x9.mystery', 'subnet-0a2', vpcA, 'us-east-1a', '10.0.2.20'),
      instance('i-0000000000000000c', 'app-1', 't3.micro', 'subnet-0a1', vpcA, 'us-east-1b', '10.0.10.5'),
    ],
    enis: [
      eni(
        'eni-0000000000000000a',
        'subnet-0a2',
        vpcA,
        'us-east-1a',
        'i-0000000000000000a',
        0,
        [
          ip('10.0.2.10', true, '3.3.3.3'),
          ip('10.0.2.11', false, '54.0.0.1', 'eipalloc-0000000000000000a'),
          ip('10.0.2.12'),
        ],
        'web-1-eth0',
      ),
      eni('eni-0000000000000000b', 'subnet-0b1', vpcB, 'us-east-1a', 'i-0000000000000000a', 2, [ip('10.1.1.7', true)]),
      eni('eni-0000000000000000c', 'subnet-0a2', vpcA, 'us-east-1a', 'i-0000000000000000b', 0, [ip('10.0.2.20', true)]),
      eni('eni-0000000000000000d', 'subnet-0a1', vpcA, 'us-east-1b', 'i-0000000000000000c', 0, [
        ip('10.0.10.5', true),
        ip('10.0.10.6'),
      ]),
      eni('eni-0000000000000000e', 'subnet-0a2', vpcA, 'us-east-1a', null, 0, [ip('10.0.2.50', true)], 'floating'),
      {
        ...eni('eni-0000000000000000f', 'subnet-0a1', vpcA, 'us-east-1b', null, 1, [ip('10.0.10.200', true)]),
        requesterManaged: true,
        interfaceType: 'nat_gateway',
        status: 'in-use',
        attachment: {
          id: 'ela-attach-01',
          instanceId: null,
          deviceIndex: 1,
          networkCardIndex: 0,
          status: 'attached',
          deleteOnTermination: false,
          attachTime: null,
        },
      },
    ],
    eips: [
      eip('eipalloc-0000000000000000a', '54.0.0.1', 'eni-0000000000000000a', '10.0.2.11', 'i-0000000000000000a'),
      eip('eipalloc-0000000000000000b', '54.0.0.2', null, null, null),
    ],
    instanceTypes: {
      'm5.large': { type: 'm5.large', maxEnis: 3, ipv4PerEni: 10, networkCards: 1 },
      't3.micro': { type: 't3.micro', maxEnis: 2, ipv4PerEni: 2, networkCards: 1 },
    },
  };
}
