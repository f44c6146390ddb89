// The record as the browser reads it: GET /api/audit with filters, validated, a page at a time.
import { infiniteQueryOptions } from '@tanstack/react-query';
import { z } from 'zod';

export const auditRecordSchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  outcome: z.enum(['ok', 'refused', 'failed', 'denied', 'unknown']),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  role: z.string().nullable(),
  sourceIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  resourceIds: z.array(z.string()),
  requestIds: z.array(z.string()),
  details: z.unknown(),
  /** The account and region acted in (null: the default scope, or not an EC2 action). */
  account: z.string().nullable().default(null),
  region: z.string().nullable().default(null),
});
export type AuditRecordView = z.infer<typeof auditRecordSchema>;

const pageSchema = z.object({
  ok: z.literal(true),
  entries: z.array(auditRecordSchema),
  nextCursor: z.string().nullable(),
});
const failureSchema = z.object({ ok: z.literal(false), message: z.string() });

export type AuditFilters = { user?: string; resource?: string; outcome?: string; account?: string; region?: string };

export function auditSearch(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) params.set(k, v);
  return params.toString();
}

export function auditQueryOptions(filters: AuditFilters, pageSize = 30) {
  return infiniteQueryOptions({
    queryKey: ['audit', filters, pageSize],
    initialPageParam: null as string | null,
    getNextPageParam: (last: z.infer<typeof pageSchema>) => last.nextCursor,
    queryFn: async ({ pageParam, signal }) => {
      const res = await fetch(
        `/api/audit?${auditSearch(filters, { limit: String(pageSize), ...(pageParam ? { cursor: pageParam } : {}) })}`,
        { signal },
      );
      const body: unknown = await res.json().catch(() => null);
      const failure = failureSchema.safeParse(body);
      if (failure.success) throw new Error(failure.data.message);
      const page = pageSchema.safeParse(body);
      if (!page.success) throw new Error(`The server answered ${res.status} without a page of the record.`);
      return page.data;
    },
  });
}
