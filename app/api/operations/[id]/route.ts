// GET /api/operations/{id}: one operation of the journal by its id (op-…), with its steps and outcome.
import { guardRoute } from '@/lib/http/guard';
import { operationEndpoint } from '@/lib/http/operation-endpoints';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = guardRoute(operationEndpoint);
