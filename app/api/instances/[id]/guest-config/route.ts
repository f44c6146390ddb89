// GET /api/instances/{id}/guest-config?format=iproute2|netplan|ifupdown: the guest OS configuration of an instance
// (policy routing for its ENIs and secondary IPs) as text/plain, for scripts; errors are { ok: false, code, message }.
import { guestConfigEndpoint } from '@/lib/http/endpoints';
import { guardRoute } from '@/lib/http/guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = guardRoute(guestConfigEndpoint);
