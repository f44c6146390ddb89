// GET /api/audit/export?user=&resource=&outcome=&action=&since=: every matching entry as JSON Lines, newest first.
import { auditExportEndpoint } from '@/lib/http/audit-endpoints';
import { guardRoute } from '@/lib/http/guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = guardRoute(auditExportEndpoint);
