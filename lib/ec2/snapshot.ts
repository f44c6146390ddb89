// Reads a region's network layer into a Snapshot: every describe in parallel and paginated (never one call
// per resource), then DescribeInstanceTypes only for the types in use. Also the scoped re-read for apply.
import 'server-only';
import {
  DescribeAddressesCommand,
  type EC2Client,
  type Filter,
  type InstanceStatus,
  type InstanceTypeInfo,
  type NetworkInterface,
  type Reservation,
  type Subnet,
  paginateDescribeInstanceStatus,
  paginateDescribeInstances,
  paginateDescribeInstanceTypes,
  paginateDescribeInternetGateways,
  paginateDescribeNetworkInterfaces,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import { type Snapshot, usableAddresses } from '@/lib/topology';
import { clientInfo } from './client';
import { endpointServerOf } from './middleware';
import { Ec2CallError, GatewayError, tagged } from './errors';
import { installFastXml } from './fast-xml';
import { type RawDescribes, toSnapshot } from './to-snapshot';

// EC2's answers read by the faster XML reader (same output as the SDK's; fast-xml.ts says why).
installFastXml();

/** The largest page every paginated describe in use accepts (ec2-rules §1.5). */
const PAGE_SIZE = 1000;
/** DescribeInstanceTypes takes at most 100 per page; we also name at most 100 types per call. */
const TYPE_CHUNK = 100;
/** EC2 accepts up to 200 values per filter. */
const FILTER_VALUES = 200;

type Paginator<P> = AsyncIterable<P>;

async function collect<P, T>(action: string, pages: Paginator<P>, pick: (page: P) => T[] | undefined): Promise<T[]> {
  return tagged(
    action,
    (async () => {
      const out: T[] = [];
      for await (const page of pages) out.push(...(pick(page) ?? []));
      return out;
    })(),
  );
}

const chunk = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** Filters are AND-ed, so a filter on a long list of values is split into several calls (each OR-ed inside). */
async function byFilter<T>(name: string, values: string[], read: (filters: Filter[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(values)];
  if (unique.length === 0) return [];
  const parts = await Promise.all(chunk(unique, FILTER_VALUES).map((part) => read([{ Name: name, Values: part }])));
  return parts.flat();
}

const cfg = (client: EC2Client) => ({ client, pageSize: PAGE_SIZE });

export const ec2Describe = {
  vpcs: (client: EC2Client, Filters?: Filter[]) =>
    collect('DescribeVpcs', paginateDescribeVpcs(cfg(client), { Filters }), (p) => p.Vpcs),
  subnets: (client: EC2Client, Filters?: Filter[]) =>
    collect('DescribeSubnets', paginateDescribeSubnets(cfg(client), { Filters }), (p) => p.Subnets),
  internetGateways: (client: EC2Client, Filters?: Filter[]) =>
    collect(
      'DescribeInternetGateways',
      paginateDescribeInternetGateways(cfg(client), { Filters }),
      (p) => p.InternetGateways,
    ),
  securityGroups: (client: EC2Client, Filters?: Filter[]) =>
    collect(
      'DescribeSecurityGroups',
      paginateDescribeSecurityGroups(cfg(client), { Filters }),
      (p) => p.SecurityGroups,
    ),
  reservations: (client: EC2Client, Filters?: Filter[]) =>
    collect('DescribeInstances', paginateDescribeInstances(cfg(client), { Filters }), (p) => p.Reservations),
  networkInterfaces: (client: EC2Client, Filters?: Filter[]) =>
    collect(
      'DescribeNetworkInterfaces',
      paginateDescribeNetworkInterfaces(cfg(client), { Filters }),
      (p) => p.NetworkInterfaces,
    ),
  /** Not paginated (ec2-rules §1.5). */
  addresses: (client: EC2Client, Filters?: Filter[]) =>
    tagged('DescribeAddresses', client.send(new DescribeAddressesCommand({ Filters }))).then((r) => r.Addresses ?? []),
  /** Status checks of the running instances (EC2 leaves the others out by default). */
  instanceStatuses: (client: EC2Client) =>
    collect('DescribeInstanceStatus', paginateDescribeInstanceStatus(cfg(client), {}), (p) => p.InstanceStatuses),
  /** Only the named types, 100 per call. The paginator follows NextToken should an endpoint split a chunk. */
  instanceTypes: async (client: EC2Client, types: string[]): Promise<InstanceTypeInfo[]> => {
    const chunks = chunk([...new Set(types)].sort(), TYPE_CHUNK);
    const parts = await Promise.all(
      chunks.map((names) =>
        collect(
          'DescribeInstanceTypes',
          paginateDescribeInstanceTypes({ client }, { InstanceTypes: names as _InstanceType[] }),
          (p) => p.InstanceTypes,
        ),
      ),
    );
    return parts.flat();
  },
};

const typesInUse = (reservations: Reservation[]): string[] =>
  reservations.flatMap((r) => r.Instances ?? []).flatMap((i) => (i.InstanceType ? [i.InstanceType as string] : []));

async function finish(client: EC2Client, raw: RawDescribes): Promise<Snapshot> {
  const info = await clientInfo(client);
  const result = toSnapshot(raw, {
    region: info.region,
    endpoint: info.endpoint,
    endpointServer: endpointServerOf(client),
  });
  if (!result.ok) throw new GatewayError(result);
  return result.snapshot;
}

/** The most parallel chains one big describe is split into (by subnet; see partitionBySubnet). */
const MAX_CHAINS = 4;

/**
 * Subnet ids in up to `chains` groups of about equal addresses in use (usable − available, ec2-rules §2.5), so
 * that a describe read per group pages in parallel instead of one NextToken chain: on `xlarge` the 30 pages of
 * DescribeNetworkInterfaces were one chain in which EC2 (here the emulator) and our parse took turns. null when
 * one chain will do (a region with few addresses in use or a single subnet).
 */
export function partitionBySubnet(subnets: Subnet[], perChain: number): string[][] | null {
  const used = subnets
    .filter((s) => s.SubnetId)
    .map((s) => ({
      id: s.SubnetId as string,
      used: Math.max(0, (usableAddresses(s.CidrBlock ?? '') ?? 0) - (s.AvailableIpAddressCount ?? 0)),
    }));
  const total = used.reduce((n, s) => n + s.used, 0);
  const chains = Math.min(MAX_CHAINS, used.length, Math.floor(total / perChain));
  if (chains < 2) return null;
  // Largest first into the emptiest group: groups within one subnet's size of each other.
  const groups = Array.from({ length: chains }, () => ({ ids: [] as string[], used: 0 }));
  for (const s of used.sort((a, b) => b.used - a.used)) {
    const emptiest = groups.reduce((a, b) => (b.used < a.used ? b : a));
    emptiest.ids.push(s.id);
    emptiest.used += s.used;
  }
  return groups.map((g) => g.ids);
}

/** Addresses in use per chain worth its own chain: ENIs hold one or more each, instances one or more ENIs. */
const ENI_CHAIN = 5 * PAGE_SIZE;
const INSTANCE_CHAIN = 8 * PAGE_SIZE;

/**
 * One describe over the whole region: one chain, or one per group of subnets (each group's filter in calls of at
 * most 200 values) plus the `more` filtered reads; the lists read, to be joined without repeats.
 */
async function inChains<T>(
  subnets: Subnet[],
  perChain: number,
  read: (filters?: Filter[]) => Promise<T[]>,
  more: Filter[][] = [],
): Promise<T[][]> {
  const groups = partitionBySubnet(subnets, perChain);
  if (!groups) return [await read()];
  return Promise.all([...groups.map((ids) => byFilter('subnet-id', ids, read)), ...more.map((f) => read(f))]);
}

const allNetworkInterfaces = async (client: EC2Client, subnets: Subnet[]): Promise<NetworkInterface[]> =>
  uniqueEnis(await inChains(subnets, ENI_CHAIN, (f) => ec2Describe.networkInterfaces(client, f)));

/** Split by subnet, the terminated instances have a read of their own: EC2 lists them for a while without one. */
const allReservations = async (client: EC2Client, subnets: Subnet[]): Promise<Reservation[]> =>
  uniqueReservations(
    await inChains(subnets, INSTANCE_CHAIN, (f) => ec2Describe.reservations(client, f), [
      [{ Name: 'instance-state-name', Values: ['terminated', 'shutting-down'] }],
    ]),
  );

/**
 * The whole region. 8 describes in parallel, then the instance types in use, with 1,000 items per page. The
 * instances and ENIs wait for the subnets (one small call): in a region with many addresses in use they are read in
 * parallel chains by subnet (partitionBySubnet). The `large` scenario (2,000 instances, 6,000 ENIs) takes 19 calls:
 * 4 DescribeInstances (2 chains, one read of the terminated), 7 DescribeNetworkInterfaces (3 chains),
 * 2 DescribeInstanceStatus, one each for the rest.
 * Throws (Ec2CallError / GatewayError); callers turn that into a Failure with toFailure.
 */
export async function loadSnapshot(client: EC2Client): Promise<Snapshot> {
  // In the order they were always sent (the first failure is the one reported).
  const vpcsRead = ec2Describe.vpcs(client);
  const subnetsRead = ec2Describe.subnets(client);
  const [vpcs, subnets, internetGateways, securityGroups, reservations, networkInterfaces, addresses, statuses] =
    await Promise.all([
      vpcsRead,
      subnetsRead,
      ec2Describe.internetGateways(client),
      ec2Describe.securityGroups(client),
      subnetsRead.then((s) => allReservations(client, s)),
      subnetsRead.then((s) => allNetworkInterfaces(client, s)),
      ec2Describe.addresses(client),
      readInstanceStatuses(client),
    ]);
  const instanceTypes = await ec2Describe.instanceTypes(client, typesInUse(reservations));
  return finish(client, {
    vpcs,
    subnets,
    internetGateways,
    securityGroups,
    reservations,
    networkInterfaces,
    addresses,
    instanceTypes,
    ...statuses,
  });
}

/**
 * Health is an addition to the network view, not a precondition: when the status checks cannot be read (a
 * policy without ec2:DescribeInstanceStatus, an endpoint without the action) the snapshot says why instead.
 */
async function readInstanceStatuses(
  client: EC2Client,
): Promise<{ instanceStatuses?: InstanceStatus[]; healthUnavailable?: string }> {
  try {
    return { instanceStatuses: await ec2Describe.instanceStatuses(client) };
  } catch (err) {
    // Only an answer from EC2 (a service error: it has $fault) is tolerated; no answer at all fails the read.
    const cause =
      err instanceof Ec2CallError ? (err.cause as { name?: string; $fault?: string } | undefined) : undefined;
    const code = cause?.$fault ? cause.name : undefined;
    if (code === undefined) throw err;
    const why = /Unauthorized|AccessDenied/.test(code)
      ? 'the credentials lack ec2:DescribeInstanceStatus'
      : `DescribeInstanceStatus answered ${code}`;
    return { healthUnavailable: `Status checks not shown: ${why}.` };
  }
}

/** What a move touches: resource ids (eni-, i-, eipalloc-, subnet-, vpc-) and private IPs (to find their holder). */
export type Scope = {
  ids: readonly string[];
  ips?: readonly string[];
  /** Read every ENI of the subnets found: a change that picks free addresses must see all of them. */
  wholeSubnets?: boolean;
};

const withPrefix = (ids: readonly string[], prefix: string) => ids.filter((id) => id.startsWith(prefix));

function uniqueEnis(lists: NetworkInterface[][]): NetworkInterface[] {
  const byId = new Map<string, NetworkInterface>();
  for (const eni of lists.flat()) if (eni.NetworkInterfaceId) byId.set(eni.NetworkInterfaceId, eni);
  return [...byId.values()];
}

function uniqueReservations(lists: Reservation[][]): Reservation[] {
  const seen = new Set<string>();
  const out: Reservation[] = [];
  for (const r of lists.flat()) {
    const instances = (r.Instances ?? []).filter((i) => i.InstanceId && !seen.has(i.InstanceId));
    for (const i of instances) seen.add(i.InstanceId as string);
    if (instances.length > 0) out.push({ ...r, Instances: instances });
  }
  return out;
}

/**
 * Re-reads only what a move involves, with filtered describes (unknown ids simply come back empty, so the
 * checker, not EC2, reports them): the named ENIs and the holders of the named IPs, the named instances and
 * the instances those ENIs are attached to, all ENIs of those instances (slot counts), their addresses,
 * subnets, VPCs with their internet gateways, and the instance types. Three rounds, about 15 calls.
 */
export async function loadScopedSnapshot(client: EC2Client, scope: Scope): Promise<Snapshot> {
  const ids = [...new Set(scope.ids)];
  const eniIds = withPrefix(ids, 'eni-');
  const instanceIds = withPrefix(ids, 'i-');
  const allocationIds = withPrefix(ids, 'eipalloc-');
  const ips = [...new Set(scope.ips ?? [])];

  // Round 1: what the scope names directly.
  const [enisById, enisByIp, enisOfInstances, reservations1, addresses1] = await Promise.all([
    byFilter('network-interface-id', eniIds, (f) => ec2Describe.networkInterfaces(client, f)),
    byFilter('addresses.private-ip-address', ips, (f) => ec2Describe.networkInterfaces(client, f)),
    byFilter('attachment.instance-id', instanceIds, (f) => ec2Describe.networkInterfaces(client, f)),
    byFilter('instance-id', instanceIds, (f) => ec2Describe.reservations(client, f)),
    byFilter('allocation-id', allocationIds, (f) => ec2Describe.addresses(client, f)),
  ]);

  // Round 2: instances the found ENIs (or the EIPs' ENIs) are attached to, and those instances' other ENIs.
  const found1 = uniqueEnis([enisById, enisByIp, enisOfInstances]);
  const known = new Set(instanceIds);
  const moreInstances = [...found1.map((e) => e.Attachment?.InstanceId), ...addresses1.map((a) => a.InstanceId)].filter(
    (id): id is string => !!id && !known.has(id),
  );
  const moreEniIds = addresses1.map((a) => a.NetworkInterfaceId).filter((id): id is string => !!id);
  const [reservations2, enisOfMore, enisOfEips] = await Promise.all([
    byFilter('instance-id', moreInstances, (f) => ec2Describe.reservations(client, f)),
    byFilter('attachment.instance-id', moreInstances, (f) => ec2Describe.networkInterfaces(client, f)),
    byFilter('network-interface-id', moreEniIds, (f) => ec2Describe.networkInterfaces(client, f)),
  ]);
  const networkInterfaces = uniqueEnis([found1, enisOfMore, enisOfEips]);
  const reservations = uniqueReservations([reservations1, reservations2]);
  const instances = reservations.flatMap((r) => r.Instances ?? []);

  // Round 3: the places they live in, every address on those ENIs, and the types.
  const subnetIds = [
    ...withPrefix(ids, 'subnet-'),
    ...networkInterfaces.map((e) => e.SubnetId),
    ...instances.map((i) => i.SubnetId),
  ].filter((id): id is string => !!id);
  const vpcIds = [
    ...withPrefix(ids, 'vpc-'),
    ...networkInterfaces.map((e) => e.VpcId),
    ...instances.map((i) => i.VpcId),
  ].filter((id): id is string => !!id);
  const allEniIds = networkInterfaces.map((e) => e.NetworkInterfaceId).filter((id): id is string => !!id);
  const [subnets, vpcs, internetGateways, addresses2, instanceTypes, securityGroups, enisOfSubnets] = await Promise.all(
    [
      byFilter('subnet-id', subnetIds, (f) => ec2Describe.subnets(client, f)),
      byFilter('vpc-id', vpcIds, (f) => ec2Describe.vpcs(client, f)),
      byFilter('attachment.vpc-id', vpcIds, (f) => ec2Describe.internetGateways(client, f)),
      byFilter('network-interface-id', allEniIds, (f) => ec2Describe.addresses(client, f)),
      ec2Describe.instanceTypes(client, typesInUse(reservations)),
      byFilter('group-id', withPrefix(ids, 'sg-'), (f) => ec2Describe.securityGroups(client, f)),
      scope.wholeSubnets
        ? byFilter('subnet-id', subnetIds, (f) => ec2Describe.networkInterfaces(client, f))
        : Promise.resolve([]),
    ],
  );
  const addresses = [...new Map([...addresses1, ...addresses2].map((a) => [a.AllocationId ?? a.PublicIp, a])).values()];
  return finish(client, {
    vpcs,
    subnets,
    internetGateways,
    securityGroups,
    reservations,
    networkInterfaces: uniqueEnis([networkInterfaces, enisOfSubnets]),
    addresses,
    instanceTypes,
  });
}
