// DescribeRegions / AvailabilityZones / Vpcs / Subnets / InternetGateways / SecurityGroups (ec2-rules §3.4–§3.8).
import { Ec2Error, invalidValue } from '../errors';
import { applyFilters, type FilterTable } from '../filters';
import type { InternetGateway, SecurityGroup, Subnet, Vpc } from '../model';
import { renderInternetGateway, renderSecurityGroup, renderSubnet, renderVpc } from '../render/network';
import { ACCOUNT_ID, type Zone } from '../store';
import { pagedDescribe } from './paged-describe';
import { type ActionDef, FILTER_PARAMS, PAGE_PARAMS } from './types';

const NO_TAGS = new Map<string, string>();
const PAGE = { min: 5, max: 1000 } as const;

const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];

export const describeRegions: ActionDef = {
  params: ['RegionName.N', 'AllRegions', 'DryRun', ...FILTER_PARAMS],
  run(ctx) {
    const names = ctx.params.list('RegionName');
    for (const n of names) if (!REGIONS.includes(n)) throw invalidValue(`Invalid region: ${n}`);
    // An account of a multi-account scenario lists the regions it uses, like an account with regions disabled.
    const enabled = ctx.regions ?? REGIONS;
    const items = names.length > 0 ? names.filter((n) => enabled.includes(n)) : [...enabled];
    const table: FilterTable<string> = {
      'region-name': (r) => r,
      endpoint: (r) => `ec2.${r}.amazonaws.com`,
      'opt-in-status': () => 'opt-in-not-required',
    };
    const regions = applyFilters(items, ctx.params.filters(), table, () => NO_TAGS);
    ctx.dryRunGate(); // after the filter names are checked (ec2-rules §1.4)
    return {
      regionInfo: regions.map((r) => ({
        regionName: r,
        regionEndpoint: `ec2.${r}.amazonaws.com`,
        optInStatus: 'opt-in-not-required',
      })),
    };
  },
};

export const describeAvailabilityZones: ActionDef = {
  params: ['ZoneName.N', 'ZoneId.N', 'AllAvailabilityZones', 'DryRun', ...FILTER_PARAMS],
  run(ctx) {
    const zones = ctx.store.zones();
    const names = ctx.params.list('ZoneName');
    const ids = ctx.params.list('ZoneId');
    for (const n of names)
      if (!zones.some((z) => z.name === n)) throw invalidValue(`Invalid availability zone: [${n}]`);
    for (const n of ids) if (!zones.some((z) => z.id === n)) throw invalidValue(`Invalid availability zone: [${n}]`);
    const region = ctx.settings.region;
    const table: FilterTable<Zone> = {
      'zone-name': (z) => z.name,
      'zone-id': (z) => z.id,
      state: () => 'available',
      'region-name': () => region,
      'zone-type': () => 'availability-zone',
      'group-name': () => region,
      'opt-in-status': () => 'opt-in-not-required',
    };
    const picked = zones.filter(
      (z) => (names.length === 0 && ids.length === 0) || names.includes(z.name) || ids.includes(z.id),
    );
    const matching = applyFilters(picked, ctx.params.filters(), table, () => NO_TAGS);
    ctx.dryRunGate(); // after the filter names are checked (ec2-rules §1.4)
    return {
      availabilityZoneInfo: matching.map((z) => ({
        zoneName: z.name,
        zoneId: z.id,
        zoneState: 'available',
        optInStatus: 'opt-in-not-required',
        messageSet: [],
        regionName: region,
        groupName: region,
        networkBorderGroup: region,
        zoneType: 'availability-zone',
      })),
    };
  },
};

const VPC_FILTERS: FilterTable<Vpc> = {
  'vpc-id': (v) => v.id,
  cidr: (v) => v.cidr,
  'cidr-block': (v) => v.cidr,
  'cidr-block-association.cidr-block': (v) => v.cidr,
  'cidr-block-association.association-id': (v) => v.cidrAssociationId,
  'cidr-block-association.state': () => 'associated',
  'dhcp-options-id': (v) => v.dhcpOptionsId,
  'is-default': () => false,
  'owner-id': () => ACCOUNT_ID,
  state: () => 'available',
};

