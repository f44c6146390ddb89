// Reshaping EC2 describe answers (as the SDK parses them) into the console's model.
import type { Address, InternetGateway, NetworkInterface, Reservation, Subnet, Vpc } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { reshapeEip, reshapeEni, reshapeInstance, reshapeSubnet, reshapeVpc } from './reshape';
import { type RawDescribes, toSnapshot } from './to-snapshot';

// ec2-rules §6.1, as @aws-sdk/client-ec2 parses it.
const attachedEni: NetworkInterface = {
  NetworkInterfaceId: 'eni-0a1b2c3d4e5f60718',
  SubnetId: 'subnet-0123456789abcdef0',
  VpcId: 'vpc-0fedcba9876543210',
  AvailabilityZone: 'us-east-1a',
  AvailabilityZoneId: 'use1-az6',
  Description: 'app data-plane',
  OwnerId: '111122223333',
  RequesterManaged: false,
  Status: 'in-use',
  MacAddress: '0e:3c:5a:11:22:33',
  PrivateIpAddress: '10.0.1.25',
  PrivateDnsName: 'ip-10-0-1-25.ec2.internal',
  SourceDestCheck: true,
  Groups: [{ GroupId: 'sg-0a1a2b3c4d5e6f708', GroupName: 'app' }],
  Attachment: {
    AttachmentId: 'eni-attach-0b1c2d3e4f5a60718',
    InstanceId: 'i-0123456789abcdef0',
    InstanceOwnerId: '111122223333',
    DeviceIndex: 1,
    NetworkCardIndex: 0,
    Status: 'attached',
    AttachTime: new Date('2025-03-04T10:15:30.000Z'),
    DeleteOnTermination: false,
  },
  TagSet: [{ Key: 'Name', Value: 'app-eni' }],
  PrivateIpAddresses: [
    { PrivateIpAddress: '10.0.1.25', PrivateDnsName: 'ip-10-0-1-25.ec2.internal', Primary: true },
    {
      PrivateIpAddress: '10.0.1.26',
      PrivateDnsName: 'ip-10-0-1-26.ec2.internal',
      Primary: false,
      Association: {
        PublicIp: '203.0.113.10',
        PublicDnsName: 'ec2-203-0-113-10.compute-1.amazonaws.com',
        IpOwnerId: '111122223333',
        AllocationId: 'eipalloc-0c1d2e3f4a5b60718',
        AssociationId: 'eipassoc-0d1e2f3a4b5c60718',
      },
    },
  ],
  Ipv6Addresses: [],
  InterfaceType: 'interface',
};

const poolEni: NetworkInterface = {
  NetworkInterfaceId: 'eni-0f9e8d7c6b5a40312',
  SubnetId: 'subnet-0123456789abcdef0',
  VpcId: 'vpc-0fedcba9876543210',
  AvailabilityZone: 'us-east-1a',
  Description: '',
  Status: 'available',
  PrivateIpAddress: '10.0.1.40',
  Groups: [{ GroupId: 'sg-0d0e0f1a2b3c4d5e6', GroupName: 'default' }],
  TagSet: [],
  PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.40', PrivateDnsName: 'ip-10-0-1-40.ec2.internal', Primary: true }],
  InterfaceType: 'interface',
};

// ec2-rules §6.2.
const addresses: Address[] = [
  {
    PublicIp: '203.0.113.10',
    AllocationId: 'eipalloc-0c1d2e3f4a5b60718',
    Domain: 'vpc',
    InstanceId: 'i-0123456789abcdef0',
    AssociationId: 'eipassoc-0d1e2f3a4b5c60718',
    NetworkInterfaceId: 'eni-0a1b2c3d4e5f60718',
    NetworkInterfaceOwnerId: '111122223333',
    PrivateIpAddress: '10.0.1.26',
    Tags: [],
    PublicIpv4Pool: 'amazon',
    NetworkBorderGroup: 'us-east-1',
  },
  {
    PublicIp: '198.51.100.7',
    AllocationId: 'eipalloc-0e1f2a3b4c5d60718',
    Domain: 'vpc',
    Tags: [{ Key: 'role', Value: 'standby' }],
    NetworkBorderGroup: 'us-east-1',
  },
];

