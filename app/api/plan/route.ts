// POST /api/plan: body is a move, or { move, confirmed }; or a failover {"kind":"failover","from","to","ips"} (with
// "rehearse": true, every check and DryRun, nothing changed). Answers { ok: true, plan } or { ok: false, code, message, reasons? }.
import { planOrFailoverEndpoint } from '@/lib/http/failover-endpoints';
import { guardRoute } from '@/lib/http/guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = guardRoute(planOrFailoverEndpoint);
