// POST /api/plan: body is a move, or { move, confirmed }. Answers { ok: true, plan } or { ok: false, code, message, reasons? }.
import { planMoveAction } from '@/lib/actions/plan';
import { readJsonBody } from '@/lib/actions/input';
import { respond } from '@/lib/actions/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  return respond(body.ok ? await planMoveAction(body.body) : body);
}
