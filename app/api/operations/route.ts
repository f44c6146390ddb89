// GET /api/operations?unfinished=1: the operation journal (only the operations never finished with unfinished=1),
// each unfinished one with the observed state of its resources; any signed-in role may read it.
import { guardRoute } from '@/lib/http/guard';
import { operationsEndpoint } from '@/lib/http/operation-endpoints';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = guardRoute(operationsEndpoint);
