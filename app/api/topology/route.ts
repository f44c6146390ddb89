// GET /api/topology: the Snapshot JSON plus `ok: true` and the server's CheckSettings (`settings`), so the
// canvas checks moves with the same settings as the server; errors are { ok: false, code, message }.
import { readTopology } from '@/lib/ec2/topology';
import { httpStatusFor } from '@/lib/ec2/errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request?: Request): Promise<Response> {
  // The request's signal fires when the browser cancels the refresh: the EC2 calls stop with it.
  const result = await readTopology(undefined, request?.signal);
  if (!result.ok) return Response.json(result, { status: httpStatusFor(result) });
  return Response.json({ ok: true, ...result.snapshot, settings: result.settings }, { headers: { 'Cache-Control': 'no-store' } });
}
