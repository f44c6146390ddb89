// Reading the record for people and scripts: the query parameters checked with zod, the caller identified and
// allowed to read, then one page (newest first) or every matching entry for the JSON Lines export.
import { z } from 'zod';
import { identify } from '@/lib/auth/identify';
import { can } from '@/lib/auth/roles';
import { auditLimits, listAudit, type AuditPage, type AuditQuery, type AuditRecord } from '@/lib/db/audit';
import { fail, type Result } from '@/lib/result';

const outcomes = ['ok', 'refused', 'failed', 'denied', 'unknown'] as const;

export const auditQuerySchema = z.object({
  user: z.string().trim().min(1).max(200).optional(),
  resource: z.string().trim().min(1).max(200).optional(),
  outcome: z.enum(outcomes).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  since: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).optional(),
  limit: z.coerce.number().int().min(1).max(auditLimits.max).optional(),
  cursor: z.string().regex(/^\d{1,19}$/, 'cursor is the nextCursor of a previous page').optional(),
});

function parse(params: URLSearchParams): Result<{ query: AuditQuery }> {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ''));
  const parsed = auditQuerySchema.strict().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      'invalid-input',
      `Bad query parameter ${issue?.path.join('.') || ''}: ${issue?.message ?? 'invalid'}. Use user, resource, outcome (${outcomes.join('|')}), action, since (ISO time, e.g. 2026-01-31T00:00:00Z), limit (1–${auditLimits.max}) and cursor.`,
    );
  }
  return { ok: true, query: parsed.data };
}

async function authorize(headers: Headers): Promise<Result<object>> {
  const identity = await identify(headers);
  if (!identity) return fail('unauthenticated', 'Sign in, or send Authorization: Bearer <token> (npm run token -- create --user NAME).');
  if (!can(identity.role, 'read')) return fail('forbidden', `The ${identity.role} role may not read the record.`);
  return { ok: true };
}

export async function readAuditPage(headers: Headers, params: URLSearchParams): Promise<Result<AuditPage>> {
  const allowed = await authorize(headers);
  if (!allowed.ok) return allowed;
  const parsed = parse(params);
  if (!parsed.ok) return parsed;
  return { ok: true, ...(await listAudit(parsed.query)) };
}

/** Every matching entry, newest first, a page at a time (for the export). */
export async function readAuditAll(headers: Headers, params: URLSearchParams): Promise<Result<{ entries: AsyncGenerator<AuditRecord> }>> {
  const allowed = await authorize(headers);
  if (!allowed.ok) return allowed;
  const parsed = parse(params);
  if (!parsed.ok) return parsed;
  const { limit: _limit, ...query } = parsed.query;
  async function* entries(): AsyncGenerator<AuditRecord> {
    let cursor = query.cursor;
    for (;;) {
      const page = await listAudit({ ...query, cursor, limit: auditLimits.max });
      yield* page.entries;
      if (!page.nextCursor) return;
      cursor = page.nextCursor;
    }
  }
  return { ok: true, entries: entries() };
}
