// Changes an admin makes without leaving the console (create/delete an ENI, add/remove IPs, allocate/release an
// Elastic IP, flip source/dest check, stop or start an instance): their move schemas, and the placeholders that stand
// for created ids.
import { z } from 'zod';
import { ipv4, eniId, instanceId, allocationId, subnetId, groupId } from './ids';

/**
 * Text EC2 can carry: its answers are XML, which has no NUL, no other C0 control but tab and line breaks, and no
 * lone surrogate, so such a description or tag could never be read back (and Postgres refuses NUL in the journal).
 */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const text = () =>
  z
    .string()
    .refine(
      (t) => !NOT_XML.test(t),
      'Contains a character EC2 cannot store (NUL or another control character, or a broken surrogate): remove it',
    );

/** EC2 tag values: at most 256 characters (ec2-rules §3.20). */
const name = text()
  .trim()
  .min(1, 'A name needs at least one character')
  .max(256, 'A Name tag holds at most 256 characters');
const tagKey = text()
  .min(1, 'A tag key needs at least one character')
  .max(127, 'A tag key holds at most 127 characters')
  .refine((k) => !k.toLowerCase().startsWith('aws:'), 'Tag keys starting with aws: are reserved by AWS');
/** 64 is the largest per-ENI IPv4 limit in the catalogue (ec2-rules §7): no request can carry more. */
const addresses = z.array(ipv4).min(1, 'Name at least one address').max(63, 'At most 63 secondary addresses per ENI');

export const changeSchemas = [
  z
    .object({
      kind: z.literal('create-eni'),
      subnetId,
      securityGroupIds: z.array(groupId).min(1).max(5, 'An ENI has at most 5 security groups').optional(),
      description: text().max(255, 'A description holds at most 255 characters').optional(),
      /** The primary private IP; the plan picks the lowest free one when absent. */
      privateIp: ipv4.optional(),
      secondaryCount: z.number().int().min(0).max(63).optional(),
      /** Secondary addresses resolved by the plan (the lowest free ones) so its calls and result are exact. */
      secondaryIps: addresses.optional(),
      name: name.optional(),
      attachTo: z
        .object({ instanceId, deviceIndex: z.number().int().min(1).max(127).optional() })
        .strict()
        .optional(),
    })
    .strict(),
  /** Only an ENI that is available (not attached) can be deleted (ec2-rules §3.10). */
  z.object({ kind: z.literal('delete-eni'), eni: eniId }).strict(),
  /** `count` asks for that many free addresses; the plan resolves them into `addresses`. */
  z
    .object({
      kind: z.literal('assign-ips'),
      eni: eniId,
      count: z.number().int().min(1).max(63).optional(),
      addresses: addresses.optional(),
    })
    .strict()
    .refine((m) => (m.count === undefined) !== (m.addresses === undefined), {
      message: 'Give either count or addresses, not both',
    }),
  z.object({ kind: z.literal('unassign-ips'), eni: eniId, addresses }).strict(),
  z.object({ kind: z.literal('allocate-eip'), name: name.optional() }).strict(),
  /** Refused while associated: the address must be disassociated first (ec2-rules §3.16). */
  z.object({ kind: z.literal('release-eip'), allocationId }).strict(),
  z.object({ kind: z.literal('set-source-dest-check'), eni: eniId, enabled: z.boolean() }).strict(),
  /** An empty description clears it; at most 255 characters, as for create-eni. */
  z
    .object({
      kind: z.literal('set-description'),
      eni: eniId,
      description: text().max(255, 'A description holds at most 255 characters'),
    })
    .strict(),
  /** Replaces the whole set: 1 to 5 groups of the ENI's VPC (ec2-rules §3.19). */
  z
    .object({
      kind: z.literal('set-security-groups'),
      eni: eniId,
      groupIds: z
        .array(groupId)
        .min(1, 'An ENI needs at least one security group')
        .max(5, 'An ENI has at most 5 security groups')
        .refine((ids) => new Set(ids).size === ids.length, 'Name each security group once'),
    })
    .strict(),
  /** Stops a running instance (ec2-rules §3.21): its Amazon-assigned public IPv4 goes, ENIs and EIPs stay. */
  z.object({ kind: z.literal('stop-instance'), instance: instanceId }).strict(),
  /** Starts a stopped instance (ec2-rules §3.21). */
  z.object({ kind: z.literal('start-instance'), instance: instanceId }).strict(),
  /**
   * Tags to create or overwrite and keys to delete, on an ENI, an Elastic IP or an instance. Keys and values within EC2's limits,
   * the `aws:` prefix reserved (ec2-rules §3.20).
   */
  z
    .object({
      kind: z.literal('set-tags'),
      resourceId: z
        .string()
        .regex(
          /^(eni|eipalloc|i)-[0-9a-f]{8}([0-9a-f]{9})?$/,
          'Expected an ENI, allocation or instance id such as eni-0123456789abcdef0, eipalloc-0123456789abcdef0 or i-0123456789abcdef0',
        ),
      tags: z.record(tagKey, text().max(256, 'A tag value holds at most 256 characters')),
      remove: z.array(tagKey).optional(),
    })
    .strict()
    .refine((m) => Object.keys(m.tags).length > 0 || (m.remove?.length ?? 0) > 0, {
      message: 'Set or remove at least one tag',
    })
    .refine((m) => !(m.remove ?? []).some((k) => k in m.tags), {
      message: 'A key cannot be both set and removed',
    }),
] as const;

/**
 * What a step's input says instead of the id of a resource an earlier step of the same plan creates: the executor
 * substitutes the id EC2 returned (bindCreated). The same words are the shell variables of the plan's CLI lines.
 */
export const CREATED = { eni: '$ENI_ID', eip: '$ALLOCATION_ID' } as const;
export type CreatedKind = keyof typeof CREATED;
/** The ids the plan's steps created, by kind. */
export type Created = Partial<Record<CreatedKind, string>>;

function substitute(value: unknown, created: Created): unknown {
  if (typeof value === 'string') {
    let out = value;
    for (const kind of Object.keys(CREATED) as CreatedKind[]) {
      const id = created[kind];
      if (id) out = out.split(CREATED[kind]).join(id);
    }
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, created));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, created)]));
  return value;
}

/** A step (or any value) with the placeholders of the created ids replaced by the real ids. */
export function bindCreated<T>(value: T, created: Created): T {
  return substitute(value, created) as T;
}

/** Members holding what a user typed (or the account held): text that may spell a placeholder, never an id. */
const USER_TEXT = new Set(['Description', 'Tags', 'TagSpecifications', 'cli', 'description']);

/**
 * Whether a value (a step) names a resource an earlier step creates: it cannot be sent, nor dry-run, before. Only an
 * id member that is the placeholder counts: a description reading "see $ENI_ID" must not skip the step's DryRun.
 */
export function namesCreated(value: unknown): boolean {
  if (typeof value === 'string') return (Object.values(CREATED) as string[]).includes(value);
  if (Array.isArray(value)) return value.some(namesCreated);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([key, v]) => !USER_TEXT.has(key) && namesCreated(v));
  return false;
}
