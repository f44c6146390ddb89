// POST /api/plan: body is a move, or { move, confirmed }. Answers { ok: true, plan } or { ok: false, code, message, reasons? }.
import { planEndpoint } from '@/lib/http/endpoints';
import { guardRoute } from '@/lib/http/guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = guardRoute(planEndpoint);
