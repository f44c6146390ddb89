// POST /api/operations/{id}/resolve {"action":"finish"|"restore"}: closes an unfinished operation by completing
// its move or putting its resources back, each planned and applied like any move (operator role or higher).
import { guardRoute } from '@/lib/http/guard';
import { resolveEndpoint } from '@/lib/http/operation-endpoints';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return guardRoute(resolveEndpoint(id))(request, context);
}
