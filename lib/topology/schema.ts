// The console's own model of an EC2 region's network layer. Pure data: no SDK shapes, no React.
// lib/ec2 maps EC2 answers into it; the canvas, the rules and the planner all read it.
import { z } from 'zod';

export const tagsSchema = z.record(z.string(), z.string());
export type Tags = z.infer<typeof tagsSchema>;

export const vpcSchema = z.object({
  id: z.string(),
  cidr: z.string(),
  /** Every IPv4 CIDR associated with the VPC (the primary one first). */
  cidrs: z.array(z.string()),
  isDefault: z.boolean(),
  state: z.string(),
  /** True when an internet gateway is attached: the precondition for associating an Elastic IP. */
  hasInternetGateway: z.boolean(),
  internetGatewayId: z.string().nullable(),
  name: z.string().nullable(),
  tags: tagsSchema,
});
export type Vpc = z.infer<typeof vpcSchema>;

export const subnetSchema = z.object({
  id: z.string(),
  vpcId: z.string(),
  az: z.string(),
  azId: z.string().nullable(),
  cidr: z.string(),
  /** EC2's availableIpAddressCount: usable addresses (size − 5 reserved) not held by any ENI. */
  availableIpCount: z.number().int(),
  /** The subnet's IPv6 /64 when dual-stack; absent in older snapshots. */
  ipv6Cidr: z.string().nullable().optional(),
  name: z.string().nullable(),
  tags: tagsSchema,
});
export type Subnet = z.infer<typeof subnetSchema>;

export const securityGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  vpcId: z.string().nullable(),
  description: z.string(),
});
export type SecurityGroup = z.infer<typeof securityGroupSchema>;

export const instanceStateSchema = z.enum(['pending', 'running', 'shutting-down', 'terminated', 'stopping', 'stopped']);
export type InstanceState = z.infer<typeof instanceStateSchema>;

/** DescribeInstanceStatus for one instance. Optional on the instance: older snapshots and endpoints without it parse. */
export const instanceHealthSchema = z.object({
  /** SystemStatus.Status: ok | impaired | insufficient-data | initializing | not-applicable (any string EC2 sends is kept). */
  system: z.string(),
  /** InstanceStatus.Status, same values. */
  instance: z.string(),
  /** The earliest ImpairedSince of a failed check (ISO 8601), or null. */
  impairedSince: z.string().nullable(),
});
export type InstanceHealth = z.infer<typeof instanceHealthSchema>;

export const instanceSchema = z.object({
  id: z.string(),
  type: z.string(),
  state: instanceStateSchema,
  az: z.string(),
  vpcId: z.string().nullable(),
  subnetId: z.string().nullable(),
  privateIp: z.string().nullable(),
  publicIp: z.string().nullable(),
  launchTime: z.string().nullable(),
  platform: z.string().nullable(),
  name: z.string().nullable(),
  tags: tagsSchema,
  /** Status checks; absent when the snapshot was read without them (or the instance was not running). */
  health: instanceHealthSchema.optional(),
});
export type Instance = z.infer<typeof instanceSchema>;

/** A public IPv4 on a private IP: an Elastic IP (allocationId set) or an Amazon-assigned one (ipOwnerId 'amazon'). */
export const publicAssociationSchema = z.object({
  publicIp: z.string(),
  publicDnsName: z.string().nullable(),
  ipOwnerId: z.string().nullable(),
  allocationId: z.string().nullable(),
  associationId: z.string().nullable(),
});
export type PublicAssociation = z.infer<typeof publicAssociationSchema>;

export const privateIpSchema = z.object({
  address: z.string(),
  primary: z.boolean(),
  dnsName: z.string().nullable(),
  association: publicAssociationSchema.nullable(),
});
export type PrivateIp = z.infer<typeof privateIpSchema>;

export const attachmentSchema = z.object({
  id: z.string(),
  instanceId: z.string().nullable(),
  deviceIndex: z.number().int(),
  networkCardIndex: z.number().int(),
  /** attaching | attached | detaching | detached */
  status: z.string(),
  deleteOnTermination: z.boolean(),
  attachTime: z.string().nullable(),
});
/** @public The model's attachment type, beside its schema like every other. */
export type Attachment = z.infer<typeof attachmentSchema>;

export const eniSchema = z.object({
  id: z.string(),
  subnetId: z.string(),
  vpcId: z.string(),
  az: z.string(),
  description: z.string(),
  /** available | in-use | attaching | detaching | associated (any string EC2 sends is kept) */
  status: z.string(),
  macAddress: z.string().nullable(),
  privateDnsName: z.string().nullable(),
  sourceDestCheck: z.boolean(),
  interfaceType: z.string(),
  requesterManaged: z.boolean(),
  ownerId: z.string().nullable(),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  attachment: attachmentSchema.nullable(),
  /** Primary first, then secondaries in EC2's order. */
  privateIps: z.array(privateIpSchema),
  /** Delegated IPv4 /28 prefixes (EKS prefix delegation): each takes one IPv4 slot. Optional: older snapshots parse. */
  ipv4Prefixes: z.array(z.string()).optional(),
  /** IPv6 addresses (read-only in the console). Optional: older snapshots parse. */
  ipv6Addresses: z.array(z.string()).optional(),
  name: z.string().nullable(),
  tags: tagsSchema,
});
export type Eni = z.infer<typeof eniSchema>;

export const eipSchema = z.object({
  allocationId: z.string(),
  publicIp: z.string(),
  associationId: z.string().nullable(),
  eniId: z.string().nullable(),
  privateIp: z.string().nullable(),
  instanceId: z.string().nullable(),
  networkBorderGroup: z.string().nullable(),
  name: z.string().nullable(),
  tags: tagsSchema,
});
export type Eip = z.infer<typeof eipSchema>;

export const instanceTypeLimitsSchema = z.object({
  type: z.string(),
  /** MaximumNetworkInterfaces, including the primary ENI. */
  maxEnis: z.number().int().positive(),
  /** Ipv4AddressesPerInterface, including the primary private IP. */
  ipv4PerEni: z.number().int().positive(),
  networkCards: z.number().int().positive(),
  /** NetworkInfo.NetworkCards: the ENI limit of each card, when the endpoint lists them. */
  cards: z.array(z.object({ index: z.number().int().min(0), maxEnis: z.number().int().positive() })).optional(),
});
export type InstanceTypeLimits = z.infer<typeof instanceTypeLimitsSchema>;

export const snapshotSchema = z.object({
  region: z.string(),
  /** The endpoint the snapshot was read from; null for the SDK's default (real AWS). */
  endpoint: z.string().nullable(),
  /** The endpoint's Server header: `AmazonEC2` for AWS; the built-in emulator names itself. */
  endpointServer: z.string().nullable().optional(),
  fetchedAt: z.string(),
  vpcs: z.array(vpcSchema),
  subnets: z.array(subnetSchema),
  securityGroups: z.array(securityGroupSchema),
  instances: z.array(instanceSchema),
  enis: z.array(eniSchema),
  eips: z.array(eipSchema),
  /** Why the status checks could not be read (e.g. a missing ec2:DescribeInstanceStatus permission); absent when read. */
  healthUnavailable: z.string().optional(),
  /** Keyed by instance type name; only the types in use. */
  instanceTypes: z.record(z.string(), instanceTypeLimitsSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;
