// The audit record: append one entry (the application never updates or deletes one), and read them back newest
// first, filtered by user, resource, outcome, action, account, region and time, a page at a time.
import { sql, type Kysely } from 'kysely';
import type { AuditEntry } from '@/lib/auth/roles';
import { getDatabase } from './database';
import type { Database } from './schema';

export type AuditRecord = AuditEntry & { id: string; at: string };

export type AuditQuery = {
  /** A user's name or id. */
  user?: string;
  /** An EC2 resource id (or private IP) the entry concerns. */
  resource?: string;
  outcome?: AuditEntry['outcome'];
  action?: string;
  /** The account id (e.g. staging) or region (e.g. eu-west-1) the entry acted in. */
  account?: string;
  region?: string;
  /** Only entries at or after this time. */
  since?: Date;
  /** Page size, 1–500 (default 50). */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
};

export type AuditPage = { entries: AuditRecord[]; nextCursor: string | null };

export const auditLimits = { default: 50, max: 500 } as const;

/** The entry's account or region: its own, else what its details name (plan and apply put them there). */
function scopeField(entry: AuditEntry, key: 'account' | 'region'): string | null {
  if (entry[key] !== undefined) return entry[key];
  const details = entry.details as Record<string, unknown> | null | undefined;
  const value = details !== null && typeof details === 'object' ? details[key] : undefined;
  return typeof value === 'string' ? value : null;
}

export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit')
    .values({
      action: entry.action,
      outcome: entry.outcome,
      user_id: entry.userId,
      user_name: entry.userName,
      role: entry.role,
      source_ip: entry.sourceIp,
      user_agent: entry.userAgent,
      resource_ids: entry.resourceIds,
      request_ids: entry.requestIds,
      details: JSON.stringify(entry.details ?? null, storable),
      account: scopeField(entry, 'account'),
      region: scopeField(entry, 'region'),
    })
    .execute();
}

/**
 * Postgres's jsonb refuses NUL and lone surrogates: a request carrying one (in a confirmed plan's text, say) must still
 * be on the record, so they are written as U+FFFD instead of losing the row.
 */
function storable(_key: string, value: unknown): unknown {
  return typeof value === 'string'
    ? value.replace(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    : value;
}

export async function queryAudit(db: Kysely<Database>, query: AuditQuery = {}): Promise<AuditPage> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? auditLimits.default), 1), auditLimits.max);
  let q = db
    .selectFrom('audit')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (query.user) q = q.where((eb) => eb.or([eb('user_name', '=', query.user!), eb('user_id', '=', query.user!)]));
  if (query.resource) q = q.where(sql<boolean>`resource_ids @> array[${query.resource}]::text[]`);
  if (query.outcome) q = q.where('outcome', '=', query.outcome);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.account) q = q.where('account', '=', query.account);
  if (query.region) q = q.where('region', '=', query.region);
  if (query.since) q = q.where(sql<boolean>`at >= ${query.since.toISOString()}::timestamptz`);
  if (query.cursor) q = q.where(sql<boolean>`id < ${query.cursor}::bigint`);
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  return {
    entries: page.map((r) => ({
      id: String(r.id),
      at: new Date(r.at).toISOString(),
      action: r.action,
      outcome: r.outcome as AuditEntry['outcome'],
      userId: r.user_id,
      userName: r.user_name,
      role: r.role as AuditEntry['role'],
      sourceIp: r.source_ip,
      userAgent: r.user_agent,
      resourceIds: r.resource_ids,
      requestIds: r.request_ids,
      details: r.details,
      account: r.account,
      region: r.region,
    })),
    nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
  };
}

/** Appends one entry to this process's database. Throws when the database cannot be written. */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  const { db } = await getDatabase();
  await appendAudit(db, entry);
}

/** One page of this process's record, newest first. */
export async function listAudit(query: AuditQuery = {}): Promise<AuditPage> {
  const { db } = await getDatabase();
  return queryAudit(db, query);
}