const vpc: Vpc = {
  VpcId: 'vpc-0fedcba9876543210',
  CidrBlock: '10.0.0.0/16',
  State: 'available',
  IsDefault: false,
  Tags: [{ Key: 'Name', Value: 'prod' }],
};
const subnet: Subnet = {
  SubnetId: 'subnet-0123456789abcdef0',
  VpcId: 'vpc-0fedcba9876543210',
  AvailabilityZone: 'us-east-1a',
  CidrBlock: '10.0.1.0/24',
  AvailableIpAddressCount: 248,
};
// EC2 reports an attached IGW as "available", a value the SDK's AttachmentStatus type does not list.
const igw: InternetGateway = {
  InternetGatewayId: 'igw-0123456789abcdef0',
  Attachments: [{ VpcId: 'vpc-0fedcba9876543210', State: 'available' as 'attached' }],
};
const reservation: Reservation = {
  ReservationId: 'r-0123456789abcdef0',
  Instances: [
    {
      InstanceId: 'i-0123456789abcdef0',
      InstanceType: 't3.large',
      State: { Code: 16, Name: 'running' },
      Placement: { AvailabilityZone: 'us-east-1a' },
      VpcId: 'vpc-0fedcba9876543210',
      SubnetId: 'subnet-0123456789abcdef0',
      PrivateIpAddress: '10.0.1.10',
      LaunchTime: new Date('2025-03-01T00:00:00.000Z'),
      Tags: [{ Key: 'Name', Value: 'web-1' }],
    },
  ],
};

function raw(overrides: Partial<RawDescribes> = {}): RawDescribes {
  return {
    vpcs: [vpc],
    subnets: [subnet],
    internetGateways: [igw],
    securityGroups: [{ GroupId: 'sg-0a1a2b3c4d5e6f708', GroupName: 'app', VpcId: vpc.VpcId, Description: 'app tier' }],
    reservations: [reservation],
    networkInterfaces: [attachedEni, poolEni],
    addresses,
    instanceTypes: [
      {
        InstanceType: 't3.large',
        NetworkInfo: { MaximumNetworkInterfaces: 3, Ipv4AddressesPerInterface: 12, MaximumNetworkCards: 1 },
      },
    ],
    ...overrides,
  };
}

describe('reshapeEni', () => {
  it('maps the attached ENI of ec2-rules §6.1, with the EIP under its secondary IP', () => {
    const eni = reshapeEni(attachedEni);
    expect(eni).toMatchObject({
      id: 'eni-0a1b2c3d4e5f60718',
      status: 'in-use',
      name: 'app-eni',
      groups: [{ id: 'sg-0a1a2b3c4d5e6f708', name: 'app' }],
      attachment: {
        id: 'eni-attach-0b1c2d3e4f5a60718',
        instanceId: 'i-0123456789abcdef0',
        deviceIndex: 1,
        networkCardIndex: 0,
        attachTime: '2025-03-04T10:15:30.000Z',
      },
    });
    expect(eni.privateIps.map((ip) => [ip.address, ip.primary, ip.association?.allocationId ?? null])).toEqual([
      ['10.0.1.25', true, null],
      ['10.0.1.26', false, 'eipalloc-0c1d2e3f4a5b60718'],
    ]);
  });

  it('maps the unattached ENI of ec2-rules §6.1 to a pool ENI with an empty description', () => {
    const eni = reshapeEni(poolEni);
    expect(eni.attachment).toBeNull();
    expect(eni.description).toBe('');
    expect(eni.name).toBeNull();
    expect(eni.tags).toEqual({});
  });

  it('fills what an EC2-compatible endpoint leaves out with EC2 defaults', () => {
    const eni = reshapeEni({
      NetworkInterfaceId: 'eni-0123456789abcdef0',
      SubnetId: 's',
      VpcId: 'v',
      AvailabilityZone: 'az',
      PrivateIpAddress: '10.0.0.9',
    });
    expect(eni).toMatchObject({
      description: '',
      status: 'available',
      sourceDestCheck: true,
      interfaceType: 'interface',
      requesterManaged: false,
      macAddress: null,
      groups: [],
      attachment: null,
      tags: {},
      privateIps: [{ address: '10.0.0.9', primary: true, association: null }],
    });
  });

  it('treats an empty association object (SDK view of <association/>) as none', () => {
    const eni = reshapeEni({
      ...poolEni,
      PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.40', Primary: true, Association: {} }],
    });
    expect(eni.privateIps[0]?.association).toBeNull();
  });

  it('puts the primary IP first even when EC2 lists it later', () => {
    const eni = reshapeEni({
      ...attachedEni,
      PrivateIpAddresses: [...(attachedEni.PrivateIpAddresses ?? [])].reverse(),
    });
    expect(eni.privateIps[0]?.address).toBe('10.0.1.25');
  });
});

