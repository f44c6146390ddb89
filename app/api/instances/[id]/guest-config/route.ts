// GET /api/instances/{id}/guest-config?format=iproute2|netplan|ifupdown: the guest OS configuration of an instance
// (policy routing for its ENIs and secondary IPs) as text/plain, for scripts; errors are { ok: false, code, message }.
import { httpStatusFor } from '@/lib/ec2/errors';
import { readTopology } from '@/lib/ec2/topology';
import { describeIssues } from '@/lib/actions/input';
import { fail, type Failure } from '@/lib/result';
import { guestConfigFor, guestConfigRequestSchema } from '@/lib/topology/guest-config';
import { renderGuestConfig } from '@/lib/topology/guest-config-render';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const failure = (f: Failure) => Response.json(f, { status: httpStatusFor(f) });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const query = guestConfigRequestSchema.safeParse({ id: (await params).id, format: new URL(request.url).searchParams.get('format') ?? undefined });
  if (!query.success) {
    const message = describeIssues(query.error).replace('field "id"', 'the instance id in the path').replace('field "format"', 'the query parameter "format"');
    return failure(fail('invalid-input', `${message[0]!.toUpperCase()}${message.slice(1)}. For example: /api/instances/i-0123456789abcdef0/guest-config?format=iproute2`));
  }
  const topology = await readTopology();
  if (!topology.ok) return failure(topology);
  const config = guestConfigFor(topology.snapshot, query.data.id);
  if (!config) return failure(fail('not-found', `There is no instance ${query.data.id} in ${topology.snapshot.region}. Check the id with GET /api/topology.`));
  return new Response(renderGuestConfig(config, query.data.format), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Guest-Config-Needed': String(config.needed) },
  });
}
