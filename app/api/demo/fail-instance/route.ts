// POST /api/demo/fail-instance {"instanceId":"i-…"}: the emulator fails the instance's status checks (demo mode only).
import { demoFailEndpoint } from '@/lib/http/demo-endpoints';
import { guardRoute } from '@/lib/http/guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = guardRoute(demoFailEndpoint);
