// POST /api/apply: body is a move, or { move, confirmed }. Answers { ok: true, plan, requestIds, verified } or
// { ok: false, code, message, reasons? }. A failover ({"kind":"failover",…} or { move, confirmed, operationId }) answers
// { ok: true, plan, steps, timings } and its progress is at GET /api/operations/{operationId}.
import { applyOrFailoverEndpoint } from '@/lib/http/failover-endpoints';
import { guardRoute } from '@/lib/http/guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = guardRoute(applyOrFailoverEndpoint);