export const describeVpcs: ActionDef = {
  params: ['VpcId.N', 'DryRun', ...FILTER_PARAMS, ...PAGE_PARAMS],
  run(ctx) {
    const { page, nextToken } = pagedDescribe(ctx, {
      idParam: 'VpcId',
      kind: 'vpc',
      items: ctx.store.vpcs,
      filters: VPC_FILTERS,
      paging: { action: 'DescribeVpcs', ...PAGE },
    });
    return { vpcSet: page.map((v) => renderVpc(v, ctx.store.settings.region)), nextToken };
  },
};

const SUBNET_FILTERS: FilterTable<Subnet> = {
  'subnet-id': (s) => s.id,
  'vpc-id': (s) => s.vpcId,
  'availability-zone': (s) => s.az,
  availabilityZone: (s) => s.az,
  'cidr-block': (s) => s.cidr,
  cidr: (s) => s.cidr,
  cidrBlock: (s) => s.cidr,
  'default-for-az': () => false,
  defaultForAz: () => false,
  state: () => 'available',
  'owner-id': () => ACCOUNT_ID,
  'available-ip-address-count': (s) => s.ledger.available(),
  'map-public-ip-on-launch': (s) => s.mapPublicIpOnLaunch,
};

export const describeSubnets: ActionDef = {
  params: ['SubnetId.N', 'DryRun', ...FILTER_PARAMS, ...PAGE_PARAMS],
  run(ctx) {
    const table: FilterTable<Subnet> = { ...SUBNET_FILTERS, 'availability-zone-id': (s) => ctx.store.zoneId(s.az) };
    const { page, nextToken } = pagedDescribe(ctx, {
      idParam: 'SubnetId',
      kind: 'subnet',
      items: ctx.store.subnets,
      filters: table,
      paging: { action: 'DescribeSubnets', ...PAGE },
    });
    return { subnetSet: page.map((s) => renderSubnet(ctx.store, s)), nextToken };
  },
};

const IGW_FILTERS: FilterTable<InternetGateway> = {
  'internet-gateway-id': (g) => g.id,
  'attachment.vpc-id': (g) => g.vpcId,
  'attachment.state': (g) => (g.vpcId ? 'available' : null),
  'owner-id': () => ACCOUNT_ID,
};

export const describeInternetGateways: ActionDef = {
  params: ['InternetGatewayId.N', 'DryRun', ...FILTER_PARAMS, ...PAGE_PARAMS],
  run(ctx) {
    const { page, nextToken } = pagedDescribe(ctx, {
      idParam: 'InternetGatewayId',
      kind: 'igw',
      items: ctx.store.igws,
      filters: IGW_FILTERS,
      paging: { action: 'DescribeInternetGateways', ...PAGE },
    });
    return { internetGatewaySet: page.map(renderInternetGateway), nextToken };
  },
};

const SG_FILTERS: FilterTable<SecurityGroup> = {
  'group-id': (g) => g.id,
  'group-name': (g) => g.name,
  'vpc-id': (g) => g.vpcId,
  description: (g) => g.description,
  'owner-id': () => ACCOUNT_ID,
};

export const describeSecurityGroups: ActionDef = {
  params: ['GroupId.N', 'GroupName.N', 'DryRun', ...FILTER_PARAMS, ...PAGE_PARAMS],
  run(ctx) {
    const names = ctx.params.list('GroupName');
    if (names.length > 0) {
      // GroupName.N only addresses the default VPC, and the emulated account has none (ec2-rules §3.6).
      throw new Ec2Error(
        'VPCIdNotSpecified',
        'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.',
      );
    }
    const { page, nextToken } = pagedDescribe(ctx, {
      idParam: 'GroupId',
      kind: 'sg',
      items: ctx.store.groups,
      filters: SG_FILTERS,
      paging: { action: 'DescribeSecurityGroups', ...PAGE },
    });
    return { securityGroupInfo: page.map((g) => renderSecurityGroup(ctx.store, g)), nextToken };
  },
};
