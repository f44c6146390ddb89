// Builds and validates a whole Snapshot from the raw describe answers; a zod failure becomes a
// malformed-response error naming the resource and the field (so a broken endpoint is diagnosable).
import 'server-only';
import type {
  Address,
  InstanceStatus,
  InstanceTypeInfo,
  InternetGateway,
  NetworkInterface,
  Reservation,
  SecurityGroup as SdkSecurityGroup,
  Subnet as SdkSubnet,
  Vpc as SdkVpc,
} from '@aws-sdk/client-ec2';
import type { z } from 'zod';
import { type Failure, fail } from '@/lib/result';
import {
  type Instance,
  type InstanceHealth,
  type InstanceTypeLimits,
  type Snapshot,
  snapshotSchema,
} from '@/lib/topology/schema';
import {
  attachedGateways,
  reshapeEip,
  reshapeEni,
  reshapeInstance,
  reshapeInstanceStatus,
  reshapeInstanceType,
  reshapeSecurityGroup,
  reshapeSubnet,
  reshapeVpc,
} from './reshape';

/** Everything the describes returned, before reshaping. */
export type RawDescribes = {
  vpcs: SdkVpc[];
  subnets: SdkSubnet[];
  internetGateways: InternetGateway[];
  securityGroups: SdkSecurityGroup[];
  reservations: Reservation[];
  networkInterfaces: NetworkInterface[];
  addresses: Address[];
  instanceTypes: InstanceTypeInfo[];
  /** DescribeInstanceStatus (running instances); absent when not read, with the reason in healthUnavailable. */
  instanceStatuses?: InstanceStatus[];
  healthUnavailable?: string;
};

const collectionLabels: Record<string, [string, (item: Record<string, unknown>) => unknown]> = {
  vpcs: ['VPC', (v) => v.id],
  subnets: ['subnet', (s) => s.id],
  securityGroups: ['security group', (g) => g.id],
  instances: ['instance', (i) => i.id],
  enis: ['network interface', (e) => e.id],
  eips: ['Elastic IP', (a) => a.allocationId ?? a.publicIp],
  instanceTypes: ['instance type', (t) => t.type],
};

/** Turns a zod issue into "network interface eni-… field attachment.deviceIndex: expected number, received undefined". */
function describeIssue(
  issue: z.core.$ZodIssue,
  candidate: Record<string, unknown>,
): { resource: string; field: string; problem: string } {
  const [collection, key, ...rest] = issue.path.map(String);
  const label = collection ? collectionLabels[collection] : undefined;
  let resource = collection ?? 'snapshot';
  if (label && key !== undefined) {
    const list = candidate[collection as string] as Record<string, Record<string, unknown>> | undefined;
    const item = list?.[key];
    const id = item ? label[1](item) : undefined;
    resource = `${label[0]} ${typeof id === 'string' && id ? id : `#${key}`}`;
  }
  return { resource, field: rest.join('.') || (key ?? ''), problem: issue.message };
}

const withHealth = (instance: Instance, health: ReadonlyMap<string, InstanceHealth>): Instance => {
  const h = health.get(instance.id);
  return h ? { ...instance, health: h } : instance;
};

/** Reshapes everything and validates the whole snapshot; a failure names the resource and field. */
export function toSnapshot(
  raw: RawDescribes,
  meta: { region: string; endpoint: string | null; endpointServer?: string | null; fetchedAt?: string },
): { ok: true; snapshot: Snapshot } | Failure {
  const igwByVpc = attachedGateways(raw.internetGateways);
  const enis = raw.networkInterfaces.map(reshapeEni);
  const heldIps = new Map<string, number>();
  // A delegated /28 holds 16 addresses of its subnet (ec2-rules §2.7).
  for (const eni of enis)
    heldIps.set(
      eni.subnetId,
      (heldIps.get(eni.subnetId) ?? 0) + eni.privateIps.length + 16 * (eni.ipv4Prefixes?.length ?? 0),
    );
  const instanceTypes: Record<string, InstanceTypeLimits> = {};
  for (const info of raw.instanceTypes) {
    const limits = reshapeInstanceType(info);
    instanceTypes[String(limits.type)] = limits;
  }
  const health = new Map((raw.instanceStatuses ?? []).flatMap((s) => (s.InstanceId ? [reshapeInstanceStatus(s)] : [])));
  const candidate = {
    region: meta.region,
    endpoint: meta.endpoint,
    endpointServer: meta.endpointServer ?? null,
    fetchedAt: meta.fetchedAt ?? new Date().toISOString(),
    vpcs: raw.vpcs.map((v) => reshapeVpc(v, igwByVpc)),
    subnets: raw.subnets.map((s) => reshapeSubnet(s, heldIps)),
    securityGroups: raw.securityGroups.map(reshapeSecurityGroup),
    instances: raw.reservations.flatMap((r) => r.Instances ?? []).map((i) => withHealth(reshapeInstance(i), health)),
    enis,
    eips: raw.addresses.map(reshapeEip),
    instanceTypes,
    ...(raw.healthUnavailable ? { healthUnavailable: raw.healthUnavailable } : {}),
  };
  const parsed = snapshotSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, snapshot: parsed.data };
  const problems = parsed.error.issues.slice(0, 5).map((issue) => describeIssue(issue, candidate));
  const first = problems[0];
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problem(s))` : '';
  const where = meta.endpoint ?? `EC2 in ${meta.region}`;
  return fail(
    'malformed-response',
    `The EC2 endpoint ${where} answered in a shape the console cannot read: ${first?.resource} field "${first?.field}": ${first?.problem}${more}. ` +
      'Check that AWS_ENDPOINT_URL_EC2 points at an EC2-compatible endpoint.',
    { details: { problems } },
  );
}
