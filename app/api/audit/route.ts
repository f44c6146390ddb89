// GET /api/audit?user=&resource=&outcome=&action=&since=&limit=&cursor=: the record, newest first, one page:
// { ok: true, entries, nextCursor } — pass nextCursor back as cursor for the next page. Any signed-in role.
import { readAuditPage } from '@/lib/actions/audit';
import { respond } from '@/lib/actions/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return respond(await readAuditPage(request.headers, new URL(request.url).searchParams));
}
