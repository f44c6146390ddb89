// GET /api/audit/export?user=&resource=&outcome=&action=&since=: every matching entry as JSON Lines, newest first.
import { readAuditAll } from '@/lib/actions/audit';
import { respond } from '@/lib/actions/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const result = await readAuditAll(request.headers, new URL(request.url).searchParams);
  if (!result.ok) return respond(result);
  const encoder = new TextEncoder();
  const entries = result.entries;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await entries.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
    },
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return new Response(body, {
    headers: {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="eni-console-audit-${stamp}.jsonl"`,
      'Cache-Control': 'no-store',
    },
  });
}
