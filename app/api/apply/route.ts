// POST /api/apply: body is a move, or { move, confirmed, progressId? }. Answers { ok: true, plan, requestIds, verified }
// or { ok: false, code, message, reasons? }. A failover ({"kind":"failover",…} or { move, confirmed, progressId? })
// answers { ok: true, plan, steps, timings }. With a progressId, the steps show at GET /api/progress/{progressId}.
import { applyOrFailoverEndpoint } from '@/lib/http/failover-endpoints';
import { guardRoute } from '@/lib/http/guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = guardRoute(applyOrFailoverEndpoint);
