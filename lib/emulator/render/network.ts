// VPC, subnet, internet gateway, security group and Elastic IP → XML objects (ec2-rules §2.4, ec2-rules §3.3–§3.6).
import type { ElasticIp, InternetGateway, SecurityGroup, Subnet, Vpc } from '../model';
import { ACCOUNT_ID, type Store } from '../store';
import type { XmlObject } from '../xml';
import { renderTags } from './eni';

export function renderVpc(vpc: Vpc, region: string): XmlObject {
  return {
    vpcId: vpc.id,
    ownerId: ACCOUNT_ID,
    state: 'available',
    cidrBlock: vpc.cidr,
    cidrBlockAssociationSet: [
      { associationId: vpc.cidrAssociationId, cidrBlock: vpc.cidr, cidrBlockState: { state: 'associated' } },
    ],
    // Amazon-provided /56 (ec2-rules §2.7).
    ipv6CidrBlockAssociationSet: vpc.ipv6
      ? [
          {
            associationId: vpc.ipv6.associationId,
            ipv6CidrBlock: vpc.ipv6.cidr,
            ipv6CidrBlockState: { state: 'associated' },
            networkBorderGroup: region,
            ipv6Pool: 'Amazon',
          },
        ]
      : [],
    dhcpOptionsId: vpc.dhcpOptionsId,
    instanceTenancy: 'default',
    isDefault: false,
    tagSet: renderTags(vpc.tags),
  };
}

export function renderSubnet(store: Store, s: Subnet): XmlObject {
  return {
    subnetId: s.id,
    subnetArn: `arn:aws:ec2:${store.settings.region}:${ACCOUNT_ID}:subnet/${s.id}`,
    state: 'available',
    vpcId: s.vpcId,
    cidrBlock: s.cidr,
    // True count from the subnet's ledger: usable − held (ec2-rules §2.5).
    availableIpAddressCount: s.ledger.available(),
    availabilityZone: s.az,
    availabilityZoneId: store.zoneId(s.az),
    defaultForAz: false,
    mapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
    assignIpv6AddressOnCreation: false,
    ipv6CidrBlockAssociationSet: s.ipv6
      ? [
          {
            associationId: s.ipv6.associationId,
            ipv6CidrBlock: s.ipv6.cidr.text,
            ipv6CidrBlockState: { state: 'associated' },
          },
        ]
      : [],
    ownerId: ACCOUNT_ID,
    tagSet: renderTags(s.tags),
  };
}

export function renderInternetGateway(igw: InternetGateway): XmlObject {
  return {
    internetGatewayId: igw.id,
    ownerId: ACCOUNT_ID,
    attachmentSet: igw.vpcId ? [{ vpcId: igw.vpcId, state: 'available' }] : [],
    tagSet: renderTags(igw.tags),
  };
}

export function renderSecurityGroup(store: Store, sg: SecurityGroup): XmlObject {
  return {
    ownerId: ACCOUNT_ID,
    groupId: sg.id,
    groupName: sg.name,
    groupDescription: sg.description,
    vpcId: sg.vpcId,
    securityGroupArn: `arn:aws:ec2:${store.settings.region}:${ACCOUNT_ID}:security-group/${sg.id}`,
    ipPermissions: [],
    ipPermissionsEgress: [
      { ipProtocol: '-1', groups: [], ipRanges: [{ cidrIp: '0.0.0.0/0' }], ipv6Ranges: [], prefixListIds: [] },
    ],
    tagSet: renderTags(sg.tags),
  };
}

/** instanceId is derived from the ENI's current attachment, so ENI moves carry the EIP (ec2-rules §3.3). */
export function renderAddress(store: Store, eip: ElasticIp): XmlObject {
  const a = eip.association;
  const eni = a ? store.enis.get(a.eniId) : undefined;
  return {
    publicIp: eip.publicIp,
    allocationId: eip.allocationId,
    domain: 'vpc',
    instanceId: eni ? store.instanceOf(eni)?.id : undefined,
    associationId: a?.associationId,
    networkInterfaceId: a?.eniId,
    networkInterfaceOwnerId: a ? ACCOUNT_ID : undefined,
    privateIpAddress: a?.privateIp,
    subnetId: eni?.subnetId,
    tagSet: renderTags(eip.tags),
    publicIpv4Pool: 'amazon',
    networkBorderGroup: store.settings.region,
  };
}
