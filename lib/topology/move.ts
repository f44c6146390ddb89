// Moves, plans and the verdicts of the rules: the public data shapes of a drag and drop.
import { z } from 'zod';
import { ipv4, eniId, instanceId, allocationId } from './ids';
import { changeSchemas } from './change';

export const moveSchema = z.discriminatedUnion('kind', [
  /** A secondary IP to another ENI in the same subnet. */
  z.object({ kind: z.literal('move-ip'), ip: ipv4, toEni: eniId }).strict(),
  z.object({ kind: z.literal('unassign-ip'), ip: ipv4 }).strict(),
  /** An ENI (attached elsewhere, or from the pool) to an instance; deviceIndex defaults to the lowest free slot. */
  z
    .object({
      kind: z.literal('move-eni'),
      eni: eniId,
      toInstance: instanceId,
      deviceIndex: z.number().int().min(1).max(127).optional(),
      /** The network card of a multi-card type (ec2-rules §2.7); card 0 when absent. */
      networkCardIndex: z.number().int().min(0).max(31).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('detach-eni'), eni: eniId }).strict(),
  z.object({ kind: z.literal('move-eip'), allocationId, toEni: eniId, toIp: ipv4 }).strict(),
  z.object({ kind: z.literal('disassociate-eip'), allocationId }).strict(),
  /** Only produced as part of an inverse: give an IP back to the ENI it came from. */
  z.object({ kind: z.literal('assign-ip'), ip: ipv4, toEni: eniId }).strict(),
  /** The console's changes (create, delete, assign, allocate, release, attributes): change.ts. */
  ...changeSchemas,
]);
export type Move = z.infer<typeof moveSchema>;
export type MoveKind = Move['kind'];

/** Every rule the checker can cite. Each maps to the EC2 error it predicts (see lib/topology/rule-predictions.ts). */
export const ruleIds = [
  'resource-exists',
  'ip-is-secondary',
  'same-subnet',
  'ip-slot-free',
  'target-is-different',
  'eni-not-primary',
  'eni-not-requester-managed',
  'eni-settled',
  'same-az',
  'cross-vpc-allowed',
  'instance-state',
  'device-index-free',
  'eni-slot-free',
  'eni-ips-fit-type',
  'internet-gateway',
  'ip-on-eni',
  'eip-associated',
  'instance-type-known',
  'ip-free-in-subnet',
  'eni-type-movable',
  'security-group-known',
  'subnet-has-free-addresses',
  'eni-available',
  'eip-idle',
  'tag-limit',
] as const;
export const ruleIdSchema = z.enum(ruleIds);
export type RuleId = z.infer<typeof ruleIdSchema>;

export const reasonSchema = z.object({ rule: ruleIdSchema, message: z.string() });
export type Reason = z.infer<typeof reasonSchema>;

export const ec2ActionSchema = z.enum([
  'AssignPrivateIpAddresses',
  'UnassignPrivateIpAddresses',
  'AttachNetworkInterface',
  'DetachNetworkInterface',
  'AssociateAddress',
  'DisassociateAddress',
  'CreateNetworkInterface',
  'DeleteNetworkInterface',
  'AllocateAddress',
  'ReleaseAddress',
  'ModifyNetworkInterfaceAttribute',
  'CreateTags',
  'DeleteTags',
  'StopInstances',
  'StartInstances',
]);

export const stepSchema = z.object({
  action: ec2ActionSchema,
  /** The exact SDK command input (PascalCase members, as @aws-sdk/client-ec2 takes them). */
  input: z.record(z.string(), z.unknown()),
  /** The equivalent aws CLI line. */
  cli: z.string(),
  /** Whether the operation's model has a DryRun member. */
  supportsDryRun: z.boolean(),
  /** What to wait for after the call before the next step. */
  waitFor: z.enum(['eni-available', 'eni-attached', 'instance-stopped', 'instance-running']).nullable(),
  /** The kind of resource this step creates; later steps name its id by a placeholder (change.ts CREATED). */
  creates: z.enum(['eni', 'eip']).optional(),
  description: z.string(),
});
export type Step = z.infer<typeof stepSchema>;

// Every list is bounded: a confirmed plan comes back from the browser, and its `involved` ids decide how many
// describes the fresh re-read makes, so a padded plan must not multiply EC2 calls (a plan has at most 2 steps).
export const planSchema = z.object({
  move: moveSchema,
  summary: z.string().max(2_000),
  steps: z.array(stepSchema).max(8),
  sideEffects: z.array(z.string().max(2_000)).max(16),
  /** Change in hourly public-IPv4 cost, in USD (idle EIPs and in-use public IPv4 cost the same: pricing.ts). */
  hourlyCostDelta: z.number(),
  /** The moves that undo this one, in order; empty when nothing needs undoing. */
  inverse: z.array(moveSchema).max(8),
  /** Resource ids the plan reads and changes: re-read before applying, re-described after. */
  involved: z
    .array(z.string().regex(/^[a-z]{1,12}-[0-9a-z]{1,32}$/, 'Expected a resource id such as eni-0123456789abcdef0'))
    .max(16, 'A plan involves at most 16 resources; send the plan /api/plan returned'),
});
export type Plan = z.infer<typeof planSchema>;

export type Verdict = { ok: true; plan: Plan } | { ok: false; reasons: Reason[] };

/** Behaviour EC2 has not confirmed (ec2-rules §10): the recommended defaults, kept as settings. */
export const checkSettingsSchema = z.object({
  /** Multi-VPC ENI attachments (same AZ, different VPC): allowed since October 2023. */
  allowCrossVpcAttach: z.boolean().default(true),
  /** AssociateAddress moves an EIP that is associated elsewhere when AllowReassociation is omitted. */
  allowReassociation: z.boolean().default(true),
});
export type CheckSettings = z.infer<typeof checkSettingsSchema>;
export const defaultCheckSettings: CheckSettings = { allowCrossVpcAttach: true, allowReassociation: true };
