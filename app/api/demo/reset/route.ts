// POST /api/demo/reset {"scenario":"ha-failover"}: puts the emulator back to a bundled scenario (demo mode only).
import { demoResetEndpoint } from '@/lib/http/demo-endpoints';
import { guardRoute } from '@/lib/http/guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = guardRoute(demoResetEndpoint);
