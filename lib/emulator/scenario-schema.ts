// The declarative scenario format (JSON files in scenarios/), validated with zod before building.
import { z } from 'zod';

const secondaryIps = z.union([z.array(z.string()), z.number().int().min(0)]);

const eniSpec = z.strictObject({
  key: z.string().optional(),
  deviceIndex: z.number().int().min(1),
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
  securityGroups: z.array(z.strictObject({ key: z.string(), name: z.string(), description: z.string() })).default([]),
  subnets: z.array(
    z.strictObject({
      key: z.string(),
      name: z.string(),
      az: z.enum(['a', 'b', 'c']),
      cidr: z.string(),
      public: z.boolean().default(false),
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
