// POST /api/apply: body is a move, or { move, confirmed }. Answers { ok: true, plan, requestIds, verified } or
// { ok: false, code, message, reasons? }.
import { applyMoveAction } from '@/lib/actions/apply';
import { readJsonBody } from '@/lib/actions/input';
import { respond } from '@/lib/actions/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  return respond(body.ok ? await applyMoveAction(body.body) : body);
}