describe('other reshapes', () => {
  it('maps both addresses of ec2-rules §6.2, the idle one with null association fields', () => {
    const [associated, idle] = addresses.map(reshapeEip);
    expect(associated).toMatchObject({
      eniId: 'eni-0a1b2c3d4e5f60718',
      privateIp: '10.0.1.26',
      instanceId: 'i-0123456789abcdef0',
    });
    expect(idle).toMatchObject({
      associationId: null,
      eniId: null,
      privateIp: null,
      instanceId: null,
      tags: { role: 'standby' },
      name: null,
    });
  });

  it('marks a VPC with an attached internet gateway, and not one without', () => {
    const igws = new Map([['vpc-0fedcba9876543210', 'igw-0123456789abcdef0']]);
    expect(reshapeVpc(vpc, igws)).toMatchObject({
      hasInternetGateway: true,
      internetGatewayId: 'igw-0123456789abcdef0',
      cidrs: ['10.0.0.0/16'],
      name: 'prod',
    });
    expect(reshapeVpc({ ...vpc, VpcId: 'vpc-other' }, igws)).toMatchObject({
      hasInternetGateway: false,
      internetGatewayId: null,
    });
  });

  it('derives the free address count when the endpoint omits it (size − 5 − held)', () => {
    const { AvailableIpAddressCount: _omit, ...bare } = subnet;
    expect(reshapeSubnet(bare, new Map([[subnet.SubnetId as string, 3]])).availableIpCount).toBe(251 - 3);
  });

  it('reads the instance Name tag and ISO launch time', () => {
    expect(reshapeInstance(reservation.Instances![0]!)).toMatchObject({
      name: 'web-1',
      state: 'running',
      launchTime: '2025-03-01T00:00:00.000Z',
      publicIp: null,
    });
  });
});

describe('toSnapshot', () => {
  it('builds a valid snapshot from the ec2-rules §6 answers', () => {
    const result = toSnapshot(raw(), { region: 'us-east-1', endpoint: 'http://127.0.0.1:4630' });
    if (!result.ok) throw new Error(result.message);
    expect(result.snapshot.enis).toHaveLength(2);
    expect(result.snapshot.eips).toHaveLength(2);
    expect(result.snapshot.instanceTypes['t3.large']).toEqual({
      type: 't3.large',
      maxEnis: 3,
      ipv4PerEni: 12,
      networkCards: 1,
    });
    expect(result.snapshot.vpcs[0]?.hasInternetGateway).toBe(true);
  });

  it('reports a malformed answer as malformed-response naming the resource and field', () => {
    const broken = { ...attachedEni, Attachment: { ...attachedEni.Attachment, DeviceIndex: undefined } };
    const result = toSnapshot(raw({ networkInterfaces: [broken, poolEni] }), {
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4630',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('malformed-response');
    expect(result.message).toContain('network interface eni-0a1b2c3d4e5f60718');
    expect(result.message).toContain('attachment.deviceIndex');
    expect(result.message).toContain('http://127.0.0.1:4630');
  });

  it('names an instance whose state is not one EC2 defines', () => {
    const odd: Reservation = {
      Instances: [{ ...reservation.Instances![0]!, State: { Name: 'hibernating' as 'running' } }],
    };
    const result = toSnapshot(raw({ reservations: [odd] }), { region: 'us-east-1', endpoint: null });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/instance i-0123456789abcdef0 field "state"/);
  });
});
