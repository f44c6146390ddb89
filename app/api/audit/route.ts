// GET /api/audit?user=&resource=&outcome=&action=&since=&limit=&cursor=: the record, newest first, one page:
// { ok: true, entries, nextCursor } — pass nextCursor back as cursor for the next page. Any signed-in role.
import { auditPageEndpoint } from '@/lib/http/audit-endpoints';
import { guardRoute } from '@/lib/http/guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = guardRoute(auditPageEndpoint);
