// GET /api/topology: { ok: true, snapshot, settings }, the Snapshot and the server's CheckSettings, so the canvas
// checks moves with the same settings as the server; errors are { ok: false, code, message }.
import { topologyEndpoint } from '@/lib/http/endpoints';
import { guardRoute } from '@/lib/http/guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = guardRoute(topologyEndpoint);
