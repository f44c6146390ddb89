// The declarative scenario format (JSON files in scenarios/), validated with zod before building.
import { z } from 'zod';

const secondaryIps = z.union([z.array(z.string()), z.number().int().min(0)]);

/** What EKS-style nodes carry besides addresses (ec2-rules §2.7): delegated /28 prefixes, IPv6, a card, a type. */
const extras = {
  /** How many IPv4 /28 prefixes to delegate (each takes one of the type's IPv4 slots). */
  ipv4Prefixes: z.number().int().min(0).optional(),
  /** How many IPv6 addresses to assign from the subnet's /64 (the subnet needs `ipv6Cidr`). */
  ipv6Addresses: z.number().int().min(0).optional(),
};

const eniSpec = z.strictObject({
  key: z.string().optional(),
  deviceIndex: z.number().int().min(1),
  /** Network card of a multi-card type (default 0); device indexes are per card. */
  networkCardIndex: z.number().int().min(0).optional(),
  interfaceType: z.enum(['interface', 'efa', 'efa-only', 'trunk']).optional(),
  ...extras,
  subnet: z.string(),
  ip: z.string().optional(),
  secondaryIps: secondaryIps.optional(),
  sourceDestCheck: z.boolean().optional(),
  description: z.string().optional(),
  name: z.string().optional(),
  groups: z.array(z.string()).optional(),
});

const instanceSpec = z.strictObject({
  key: z.string(),
  name: z.string(),
  type: z.string(),
  state: z.enum(['running', 'stopped']).default('running'),
  subnet: z.string(),
  ip: z.string().optional(),
  secondaryIps: secondaryIps.optional(),
  groups: z.array(z.string()).optional(),
  publicIp: z.boolean().optional(),
  sourceDestCheck: z.boolean().optional(),
  description: z.string().optional(),
  keyName: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  enis: z.array(eniSpec).optional(),
  ...extras,
});

const poolEniSpec = z.strictObject({
  key: z.string(),
  subnet: z.string(),
  ip: z.string().optional(),
  secondaryIps: secondaryIps.optional(),
  description: z.string().optional(),
  name: z.string().optional(),
  groups: z.array(z.string()).optional(),
  sourceDestCheck: z.boolean().optional(),
  /** `branch`: an EKS pod ENI, associated with a trunk by the VPC resource controller, never attached directly. */
  interfaceType: z.enum(['interface', 'branch']).optional(),
  ...extras,
  /** Created by a service (NAT gateway, ELB…): cannot be detached, deleted, modified or reassigned. */
  requesterManaged: z.strictObject({ requesterId: z.string(), interfaceType: z.string() }).optional(),
});

const eipSpec = z.strictObject({
  name: z.string().optional(),
  /** ENI key (instance `key/eth<N>` or pool key) and optional private IP (default: the ENI's primary). */
  eni: z.string().optional(),
  ip: z.string().optional(),
});

const vpcSpec = z.strictObject({
  key: z.string(),
  name: z.string(),
  cidr: z.string(),
  internetGateway: z.boolean(),
  /** An Amazon-provided IPv6 /56 (dual-stack VPC). */
  ipv6Cidr: z.string().optional(),
  securityGroups: z.array(z.strictObject({ key: z.string(), name: z.string(), description: z.string() })).default([]),
  subnets: z.array(
    z.strictObject({
      key: z.string(),
      name: z.string(),
      az: z.enum(['a', 'b', 'c']),
      cidr: z.string(),
      public: z.boolean().default(false),
      /** A /64 of the VPC's /56 (dual-stack subnet). */
      ipv6Cidr: z.string().optional(),
    }),
  ),
});

export const scenarioSchema = z.strictObject({
  title: z.string(),
  description: z.string(),
  settings: z.strictObject({ eipQuota: z.number().int().min(0).optional() }).default({}),
  eniQuota: z.number().int().positive().optional(),
  vpcs: z.array(vpcSpec).default([]),
  instances: z.array(instanceSpec).default([]),
  networkInterfaces: z.array(poolEniSpec).default([]),
  elasticIps: z.array(eipSpec).default([]),
  /** Expanded in code (scenarios/generate-large.ts) into vpcs/instances/elasticIps, deterministically. */
  generator: z
    .strictObject({
      kind: z.literal('large'),
      /** Prefix of VPC and subnet names (`large` when absent). */
      namePrefix: z
        .string()
        .regex(/^[a-z][a-z0-9-]*$/)
        .optional(),
      vpcs: z.number().int().min(1).max(9),
      vpcsWithInternetGateway: z.number().int().min(0),
      instances: z.number().int().min(1),
      enisPerInstance: z.number().int().min(1),
      secondaryIpsPerEni: z.number().int().min(0),
      elasticIps: z.number().int().min(0),
      stoppedEvery: z.number().int().min(0),
      types: z.array(z.string()).min(1),
    })
    .optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;
/** What a caller writes (defaults still unapplied): the shape of an inline definition for reset. */
export type ScenarioDefinition = z.input<typeof scenarioSchema>;
