// DescribeInstances and DescribeInstanceTypes (ec2-rules §3.1, ec2-rules §3.7).
import { Ec2Error } from '../errors';
import { applyFilters, type FilterTable } from '../filters';
import { type InstanceTypeLimits, instanceTypes, maxInterfacesPerCard } from '../instance-types';
import { type Instance, STATE_CODES } from '../model';
import { paginate } from '../pagination';
import { instancePublicIp, renderReservation } from '../render/instance';
import { ACCOUNT_ID, type Store } from '../store';
import { pagedDescribe } from './paged-describe';
import { type ActionDef, FILTER_PARAMS, PAGE_PARAMS } from './types';

function instanceFilters(store: Store): FilterTable<Instance> {
  const enisOf = (i: Instance) => i.eniIds.map((id) => store.enis.get(id)).filter((e) => e !== undefined);
  const subnetOf = (i: Instance) => store.subnets.get(i.subnetId);
  return {
    'instance-id': (i) => i.id,
    'instance-state-name': (i) => i.state,
    'instance-state-code': (i) => STATE_CODES[i.state],
    'instance-type': (i) => i.type,
    'availability-zone': (i) => subnetOf(i)?.az,
    'subnet-id': (i) => i.subnetId,
    'vpc-id': (i) => subnetOf(i)?.vpcId,
    'reservation-id': (i) => i.reservationId,
    'owner-id': () => ACCOUNT_ID,
    'image-id': (i) => i.imageId,
    'key-name': (i) => i.keyName,
    'private-ip-address': (i) => store.enis.get(i.primaryEniId)?.privateIps[0],
    'ip-address': (i) => instancePublicIp(store, i),
    'network-interface.network-interface-id': (i) => enisOf(i).map((e) => e.id),
    'network-interface.subnet-id': (i) => enisOf(i).map((e) => e.subnetId),
    'network-interface.vpc-id': (i) => enisOf(i).map((e) => e.vpcId),
    'network-interface.addresses.private-ip-address': (i) => enisOf(i).flatMap((e) => e.privateIps),
    'network-interface.attachment.device-index': (i) => enisOf(i).map((e) => e.attachment?.deviceIndex),
    'network-interface.attachment.attachment-id': (i) => enisOf(i).map((e) => e.attachment?.id),
    'network-interface.attachment.status': (i) => enisOf(i).map((e) => e.attachment?.status),
    'network-interface.source-dest-check': (i) => enisOf(i).map((e) => e.sourceDestCheck),
  };
}

export const describeInstances: ActionDef = {
  params: ['InstanceId.N', 'DryRun', ...FILTER_PARAMS, ...PAGE_PARAMS],
  run(ctx) {
    const { store } = ctx;
    // Paged by instance; each instance is its own reservation, as when launched one at a time.
    const { page, nextToken } = pagedDescribe(ctx, {
      idParam: 'InstanceId',
      kind: 'instance',
      items: store.instances,
      filters: instanceFilters(store),
      paging: { action: 'DescribeInstances', min: 5, max: 1000, idSetName: 'instancesSet' },
    });
    return { reservationSet: page.map((i) => renderReservation(store, i)), nextToken };
  },
};

const TYPE_FILTERS: FilterTable<InstanceTypeLimits> = {
  'instance-type': (t) => t.instanceType,
  'current-generation': () => true,
  'vcpu-info.default-vcpus': (t) => t.vcpus,
  'memory-info.size-in-mib': (t) => t.memoryMib,
  'network-info.maximum-network-interfaces': (t) => t.maxNetworkInterfaces,
  'network-info.ipv4-addresses-per-interface': (t) => t.ipv4PerInterface,
  'network-info.ipv6-addresses-per-interface': (t) => t.ipv6PerInterface,
  'network-info.ipv6-supported': (t) => t.ipv6PerInterface > 0,
  'network-info.maximum-network-cards': (t) => t.networkCards,
  'network-info.network-performance': (t) => t.networkPerformance,
};

function renderType(t: InstanceTypeLimits) {
  const perCard = maxInterfacesPerCard(t);
  return {
    instanceType: t.instanceType,
    currentGeneration: true,
    vCpuInfo: { defaultVCpus: t.vcpus },
    memoryInfo: { sizeInMiB: t.memoryMib },
    networkInfo: {
      networkPerformance: t.networkPerformance,
      maximumNetworkInterfaces: t.maxNetworkInterfaces,
      maximumNetworkCards: t.networkCards,
      defaultNetworkCardIndex: 0,
      networkCards: Array.from({ length: t.networkCards }, (_, i) => ({
        networkCardIndex: i,
        networkPerformance: t.networkPerformance,
        maximumNetworkInterfaces: perCard,
      })),
      ipv4AddressesPerInterface: t.ipv4PerInterface,
      ipv6AddressesPerInterface: t.ipv6PerInterface,
      ipv6Supported: t.ipv6PerInterface > 0,
      enaSupport: 'required',
      efaSupported: false,
    },
  };
}

export const describeInstanceTypes: ActionDef = {
  params: ['InstanceType.N', 'DryRun', ...FILTER_PARAMS, ...PAGE_PARAMS],
  run(ctx) {
    const names = ctx.params.list('InstanceType');
    const catalogue = instanceTypes();
    const unknown = names.filter((n) => !catalogue.has(n));
    if (unknown.length > 0) {
      throw new Ec2Error(
        'InvalidInstanceType',
        `The following supplied instance types do not exist: [${unknown.join(', ')}]`,
      );
    }
    const base =
      names.length > 0 ? [...new Set(names)].map((n) => catalogue.get(n) as InstanceTypeLimits) : catalogue.values();
    const filtered = applyFilters(base, ctx.params.filters(), TYPE_FILTERS, () => new Map());
    // MaxResults 5–100 (ec2-rules §1.5); without it EC2 still pages at 100.
    const { page, nextToken } = paginate(filtered, ctx.params, {
      action: 'DescribeInstanceTypes',
      min: 5,
      max: 100,
      idsGiven: names.length > 0,
      defaultSize: 100,
    });
    ctx.dryRunGate(); // after paging checks: MaxResults/NextToken are syntax (ec2-rules §1.4)
    return { instanceTypeSet: page.map(renderType), nextToken };
  },
};
