// GET /api/operations/{id}: the steps so far of a failover applied with that operation id (progress display).
import { progressEndpoint } from '@/lib/http/failover-endpoints';
import { guardRoute } from '@/lib/http/guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = guardRoute(progressEndpoint);
