// The record for people and scripts, at the boundary: GET /api/audit (one page, newest first) and
// GET /api/audit/export (every matching entry as JSON Lines). Any signed-in role may read it.
import 'server-only';
import { z } from 'zod';
import { auditLimits, listAudit, type AuditPage, type AuditQuery, type AuditRecord } from '@/lib/db/audit';
import { accountIdSchema, regionSchema } from '@/lib/ec2/accounts-config';
import { fail } from '@/lib/result';
import type { BoundarySpec, Parsed, QueryInput } from './guard';

const outcomes = ['ok', 'refused', 'failed', 'denied', 'unknown'] as const;

const auditQuerySchema = z
  .object({
    user: z.string().trim().min(1).max(200).optional(),
    resource: z.string().trim().min(1).max(200).optional(),
    outcome: z.enum(outcomes).optional(),
    action: z.string().trim().min(1).max(100).optional(),
    // Any well-formed id or region, configured or not: the record keeps accounts the console no longer offers.
    account: accountIdSchema.optional(),
    region: regionSchema.optional(),
    since: z.iso
      .datetime({ offset: true })
      .transform((s) => new Date(s))
      .optional(),
    limit: z.coerce.number().int().min(1).max(auditLimits.max).optional(),
    cursor: z
      .string()
      .regex(/^\d{1,19}$/, 'cursor is the nextCursor of a previous page')
      .optional(),
  })
  .strict();

function parseAuditQuery(input: unknown): Parsed<AuditQuery> {
  const { query } = input as QueryInput;
  const raw = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
  const parsed = auditQuerySchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return fail(
    'invalid-input',
    `Bad query parameter ${issue?.path.join('.') || ''}: ${issue?.message ?? 'invalid'}. Use user, resource, outcome (${outcomes.join('|')}), action, account (e.g. staging), region (e.g. eu-west-1), since (ISO time, e.g. 2026-01-31T00:00:00Z), limit (1–${auditLimits.max}) and cursor.`,
  );
}

export const auditPageEndpoint: BoundarySpec<AuditQuery, AuditPage> = {
  name: 'audit.read',
  permission: 'read',
  parse: parseAuditQuery,
  handler: async (query) => ({ ok: true, ...(await listAudit(query)) }),
};

/** Every matching entry, newest first, read a page at a time while the answer streams. */
async function* allEntries(query: AuditQuery): AsyncGenerator<AuditRecord> {
  const { limit: _limit, ...rest } = query;
  let cursor = rest.cursor;
  for (;;) {
    const page = await listAudit({ ...rest, cursor, limit: auditLimits.max });
    yield* page.entries;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

export const auditExportEndpoint: BoundarySpec<AuditQuery, { ok: true; entries: AsyncGenerator<AuditRecord> }> = {
  name: 'audit.export',
  permission: 'read',
  parse: parseAuditQuery,
  handler: async (query) => ({ ok: true, entries: allEntries(query) }),
  render: ({ entries }) => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await entries.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
      },
    });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return new Response(body, {
      headers: {
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        'Content-Disposition': `attachment; filename="eni-console-audit-${stamp}.jsonl"`,
        'Cache-Control': 'no-store',
      },
    });
  },
};
